"""Running the application under uvicorn: ``expediente serve`` and ``expediente bench web``
start it the same way, through ``run``.

One Python process serves one request at a time on one core (the index answers one
question at a time per process, and Python holds the GIL while it renders), so the
server runs ``workers`` processes, by default one per core this process may use. Each
one opens the index on its own: a SQLite file and its tantivy folder are read by
several processes safely, and an Elasticsearch index is a server. uvicorn binds the
socket once and the workers accept from it; a worker that dies is started again.

The settings reach each worker through the environment (``SETTINGS_ENV``, JSON), since
uvicorn starts them with ``spawn``. The rate limit is kept in each worker's memory, so
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
    uvicorn.run("expediente.web.server:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level=log_level, proxy_headers=False,
                http="expediente.web.server:NoDelayHTTPProtocol")
