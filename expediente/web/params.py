"""The search state as URL parameters: one model read by the API and the HTML page alike,
so that a search can be bookmarked, shared and turned into its JSON twin.

Names follow ``expediente search``'s options (``kind``, ``code``, ``early``, ``from``,
``to``…); ``q`` is the query text in the CLI's syntax. Empty values (a blank form field)
count as absent.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Literal
from urllib.parse import quote_plus

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from expediente.web.config import MAX_PAGE_SIZE
from expediente.web.errors import ApiError, spanish
from schemas import CourtLevel, DocKind, EarlyTermination, OutcomeKind, ProceduralCode, QueryError, Reason
from search import FACET_FIELDS, SearchQuery
from search.query.cursor import Cursor

MAX_OFFSET = 100_000  # SearchQuery.offset's bound: deeper than this, export the set as CSV

# facet field → the URL parameter that filters on it
FACET_PARAM = {"doc_kind": "kind", "procedural_code": "code", "early_termination": "early"}
FACET_LABELS = {
    "district": "Distrito judicial", "court": "Órgano", "level": "Nivel", "doc_kind": "Tipo de documento",
    "crime": "Delito", "article": "Artículo", "outcome": "Decisión", "procedural_code": "Código procesal",
    "early_termination": "Terminación temprana", "judge": "Juez o ponente", "year": "Año",
    "protected": "Víctima protegida",
}


# URL parameter → how the page names it
PARAM_LABELS = {**{FACET_PARAM.get(f, f): label for f, label in FACET_LABELS.items()}, "from": "Desde", "to": "Hasta",
                "cites": "Cita", "limit": "Por página"}


def param_of(field: str) -> str:
    return FACET_PARAM.get(field, field)


def url_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "value", value))


class SearchParams(BaseModel):
    """A search as URL parameters (every filter of ``expediente search``)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="ignore")

    q: str = Field(default="", max_length=2000, description='consulta: palabras, "frases", OR, -excluir, '
                   'prefijo*, (grupos), campos juez: imputado: delito: articulo: expediente: distrito: cita:')
    district: str | None = Field(default=None, max_length=200, description="distrito judicial")
    court: str | None = Field(default=None, max_length=300, description="órgano jurisdiccional")
    level: CourtLevel | None = None
    kind: DocKind | None = Field(default=None, description="tipo de documento")
    crime: str | None = Field(default=None, max_length=100, description="clave de delito, p. ej. trata_de_personas")
    article: str | None = Field(default=None, max_length=50, description="artículo imputado, p. ej. 153-A")
    outcome: OutcomeKind | None = None
    code: ProceduralCode | None = Field(default=None, description="código procesal")
    early: EarlyTermination | None = Field(default=None, description="terminación temprana")
    judge: str | None = Field(default=None, max_length=200, description="juez o ponente")
    date_from: date | None = Field(default=None, alias="from", description="resoluciones desde (AAAA-MM-DD)")
    date_to: date | None = Field(default=None, alias="to", description="resoluciones hasta (AAAA-MM-DD)")
    year: int | None = Field(default=None, ge=1900, le=2100)
    protected: bool | None = Field(default=None, description="con (true) o sin (false) víctima protegida")
    cites: str | None = Field(default=None, max_length=200, description="que citen este precedente")
    sort: Literal["relevance", "date"] = "relevance"
    page: int = Field(default=1, ge=1, le=MAX_OFFSET)
    limit: int = Field(default=10, ge=1, le=MAX_PAGE_SIZE)
    cursor: str | None = Field(default=None, max_length=200, description="next_cursor de la respuesta anterior")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data):
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data

    # -- to the library ------------------------------------------------------------------

    def query(self, *, limit: int | None = None, offset: int | None = None) -> SearchQuery:
        """The ``SearchQuery`` of this page number (``QueryError`` in Spanish for what it
        refuses); a ``cursor`` is read apart (``after``)."""
        limit = self.limit if limit is None else limit
        if offset is None:
            offset = 0 if self.cursor else (self.page - 1) * limit
        if offset > MAX_OFFSET:
            raise ApiError(400, "too_deep", f"No se puede pasar del resultado {MAX_OFFSET:,}: afine la búsqueda "
                           "o exporte el conjunto completo en CSV.")
        try:
            return SearchQuery(
                text=self.q, district=self.district, court=self.court, level=self.level, doc_kind=self.kind,
                crime=self.crime, article=self.article, outcome=self.outcome, procedural_code=self.code,
                early_termination=self.early, judge=self.judge, date_from=self.date_from, date_to=self.date_to,
                year=self.year, protected=self.protected, cites=self.cites, sort=self.sort, limit=limit,
                offset=offset)
        except ValidationError as exc:
            if any(e["type"] == "value_error" and "date_from" in str(e.get("msg")) for e in exc.errors()):
                raise QueryError("La fecha «desde» es posterior a la fecha «hasta».", reason=Reason.QUERY) from None
            raise QueryError(spanish(list(exc.errors())), reason=Reason.QUERY) from None

    def after(self) -> Cursor | None:
        """The position the ``cursor`` parameter names (400 if it belongs to another search)."""
        return decode_cursor(self.cursor, self.fingerprint()) if self.cursor else None

    def fingerprint(self) -> str:
        """What a cursor belongs to: the query and the page size, not the position."""
        state = self.state(page=None, cursor=None)
        return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]

    # -- to URLs -------------------------------------------------------------------------

    def state(self, **changes) -> dict[str, str]:
        """The non-default parameters (URL names) after ``changes`` (None removes one)."""
        values = {name: getattr(self, attr) for attr, name in _URL_NAMES.items()}  # not facets: a page setting
        values.update(changes)
        out = {}
        for name, value in values.items():
            if value is None or value == "" or (name, value) in _DEFAULTS:
                continue
            out[name] = url_value(value)
        return out

    def url(self, base: str, **changes) -> str:
        """``base`` with ``state(**changes)`` as its query string (what ``urlencode`` gives,
        each parameter quoted once per search: a results page has some 80 links)."""
        encoded = _encoded_state(self)
        if changes:
            encoded = dict(encoded)
            for name, value in changes.items():
                if value is None or value == "" or (name, value) in _DEFAULTS:
                    encoded.pop(name, None)
                else:
                    encoded[name] = _pair(name, url_value(value))
            order = _URL_ORDER if changes.keys() <= _URL_ORDER.keys() else {**_URL_ORDER, **dict.fromkeys(changes)}
            query = "&".join(encoded[name] for name in order if name in encoded)
        else:
            query = "&".join(encoded.values())
        return f"{base}?{query}" if query else base

    def facet_urls(self, base: str, field: str) -> Callable[[object], str]:
        """The URL of this search narrowed to ``field = value``, back on its first page, as a
        function of ``value``: the rest of the query string is ordered and joined once per
        field, not once per value (a results page links some 70 facet values, a facet's own
        page thousands)."""
        name = param_of(field)
        encoded, order = _encoded_state(self), list(_URL_ORDER)
        at = order.index(name)
        head = "".join(encoded[n] + "&" for n in order[:at] if n in encoded and n not in ("page", "cursor"))
        tail = "".join("&" + encoded[n] for n in order[at + 1:] if n in encoded and n not in ("page", "cursor"))

        def url(value) -> str:
            if value is None or value == "":  # no filter: what url() makes of it
                return self.url(base, **{name: value, "page": None, "cursor": None})
            return f"{base}?{head}{_facet_pair(name, url_value(value))}{tail}"

        return url

    def active_filters(self) -> list[tuple[str, str]]:
        """``(parameter, shown value)`` of every filter in use (for "quitar" links)."""
        state = self.state(page=None, cursor=None, sort=None, limit=None)
        state.pop("q", None)
        return list(state.items())


