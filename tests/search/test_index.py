"""The ``Index`` contract: run on SQLite always, and on Elasticsearch when ES_URL is set."""

from datetime import date

import pytest

from schemas import CourtLevel, DocKind, EarlyTermination, OutcomeKind, ProceduralCode, QueryError, Role
from search import SearchQuery

from tests.search.conftest import BACKENDS, drop_backend, open_backend
from tests.search.factory import accused, judge, make_record, sha_of, victim

TRATA = make_record(
    ["SENTENCIA\nEXPEDIENTE 00123-2019-45-2701-JR-PE-01",
     "La ACUSACIÓN fiscal por el delito de TRATA DE PERSONAS agravada, artículo 153-A, "
     "en agravio de la menor de iniciales R.M.C. Se condena al acusado."],
    key="trata", district="Madre de Dios", level=CourtLevel.JUZGADO, crimes=("trata_de_personas",),
    articles=("153-A",), day=date(2021, 3, 11), outcome=OutcomeKind.CONDENA,
    case_numbers=("00123-2019-45-2701-JR-PE-01",),
    parties=(judge("Chambi Tuesta"), judge("Zapata Machaca", Role.PONENTE), accused("Lizbeth Cahui Ahuanari"),
             victim("R.M.C.")),
    citations=("Acuerdo Plenario N.° 3-2011/CJ-116", "Casación N.° 904-2019/Puno"),
)
MINERIA = make_record(
    "Minería ilegal en La Pampa. El año pasado se incautó maquinaria. Trata de persona no probada.",
    key="mineria", district="Madre de Dios", level=CourtLevel.JUZGADO, crimes=("mineria_ilegal", "trata_de_personas"),
    articles=("307-A",), day=date(2019, 6, 1), outcome=OutcomeKind.ABSOLUCION,
    early=EarlyTermination.CONCLUSION_ANTICIPADA, parties=(judge("CHAMBI TUESTA"), accused("Jhony Chalco Vilca")),
    citations=("Cas. 904-2019",),
)
ROBO = make_record(
    "Robo agravado en Juliaca. El ano de la víctima no fue lesionado. Casación fundada.",
    key="robo", district="Puno", court="Sala Penal Permanente", level=CourtLevel.CORTE_SUPREMA,
    crimes=("robo_agravado",), articles=("189",), day=date(2022, 1, 20), doc_kind=DocKind.CASACION,
    outcome=OutcomeKind.CASACION_FUNDADA, code=ProceduralCode.NCPP, case_numbers=("Casación 904-2019",),
    parties=(judge("Sullca Ñahui", Role.PONENTE),), citations=("R.N. 2204-2018",),
)
VIEJO = make_record(
    "Recurso de nulidad. Proceso sumario por peculado; instrucción abierta en 2003.",
    key="viejo", district="Lima", court="Sala Penal Transitoria", level=CourtLevel.CORTE_SUPREMA,
    crimes=("peculado",), articles=("387",), day=None, doc_kind=DocKind.RECURSO_NULIDAD,
    outcome=OutcomeKind.NO_HABER_NULIDAD, code=ProceduralCode.CDEPP1940, case_numbers=("R.N. N.° 2204-2018-Lima",),
    citations=("acuerdo_plenario 3-2011/CJ-116",),
)
ALL = [TRATA, MINERIA, ROBO, VIEJO]


@pytest.fixture(scope="module", params=BACKENDS)
def full(request, tmp_path_factory):
    """The four rulings, indexed once per backend for the tests that only read."""
    idx = open_backend(request.param, tmp_path_factory.mktemp(request.param))
    idx.upsert(ALL)
    yield idx
    drop_backend(idx)


@pytest.fixture
def fresh(index):
    """The four rulings in an index of its own, for tests that change it."""
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
    ("153-A*", {TRATA.id}),                           # a prefix of several words
    ("00123-2019-4*", {TRATA.id}),
    ("00123-2020*", set()),
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
    ({"district": "madre de diós"}, {TRATA.id, MINERIA.id}),
    ({"crime": "trata"}, {TRATA.id, MINERIA.id}),                # a family: any of its crimes
    ({"crime": "mineria"}, {MINERIA.id}),
    ({"crime": "patrimonio"}, {ROBO.id}),
    ({"crime": "Trata de Personas"}, {TRATA.id, MINERIA.id}),    # the crime's label
    ({"crime": "peculado_doloso"}, {VIEJO.id}),                  # an alias of peculado
    ({"crime": "homicidio_simple"}, set()),                      # a real crime no ruling charges
])
def test_filters(full, filters, expected):
    assert found(full, "", **filters) == expected


