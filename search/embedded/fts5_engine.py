"""The FTS5 engine: full text inside the SQLite file, filters and facets in SQL.

``documents_fts`` has one column per kind of token (all pre-analysed by
``search.query.analysis``, so the tokenizer only splits on spaces and keeps ``ñ``):
``stem`` (stemmed words, no stop words), ``exact`` (folded words: phrases, identifiers,
prefixes), ``judges``, ``defendants``, ``crime_text`` (fielded words) and ``keys`` (one
token per keyword, ``article_153_a``: fielded keyword terms). Filters and facets use the
``documents`` columns and the ``document_terms`` table of the store.

Writes happen in the store's transaction: the engine is always in step with the records.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from search.embedded.engine import Engine, EngineWriter, Plan
from search.embedded.prepared import Prepared
from search.embedded.store import stored_prepared
from search.query.analysis import stem
from search.query.filters import Filters
from search.query.keys import fts_keyword
from search.query.parser import And, Fielded, Node, Not, Or, Phrase, Term, proximity_words

BM25_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0)  # stem, exact, judges, defendants, crime_text, keys
PHRASE_BONUS = 100.0  # added to the score of documents where the query's words are adjacent
CRIME_BONUS = 5.0  # more like this: same crime

SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5 (
    stem, exact, judges, defendants, crime_text, keys,
    tokenize = 'unicode61 remove_diacritics 0 tokenchars ''_'''
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_vocab USING fts5vocab (documents_fts, 'col');
"""
_INSERT = ("INSERT INTO documents_fts (rowid, stem, exact, judges, defendants, crime_text, keys)"
           " VALUES (?, ?, ?, ?, ?, ?, ?)")
_SINGLE_COLUMNS = frozenset({"district_key", "court_key", "level", "doc_kind", "outcome", "procedural_code",
                             "early_termination", "year", "protected"})
_BY_DATE = "d.resolution_date IS NULL, d.resolution_date DESC, d.id"
_JOIN = "FROM documents_fts CROSS JOIN documents d ON d.docid = documents_fts.rowid"


# ---------------------------------------------------------------------------- MATCH syntax


@dataclass(frozen=True)
class FtsQuery:
    """An FTS5 MATCH expression; ``negated``: the query wants the documents it does NOT match."""

    match: str
    negated: bool = False


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _render(node: Node) -> str:
    if isinstance(node, Term):
        if node.stemmed:
            return f"stem : {_quote(stem(node.parts[0]))}"
        return f"exact : {_quote(' '.join(node.parts))}" + (" *" if node.prefix else "")
    if isinstance(node, Phrase):
        return f"exact : {_quote(' '.join(node.parts))}" + (" *" if node.prefix else "")
    if isinstance(node, Fielded):
        if node.is_keyword:
            return f"keys : {_quote(fts_keyword(node.field, node.value))}" + (" *" if node.prefix else "")
        return f"{node.field} : {_quote(' '.join(node.parts))}" + (" *" if node.prefix else "")
    if isinstance(node, Or):
        return "(" + " OR ".join(_render(c) for c in node.children) + ")"
    if isinstance(node, And):
        positive = [c for c in node.children if not isinstance(c, Not)]
        negative = [c.child for c in node.children if isinstance(c, Not)]
        expr = "(" + " AND ".join(_render(c) for c in positive) + ")"
        if not negative:
            return expr
        return "(" + expr + " NOT (" + " OR ".join(_render(c) for c in negative) + "))"
    raise AssertionError(f"unexpected node {node!r}")  # Not is handled by to_fts / And


def to_fts(node: Node) -> FtsQuery:
    """Render a parsed query; a query of exclusions only becomes a negated match."""
    if isinstance(node, Not):
        return FtsQuery(_render(node.child), negated=True)
    if isinstance(node, And) and all(isinstance(c, Not) for c in node.children):
        return FtsQuery(_render(Or(tuple(c.child for c in node.children))), negated=True)
    return FtsQuery(_render(node))


