"""The Elasticsearch-API backend (Elasticsearch or OpenSearch), for deployments that
outgrow one machine.

Same interface, same query syntax and the same redaction as the SQLite backend; the request
bodies are built in ``search.elastic.dsl``. Elasticsearch is spoken to through the official
``elasticsearch`` client, OpenSearch through ``opensearch-py`` (the Elasticsearch 8 client
refuses any other server): both are sent the same bodies (``body=``, the wire names), and
``_Api`` holds the few things that differ (construction, exception classes, helpers).
The product is taken from the URL (``opensearch+http://…``, ``elasticsearch+http://…``)
or, for a plain ``http(s)://`` URL, from the server's answer to ``GET /``
(``version.distribution == "opensearch"``). ``http://host:9200/expediente`` names an
*alias*: the data live in a versioned index ``expediente-v<N>`` created from an index
template, and ``rebuild`` fills ``expediente-v<N+1>`` while searches go on against
``-v<N>``, then swaps the alias in one atomic request and drops the old version (no
downtime). Bulk writes go in chunks; documents refused with 429, 502, 503 or 504 are sent
again with exponential back-off (``_bulk``), and the client retries timeouts, connection
errors and whole requests answered 502-504 (on another node when it was given several).

A bulk upsert is not one transaction: a failure part way leaves the chunks before it
written (re-running is safe: writes are idempotent by id).

Originals (``originals=True``): unredacted records go to ``<alias>-originals``, an index
outside the alias and the template pattern; restrict it with Elasticsearch roles.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

from schemas import IndexRecord, IndexUnavailable, QueryError, Reason

from search.base import Index, check_facet_fields, missing_index
from search.elastic.dsl import (
    build_aggs,
    build_more_like_this,
    build_query,
    build_search,
    doc_to_record,
    index_template,
    parse_aggs,
    record_to_doc,
    replica_settings,
    scan_sort,
    template_name,
)
from search.fields import fields_of, hit_of
from search.models import FACET_FIELDS, FACET_SIZE, FacetField, Facets, SearchQuery, SearchResults, encodable
from search.privacy import redact_record
from search.query.parser import HighlightTerms, highlight_terms, parse_query
from search.query.snippets import MARK, snippet

log = logging.getLogger(__name__)

DEFAULT_INDEX = "expediente"
CHUNK = 500  # documents per bulk request
BULK_RETRIES = 5  # per chunk, for the documents refused with RETRY_STATUS
INITIAL_BACKOFF = 2.0  # seconds, doubled on each retry
MAX_BACKOFF = 60.0
_VERSION = re.compile(r"-v(\d+)$")
PRODUCTS = ("elasticsearch", "opensearch")
REBUILD_GRACE = 3.0  # seconds the old version outlives the alias swap (see ``rebuild``)
RETRY_ON_STATUS = (502, 503, 504)  # the client retries a whole request on these
RETRY_STATUS = (429, *RETRY_ON_STATUS)  # a document refused with these is sent again
_SOURCE = {"excludes": ["meta_text"]}  # meta_text is only searched, never read back


def split_product(url: str) -> tuple[str | None, str]:
    """``("opensearch", "http://h:9200/x")`` of ``opensearch+http://h:9200/x``; the
    product is None for a plain ``http(s)://`` URL (asked of the server)."""
    scheme, sep, rest = url.partition("+")
    if sep and scheme in PRODUCTS:
        return scheme, rest
    return None, url


def parse_location(url: str) -> tuple[str, str, tuple[str, str] | None]:
    """``(host URL, index name, basic auth)`` of ``http(s)://[user:pass@]host[:port][/index]``."""
    parts = urlsplit(url)
    host = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    auth = (unquote(parts.username), unquote(parts.password or "")) if parts.username else None
    name = parts.path.strip("/") or DEFAULT_INDEX
    return host, name, auth


