"""The ingest flow: discover files, acquire their text, extract the ruling, index in batches.

The flow is the corridor between the rooms and owns nothing else: which files to try is
``flows.discover``, acquisition lives in ``extractors.acquire``, extraction in
``extractors.legal``, the index in ``search``. A task is one document (or one batch of
records), never a page: Prefect costs several milliseconds per task run.

Re-ingesting an unchanged file is a no-op keyed by its sha256 and the extractor version.
Records are committed batch by batch, so a killed run, started again, finishes the rest.
A file that cannot be read is reported with its reason and the batch goes on.

Documents go through one after another in a window as wide as the task runner: a
document's extraction is queued as soon as its text is read, ahead of the next
acquisition, so documents finish (and progress moves) all through the run rather than all
at the end. Listeners (``add_listener``) hear one ``IngestEvent`` per document and stage.

Paths in outcomes, events and logs are ``display_path`` text (a name that is not UTF-8 is
shown escaped, ``caso\\xff.pdf``); ``paths`` given to the flow take the same form.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from pydantic import BaseModel, Field, field_validator

from extractors.acquire import TextLayerMode, acquire, display_path
from extractors.acquire.names import path_from_display, printable
from extractors.legal import EXTRACTOR_VERSION, extract
from flows.discover import Discovery, discover
from schemas import DocumentText, IndexRecord, PipelineError, Ruling
from search import open_index

__all__ = ["FileOutcome", "IngestEvent", "IngestSummary", "Stage", "add_listener", "discover",
           "ingest_flow", "with_concurrency"]

STATUSES = ("ingested", "skipped", "failed", "excluded")


class FileOutcome(BaseModel):
    """What became of one file. ``status``: ``ingested``; ``skipped`` (already indexed, or the
    same content as another file of the run); ``failed`` (tried and refused: ``reason`` says
    why); ``excluded`` (left out of a folder without reading it: not a document type,
    a symlink loop, no permission to enter; ``reason`` says which)."""

    path: str  # display_path text
    status: str
    id: str | None = None
    reason: str | None = None
    message: str | None = None
    warnings: list[str] = Field(default_factory=list)

    @field_validator("path", "message")
    @classmethod
    def _encodable(cls, text: str | None) -> str | None:
        """A library's error message may quote a file name that is not UTF-8."""
        return printable(text) if text else text

    @field_validator("warnings")
    @classmethod
    def _encodable_warnings(cls, warnings: list[str]) -> list[str]:
        return [printable(w) for w in warnings]


class IngestSummary(BaseModel):
    index: str
    outcomes: list[FileOutcome] = Field(default_factory=list)

    def by_status(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]


class Stage(StrEnum):
    ACQUIRED = "acquired"  # text read (``pages`` pages)
    EXTRACTED = "extracted"  # ruling extracted; the record waits for its batch
    DONE = "done"  # ``outcome`` is final: indexed, skipped, failed or excluded


@dataclass(frozen=True)
class IngestEvent:
    stage: Stage
    path: str  # display_path text
    pages: int = 0
    outcome: FileOutcome | None = None


Listener = Callable[[IngestEvent], None]
_listeners: list[Listener] = []


def add_listener(listener: Listener) -> Callable[[], None]:
    """Call ``listener`` with every ``IngestEvent``; returns a function that removes it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def _notify(event: IngestEvent) -> None:
    for listener in list(_listeners):
        listener(event)


def file_sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None  # acquisition reports why the file cannot be read
    return digest.hexdigest()


def _retry_if_retryable(task, task_run, state) -> bool:
    exc = state.result(raise_on_failure=False)
    return isinstance(exc, PipelineError) and exc.retryable


def _named(verb: str, parameter: str) -> Callable[..., str]:
    """A task run name that Prefect's API can encode, whatever bytes the file name has."""
    def name(parameters: dict[str, Any]) -> str:
        value = parameters[parameter]
        return f"{verb} {display_path(value.name) if isinstance(value, Path) else value.path}"
    return name


@task(name="plan", task_run_name="plan {index}")
def plan_task(files: Sequence[Path], index: str) -> tuple[list[Path], list[FileOutcome]]:
    """Split files into those to process and those already indexed unchanged."""
    todo: list[Path] = []
    skipped: list[FileOutcome] = []
    seen: dict[str, Path] = {}
    with open_index(index) as idx:
        for path in files:
            sha = file_sha256(path)
            known = idx.find_sha256(sha) if sha else None
            if sha and sha in seen:
                skipped.append(FileOutcome(path=display_path(path), status="skipped",
                                           id=IndexRecord.id_for(sha),
                                           message=f"mismo contenido que {display_path(seen[sha])}"))
            elif known and known[1] == EXTRACTOR_VERSION:
                skipped.append(FileOutcome(path=display_path(path), status="skipped", id=known[0],
                                           message="sin cambios desde la última ingesta"))
            else:
                todo.append(path)
            if sha:
                seen.setdefault(sha, path)
    return todo, skipped


@task(name="acquire", task_run_name=_named("acquire", "path"), retries=2,
      retry_delay_seconds=[2, 10], retry_condition_fn=_retry_if_retryable)
def acquire_task(path: Path, text_layer: TextLayerMode, dpi: int, ocr_workers: int,
                 scratch_dir: Path | None = None, max_pages: int = 5000) -> DocumentText:
    doc = acquire(path, text_layer=text_layer, dpi=dpi, ocr_workers=ocr_workers,
                  scratch_dir=scratch_dir, max_pages=max_pages)
    get_run_logger().info("%s: %d páginas (%s)", display_path(path.name), doc.page_count,
                          ", ".join(sorted({p.method.value for p in doc.pages})))
    return doc