def proximity_phrase(node: Node | None) -> str | None:
    """``proximity_words`` as an FTS5 phrase over the stem column, which has no stop words:
    "trata de personas" and "trata de persona" are adjacent there."""
    words = proximity_words(node)
    return f"stem : {_quote(' '.join(stem(w) for w in words))}" if words else None


# ---------------------------------------------------------------------------- engine


def fts_row(p: Prepared) -> tuple[object, ...]:
    return (p.docid, p.stem, p.exact, p.judges, p.defendants, p.crime_text, p.keys_text())


def sql_filters(filters: Filters) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    for field, key in filters.keywords.items():
        if field in _SINGLE_COLUMNS:
            where.append(f"d.{field} = ?")
        else:
            where.append("d.docid IN (SELECT docid FROM document_terms WHERE field = ? AND key = ?)")
            params.append(field)
        params.append(key)
    for field, keys in filters.any_of.items():  # multi-valued fields only (a crime family's keys)
        where.append(f"d.docid IN (SELECT docid FROM document_terms WHERE field = ? AND key IN ({_marks(keys)}))")
        params += [field, *keys]
    for condition, value in (("d.year = ?", filters.year), ("d.resolution_date >= ?", filters.date_from),
                             ("d.resolution_date <= ?", filters.date_to),
                             ("d.protected = ?", None if filters.protected is None else int(filters.protected))):
        if value is not None:
            where.append(condition)
            params.append(value)
    return where, params


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


