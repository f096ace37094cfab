"""Precedent on every backend: more like this, cited by, cites."""

from datetime import date

import pytest

from schemas import QueryError
from search import SearchQuery, open_index

from tests.search.conftest import BACKENDS, drop_backend, open_backend
from tests.search.factory import make_record

TRATA_TEXT = ("La captación de la agraviada en el campamento minero de La Pampa, con engaño y oferta de "
              "trabajo, y su explotación sexual en el bar del campamento. La captación, el traslado y la "
              "acogida en el campamento configuran trata. La explotación y el engaño están probados; el "
              "campamento minero era de {who}. {extra}")
ROBO_TEXT = ("El robo agravado con arma de fuego en la vía pública de {where}; la sustracción del celular y "
             "la violencia contra el agraviado. El robo y la sustracción constan en el acta; el arma fue "
             "hallada. Robo con violencia. {extra}")

SOURCE = make_record(TRATA_TEXT.format(who="Huamán", extra="Primera instancia."), key="source",
                     crimes=("trata_de_personas",), case_numbers=("00123-2019-45-2701-JR-PE-01",), day=date(2020, 1, 1))
SAME_CASE = make_record(TRATA_TEXT.format(who="Huamán", extra="Sentencia de vista que confirma."), key="same",
                        crimes=("trata_de_personas",), case_numbers=("00123-2019-45-2701-SP-PE-01",),
                        day=date(2021, 1, 1))
SIMILAR = make_record(TRATA_TEXT.format(who="Quispe", extra="Otro proceso."), key="similar",
                      crimes=("trata_de_personas",), case_numbers=("00777-2020-1-2701-JR-PE-02",), day=date(2021, 5, 1))
SAME_CRIME = make_record("Trata de personas: la acusación no probó el medio comisivo; se absuelve.", key="crime",
                         crimes=("trata_de_personas",), day=date(2018, 1, 1))
OTHERS = [make_record(ROBO_TEXT.format(where=w, extra=f"Caso {i}."), key=f"robo{i}", crimes=("robo_agravado",),
                      case_numbers=(f"00{i}00-2018-0-2101-JR-PE-01",))
          for i, w in enumerate(["Juliaca", "Puno", "Lima", "Cusco", "Arequipa", "Tacna"], start=1)]
CORPUS = [SOURCE, SAME_CASE, SIMILAR, SAME_CRIME, *OTHERS]

CITED = make_record("Casación 904-2019. Se declara fundada.", key="cas", case_numbers=("Casación 904-2019",),
                    day=date(2019, 12, 1))
CITES_A = make_record("Conforme a la Casación N.° 904-2019/Puno, ...", key="a", day=date(2022, 1, 1),
                      citations=("Casación N.° 904-2019/Puno", "Acuerdo Plenario N.° 3-2011/CJ-116"))
CITES_B = make_record("Véase Cas. 904-2019.", key="b", day=date(2023, 1, 1), citations=("Cas. 904-2019",),
                      district="Puno")
CITES_OTHER = make_record("Véase R.N. 2204-2018.", key="c", day=date(2021, 1, 1), citations=("R.N. 2204-2018",))


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory):
    idx = open_backend(request.param, tmp_path_factory.mktemp(request.param))
    idx.upsert([*CORPUS, CITED, CITES_A, CITES_B, CITES_OTHER])
    yield idx
    drop_backend(idx)


def ids(results) -> list[str]:
    return [h.id for h in results.hits]


def test_more_like_this_finds_the_same_crime_and_reasoning(corpus):
    results = corpus.more_like_this(SOURCE.id, SearchQuery(limit=5))
    found = ids(results)
    assert found[0] == SIMILAR.id
    assert SAME_CRIME.id in found
    assert SOURCE.id not in found and SAME_CASE.id not in found  # itself, and the same case on appeal
    assert not set(found[:2]) & {r.id for r in OTHERS}
    assert results.hits[0].score > 0


def test_more_like_this_without_snippets_finds_the_same_rulings(corpus):
    with_snippets = corpus.more_like_this(SOURCE.id, SearchQuery(limit=5))
    without = corpus.more_like_this(SOURCE.id, SearchQuery(limit=5, snippets=False))
    assert ids(without) == ids(with_snippets) and ids(without)
    assert all(h.snippet == "" for h in without.hits) and any(h.snippet for h in with_snippets.hits)


