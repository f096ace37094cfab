"""``expediente bench ingest``: end-to-end ingest speed, 1 process against every core against
Prefect workers, with the stages' own costs beside it.

    expediente bench ingest --docs 200 --scans 6 --repeat 3 --prefect-workers

Two corpora from the sample generator, made once into ``--work`` and reused: born-digital
PDF rulings and scanned ones (image PDFs and TIFFs). For each it prints:

1. the stages alone, in this process, one document after another: acquisition
   (``extractors.acquire.acquire``), extraction (``extractors.legal`` and the record) and
   indexing (the records written into a new SQLite index in the flow's batches, each batch
   opening the index as the flow's ``index_task`` does), seconds per document (wall, and
   CPU with Tesseract's), and what they allow on N cores when nothing else costs:
   N ÷ (CPU of acquire + extract + index); the ceiling of the first two alone is printed
   beside it;
2. the ingest flow end to end (discover, plan, read in worker processes, index to a new
   SQLite file), called in this process against a standing Prefect server that the bench
   starts: with 1 reading process and with one per core, ``--repeat`` times each;
   rulings/s and pages/s from the call to its return (the pool's start and the spaCy
   model's load in each worker included) and the CPU used (this process and its children,
   over the wall time: the cores kept busy);
3. the same through ``expediente ingest`` with no server configured: Prefect's
   temporary server starts inside the measured time, as a user without a server sees it;
4. with ``--prefect-workers``: two Prefect process workers on this machine share one
   ingest (``flows.shards``), each reading with cores ÷ 2 processes; the parent run is a
   separate process, so its time includes importing Prefect and the flows.

Other processes on the machine falsify wall times (the load average is printed before
each corpus); repeat, and read the spread.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from expediente.cli_common import emit_json, err, handle_errors, out


def register(app: typer.Typer) -> None:
    app.command("ingest")(handle_errors(bench_ingest))


def corpus_dir(work: Path, kind: str, count: int, seed: int) -> Path:
    """``born`` (no scans) or ``scans`` (all scanned), generated once and reused."""
    folder = work / f"{kind}-{count}-{seed}"
    manifest = folder / "corpus.json"
    if manifest.exists() and json.loads(manifest.read_text()) == {"count": count, "seed": seed}:
        return folder
    from samples import generate

    shutil.rmtree(folder, ignore_errors=True)
    err.print(f"Generando {count} documentos ({kind}) en {folder} ...")
    generate(folder / "docs", count=count, seed=seed, scanned_ratio=1.0 if kind == "scans" else 0.0)
    manifest.write_text(json.dumps({"count": count, "seed": seed}))
    return folder


def _cpu() -> float:
    """CPU seconds of this process and its children, the pool's fork server and the workers
    it forked included (they are not our children)."""
    from flows.pool import fork_server_cpu

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime + fork_server_cpu()


def _server_cpu(pid: int | None) -> float:
    """CPU seconds of the standing Prefect server: its work for our runs counts too."""
    from flows.pool import process_cpu

    return process_cpu(pid) if pid is not None else 0.0


@dataclass
class Stages:
    documents: int
    pages: int
    acquire_wall: float  # seconds per document
    acquire_cpu: float
    extract_wall: float
    extract_cpu: float
    index_wall: float = 0.0
    index_cpu: float = 0.0

    def ideal(self, cores: int) -> float:
        """Rulings per second on ``cores`` if nothing but the three stages cost anything: from
        their CPU time (Tesseract's included), which other processes on the machine do not
        inflate as they inflate wall time."""
        return cores / (self.acquire_cpu + self.extract_cpu + self.index_cpu)

    def ideal_reading(self, cores: int) -> float:
        """The same with acquisition and extraction only (the figure earlier notes report)."""
        return cores / (self.acquire_cpu + self.extract_cpu)


def stage_costs(folder: Path, *, ocr_workers: int, batch_size: int = 25) -> Stages:
    import tempfile

    from extractors.acquire import acquire
    from flows.pool import _warm, record_of
    from search import open_index

    files = sorted((folder / "docs").glob("doc*.*"))
    files = [f for f in files if not f.name.endswith(".json")]
    _warm()
    wall, cpu = time.perf_counter(), _cpu()
    docs = [acquire(f, ocr_workers=ocr_workers) for f in files]
    acquire_wall, acquire_cpu = time.perf_counter() - wall, _cpu() - cpu
    wall, cpu = time.perf_counter(), _cpu()
    records = [record_of(doc) for doc in docs]
    extract_wall, extract_cpu = time.perf_counter() - wall, _cpu() - cpu
    with tempfile.TemporaryDirectory(prefix="expediente-bench-index-") as tmp:
        wall, cpu = time.perf_counter(), _cpu()
        for start in range(0, len(records), batch_size):  # as flows.ingest.index_task, batch by batch
            with open_index(Path(tmp) / "index.sqlite") as idx:
                idx.upsert(records[start:start + batch_size])
        index_wall, index_cpu = time.perf_counter() - wall, _cpu() - cpu
    n = len(docs)
    return Stages(n, sum(d.page_count for d in docs), acquire_wall / n, acquire_cpu / n,
                  extract_wall / n, extract_cpu / n, index_wall / n, index_cpu / n)


@dataclass
class Run:
    mode: str
    corpus: str
    documents: int
    pages: int
    seconds: list[float] = field(default_factory=list)
    cores_busy: list[float] = field(default_factory=list)
    cpu_per_document: list[float] = field(default_factory=list)  # seconds, Prefect server's included

    @property
    def best(self) -> float:
        return min(self.seconds)


def flow_run(folder: Path, index: Path, processes: int, *, ocr_workers: int,
             server_pid: int | None = None) -> tuple[float, float, int]:
    """One ingest flow call in this process: (seconds, CPU seconds, documents ingested)."""
    from flows.ingest import ingest_flow

    for leftover in index.parent.glob(index.name + "*"):
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    wall, cpu = time.perf_counter(), _cpu() + _server_cpu(server_pid)
    summary = ingest_flow(paths=[str(folder / "docs")], index=str(index), processes=processes,
                          ocr_workers=ocr_workers)
    seconds = time.perf_counter() - wall
    time.sleep(1)  # the server records the last task runs' events
    return seconds, _cpu() + _server_cpu(server_pid) - cpu, len(summary.by_status("ingested"))


def cli_run(folder: Path, index: Path, processes: int, env: dict[str, str]) -> float:
    """``expediente ingest`` in a new process with no Prefect server configured."""
    for leftover in index.parent.glob(index.name + "*"):
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    env = {k: v for k, v in env.items() if not k.startswith("PREFECT_")}
    env["EXPEDIENTE_CONCURRENCY"] = str(processes)
    wall = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from expediente.cli import main; main()", "ingest",
                           str(folder / "docs"), "--index", str(index)], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return time.perf_counter() - wall


SHARDED = """
import sys
from flows.shards import ingest_shards_flow
summary = ingest_shards_flow(paths=[sys.argv[1]], index=sys.argv[2], shards=2, processes=int(sys.argv[3]))
sys.exit(0 if len(summary.by_status("ingested")) == int(sys.argv[4]) else 1)
"""


def workers_run(prefect, folder: Path, index: Path, processes: int, documents: int) -> float:
    for leftover in index.parent.glob(index.name + "*"):
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    wall = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", SHARDED, str(folder / "docs"), str(index), str(processes),
                           str(documents)], env=prefect.env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"la ingesta repartida falló: {done.stderr[-2000:]}")
    return time.perf_counter() - wall


def run(*, work: Path, docs: int = 200, scans: int = 6, seed: int = 3, repeat: int = 2,
        processes: int | None = None, prefect_workers: bool = False, ephemeral: bool = True,
        standing_server: bool = True) -> dict:
    """Every figure of the benchmark as a dict (see the module's docstring)."""
    from expediente.runtime import prepare_prefect_env, route_prefect_logs
    from flows.standing import StandingPrefect

    cores = processes or os.cpu_count() or 1
    work.mkdir(parents=True, exist_ok=True)
    corpora = {kind: corpus_dir(work, kind, count, seed) for kind, count in (("born", docs), ("scans", scans)) if count}
    log_file = prepare_prefect_env(work / "logs")
    prefect = StandingPrefect(work / "prefect") if standing_server else None
    result: dict = {"cores": cores, "stages": {}, "runs": []}
    try:
        if prefect is not None:
            err.print(f"servidor de Prefect en {prefect.url} ...")
            prefect.__enter__()
            os.environ.update({k: prefect.env[k] for k in ("PREFECT_API_URL", "PREFECT_HOME")})
            if prefect_workers:
                prefect.deploy()
                for _ in range(2):
                    prefect.worker()
        import flows.ingest  # noqa: F401 - Prefect is imported here, after its environment is set

        route_prefect_logs(log_file, verbose=False)
        for kind, folder in corpora.items():
            err.print(f"{kind}: carga {os.getloadavg()[0]:.2f}; etapas solas ...")
            stages = stage_costs(folder, ocr_workers=cores)
            result["stages"][kind] = {**asdict(stages), "ideal_per_second": round(stages.ideal(cores), 1),
                                      "ideal_reading_per_second": round(stages.ideal_reading(cores), 1)}
            n, pages = stages.documents, stages.pages
            modes = [("1 proceso", 1), (f"{cores} procesos", cores)] if cores > 1 else [("1 proceso", 1)]
            for label, p in modes:
                row = Run(f"flujo, {label}", kind, n, pages)
                for _ in range(repeat):
                    err.print(f"{kind}: flujo con {p} procesos (carga {os.getloadavg()[0]:.2f}) ...")
                    seconds, cpu, ingested = flow_run(folder, work / "index.sqlite", p, ocr_workers=cores,
                                                       server_pid=prefect.server_pid if prefect else None)
                    if ingested != n:
                        raise RuntimeError(f"{kind}: {ingested} de {n} documentos ingeridos")
                    row.seconds.append(seconds)
                    row.cores_busy.append(cpu / seconds)
                    row.cpu_per_document.append(cpu / n)
                result["runs"].append(row)
            if ephemeral:
                row = Run(f"expediente ingest, {cores} procesos, servidor temporal", kind, n, pages)
                row.seconds.append(cli_run(folder, work / "index.sqlite", cores, dict(os.environ)))
                result["runs"].append(row)
            if prefect_workers and prefect is not None:
                row = Run(f"2 workers de Prefect × {max(1, cores // 2)} procesos", kind, n, pages)
                for _ in range(repeat):
                    row.seconds.append(workers_run(prefect, folder, work / "index.sqlite",
                                                   max(1, cores // 2), n))
                result["runs"].append(row)
    finally:
        if prefect is not None:
            prefect.close()
    best = {kind: max((r.documents / r.best for r in result["runs"]
                       if r.corpus == kind and r.mode.startswith("flujo")), default=0) for kind in corpora}
    for kind, best_rate in best.items():
        stages = result["stages"][kind]
        stages["end_to_end_share"] = round(best_rate / stages["ideal_per_second"], 2)
        stages["end_to_end_share_reading"] = round(best_rate / stages["ideal_reading_per_second"], 2)
        cpu = [c for r in result["runs"] if r.corpus == kind and r.mode.startswith("flujo")
               for c in r.cpu_per_document]
        # the share that the stages' own CPU is of the whole ingest's CPU per document: what
        # the share would be on a machine with nothing else running
        stages["cpu_share"] = round((stages["acquire_cpu"] + stages["extract_cpu"] + stages["index_cpu"])
                                    / statistics.median(cpu), 2)
    result["runs"] = [{**asdict(r), "per_second": round(r.documents / r.best, 1),
                       "pages_per_second": round(r.pages / r.best, 1)} for r in result["runs"]]
    return result


def bench_ingest(
    docs: Annotated[int, typer.Option("--docs", min=0, help="Resoluciones nativas digitales.")] = 200,
    scans: Annotated[int, typer.Option("--scans", min=0, help="Resoluciones escaneadas.")] = 6,
    seed: Annotated[int, typer.Option("--seed", help="Semilla del generador.")] = 3,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Repeticiones de cada medición.")] = 2,
    processes: Annotated[Optional[int], typer.Option("--processes", min=1, help="Procesos («todos los núcleos»).")] = None,
    prefect_workers: Annotated[bool, typer.Option("--prefect-workers", help="Mide también 2 workers de Prefect.")] = False,
    work: Annotated[Path, typer.Option("--work", help="Carpeta de trabajo (el corpus se reutiliza).")] = Path("bench-ingest"),
    as_json: Annotated[bool, typer.Option("--json", help="Cifras en JSON.")] = False,
) -> None:
    """Resoluciones/s y páginas/s de la ingesta completa: 1 proceso, todos los núcleos, workers."""
    result = run(work=work, docs=docs, scans=scans, seed=seed, repeat=repeat, processes=processes,
                 prefect_workers=prefect_workers)
    if as_json:
        emit_json(json.dumps(result, ensure_ascii=False, indent=1))
        return
    for kind, s in result["stages"].items():
        out.print(f"[bold]{kind}[/]: {s['documents']} documentos, {s['pages']} páginas. Etapas solas, por documento: "
                  f"adquisición {s['acquire_wall'] * 1000:.0f} ms (CPU {s['acquire_cpu'] * 1000:.0f} ms), "
                  f"extracción {s['extract_wall'] * 1000:.0f} ms (CPU {s['extract_cpu'] * 1000:.0f} ms), "
                  f"indexación {s['index_wall'] * 1000:.0f} ms (CPU {s['index_cpu'] * 1000:.0f} ms) → "
                  f"{s['ideal_per_second']} resoluciones/s en {result['cores']} núcleos "
                  f"({s['ideal_reading_per_second']} sin la indexación); el mejor flujo logra "
                  f"{s['end_to_end_share']:.0%} de eso ({s['end_to_end_share_reading']:.0%} de lo segundo); "
                  f"las etapas son {s['cpu_share']:.0%} de la CPU de la ingesta")
    table = Table("corpus", "modo", "docs", "s (mín–máx)", "resol./s", "pág/s", "núcleos ocupados",
                  "CPU ms/doc")
    for r in result["runs"]:
        table.add_row(*[r["corpus"], r["mode"], str(r["documents"]),
                        f"{min(r['seconds']):.1f}–{max(r['seconds']):.1f}", str(r["per_second"]),
                        str(r["pages_per_second"]),
                        f"{statistics.median(r['cores_busy']):.2f}" if r["cores_busy"] else "—",
                        f"{statistics.median(r['cpu_per_document']) * 1000:.0f}" if r["cpu_per_document"] else "—"])
    out.print(table)
