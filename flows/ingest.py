"""The ingest flow: discover files, acquire their text, extract the ruling, index in batches.

The flow is the corridor between the rooms and owns nothing else: acquisition lives in
``extractors.acquire``, extraction in ``extractors.legal``, the index in ``search``. A task
is one document (or one batch of records), never a page: Prefect costs several
milliseconds per task run.

Re-ingesting an unchanged file is a no-op keyed by its sha256 and the extractor version.
Records are committed batch by batch, so a killed run, started again, finishes the rest.
A file that cannot be read is reported with its reason and the batch goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from pydantic import BaseModel, Field

from extractors.acquire import DOCUMENT_SUFFIXES, TextLayerMode, acquire
from extractors.legal import EXTRACTOR_VERSION, extract
from schemas import DocumentText, IndexRecord, PipelineError, Ruling
from search import open_index



class FileOutcome(BaseModel):
    path: str
    status: str  # ingested | skipped | failed
    id: str | None = None
    reason: str | None = None
    message: str | None = None
    warnings: list[str] = Field(default_factory=list)


class IngestSummary(BaseModel):
    index: str
    outcomes: list[FileOutcome] = Field(default_factory=list)

    def by_status(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]


ProgressListener = Callable[[FileOutcome], None]
_listeners: list[ProgressListener] = []


def add_listener(listener: ProgressListener) -> Callable[[], None]:
    """Call ``listener`` once per file as it finishes; returns a function that removes it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def _notify(outcome: FileOutcome) -> None:
    for listener in list(_listeners):
        listener(outcome)


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named explicitly (always tried, so a non-document is reported as such), plus
    every file under the directories named whose extension acquisition reads."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            found.append(path)
    seen: set[Path] = set()
    return [p for p in found if not (p.resolve() in seen or seen.add(p.resolve()))]


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
                skipped.append(FileOutcome(path=str(path), status="skipped", id=IndexRecord.id_for(sha),
                                           message=f"mismo contenido que {seen[sha]}"))
            elif known and known[1] == EXTRACTOR_VERSION:
                skipped.append(FileOutcome(path=str(path), status="skipped", id=known[0],
                                           message="sin cambios desde la última ingesta"))
            else:
                todo.append(path)
            if sha:
                seen.setdefault(sha, path)
    return todo, skipped


@task(name="acquire", task_run_name="acquire {path.name}", retries=2, retry_delay_seconds=[2, 10],
      retry_condition_fn=_retry_if_retryable)
def acquire_task(path: Path, text_layer: TextLayerMode, dpi: int, ocr_workers: int) -> DocumentText:
    doc = acquire(path, text_layer=text_layer, dpi=dpi, ocr_workers=ocr_workers)
    get_run_logger().info("%s: %d páginas (%s)", path.name, doc.page_count,
                          ", ".join(sorted({p.method.value for p in doc.pages})))
    return doc


@task(name="extract", task_run_name="extract {doc.path}")
def extract_task(doc: DocumentText) -> IndexRecord:
    ruling: Ruling = extract(doc)
    return IndexRecord(
        id=IndexRecord.id_for(doc.sha256),
        path=doc.path,
        sha256=doc.sha256,
        file_type=doc.file_type,
        page_count=doc.page_count,
        language=doc.language,
        pages=[p.text for p in doc.pages],
        ruling=ruling,
        extractor_version=EXTRACTOR_VERSION,
        ingested_at=datetime.now(timezone.utc),
    )


@task(name="index-batch", task_run_name="index {n} records", retries=2, retry_delay_seconds=5,
      retry_condition_fn=_retry_if_retryable)
def index_task(records: list[IndexRecord], index: str, n: int, keep_originals: bool) -> None:
    with open_index(index, originals=keep_originals) as idx:
        idx.upsert(records)


def _failure(path: Path, exc: BaseException) -> FileOutcome:
    if isinstance(exc, PipelineError):
        return FileOutcome(path=str(path), status="failed", reason=str(exc.reason), message=exc.message)
    return FileOutcome(path=str(path), status="failed", reason="internal",
                       message=f"error interno ({type(exc).__name__}): {exc}")


def _language_warnings(doc: DocumentText) -> list[str]:
    warnings = list(doc.warnings)
    if doc.language and doc.language != "es":
        warnings.append(f"idioma del documento: {doc.language} (no español); se indexa igual")
    return warnings


@flow(name="ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=False)
def ingest_flow(
    paths: list[str],
    index: str,
    text_layer: TextLayerMode = TextLayerMode.AUTO,
    dpi: int = 300,
    ocr_workers: int = 2,
    batch_size: int = 25,
    keep_originals: bool = False,
) -> IngestSummary:
    """Ingest every document under ``paths`` into the index at ``index``.

    ``keep_originals`` also stores the unredacted text apart from the public index, for
    callers allowed to see protected victims' names (``search.originals``).
    Documents run ``max_workers`` at a time (``ingest_flow.with_options(task_runner=...)``);
    Tesseract processes are capped for the whole process by ``extractors.acquire``.
    """
    logger = get_run_logger()
    files = discover(paths)
    todo, skipped = plan_task(files, index)
    summary = IngestSummary(index=index, outcomes=list(skipped))
    for outcome in skipped:
        _notify(outcome)
    logger.info("%d archivos: %d por procesar, %d sin cambios", len(files), len(todo), len(skipped))

    acquired = {path: acquire_task.submit(path, text_layer, dpi, ocr_workers) for path in todo}
    extracted = {extract_task.submit(fut): path for path, fut in acquired.items()}

    batch: list[tuple[IndexRecord, list[str]]] = []

    def flush() -> None:
        if not batch:
            return
        records = [record for record, _ in batch]
        state = index_task(records, index, len(records), keep_originals, return_state=True)
        error = state.result(raise_on_failure=False) if state.is_failed() else None
        for record, warnings in batch:
            outcome = (
                _failure(Path(record.path), error) if error is not None
                else FileOutcome(path=record.path, status="ingested", id=record.id, warnings=warnings)
            )
            summary.outcomes.append(outcome)
            _notify(outcome)
        batch.clear()

    for fut in as_completed(list(extracted)):
        path = extracted[fut]
        doc_or_error = acquired[path].result(raise_on_failure=False)
        if isinstance(doc_or_error, BaseException):
            outcome = _failure(path, doc_or_error)
        else:
            record = fut.result(raise_on_failure=False)
            if isinstance(record, BaseException):
                outcome = _failure(path, record)
            else:
                batch.append((record, _language_warnings(doc_or_error)))
                if len(batch) >= batch_size:
                    flush()
                continue
        summary.outcomes.append(outcome)
        _notify(outcome)
        logger.warning("%s: %s", path, outcome.message)
    flush()
    return summary


def with_concurrency(n: int):
    """The ingest flow processing ``n`` documents at once."""
    return ingest_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=n))
