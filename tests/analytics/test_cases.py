"""Milestone names and aliases, case keys, and how documents merge into case timelines."""

from __future__ import annotations

import pytest

from schemas import CaseNumber, CaseNumberKind as K, CourtLevel, DocKind, OutcomeKind as O, QueryError
from search.analytics import Corpus, Milestone as M, case_key, parse_milestone
from search.analytics.milestones import check_pair, own_milestone

from tests.analytics.factory import d, family_of, ids, record, ruling


@pytest.mark.parametrize("text,expected", [
    ("sentencia", M.SENTENCIA_PRIMERA), ("sentencia_primera", M.SENTENCIA_PRIMERA),
    ("Sentencia de primera instancia", M.SENTENCIA_PRIMERA), ("formalización", M.FORMALIZACION),
    ("FORMALIZACION", M.FORMALIZACION), ("hechos", M.HECHOS), ("vista", M.SENTENCIA_VISTA),
    ("sentencia de vista", M.SENTENCIA_VISTA), ("casación", M.CASACION), ("recurso de casación", M.CASACION_INTERPUESTA),
    ("nulidad", M.RECURSO_NULIDAD), ("R.N.", M.RECURSO_NULIDAD), ("apertura", M.APERTURA_INSTRUCCION),
    ("acusación", M.ACUSACION), ("enjuiciamiento", M.AUTO_ENJUICIAMIENTO), ("fin", M.DISPOSICION),
    ("terminacion anticipada", M.TERMINACION_ANTICIPADA), ("apelación", M.APELACION),
])
def test_parse_milestone(text, expected):
    assert parse_milestone(text) is expected


def test_unknown_milestone_is_a_spanish_query_error():
    with pytest.raises(QueryError, match="Hito desconocido: «juicio»"):
        parse_milestone("juicio")


def test_durations_run_forward():
    check_pair(M.FORMALIZACION, M.SENTENCIA_PRIMERA)
    with pytest.raises(QueryError, match="posterior"):
        check_pair(M.SENTENCIA_PRIMERA, M.FORMALIZACION)


@pytest.mark.parametrize("kind,outcomes,level,expected", [
    (DocKind.SENTENCIA, [O.CONDENA], None, M.SENTENCIA_PRIMERA),
    (DocKind.SENTENCIA_VISTA, [O.CONFIRMA], None, M.SENTENCIA_VISTA),
    (DocKind.CASACION, [O.CASACION_FUNDADA], None, M.CASACION),
    (DocKind.RECURSO_NULIDAD, [O.HABER_NULIDAD], None, M.RECURSO_NULIDAD),
    (DocKind.AUTO, [O.SOBRESEIMIENTO], None, M.SOBRESEIMIENTO),
    (DocKind.AUTO, [O.TERMINACION_ANTICIPADA_APROBADA], None, M.TERMINACION_ANTICIPADA),
    (DocKind.AUTO, [O.CASACION_IMPROCEDENTE], CourtLevel.CORTE_SUPREMA, M.CASACION),
    (DocKind.AUTO, [O.CASACION_IMPROCEDENTE], CourtLevel.CORTE_SUPERIOR, None),  # calificación below
    (DocKind.AUTO, [O.PRISION_PREVENTIVA_FUNDADA], None, None),
    (DocKind.AUTO, [O.MIXTO, O.PRISION_PREVENTIVA_FUNDADA, O.SOBRESEIMIENTO], None, M.SOBRESEIMIENTO),
    (DocKind.ACUERDO_PLENARIO, [], None, None),
])
def test_own_milestone(kind, outcomes, level, expected):
    assert own_milestone(kind, outcomes, level) is expected


