"""A standing Prefect server, the work pool of ``prefect.yaml`` and process workers, on this
machine: what ``expediente bench ingest`` and the sharded-ingest test run against.

Everything is a subprocess of the caller, started with Prefect's own command line from the
repository root (the deployment's entrypoint is relative to it), in a private
``PREFECT_HOME``; ``close`` stops what was started, by process group, and nothing else.
On several machines the same commands run by hand: one ``prefect server start``, then on
each machine ``prefect worker start --pool expediente-local`` with ``PREFECT_API_URL``
pointing at the server (see the README).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POOL = "expediente-local"  # prefect.yaml's work pool
DEPLOYMENT = "ingest/ingest-local"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StandingPrefect:
    """``with StandingPrefect(home) as prefect:`` a server; ``prefect.deploy()`` the pool and
    the deployment; ``prefect.worker(env=...)`` a process worker. ``prefect.env`` is the
    environment that talks to this server."""

    def __init__(self, home: Path, *, port: int | None = None, startup_seconds: float = 90) -> None:
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.startup_seconds = startup_seconds
        self.env = {**os.environ, "PREFECT_HOME": str(self.home), "PREFECT_API_URL": self.url,
                    "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false",
                    "PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_LOGGING_LEVEL": "WARNING",
                    "PREFECT_LOCAL_STORAGE_PATH": str(self.home / "storage")}
        self.env.pop("PREFECT_PROFILE", None)
        self._processes: list[tuple[subprocess.Popen, object]] = []
        self.workers: list[Path] = []  # each worker's log file

    def __enter__(self) -> StandingPrefect:
        try:
            self._start(["server", "start", "--host", "127.0.0.1", "--port", str(self.port)], "server")
            self._wait_healthy()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def server_pid(self) -> int | None:
        return self._processes[0][0].pid if self._processes else None

    def _prefect(self) -> list[str]:
        return [sys.executable, "-m", "prefect"]

    def _start(self, args: list[str], name: str, env: dict[str, str] | None = None) -> Path:
        log = self.home / f"{name}.log"
        handle = log.open("wb")
        proc = subprocess.Popen([*self._prefect(), *args], cwd=ROOT, env=env or self.env,
                                stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        self._processes.append((proc, handle))
        return log

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + self.startup_seconds
        server = self._processes[0][0]
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError(f"el servidor de Prefect terminó: {(self.home / 'server.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"el servidor de Prefect no respondió en {self.startup_seconds:.0f} s")

    def run(self, *args: str) -> str:
        """A Prefect command against this server, from the repository root."""
        done = subprocess.run([*self._prefect(), *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=180)
        if done.returncode != 0:
            raise RuntimeError(f"prefect {' '.join(args)}: {done.stdout[-1500:]}{done.stderr[-1500:]}")
        return done.stdout

    def deploy(self) -> None:
        """The work pool and every deployment of ``prefect.yaml``."""
        self.run("work-pool", "create", POOL, "--type", "process", "--overwrite")
        self.run("--no-prompt", "deploy", "--all")

    def worker(self, *, env: dict[str, str] | None = None) -> Path:
        """One process worker of the pool, taking one flow run at a time; returns its log."""
        name = f"worker-{len(self.workers) + 1}"
        log = self._start(["worker", "start", "--pool", POOL, "--name", name, "--limit", "1"], name,
                          env={**self.env, **(env or {})})
        self.workers.append(log)
        return log

    def close(self) -> None:
        for proc, handle in reversed(self._processes):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc, handle in reversed(self._processes):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            handle.close()
        self._processes.clear()
