"""Documents read on every core: acquisition and extraction in worker processes.

Threads cannot do this: extraction (spaCy and our rules) and most of acquisition are
Python holding the GIL. So each document is read by a process of a
``ProcessPoolExecutor`` in one call, ``read_document``: path in; out, what the parent needs
of its acquisition (``Acquired``: pages, methods, language, warnings) and its
``IndexRecord``, or a ``Failure``. The ``DocumentText`` never leaves the worker. The
workers are not forked from the parent, which runs Prefect's threads: on Linux they are
forked from a fork server, a clean process that has imported our modules and built the
spaCy pipeline once (``flows.preload``), so a worker starts in milliseconds instead of
loading Python and the model again (2–3 s of CPU each); elsewhere (macOS, where forking is
unsafe) they are spawned and each builds the pipeline when it starts.

The parent keeps a window of documents in flight, ``WINDOW`` per worker, so that a worker
that finishes a document finds the next one waiting even while the parent is busy writing
a batch to the index; ``read`` yields each document's steps (``ACQUIRED`` then
``EXTRACTED``, or ``FAILED``) as its call returns, in the order documents were sent among
those that finish together, so documents finish all through the run.

What crosses the process boundary is plain data: paths, ``Acquired``, ``IndexRecord``,
and a ``Failure`` (reason and message) for a document that was refused, since our
``PipelineError`` does not survive pickling. A refusal that says retrying can help reads
the document again (``RETRIES`` times at most). A worker that dies (killed, out of memory,
a crash in a C library) breaks the whole pool: the pool is started again, and the
documents that were in flight are sent again one at a time, so the one that breaks it
alone is known and fails with reason ``crashed``; the others go on.

Tesseract runs as subprocesses of the workers; its process cap (``ocr_workers``) is one
semaphore that every worker of the pool holds a slot of while a Tesseract runs
(``limit_processes``), so scans keep every core busy without running more Tesseracts than
asked, and a worker left alone with the last scan can use every slot. A worker killed
while it held a slot takes the slot with it; the pool is then started again, with a new
semaphore.
"""

from __future__ import annotations

import gc
import logging
import logging.handlers
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path

from extractors.acquire import TextLayerMode, acquire, display_path
from extractors.legal import EXTRACTOR_VERSION, extract
from schemas import DocumentText, IndexRecord, PipelineError, Reason

log = logging.getLogger(__name__)

CRASHED = str(Reason.CRASHED)  # FileOutcome.reason of a document whose worker process died
RETRIES = 2  # more tries of a document whose failure says retrying can help
START_FAILURES = 3  # the pool broke this many times running with no result: it cannot start
WINDOW = 3  # documents in flight per worker: the one it reads and the next ones, waiting


@dataclass(frozen=True)
class ReadOptions:
    text_layer: TextLayerMode = TextLayerMode.AUTO
    dpi: int = 300
    max_pages: int = 5000
    scratch_dir: Path | None = None


@dataclass(frozen=True)
class Failure:
    """Why a document was refused, as plain data that crosses the process boundary."""

    reason: str
    message: str
    retryable: bool = False

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        if isinstance(exc, PipelineError):
            return cls(str(exc.reason), exc.message, exc.retryable)
        return cls("internal", f"error interno ({type(exc).__name__}): {exc}")


@dataclass(frozen=True)
class Acquired:
    """What the parent needs of a document's acquisition (its ``DocumentText`` stays in the
    worker): for the flow's events, its log and the file's warnings."""

    path: str  # display_path text
    page_count: int
    methods: tuple[str, ...]  # how its pages were read (``PageMethod`` values), sorted
    language: str | None
    warnings: tuple[str, ...]

    @classmethod
    def of(cls, doc: DocumentText) -> Acquired:
        return cls(doc.path, doc.page_count, tuple(sorted({p.method.value for p in doc.pages})),
                   doc.language, tuple(doc.warnings))


@dataclass(frozen=True)
class Read:
    """One document read by a worker: ``acquired`` is None when it was refused before its
    text was read; ``result`` is its record, or why it was refused."""

    acquired: Acquired | None
    result: IndexRecord | Failure


# ------------------------------------------------------------------ in the worker processes

_options = ReadOptions()
_tesseracts = 1


