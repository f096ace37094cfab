"""``expediente bench search``: speed, size, memory and relevance of the embedded index.

A text-only corpus from the sample generator (``docNNNN.txt`` pages split by ``\\f`` and
``docNNNN.truth.json``) is generated once into ``--work`` and reused. Each engine (tantivy,
FTS5) then runs in a fresh process, so that its peak memory (``getrusage``) is its own:

1. index: ``IndexRecord``s built from the truth and the text (no extractor), bulk-loaded
   (``search.embedded.bulk``: ``--workers`` processes read, redact and analyse while this one
   writes; documents per second end to end, reading the files included) or, with
   ``--workers 1``, upserted in batches in one process (documents per second of the
   upserts alone, and end to end); size on disk of the index file and the engine's folder;
2. latency: a fixed mixed query set drawn from the truth (plain words, phrases, fielded
   terms, text with filters), each timed as one results page (10 hits with snippets)
   plus all facet counts, and more-like-this of fixed rulings; median and p95 after one
   warm-up pass;
3. relevance: precision at 10 of judged queries whose relevant rulings the truth gives
   (crime label as a phrase, a defendant's two surnames, a cited precedent as typed),
   capped: hits in the top 10 that are relevant ÷ min(10, relevant rulings).

With ``--cluster URL`` (by default ``ES_URL`` when set) the same corpus and query set run
against the Elasticsearch-API backend too, in the same run and a fresh process: the bulk
path of a reindex (``ElasticIndex.rebuild``: a new index version without refreshes, files
read in ``--workers`` processes, timed to the alias swap), the same latencies and
precision, the primaries' size, and the memory of each node: RSS of its JVM process when
the node runs on this machine (pid from ``_nodes/process``), heap from ``_nodes/stats``.
The bench's index (``<URL>/expediente-bench-<pid>``) is dropped afterwards.

Goals: ≥ 1,000 documents/s indexed; p95 < 50 ms for full-text queries with filters and
facets, < 200 ms for more-like-this; peak memory < 1 GiB.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from multiprocessing import get_context
from pathlib import Path
from typing import Annotated, Optional
from urllib.parse import urlsplit, urlunsplit

import typer
from rich.table import Table

from expediente.cli_common import emit_json, err, handle_errors, out

GOALS = {"docs_per_second": 1000, "p95_ms": 50.0, "mlt_p95_ms": 200.0, "memory_mib": 1024}
INGESTED = datetime(2024, 1, 1, tzinfo=timezone.utc)
SAMPLE_EVERY = 97  # truth files read up front to draw the queries from
UPSERT_BATCH = 1000  # records per upsert without worker processes (the ingest flow's path)
AHEAD = 2000  # records read ahead of the cluster's bulk writes
COMMON_WORDS = ["trata personas", "prisión preventiva", "reparación civil", "minería ilegal", "acusación fiscal",
                "pena privativa", "recurso nulidad", "explotación sexual", "robo agravado", "declaración agraviada",
                "sentencia condenatoria", "presunción inocencia"]
PHRASES = ['"trata de personas"', '"terminación anticipada"', '"reparación civil"', '"pena privativa de libertad"',
           '"recurso de nulidad"', '"presunción de inocencia"', '"explotación sexual"', '"prisión preventiva"',
           '"organización criminal"', '"minería ilegal"']


def register(app: typer.Typer) -> None:
    app.command("search")(handle_errors(bench_search))


# ---------------------------------------------------------------------------- corpus


def corpus_dir(work: Path, count: int, seed: int) -> Path:
    """The generated corpus (reused when its manifest matches)."""
    folder = work / f"corpus-{count}-{seed}"
    manifest = folder / "corpus.json"
    if manifest.exists():
        data = json.loads(manifest.read_text())
        if data.get("count") == count and data.get("seed") == seed:
            return folder
    from samples import generate

    shutil.rmtree(folder, ignore_errors=True)
    err.print(f"Generando {count} documentos de texto en {folder} ...")
    started = time.perf_counter()
    generate(folder, count=count, seed=seed, text_only=True)
    manifest.write_text(json.dumps({"count": count, "seed": seed,
                                    "seconds": round(time.perf_counter() - started, 1)}))
    return folder


def record_of(txt: Path):
    """An ``IndexRecord`` from a generated document and its truth (no extractor)."""
    from schemas import IndexRecord, Ruling

    text = txt.read_text(encoding="utf-8")
    ruling = Ruling.model_validate_json(txt.with_suffix(".truth.json").read_bytes())
    sha = hashlib.sha256(text.encode()).hexdigest()
    pages = text.split("\f")
    return IndexRecord(id=IndexRecord.id_for(sha), path=str(txt), sha256=sha, file_type="text",
                       page_count=len(pages), language="es", pages=pages, ruling=ruling,
                       extractor_version="truth", ingested_at=INGESTED)


def record_of_path(path: str):
    """``record_of`` for a path sent to a worker process as a string."""
    return record_of(Path(path))


def documents(folder: Path) -> list[Path]:
    return sorted(folder.glob("doc*.txt"))


# ---------------------------------------------------------------------------- queries


def _fold(text: str) -> str:
    from search.query.analysis import normalize_key

    return normalize_key(text)


@dataclass
class Judged:
    """A query whose relevant rulings the truth gives."""

    kind: str
    text: str
    target: str  # folded label / surnames / citation key
    relevant: set[str] = field(default_factory=set)

    @property
    def words(self) -> set[str]:
        return set(self.target.split())


def judge_record(judged: list[Judged], id_: str, fields) -> None:
    """Add ``id_`` to the queries it is relevant to, from the record's ``search.fields.Fields``
    (the values the truth put in the index). Each record's values are folded once: this
    runs in the timed indexing loop."""
    labels = [_fold(label) for label in fields.crime_labels]
    crimes = {_fold(crime.replace("_", " ")) for crime in fields.crimes}
    names = [set(_fold(name).split()) for name in fields.defendants]
    citations = set(fields.citations)
    for j in judged:
        if j.kind == "crime label":
            hit = j.target in crimes or any(j.target in label for label in labels)
        elif j.kind == "defendant surnames":
            hit = any(j.words <= words for words in names)
        else:
            hit = j.target in citations  # the same precedent, however written
        if hit:
            j.relevant.add(id_)


@dataclass
class QuerySet:
    latency: dict[str, list[dict]]  # category → SearchQuery keyword arguments
    mlt_paths: list[str]
    judged: list[Judged]


def draw_queries(paths: list[Path], seed: int, per_kind: int = 20) -> QuerySet:
    """Queries from the truth of every ``SAMPLE_EVERY``-th document: deterministic."""
    from schemas import Ruling
    from search.query.keys import citation_key

    rng = random.Random(seed)
    sample = [paths[i] for i in range(0, len(paths), SAMPLE_EVERY)] or paths
    truths = [(p, Ruling.model_validate_json(p.with_suffix(".truth.json").read_bytes())) for p in sample]
    judges, defendants, districts, crimes, articles, numbers, citations, labels = ([] for _ in range(8))
    for _, r in truths:
        judges += [p.name.split()[-1] for p in r.parties if p.role.value in ("juez", "ponente")]
        defendants += [p.name for p in r.parties if p.role.value == "imputado" and len(p.name.split()) >= 3]
        districts += [r.court.district] if r.court.district else []
        crimes += [c.crime for c in r.charges if c.crime]
        labels += [c.label for c in r.charges]
        articles += [a for c in r.charges for a in c.articles]
        numbers += [c.normalized for c in r.case_numbers]
        citations += [(c.raw, c.normalized) for c in r.citations
                      if c.kind.value in ("casacion", "recurso_nulidad", "acuerdo_plenario")]

    def pick(values: list, n: int) -> list:
        unique = sorted(set(values), key=str)
        return rng.sample(unique, min(n, len(unique)))

    fielded = ([{"text": f"juez:{j}"} for j in pick(judges, 4)]
               + [{"text": f'imputado:"{d}"'} for d in pick(defendants, 4)]
               + [{"text": f"delito:{c}"} for c in pick(crimes, 3)]
               + [{"text": f"articulo:{a}"} for a in pick(articles, 3)]
               + [{"text": f'expediente:"{n}"'} for n in pick(numbers, 3)]
               + [{"text": f'distrito:"{d}"'} for d in pick(districts, 3)]
               + [{"text": f'cita:"{raw}"'} for raw, _ in pick(citations, 3)])
    years = sorted({r.resolution_date.year for _, r in truths if r.resolution_date})
    filtered = []
    for i, words in enumerate(COMMON_WORDS[:10]):  # text, a date range, and a district or a crime
        year = years[i % len(years)] if years else 2020
        kwargs = {"text": words, "date_from": date(year, 1, 1), "date_to": date(year + 3, 12, 31)}
        if i % 2 == 0 and districts:
            kwargs["district"] = pick(districts, 1)[0]
        elif crimes:
            kwargs["crime"] = crimes[i % len(crimes)]
        filtered.append(kwargs)
    latency = {
        "plain words": [{"text": w} for w in COMMON_WORDS[:8]] + [{"text": d.split()[-1]} for d in pick(defendants, 4)],
        "phrase": [{"text": p} for p in PHRASES],
        "fielded": fielded,
        "filtered": filtered,
    }
    mlt_paths = [str(p) for p, _ in rng.sample(truths, min(per_kind, len(truths)))]
    judged = [Judged("crime label", f'"{label}"', _fold(label)) for label in pick(labels, per_kind)]
    judged += [Judged("defendant surnames", " ".join(d.split()[-2:]), _fold(" ".join(d.split()[-2:])))
               for d in pick(defendants, per_kind)]
    judged += [Judged("cited precedent", raw, citation_key(normalized))
               for raw, normalized in pick(citations, per_kind)]
    return QuerySet(latency, mlt_paths, judged)


# ---------------------------------------------------------------------------- one engine


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of the process, tantivy's too
    return usage.ru_utime + usage.ru_stime


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes that have ended
    return usage.ru_utime + usage.ru_stime


def _timed(fn) -> tuple[float, float]:
    """(wall ms, CPU ms of the process) of ``fn()``: on a machine shared with other work the
    CPU time is what the query would take on an idle one."""
    started, cpu = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def _summary(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 2), "p95": round(_percentile(values, 0.95), 2)}


def measure_queries(index, queries: QuerySet, mlt_ids: dict[str, str], repeat: int) -> dict:
    """Latency of the query set on ``index`` (any backend; one warm-up pass, then ``repeat``)
    and precision at 10 of the judged queries."""
    from search import SearchQuery

    latencies: dict[str, list[float]] = {}
    cpu_times: dict[str, list[float]] = {}
    search_only: list[float] = []
    for rep in range(repeat + 1):  # the first pass warms the caches
        for category, items in queries.latency.items():
            for kwargs in items:
                query = SearchQuery(**kwargs)
                t_search, c_search = _timed(lambda q=query: index.search(q))
                t_facets, c_facets = _timed(lambda q=query: index.facets(q))
                if rep:
                    latencies.setdefault(category, []).append(t_search + t_facets)
                    cpu_times.setdefault(category, []).append(c_search + c_facets)
                    search_only.append(t_search)
        for id_ in mlt_ids.values():
            t, c = _timed(lambda i=id_: index.more_like_this(i))
            if rep:
                latencies.setdefault("more like this", []).append(t)
                cpu_times.setdefault("more like this", []).append(c)

    relevance: dict[str, list[float]] = {}
    for judged in queries.judged:
        if not judged.relevant:
            continue
        hits = index.search(SearchQuery(text=judged.text, limit=10)).hits
        good = sum(h.id in judged.relevant for h in hits)
        relevance.setdefault(judged.kind, []).append(good / min(10, len(judged.relevant)))
    text_latencies = [v for k, vs in latencies.items() if k != "more like this" for v in vs]
    text_cpu = [v for k, vs in cpu_times.items() if k != "more like this" for v in vs]
    return {
        "latency_ms": {k: {**_summary(v), "n": len(v)} for k, v in latencies.items()},
        "full_text_with_facets_ms": _summary(text_latencies),
        "cpu_ms": {k: _summary(v) for k, v in {**cpu_times, "full text with facets": text_cpu}.items()},
        "search_only_ms": _summary(search_only),
        "precision_at_10": {k: {"mean": round(statistics.mean(v), 3), "queries": len(v)} for k, v in relevance.items()},
        "precision_at_10_overall": round(statistics.mean([x for v in relevance.values() for x in v]), 3)
        if relevance else None,
    }


def run_engine(engine: str, corpus: str, work: str, batch: int, seed: int, repeat: int, workers: int = 1) -> dict:
    """Index the corpus with ``engine`` and measure it (runs in a process of its own).

    ``workers`` = 1: records are read here and written with ``upsert`` in batches; the
    upserts alone are timed (redaction, analysis, writing). ``workers`` > 1: the bulk-load
    path (``search.embedded.bulk``), files read, redacted and analysed in that many worker processes
    while this one writes; timed end to end, reading the files included."""
    from search.embedded.bulk import bulk_load
    from search.embedded.sqlite import SqliteIndex
    from search.fields import fields_of

    paths = documents(Path(corpus))
    queries = draw_queries(paths, seed)
    folder = Path(work) / f"index-{engine}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    index = SqliteIndex(folder / "index.sqlite", engine=engine)
    mlt_wanted, mlt_ids = set(queries.mlt_paths), {}

    def judge(path: str, id_: str, fields) -> None:
        judge_record(queries.judged, id_, fields)
        if path in mlt_wanted:
            mlt_ids[path] = id_

    def report(n: int) -> None:
        if n % (batch * 10) == 0 or n == len(paths):
            print(f"[{engine}] {n}/{len(paths)} indexados, {n / (time.perf_counter() - started):,.0f} docs/s "
                  f"(con lectura)", flush=True)

    started, cpu_started = time.perf_counter(), _cpu_seconds()
    if workers > 1:
        result = bulk_load(index, map(str, paths), record_of_path, workers=workers, batch=batch, progress=report,
                           on_record=lambda path, p: judge(path, p.id, p.fields))
        if result.failed:
            raise RuntimeError(f"{len(result.failed)} documentos no se cargaron: {result.failed[:3]}")
        upsert_seconds = time.perf_counter() - started
        upsert_cpu = _cpu_seconds() - cpu_started + _children_cpu_seconds()
    else:
        upsert_seconds, upsert_cpu, pending = 0.0, 0.0, []
        for n, path in enumerate(paths, 1):
            record = record_of(path)
            judge(str(path), record.id, fields_of(record))
            pending.append(record)
            if len(pending) >= batch or n == len(paths):
                t, cpu = time.perf_counter(), _cpu_seconds()
                index.upsert(pending)
                upsert_seconds += time.perf_counter() - t
                upsert_cpu += _cpu_seconds() - cpu
                pending = []
                report(n)
    total_seconds = time.perf_counter() - started
    index.close()
    size = SqliteIndex(folder / "index.sqlite").size_on_disk()
    index = SqliteIndex(folder / "index.sqlite")

    measured = measure_queries(index, queries, mlt_ids, repeat)
    count = index.count()
    index.close()
    return {
        "engine": engine if workers == 1 else f"{engine} ({workers} procesos)", "documents": count,
        "batch": batch, "workers": workers,
        "docs_per_second": round(len(paths) / upsert_seconds, 1),
        "docs_per_second_end_to_end": round(len(paths) / total_seconds, 1),
        "cpu_ms_per_doc": round(upsert_cpu / len(paths) * 1000, 3),
        "index_seconds": round(upsert_seconds, 1),
        "size_mib": round(size / 2**20, 1),
        **measured,
        "peak_memory_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_memory_worker_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "load_average_at_end": round(os.getloadavg()[0], 1),
    }


# ---------------------------------------------------------------------------- the cluster


def bench_location(url: str) -> str:
    """``url`` (a cluster, with or without an alias) with an alias of the bench's own, so
    that the bench never writes into an index someone uses; credentials are kept."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/expediente-bench-{os.getpid()}", query="", fragment=""))


