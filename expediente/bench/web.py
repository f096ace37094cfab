"""Measure the web room: requests per second and latency of the search page (results and
the facets it counts with them; the judges open on a page of their own) and of the ruling page (facts and precedent), at 1 and at N concurrent
clients over real HTTP, side by side with the same work called in-process.

The server runs as ``expediente serve`` runs it (``expediente.web.server.run``: uvicorn with
one worker process per core unless ``--workers`` says otherwise; no rate limit); the clients
are threads of this process with one keep-alive ``http.client`` connection each (the
lightest client at hand: httpx cost about a millisecond of CPU a request here), so on a
small machine they take CPU from the server too: read the figures as an upper bound of the
web layer's cost.

The web keeps facet counts per query, and the precedent panel per ruling, until the index
changes (``expediente.web.cache``), and the bench asks its eight searches and twenty rulings
over and over: after the warm-up the ``http`` side finds them kept, as a reader paging
through a search or coming back to it would, or the next reader of a ruling. ``http_sin_cache``
is the same server with both caches off, every page computing everything again, as a new
search or a ruling nobody opened since the index changed does; the in-process side calls
the library without any cache.

Each figure also gives the CPU a request cost where it was served (``cpu_ms``: this
process's for the in-process side; the server's processes' for HTTP, from /proc), which a
busy machine changes much less than wall times: the web layer's own cost is the HTTP
figure over the in-process one.

Goals (issue 13): p95 < 150 ms at 16 clients on 2 cores, the web layer's own cost <= 30%
over the in-process call, zero errors. ``expediente bench web``.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Optional
from urllib.parse import urlencode, urlsplit

import typer

from expediente.cli_common import emit_json, err, handle_errors, out

QUERIES = [{"q": "trata personas"}, {"q": '"reparación civil"'}, {"q": "prisión preventiva"},
           {"q": '"pena privativa de libertad"'}, {"q": "minería ilegal", "district": "Madre de Dios"},
           {"q": "robo agravado", "sort": "date"}, {"q": "", "crime": "trata_de_personas"},
           {"q": "explotación sexual", "year": "2019"}]
FACETS_SHOWN = 8  # as the search page


def build_index(work: Path, count: int, seed: int = 1) -> str:
    """A SQLite index of ``count`` generated rulings (truth records, as ``bench search``)."""
    from expediente.bench.search import corpus_dir, documents, record_of_path
    from search import open_index
    from search.embedded.bulk import bulk_load

    location = work / f"web-{count}-{seed}.sqlite"
    if location.exists():
        return str(location)
    paths = documents(corpus_dir(work, count, seed))
    # Built under another name and moved into place whole: an interrupted build (100,000
    # rulings take minutes) is not taken for the cached index next time.
    building = work / f"web-{count}-{seed}.building.sqlite"
    for leftover in (building, *(Path(f"{building}{end}") for end in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(f"{building}-tantivy", ignore_errors=True)
    with open_index(building) as idx:
        bulk_load(idx, map(str, paths), record_of_path)  # type: ignore[arg-type]
    if Path(f"{building}-tantivy").exists():
        os.replace(f"{building}-tantivy", f"{location}-tantivy")
    os.replace(building, location)
    return str(location)


def _percentiles(ms: list[float]) -> dict[str, float]:
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return {"p50": round(statistics.median(ms), 1), "p95": round(q[94], 1), "p99": round(q[98], 1)}


def _process_tree_cpu(pid: int) -> float | None:
    """Seconds of CPU used by ``pid`` and its children (the server's workers), from /proc;
    None where there is no /proc."""
    try:
        ids = [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
        total = 0
        for p in ids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    except (OSError, ValueError, IndexError):
        return None
    return total / os.sysconf("SC_CLK_TCK")


def _run(calls: list[Callable[[], None]], clients: int, cpu: Callable[[], float | None] = lambda: None) -> dict:
    """Run every call once on ``clients`` threads; latency percentiles, throughput, and the
    CPU that ``cpu()`` (seconds, or None) says the work cost per request: CPU time does not
    depend on what else the machine runs as much as wall time does."""
    times: list[float] = []
    errors = 0
    lock = threading.Lock()

    def one(call) -> None:
        nonlocal errors
        started = time.perf_counter()
        try:
            call()
            ok = True
        except Exception:  # counted, not raised: the figure is how many failed
            ok = False
        with lock:
            times.append((time.perf_counter() - started) * 1000)
            errors += not ok

    cpu_before = cpu()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, calls))
    wall = time.perf_counter() - started
    cpu_after = cpu()
    cpu_ms = None if cpu_before is None or cpu_after is None else round((cpu_after - cpu_before) / len(calls) * 1000, 2)
    return {"requests": len(calls), "errors": errors, "rps": round(len(calls) / wall, 1), **_percentiles(times),
            "cpu_ms": cpu_ms}


def in_process_calls(location: str, ids: list[str]) -> tuple[list, list, Callable[[], None]]:
    from expediente.web.pages import PAGE_FACETS
    from expediente.web.params import SearchParams
    from expediente.web.views import facts
    from search import SearchQuery, open_index

    idx = open_index(location)

    def search(params: dict) -> Callable[[], None]:
        def call() -> None:
            query = SearchParams.model_validate(params).query()
            idx.search(query)
            idx.facets(query, PAGE_FACETS, size=FACETS_SHOWN + 1)  # the facets the page counts
        return call

    def ruling(id: str) -> Callable[[], None]:
        def call() -> None:  # what the ruling page asks (its precedent panel shows no snippets)
            facts(idx.get(id))
            idx.more_like_this(id, SearchQuery(limit=10, snippets=False))
            idx.citing(id, SearchQuery(limit=10, sort="date", snippets=False))
            idx.cites(id)
        return call

    return [search(p) for p in QUERIES], [ruling(i) for i in ids], idx.close


def http_calls(base: str, ids: list[str], clients: int) -> tuple[list, list, Callable[[], None]]:
    """GETs over one keep-alive ``http.client`` connection per client thread: a light client
    (httpx cost each request about a millisecond of this process's CPU, on the cores the
    server needs too)."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    local = threading.local()
    opened: list[http.client.HTTPConnection] = []
    lock = threading.Lock()

    def connection() -> http.client.HTTPConnection:
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection(host, port, timeout=60)
            local.conn.connect()
            local.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as httpx: no 40 ms stalls
            with lock:
                opened.append(local.conn)
        return local.conn

    def get(url: str) -> Callable[[], None]:
        def call() -> None:
            conn = connection()
            try:
                conn.request("GET", url)
                response = conn.getresponse()
            except (http.client.RemoteDisconnected, ConnectionError):  # the server closed an idle connection
                conn.close()
                conn.request("GET", url)
                response = conn.getresponse()
            response.read()
            if response.status >= 400:
                raise RuntimeError(f"{url}: HTTP {response.status}")
        return call

    searches = [get("/?" + urlencode(p)) for p in QUERIES]
    rulings = [get(f"/resoluciones/{i}") for i in ids]
    return searches, rulings, lambda: [c.close() for c in opened]  # type: ignore[func-returns-value]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_in_subprocess(location: str, port: int, data_dir: Path, workers: int | None = None,
                        **settings: int) -> subprocess.Popen:
    """The server as ``expediente serve`` starts it (``expediente.web.server.run``: one
    worker per core unless ``workers`` says otherwise), without a rate limit, and without
    reading the panel's analytics corpus at start (the panel is not measured, and that
    pass over every record would run in each worker during the measurement)."""
    extra = "".join(f", {name}={value!r}" for name, value in settings.items())  # e.g. facet_cache=0
    code = ("from pathlib import Path; from expediente.web import WebSettings; from expediente.web.server import run; "
            f"run(WebSettings(index={location!r}, data_dir=Path({str(data_dir)!r}), rate_per_second=1e9, "
            f"rate_burst=10**9, warm_stats=False{extra}), host='127.0.0.1', port={port}, workers={workers!r}, "
            "log_level='error')")
    process = subprocess.Popen([sys.executable, "-c", code])
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start")