@pytest.mark.parametrize(("filters", "message"), [
    ({"crime": "trata_personas"}, "Delito desconocido: «trata_personas». ¿Quiso decir trata_de_personas"),
    ({"district": "Madre de Diso"}, "Distrito judicial desconocido: «Madre de Diso». ¿Quiso decir Madre de Dios"),
])
def test_unknown_filter_values_are_errors_with_the_closest_values(full, filters, message):
    with pytest.raises(QueryError, match=message):
        full.search(SearchQuery(**filters))
    with pytest.raises(QueryError, match=message):
        full.facets(SearchQuery(**filters), ["year"])


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


def test_hits_without_snippets_are_the_same_hits(full):
    query = SearchQuery(text="acusacion personas", limit=5)
    with_snippets, without = full.search(query), full.search(query.model_copy(update={"snippets": False}))
    assert without.total == with_snippets.total
    assert [h.id for h in without.hits] == [h.id for h in with_snippets.hits]
    assert with_snippets.hits[0].snippet and all(h.snippet == "" and h.snippet_page is None for h in without.hits)
    plain = [h.model_copy(update={"snippet": "", "snippet_page": None}) for h in with_snippets.hits]
    assert without.hits == plain


def test_facets_over_the_matching_set(full):
    facets = full.facets(SearchQuery(text="personas"))
    assert facets == {
        "district": [("Madre de Dios", 2)],
        "court": [("Juzgado Penal Colegiado", 2)],
        "level": [("juzgado", 2)],
        "doc_kind": [("sentencia", 2)],
        "crime": [("trata_de_personas", 2), ("mineria_ilegal", 1)],
        "article": [("153-A", 1), ("307-A", 1)],
        "outcome": [("absolucion", 1), ("condena", 1)],
        "procedural_code": [("ncpp", 2)],
        "early_termination": [("conclusion_anticipada", 1)],
        "judge": [("CHAMBI TUESTA", 2), ("Zapata Machaca", 1)],
        "year": [(2019, 1), (2021, 1)],
        "protected": [(False, 1), (True, 1)],
    }


def test_facet_size_keeps_the_most_frequent(full):
    assert full.facets(SearchQuery(), ["crime"], size=1) == {"crime": [("trata_de_personas", 2)]}


def test_facets_of_everything_and_selected_fields(full):
    facets = full.facets(SearchQuery(), ["district", "year"])
    assert facets == {"district": [("Madre de Dios", 2), ("Lima", 1), ("Puno", 1)],
                      "year": [(2019, 1), (2021, 1), (2022, 1)]}
    with pytest.raises(QueryError, match="Campo de faceta desconocido: color"):
        full.facets(SearchQuery(), ["color"])


SURNAMES = ["Quispe Mamani", "Huamán Ccori", "Condori Apaza", "Flores Tito", "Mendoza Inca", "Sinti Luque",
            "Paucar Sánchez", "Illanes Cruz", "Zela Ccoa", "Tuesta Pinedo", "Ramos Layme", "Cusi Ticona"]


def _many_judges() -> list:
    """78 rulings: judge ``SURNAMES[n]`` sits in ``n + 1`` of them, with a second judge
    ``SURNAMES[-1 - n]`` on every third; court ``Sala n`` (n < 6) has ``n + 1`` of each 21."""
    out = []
    for n, name in enumerate(SURNAMES):
        for k in range(n + 1):
            i = len(out)
            parties = (judge(name),) + ((judge(SURNAMES[-1 - n], Role.PONENTE),) if i % 3 == 0 else ())
            out.append(make_record(f"Sentencia {i} sobre reparación civil.", key=f"juez-{i}", district="Puno",
                                   court=f"Sala Penal {i % 21 % 6 + 1}", parties=parties))
    return out