def _local_rss_mib(pid: int) -> tuple[float, float] | None:
    """(current, peak) RSS in MiB of process ``pid`` if it is a JVM on this machine."""
    try:
        if b"java" not in Path(f"/proc/{pid}/cmdline").read_bytes():
            return None
        status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                      if ":" in line)
    except OSError:
        return None
    return tuple(round(int(status[key].split()[0]) / 1024, 1) for key in ("VmRSS", "VmHWM"))


def node_memory(client) -> list[dict]:
    """Each node's JVM: heap (``_nodes/stats/jvm``), and the RSS of its process when it
    runs on this machine (pid from ``_nodes/process``); sorted by node name."""
    info = client.nodes.info(metric="process")["nodes"]
    stats = client.nodes.stats(metric="jvm")["nodes"]
    nodes = []
    for node_id, node in info.items():
        heap = stats.get(node_id, {}).get("jvm", {}).get("mem", {})
        pid = node.get("process", {}).get("id")
        rss = _local_rss_mib(pid) if pid else None
        nodes.append({"name": node.get("name", node_id), "pid": pid,
                      "rss_mib": rss[0] if rss else None, "peak_rss_mib": rss[1] if rss else None,
                      "heap_used_mib": round(heap.get("heap_used_in_bytes", 0) / 2**20, 1),
                      "heap_max_mib": round(heap.get("heap_max_in_bytes", 0) / 2**20, 1)})
    return sorted(nodes, key=lambda n: n["name"])