# Where the pages are measured: in this process (the library alone), over HTTP as served,
# and over HTTP with the caches off (every page computes its facets and its precedent again).
SIDES = (("in_process", None), ("http", {}), ("http_sin_cache", {"facet_cache": 0, "precedent_cache": 0}))


def measure(location: str, *, clients: int = 16, rounds: int = 20, rulings: int = 20, work: Path,
            workers: int | None = None) -> dict:
    from expediente.web.server import default_workers
    from search import SearchQuery, open_index

    with open_index(location) as idx:
        n = idx.count()
        ids = [h.id for h in idx.search(SearchQuery(text="", sort="date", limit=rulings)).hits]
    workers = workers or default_workers()
    results: dict = {"index": location, "rulings": n, "clients": clients, "rounds": rounds, "workers": workers}
    for where, server_settings in SIDES:
        server = None
        cpu: Callable[[], float | None] = time.process_time  # this process: the library's work
        if server_settings is None:
            searches, pages, close = in_process_calls(location, ids)
        else:
            port = _free_port()
            server = serve_in_subprocess(location, port, work / "web-data", workers, **server_settings)
            searches, pages, close = http_calls(f"http://127.0.0.1:{port}", ids, clients)
            cpu = lambda pid=server.pid: _process_tree_cpu(pid)  # noqa: E731 - the server's processes
        try:
            _run(searches + pages, 4)  # warm up
            for label, calls in (("search", searches), ("ruling", pages)):
                for concurrency in (1, clients):
                    results[f"{where}.{label}.c{concurrency}"] = _run(calls * rounds, concurrency, cpu)
        finally:
            close()
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
    return results