@task(name="extract", task_run_name=_named("extract", "doc"))
def extract_task(doc: DocumentText) -> IndexRecord:
    ruling: Ruling = extract(doc)
    return IndexRecord(
        id=IndexRecord.id_for(doc.sha256),
        path=doc.path,
        sha256=doc.sha256,
        file_type=doc.file_type,
        page_count=doc.page_count,
        language=doc.language,
        pages=[p.text for p in doc.pages], page_boxes=[p.boxes for p in doc.pages],
        ruling=ruling,
        extractor_version=EXTRACTOR_VERSION,
        ingested_at=datetime.now(timezone.utc),
    )


@task(name="index-batch", task_run_name="index {n} records", retries=2, retry_delay_seconds=5,
      retry_condition_fn=_retry_if_retryable)
def index_task(records: list[IndexRecord], index: str, n: int, keep_originals: bool) -> None:
    with open_index(index, originals=keep_originals) as idx:
        idx.upsert(records)


def _failure(path: str, exc: BaseException) -> FileOutcome:
    if isinstance(exc, PipelineError):
        return FileOutcome(path=path, status="failed", reason=str(exc.reason), message=exc.message)
    return FileOutcome(path=path, status="failed", reason="internal",
                       message=f"error interno ({type(exc).__name__}): {exc}")


def _language_warnings(doc: DocumentText) -> list[str]:
    warnings = list(doc.warnings)
    if doc.language and doc.language != "es":
        warnings.append(f"idioma del documento: {doc.language} (no español); se indexa igual")
    return warnings


def _excluded(found: Discovery) -> list[FileOutcome]:
    return [FileOutcome(path=display_path(e.path), status="excluded", reason=str(e.reason),
                        message=e.message) for e in found.excluded]


def _window() -> int:
    """Documents acquired at once: as many as the task runner has workers."""
    runner = FlowRunContext.get().task_runner if FlowRunContext.get() else None
    workers = getattr(runner, "_max_workers", None)  # ThreadPoolTaskRunner's own count
    return max(1, min(int(workers), 64)) if isinstance(workers, int) else 2


@flow(name="ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=False)
def ingest_flow(
    paths: list[str],
    index: str,
    text_layer: TextLayerMode = TextLayerMode.AUTO,
    dpi: int = 300,
    ocr_workers: int = 2,
    batch_size: int = 25,
    keep_originals: bool = False,
    scratch_dir: str | None = None,
    max_pages: int = 5000,
) -> IngestSummary:
    """Ingest every document under ``paths`` into the index at ``index``.

    ``keep_originals`` also stores the unredacted text apart from the public index, for
    callers allowed to see protected victims' names (``search.originals``).
    Documents run ``max_workers`` at a time (``ingest_flow.with_options(task_runner=...)``);
    Tesseract processes are capped for the whole process by ``extractors.acquire``, and
    their page images live under ``scratch_dir`` (``extractors.acquire.scratch``).
    """
    logger = get_run_logger()
    found = discover([path_from_display(p) for p in paths])
    todo, skipped = plan_task(found.files, index)
    summary = IngestSummary(index=index)
    scratch = Path(scratch_dir) if scratch_dir else None

    def finish(outcome: FileOutcome) -> None:
        summary.outcomes.append(outcome)
        _notify(IngestEvent(Stage.DONE, outcome.path, outcome=outcome))
        if outcome.status in ("failed", "excluded"):
            logger.warning("%s: %s (%s)", outcome.path, outcome.message, outcome.reason)

    for outcome in _excluded(found) + skipped:
        finish(outcome)
    logger.info("%d archivos: %d por procesar, %d sin cambios, %d excluidos", len(found.files),
                len(todo), len(skipped), len(found.excluded))

    batch: list[tuple[IndexRecord, list[str]]] = []

    def flush() -> None:
        if not batch:
            return
        records = [record for record, _ in batch]
        state = index_task(records, index, len(records), keep_originals, return_state=True)
        error = state.result(raise_on_failure=False) if state.is_failed() else None
        for record, warnings in batch:
            finish(_failure(record.path, error) if error is not None else
                   FileOutcome(path=record.path, status="ingested", id=record.id, warnings=warnings))
        batch.clear()

    waiting = iter(todo)
    acquiring: dict[PrefectFuture, Path] = {}
    extracting: dict[PrefectFuture, DocumentText] = {}

    def start_next() -> None:
        path = next(waiting, None)
        if path is not None:
            acquiring[acquire_task.submit(path, text_layer, dpi, ocr_workers, scratch,
                                                  max_pages)] = path

    for _ in range(_window()):
        start_next()
    while acquiring or extracting:
        fut = next(as_completed([*acquiring, *extracting]))
        if fut in acquiring:
            path = acquiring.pop(fut)
            doc = fut.result(raise_on_failure=False)
            if isinstance(doc, BaseException):
                finish(_failure(display_path(path), doc))
            else:
                _notify(IngestEvent(Stage.ACQUIRED, doc.path, pages=doc.page_count))
                extracting[extract_task.submit(fut)] = doc  # queued ahead of the next acquisition
            start_next()
            continue
        doc = extracting.pop(fut)
        record = fut.result(raise_on_failure=False)
        if isinstance(record, BaseException):
            finish(_failure(doc.path, record))
            continue
        _notify(IngestEvent(Stage.EXTRACTED, doc.path, pages=doc.page_count))
        batch.append((record, _language_warnings(doc)))
        if len(batch) >= batch_size:
            flush()
    flush()
    return summary


def with_concurrency(n: int):
    """The ingest flow processing ``n`` documents at once."""
    return ingest_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=n))