def run_cluster(url: str, corpus: str, seed: int, repeat: int, workers: int, keep: bool) -> dict:
    """The same corpus and query set on the Elasticsearch-API backend at ``url`` (runs in a
    process of its own): bulk path of a reindex, latencies, precision, nodes' memory."""
    from search.elastic.index import ElasticIndex
    from search.fields import fields_of

    paths = documents(Path(corpus))
    queries = draw_queries(paths, seed)
    location = bench_location(url)
    index = ElasticIndex(location)
    index.drop()  # a leftover of a killed run under the same pid
    index.close()
    index = ElasticIndex(location)
    mlt_wanted, mlt_ids = set(queries.mlt_paths), {}
    name = f"clúster ({index.product})"
    memory_before = node_memory(index.client)

    def read() -> Iterator:
        """The records, read in ``workers`` processes at most ``AHEAD`` ahead of the writer
        (``imap`` alone would read them all ahead into this process's memory)."""
        with get_context("spawn").Pool(workers) as pool:
            for start in range(0, len(paths), AHEAD):
                yield from pool.imap(record_of_path, map(str, paths[start:start + AHEAD]), chunksize=64)

    def records() -> Iterator:
        for n, (path, record) in enumerate(zip(paths, read()), 1):
            judge_record(queries.judged, record.id, fields_of(record))
            if str(path) in mlt_wanted:
                mlt_ids[str(path)] = record.id
            if n % 5000 == 0 or n == len(paths):
                print(f"[{name}] {n}/{len(paths)} enviados, {n / (time.perf_counter() - started):,.0f} docs/s "
                      "(con lectura)", flush=True)
            yield record

    try:
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        index.rebuild(records())
        seconds = time.perf_counter() - started
        client_cpu = _cpu_seconds() - cpu_started + _children_cpu_seconds()
        count = index.count()
        store = index.client.indices.stats(index=index.name, metric="store")["_all"]
        measured = measure_queries(index, queries, mlt_ids, repeat)
        memory = node_memory(index.client)
    finally:
        if not keep:
            index.drop()
        index.close()
    rss = [n["rss_mib"] for n in memory if n["rss_mib"] is not None]
    return {
        "engine": name, "documents": count, "batch": None, "workers": workers, "nodes": len(memory),
        "docs_per_second": round(len(paths) / seconds, 1),
        "docs_per_second_end_to_end": round(len(paths) / seconds, 1),
        "cpu_ms_per_doc": None, "client_cpu_ms_per_doc": round(client_cpu / len(paths) * 1000, 3),
        "index_seconds": round(seconds, 1),
        "size_mib": round(store["primaries"]["store"]["size_in_bytes"] / 2**20, 1),
        "size_with_replicas_mib": round(store["total"]["store"]["size_in_bytes"] / 2**20, 1),
        **measured,
        "cpu_ms": {},  # the client's CPU says nothing of the servers'
        "peak_memory_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_memory_worker_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "jvm_rss_mib_total": round(sum(rss), 1) if rss else None,
        "jvm_before": memory_before, "jvm": memory,
        "load_average_at_end": round(os.getloadavg()[0], 1),
    }