def register(app: typer.Typer) -> None:
    @app.command("web")
    @handle_errors
    def bench_web(
        count: Annotated[int, typer.Option("--count", min=1, help="Resoluciones generadas del índice.")] = 10_000,
        seed: Annotated[int, typer.Option("--seed", help="Semilla del generador.")] = 5,
        index: Annotated[Optional[str], typer.Option("--index", help="Un índice existente en lugar de generarlo.")] = None,
        clients: Annotated[int, typer.Option("--clients", min=1, help="Clientes concurrentes.")] = 16,
        rounds: Annotated[int, typer.Option("--rounds", min=1, help="Vueltas de cada consulta.")] = 20,
        workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Procesos del servidor (por defecto, "
                                                      "uno por núcleo, como serve).")] = None,
        work: Annotated[Path, typer.Option("--work", help="Carpeta del corpus y del índice generados.")] = Path("bench-work"),
        as_json: Annotated[bool, typer.Option("--json", help="Cifras en JSON.")] = False,
    ) -> None:
        """Solicitudes por segundo y p50/p95/p99 de la búsqueda y de la ficha, por HTTP y en proceso."""
        work.mkdir(parents=True, exist_ok=True)
        err.print("preparando el índice y el servidor...")
        location = index or build_index(work, count, seed)
        result = measure(location, clients=clients, rounds=rounds, work=work, workers=workers)
        if as_json:
            emit_json(json.dumps(result, ensure_ascii=False, indent=1))
            return
        out.print(f"{result['rulings']:,} resoluciones · {clients} clientes · {rounds} vueltas · "
                  f"{result['workers']} proceso(s) del servidor")
        for key, figures in result.items():
            if isinstance(figures, dict):
                out.print(f"{key:<28} {figures['rps']:>7} req/s  p50 {figures['p50']:>7} ms  "
                          f"p95 {figures['p95']:>7} ms  p99 {figures['p99']:>7} ms  "
                          f"CPU {figures['cpu_ms'] if figures['cpu_ms'] is not None else '?':>6} ms/sol  "
                          f"errores {figures['errors']}")
