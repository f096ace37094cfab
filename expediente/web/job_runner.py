"""The runner of the web's ingest jobs: the one thread, in the one server process of a data
folder holding ``jobs/runner.lock`` (``fcntl.flock``, for the life of the process), that
runs them; every other process tries to take the lock every ``RUNNER_RETRY_SECONDS``, so
when its holder stops or dies another takes over. (A process forked from the holder would
share its lock: server workers are spawned, as uvicorn's are.)

The runner picks jobs from their records on disk (``expediente.web.job_records``): one left
``en_curso`` first (to follow its command), else the oldest ``en_cola``, looking every
``POLL_SECONDS``, or at once when its own process queued one. It writes each change at once:
``en_curso`` and the command's pid, each file's stage and outcome as the command's events
come, the clean-up of the files the job does not keep, then the job's outcome.

The command (``expediente.web.ingest_command``) runs in a session of its own, so it
finishes its files even if the server stops; a runner that takes over follows it or, if it
is gone, reads what it wrote and marks each file it did not finish ``interrupted`` (the job
``interrumpido``). Taking over also prunes old records, and drops the uploads whose
receiver died before storing them (its ``incoming/<job>/.lock`` is free).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

from expediente.web.ingest_command import IngestCommand
from expediente.web.job_records import Job, Records, try_lock
from extractors.acquire import display_path

log = logging.getLogger(__name__)

POLL_SECONDS = 0.3  # a running command's events, and the queue on disk
RUNNER_RETRY_SECONDS = 2.0  # a process that does not run jobs tries to take the runner's lock again
KEEP_JOBS = 500  # finished jobs remembered; older ones' records are pruned when a runner takes over
STAGES = {"acquired": "leido", "extracted": "extraido", "done": "terminado"}
RECEIVING = ".lock"  # in incoming/<job>/, held by the process receiving the upload
INTERRUPTED = "La ingesta se interrumpió antes de terminar este archivo; vuelva a ejecutarla para completarlo."


def interrupted(job: Job, message: str) -> Job:
    """The job ended ``interrumpido``; its unfinished files say so."""
    files = [f.model_copy(update=dict(status="interrupted", reason="interrupted", message=INTERRUPTED))
             if f.pending else f for f in job.files]
    return job.model_copy(update=dict(status="interrumpido", message=message, pid=None, files=files))


class Runner:
    """Runs the jobs of the uploads folder ``folder`` while this process holds the lock."""

    def __init__(self, folder: Path, index: str, records: Records) -> None:
        self.folder, self.index, self.records = folder, index, records
        self._child: subprocess.Popen | None = None
        self._stopped = threading.Event()
        self._wake = threading.Event()
        self._holding = try_lock(self.folder / "jobs" / "runner.lock")
        if self._holding is not None:
            self._recover()  # before the first request: a restarted server answers with what it found
        self._worker = threading.Thread(target=self._work, name="ingest-jobs", daemon=True)
        self._worker.start()

    @property
    def holding(self) -> bool:
        """Does this process hold the runner's lock?"""
        return self._holding is not None

    def wake(self) -> None:
        """A job was queued in this process: look now."""
        self._wake.set()

    def command(self, id: str) -> IngestCommand:
        return IngestCommand(self.folder / "jobs" / id)

    def incoming(self, id: str) -> Path:
        return self.folder / "incoming" / id

    def _update(self, id: str, **values) -> Job | None:
        return self.records.update(id, lambda job: job.model_copy(update=values))

    def _work(self) -> None:
        try:
            while self._holding is None:
                if self._stopped.wait(RUNNER_RETRY_SECONDS):
                    return
                self._holding = try_lock(self.folder / "jobs" / "runner.lock")
                if self._holding is not None:
                    log.info("ingest jobs: this process (%d) runs them now", os.getpid())
                    try:
                        self._recover()
                    except Exception:  # what could not be taken over is looked at again by _next
                        log.exception("ingest jobs: taking over")
            while not self._stopped.is_set():
                try:
                    id = self._next()
                except Exception:  # the folder for a moment, a record mid-change: look again at
                    # the next poll; never let the thread end, which would give up the lock
                    # while a command of this process may still be running
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
                    self.records.update(id, lambda job: interrupted(job, "La ingesta se detuvo por un error "
                                        "interno; el registro tiene el detalle.")
                                        if job.status in ("en_cola", "en_curso") else None)
        except Exception:
            log.exception("ingest jobs: the runner stopped")
        finally:
            runner, self._holding = self._holding, None
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
            with self.records.locked():  # unless it is being run again meanwhile
                if (now := self.records.get(old.id)) is None or now.status not in ("terminado", "fallido"):
                    continue
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
            self.records.remove_unneeded(id, job.files)
            shutil.rmtree(self.incoming(id), ignore_errors=True)
            if hold is not None:
                hold.close()

    def _run(self, id: str) -> None:
        job = self.records.get(id)
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
        job = self.records.get(id)
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
            return interrupted(job, gone)

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
                self.records.remove_unneeded(job.id, unneeded)

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
