"""The tantivy engine: full text, filters and facets in a tantivy index beside the SQLite file.

tantivy (Rust, Lucene-like) scores with BM25 and prunes to the top k (block-max WAND), so
a common two-word query over 100,000 rulings does not score every match as FTS5's bm25()
does; facets are aggregations over its columnar "fast" fields. It indexes the same
pre-analysed tokens as FTS5 (``search.query.analysis``, whitespace tokenizer): one analysis
chain for both engines, the snippets and the queries.

The folder ``<index file>-tantivy`` holds the redacted text only, like the SQLite file. The
SQLite file stays the source of truth: each write commits tantivy inside the SQLite write
transaction and records tantivy's commit stamp there; an index whose stamp or document
count disagrees with the SQLite file (a crash between the two commits) is rebuilt from the
stored records when opened. A writer exists only for the length of one write (under the
SQLite write lock), so several processes can share the index as with FTS5; a bulk load
(``SqliteIndex.load``) keeps one writer from its first transaction to its last, and other
processes that try to write meanwhile get ``IndexUnavailable``.

Phrases are matched on ``bigrams``, every pair of adjacent folded words as one token
(``trata_de``, ``de_personas``; ``Prepared.pairs``): a phrase of n words is the n-1 bigrams at
consecutive positions, the same matches as the words at consecutive positions, but without
reading the positions of "de" in every ruling ("pena privativa de libertad" over 100,000
rulings: 28 → 6 ms measured). A prefix of several words ("00123-2019-4*") is the same
bigrams with the last one a prefix. So the unstemmed ``exact`` field needs no positions:
it answers single quoted words and single-word prefixes, and indexing it with frequencies
only saves about a fifth of tantivy's indexing time and of its folder's size.

The facets of many distinct keys (courts, judges) are counted on a numeric twin of the
keyword, its 63-bit hash (``court_n``, ``judge_n``): tantivy's terms aggregation over a text
column turns the ordinals of the best buckets of every segment back into text by walking
the column's dictionary, and over 100,000 rulings (72,000 judges, 6 segments) that cost
2.4-8.6 ms a search for the judges alone; over a number there is nothing to walk (0.1-0.9
ms). The same aggregation with the same size; the numbers go back to keys through a map
read from the keyword's own term dictionary, kept while it answers (a key's hash never
changes) and read again when a number is missing. Two keys with one hash (never seen;
checked when the map is read) send that facet back to the text column.

A terms aggregation keeps the best ``10 * size`` keys of each segment before it adds the
segments up (as Elasticsearch does per shard): with more distinct keys than that in a
segment a count comes out short and the top can miss its first key (over 100,000 generated
rulings, 72,000 judges in 6 segments, the judges of a broad query were a third short). For
courts and judges every key of a segment is kept (``EXACT_SEGMENT_SIZE``): their counts are
exact, at a cost (0.3-29 ms a search for the judges at 100,000), so the search page asks for
the judges only on demand; the other facets have fewer keys than the cut.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import tantivy

from schemas import IndexUnavailable, Reason

from search.embedded.engine import Engine, EngineWriter, Plan
from search.embedded.prepared import PAIR_JOIN, Prepared
from search.embedded.store import stored_prepared
from search.query.analysis import stem
from search.query.filters import Filters
from search.query.parser import And, Fielded, Node, Not, Or, Phrase, Term, proximity_words

log = logging.getLogger(__name__)

HEAP = 128_000_000  # bytes of indexing buffer of a writer
PHRASE_BOOST = 5.0  # words side by side outrank the same words scattered
CRIME_BOOST = 2.0  # more like this: same crime
REBUILD_BATCH = 1000

TEXT = ("stem", "exact", "judges", "defendants", "crime_text")
# Word positions are kept where a phrase is matched word by word: the proximity boost on
# ``stem``, phrases in names and crime labels. ``exact`` phrases go through ``bigrams``.
POSITIONS = {"stem": "position", "exact": "freq", "judges": "position", "defendants": "position",
             "crime_text": "position", "bigrams": "position"}
FAST_KEYWORDS = ("district_key", "court_key", "level", "doc_kind", "outcome", "procedural_code",
                 "early_termination", "crime", "article", "judge_key")
KEYWORDS = ("id", "case_key", "case_id", "citation")
# Keyword facet → its numeric twin (the key's hash), counted instead of the text column.
HASHED = {"court_key": "court_n", "judge_key": "judge_n"}
# The keys of these facets kept from each segment before the segments are added up: more than
# a segment ever holds, so their counts are exact (tantivy's default, 10 × size, gave the
# judges of a broad query at 100,000 rulings counts a third short and the wrong top)
EXACT_SEGMENT_SIZE = 1 << 24
_SINGLE = ("district_key", "court_key", "level", "doc_kind", "outcome", "procedural_code", "early_termination")
_REGEX_META = re.compile(r"([\\.+*?()|\[\]{}^$#&\-~])")
_OPSTAMP = "tantivy_opstamp"


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("docid", stored=True, indexed=True, fast=True)
    for name in (*TEXT, "bigrams"):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option=POSITIONS[name])
    for name in FAST_KEYWORDS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="freq")
    for name in KEYWORDS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="freq")
    for name in HASHED.values():
        builder.add_unsigned_field(name, fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_unsigned_field("date_number", indexed=True, fast=True)
    builder.add_unsigned_field("sort_date", fast=True)
    builder.add_unsigned_field("protected", indexed=True, fast=True)
    return builder.build()


def sort_key(date_number: int, id_: str) -> int:
    """Newest first, then by id: ``YYYYMMDD`` in the high bits, the id's first 32 bits
    inverted in the low ones (a descending sort then lists equal dates by ascending id)."""
    try:
        low = 0xFFFFFFFF - int(id_[:8], 16)
    except ValueError:
        low = 0
    return (date_number << 32) | low


def key_number(key: str) -> int:
    """The numeric twin of a keyword: 63 bits of its BLAKE2b hash."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def bigrams(words: Sequence[str]) -> list[str]:
    return list(map(PAIR_JOIN.join, zip(words, words[1:])))


