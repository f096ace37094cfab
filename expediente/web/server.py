"""Running the application under uvicorn: ``expediente serve`` and ``expediente bench web``
start it the same way, through ``run``.

One Python process serves one request at a time on one core (the index answers one
question at a time per process, and Python holds the GIL while it renders), so the
server runs ``workers`` processes, by default one per core this process may use. Each
one opens the index on its own: a SQLite file and its tantivy folder are read by
several processes safely, and an Elasticsearch index is a server. Each worker listens on
a socket of its own on the same port (``SO_REUSEPORT``), so that the kernel spreads the
connections between them; a worker that dies is started again.

The settings reach each worker through the environment (``SETTINGS_ENV``, JSON), since
the workers are started with ``spawn``. The rate limit is kept in each worker's memory, so
each one gets its share of it (``per_worker``): the configured limit then holds for the
whole server.
"""

from __future__ import annotations

import math
import os
import socket
from contextlib import suppress

from uvicorn.protocols.http.auto import AutoHTTPProtocol

from expediente.web.config import WebSettings
from schemas import QueryError, Reason

SETTINGS_ENV = "EXPEDIENTE_WEB_SETTINGS"


class NoDelayHTTPProtocol(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    """uvicorn's HTTP protocol with Nagle's algorithm off on every connection. asyncio turns it
    off only for sockets made with ``proto=IPPROTO_TCP``, and the socket uvicorn binds for
    several workers is not one: each response (headers, then body, in two writes) then
    waited for the client's delayed ACK, 40 ms a request on Linux."""

    def connection_made(self, transport) -> None:  # type: ignore[no-untyped-def]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def default_workers() -> int:
    """The cores this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def per_worker(settings: WebSettings, workers: int) -> WebSettings:
    """The settings of one of ``workers`` processes: the rate limit split between them."""
    if workers <= 1:
        return settings
    return settings.model_copy(update={"rate_per_second": settings.rate_per_second / workers,
                                       "rate_burst": max(1, math.ceil(settings.rate_burst / workers))})


def app_from_environment():
    """The application factory each worker calls (``uvicorn --factory``)."""
    from expediente.web.app import create_app

    return create_app(WebSettings.model_validate_json(os.environ[SETTINGS_ENV]))


def run(settings: WebSettings, *, host: str, port: int, workers: int | None = None,
        log_level: str = "warning") -> None:
    """Serve until interrupted, on ``workers`` processes (default: one per core)."""
    import uvicorn

    from expediente.web import session

    workers = default_workers() if workers is None else workers
    session.load_secret(settings.session_secret)  # created once here, not raced by the workers
    os.environ[SETTINGS_ENV] = per_worker(settings, workers).model_dump_json()
    if workers == 1:
        uvicorn.run(_APP, factory=True, host=host, port=port, log_level=log_level, proxy_headers=False, http=_HTTP)
    elif hasattr(socket, "SO_REUSEPORT"):
        try:
            _check_free(host, port)
            sockets = [_listening_socket(host, port) for _ in range(workers)]
        except OSError as exc:
            raise QueryError(f"No se puede escuchar en {host}:{port} ({exc.strerror or exc}): ¿otro servidor usa "
                             "ese puerto? Elija otro con --port.", reason=Reason.QUERY) from None
        _supervise(sockets, log_level)
    else:  # no SO_REUSEPORT: uvicorn's workers, on one shared socket
        uvicorn.run(_APP, factory=True, host=host, port=port, workers=workers, log_level=log_level,
                    proxy_headers=False, http=_HTTP)


_APP = "expediente.web.server:app_from_environment"
_HTTP = "expediente.web.server:NoDelayHTTPProtocol"
RESTART_DELAY = 0.5  # seconds between looks at the workers


def _address(host: str, port: int) -> tuple:
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                          flags=socket.AI_PASSIVE)[0]
    return family, kind, proto or socket.IPPROTO_TCP, address


def _check_free(host: str, port: int) -> None:
    """``OSError`` (address in use) if anything listens there, another ``serve`` included:
    sockets with ``SO_REUSEPORT`` would otherwise share the port with it, in silence."""
    family, kind, proto, address = _address(host, port)
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address)


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket of one worker's own (``SO_REUSEPORT``): the kernel spreads new connections
    over the workers' sockets. On one shared socket (uvicorn's way) the worker that happens
    to be waiting takes every connection opened at once: 16 keep-alive clients all landed on
    one worker while the other sat idle."""
    family, kind, proto, address = _address(host, port)
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def _serve_socket(sock: socket.socket, log_level: str) -> None:
    """One worker process: uvicorn on its own socket."""
    import uvicorn

    config = uvicorn.Config(_APP, factory=True, log_level=log_level, proxy_headers=False, http=_HTTP)
    uvicorn.Server(config).run(sockets=[sock])


def _supervise(sockets: list[socket.socket], log_level: str) -> None:
    """Start a worker per socket, start again one that dies, stop them all on SIGINT/SIGTERM."""
    import logging
    import multiprocessing
    import signal
    import time

    log = logging.getLogger(__name__)
    spawn = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum, frame) -> None:  # noqa: ARG001 - signal handler
        nonlocal stopping
        stopping = True

    def start(sock: socket.socket):
        process = spawn.Process(target=_serve_socket, args=(sock, log_level), daemon=False)
        process.start()
        return process

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    processes = [start(sock) for sock in sockets]
    try:
        while not stopping:
            time.sleep(RESTART_DELAY)
            for i, process in enumerate(processes):
                if not stopping and not process.is_alive():
                    log.warning("el proceso %s terminó (código %s); se inicia otro", process.pid, process.exitcode)
                    processes[i] = start(sockets[i])
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
        for sock in sockets:
            sock.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
