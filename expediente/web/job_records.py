"""The records of the web's ingest jobs, on disk: the one source of truth that every server
process of a data folder reads and writes (``expediente serve --workers N`` runs several).

- ``jobs/<job>.json``: a job, written atomically (a temporary file, then a rename), so a
  reader never sees half of one and reads take no lock. Reads are cached by the file's
  inode, mtime and size: a request re-parses only what changed.
- ``jobs/records.lock``: every read-modify-write of a record, and every decision about a
  stored file that other jobs may count on (storing one, deleting one), is made holding
  this lock (``fcntl.flock``; a process that dies lets go of it). One lock for the folder
  rather than one per job, because the clean-up of a file asks about every job: with it,
  a file stored for a new upload and recorded in that job is never deleted by the end of
  another job that reads the records a moment before. The holds are short (one small
  JSON read and written), and the lock is re-entrant within a thread.
- ``jobs/runner.lock``: held by the one process that runs jobs (``expediente.web.ingest``).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

log = logging.getLogger(__name__)

# recibiendo: its files are still being received (never picked to run); en_cola: all stored, waiting
Status = Literal["recibiendo", "en_cola", "en_curso", "terminado", "fallido", "interrumpido"]
Stage = Literal["en_cola", "leido", "extraido", "terminado"]


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


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def try_lock(path: Path, *, create: bool = True):
    """An open file holding an exclusive ``flock`` on ``path``, or None if another open
    file (of any process, this one included) holds it, or it does not exist and ``create``
    is false. Closing the file lets go of the lock."""
    try:
        fh = path.open("a+b" if create else "r+b")
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        return None
    return fh


class Records:
    """The job records of one ``jobs`` folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock_path = folder / "records.lock"
        self._held = threading.local()
        self._cache: dict[str, tuple[tuple[int, int, int], Job | None]] = {}
        self._cache_lock = threading.Lock()

    def path(self, id: str) -> Path:
        return self.folder / f"{id}.json"

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's records lock (re-entrant within this thread)."""
        depth = getattr(self._held, "depth", 0)
        if depth:
            self._held.depth = depth + 1
            try:
                yield
            finally:
                self._held.depth -= 1
            return
        with self._lock_path.open("a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            self._held.depth = 1
            try:
                yield
            finally:
                self._held.depth = 0

    def _read(self, path: Path, st: os.stat_result, *, fresh: bool = False) -> Job | None:
        """The job in ``path``, parsed again unless the cache has it under the same inode,
        mtime and size (or ``fresh``: parsed again anyway, and cached as it is now)."""
        key = (st.st_ino, st.st_mtime_ns, st.st_size)
        with self._cache_lock:
            cached = self._cache.get(path.name)
        if not fresh and cached is not None and cached[0] == key:
            return cached[1]
        try:
            job = Job.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.warning("ingest job record %s unreadable; left as is", path)
            job = None
        with self._cache_lock:
            self._cache[path.name] = (key, job)
        return job

    def get(self, id: str) -> Job | None:
        """The job as it is on disk now, read afresh (a read-modify-write must not trust a
        cache keyed by a timestamp's granularity), and a copy the caller may change."""
        path = self.path(id)
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        job = self._read(path, st, fresh=True)
        return job.model_copy(deep=True) if job else None

    def all(self) -> list[Job]:
        """Every readable job on disk, oldest first (copies the caller may change)."""
        return [job.model_copy(deep=True) for job in self.scan()]

    def scan(self, *, fresh: bool = False) -> list[Job]:
        """Every readable job on disk, oldest first: the cached objects, only to be read
        (what the runner looks at every ``POLL_SECONDS``; nothing is copied). ``fresh``:
        every record read again, for a decision that must not rest on a stale one."""
        jobs, names = [], set()
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if not entry.name.endswith(".json") or entry.name.startswith("."):
                    continue
                names.add(entry.name)
                try:
                    job = self._read(Path(entry.path), entry.stat(), fresh=fresh)
                except FileNotFoundError:
                    continue
                if job is not None:
                    jobs.append(job)
        with self._cache_lock:  # records deleted meanwhile leave the cache
            for gone in self._cache.keys() - names:
                del self._cache[gone]
        return sorted(jobs, key=lambda j: (j.created, j.id))

    def write(self, job: Job) -> None:
        """Write ``job`` whole (under the lock, after reading it there: no change is lost)."""
        write_atomic(self.path(job.id), job.model_dump_json(indent=1))

    def update(self, id: str, change) -> Job | None:
        """Read, change (``change(job)`` returns the new job, or None to leave it) and write
        one record, holding the lock; the job as it is now (None if it is gone)."""
        with self.locked():
            job = self.get(id)
            if job is None:
                return None
            new = change(job)
            if new is None:
                return job
            self.write(new)
            return new

    def delete(self, id: str) -> None:
        self.path(id).unlink(missing_ok=True)

    def remove_unneeded(self, job_id: str, files: list[FileState]) -> None:
        """Under the lock: delete each stored file of ``files`` unless another job still
        counts on it (the same content under the same name, being received, ingested or
        waiting), as its record on disk, read afresh, says."""
        files = [f for f in files if f.stored is not None]
        if not files:
            return
        needed = {g.stored for other in self.scan(fresh=True) if other.id != job_id for g in other.files
                  if g.pending or g.status in ("ingested", "skipped")}
        for f in files:
            if f.stored in needed:
                continue
            target = self.folder.parent / f.stored
            target.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                target.parent.rmdir()  # only if empty