def test_more_like_this_takes_filters_and_pages(corpus):
    assert ids(corpus.more_like_this(SOURCE.id, SearchQuery(date_from=date(2021, 1, 1)))) == [SIMILAR.id]
    assert len(corpus.more_like_this(SOURCE.id, SearchQuery(limit=1)).hits) == 1


def test_more_like_this_of_an_unknown_id(corpus):
    with pytest.raises(QueryError, match="No hay ningún documento"):
        corpus.more_like_this("0000000000000000")


@pytest.mark.parametrize("citation", ["Casación N.° 904-2019/Puno", "Cas. 904-2019", "casacion 904-2019",
                                      "CASACIÓN Nº 904-2019"])
def test_cited_by_in_any_written_form(corpus, citation):
    results = corpus.cited_by(citation)
    assert ids(results) == [CITES_B.id, CITES_A.id]  # newest first
    assert results.total == 2


def test_cited_by_with_filters(corpus):
    assert ids(corpus.cited_by("Cas. 904-2019", SearchQuery(district="Puno"))) == [CITES_B.id]
    assert ids(corpus.cited_by("R.N. 2204-2018")) == [CITES_OTHER.id]
    assert ids(corpus.cited_by("Acuerdo Plenario 3-2011/CJ-116")) == [CITES_A.id]


def test_cited_by_refuses_what_is_not_a_citation(corpus):
    with pytest.raises(QueryError, match="No se reconoce la cita"):
        corpus.cited_by("la casación de Puno")


def test_cites_lists_the_precedents_and_finds_the_indexed_ones(corpus):
    cited = corpus.cites(CITES_A.id)
    assert [(c.kind, c.normalized, c.indexed) for c in cited] == [
        ("casacion", "casacion 904-2019", [CITED.id]),
        ("acuerdo_plenario", "acuerdo_plenario 3-2011/CJ-116", []),
    ]
    assert cited[0].raw == "Casación N.° 904-2019/Puno"


def test_citing_a_ruling_by_its_own_number(corpus):
    assert ids(corpus.citing(CITED.id)) == [CITES_B.id, CITES_A.id]
    assert corpus.citing(SOURCE.id).total == 0  # a lower-court number is not cited as precedent


def test_an_acuerdo_plenario_read_from_its_text_is_found_by_the_rulings_citing_it(tmp_path):
    """Extracted, not built by hand: the Acuerdo Plenario's own number is its case number, not
    a citation of itself, and a ruling that cites it is among those citing it."""
    from flows.pool import record_of
    from schemas import DocumentText, Page

    def doc(name: str, text: str) -> DocumentText:
        import hashlib
        return DocumentText(path=name, sha256=hashlib.sha256(text.encode()).hexdigest(), file_type="text",
                            page_count=1, pages=[Page(number=1, text=text, method="text_layer")])

    plenario = record_of(doc("ap.txt", (
        "CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA\nXII PLENO JURISDICCIONAL DE LAS SALAS PENALES PERMANENTE, "
        "TRANSITORIAS Y ESPECIAL\n\nACUERDO PLENARIO N.° 2-2023/CIJ-112\n\nLima, veintiocho de noviembre de dos mil "
        "veintitrés\n\nLos jueces supremos de lo penal, reunidos en Pleno Jurisdiccional, han pronunciado el "
        "siguiente:\n\nACUERDO PLENARIO\n\nI. FUNDAMENTOS JURÍDICOS\n1. Véase el Acuerdo Plenario N.° 1-2019/CIJ-116.\n"
        "\nII. DECISIÓN\n2. ESTABLECER como doctrina legal los criterios expuestos.\n")))
    assert [c.normalized for c in plenario.ruling.case_numbers] == ["acuerdo_plenario 2-2023/CIJ-112"]
    assert [c.normalized for c in plenario.ruling.citations] == ["acuerdo_plenario 1-2019/CIJ-116"]
    ruling = record_of(doc("s.txt", (
        "CORTE SUPERIOR DE JUSTICIA DE PIURA\nSALA PENAL DE APELACIONES\n\nAUTO DE VISTA\n\nPiura, 5 de enero de "
        "2024\n\nVISTOS: la apelación.\n\nCONSIDERANDO:\nPRIMERO. Conforme al Acuerdo Plenario N.° 2-2023/CIJ-112, "
        "la prisión preventiva exige peligro procesal.\n\nRESUELVE: CONFIRMAR la resolución.\n")))
    with open_index(tmp_path / "i.sqlite") as idx:
        idx.upsert([plenario, ruling])
        assert [h.id for h in idx.citing(plenario.id).hits] == [ruling.id]
