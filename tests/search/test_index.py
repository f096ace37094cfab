"""The ``Index`` contract: run on SQLite always, and on Elasticsearch when ES_URL is set."""

from datetime import date

import pytest

from schemas import DocKind, OutcomeKind, ProceduralCode, QueryError
from search import SearchQuery

from tests.search.factory import make_record, sha_of, victim

TRATA = make_record(
    ["SENTENCIA\nEXPEDIENTE 00123-2019-45-2701-JR-PE-01",
     "La ACUSACIÓN fiscal por el delito de TRATA DE PERSONAS agravada, artículo 153-A, "
     "en agravio de la menor de iniciales R.M.C. Se condena al acusado."],
    key="trata", district="Madre de Dios", crimes=("trata_de_personas",), day=date(2021, 3, 11),
    outcome=OutcomeKind.CONDENA, case_numbers=("00123-2019-45-2701-JR-PE-01",),
)
MINERIA = make_record(
    "Minería ilegal en La Pampa. El año pasado se incautó maquinaria. Trata de persona no probada.",
    key="mineria", district="Madre de Dios", crimes=("mineria_ilegal", "trata_de_personas"), day=date(2019, 6, 1),
    outcome=OutcomeKind.ABSOLUCION,
)
ROBO = make_record(
    "Robo agravado en Juliaca. El ano de la víctima no fue lesionado. Casación fundada.",
    key="robo", district="Puno", crimes=("robo_agravado",), day=date(2022, 1, 20),
    doc_kind=DocKind.CASACION, outcome=OutcomeKind.CASACION_FUNDADA, code=ProceduralCode.NCPP,
)
VIEJO = make_record(
    "Recurso de nulidad. Proceso sumario por peculado; instrucción abierta en 2003.",
    key="viejo", district="Lima", crimes=("peculado",), day=None, doc_kind=DocKind.RECURSO_NULIDAD,
    outcome=OutcomeKind.NO_HABER_NULIDAD, code=ProceduralCode.CDEPP1940,
)
ALL = [TRATA, MINERIA, ROBO, VIEJO]


@pytest.fixture
def full(index):
    index.upsert(ALL)
    return index


def ids(results) -> list[str]:
    return [h.id for h in results.hits]


def found(index, text: str, **filters) -> set[str]:
    return {h.id for h in index.search(SearchQuery(text=text, limit=50, **filters)).hits}


@pytest.mark.parametrize(("text", "expected"), [
    ("acusacion", {TRATA.id}),                       # accent-free finds accented
    ("ACUSACIÓN", {TRATA.id}),
    ("personas", {TRATA.id, MINERIA.id}),             # plural finds singular and vice versa
    ("persona", {TRATA.id, MINERIA.id}),
    ("TRATA DE PERSONAS", {TRATA.id, MINERIA.id}),
    ("mineria", {MINERIA.id}),
    ("año", {MINERIA.id}),                            # ñ is not n
    ("ano", {ROBO.id}),
    ('"trata de personas"', {TRATA.id}),              # a phrase is exact (no stemming)
    ('"trata de persona"', {MINERIA.id}),
    ('"TRATA  de\npersonas"', {TRATA.id}),
    ('"personas trata"', set()),                      # and ordered
    ("trata -menor", {MINERIA.id}),
    ("-trata", {ROBO.id, VIEJO.id}),
    ("robo OR peculado", {ROBO.id, VIEJO.id}),
    ("(robo OR minería) ilegal", {MINERIA.id}),
    ("acusa*", {TRATA.id}),                           # acusación, acusado
    ("mine*", {MINERIA.id}),
    ("153-A", {TRATA.id}),
    ("153A", {TRATA.id}),
    ("00123-2019-45-2701-JR-PE-01", {TRATA.id}),
    ("inexistente", set()),
])
def test_search_finds(full, text, expected):
    assert found(full, text) == expected


