"""Ingest jobs of the web: uploaded files ingested by ``expediente ingest`` in a process of
its own (Prefect, OCR and the model stay out of the web server, and a crash there cannot
take the server down), one job at a time, each file's progress followed as it happens.

Where things live, all under ``<data dir>/uploads`` (folders only the server's user reads):

- ``incoming/<job>/``: an upload while it is received; removed once the job is stored or refused.
- ``originals/<sha256[:16]>/<name>``: the file itself, where the index will point. The page
  image and the evidence boxes are rendered from the record's ``path`` at request time
  (``expediente.web.images``), so an ingested upload must stay, at a path that does not
  change: it is stored there before the ingest, never moved after. A file the ingest
  refused (corrupt, encrypted, too large…) or whose content was already indexed from
  elsewhere is deleted when its job ends; one of an interrupted job stays until it is re-run.
- ``jobs/<job>.json``: the job (written atomically: a temporary file, then a rename), with
  the files of its command beside it (``expediente.web.ingest_command``).

The command runs in a session of its own, so it finishes its files even if the server
stops; a server that starts again follows it or, if it is gone, reads what it
wrote and marks each file it did not finish ``interrupted`` (the job ``interrumpido``). Re-running the job
(``retry``) ingests those; ingest is idempotent by sha256, so nothing is done twice.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import re
import secrets
import shutil
import signal
import subprocess
import threading
import time
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from expediente.web.ingest_command import IngestCommand
from extractors.acquire import display_path

log = logging.getLogger(__name__)

SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".txt")
MAX_FILES = 20
CHUNK = 1 << 20
POLL_SECONDS = 0.3
KEEP_JOBS = 500  # finished jobs remembered; older ones' records are pruned at start
Status = Literal["en_cola", "en_curso", "terminado", "fallido", "interrumpido"]
Stage = Literal["en_cola", "leido", "extraido", "terminado"]
STAGES = {"acquired": "leido", "extracted": "extraido", "done": "terminado"}
INTERRUPTED = "La ingesta se interrumpió antes de terminar este archivo; vuelva a ejecutarla para completarlo."


class FileState(BaseModel):
    """One uploaded file: its stage now, and at the end what became of it. ``status`` is the
    command's (``ingested``, ``skipped``, ``failed``, ``excluded``) or the web's own:
    ``rejected`` (refused on upload, never stored) and ``interrupted``."""

    name: str = Field(description="the name it was uploaded with (shown as text, never as HTML)")
    stored: str | None = Field(default=None, description="where it is kept, relative to the uploads folder")
    size: int = 0
    stage: Stage = "en_cola"
    pages: int = 0
    status: str | None = None
    id: str | None = None
    reason: str | None = Field(default=None, description="corrupt, encrypted, too_large, unsupported_type…")
    message: str | None = None
    warnings: list[str] = Field(default_factory=list)

    @property
    def pending(self) -> bool:
        """Stored and not finished: what a run (or a re-run) still has to ingest."""
        return self.stored is not None and self.status in (None, "interrupted")


class Job(BaseModel):
    id: str
    key: str
    created: str
    status: Status = "en_cola"
    message: str | None = None
    pid: int | None = None
    files: list[FileState] = Field(default_factory=list)


def safe_name(name: str) -> str:
    """A file name that stays inside its folder: the last part only, letters, digits, ``.-_``."""
    base = unicodedata.normalize("NFKD", Path(name.replace("\\", "/")).name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".") or "archivo"
    return base[:120]


def shown_name(name: str) -> str:
    """The uploaded name as the user sent it, bounded, without control characters."""
    return re.sub(r"[\x00-\x1f\x7f]", "?", name)[:200] or "archivo"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Jobs:
    """The ingest jobs of this data folder: kept on disk, run one at a time by one thread."""

    def __init__(self, folder: Path, index: str) -> None:
        self.folder, self.index = Path(folder).resolve(), index
        for sub in ("", "incoming", "originals", "jobs"):
            (self.folder / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[str] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._child: subprocess.Popen | None = None
        self._receiving: dict[str, set[str]] = {}  # stored files of jobs not started yet
        self._stopped = threading.Event()
        self._recover()

    # -- paths ---------------------------------------------------------------------------

    def _file(self, id: str, suffix: str) -> Path:
        return self.folder / "jobs" / f"{id}{suffix}"

    def command(self, id: str) -> IngestCommand:
        return IngestCommand(self.folder / "jobs" / id)

    def incoming(self, id: str) -> Path:
        return self.folder / "incoming" / id

    def usage(self) -> int:
        """Bytes kept under the uploads folder (the cap of ``max_store_bytes`` applies to it)."""
        total = 0
        for folder, _, names in os.walk(self.folder):
            for name in names:
                with contextlib.suppress(OSError):  # a file cleaned up meanwhile
                    total += os.stat(os.path.join(folder, name)).st_size
        return total

    # -- the record ----------------------------------------------------------------------

    def _save(self, job: Job) -> None:
        """Keep ``job`` in memory and on disk (under the lock)."""
        self._jobs[job.id] = job
        _write_atomic(self._file(job.id, ".json"), job.model_dump_json(indent=1))

    def _update(self, id: str, **values) -> Job:
        with self._lock:
            job = self._jobs[id].model_copy(update=values)
            self._save(job)
            return job

    def get(self, id: str) -> Job | None:
        with self._lock:
            job = self._jobs.get(id)
            return job.model_copy(deep=True) if job else None

    def recent(self, key_id: str, n: int = 20) -> list[Job]:
        with self._lock:
            mine = [j for j in self._jobs.values() if j.key == key_id]
        return [j.model_copy(deep=True) for j in sorted(mine, key=lambda j: (j.created, j.id), reverse=True)[:n]]

    def _recover(self) -> None:
        """Read the jobs of earlier runs: a queued job is queued again, a running one whose
        command still runs is followed; one whose command is gone gets what the command
        wrote before it went, and its files not finished are interrupted."""
        jobs = []
        for path in (self.folder / "jobs").glob("*.json"):
            try:
                jobs.append(Job.model_validate_json(path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                log.warning("ingest job record %s unreadable; left as is", path)
        jobs.sort(key=lambda j: (j.created, j.id))
        finished = [j for j in jobs if j.status in ("terminado", "fallido")]
        for old in finished[:max(0, len(finished) - KEEP_JOBS)]:
            self._file(old.id, ".json").unlink(missing_ok=True)
            self.command(old.id).forget()
            jobs.remove(old)
        with self._lock:
            self._jobs.update((job.id, job) for job in jobs)
        for job in jobs:  # the command is gone: what it wrote before it went still counts
            if job.status == "en_curso" and not (job.pid and self.command(job.id).alive(job.pid)):
                self._apply_events(job.id, 0)
                self._finish(job.id, None, gone="El servidor se detuvo durante la ingesta y su proceso ya no está.")
        with self._lock:
            waiting = [j.id for j in jobs if self._jobs[j.id].status in ("en_cola", "en_curso")]
        for id in waiting:
            self._enqueue(id)
        for stale in (self.folder / "incoming").iterdir():  # uploads cut off by a stop (an hour old:
            if time.time() - stale.stat().st_mtime > 3600:  # another server may be receiving one now)
                shutil.rmtree(stale, ignore_errors=True)

    def _interrupt(self, id: str, message: str) -> None:
        """Under the lock: the job ends ``interrumpido``; its unfinished files say so."""
        job = self._jobs[id]
        files = [f.model_copy(update=dict(status="interrupted", reason="interrupted", message=INTERRUPTED))
                 if f.pending else f for f in job.files]
        self._save(job.model_copy(update=dict(status="interrumpido", message=message, pid=None, files=files)))

    # -- making a job --------------------------------------------------------------------

    def new(self, key_id: str) -> Job:
        job = Job(id=secrets.token_hex(8), key=key_id, created=_now())
        self.incoming(job.id).mkdir(mode=0o700)
        return job

    def store(self, job: Job, name: str, part: Path, sha256: str, size: int) -> None:
        """Move a received file to the originals store (where the index will point)."""
        stored = Path("originals") / sha256[:16] / safe_name(name)
        same = next((f for f in job.files if f.stored == str(stored)), None)
        if same is not None:
            part.unlink(missing_ok=True)
            job.files.append(FileState(name=shown_name(name), size=size, stage="terminado", status="skipped",
                                       message=f"mismo archivo que «{same.name}» en esta subida"))
            return
        target = self.folder / stored
        with self._lock:  # a job ending now must not delete the same file under it
            self._receiving.setdefault(job.id, set()).add(str(stored))
            target.parent.mkdir(mode=0o700, exist_ok=True)
            os.replace(part, target)
        job.files.append(FileState(name=shown_name(name), stored=str(stored), size=size))

    @staticmethod
    def reject(job: Job, name: str, reason: str, message: str) -> None:
        job.files.append(FileState(name=shown_name(name), stage="terminado", status="rejected", reason=reason,
                                   message=message))

    def discard(self, job: Job) -> None:
        """A job that never started: its received files go (stored ones no other job needs)."""
        shutil.rmtree(self.incoming(job.id), ignore_errors=True)
        with self._lock:
            self._receiving.pop(job.id, None)
            for f in job.files:
                self._remove_unneeded(job.id, f)

    def start(self, job: Job) -> Job:
        shutil.rmtree(self.incoming(job.id), ignore_errors=True)
        with self._lock:
            self._save(job)
            self._receiving.pop(job.id, None)
        self._enqueue(job.id)
        return self.get(job.id)

    def retry(self, id: str) -> Job:
        """Run an interrupted or failed job again: its files not finished are ingested."""
        with self._lock:
            job = self._jobs[id]
            files = [f.model_copy(update=dict(stage="en_cola", status=None, reason=None, message=None))
                     if f.status == "interrupted" else f
                     for f in job.files]
            self._save(job.model_copy(update=dict(status="en_cola", message=None, files=files)))
        self._enqueue(id)
        return self.get(id)

    # -- running -------------------------------------------------------------------------

    def _enqueue(self, id: str) -> None:
        self._queue.put(id)
        with self._lock:
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="ingest-jobs", daemon=True)
                self._worker.start()

    def _work(self) -> None:
        while not self._stopped.is_set():
            try:
                id = self._queue.get(timeout=1)
            except queue.Empty:
                continue
            try:
                self._run(id)
            except Exception:  # one job's surprise must not stop the others
                log.exception("ingest job %s", id)
                with self._lock:
                    if self._jobs[id].status in ("en_cola", "en_curso"):
                        self._interrupt(id, "La ingesta se detuvo por un error interno; el registro tiene el detalle.")

    def _run(self, id: str) -> None:
        job = self.get(id)
        if job is None or job.status not in ("en_cola", "en_curso"):
            return
        command = self.command(id)
        if job.status == "en_curso" and job.pid:  # a command left running by an earlier server
            self._follow(id, lambda: command.alive(job.pid), None)
            return
        paths = [self.folder / f.stored for f in job.files if f.pending]
        if not paths:
            self._finish(id, None)
            return
        self._child = child = command.start(paths, self.index)
        self._update(id, status="en_curso", pid=child.pid)
        self._follow(id, lambda: child.poll() is None, child)
        self._child = None

    def _follow(self, id: str, running, child: subprocess.Popen | None) -> None:
        """Apply the command's events to the job as they come, until it ends."""
        offset = 0
        while True:
            still = running()
            offset = self._apply_events(id, offset)
            if not still or self._stopped.is_set():
                break
            time.sleep(POLL_SECONDS)
        if self._stopped.is_set():
            return
        self._finish(id, child.wait() if child is not None else None)

    def _apply_events(self, id: str, offset: int) -> int:
        """Each file's stage and outcome from the command's events after ``offset``."""
        events, offset = self.command(id).read_events(offset)
        if not events:
            return offset
        with self._lock:
            job = self._jobs[id]
            by_path = {display_path(self.folder / f.stored): n for n, f in enumerate(job.files) if f.stored}
            files = list(job.files)
            for event in events:
                n = by_path.get(event["path"])
                if n is None:
                    continue
                update: dict = {"stage": STAGES.get(event.get("stage"), files[n].stage)}
                update["pages"] = event.get("pages") or files[n].pages
                if event.get("outcome"):
                    o = event["outcome"]
                    update.update(status=o.get("status"), id=o.get("id"), reason=o.get("reason"),
                                  message=o.get("message"), warnings=o.get("warnings") or [])
                files[n] = files[n].model_copy(update=update)
            self._save(job.model_copy(update=dict(files=files)))
        return offset

    def _finish(self, id: str, code: int | None,
                gone: str = "El proceso de ingesta terminó sin completar estos archivos.") -> None:
        """The command ended (``code`` None: it was not ours to wait for; ``gone`` says why
        files it did not finish are interrupted): the job's outcome, then the clean-up of
        what it does not need to keep."""
        command = self.command(id)
        ended, last = command.summarised(), command.last_error()
        with self._lock:
            job = self._jobs[id]
            if any(f.pending for f in job.files):
                if code is not None and code > 0 and not ended:  # refused as a whole (the index…):
                    files = [f.model_copy(update=dict(status="interrupted", reason="ingest",  # kept to re-run
                                                      message=f"No se ingirió: la ingesta terminó con error: {last}"))
                             if f.pending else f for f in job.files]
                    self._save(job.model_copy(update=dict(status="fallido", pid=None, files=files,
                                                          message=f"La ingesta terminó con error: {last}")))
                else:
                    self._interrupt(id, gone)
            else:
                self._save(job.model_copy(update=dict(status="terminado", pid=None, message=None)))
            job = self._jobs[id]
        self._clean(job)

    def _clean(self, job: Job) -> None:
        """Delete the stored files the index does not point to (refused, or already indexed
        from another path); keep the ingested ones and those still to re-run."""
        skipped = {f.id for f in job.files if f.status == "skipped" and f.id}
        paths: dict[str, str] = {}
        if skipped:
            from search import open_index

            try:
                with open_index(self.index, create=False) as idx:
                    for rid in skipped:
                        record = idx.get(rid)
                        paths[rid] = record.path if record else ""
            except Exception:  # the index cannot say: keep them rather than break a page image
                log.warning("ingest job %s: index unreadable, skipped uploads kept", job.id, exc_info=True)
                return
        with self._lock:
            for f in job.files:
                if f.stored is None or f.pending or f.status == "ingested":
                    continue
                if f.status == "skipped" and paths.get(f.id) == display_path(self.folder / f.stored):
                    continue
                self._remove_unneeded(job.id, f)

    def _remove_unneeded(self, job_id: str, f: FileState) -> None:
        """Under the lock: delete ``f``'s stored file unless another job still counts on it
        (the same content under the same name, ingested or waiting)."""
        if f.stored is None or any(f.stored in paths for id, paths in self._receiving.items() if id != job_id):
            return
        for other in self._jobs.values():
            if other.id != job_id and any(g.stored == f.stored and (g.pending or g.status in ("ingested", "skipped"))
                                          for g in other.files):
                return
        target = self.folder / f.stored
        target.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            target.parent.rmdir()  # only if empty

    def stop(self, *, end_command: bool = True) -> None:
        """Stop following jobs; ``end_command``: and end the command this server started, as
        a machine going down would. A server that just exits leaves it running instead, to
        finish its files and be followed by the next start."""
        self._stopped.set()
        child = self._child
        if end_command and child is not None and child.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGTERM)
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        if self._worker is not None:
            self._worker.join(timeout=5)