# ---------------------------------------------------------------------------- command


def _cell(r: dict, *keys: str, fmt: str = "{:,.0f}") -> str:
    """``r[keys[0]][keys[1]]...`` formatted, or a dash where this backend has no such figure."""
    value = r
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return "—" if value is None else fmt.format(value)


def _pair(r: dict, *keys: str) -> str:
    """``median / p95 ms`` of ``r[keys...]``, or a dash."""
    both = [_cell(r, *keys, part, fmt="{:.1f}") for part in ("median", "p95")]
    return "—" if "—" in both else f"{both[0]} / {both[1]} ms"


def _report(results: list[dict]) -> None:
    title = "Índice embebido" + (" y clúster" if any("jvm" in r for r in results) else "")
    table = Table("medida", *(r["engine"] for r in results), "meta", title=title, title_justify="left")

    def row(label: str, values: list[str], goal: str = "") -> None:
        table.add_row(label, *values, goal)

    row("documentos", [_cell(r, "documents") for r in results])
    row("docs/s indexados", [_cell(r, "docs_per_second") for r in results], f"≥ {GOALS['docs_per_second']:,}")
    row("docs/s con lectura de archivos", [_cell(r, "docs_per_second_end_to_end") for r in results])
    row("CPU por documento (todos los procesos)", [_cell(r, "cpu_ms_per_doc", fmt="{:.2f} ms") for r in results])
    row("tamaño en disco (primarios)", [_cell(r, "size_mib", fmt="{:,.0f} MiB") for r in results])
    for category in results[0]["latency_ms"]:
        limit = GOALS["mlt_p95_ms"] if category == "more like this" else GOALS["p95_ms"]
        row(f"{category} (mediana / p95)", [_pair(r, "latency_ms", category) for r in results],
            f"p95 < {limit:.0f} ms")
    row("texto + filtros + facetas (med / p95)", [_pair(r, "full_text_with_facets_ms") for r in results],
        f"p95 < {GOALS['p95_ms']:.0f} ms")
    for category in results[0]["cpu_ms"]:
        row(f"CPU {category} (med / p95)", [_pair(r, "cpu_ms", category) for r in results])
    row("solo búsqueda (med / p95)", [_pair(r, "search_only_ms") for r in results])
    for kind in results[0]["precision_at_10"]:
        row(f"P@10 {kind}", [_cell(r, "precision_at_10", kind, "mean", fmt="{:.2f}") for r in results])
    row("P@10 global", [_cell(r, "precision_at_10_overall", fmt="{:.2f}") for r in results])
    row("memoria pico de este proceso", [_cell(r, "peak_memory_mib", fmt="{:,.0f} MiB") for r in results],
        f"< {GOALS['memory_mib']} MiB")
    if any(r["workers"] > 1 for r in results):
        row("memoria pico de un proceso lector", [_cell(r, "peak_memory_worker_mib", fmt="{:,.0f} MiB")
                                                  for r in results])
    nodes = max((len(r.get("jvm", [])) for r in results), default=0)
    for i in range(nodes):
        row(f"JVM {i + 1}: RSS al final / pico; heap usado / máx.",
            [_jvm(r["jvm"][i]) if i < len(r.get("jvm", [])) else "—" for r in results])
    if nodes:
        row("RSS de todas las JVM", [_cell(r, "jvm_rss_mib_total", fmt="{:,.0f} MiB") for r in results])
    row("carga de la máquina (1 min)", [_cell(r, "load_average_at_end", fmt="{:.1f}") for r in results])
    out.print(table)