@pytest.mark.parametrize("normalized,kind,district,key", [
    ("00123-2019-45-2701-JR-PE-01", K.EXPEDIENTE, "Madre de Dios", "exp 123-2019-2701"),
    ("00123-2019-0-2701-SP-PE-02", K.EXPEDIENTE, None, "exp 123-2019-2701"),  # incident, organ, court ignored
    ("00123-2019-45-2701", K.EXPEDIENTE, None, "exp 123-2019-2701"),
    ("00123-2019-0-2701-JR-FC-01", K.EXPEDIENTE, None, "exp 123-2019-2701-FC"),
    ("00874-2013-52", K.EXPEDIENTE, "Madre de Dios", "exp 874-2013/madre de dios"),
    ("00874-2013", K.EXPEDIENTE, None, "exp 874-2013"),
    ("casacion 2045-2018", K.CASACION, "Puno", "casacion 2045-2018/puno"),
    ("recurso_nulidad 1234-2017", K.RECURSO_NULIDAD, "Lima", "recurso_nulidad 1234-2017/lima"),
    ("recurso_nulidad 1234-2017", K.RECURSO_NULIDAD, None, "recurso_nulidad 1234-2017"),
])
def test_case_key(normalized, kind, district, key):
    assert case_key(CaseNumber(raw=normalized, normalized=normalized, kind=kind, district=district)) == key


def test_documents_sharing_a_number_are_one_case_with_one_timeline():
    long = "00123-2019-0-2101-JR-PE-01"
    corpus = Corpus.from_records([
        # the prisión preventiva incident, the sentencia and the appeal of one case
        record(ruling(DocKind.AUTO, day="2019-03-02", number="00123-2019-45-2101-JR-PE-01",
                      outcome=O.PRISION_PREVENTIVA_FUNDADA, events={"formalizacion": "2019-03-01"}), "pp"),
        record(ruling(DocKind.SENTENCIA, day="2020-06-10", number=long, outcome=O.CONDENA,
                      events={"formalizacion": "2019-03-05", "hechos": ["2019-02-20", "2019-02-10"],
                              "sentencia_primera": "2020-06-01"}), "s1"),
        record(ruling(DocKind.SENTENCIA_VISTA, day="2021-01-15", number=long, outcome=O.CONFIRMA,
                      events={"sentencia_primera": "2020-06-09", "apelacion": "2020-06-15"}), "sv"),
        record(ruling(DocKind.SENTENCIA, day="2020-01-01", number=None, outcome=O.ABSOLUCION), "alone"),
    ], family_of)
    assert len(corpus.cases) == 2
    case = corpus.case_of[ids("s1")[0]]
    assert case.key == "exp 123-2019-2101" and sorted(case.doc_ids) == ids("pp", "s1", "sv")
    m = case.milestones
    assert m[M.FORMALIZACION].date == d("2019-03-01")  # earliest recited date
    assert m[M.HECHOS].date == d("2019-02-10")
    # the sentencia's own date outranks the dates the other documents recite for it
    assert (m[M.SENTENCIA_PRIMERA].date, m[M.SENTENCIA_PRIMERA].doc_id) == (d("2020-06-10"), ids("s1")[0])
    assert m[M.DISPOSICION] == m[M.SENTENCIA_PRIMERA]
    assert m[M.APELACION].date == d("2020-06-15")  # a filing date
    assert m[M.SENTENCIA_VISTA].date == d("2021-01-15")
    assert case.latest.date == d("2021-01-15")
    assert (case.district, case.families) == ("Puno", ("trata",))
    assert corpus.case_of[ids("alone")[0]].key == f"doc {ids('alone')[0]}"


def test_supreme_numbers_merge_only_within_their_district():
    corpus = Corpus.from_records([
        record(ruling(DocKind.CASACION, day="2022-01-01", number="casacion 412-2020", number_kind=K.CASACION,
                      number_district=district, district=None), key)
        for key, district in (("a", "Puno"), ("b", "Puno"), ("c", "Cusco"))])
    assert sorted(len(c.docs) for c in corpus.cases) == [1, 2]


def test_numbers_link_transitively():
    corpus = Corpus.from_records([
        record(ruling(number="00001-2018-0-2101-JR-PE-01").model_copy(update={"case_numbers": [
            CaseNumber(raw="x", normalized="00001-2018-0-2101-JR-PE-01", kind=K.EXPEDIENTE),
            CaseNumber(raw="y", normalized="casacion 9-2020", kind=K.CASACION, district="Puno")]}), "a"),
        record(ruling(DocKind.CASACION, number="casacion 9-2020", number_kind=K.CASACION, number_district="Puno"), "b"),
        record(ruling(number="00001-2018-3-2101-JR-PE-01"), "c"),
    ])
    assert len(corpus.cases) == 1 and len(corpus.cases[0].keys) == 2