def check_reachable(url: str, *, timeout: float = 5.0) -> None:
    """Fail fast before a long job: one request, no retries. Raises ``IndexUnavailable``
    (not retryable) when nothing answers at ``url``; an answer of any kind (even 401 or
    403) means the cluster is there, and opening the index reports the rest."""
    from elasticsearch import ConnectionError, ConnectionTimeout, Elasticsearch

    host, name, auth = parse_location(url)
    client = Elasticsearch(host, basic_auth=auth, request_timeout=timeout, max_retries=0,
                           retry_on_timeout=False)
    try:
        client.perform_request("HEAD", "/")
    except (ConnectionError, ConnectionTimeout) as exc:
        raise IndexUnavailable(f"no responde el servidor de Elasticsearch en {host} ({exc.message}); "
                               "compruebe la URL y que el servicio esté en marcha",
                               reason=Reason.INDEX, path=f"{host}/{name}", retryable=False) from exc
    except Exception:  # noqa: BLE001 - it answered: auth, version and the rest come later
        log.debug("%s: responde, aunque no a HEAD /", host, exc_info=True)
    finally:
        client.close()


def version_name(alias: str, version: int) -> str:
    return f"{alias}-v{version}"


def next_version(alias: str, existing: Iterable[str]) -> int:
    """One more than the highest ``<alias>-v<N>`` in ``existing``."""
    numbers = [int(m[1]) for name in existing if name.startswith(f"{alias}-v") and (m := _VERSION.search(name))]
    return max(numbers, default=0) + 1


@dataclass(frozen=True)
class _Api:
    """What differs between the two clients for the calls of this backend; the calls and
    their bodies are the same code for both."""

    product: str  # "elasticsearch" or "opensearch"
    client: Any
    helpers: ModuleType  # streaming_bulk, scan, BulkIndexError, ScanError
    errors: tuple[type[Exception], ...]  # client, transport and helper errors
    not_found: type[Exception]


def _elasticsearch(host: str, auth: tuple[str, str] | None, client: Any = None) -> _Api:
    from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers

    client = client or Elasticsearch(host, basic_auth=auth, request_timeout=30, retry_on_timeout=True,
                                     max_retries=3, retry_on_status=RETRY_ON_STATUS)
    return _Api("elasticsearch", client, helpers, (ApiError, TransportError, helpers.BulkIndexError,
                                                   helpers.ScanError), NotFoundError)


def _opensearch(host: str, auth: tuple[str, str] | None, client: Any = None) -> _Api:
    from opensearchpy import NotFoundError, OpenSearch, TransportError, helpers

    client = client or OpenSearch(host, http_auth=auth, timeout=30, retry_on_timeout=True, max_retries=3,
                                  retry_on_status=RETRY_ON_STATUS)
    return _Api("opensearch", client, helpers, (TransportError, helpers.BulkIndexError, helpers.ScanError),
                NotFoundError)


def _connect(url: str, client: Any = None) -> _Api:
    """The client for ``url``: its product from the URL, from ``client``'s type, or from
    ``GET /`` (asked with opensearch-py, which does not refuse an Elasticsearch server)."""
    product, url = split_product(url)
    host, _, auth = parse_location(url)
    if client is not None:
        product = "opensearch" if type(client).__module__.startswith("opensearchpy") else "elasticsearch"
    if product == "elasticsearch":
        return _elasticsearch(host, auth, client)
    api = _opensearch(host, auth, client)
    if product is None:
        with _converted(api.errors, "no se pudo conectar con el servidor", host):
            distribution = api.client.info().get("version", {}).get("distribution")
        if distribution != "opensearch":
            api.client.close()
            return _elasticsearch(host, auth)
    return api


@contextmanager
def _converted(errors: tuple[type[Exception], ...], what: str, where: str) -> Iterator[None]:
    """Client and transport errors become ``IndexUnavailable`` (retryable)."""
    try:
        yield
    except errors as exc:
        raise IndexUnavailable(f"{what}: {exc}", reason=Reason.INDEX, path=where) from exc


