"""Property: whatever a user types as the query or as any text filter (surrogates from a
non-UTF-8 byte, NUL, control characters, stray syntax), searching either embedded engine
answers or raises the typed ``QueryError``, never anything else.

``EXPEDIENTE_FUZZ_EXAMPLES`` sets the examples per engine (200 in the suite, < 60 s); run
``EXPEDIENTE_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -q -s tests/search/test_fuzz.py``
for a bigger run; ``-s`` prints the tally of outcomes per engine.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import QueryError
from search import SearchQuery
from search.query.parser import highlight_terms, parse_query, proximity_words

from tests.search.conftest import drop_backend, open_backend
from tests.search.test_index import ALL

EXAMPLES = int(os.environ.get("EXPEDIENTE_FUZZ_EXAMPLES", "200"))
TEXT_FILTERS = ("district", "court", "crime", "article", "judge", "cites")

# Any code point, surrogates included (hypothesis leaves them out unless asked), with the
# characters that have a meaning in the syntax or to an engine drawn more often.
ANY_CHAR = st.characters(exclude_categories=())
SPECIAL = st.sampled_from(['"', "(", ")", "-", "*", ":", "_", "\x00", "\t", "\n", "\x1b", "\ud800", "\udcff",
                           "“", "»", "'", "\\", "^", "{", "}", "[", "]", "~", "+", "/", ".", ",", "ñ", "Á"])
TOKENS = st.sampled_from(["OR", "NOT", "AND", "trata", "personas", "153-A", "juez:", "imputado:", "delito:",
                          "articulo:", "expediente:", "distrito:", "cita:", "trata_de_personas", "R.N.",
                          '"trata de', "NEAR", "AND NOT", "*", "-", "--", "((", "))", "juez:\"", "art:307*"])
WORD = st.text(st.one_of(ANY_CHAR, SPECIAL), max_size=12)
QUERY = st.lists(st.one_of(TOKENS, WORD), max_size=10).flatmap(
    lambda parts: st.sampled_from([" ", "", "\x00", "\u3000"]).map(lambda sep: sep.join(parts)))
# Each filter: a value that may match (so the engines are reached) or anything at all.
VALID = {"district": ["Madre de Dios", "puno", "Cuzco"], "crime": ["trata", "trata_de_personas", "peculado_doloso"],
         "article": ["153-A", "307 a"], "cites": ["Casación 904-2019", "R.N. 2204-2018"],
         "judge": ["Chambi Tuesta"], "court": ["Sala Penal Permanente"]}
FILTERS = st.one_of(st.just({}), st.fixed_dictionaries({}, optional={
    name: st.one_of(st.sampled_from(VALID[name]), WORD, TOKENS) for name in TEXT_FILTERS}))


@pytest.fixture(scope="module", params=["tantivy", "fts5"])
def fuzzed(request, tmp_path_factory):
    """The index of one engine and the tally of outcomes, printed at the end (``-s``)."""
    idx = open_backend(request.param, tmp_path_factory.mktemp(f"fuzz-{request.param}"))
    idx.upsert(ALL)
    tally: Counter[str] = Counter()
    yield idx, tally
    print(f"\nfuzz {request.param}: {sum(tally.values())} consultas: {dict(tally)}")
    drop_backend(idx)


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=QUERY, filters=FILTERS, facets=st.booleans())
def test_any_query_and_filters_answer_or_raise_a_query_error(fuzzed, text, filters, facets):
    idx, tally = fuzzed
    try:
        query = SearchQuery.of(text=text, **filters)
        results = idx.search(query)
        if facets:
            idx.facets(query, ["crime", "judge"])
    except QueryError as exc:
        assert str(exc) and exc.exit_code == 2
        tally["query error"] += 1
    else:
        assert results.total >= len(results.hits)
        tally["results" if results.total else "no results"] += 1


@settings(max_examples=EXAMPLES * 2, deadline=None, database=None)
@given(text=QUERY)
def test_the_parser_alone_takes_any_text(text):
    """The parser behind every engine (Elasticsearch's too), surrogates included: an AST,
    None for a blank query, or a ``QueryError``."""
    try:
        node = parse_query(text)
    except QueryError:
        return
    assert node is not None or not text.strip()
    highlight_terms(node), proximity_words(node)


@settings(max_examples=EXAMPLES, deadline=None, database=None)
@given(text=QUERY, filters=FILTERS)
def test_the_elasticsearch_query_is_built_from_any_input(text, filters):
    """Elasticsearch's request body, built without a cluster, fails only with ``QueryError``."""
    from search.elastic.dsl import build_query

    try:
        body = build_query(SearchQuery.of(text=text, **filters))
    except QueryError:
        return
    assert isinstance(body, dict)
