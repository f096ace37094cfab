"""Uploads for the ``ingest`` role: files are saved in the data folder and ingested by
``expediente ingest`` in a process of its own (Prefect, OCR and the model stay out of the
web server, and a crash there cannot take the server down). One job runs at a time; each
file's result or error reason comes from the command's JSON summary.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

log = logging.getLogger(__name__)

SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".txt")
MAX_FILES = 20
CHUNK = 1 << 20
Status = Literal["en_cola", "en_curso", "terminado", "fallido"]


class FileResult(BaseModel):
    name: str
    status: str = Field(description="ingested | skipped | failed (from expediente ingest)")
    id: str | None = None
    reason: str | None = None
    message: str | None = None
    warnings: list[str] = Field(default_factory=list)


class Job(BaseModel):
    id: str
    key: str
    created: str
    files: list[str]
    status: Status = "en_cola"
    message: str | None = None
    results: list[FileResult] = Field(default_factory=list)


def safe_name(name: str) -> str:
    """A file name that stays inside its folder: the last part only, letters, digits, ``.-_``."""
    base = unicodedata.normalize("NFKD", Path(name.replace("\\", "/")).name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".") or "archivo"
    return base[:120]


def run_cli(paths: list[Path], index: str) -> tuple[int, str, str]:
    """``expediente ingest PATHS --index INDEX --json`` in a child process."""
    done = subprocess.run([sys.executable, "-c", "from expediente.cli import main; main()", "ingest",
                           *map(str, paths), "--index", index, "--json"],
                          capture_output=True, text=True, timeout=6 * 3600)
    return done.returncode, done.stdout, done.stderr


class Jobs:
    """Ingest jobs of this server, run one at a time in a background thread."""

    def __init__(self, folder: Path, index: str, runner: Callable[[list[Path], str], tuple[int, str, str]] = run_cli):
        self.folder, self.index, self.runner = Path(folder), index, runner
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._one_at_a_time = threading.Lock()

    def new(self, key_id: str) -> tuple[Job, Path]:
        job = Job(id=secrets.token_hex(8), key=key_id, created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  files=[])
        folder = self.folder / job.id
        folder.mkdir(parents=True, exist_ok=False)
        with self._lock:
            self._jobs[job.id] = job
        return job, folder

    def discard(self, id: str) -> None:
        """Forget a job that never started, and its files."""
        with self._lock:
            self._jobs.pop(id, None)
        shutil.rmtree(self.folder / id, ignore_errors=True)

    def get(self, id: str) -> Job | None:
        with self._lock:
            job = self._jobs.get(id)
            return job.model_copy(deep=True) if job else None

    def recent(self, n: int = 20) -> list[Job]:
        with self._lock:
            return [j.model_copy(deep=True) for j in list(self._jobs.values())[-n:]][::-1]

    def _update(self, id: str, **values) -> None:
        with self._lock:
            self._jobs[id] = self._jobs[id].model_copy(update=values)

    def start(self, job: Job, files: list[str]) -> None:
        self._update(job.id, files=files)
        threading.Thread(target=self._run, args=(job.id,), name=f"ingest-{job.id}", daemon=True).start()

    def _run(self, id: str) -> None:
        with self._one_at_a_time:
            self._update(id, status="en_curso")
            job = self.get(id)
            paths = [self.folder / id / name for name in job.files]
            try:
                code, stdout, stderr = self.runner(paths, self.index)
                summary = json.loads(stdout) if stdout.strip() else {"outcomes": []}
            except (OSError, ValueError, subprocess.SubprocessError) as exc:
                log.exception("ingest job %s failed", id)
                self._update(id, status="fallido", message=f"La ingesta no pudo ejecutarse: {exc}")
                return
            results = [FileResult(name=Path(o["path"]).name, **{k: o.get(k) for k in ("status", "id", "reason",
                                                                                       "message")},
                                  warnings=o.get("warnings") or []) for o in summary.get("outcomes", [])]
            failed = code != 0 and not results
            message = (stderr.strip().splitlines() or ["sin detalle"])[-1] if failed else None
            self._update(id, status="fallido" if failed else "terminado", results=results,
                         message=f"La ingesta terminó con error: {message}" if failed else None)
