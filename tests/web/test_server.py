"""``expediente serve --workers N``: N processes really answer, with one session secret and
the rate limit shared out between them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from expediente.web import WebSettings
from expediente.web.server import per_worker
from expediente.web.session import load_secret
from search import open_index
from tests.web.conftest import bulk_records


def test_each_worker_gets_its_share_of_the_rate_limit():
    settings = WebSettings(index="x.sqlite", rate_per_second=20, rate_burst=61)
    assert per_worker(settings, 1) == settings
    two = per_worker(settings, 2)
    assert (two.rate_per_second, two.rate_burst) == (10, 31)
    assert per_worker(WebSettings(index="x.sqlite", rate_burst=1), 4).rate_burst == 1


@pytest.mark.parametrize("reuse_port", [False, True])
def test_a_port_in_use_is_refused_not_shared(tmp_path, monkeypatch, reuse_port):
    """Not even with another ``serve`` there: sockets with SO_REUSEPORT would share the port."""
    from expediente.web.server import SETTINGS_ENV, run
    from schemas import QueryError

    monkeypatch.setenv(SETTINGS_ENV, "")
    with socket.socket() as other:
        if reuse_port:
            other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(QueryError, match=f"127.0.0.1:{port}.*--port"):
            run(WebSettings(index=str(tmp_path / "i.sqlite"), data_dir=tmp_path / "data"), host="127.0.0.1",
                port=port, workers=2)


def test_processes_starting_together_share_one_session_secret(tmp_path):
    path = tmp_path / "data" / "web-secret"
    got: list[bytes] = []
    start = threading.Barrier(8)

    def load() -> None:
        start.wait()
        got.append(load_secret(path))

    threads = [threading.Thread(target=load) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(got)) == 1 and bytes.fromhex(path.read_text()) == got[0]
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["web-secret"]  # no drafts left behind


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _workers(pid: int) -> list[int]:
    """The processes ``pid`` started with multiprocessing's spawn (not its resource tracker)."""
    children = [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the worker processes")
def test_serve_with_two_workers_answers_from_two_processes(tmp_path):
    index = tmp_path / "index.sqlite"
    with open_index(index) as idx:
        idx.upsert(bulk_records())
    port = _free_port()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    server = subprocess.Popen([sys.executable, "-c", "from expediente.cli import main; main()", "serve",
                               "--index", str(index), "--port", str(port), "--workers", "2"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/search?q=sentencia", timeout=5):
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.communicate()
                time.sleep(0.2)
        workers = _workers(server.pid)
        assert len(workers) == 2, workers
        before = {pid: _cpu_ticks(pid) for pid in workers}
        statuses: list[int] = []

        def client() -> None:
            for _ in range(7):  # a new connection each time: the kernel hands it to either worker
                # (28 requests in all: under each worker's share of the default burst, 30)
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/?q=reparaci%C3%B3n+civil", timeout=30) as r:
                    statuses.append(r.status)

        threads = [threading.Thread(target=client) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert statuses == [200] * 28
        worked = {pid: _cpu_ticks(pid) - before[pid] for pid in workers}
        assert all(ticks > 0 for ticks in worked.values()), worked
        secrets_ = {p.name for p in (tmp_path / "xdg" / "expediente").iterdir() if p.name.startswith("web-secret")}
        assert secrets_ == {"web-secret"}
        os.kill(workers[0], signal.SIGKILL)  # a worker that dies is started again
        deadline = time.monotonic() + 60
        while len(_workers(server.pid)) < 2 or workers[0] in _workers(server.pid):
            assert time.monotonic() < deadline, _workers(server.pid)
            time.sleep(0.2)
        for _ in range(6):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/?q=sentencia", timeout=30) as r:
                assert r.status == 200
        workers = _workers(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)  # the workers end with the server


def test_connections_are_answered_with_nagle_off(monkeypatch):
    """The socket uvicorn binds for several workers is made without ``proto=IPPROTO_TCP``,
    so asyncio leaves Nagle on: every response then waited 40 ms for a delayed ACK."""
    import socket as so

    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    from expediente.web.server import NoDelayHTTPProtocol

    monkeypatch.setattr(AutoHTTPProtocol, "connection_made", lambda self, transport: None)

    class Transport:
        def __init__(self, sock):
            self.sock = sock

        def get_extra_info(self, name):
            return self.sock if name == "socket" else None

    with so.socket() as listener:  # as uvicorn binds it
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with so.create_connection(listener.getsockname()) as _client:
            conn, _ = listener.accept()
            with conn:
                assert conn.getsockopt(so.IPPROTO_TCP, so.TCP_NODELAY) == 0
                NoDelayHTTPProtocol.__new__(NoDelayHTTPProtocol).connection_made(Transport(conn))
                assert conn.getsockopt(so.IPPROTO_TCP, so.TCP_NODELAY) != 0


def test_serve_takes_the_upload_and_storage_limits(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from expediente import cli
    from expediente.web import server

    from extractors.legal import EXTRACTOR_VERSION

    index = tmp_path / "index.sqlite"
    with open_index(index) as idx:
        idx.upsert([r.model_copy(update={"extractor_version": EXTRACTOR_VERSION}) for r in bulk_records()[:1]])
    seen = {}
    monkeypatch.setattr(server, "run", lambda settings, **kw: seen.update(settings=settings, **kw))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    result = CliRunner().invoke(cli.app, ["serve", "--index", str(index), "--workers", "1", "--max-upload-mb", "50",
                                          "--max-store-gb", "0.5"])
    assert result.exit_code == 0, result.output
    assert (seen["settings"].max_upload_bytes, seen["settings"].max_store_bytes) == (50_000_000, 500_000_000)
    assert "versión anterior" not in result.output
    with open_index(index) as idx:  # a record of an older extractor: the server says so when it starts
        idx.upsert([bulk_records()[1].model_copy(update={"extractor_version": "legal-0.1.0"})])
    result = CliRunner().invoke(cli.app, ["serve", "--index", str(index), "--workers", "1"])
    assert result.exit_code == 0 and "1 documento(s) se extrajeron con una versión anterior" in result.output
    result = CliRunner().invoke(cli.app, ["serve", "--index", str(index), "--max-store-gb", "0"])
    assert result.exit_code != 0 and "max-store-gb" in result.output