def _counted(records, field: str) -> list:
    counts: dict = {}
    for r in records:
        values = {p.name for p in r.ruling.parties if p.role in (Role.JUEZ, Role.PONENTE)} if field == "judge" \
            else {r.ruling.court.name}
        for v in values:
            counts[v] = counts.get(v, 0) + 1
    return sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))


def test_facets_of_many_judges_and_courts_equal_a_plain_count(backend, tmp_path):
    """Written in several transactions (tantivy: several segments, counted on the keys' numeric
    twins): every count is the number of rulings with the value; the top of a short list is
    the values with the most rulings; a judge first written later is counted and named."""
    records = _many_judges()
    idx = open_backend(backend, tmp_path)
    try:
        for start in range(0, len(records), 30):
            idx.upsert(records[start:start + 30])
        for query in (SearchQuery(), SearchQuery(text="reparación")):
            facets = idx.facets(query, ["judge", "court"], size=100)
            assert facets == {"judge": _counted(records, "judge"), "court": _counted(records, "court")}
        top = idx.facets(SearchQuery(), ["judge"], size=4)["judge"]  # no tie across the cut
        assert top == _counted(records, "judge")[:4] == [("Cusi Ticona", 13), ("Ramos Layme", 11),
                                                         ("Tuesta Pinedo", 11), ("Zela Ccoa", 11)]
        later = make_record("Sentencia nueva sobre reparación civil.", key="juez-nuevo", district="Puno",
                            court="Sala Penal 9", parties=(judge("Ñahui Zapata"),))
        idx.upsert([later])
        facets = idx.facets(SearchQuery(text="nueva"), ["judge", "court"])
        assert facets == {"judge": [("Ñahui Zapata", 1)], "court": [("Sala Penal 9", 1)]}
    finally:
        drop_backend(idx)


def test_a_judge_in_no_segment_s_top_is_still_counted_whole(backend, tmp_path):
    """Three writes (tantivy: three segments): in each, eleven judges of that write sit in
    three rulings and "Cusi Ticona" in two, so he is never among a segment's first ten; over
    the index he has six rulings and the others three. The facet's top is his, with six."""
    records = []
    for part in range(3):
        for j in range(11):
            name = SURNAMES[j] + f" {'ABC'[part]}"
            records += [make_record(f"Sentencia {part}-{j}-{k}.", key=f"s-{part}-{j}-{k}", district="Puno",
                                    court="Sala Penal 1", parties=(judge(name),)) for k in range(3)]
        records += [make_record(f"Sentencia {part} de Cusi.", key=f"c-{part}-{k}", district="Puno",
                                court="Sala Penal 1", parties=(judge("Cusi Ticona"),)) for k in range(2)]
    idx = open_backend(backend, tmp_path)
    try:
        for part in range(3):
            idx.upsert(records[part * 35:(part + 1) * 35])
        assert idx.facets(SearchQuery(), ["judge"], size=1)["judge"] == [("Cusi Ticona", 6)]
    finally:
        drop_backend(idx)


def test_get_count_iter(full):
    assert full.count() == 4
    assert full.get(TRATA.id) == TRATA
    assert full.get("0000000000000000") is None
    assert sorted(r.id for r in full.iter_records()) == sorted(r.id for r in ALL)


def test_upsert_replaces_same_id(fresh):
    full = fresh
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
    assert full.search(SearchQuery(text="acusacion")).total == 0  # the old text is gone from the engine
    assert full.search(SearchQuery()).total == 4
    assert dict(full.facets(SearchQuery(), ["district"])["district"])["Madre de Dios"] == 1


def test_upsert_same_id_twice_in_one_batch_keeps_the_last(index):
    first = make_record("primera versión", key="k")
    second = make_record("segunda versión", key="k")
    index.upsert([first, second])
    assert index.count() == 1 and index.get(first.id) == second


def test_extractor_versions_are_counted(index):
    old = make_record("primera versión", key="a").model_copy(update={"extractor_version": "legal-0.1.0"})
    index.upsert([old, make_record("segunda", key="b"), make_record("tercera", key="c")])
    assert index.extractor_versions() == {"legal-0.1.0": 1, make_record("x", key="d").extractor_version: 2}


def test_upsert_nothing(index):
    index.upsert([])
    assert index.count() == 0


