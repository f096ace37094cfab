"""Outcome shares, conviction rates, early-resolution tools, appeals and penalties."""

from __future__ import annotations

import pytest

from schemas import DocKind as D, EarlyTermination as E, OutcomeKind as O, Penalty, ProceduralCode
from search.analytics import Corpus, Dimension, appeals, outcomes, penalties

from tests.analytics.factory import family_of, ids, record, ruling

N1 = "00001-2019-0-2101-JR-PE-01"
RECORDS = [
    ("s1", ruling(D.SENTENCIA, day="2020-05-01", number=N1, defendants=(("Ana Quispe", O.CONDENA),
                                                                          ("Luis Mamani", O.ABSOLUCION)),
                  penalties=(Penalty(defendant="Ana Quispe", prison_years=10, effective=True,
                                     reparacion_civil_soles=5000),))),
    # an annulled-and-retried copy: the later sentencia replaces s1 for Luis Mamani
    ("s1b", ruling(D.SENTENCIA, day="2021-05-01", number=N1, defendants=(("LUIS MAMANI", O.CONDENA),),
                   penalties=(Penalty(defendant="Luis Mamani", prison_years=3, effective=False,
                                      reparacion_civil_soles=1000),))),
    ("vista", ruling(D.SENTENCIA_VISTA, day="2021-09-01", number=N1, defendants=(("Ana Quispe", O.CONFIRMA),),
                     penalties=(Penalty(defendant="Ana Quispe", prison_years=8, effective=True,
                                        reparacion_civil_soles=5000),))),
    ("ta", ruling(D.AUTO, day="2020-02-01", number="00002-2019-0-2101-JR-PE-01", crimes=("mineria_ilegal",),
                  outcome=O.TERMINACION_ANTICIPADA_APROBADA, early=E.TERMINACION_ANTICIPADA,
                  penalties=(Penalty(prison_years=4, effective=False, reparacion_civil_soles=2000),))),
    ("pi", ruling(D.SENTENCIA, day="2021-02-01", number="00003-2020-0-2101-JR-PE-01", crimes=("robo_agravado",),
                  outcome=O.CONDENA, early=E.PROCESO_INMEDIATO,
                  penalties=(Penalty(cadena_perpetua=True, effective=True),))),
    ("sob", ruling(D.AUTO, day="2021-03-01", number="00004-2020-0-2101-JR-PE-01", outcome=O.SOBRESEIMIENTO)),
    ("pp", ruling(D.AUTO, day="2021-03-01", number="00005-2020-0-2101-JR-PE-01",
                  outcome=O.PRISION_PREVENTIVA_FUNDADA)),
    ("mixed", ruling(D.SENTENCIA, day="2021-04-01", number="00006-2020-0-2101-JR-PE-01", outcome=O.MIXTO)),
    ("blank", ruling(D.SENTENCIA, day="2021-04-01", number="00007-2020-0-2101-JR-PE-01")),
    ("old", ruling(D.SENTENCIA, day="2009-04-01", number="00008-2007-0-2101-JR-PE-01",
                   code=ProceduralCode.CDEPP1940, outcome=O.RESERVA_FALLO)),
    ("seg", ruling(D.SENTENCIA, day="2022-05-01", number="00009-2021-0-2101-JR-PE-01", outcome=O.MEDIDA_SEGURIDAD)),
    ("cas", ruling(D.CASACION, day="2022-01-01", district=None, number="casacion 3-2021", number_district="Puno",
                   defendants=(("A", O.CASACION_INFUNDADA), ("B", O.CASACION_IMPROCEDENTE)))),
    ("rn", ruling(D.RECURSO_NULIDAD, day="2010-01-01", number="recurso_nulidad 1-2009", number_district="Lima",
                  code=ProceduralCode.CDEPP1940, outcome=O.HABER_NULIDAD)),
]


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_records([record(r, k) for k, r in RECORDS], family_of)


def shares(breakdown):
    return {s.category: s.n for s in breakdown.shares if s.n}


def test_first_instance_outcomes(corpus):
    r = outcomes(corpus)
    t = r.total
    # Ana (s1), Luis (s1b replaces s1), ta, pi, sob, old, seg: seven decided defendants; the inimputable
    # under a medida de seguridad is neither convicted nor acquitted
    assert shares(t.first_instance) == {"condena": 3, "terminacion_anticipada_aprobada": 1,
                                        "reserva_fallo": 1, "sobreseimiento": 1, "medida_seguridad": 1}
    assert t.first_instance.n == 7
    assert (t.conviction_vs_acquittal.numerator, t.conviction_vs_acquittal.denominator) == (4, 4)
    assert t.conviction_of_decided.value == pytest.approx(4 / 7)
    condena = next(s for s in t.first_instance.shares if s.category == "condena")
    assert condena.doc_ids == ids("s1", "s1b", "pi") and condena.share == pytest.approx(3 / 7)
    assert {e.reason: e.doc_ids for e in r.excluded} == {
        "reemplazada": ids("s1"), "mixto_sin_detalle": ids("mixed"), "sin_resultado": ids("blank")}


def test_mechanisms_per_decision(corpus):
    t = outcomes(corpus).total
    assert t.mechanisms.n == 7  # s1, s1b, ta, pi, sob, old, seg
    assert shares(t.mechanisms) == {"terminacion_anticipada": 1, "proceso_inmediato": 1, "ninguno": 5}


def test_outcomes_by_year_and_code(corpus):
    by_year = {g.group: g.first_instance.n for g in outcomes(corpus, by=Dimension.ANIO).groups}
    assert by_year == {"2009": 1, "2020": 2, "2021": 3, "2022": 1}
    by_code = {g.group: shares(g.first_instance) for g in outcomes(corpus, by=Dimension.CODIGO).groups}
    assert by_code["cdepp1940"] == {"reserva_fallo": 1}


def test_appeals(corpus):
    t = appeals(corpus).total
    assert shares(t.apelacion) == {"confirma": 1}
    assert shares(t.casacion) == {"casacion_infundada": 1, "casacion_improcedente": 1}
    assert shares(t.nulidad) == {"haber_nulidad": 1}
    assert t.casacion.shares[1].share == pytest.approx(0.5)
    by_family = {g.group: g.casacion.n for g in appeals(corpus, by=Dimension.FAMILIA).groups}
    assert by_family == {"trata": 2}


def test_penalties_latest_per_defendant(corpus):
    r = penalties(corpus)
    t = r.total
    # Ana: the vista's 8 years replace the sentencia's 10; Luis: 3 suspended; ta: 4 suspended
    assert (t.prison_effective.n, t.prison_effective.median, t.prison_effective.doc_ids) == (1, 8, ids("vista"))
    assert (t.prison_suspended.n, t.prison_suspended.median) == (2, 3.5)
    assert (t.reparacion.n, t.reparacion.median, t.reparacion.min, t.reparacion.max) == (3, 2000, 1000, 5000)
    assert [(e.reason, e.doc_ids) for e in r.excluded] == [("reemplazada", ids("s1"))]
    groups = {g.group: g.prison_suspended.n for g in r.groups}
    assert groups == {"trata": 1, "mineria": 1, "patrimonio": 0}
    # a cadena perpetua has no years: counted apart, never in the years' distributions
    assert (t.cadena_perpetua, t.cadena_perpetua_ids) == (1, ids("pi"))
    assert {g.group: g.cadena_perpetua for g in r.groups if g.cadena_perpetua} == {"patrimonio": 1}
