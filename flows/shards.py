"""One ingest split among Prefect workers: a parent flow plans, runs of the deployment read.

``ingest_shards_flow`` discovers and plans like the ingest flow (files already indexed
unchanged are skipped here, once), splits the rest into ``shards`` by a hash of each
file's path, and starts one run of the ingest deployment (``prefect.yaml``) per shard
with ``run_deployment``; whichever workers poll the deployment's pool take them. Each
shard's run writes its own batches to the same index: an Elasticsearch-API cluster, or a
SQLite file when the workers share this machine (SQLite takes the writers in turns: each
batch is one ``BEGIN IMMEDIATE`` transaction, and a writer waits up to 30 s for the other).
A SQLite file on a network disk is not safe for writers on several machines.

A shard whose run fails, or whose summary cannot be read (the workers keep results in
their own storage, see the README), is accounted for from the index: what it wrote is
``ingested``, the rest ``failed`` with reason ``shard``. Run again, the plan skips
what is indexed: a repeated or resumed run loses and duplicates nothing.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.deployments import run_deployment

from extractors.acquire import TextLayerMode, display_path
from extractors.acquire.names import path_from_display
from extractors.legal import EXTRACTOR_VERSION
from flows.discover import discover
from flows.ingest import FileOutcome, IngestSummary, _excluded, file_sha256, plan_task
from schemas import IndexRecord, Reason
from search import open_index

DEPLOYMENT = "ingest/ingest-local"


def shard_of(path: str, shards: int) -> int:
    """The shard of a file, from its path: the same in every run, spread evenly."""
    return int.from_bytes(hashlib.sha256(path.encode("utf-8", "surrogateescape")).digest()[:8], "big") % shards


@flow(name="ingest-shards", log_prints=False)
def ingest_shards_flow(
    paths: list[str],
    index: str,
    shards: int = 2,
    deployment: str = DEPLOYMENT,
    text_layer: TextLayerMode = TextLayerMode.AUTO,
    dpi: int = 300,
    batch_size: int = 25,
    keep_originals: bool = False,
    max_pages: int = 5000,
    processes: int | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``index`` as ``shards`` runs of ``deployment``, taken by its
    pool's workers. ``processes`` per run (default: each worker machine's cores)."""
    logger = get_run_logger()
    found = discover([path_from_display(p) for p in paths])
    todo, skipped = plan_task(found.files, index)
    summary = IngestSummary(index=index, outcomes=_excluded(found) + skipped)
    parts: dict[int, list[str]] = {}
    for path in todo:
        name = display_path(path)
        parts.setdefault(shard_of(name, shards), []).append(name)
    logger.info("%d archivos por procesar en %d ejecuciones de %s", len(todo), len(parts), deployment)
    options = {"index": index, "text_layer": str(text_layer), "dpi": dpi, "batch_size": batch_size,
               "keep_originals": keep_originals, "max_pages": max_pages, "processes": processes}

    def run(shard: int, files: list[str]):
        return run_deployment(deployment, parameters={"paths": files, **options}, timeout=None,
                              poll_interval=1, flow_run_name=f"shard {shard + 1} of {shards}")

    with ThreadPoolExecutor(max_workers=max(1, len(parts))) as threads:
        runs = {shard: threads.submit(run, shard, files) for shard, files in sorted(parts.items())}
        for shard, future in runs.items():
            summary.outcomes += _outcomes_of(future.result(), parts[shard], index, logger)
    return summary


def _outcomes_of(flow_run, files: list[str], index: str, logger) -> list[FileOutcome]:
    state = flow_run.state
    if state is not None and state.is_completed():
        try:
            result = state.result()
            return IngestSummary.model_validate(result if isinstance(result, dict) else result.model_dump()).outcomes
        except Exception as exc:  # noqa: BLE001 - the result lives in the worker's storage
            logger.warning("%s: su resumen no se puede leer (%s); se toma del índice", flow_run.name, exc)
    else:
        logger.warning("%s terminó en estado %s; lo escrito se toma del índice", flow_run.name,
                       state.name if state else "desconocido")
    return _from_index(files, index, f"la ejecución {flow_run.name} no dejó su resumen "
                                     f"(estado {state.name if state else 'desconocido'}); vea sus registros")


def _from_index(files: list[str], index: str, message: str) -> list[FileOutcome]:
    outcomes = []
    with open_index(index) as idx:
        for name in files:
            sha = file_sha256(path_from_display(name))
            known = idx.find_sha256(sha) if sha else None
            if known and known[1] == EXTRACTOR_VERSION:
                outcomes.append(FileOutcome(path=name, status="ingested", id=known[0]))
            else:
                outcomes.append(FileOutcome(path=name, status="failed", reason=str(Reason.SHARD), message=message,
                                            id=IndexRecord.id_for(sha) if sha else None))
    return outcomes