def test_find_sha256(full):
    assert full.find_sha256(MINERIA.sha256) == (MINERIA.id, "test-1")
    assert full.find_sha256(sha_of("otro")) is None


def test_delete(fresh):
    full = fresh
    assert full.delete(ROBO.id) is True
    assert full.delete(ROBO.id) is False
    assert full.count() == 3
    assert full.get(ROBO.id) is None
    assert full.find_sha256(ROBO.sha256) is None
    assert found(full, "robo") == set()
    assert found(full, "", crime="robo_agravado") == set()
    assert full.search(SearchQuery(text="robo")).total == 0  # gone from the engine too, not only hidden
    assert full.search(SearchQuery()).total == 3
    assert "robo_agravado" not in dict(full.facets(SearchQuery(), ["crime"])["crime"])


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


# ---------------------------------------------------------------------------- fielded terms

@pytest.mark.parametrize(("text", "expected"), [
    ("juez:chambi", {TRATA.id, MINERIA.id}),                    # any case: "CHAMBI TUESTA"
    ('juez:"Zapata Machaca"', {TRATA.id}),                      # a ponente is a judge
    ("ponente:sullca", {ROBO.id}),
    ("juez:ñahui", {ROBO.id}),
    ("juez:nahui", set()),                                       # ñ is not n
    ('juez:"Tuesta Zapata"', set()),                            # a phrase never runs across two names
    ("juez:chamb*", {TRATA.id, MINERIA.id}),
    ("imputado:cahui", {TRATA.id}),
    ('acusado:"chalco vilca"', {MINERIA.id}),
    ("imputado:chambi", set()),                                  # a judge is not the accused
    ("delito:trata", {TRATA.id, MINERIA.id}),
    ("delito:trata_de_personas", {TRATA.id, MINERIA.id}),       # a taxonomy key
    ("delito:minería", {MINERIA.id}),
    ('delito:"robo agravado"', {ROBO.id}),
    ("articulo:153-A", {TRATA.id}),
    ("articulo:153a", {TRATA.id}),
    ("ARTÍCULO:153-a", {TRATA.id}),
    ("articulo:153", set()),                                     # 153 is not 153-A
    ("articulo:307*", {MINERIA.id}),
    ("expediente:00123-2019-45-2701-JR-PE-01", {TRATA.id}),
    ("expediente:123-2019", {TRATA.id}),
    ('expediente:"Exp. N.° 00123-2019-45"', {TRATA.id}),
    ('expediente:"Casación 904-2019"', {ROBO.id}),
    ('expediente:"R.N. 2204-2018"', {VIEJO.id}),
    ("expediente:904-2019", {ROBO.id}),
    ("distrito:puno", {ROBO.id}),
    ('distrito:"MADRE DE DIOS"', {TRATA.id, MINERIA.id}),
    ("distrito:madre*", {TRATA.id, MINERIA.id}),
    ("distrito:ventanilla OR distrito:cuzco", set()),           # aliases of Lima Noroeste, Cusco
    ("delito:peculado_doloso", {VIEJO.id}),                      # an alias of peculado
    ("delito:crimen_organizado", set()),                         # a family: any of its crimes
    ("delito:trata_de_personas OR delito:patrimonio", {TRATA.id, MINERIA.id}),  # 'patrimonio': label words
    ('cita:"Cas. 904-2019"', {TRATA.id, MINERIA.id}),
    ('cita:"Acuerdo Plenario N° 3-2011/CJ-116"', {TRATA.id, VIEJO.id}),
    ("trata juez:chambi -imputado:cahui", {MINERIA.id}),
    ("juez:zapata OR distrito:lima", {TRATA.id, VIEJO.id}),
    ("-juez:chambi", {ROBO.id, VIEJO.id}),
])
def test_fielded_terms(full, text, expected):
    assert found(full, text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("color:rojo", "Campo desconocido: color:"),
    ("juez:", "necesita un valor"),
    ("articulo:trata", "No se reconoce el valor de articulo:trata"),
    ('cita:"trata de personas"', "No se reconoce el valor de cita"),
    ("expediente:abc", "No se reconoce el valor de expediente:abc"),
    ("distrito:madre", "Distrito judicial desconocido: «madre»"),  # a district is matched whole
    ('distrito:"Madre de Diso"', "¿Quiso decir Madre de Dios"),
    ("delito:trata_personas", "Delito desconocido: «trata_personas». ¿Quiso decir trata_de_personas"),
])
def test_malformed_fielded_terms(full, text, message):
    with pytest.raises(QueryError, match=message):
        full.search(SearchQuery(text=text))


