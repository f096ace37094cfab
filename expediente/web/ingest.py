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
each answers from the records on disk, and exactly one of them, the holder of
``jobs/runner.lock``, runs jobs; the others try to take that lock every few seconds, so
when its holder stops or dies another takes over. Who writes what:

- the receiving process: the new job (``recibiendo``, never picked while its files come),
  each file stored, then ``en_cola`` once all are (or the record goes, if the upload is
  refused or cut off); and a re-run request (``en_cola`` again);
- the runner: ``en_curso`` and the command's pid, each file's progress and outcome as its
  events come, the job's outcome; and, at take-over, the jobs left behind (below), the
  uploads whose receiver died (its ``.lock`` is free), old records pruned.

The runner picks queued jobs from disk, oldest first, every ``POLL_SECONDS`` (at once if
the job was queued in its own process). The command runs in a session of its own, so it
finishes its files even if the server stops; a runner that takes over follows it or, if it
is gone, reads what it wrote and marks each file it did not finish ``interrupted`` (the
job ``interrumpido``). Re-running the job (``retry``) ingests those; ingest is idempotent by
sha256, so nothing is done twice.
"""

from __future__ import annotations

import contextlib
import logging
import os
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

from expediente.web.ingest_command import IngestCommand
from expediente.web.job_records import FileState, Job, Records, Stage, Status, try_lock
from extractors.acquire import display_path

__all__ = ["FileState", "Job", "Jobs", "Stage", "Status", "INTERRUPTED"]

log = logging.getLogger(__name__)

SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".txt")
MAX_FILES = 20
CHUNK = 1 << 20
POLL_SECONDS = 0.3  # a running command's events, and the queue on disk
RUNNER_RETRY_SECONDS = 2.0  # a process that does not run jobs tries to take the runner's lock again
KEEP_JOBS = 500  # finished jobs remembered; older ones' records are pruned at start
STAGES = {"acquired": "leido", "extracted": "extraido", "done": "terminado"}
RECEIVING = ".lock"  # in incoming/<job>/, held by the process receiving the upload
INTERRUPTED = "La ingesta se interrumpió antes de terminar este archivo; vuelva a ejecutarla para completarlo."


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


def _interrupted(job: Job, message: str) -> Job:
    """The job ended ``interrumpido``; its unfinished files say so."""
    files = [f.model_copy(update=dict(status="interrupted", reason="interrupted", message=INTERRUPTED))
             if f.pending else f for f in job.files]
    return job.model_copy(update=dict(status="interrumpido", message=message, pid=None, files=files))


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
        self._child: subprocess.Popen | None = None
        self._stopped = threading.Event()
        self._wake = threading.Event()
        self._runner = try_lock(self.folder / "jobs" / "runner.lock")
        if self._runner is not None:
            self._recover()  # before the first request: a restarted server answers with what it found
        self._worker = threading.Thread(target=self._work, name="ingest-jobs", daemon=True)
        self._worker.start()

    @property
    def runs_jobs(self) -> bool:
        """Does this process hold the runner's lock?"""
        return self._runner is not None

    # -- paths ---------------------------------------------------------------------------

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

    # -- reading -------------------------------------------------------------------------

    def get(self, id: str) -> Job | None:
        return self.records.get(id)

    def recent(self, key_id: str, n: int = 20) -> list[Job]:
        mine = [j for j in self.records.scan() if j.key == key_id]
        return [j.model_copy(deep=True) for j in sorted(mine, key=lambda j: (j.created, j.id), reverse=True)[:n]]

    def _update(self, id: str, **values) -> Job | None:
        return self.records.update(id, lambda job: job.model_copy(update=values))

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
            self._remove_unneeded(job.id, job.files)
        self._received(job.id)

    def start(self, job: Job) -> Job:
        """All files are stored: the job is queued."""
        with self.records.locked():
            job.status = "en_cola"
            self.records.write(job)
        self._received(job.id)
        self._wake.set()
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
        self._wake.set()
        return job

    # -- the runner ----------------------------------------------------------------------

    def _work(self) -> None:
        try:
            while self._runner is None:
                if self._stopped.wait(RUNNER_RETRY_SECONDS):
                    return
                self._runner = try_lock(self.folder / "jobs" / "runner.lock")
                if self._runner is not None:
                    log.info("ingest jobs: this process (%d) runs them now", os.getpid())
                    try:
                        self._recover()
                    except Exception:  # what could not be taken over is looked at again by _next
                        log.exception("ingest jobs: taking over")
            while not self._stopped.is_set():
                try:
                    id = self._next()
                except OSError:  # the folder, for a moment: try again at the next poll
                    log.exception("ingest jobs: reading the queue")
                    id = None
                if id is None:
                    self._wake.wait(POLL_SECONDS)
                    self._wake.clear()
                    continue
                try:
                    self._run(id)
                except Exception:  # one job's surprise must not stop the others
                    log.exception("ingest job %s", id)
                    self.records.update(id, lambda job: _interrupted(job, "La ingesta se detuvo por un error "
                                        "interno; el registro tiene el detalle.")
                                        if job.status in ("en_cola", "en_curso") else None)
        except Exception:
            log.exception("ingest jobs: the runner stopped")
        finally:
            runner, self._runner = self._runner, None
            if runner is not None:
                runner.close()  # another process may run jobs now

    def _next(self) -> str | None:
        """The job to run now: one left running (to follow), else the oldest queued."""
        jobs = self.records.scan()
        for job in jobs:
            if job.status == "recibiendo":
                self._abandon_if_cut_off(job.id)
        for status in ("en_curso", "en_cola"):
            for job in jobs:
                if job.status == status:
                    return job.id
        return None

    def _recover(self) -> None:
        """Take over the jobs of earlier runners: a running one whose command is gone gets what
        the command wrote before it went, and its files not finished are interrupted (one
        whose command still runs is followed by ``_next``); uploads cut off are dropped."""
        jobs = self.records.all()
        finished = [j for j in jobs if j.status in ("terminado", "fallido")]
        for old in finished[:max(0, len(finished) - KEEP_JOBS)]:
            self.records.delete(old.id)
            self.command(old.id).forget()
        for job in jobs:
            if job.status == "en_curso" and not (job.pid and self.command(job.id).alive(job.pid)):
                self._apply_events(job.id, 0)
                self._finish(job.id, None, gone="El servidor se detuvo durante la ingesta y su proceso ya no está.")
            elif job.status == "recibiendo":
                self._abandon_if_cut_off(job.id)
        for stale in (self.folder / "incoming").iterdir():  # uploads cut off by a stop
            hold = try_lock(stale / RECEIVING, create=False)
            if hold is not None:
                with hold:
                    if not self.records.path(stale.name).exists():
                        shutil.rmtree(stale, ignore_errors=True)
            elif not (stale / RECEIVING).exists() and time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)  # (no lock yet: a receiver may be making it now)

    def _abandon_if_cut_off(self, id: str) -> None:
        """A job still ``recibiendo`` whose receiver let go of its lock without storing it
        (the process died mid-upload) is discarded, as that process would have done."""
        lock = self.incoming(id) / RECEIVING
        hold = try_lock(lock, create=False)
        if hold is None and lock.exists():
            return  # still being received (the usual answer, found without the records' lock)
        if hold is not None:
            hold.close()
        with self.records.locked():
            job = self.records.get(id)
            if job is None or job.status != "recibiendo":
                return
            hold = try_lock(lock, create=False)  # again: the receiver may have stored it meanwhile
            if hold is None and lock.exists():
                return
            log.warning("ingest job %s: its upload was cut off; discarded", id)
            self.records.delete(id)
            self._remove_unneeded(id, job.files)
            shutil.rmtree(self.incoming(id), ignore_errors=True)
            if hold is not None:
                hold.close()

    def _run(self, id: str) -> None:
        job = self.get(id)
        if job is None or job.status not in ("en_cola", "en_curso"):
            return
        command = self.command(id)
        if job.status == "en_curso" and job.pid:  # a command left running by an earlier runner
            self._follow(id, lambda: command.alive(job.pid), None)
            return
        paths = [self.folder / f.stored for f in job.files if f.pending]
        if not paths:
            self._finish(id, None)
            return
        self._child = child = command.start(paths, self.index)
        self._update(id, status="en_curso", pid=child.pid)
        self._follow(id, lambda: child.poll() is None, child)
        if not self._stopped.is_set():
            self._child = None  # (kept on a stop: ``stop(end_command=True)`` may still end it)

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

        def apply(job: Job) -> Job:
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
            return job.model_copy(update=dict(files=files))

        self.records.update(id, apply)
        return offset

    def _finish(self, id: str, code: int | None,
                gone: str = "El proceso de ingesta terminó sin completar estos archivos.") -> None:
        """The command ended (``code`` None: it was not ours to wait for; ``gone`` says why
        files it did not finish are interrupted): the clean-up of what the job does not need
        to keep, then its outcome (so whoever sees it ended sees it cleaned up)."""
        command = self.command(id)
        ended, last = command.summarised(), command.last_error()
        job = self.get(id)
        if job is None:
            return
        self._clean(job)  # its finished files only: the outcome changes none of those

        def outcome(job: Job) -> Job:
            if not any(f.pending for f in job.files):
                return job.model_copy(update=dict(status="terminado", pid=None, message=None))
            if code is not None and code > 0 and not ended:  # refused as a whole (the index…): kept to re-run
                files = [f.model_copy(update=dict(status="interrupted", reason="ingest",
                                                  message=f"No se ingirió: la ingesta terminó con error: {last}"))
                         if f.pending else f for f in job.files]
                return job.model_copy(update=dict(status="fallido", pid=None, files=files,
                                                  message=f"La ingesta terminó con error: {last}"))
            return _interrupted(job, gone)

        self.records.update(id, outcome)

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
        unneeded = [f for f in job.files if f.stored is not None and not f.pending and f.status != "ingested"
                    and not (f.status == "skipped" and paths.get(f.id) == display_path(self.folder / f.stored))]
        if unneeded:
            with self.records.locked():
                self._remove_unneeded(job.id, unneeded)

    def _remove_unneeded(self, job_id: str, files: list[FileState]) -> None:
        """Under the records' lock: delete each stored file of ``files`` unless another job
        still counts on it (the same content under the same name, being received, ingested
        or waiting), as its record on disk says."""
        files = [f for f in files if f.stored is not None]
        if not files:
            return
        needed = {g.stored for other in self.records.scan() if other.id != job_id for g in other.files
                  if g.pending or g.status in ("ingested", "skipped")}
        for f in files:
            if f.stored in needed:
                continue
            target = self.folder / f.stored
            target.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                target.parent.rmdir()  # only if empty

    def stop(self, *, end_command: bool = True) -> None:
        """Stop running jobs (another process may take over); ``end_command``: and end the
        command this server started, as a machine going down would. A server that just exits
        leaves it running instead, to finish its files and be followed by the next runner."""
        self._stopped.set()
        self._wake.set()
        child = self._child
        if end_command and child is not None and child.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGTERM)
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        self._worker.join(timeout=5)
