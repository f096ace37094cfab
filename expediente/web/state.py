"""What the application holds between requests: the open indexes, the key store, the audit
log, the rate limiter, the analytics corpus; and the ``access`` dependency that tells a
view who is asking and which index that caller may read."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from expediente.web import session
from expediente.web.cache import AnswerCache, FacetCache
from expediente.web.config import WebSettings
from expediente.web.ingest import Jobs
from expediente.web.errors import ApiError
from expediente.web.keys import AuditLog, KeyStore, Principal
from expediente.web.limits import RateLimiter
from search import URL_SCHEMES, Facets, Index, SearchQuery, open_index

log = logging.getLogger(__name__)
T = TypeVar("T")


class AppState:
    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.cluster = str(settings.index).startswith(URL_SCHEMES)  # a search server, not the embedded index
        self.keys = KeyStore(settings.keys_file)
        self.audit = AuditLog(settings.audit_log)
        self.limiter = RateLimiter(settings.rate_per_second, settings.rate_burst)
        self.secret = session.load_secret(settings.session_secret)
        self.jobs = Jobs(settings.data_dir / "uploads", settings.index)
        self._lock = threading.Lock()
        self._indexes: dict[bool, Index] = {}
        self._corpus: tuple[float, object, int] | None = None
        self._results: dict[tuple, object] = {}
        self.facet_caches = {originals: FacetCache(settings.facet_cache) for originals in (False, True)}
        self.precedent_caches = {originals: AnswerCache(settings.precedent_cache) for originals in (False, True)}

    async def run(self, view: Callable[..., T], *args) -> T:
        """Run the work of a page that most readers ask for (search, a ruling). The embedded
        index answers with this process's CPU, one question at a time (a worker per core): on
        the event loop, which saves the hop to a worker thread and back that a plain view
        costs (a search at 100,000 rulings used a fifth more CPU over HTTP than in-process,
        under 16 clients). A cluster's index waits on the network: in a worker thread, so that
        the loop serves other requests meanwhile."""
        if self.cluster:
            return await run_in_threadpool(view, *args)
        return view(*args)

    def index(self, *, originals: bool = False) -> Index:
        """The public (redacted) index, or the one that returns originals; opened once."""
        with self._lock:
            if originals not in self._indexes:
                self._indexes[originals] = open_index(self.settings.index, originals=originals)
            return self._indexes[originals]

    def corpus(self):
        """The analytics corpus of the public index: one pass over every record, so it is
        kept ``stats_ttl`` seconds, and up to six times longer while the number of records
        stays the same."""
        from extractors.data.crimes import family_of
        from search.analytics import Corpus

        index = self.index()
        with self._lock:
            if self._corpus:
                age = time.monotonic() - self._corpus[0]
                if age < self.settings.stats_ttl or (age < 6 * self.settings.stats_ttl
                                                     and index.count() == self._corpus[2]):
                    return self._corpus[1]
        count = index.count()
        corpus = Corpus.from_index(index, family_of=family_of)
        with self._lock:
            self._corpus = (time.monotonic(), corpus, count)
            self._results.clear()
        return corpus

    def stats(self, key: tuple, compute):
        """An indicator's result for this corpus, computed once per ``key``."""
        corpus = self.corpus()
        with self._lock:
            if key in self._results:
                return self._results[key]
        result = compute(corpus)
        with self._lock:
            if len(self._results) >= 256:
                self._results.clear()
            self._results[key] = result
        return result

    def warm(self) -> None:
        """Read the corpus in the background, so the first visitor of the panel does not wait."""
        def read() -> None:
            try:
                self.corpus()
            except Exception:  # the server may be closing; the panel reads it again when asked
                log.debug("analytics corpus not read in the background", exc_info=True)

        threading.Thread(target=read, name="warm-stats", daemon=True).start()

    def close(self) -> None:
        with self._lock:
            for idx in self._indexes.values():
                idx.close()
            self._indexes.clear()


def token_of(request: Request) -> str | None:
    """The API key of a request: ``Authorization: Bearer …`` or ``X-API-Key: …``."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip() or None
    return request.headers.get("x-api-key") or None


def address_of(request: Request) -> str:
    return request.client.host if request.client else "desconocida"


@dataclass
class Access:
    """Who is asking, the index they may read, and the audit of what they saw."""

    principal: Principal
    index: Index
    state: AppState
    path: str

    def facets(self, query: SearchQuery, fields: Sequence[str], size: int) -> Facets:
        """The facet counts of ``query`` in this caller's index, kept until the index changes."""
        return self.state.facet_caches[self.principal.originals].facets(self.index, query, fields, size)

    def kept_precedent(self, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()`` of a ruling's precedent panel in this caller's index, kept until the index changes."""
        return self.state.precedent_caches[self.principal.originals].answer(self.index, key, compute)

    def audit(self, action: str, ids: list[str] | None = None, detail: str = "") -> None:
        """Write the audit line of a view served from the originals (a no-op otherwise)."""
        if self.principal.originals:
            self.state.audit.write(self.principal, action, path=self.path, ids=ids, detail=detail)


async def access(request: Request) -> Access:
    """A key in a header, else a browser session (``expediente.web.session``), else anonymous.

    A coroutine, though nothing in it waits, so that it runs on the event loop: FastAPI runs a
    plain function dependency in a worker thread, a second hop between threads on every
    request besides the view's own. Its work is a ``stat`` of the key file, a hash and a
    lock; the first call opens the index."""
    state: AppState = request.app.state.web
    token = token_of(request)
    key = None
    if token is not None:
        key = state.keys.verify(token)
        if key is None:
            raise ApiError(401, "unauthorized", "La clave de API no es válida o fue revocada.",
                           headers={"WWW-Authenticate": "Bearer"})
    else:
        key_id = session.session_key_id(state.secret, request.cookies.get(session.SESSION_COOKIE))
        key = state.keys.get(key_id) if key_id else None  # a revoked key ends its sessions
    principal = Principal(address=address_of(request), key=key)
    request.state.principal = principal
    return Access(principal, state.index(originals=principal.originals), state, request.url.path)
