"""What the application holds between requests: the open indexes, the key store, the audit
log, the rate limiter, the analytics corpus; and the ``access`` dependency that tells a
view who is asking and which index that caller may read."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from fastapi import Request

from expediente.web.config import WebSettings
from expediente.web.errors import ApiError
from expediente.web.keys import AuditLog, KeyStore, Principal
from expediente.web.limits import RateLimiter
from search import Index, open_index


class AppState:
    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.keys = KeyStore(settings.keys_file)
        self.audit = AuditLog(settings.audit_log)
        self.limiter = RateLimiter(settings.rate_per_second, settings.rate_burst)
        self._lock = threading.Lock()
        self._indexes: dict[bool, Index] = {}
        self._corpus: tuple[float, object] | None = None

    def index(self, *, originals: bool = False) -> Index:
        """The public (redacted) index, or the one that returns originals; opened once."""
        with self._lock:
            if originals not in self._indexes:
                self._indexes[originals] = open_index(self.settings.index, originals=originals)
            return self._indexes[originals]

    def corpus(self):
        """The analytics corpus of the public index, rebuilt after ``stats_ttl`` seconds."""
        from extractors.data.crimes import family_of
        from search.analytics import Corpus

        with self._lock:
            if self._corpus and time.monotonic() - self._corpus[0] < self.settings.stats_ttl:
                return self._corpus[1]
        corpus = Corpus.from_index(self.index(), family_of=family_of)
        with self._lock:
            self._corpus = (time.monotonic(), corpus)
        return corpus

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

    def audit(self, action: str, ids: list[str] | None = None, detail: str = "") -> None:
        """Write the audit line of a view served from the originals (a no-op otherwise)."""
        if self.principal.originals:
            self.state.audit.write(self.principal, action, path=self.path, ids=ids, detail=detail)


def access(request: Request) -> Access:
    state: AppState = request.app.state.web
    token = token_of(request)
    key = None
    if token is not None:
        key = state.keys.verify(token)
        if key is None:
            raise ApiError(401, "unauthorized", "La clave de API no es válida o fue revocada.",
                           headers={"WWW-Authenticate": "Bearer"})
    principal = Principal(address=address_of(request), key=key)
    return Access(principal, state.index(originals=principal.originals), state, request.url.path)