class ElasticIndex(Index):
    def __init__(self, url: str, *, originals: bool = False, client: Any = None, create: bool = True) -> None:
        """``url``: ``[opensearch+|elasticsearch+]http(s)://[user:pass@]host[:port][/alias]``.
        ``client``: an ``Elasticsearch`` or ``OpenSearch`` client to use instead of one
        built from ``url``; ``create=False``: a missing index is an error, not a new empty one."""
        self.originals = originals
        host, self.name, _ = parse_location(split_product(url)[1])
        self.originals_name = f"{self.name}-originals"
        self._where = f"{host}/{self.name}"
        self._api = _connect(url, client)
        self.product = self._api.product
        self.client = self._api.client
        self._helpers = self._api.helpers
        self._not_found = self._api.not_found
        with self._guard("no se pudo abrir el índice"):
            if not create and not self.client.indices.exists(index=self.name):
                raise missing_index(self._where)
            self.client.indices.put_index_template(name=template_name(self.name), body=index_template(self.name))
            if not self.client.indices.exists(index=self.name):  # neither alias nor index: version 1
                self.client.indices.create(index=version_name(self.name, 1), body={"aliases": {self.name: {}}})
            if originals and not self.client.indices.exists(index=self.originals_name):
                self.client.indices.create(index=self.originals_name, body={
                    "settings": replica_settings(),
                    "mappings": {"dynamic": False, "properties": {"record": {"type": "object", "enabled": False}}}})

    def _guard(self, what: str) -> Any:
        """Client and transport errors become ``IndexUnavailable`` (retryable)."""
        return _converted(self._api.errors, what, self._where)

    def _has_originals(self) -> bool:
        return self.originals or bool(self.client.indices.exists(index=self.originals_name))

    # ------------------------------------------------------------------ writes

    def _bulk(self, actions: Iterable[dict[str, Any]], *, refresh: bool = True) -> None:
        """Index ``actions`` (each with its ``_id``) in chunks of ``CHUNK``. Documents
        refused for a passing reason (``RETRY_STATUS``: too busy, or a shard without a
        primary while a replica takes over from a node that left) are sent again, up to
        ``BULK_RETRIES`` times with exponential back-off; any other refusal raises."""
        it = iter(actions)
        while chunk := list(islice(it, CHUNK)):
            pending = {a["_id"]: a for a in chunk}
            for attempt in range(BULK_RETRIES + 1):
                if attempt:
                    time.sleep(min(MAX_BACKOFF, INITIAL_BACKOFF * 2 ** (attempt - 1)))
                retry, failed = {}, []
                for ok, item in self._helpers.streaming_bulk(
                        self.client, list(pending.values()), chunk_size=CHUNK, raise_on_error=False,
                        refresh="wait_for" if refresh else "false"):
                    info = next(iter(item.values()))
                    if ok:
                        continue
                    if info.get("status") in RETRY_STATUS and attempt < BULK_RETRIES:
                        retry[info["_id"]] = pending[info["_id"]]
                    else:
                        failed.append(item)
                if failed:
                    raise IndexUnavailable(f"{len(failed)} documentos no se escribieron; el primero: {failed[0]}",
                                           reason=Reason.INDEX, path=self._where)
                if not retry:
                    break
                log.warning("%d documentos rechazados de paso; se reenvían (intento %d de %d)", len(retry),
                            attempt + 1, BULK_RETRIES)
                pending = retry

    def upsert(self, records: Sequence[IndexRecord]) -> None:
        latest = {r.id: r for r in records}
        if not latest:
            return
        public = {id_: redact_record(r) for id_, r in latest.items()}
        with self._guard("no se pudo escribir en el índice"):
            # The same content under another id (ids derive from sha256, so only records
            # written by hand can disagree) is replaced, as in SQLite.
            self.client.delete_by_query(
                index=self.name, refresh=True, conflicts="proceed",
                body={"query": {"bool": {"filter": [{"terms": {"sha256": [r.sha256 for r in public.values()]}}],
                                         "must_not": [{"ids": {"values": list(public)}}]}}},
            )
            self._bulk({"_index": self.name, "_id": r.id, "_source": record_to_doc(r)} for r in public.values())
            self._write_originals(latest, public)

    def _write_originals(self, latest: dict[str, IndexRecord], public: dict[str, IndexRecord]) -> None:
        if not self._has_originals():
            return
        actions = []
        for id_, record in latest.items():
            if self.originals and public[id_] != record:
                actions.append({"_index": self.originals_name, "_id": id_,
                                "_source": {"record": record.model_dump(mode="json")}})
            else:  # written without originals: no stale original stays behind
                actions.append({"_op_type": "delete", "_index": self.originals_name, "_id": id_})
        for ok, item in self._helpers.streaming_bulk(self.client, actions, raise_on_error=False, refresh="wait_for"):
            if not ok and item.get("delete", {}).get("status") != 404:
                raise IndexUnavailable(f"no se pudo escribir el original: {item}", reason=Reason.INDEX,
                                       path=self._where)

    def delete(self, id: str) -> bool:
        with self._guard("no se pudo borrar del índice"):
            if self._has_originals():
                try:
                    self.client.delete(index=self.originals_name, id=id, refresh="wait_for")
                except self._not_found:
                    pass
            try:
                self.client.delete(index=self.name, id=id, refresh="wait_for")
            except self._not_found:
                return False
        return True

    def rebuild(self, records: Iterable[IndexRecord], *, grace: float = REBUILD_GRACE) -> str:
        """Fill a new version of the index with ``records`` while searches use the current
        one, then swap the alias atomically and drop the old version. Returns the new
        index's name.

        The old version is dropped ``grace`` seconds after the swap: a search that resolved
        the alias just before it is still running on the old version's shards, and deleting
        them under it would fail that search."""
        with self._guard("no se pudo reconstruir el índice"):
            current = list(self.client.indices.get_alias(name=self.name))
            existing = list(self.client.indices.get(index=f"{self.name}-v*", allow_no_indices=True))
            new = version_name(self.name, next_version(self.name, existing + current))
            self.client.indices.create(index=new, body={"settings": {"refresh_interval": "-1"}})
            batch: dict[str, IndexRecord] = {}
            for record in records:
                batch[record.id] = record
                if len(batch) >= CHUNK:
                    self._rebuild_batch(new, batch)
            self._rebuild_batch(new, batch)
            self.client.indices.put_settings(index=new, body={"refresh_interval": None})
            self.client.indices.refresh(index=new)
            actions = [{"remove": {"index": old, "alias": self.name}} for old in current]
            self.client.indices.update_aliases(body={"actions": [*actions, {"add": {"index": new, "alias": self.name}}]})
            if current and grace > 0:
                time.sleep(grace)
            for old in current:
                self.client.indices.delete(index=old, ignore_unavailable=True)
        return new

    def _rebuild_batch(self, index: str, batch: dict[str, IndexRecord]) -> None:
        public = {id_: redact_record(r) for id_, r in batch.items()}
        self._bulk(({"_index": index, "_id": r.id, "_source": record_to_doc(r)} for r in public.values()),
                   refresh=False)
        self._write_originals(dict(batch), public)
        batch.clear()

    def drop(self) -> None:
        """Delete the alias, every version and the originals (tests, or starting over)."""
        with self._guard("no se pudo borrar el índice"):
            for name in [*self.client.indices.get(index=f"{self.name}-v*", allow_no_indices=True),
                         self.originals_name]:
                self.client.indices.delete(index=name, ignore_unavailable=True)
            try:
                self.client.indices.delete_index_template(name=template_name(self.name))
            except self._not_found:
                pass

    # ------------------------------------------------------------------ reads

    def _originals_of(self, ids: list[str]) -> dict[str, IndexRecord]:
        if not (self.originals and ids and self.client.indices.exists(index=self.originals_name)):
            return {}
        response = self.client.mget(index=self.originals_name, body={"ids": ids})
        return {d["_id"]: IndexRecord.model_validate(d["_source"]["record"])
                for d in response["docs"] if d.get("found")}

    def get(self, id: str) -> IndexRecord | None:
        if not encodable(id):  # no stored id has a byte that is not UTF-8
            return None
        with self._guard("no se pudo leer el índice"):
            original = self._originals_of([id]).get(id)
            if original is not None:
                return original
            try:
                response = self.client.get(index=self.name, id=id, _source_excludes="meta_text")
            except self._not_found:
                return None
        return doc_to_record(response["_source"])

    def find_sha256(self, sha256: str) -> tuple[str, str] | None:
        with self._guard("no se pudo leer el índice"):
            response = self.client.search(index=self.name, body={
                "query": {"term": {"sha256": sha256}}, "size": 1, "_source": ["id", "extractor_version"]})
        hits = response["hits"]["hits"]
        return (hits[0]["_source"]["id"], hits[0]["_source"]["extractor_version"]) if hits else None

    def _results(self, response: dict[str, Any], terms: HighlightTerms, ranked: bool, *,
                 snippets: bool = True) -> SearchResults:
        raw = response["hits"]["hits"]
        originals = self._originals_of([h["_id"] for h in raw])
        hits = []
        for h in raw:
            source = h["_source"]
            original = originals.get(h["_id"])
            text, page = "", None
            if original is not None:
                if snippets:
                    text, page = snippet(original.pages, terms)
                data = original.model_dump(mode="json")
            else:
                if snippets:
                    text, page = _highlighted(h, terms)
                data = {**source["record"], "pages": []}
            hits.append(hit_of(data, float(h.get("_score") or 0.0) if ranked else 0.0, text, page))
        return SearchResults(total=response["hits"]["total"]["value"], hits=hits)

    def search(self, query: SearchQuery) -> SearchResults:
        request = build_search(query)
        with self._guard("no se pudo buscar en el índice"):
            response = self.client.search(index=self.name, body={**request, "_source": _SOURCE})
            return self._results(response, highlight_terms(parse_query(query.text)), query.ranked,
                                 snippets=query.snippets)

    def facets(self, query: SearchQuery, fields: Sequence[FacetField] = FACET_FIELDS, *,
               size: int = FACET_SIZE) -> Facets:
        wanted = check_facet_fields(fields)
        if not wanted:
            return {}
        with self._guard("no se pudo buscar en el índice"):
            response = self.client.search(index=self.name, body={
                "query": build_query(query), "size": 0, "aggs": build_aggs(wanted, size)})
        return parse_aggs(response["aggregations"], wanted)

    def more_like_this(self, id: str, query: SearchQuery | None = None) -> SearchResults:
        query = query or SearchQuery()
        with self._guard("no se pudo buscar en el índice"):
            try:
                source = self.client.get(index=self.name, id=id, _source_excludes="meta_text")["_source"]
            except self._not_found:
                raise QueryError(f"No hay ningún documento con id {id} en el índice.", reason=Reason.QUERY) from None
            fields = fields_of(doc_to_record(source))
            request = build_more_like_this(self.name, id, fields.crimes, fields.case_ids, query)
            response = self.client.search(index=self.name, body={**request, "_source": _SOURCE})
            return self._results(response, HighlightTerms(), True, snippets=query.snippets)

    def iter_matching(self, query: SearchQuery, *, pages: bool = False) -> Iterator[IndexRecord]:
        excludes = ["meta_text"] if pages else ["meta_text", "text"]
        with self._guard("no se pudo leer el índice"):
            hits = self._helpers.scan(self.client, index=self.name, preserve_order=True, query={
                "query": build_query(query), "sort": scan_sort(query), "_source": {"excludes": excludes}})
            batch: list[dict[str, Any]] = []
            for h in hits:
                batch.append(h)
                if len(batch) >= CHUNK:
                    yield from self._records(batch, pages)
                    batch = []
            yield from self._records(batch, pages)

    def _records(self, hits: list[dict[str, Any]], pages: bool) -> Iterator[IndexRecord]:
        originals = self._originals_of([h["_id"] for h in hits])
        for h in hits:
            original = originals.get(h["_id"])
            if original is not None:
                yield original if pages else original.model_copy(update={"pages": []})
            else:
                yield doc_to_record(h["_source"])

    def iter_records(self) -> Iterator[IndexRecord]:
        with self._guard("no se pudo leer el índice"):
            batch: list[dict[str, Any]] = []
            for h in self._helpers.scan(self.client, index=self.name,
                                        query={"query": {"match_all": {}}, "_source": _SOURCE}):
                batch.append(h)
                if len(batch) >= CHUNK:
                    yield from self._records(batch, True)
                    batch = []
            yield from self._records(batch, True)

    def count(self) -> int:
        with self._guard("no se pudo leer el índice"):
            return self.client.count(index=self.name)["count"]

    def extractor_versions(self) -> dict[str, int]:
        with self._guard("no se pudo leer el índice"):
            response = self.client.search(index=self.name, body={
                "size": 0, "aggs": {"v": {"terms": {"field": "extractor_version", "size": 1000}}}})
        return {b["key"]: int(b["doc_count"]) for b in response["aggregations"]["v"]["buckets"]}

    def close(self) -> None:
        self.client.close()


def _highlighted(h: dict[str, Any], terms: HighlightTerms) -> tuple[str, int | None]:
    """ES's highlight (its page found by its text), else our snippet of the pages."""
    pages = h["_source"].get("text") or []
    highlight = h.get("highlight") or {}
    fragment = next(iter(highlight.get("text") or highlight.get("text.exact") or []), None)
    if fragment:
        plain = fragment.replace(MARK, "")
        page = next((i for i, p in enumerate(pages, 1) if plain in p), None)
        return " ".join(fragment.split()), page
    return snippet(pages, terms)