def document(p: Prepared) -> tantivy.Document:
    f = p.fields
    doc = tantivy.Document()
    doc.add_unsigned("docid", p.docid)
    doc.add_text("id", p.id)
    for name in TEXT:
        value = getattr(p, name)
        if value:
            doc.add_text(name, value)
    if p.pairs:
        doc.add_text("bigrams", p.pairs)
    for name in _SINGLE:
        value = getattr(f, name)
        if value:
            doc.add_text(name, value)
            if name in HASHED:
                doc.add_unsigned(HASHED[name], key_number(value))
    for name, key, _ in p.keywords():
        doc.add_text(name, key)
        if name in HASHED:
            doc.add_unsigned(HASHED[name], key_number(key))
    if f.year is not None:
        doc.add_integer("year", f.year)
    doc.add_unsigned("date_number", f.date_number)
    doc.add_unsigned("sort_date", sort_key(f.date_number, p.id))
    doc.add_unsigned("protected", int(f.protected))
    return doc


class _TantivyWriter(EngineWriter):
    """A tantivy writer for one store transaction (under the SQLite write lock, so that
    processes sharing the index never meet tantivy's writer lock), or for the transactions
    of a bulk load (then other processes cannot write until it ends). Each commit records
    tantivy's commit stamp in the store's ``meta``, in the store's transaction. One
    indexing thread: the other core is busy preparing records (``search.embedded.bulk``)."""

    def __init__(self, engine: TantivyEngine, conn: sqlite3.Connection) -> None:
        self.engine, self.conn = engine, conn
        try:
            self.writer = engine.index.writer(heap_size=HEAP, num_threads=1)
        except ValueError as exc:  # LockBusy: a bulk load in another process
            raise IndexUnavailable(f"otro proceso está escribiendo en el índice ({exc}); inténtelo más tarde",
                                   reason=Reason.INDEX, path=str(engine.folder)) from exc
        self.open = True

    def delete(self, docids: Iterable[int]) -> None:
        # By query, not ``delete_documents_by_term("docid", n)``: tantivy-py 0.27 makes that
        # term of a Python int as a signed one, which matches no document of the unsigned
        # field, and the replaced or deleted records stayed in the engine (counted in totals
        # and facets) until a later open found the counts apart and rebuilt it.
        docids = list(docids)
        for start in range(0, len(docids), 1000):
            chunk = docids[start:start + 1000]
            self.writer.delete_documents_by_query(tantivy.Query.term_set_query(self.engine.schema, "docid", chunk))

    def add(self, prepared: Iterable[Prepared]) -> None:
        add = self.writer.add_document
        for p in prepared:
            add(document(p))

    def commit(self) -> None:
        opstamp = self.writer.commit()
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_OPSTAMP, str(opstamp)))
        self.engine._searcher = None

    def rollback(self) -> None:
        if self.open:
            self.writer.rollback()

    def close(self) -> None:
        if self.open:
            self.open = False
            self.writer.wait_merging_threads()  # the merges finish, and the writer's lock is released
            self.engine._searcher = None


