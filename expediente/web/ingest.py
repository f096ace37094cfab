"""Ingest jobs of the web: uploaded files ingested by ``expediente ingest`` in a process of
its own (Prefect, OCR and the model stay out of the web server, and a crash there cannot
take the server down), one job at a time, each file's progress followed as it happens.

Where things live, all under ``<data dir>/uploads`` (folders only the server's user reads):

- ``incoming/<job>/``: an upload while it is received, with ``.lock``, held (``flock``) by
  the process receiving it; removed once the job is stored or refused.
- ``originals/<sha256[:16]>/<name>``: the file itself, where the index will point. The page
  image and the evidence boxes are rendered from the record's ``path`` at request time
  (``expediente.web.images``), so an ingested upload must stay, at a path that does not
  change: it is stored there before the ingest, never moved after. A file the ingest
  refused (corrupt, encrypted, too large…) or whose content was already indexed from
  elsewhere is deleted when its job ends; one of an interrupted job stays until it is re-run.
- ``jobs/<job>.json``: the job (``expediente.web.job_records``: the one source of truth,
  written atomically, changed only under ``jobs/records.lock``), with the files of its
  command beside it (``expediente.web.ingest_command``).

Several server processes may share the data folder (``expediente serve --workers N``):
each answers from the records on disk, and exactly one of them runs jobs
(``expediente.web.job_runner``). Who writes what:

- the process receiving an upload: the new job (``recibiendo``: never picked while its
  files come), each file as it is stored, then ``en_cola`` once all are (or the record
  goes, if the upload is refused or cut off); and a re-run request (``en_cola`` again);
- the runner: ``en_curso`` and its command's pid, each file's progress and outcome, the
  job's outcome; and, when it takes over, what earlier runners and receivers left.

Both change a record only holding ``jobs/records.lock``, after reading it there, so
neither loses the other's change. An interrupted job is run again (``retry``) for its
files not finished; ingest is idempotent by sha256, so nothing is done twice.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import threading
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

from expediente.web.job_records import FileState, Job, Records, Stage, Status, try_lock
from expediente.web.job_runner import INTERRUPTED, RECEIVING, Runner

__all__ = ["FileState", "Job", "Jobs", "Stage", "Status", "INTERRUPTED"]

log = logging.getLogger(__name__)

SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".txt")
MAX_FILES = 20
CHUNK = 1 << 20


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


class Jobs:
    """The ingest jobs of this data folder, as seen from one server process: kept on disk,
    run one at a time by the one process holding the runner's lock."""

    def __init__(self, folder: Path, index: str) -> None:
        self.folder, self.index = Path(folder).resolve(), index
        for sub in ("", "incoming", "originals", "jobs"):
            (self.folder / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        self.records = Records(self.folder / "jobs")
        self._lock = threading.Lock()
        self._receiving: dict[str, object] = {}  # the receiver's lock of the uploads this process receives
        self.runner = Runner(self.folder, index, self.records)

    @property
    def runs_jobs(self) -> bool:
        """Does this process hold the runner's lock?"""
        return self.runner.holding

    # -- paths ---------------------------------------------------------------------------

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

    # -- reading -------------------------------------------------------------------------

    def get(self, id: str) -> Job | None:
        return self.records.get(id)

    def recent(self, key_id: str, n: int = 20) -> list[Job]:
        mine = [j for j in self.records.scan() if j.key == key_id]
        return [j.model_copy(deep=True) for j in sorted(mine, key=lambda j: (j.created, j.id), reverse=True)[:n]]

    # -- making a job (the receiving process) --------------------------------------------

    def new(self, key_id: str) -> Job:
        job = Job(id=secrets.token_hex(8), key=key_id, created=_now(), status="recibiendo")
        self.incoming(job.id).mkdir(mode=0o700)
        hold = try_lock(self.incoming(job.id) / RECEIVING)  # a fresh file: nobody else holds it
        with self._lock:
            self._receiving[job.id] = hold
        with self.records.locked():
            self.records.write(job)
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
        with self.records.locked():  # a job ending now sees it recorded, and does not delete it
            target.parent.mkdir(mode=0o700, exist_ok=True)
            os.replace(part, target)
            job.files.append(FileState(name=shown_name(name), stored=str(stored), size=size))
            self.records.write(job)

    @staticmethod
    def reject(job: Job, name: str, reason: str, message: str) -> None:
        job.files.append(FileState(name=shown_name(name), stage="terminado", status="rejected", reason=reason,
                                   message=message))

    def discard(self, job: Job) -> None:
        """A job that never started: its record goes, and its received files (stored ones no
        other job needs)."""
        with self.records.locked():
            self.records.delete(job.id)
            self.records.remove_unneeded(job.id, job.files)
        self._received(job.id)

    def start(self, job: Job) -> Job:
        """All files are stored: the job is queued."""
        with self.records.locked():
            job.status = "en_cola"
            self.records.write(job)
        self._received(job.id)
        self.runner.wake()
        return job.model_copy(deep=True)

    def _received(self, id: str) -> None:
        with self._lock:
            hold = self._receiving.pop(id, None)
        if hold is not None:
            hold.close()
        shutil.rmtree(self.incoming(id), ignore_errors=True)

    def retry(self, id: str) -> Job | None:
        """Run an interrupted or failed job again: its files not finished are ingested."""
        def again(job: Job) -> Job | None:
            if job.status not in ("interrumpido", "fallido"):
                return None
            files = [f.model_copy(update=dict(stage="en_cola", status=None, reason=None, message=None))
                     if f.status == "interrupted" else f for f in job.files]
            return job.model_copy(update=dict(status="en_cola", message=None, files=files))

        job = self.records.update(id, again)
        self.runner.wake()
        return job

    def stop(self, *, end_command: bool = True) -> None:
        """Stop running jobs, if this process runs them (another process may take over);
        ``end_command``: and end the command it started, as a machine going down would. A
        server that just exits leaves it running instead, to finish its files and be
        followed by the next runner."""
        self.runner.stop(end_command=end_command)