def _jvm(node: dict) -> str:
    rss = "—" if node["rss_mib"] is None else f"{node['rss_mib']:,.0f} / {node['peak_rss_mib']:,.0f} MiB"
    return f"{node['name']}: {rss}; {node['heap_used_mib']:,.0f} / {node['heap_max_mib']:,.0f} MiB"


def _child(conn, target, args: tuple) -> None:
    conn.send(target(*args))
    conn.close()


def _in_fresh_process(target, *args) -> dict:
    """``target(*args)`` (``run_engine``, ``run_cluster``) in a new process, whose peak
    memory is this engine's alone (not a pool worker: it may start worker processes of its
    own)."""
    ctx = get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(send, target, args))
    process.start()
    send.close()
    try:
        return receive.recv()
    except EOFError:
        raise typer.Exit(1) from None  # the child printed its traceback
    finally:
        process.join()


def bench_search(
    count: Annotated[int, typer.Option("--count", min=10, help="Documentos del corpus.")] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Semilla del corpus y de las consultas.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="tantivy, fts5 o both.")] = "both",
    batch: Annotated[Optional[int], typer.Option("--batch", min=1, help="Registros por transacción (por "
                                                 "defecto 5000 en carga masiva, 1000 con upsert).")] = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Pasadas medidas del juego de consultas.")] = 3,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Procesos que leen, redactan y "
                                                   "analizan en la carga masiva (por defecto, uno por núcleo); "
                                                   "1: upsert por lotes en un solo proceso.")] = None,
    work: Annotated[Optional[Path], typer.Option("--work", help="Carpeta del corpus y los índices "
                                                                "(el corpus se reutiliza).")] = None,
    cluster: Annotated[Optional[str], typer.Option(
        "--cluster", envvar="ES_URL", show_envvar=True,
        help="URL de un clúster Elasticsearch u OpenSearch (http://host:9200): mide también el backend "
             "de clúster con el mismo corpus y las mismas consultas, en un índice propio que se borra al "
             "terminar. Por defecto ES_URL; vacío: solo el índice embebido.")] = None,
    keep: Annotated[bool, typer.Option("--keep", help="Conservar los índices al terminar.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Cifras en JSON.")] = False,
) -> None:
    """Mide el índice embebido (tantivy y FTS5) y, con --cluster, un clúster: docs/s, tamaño,
    latencia, memoria y precisión@10."""
    engines = ["tantivy", "fts5"] if engine == "both" else [engine]
    if any(e not in ("tantivy", "fts5") for e in engines):
        raise typer.BadParameter("use tantivy, fts5 o both", param_hint="--engine")
    from search.embedded.bulk import BATCH, default_workers

    workers = workers or default_workers()
    batch = batch or (BATCH if workers > 1 else UPSERT_BATCH)
    work = work or Path(tempfile.gettempdir()) / "expediente-bench-search"
    corpus = corpus_dir(work, count, seed)
    results = []
    for name in engines:
        err.print(f"Motor {name}: indexando {count:,} documentos ...")
        results.append(_in_fresh_process(run_engine, name, str(corpus), str(work), batch, seed, repeat, workers))
        if not keep:
            shutil.rmtree(work / f"index-{name}", ignore_errors=True)
    if cluster:
        from search.elastic.index import check_reachable

        check_reachable(cluster)
        err.print(f"Clúster {cluster}: indexando {count:,} documentos ...")
        results.append(_in_fresh_process(run_cluster, cluster, str(corpus), seed, repeat, workers, keep))
    if as_json:
        emit_json(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        _report(results)