class TantivyEngine(Engine):
    name = "tantivy"

    def __init__(self, store_path: Path) -> None:
        self.folder = Path(str(store_path) + "-tantivy")
        self.schema = schema()
        self.index: tantivy.Index | None = None
        self._searcher: tantivy.Searcher | None = None
        self._keys: dict[str, dict[int, str] | None] = {}  # field → {key_number: key}; None: two keys, one number
        self._keys_lock = threading.Lock()

    # ------------------------------------------------------------------ lifecycle

    def open(self, conn: sqlite3.Connection, *, repair: bool = False) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._searcher = None
        try:
            self.index = tantivy.Index(self.schema, path=str(self.folder), reuse=True)
        except ValueError as exc:  # another version's layout, or damaged files
            if not repair:  # another process may be rebuilding it: the store's write lock decides
                self.index = None
                return
            log.warning("%s: el índice tantivy es de otra versión o está dañado (%s); se reconstruye desde "
                        "los registros (con 100.000 resoluciones, unos minutos)", self.folder, exc)
            shutil.rmtree(self.folder)
            self.folder.mkdir(parents=True)
            self.index = tantivy.Index(self.schema, path=str(self.folder), reuse=True)

    def in_step(self, conn: sqlite3.Connection) -> bool:
        """Same commit stamp and document count as the SQLite file says."""
        if self.index is None:
            return False
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (_OPSTAMP,)).fetchone()
        stored = int(row[0]) if row else 0
        count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        return stored == self._opstamp_on_disk() and count == self.searcher.num_docs

    def _opstamp_on_disk(self) -> int:
        try:
            return int(json.loads((self.folder / "meta.json").read_text("utf-8")).get("opstamp", 0))
        except (OSError, ValueError):
            return 0

    @property
    def searcher(self) -> tantivy.Searcher:
        if self._searcher is None:
            self.index.reload()
            self._searcher = self.index.searcher()
        return self._searcher

    def after_commit(self) -> None:
        self._searcher = None

    refresh = after_commit

    def close(self) -> None:
        self._searcher = None
        self.index = None

    # ------------------------------------------------------------------ writes

    def writer(self, conn: sqlite3.Connection) -> EngineWriter:
        return _TantivyWriter(self, conn)

    def rebuild(self, conn: sqlite3.Connection) -> None:
        log.info("%s: indexando de nuevo los registros guardados", self.folder)
        with _TantivyWriter(self, conn) as writer:
            writer.writer.delete_all_documents()
            writer.add(stored_prepared(conn))
            writer.commit()

    # ------------------------------------------------------------------ queries

    def _term(self, field: str, value: object) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field, value)

    def _prefix(self, field: str, start: str) -> tantivy.Query:
        return tantivy.Query.regex_query(self.schema, field, _REGEX_META.sub(r"\\\1", start) + ".*")

    def _words(self, field: str, parts: Sequence[str], prefix: bool) -> tantivy.Query:
        if len(parts) == 1:
            return self._prefix(field, parts[0]) if prefix else self._term(field, parts[0])
        if field == "exact":  # a phrase: its bigrams side by side
            field, parts = "bigrams", bigrams(parts)
            if len(parts) == 1:
                return self._prefix(field, parts[0]) if prefix else self._term(field, parts[0])
        if prefix:
            return tantivy.Query.phrase_prefix_query(self.schema, field, list(parts))
        return tantivy.Query.phrase_query(self.schema, field, list(parts))

    def _node(self, node: Node) -> tantivy.Query:
        Occur = tantivy.Occur
        if isinstance(node, Term) and node.stemmed:
            return self._term("stem", stem(node.parts[0]))
        if isinstance(node, (Term, Phrase)):
            return self._words("exact", node.parts, node.prefix)
        if isinstance(node, Fielded):
            if node.is_keyword:
                return self._words(node.field, [node.value], node.prefix)
            return self._words(node.field, node.parts, node.prefix)
        if isinstance(node, Or):
            return tantivy.Query.boolean_query([(Occur.Should, self._node(c)) for c in node.children])
        if isinstance(node, And):
            clauses = [(Occur.MustNot if isinstance(c, Not) else Occur.Must,
                        self._node(c.child if isinstance(c, Not) else c)) for c in node.children]
            if all(occur == Occur.MustNot for occur, _ in clauses):  # exclusions only
                clauses.insert(0, (Occur.Must, tantivy.Query.all_query()))
            return tantivy.Query.boolean_query(clauses)
        if isinstance(node, Not):
            return tantivy.Query.boolean_query([(Occur.Must, tantivy.Query.all_query()),
                                                (Occur.MustNot, self._node(node.child))])
        raise AssertionError(f"unexpected node {node!r}")

    def _filters(self, filters: Filters) -> list[tantivy.Query]:
        out = [self._term(field, key) for field, key in filters.keywords.items()]
        out += [tantivy.Query.boolean_query([(tantivy.Occur.Should, self._term(field, k)) for k in keys])
                for field, keys in filters.any_of.items()]
        if filters.year is not None:
            out.append(self._term("year", filters.year))
        if filters.date_from or filters.date_to:
            low = int(filters.date_from.replace("-", "")) if filters.date_from else 1  # 0: undated
            high = int(filters.date_to.replace("-", "")) if filters.date_to else 99991231
            out.append(tantivy.Query.range_query(self.schema, "date_number", tantivy.FieldType.Unsigned, low, high))
        if filters.protected is not None:
            out.append(self._term("protected", int(filters.protected)))
        return out

    def query(self, plan: Plan) -> tantivy.Query | None:
        """The tantivy query of ``plan``; None when nothing can match."""
        Occur = tantivy.Occur
        clauses = [(Occur.Must, tantivy.Query.const_score_query(f, 0.0)) for f in self._filters(plan.filters)]
        if plan.similar is not None:
            sim = plan.similar
            alternatives = [tantivy.Query.boost_query(self._term("stem", t), w) for t, w in sim.terms]
            alternatives += [tantivy.Query.boost_query(self._term("crime", c), CRIME_BOOST) for c in sim.crimes]
            if not alternatives:
                return None
            clauses.append((Occur.Must, tantivy.Query.boolean_query([(Occur.Should, q) for q in alternatives])))
            clauses.append((Occur.MustNot, self._term("id", sim.exclude_id)))
            clauses += [(Occur.MustNot, self._term("case_id", c)) for c in sim.exclude_cases]
        elif plan.node is not None:
            clauses.append((Occur.Must, self._node(plan.node)))
            words = proximity_words(plan.node) if plan.ranked else []
            if words:
                phrase = tantivy.Query.phrase_query(self.schema, "stem", [stem(w) for w in words])
                clauses.append((Occur.Should, tantivy.Query.boost_query(phrase, PHRASE_BOOST)))
        if not any(occur == Occur.Must for occur, _ in clauses):
            clauses.insert(0, (Occur.Must, tantivy.Query.all_query()))
        return tantivy.Query.boolean_query(clauses)

    def _run(self, plan: Plan, query: tantivy.Query, limit: int, offset: int) -> tuple[int, list[tuple[int, float]]]:
        ranked = plan.ranked or plan.similar is not None
        searcher = self.searcher
        if ranked:
            result = searcher.search(query, max(limit, 1), count=True, offset=offset)
        else:
            result = searcher.search(query, max(limit, 1), count=True, offset=offset, order_by_field="sort_date",
                                     order=tantivy.Order.Desc)
        hits = result.hits[:limit]
        docids = searcher.fast_field_values("docid", [address for _, address in hits]) if hits else []
        scored = [(int(d), float(score) if ranked else 0.0) for d, (score, _) in zip(docids, hits, strict=True)]
        return result.count, scored

    def search(self, conn: sqlite3.Connection, plan: Plan) -> tuple[int, list[tuple[int, float]]]:
        query = self.query(plan)
        return (0, []) if query is None else self._run(plan, query, plan.limit, plan.offset)

    def matching(self, conn: sqlite3.Connection, plan: Plan) -> list[int]:
        query = self.query(plan)
        if query is None:
            return []
        total = self.searcher.search(query, 1, count=True).count
        return [docid for docid, _ in self._run(plan, query, total, 0)[1]] if total else []

    def facets(self, conn: sqlite3.Connection, plan: Plan, fields: Sequence[str],
               size: int) -> dict[str, list[tuple[object, int]]]:
        query = self.query(plan)
        result: dict[str, list[tuple[object, int]]] = {f: [] for f in fields}
        if query is None or not fields:
            return result
        searcher = self.searcher
        hashed = {f: HASHED[f] for f in fields if f in HASHED and self._keys.get(f, {}) is not None}
        aggs = {f: {"terms": {"field": hashed.get(f, f), "size": int(size),
                              **({"segment_size": EXACT_SEGMENT_SIZE} if f in HASHED else {})}} for f in fields}
        response = searcher.aggregate(query, aggs)
        for field in fields:
            buckets = response.get(field, {}).get("buckets", [])
            if field in hashed:
                keys = self._key_map(searcher, field, [b["key"] for b in buckets])
                if keys is None:  # two keys share a number: count the text column
                    return self.facets(conn, plan, fields, size)
                result[field] = [(keys[b["key"]], int(b["doc_count"])) for b in buckets]
            else:
                result[field] = [(b["key"], int(b["doc_count"])) for b in buckets]
        return result

    def _key_map(self, searcher: tantivy.Searcher, field: str, numbers: Sequence[int]) -> dict[int, str] | None:
        """``{key_number(key): key}`` of every key in ``field``'s dictionary, read again when one of
        ``numbers`` is not in it (a key indexed since); None if two keys have one number."""
        with self._keys_lock:
            keys = self._keys.get(field)
            if keys is not None and all(n in keys for n in numbers):
                return keys
            if field in self._keys and keys is None:
                return None
            keys = {}
            for key, _ in searcher.terms_with_prefix(field, ""):
                if keys.setdefault(key_number(key), key) != key:
                    log.warning("%s: dos claves de %s con el mismo número; se cuentan por texto", self.folder, field)
                    self._keys[field] = None
                    return None
            missing = [n for n in numbers if n not in keys]
            if missing:  # every number indexed came from a key of the dictionary: should not happen
                log.warning("%s: números de %s sin clave (%s…); se cuentan por texto", self.folder, field, missing[0])
                self._keys[field] = None
                return None
            self._keys[field] = keys
            return keys

    def doc_freqs(self, conn: sqlite3.Connection, stems: Iterable[str]) -> tuple[int, dict[str, int]]:
        searcher = self.searcher
        return searcher.num_docs, {t: searcher.doc_freq("stem", t) for t in stems}