class SearchRequest(SearchParams):
    """A search and the facets to count with it (the API's ``/search``)."""

    facets: str | None = Field(default=None, max_length=300, description="'all' o campos separados por comas")
    facet_size: int = Field(default=10, ge=1, le=100, description="valores por faceta (todos: "
                            "/api/v1/search/facets/{campo})")


_URL_NAMES = {name: (field.alias or name) for name, field in SearchParams.model_fields.items()}
_URL_ORDER = dict.fromkeys(_URL_NAMES.values())


def _pair(name: str, value: str) -> str:
    return f"{quote_plus(name, safe='')}={quote_plus(value, safe='')}"


# A facet's values (the index's districts, years, crimes...) come back page after page: each
# quoted once. Values typed by users go through _pair, not kept.
_facet_pair = lru_cache(maxsize=2048)(_pair)


@lru_cache(maxsize=64)
def _encoded_state(params: SearchParams) -> dict[str, str]:
    """``params.state()`` as quoted ``name=value`` pairs, once per search (never modified)."""
    return {name: _pair(name, value) for name, value in params.state().items()}
_DEFAULTS = {("sort", "relevance"), ("page", 1), ("limit", 10)}


def parse(values: dict[str, str]) -> SearchParams:
    """``SearchParams`` from raw URL values; a 422 ``ApiError`` in Spanish when refused."""
    try:
        return SearchParams.model_validate(values)
    except ValidationError as exc:
        raise ApiError(422, "validation", spanish(list(exc.errors()))) from None


def encode_cursor(cursor: Cursor, fingerprint: str) -> str:
    """An opaque token: the position (``search.cursor.Cursor``) and the search it belongs to."""
    data = {"f": fingerprint, "o": cursor.offset, "b": cursor.before.isoformat() if cursor.before else None,
            "s": cursor.skip}
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, fingerprint: str) -> Cursor:
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        owner = str(data["f"])
        cursor = Cursor(offset=int(data["o"]), before=date.fromisoformat(data["b"]) if data["b"] else None,
                        skip=int(data["s"]))
    except (ValueError, KeyError, TypeError):
        raise ApiError(400, "bad_cursor", "El cursor no es válido: use el next_cursor de la respuesta anterior.") \
            from None
    if owner != fingerprint or cursor.offset < 0 or cursor.skip < 0:
        raise ApiError(400, "bad_cursor", "El cursor pertenece a otra búsqueda: repita la búsqueda sin cursor.")
    return cursor


def facet_fields(spec: str | None) -> list[str]:
    """``"all"`` or comma-separated facet fields; ``QueryError`` names unknown ones."""
    if not spec or not spec.strip():
        return []
    if spec.strip() == "all":
        return list(FACET_FIELDS)
    fields = list(dict.fromkeys(f.strip() for f in spec.split(",") if f.strip()))
    unknown = [f for f in fields if f not in FACET_FIELDS]
    if unknown:
        raise QueryError(f"Faceta desconocida: {', '.join(unknown)}. Use 'all' o varias de: "
                         f"{', '.join(FACET_FIELDS)}.", reason=Reason.QUERY)
    return fields