def _start_worker(options: ReadOptions, tesseracts: int, slots, logs: multiprocessing.Queue | None) -> None:
    """Each worker: the pool's Tesseract slots, logs to the parent, the model loaded."""
    global _options, _tesseracts
    _options, _tesseracts = options, tesseracts
    from extractors.acquire.ocr import limit_processes

    limit_processes(tesseracts, shared=slots)
    root = logging.getLogger()
    root.handlers[:] = [logging.handlers.QueueHandler(logs) if logs is not None else logging.NullHandler()]
    root.setLevel(logging.WARNING)
    _warm()
    gc.freeze()  # the model's objects are there to stay: collections need not walk them


def _warm() -> None:
    """Build the spaCy pipeline now rather than inside the first document's time."""
    from schemas import Page

    extract(DocumentText(path="warm", sha256="0" * 64, file_type="text", page_count=1, language="es",
                         pages=[Page(number=1, method="text_layer",
                                     text="Lima, uno de enero de dos mil veinte. El acusado Juan Pérez.")]))


def read_document(path: Path) -> Read:
    """Acquire and extract one document, in a worker (the pool's one call a document)."""
    try:
        doc = acquire(path, text_layer=_options.text_layer, dpi=_options.dpi,
                      ocr_workers=_tesseracts, scratch_dir=_options.scratch_dir,
                      max_pages=_options.max_pages)
    except Exception as exc:  # noqa: BLE001 - every refusal becomes this document's outcome
        return Read(None, Failure.of(exc))
    try:
        return Read(Acquired.of(doc), record_of(doc))
    except Exception as exc:  # noqa: BLE001
        return Read(Acquired.of(doc), Failure.of(exc))


def record_of(doc: DocumentText) -> IndexRecord:
    """The index record of a document: its text and the ruling extracted from it."""
    return IndexRecord(
        id=IndexRecord.id_for(doc.sha256), path=doc.path, sha256=doc.sha256,
        file_type=doc.file_type, page_count=doc.page_count, language=doc.language,
        pages=[p.text for p in doc.pages], page_boxes=[p.boxes for p in doc.pages], ruling=extract(doc),
        extractor_version=EXTRACTOR_VERSION, ingested_at=datetime.now(timezone.utc),
    )


# ------------------------------------------------------------------ in the parent


class Kind(StrEnum):
    ACQUIRED = "acquired"  # ``value`` is the Acquired
    EXTRACTED = "extracted"  # ``value`` is the IndexRecord
    FAILED = "failed"  # ``value`` is the Failure


@dataclass(frozen=True)
class Step:
    kind: Kind
    path: Path
    value: Acquired | IndexRecord | Failure


@dataclass
class _Job:
    path: Path
    tries: int = 0
    alone: bool = field(default=False)  # in flight by itself after the pool broke


PRELOAD = "flows.preload"  # imported by the fork server: the modules and the model, built once


def start_method() -> str:
    """``forkserver`` on Linux; ``spawn`` where forking a process that has loaded system
    libraries is unsafe (macOS) or impossible (Windows)."""
    forkserver = sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods()
    return "forkserver" if forkserver else "spawn"


def _context(method: str | None) -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context(method or start_method())
    if context.get_start_method() == "forkserver":
        # effective until the (one, process-wide) fork server starts; a server started
        # without it only means workers that build the pipeline themselves
        context.set_forkserver_preload([PRELOAD])
    return context


def start_fork_server(method: str | None = None) -> None:
    """Start the fork server now, if the pool will use one, so that it builds the pipeline
    while the caller does other work (finding and planning files) rather than when the
    first worker is asked for. Returns at once; harmless if the server is running."""
    if _context(method).get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def fork_server_cpu() -> float:
    """CPU seconds of the fork server and of the workers it forked that have ended: they are
    not this process's children, so ``RUSAGE_CHILDREN`` does not count them (benchmarks add
    this). 0 without a fork server, or where /proc is not there."""
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    return process_cpu(pid, children=True) if pid is not None else 0.0


