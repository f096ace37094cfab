"""The ingest flow: discover files, acquire their text, extract the ruling, index in batches.

The flow is the corridor between the rooms and owns nothing else: which files to try is
``flows.discover``, acquisition lives in ``extractors.acquire``, extraction in
``extractors.legal``, the index in ``search``, the processes that run acquisition and
extraction in ``flows.pool``.

Prefect tasks are the plan and each batch written to the index, not each document: a task
run costs ~3 ms of this process and ~16 ms of the Prefect server's (measured with a
standing server, 400 runs), a third of what reading a born-digital ruling costs.
Documents are read by worker processes, one per core (``flows.pool``); this process only
indexes, so indexing stays one writer.

Re-ingesting an unchanged file is a no-op keyed by its sha256 and the extractor version.
Records are committed batch by batch, so a killed run, started again, finishes the rest.
A file that cannot be read is reported with its reason and the batch goes on.

Each document is read (acquired and extracted) by one call to a worker, and finishes as
soon as that call returns, so documents finish (and progress moves) all through the run
rather than all at the end. Listeners (``add_listener``) hear one ``IngestEvent`` per
document and stage: ``acquired`` and ``extracted`` come together, when the worker returns.

Paths in outcomes, events and logs are ``display_path`` text (a name that is not UTF-8 is
shown escaped, ``caso\\xff.pdf``); ``paths`` given to the flow take the same form.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote
from pydantic import BaseModel, Field, field_validator

from extractors.acquire import TextLayerMode, display_path
from extractors.acquire.names import path_from_display, printable
from extractors.legal import EXTRACTOR_VERSION
from flows.discover import Discovery, discover
from flows.pool import (Acquired, DocumentPool, Failure, Kind, ReadOptions, default_processes, record_of,
                        start_fork_server)
from schemas import DocumentText, IndexRecord, PipelineError
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


@task(name="extract", task_run_name=_named("extract", "doc"))
def extract_task(doc: DocumentText) -> IndexRecord:
    """One document's index record, in this process (the flow reads in ``flows.pool``)."""
    return record_of(doc)


# no cache key: writing a batch is a side effect that must run each time, and Prefect's
# default key hashes every record of the batch (~1 ms of this process a document)
@task(name="index-batch", task_run_name="index {n} records", retries=2, retry_delay_seconds=5,
      retry_condition_fn=_retry_if_retryable, cache_policy=NO_CACHE)
def index_task(records: list[IndexRecord], index: str, n: int, keep_originals: bool) -> None:
    with open_index(index, originals=keep_originals) as idx:
        idx.upsert(records)


def _failure(path: str, failure: BaseException | Failure) -> FileOutcome:
    failure = failure if isinstance(failure, Failure) else Failure.of(failure)
    return FileOutcome(path=path, status="failed", reason=failure.reason, message=failure.message)


def _language_warnings(doc: Acquired) -> list[str]:
    warnings = list(doc.warnings)
    if doc.language and doc.language != "es":
        warnings.append(f"idioma del documento: {doc.language} (no español); se indexa igual")
    return warnings


def _excluded(found: Discovery) -> list[FileOutcome]:
    return [FileOutcome(path=display_path(e.path), status="excluded", reason=str(e.reason),
                        message=e.message) for e in found.excluded]


@flow(name="ingest", log_prints=False)
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
    processes: int | None = None,
) -> IngestSummary:
    """Ingest every document under ``paths`` into the index at ``index``.

    ``keep_originals`` also stores the unredacted text apart from the public index, for
    callers allowed to see protected victims' names (``search.originals``).
    Documents are read by ``processes`` worker processes (default: one per core; see
    ``flows.pool``), which share ``ocr_workers`` Tesseract processes; page images live under
    ``scratch_dir`` (``extractors.acquire.scratch``). Records are indexed here, batch by batch.
    """
    logger = get_run_logger()
    found = discover([path_from_display(p) for p in paths])
    if found.files:
        start_fork_server()  # the workers' model loads while the files are planned
    todo, skipped = plan_task(found.files, index)
    summary = IngestSummary(index=index)

    def finish(outcome: FileOutcome) -> None:
        summary.outcomes.append(outcome)
        _notify(IngestEvent(Stage.DONE, outcome.path, outcome=outcome))
        if outcome.status in ("failed", "excluded"):
            logger.warning("%s: %s (%s)", outcome.path, outcome.message, outcome.reason)

    for outcome in _excluded(found) + skipped:
        finish(outcome)
    workers = max(1, min(processes or default_processes(), len(todo) or 1))
    logger.info("%d archivos: %d por procesar, %d sin cambios, %d excluidos; %d procesos de lectura",
                len(found.files), len(todo), len(skipped), len(found.excluded), workers)

    batch: list[tuple[IndexRecord, list[str]]] = []

    def flush() -> None:
        if not batch:
            return
        records = [record for record, _ in batch]
        # quoted: Prefect would otherwise walk every field of every record (looking for
        # futures to wait on and inputs to record), ~5 ms of this process a document
        state = index_task(quote(records), index, len(records), keep_originals, return_state=True)
        error = state.result(raise_on_failure=False) if state.is_failed() else None
        for record, warnings in batch:
            finish(_failure(record.path, error) if error is not None else
                   FileOutcome(path=record.path, status="ingested", id=record.id, warnings=warnings))
        batch.clear()

    if not todo:
        return summary
    options = ReadOptions(text_layer=TextLayerMode(text_layer), dpi=dpi, max_pages=max_pages,
                          scratch_dir=Path(scratch_dir) if scratch_dir else None)
    warnings: dict[Path, list[str]] = {}
    with DocumentPool(workers, options, ocr_workers=ocr_workers) as pool:
        for step in pool.read(todo):
            if step.kind is Kind.FAILED:
                finish(_failure(display_path(step.path), step.value))
            elif step.kind is Kind.ACQUIRED:
                acquired = step.value
                logger.debug("%s: %d páginas (%s)", acquired.path, acquired.page_count, ", ".join(acquired.methods))
                warnings[step.path] = _language_warnings(acquired)
                _notify(IngestEvent(Stage.ACQUIRED, acquired.path, pages=acquired.page_count))
            else:
                record = step.value
                _notify(IngestEvent(Stage.EXTRACTED, record.path, pages=record.page_count))
                batch.append((record, warnings.pop(step.path, [])))
                if len(batch) >= batch_size:
                    flush()
        flush()
    if pool.restarts:
        logger.warning("%d reinicios del grupo de procesos de lectura", pool.restarts)
    return summary


def with_concurrency(n: int) -> Callable[..., IngestSummary]:
    """The ingest flow reading with ``n`` processes."""
    return functools.partial(ingest_flow, processes=n)