def test_fielded_name_is_highlighted_in_the_text(index):
    record = make_record("El acusado Juan Quispe Mamani declaró.", parties=(accused("Juan Quispe Mamani"),))
    index.upsert([record])
    hit = index.search(SearchQuery(text="imputado:quispe")).hits[0]
    assert "**Quispe**" in hit.snippet


# ---------------------------------------------------------------------------- more filters

@pytest.mark.parametrize(("filters", "expected"), [
    ({"court": "juzgado penal  COLEGIADO"}, {TRATA.id, MINERIA.id}),
    ({"level": CourtLevel.CORTE_SUPREMA}, {ROBO.id, VIEJO.id}),
    ({"article": "153 a"}, {TRATA.id}),
    ({"article": "387"}, {VIEJO.id}),
    ({"early_termination": EarlyTermination.CONCLUSION_ANTICIPADA}, {MINERIA.id}),
    ({"judge": "chambi tuesta"}, {TRATA.id, MINERIA.id}),
    ({"judge": "Chambi"}, set()),                                # the filter is the whole name
    ({"date_from": date(2020, 1, 1)}, {TRATA.id, ROBO.id}),
    ({"date_to": date(2021, 3, 11)}, {TRATA.id, MINERIA.id}),   # inclusive; undated left out
    ({"date_from": date(2019, 6, 1), "date_to": date(2021, 12, 31)}, {TRATA.id, MINERIA.id}),
    ({"protected": True}, {TRATA.id}),
    ({"protected": False}, {MINERIA.id, ROBO.id, VIEJO.id}),
    ({"cites": "Casación N.° 904-2019/Puno"}, {TRATA.id, MINERIA.id}),
    ({"cites": "R.N. 2204-2018", "level": CourtLevel.CORTE_SUPREMA}, {ROBO.id}),
])
def test_more_filters(full, filters, expected):
    assert found(full, "", **filters) == expected


def test_filters_with_text_and_facets(full):
    query = SearchQuery(text="trata OR robo", date_from=date(2020, 1, 1))
    assert found(full, query.text, date_from=query.date_from) == {TRATA.id, ROBO.id}
    assert full.facets(query, ["district", "level"]) == {
        "district": [("Madre de Dios", 1), ("Puno", 1)], "level": [("corte_suprema", 1), ("juzgado", 1)]}


def test_bad_filter_values_are_query_errors(full):
    with pytest.raises(QueryError, match="artículo"):
        full.search(SearchQuery(article="ciento"))
    with pytest.raises(QueryError, match="cita"):
        full.facets(SearchQuery(cites="la casación famosa"))


def test_pages_cover_the_whole_result_set_without_overlap(full):
    seen = []
    for offset in range(0, 4, 3):
        seen += ids(full.search(SearchQuery(text="-inexistente", limit=3, offset=offset)))
    assert sorted(seen) == sorted(r.id for r in ALL)
    assert full.search(SearchQuery(text="-inexistente", limit=3, offset=3)).total == 4


def test_iter_matching_follows_the_result_order(full):
    query = SearchQuery(district="Madre de Dios")
    records = list(full.iter_matching(query))
    assert [r.id for r in records] == ids(full.search(query)) == [TRATA.id, MINERIA.id]
    assert all(r.pages == [] for r in records)
    assert [r.ruling for r in records] == [TRATA.ruling, MINERIA.ruling]
    assert [r.pages for r in full.iter_matching(SearchQuery(text="peculado"), pages=True)] == [VIEJO.pages]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_the_deepest_page_a_query_may_ask_for_is_empty_not_an_error(full, sort):
    # Elasticsearch stops at 10,000 by default (max_result_window); the query model allows more
    from search.models import MAX_LIMIT, MAX_OFFSET

    page = full.search(SearchQuery(text="personas", sort=sort, offset=MAX_OFFSET, limit=MAX_LIMIT))
    assert page.hits == [] and page.total > 0