@pytest.mark.parametrize(("filters", "expected"), [
    ({"district": "Madre de Dios"}, {TRATA.id, MINERIA.id}),
    ({"district": "MADRE DE DIOS"}, {TRATA.id, MINERIA.id}),   # case- and accent-insensitive
    ({"district": "madre  de  dios"}, {TRATA.id, MINERIA.id}),
    ({"crime": "trata_de_personas"}, {TRATA.id, MINERIA.id}),
    ({"crime": "peculado"}, {VIEJO.id}),
    ({"year": 2022}, {ROBO.id}),
    ({"doc_kind": DocKind.CASACION}, {ROBO.id}),
    ({"outcome": OutcomeKind.CONDENA}, {TRATA.id}),
    ({"procedural_code": ProceduralCode.CDEPP1940}, {VIEJO.id}),
    ({"district": "Puno", "crime": "trata_de_personas"}, set()),
])
def test_filters(full, filters, expected):
    assert found(full, "", **filters) == expected


def test_text_and_filters_combine(full):
    assert found(full, "personas", district="Madre de Dios", outcome=OutcomeKind.ABSOLUCION) == {MINERIA.id}
    assert found(full, "-minería", crime="trata_de_personas") == {TRATA.id}


def test_filter_only_query_is_sorted_by_date_newest_first_undated_last(full):
    results = full.search(SearchQuery())
    assert results.total == 4
    assert ids(results) == [ROBO.id, TRATA.id, MINERIA.id, VIEJO.id]
    assert all(h.score == 0.0 for h in results.hits)


def test_relevance_puts_adjacent_words_first(index):
    near = make_record("trata de personas", key="near")
    scattered = make_record("la persona que trata y otra persona y otra persona", key="scattered")
    index.upsert([scattered, near, *[make_record(f"relleno {i}", key=f"f{i}") for i in range(3)]])
    results = index.search(SearchQuery(text="trata de personas"))
    assert ids(results) == [near.id, scattered.id]
    assert results.hits[0].score > results.hits[1].score > 0


def test_sort_by_date_with_text(full):
    results = full.search(SearchQuery(text="personas", sort="date"))
    assert ids(results) == [TRATA.id, MINERIA.id]


def test_pagination(full):
    page1 = full.search(SearchQuery(limit=2))
    page2 = full.search(SearchQuery(limit=2, offset=2))
    assert page1.total == page2.total == 4
    assert ids(page1) + ids(page2) == [ROBO.id, TRATA.id, MINERIA.id, VIEJO.id]
    assert full.search(SearchQuery(limit=0)).hits == []


def test_hit_fields_and_snippet(full):
    hit = full.search(SearchQuery(text="acusacion personas")).hits[0]
    assert hit.id == TRATA.id
    assert hit.path == TRATA.path
    assert hit.doc_kind == DocKind.SENTENCIA
    assert hit.court == "Juzgado Penal Colegiado"
    assert hit.district == "Madre de Dios"
    assert hit.resolution_date == date(2021, 3, 11)
    assert hit.case_numbers == ["00123-2019-45-2701-JR-PE-01"]
    assert hit.crimes == ["trata_de_personas"]
    assert hit.outcome == OutcomeKind.CONDENA
    assert hit.snippet_page == 2
    assert "**ACUSACIÓN**" in hit.snippet and "**PERSONAS**" in hit.snippet


def test_facets_over_the_matching_set(full):
    facets = full.facets(SearchQuery(text="personas"))
    assert facets == {
        "district": [("Madre de Dios", 2)],
        "crime": [("trata_de_personas", 2), ("mineria_ilegal", 1)],
        "doc_kind": [("sentencia", 2)],
        "outcome": [("absolucion", 1), ("condena", 1)],
        "year": [(2019, 1), (2021, 1)],
        "procedural_code": [("ncpp", 2)],
    }