class _Fts5Writer(EngineWriter):
    """FTS5 lives in the SQLite file: its writes are the store's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def delete(self, docids: Iterable[int]) -> None:
        self.conn.executemany("DELETE FROM documents_fts WHERE rowid = ?", ((d,) for d in docids))

    def add(self, prepared: Iterable[Prepared]) -> None:
        self.conn.executemany(_INSERT, (fts_row(p) for p in prepared))


class Fts5Engine(Engine):
    name = "fts5"

    def open(self, conn: sqlite3.Connection, *, repair: bool = False) -> None:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)

    def writer(self, conn: sqlite3.Connection) -> EngineWriter:
        return _Fts5Writer(conn)

    def rebuild(self, conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM documents_fts")
        conn.executemany(_INSERT, (fts_row(prepared) for prepared in stored_prepared(conn)))

    # ------------------------------------------------------------------ reads

    def _source(self, plan: Plan) -> tuple[str, list[object], str, list[object]] | None:
        """``(FROM ... WHERE ..., params, score SQL, score params)``; None: nothing can match."""
        where, params = sql_filters(plan.filters)
        score, score_params = "0.0", []
        weights = ", ".join(map(str, BM25_WEIGHTS))
        if plan.similar is not None:
            sim = plan.similar
            alternatives = [f"stem : ({' OR '.join(_quote(t) for t, _ in sim.terms)})"] if sim.terms else []
            alternatives += [f"keys : {_quote(fts_keyword('crime', c))}" for c in sim.crimes]
            if not alternatives:
                return None
            where[:0] = ["documents_fts MATCH ?", "d.id != ?"]
            params[:0] = [" OR ".join(alternatives), sim.exclude_id]
            if sim.exclude_cases:
                where.append(f"d.docid NOT IN (SELECT docid FROM document_terms WHERE field = 'case_id' "
                             f"AND key IN ({_marks(sim.exclude_cases)}))")
                params.extend(sim.exclude_cases)
            score = f"-bm25(documents_fts, {weights})"
            if sim.crimes:
                score += (f" + CASE WHEN d.docid IN (SELECT docid FROM document_terms WHERE field = 'crime' "
                          f"AND key IN ({_marks(sim.crimes)})) THEN {CRIME_BONUS} ELSE 0 END")
                score_params.extend(sim.crimes)
            return _JOIN + _where(where), params, score, score_params
        if plan.node is None:
            return "FROM documents d" + _where(where), params, score, score_params
        fts = to_fts(plan.node)
        if fts.negated:
            where.insert(0, "d.docid NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            return "FROM documents d" + _where(where), [fts.match, *params], score, score_params
        # CROSS JOIN keeps FTS5 as the outer loop: otherwise SQLite may scan documents by a
        # filter index and run the MATCH once per row (50x slower on a common district).
        where.insert(0, "documents_fts MATCH ?")
        if plan.ranked:
            score = f"-bm25(documents_fts, {weights})"
            phrase = proximity_phrase(plan.node)
            if phrase:  # words side by side outrank the same words scattered
                score += (f" + CASE WHEN d.docid IN (SELECT rowid FROM documents_fts WHERE documents_fts"
                          f" MATCH ?) THEN {PHRASE_BONUS} ELSE 0 END")
                score_params.append(phrase)
        return _JOIN + _where(where), [fts.match, *params], score, score_params

    def _ordered(self, plan: Plan, columns: str,
                 source: tuple[str, list[object], str, list[object]]) -> tuple[str, list[object]]:
        sql, params, score, score_params = source
        ranked = plan.ranked or plan.similar is not None
        order = f"score DESC, {_BY_DATE}" if ranked else _BY_DATE
        score_sql = score if ranked else "0.0"
        return (f"SELECT {columns}, {score_sql} AS score {sql} ORDER BY {order}",
                [*(score_params if ranked else []), *params])

    def search(self, conn: sqlite3.Connection, plan: Plan) -> tuple[int, list[tuple[int, float]]]:
        source = self._source(plan)
        if source is None:
            return 0, []
        total = conn.execute(f"SELECT count(*) {source[0]}", source[1]).fetchone()[0]
        sql, params = self._ordered(plan, "d.docid", source)
        rows = conn.execute(f"{sql} LIMIT ? OFFSET ?", [*params, plan.limit, plan.offset]).fetchall()
        return total, [(docid, float(score)) for docid, score in rows]

    def matching(self, conn: sqlite3.Connection, plan: Plan) -> list[int]:
        source = self._source(plan)
        if source is None:
            return []
        sql, params = self._ordered(plan, "d.docid", source)
        return [docid for docid, _ in conn.execute(sql, params)]

    def facets(self, conn: sqlite3.Connection, plan: Plan, fields: Sequence[str],
               size: int) -> dict[str, list[tuple[object, int]]]:
        source = self._source(plan)
        if source is None or not fields:
            return {f: [] for f in fields}
        parts, part_params = [], []
        for field in fields:
            if field in _SINGLE_COLUMNS:
                sql = (f"SELECT d.{field} AS k, count(*) AS n FROM documents d JOIN matching USING (docid)"
                       f" WHERE d.{field} IS NOT NULL GROUP BY d.{field}")
            else:
                sql = ("SELECT t.key AS k, count(*) AS n FROM document_terms t JOIN matching USING (docid)"
                       " WHERE t.field = ? GROUP BY t.key")
                part_params.append(field)
            parts.append(f"SELECT * FROM (SELECT '{field}' AS f, k, n FROM ({sql}) "
                         f"ORDER BY n DESC, k LIMIT {int(size)})")
        query = f"WITH matching(docid) AS MATERIALIZED (SELECT d.docid {source[0]}) " + " UNION ALL ".join(parts)
        result: dict[str, list[tuple[object, int]]] = {f: [] for f in fields}
        for field, key, n in conn.execute(query, [*source[1], *part_params]):
            result[field].append((key, n))
        return result

    def doc_freqs(self, conn: sqlite3.Connection, stems: Iterable[str]) -> tuple[int, dict[str, int]]:
        n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        df = {}
        for term in stems:
            row = conn.execute("SELECT doc FROM documents_vocab WHERE term = ? AND col = 'stem'", (term,)).fetchone()
            df[term] = row[0] if row else 0
        return n, df