def process_cpu(pid: int, *, children: bool = False) -> float:
    """CPU seconds of process ``pid`` (user and system), with those of its children that
    have ended when ``children``; 0 where /proc is not there or the process is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(f) for f in fields[11:15 if children else 13]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime


class DocumentPool:
    """``processes`` worker processes reading documents; ``read`` yields their steps.

    Use as a context manager: the processes start with the first document and stop on exit.
    """

    def __init__(self, processes: int, options: ReadOptions, *, ocr_workers: int,
                 start_method: str | None = None) -> None:
        self.processes = max(1, processes)
        self.options = options
        self.tesseracts = max(1, ocr_workers)  # for the pool: slots of one semaphore
        self._context = _context(start_method)
        self._executor: ProcessPoolExecutor | None = None
        self._logs: multiprocessing.Queue | None = None
        self._listener: logging.handlers.QueueListener | None = None
        self.restarts = 0

    def __enter__(self) -> DocumentPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop()

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            if self._logs is None:
                self._logs = self._context.Queue()
                self._listener = logging.handlers.QueueListener(self._logs, _Relay())
                self._listener.start()
            slots = self._context.BoundedSemaphore(self.tesseracts)  # new with each pool (see above)
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes, mp_context=self._context, initializer=_start_worker,
                initargs=(self.options, self.tesseracts, slots, self._logs))
        return self._executor

    def _restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self.restarts += 1

    def _stop(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        if self._logs is not None:
            self._logs.close()
            self._logs = None

    def read(self, paths: Sequence[Path]) -> Iterator[Step]:
        """Acquire and extract every path; yields each document's steps as its worker
        returns it: ``ACQUIRED`` then ``EXTRACTED``, or ``ACQUIRED`` then ``FAILED`` (refused
        at extraction), or ``FAILED`` alone (refused before its text was read)."""
        waiting = deque(_Job(Path(p)) for p in paths)
        alone: deque[_Job] = deque()  # in flight when the pool broke: sent again one by one
        running: dict[Future, _Job] = {}

        broken = False
        done_any, fruitless = False, 0  # results since the pool last broke; breaks with none

        def send(job: _Job) -> None:
            nonlocal broken
            try:
                running[self._pool().submit(read_document, job.path)] = job
            except BrokenProcessPool:  # broke since we last looked: sent again after the restart
                broken = True
                alone.append(job)

        while waiting or alone or running:
            if alone:
                if not running:
                    job = alone.popleft()
                    job.alone = True
                    send(job)
            else:
                while waiting and len(running) < self.processes * WINDOW:
                    send(waiting.popleft())
            done, _ = wait(list(running), return_when=FIRST_COMPLETED) if running else (set(), set())
            for future in _in_order(done, running):
                job = running.pop(future)
                try:
                    read = future.result()
                except BrokenProcessPool:
                    broken = True
                    if job.alone:  # it broke the pool by itself
                        yield Step(Kind.FAILED, job.path, _crash(job))
                    else:
                        alone.append(job)
                    continue
                except Exception as exc:  # noqa: BLE001 - e.g. a result that could not be pickled
                    read = Read(None, Failure.of(exc))
                job.alone = False
                done_any = True
                value = read.result
                if isinstance(value, Failure) and value.retryable and job.tries < RETRIES:
                    job.tries += 1  # read again from the start; only the last try's steps are yielded
                    (alone if alone else waiting).appendleft(job)
                    continue
                if read.acquired is not None:
                    yield Step(Kind.ACQUIRED, job.path, read.acquired)
                yield Step(Kind.FAILED if isinstance(value, Failure) else Kind.EXTRACTED, job.path, value)
            if broken:
                broken = False
                alone.extend(running.values())  # the pool cancelled or lost them too
                running.clear()
                fruitless = 0 if done_any else fruitless + 1
                if fruitless >= START_FAILURES:  # the workers die before reading anything
                    for job in [*alone, *waiting]:
                        yield Step(Kind.FAILED, job.path, Failure(CRASHED, "los procesos de lectura "
                                   "terminan al arrancar; vea el registro"))
                    return
                done_any = False
                log.warning("un proceso de lectura terminó de forma inesperada; se reinicia el grupo "
                            "y se leen de nuevo, de a uno, los documentos en curso (%d)", len(alone))
                self._restart()


def _in_order(done: set[Future], running: dict[Future, _Job]) -> list[Future]:
    """Futures in the order they were sent (the dict's order): steps keep that order."""
    return [f for f in running if f in done]


def _crash(job: _Job) -> Failure:
    return Failure(CRASHED, f"el proceso que intentaba leer {display_path(job.path.name)} terminó "
                            "de forma inesperada (¿memoria agotada, o una biblioteca que falló?); "
                            "los demás documentos siguieron")


class _Relay(logging.Handler):
    """Log records of the workers, handled again by the parent's logger of the same name."""

    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger(record.name).handle(record)


def default_processes() -> int:
    return os.cpu_count() or 1