def test_facets_of_everything_and_selected_fields(full):
    facets = full.facets(SearchQuery(), ["district", "year"])
    assert facets == {"district": [("Madre de Dios", 2), ("Lima", 1), ("Puno", 1)],
                      "year": [(2019, 1), (2021, 1), (2022, 1)]}
    with pytest.raises(QueryError, match="Campo de faceta desconocido: color"):
        full.facets(SearchQuery(), ["color"])


def test_get_count_iter(full):
    assert full.count() == 4
    assert full.get(TRATA.id) == TRATA
    assert full.get("0000000000000000") is None
    assert sorted(r.id for r in full.iter_records()) == sorted(r.id for r in ALL)


def test_upsert_replaces_same_id(full):
    changed = make_record("Texto corregido: lavado de activos.", key="trata", district="Lima",
                          extractor_version="test-2")
    assert changed.id == TRATA.id
    full.upsert([changed])
    assert full.count() == 4
    assert full.get(TRATA.id) == changed
    assert found(full, "acusacion") == set()
    assert found(full, "lavado") == {TRATA.id}
    assert full.find_sha256(TRATA.sha256) == (TRATA.id, "test-2")
    assert found(full, "", district="Madre de Dios") == {MINERIA.id}
    assert found(full, "", crime="trata_de_personas") == {MINERIA.id}


def test_upsert_same_id_twice_in_one_batch_keeps_the_last(index):
    first = make_record("primera versión", key="k")
    second = make_record("segunda versión", key="k")
    index.upsert([first, second])
    assert index.count() == 1 and index.get(first.id) == second


def test_upsert_nothing(index):
    index.upsert([])
    assert index.count() == 0


def test_find_sha256(full):
    assert full.find_sha256(MINERIA.sha256) == (MINERIA.id, "test-1")
    assert full.find_sha256(sha_of("otro")) is None


def test_delete(full):
    assert full.delete(ROBO.id) is True
    assert full.delete(ROBO.id) is False
    assert full.count() == 3
    assert full.get(ROBO.id) is None
    assert full.find_sha256(ROBO.sha256) is None
    assert found(full, "robo") == set()
    assert found(full, "", crime="robo_agravado") == set()


def test_protected_name_is_never_returned(index):
    record = make_record(
        ["AGRAVIADA: María Ñahui Quispe\nEn agravio de MARIA ÑAHUI\nQUISPE, de 15 años."],
        key="victima", parties=(victim("María Ñahui Quispe"),),
        redactions=(("María Ñahui Quispe", "M.Ñ.Q."),),
    )
    index.upsert([record])
    stored = index.get(record.id)
    assert "ahui" not in stored.model_dump_json().lower()
    assert stored.pages == ["AGRAVIADA: M.Ñ.Q.\nEn agravio de M.Ñ.Q., de 15 años."]
    assert stored.ruling.parties[0].name == "M.Ñ.Q."
    assert stored.ruling.redactions == []
    assert found(index, "Ñahui") == set()
    assert found(index, "agravio") == {record.id}
    assert "ahui" not in index.search(SearchQuery(text="agravio")).hits[0].snippet.lower()


GARBAGE = ['"', "'", ";", '";', "'; DROP TABLE documents; --", "NEAR(", "NEAR(a b", "*", "a*b*", "**",
           "a OR", "OR OR", "AND", "NOT", "-", "--", "- -a", "(", ")", ")(", "(()", "\\", "%", "_",
           "stem:x", "{stem exact}:x", "exact:\"x", "^x", "x^", "a NEAR/2 b", '"a" NEAR("b")',
           "\x00", "'\"'\"", "a:b:c", "rowid", "documents_fts", "+", "a + b", "«trata", "trata»"]


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_never_breaks_the_backend(full, text):
    try:
        results = full.search(SearchQuery(text=text))
    except QueryError as exc:
        assert exc.message  # a message for the user, never a database error
    else:
        assert results.total >= 0
