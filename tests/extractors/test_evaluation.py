"""Scoring rules of ``extractors.evaluation``, one row per rule."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.evaluation import FIELDS, Counts, aggregate, names_match, score
from schemas import (
    CaseNumber,
    Charge,
    Citation,
    Court,
    DefendantOutcome,
    Event,
    Outcome,
    Party,
    Penalty,
    Ruling,
)


def R(**kw) -> Ruling:
    return Ruling(**kw)


def P(name: str, role: str, protected: bool = False) -> Party:
    return Party(name=name, role=role, protected=protected)


def CN(norm: str) -> CaseNumber:
    return CaseNumber(raw=norm, normalized=norm, kind="expediente")


@pytest.mark.parametrize("predicted, truth, field, expected", [
    # single-valued: equal, wrong, missing, spurious, absent on both sides
    (R(doc_kind="casacion"), R(doc_kind="casacion"), "doc_kind", Counts(1, 0, 0)),
    (R(doc_kind="auto"), R(doc_kind="casacion"), "doc_kind", Counts(0, 1, 1)),
    (R(), R(doc_kind="casacion"), "doc_kind", Counts(0, 0, 1)),
    (R(resolution_date=date(2020, 1, 1)), R(), "resolution_date", Counts(0, 1, 0)),
    (R(), R(), "resolution_date", Counts(0, 0, 0)),
    (R(procedural_code="desconocido"), R(procedural_code="ncpp"), "procedural_code", Counts(0, 0, 1)),
    (R(early_termination="proceso_inmediato"), R(early_termination="proceso_inmediato"), "early_termination", Counts(1, 0, 0)),
    # court name and place are folded
    (R(court=Court(name="SALA PENAL  PERMANENTE")), R(court=Court(name="Sala Penal Permanente")), "court_name", Counts(1, 0, 0)),
    (R(place="Juliaca"), R(place="JULIACA"), "place", Counts(1, 0, 0)),
    (R(court=Court(district="Cusco", level="juzgado")), R(court=Court(district="Cusco", level="corte_superior")),
     "court_level", Counts(0, 1, 1)),
    # sets
    (R(case_numbers=[CN("a"), CN("b")]), R(case_numbers=[CN("a"), CN("c")]), "case_numbers", Counts(1, 1, 1)),
    (R(charges=[Charge(crime="robo_agravado", label="x", articles=["188", "189"])]),
     R(charges=[Charge(crime="robo_agravado", label="y", articles=["189"])]), "articles", Counts(1, 1, 0)),
    (R(charges=[Charge(crime=None, label="x")]), R(charges=[Charge(crime="peculado", label="p")]), "charges", Counts(0, 0, 1)),
    (R(citations=[Citation(kind="casacion", raw="x", normalized="casacion 1-2020")]),
     R(citations=[Citation(kind="casacion", raw="y", normalized="casacion 1-2020")]), "citations", Counts(1, 0, 0)),
    # events are a multiset of (kind, date)
    (R(events=[Event(kind="apelacion", date=date(2021, 7, 8))]),
     R(events=[Event(kind="apelacion", date=date(2021, 7, 8)), Event(kind="apelacion", date=date(2021, 7, 8))]),
     "events", Counts(1, 0, 1)),
    # people: fuzzy names, surname-only truth, roles kept apart
    (R(parties=[P("Nilda Yanet Condori Apaza", "imputado")]), R(parties=[P("Nilda Yaneth Condori Apaza", "imputado")]),
     "defendants", Counts(1, 0, 0)),
    (R(parties=[P("Hernán Soria Macedo", "juez")]), R(parties=[P("Soria Macedo", "juez")]), "judges", Counts(1, 0, 0)),
    (R(parties=[P("Soria Macedo", "juez")]), R(parties=[P("Hernán Soria Macedo", "juez")]), "judges", Counts(0, 1, 1)),
    (R(parties=[P("Mamani Coaquira", "juez"), P("Mamani Coaquira", "ponente")]),
     R(parties=[P("Mamani Coaquira", "juez")]), "judges", Counts(1, 1, 0)),
    (R(parties=[P("Mamani Coaquira", "juez")]), R(parties=[P("Mamani Coaquira", "ponente")]), "ponente", Counts(0, 0, 1)),
    (R(parties=[P("Y.Ch.C.", "agraviado", True)]), R(parties=[P("Y. Ch. C.", "agraviado", True)]), "victims", Counts(1, 0, 0)),
    (R(parties=[P("R.M.Q.", "agraviado", True)]), R(parties=[P("R.M.C.", "agraviado", True)]), "victims", Counts(0, 1, 1)),
    (R(parties=[P("Aurelio Cahui Mamani", "defensa")]), R(parties=[P("Aurelio Cahui Mamani", "fiscal")]), "fiscal", Counts(0, 0, 1)),
    # outcomes
    (R(outcome=Outcome(kind="mixto", by_defendant=[DefendantOutcome(name="Ana Ruiz Paz", kind="condena"),
                                                    DefendantOutcome(name="Luis Soto Rey", kind="condena")])),
     R(outcome=Outcome(kind="mixto", by_defendant=[DefendantOutcome(name="Ana Ruiz Paz", kind="condena"),
                                                    DefendantOutcome(name="Luis Soto Rey", kind="absolucion")])),
     "outcome_by_defendant", Counts(1, 1, 1)),
    (R(outcome=Outcome(kind="confirma")), R(outcome=None), "outcome", Counts(0, 1, 0)),
    # penalties: per defendant, years within 0.01, effective and reparación agree
    (R(penalties=[Penalty(defendant="Ana Ruiz Paz", prison_years=3.7501, effective=False, reparacion_civil_soles=3000)]),
     R(penalties=[Penalty(defendant="Ana Ruiz Paz", prison_years=3.75, effective=False, reparacion_civil_soles=3000.0)]),
     "penalties", Counts(1, 0, 0)),
    (R(penalties=[Penalty(defendant="Ana Ruiz Paz", prison_years=4, effective=True)]),
     R(penalties=[Penalty(defendant="Ana Ruiz Paz", prison_years=4, effective=False)]), "penalties", Counts(0, 1, 1)),
])
def test_score_rules(predicted, truth, field, expected):
    assert score(predicted, truth)[field] == expected


@pytest.mark.parametrize("a, b, same", [
    ("Chuquimango Arévalo", "CHUQUIMANGO ARÉVALO", True),
    ("Teófilo Corimanya Huillca", "Teófilo Ccorimanya Huillca", True),
    ("Edwin Alcides Huarcaya Ttito", "Huarcaya Ttito", True),   # truth surname-only
    ("Huarcaya Ttito", "Edwin Alcides Huarcaya Ttito", False),  # prediction surname-only
    ("Jorge Luis Vásquez Ahuanari", "Luz Marina Tapullima Sangama", False),
    ("A. R. Y.", "A.R.Y.", True),
    ("A.R.Y.", "Ana Rosa Yupanqui", False),
])
def test_names_match(a, b, same):
    assert names_match(a, b) is same


@pytest.mark.parametrize("predicted, truth, field, expected", [
    # actor civil and third persons (witnesses, experts) score like the other people
    ([P("Procuraduría Pública Especializada en Delitos Ambientales", "actor_civil")],
     [P("Procuraduria Publica Especializada en Delitos Ambientales", "actor_civil")], "actor_civil", Counts(1, 0, 0)),
    ([P("R.Q.L.", "tercero", True), P("Segundo Eusebio Lluén Cajusol", "tercero")],
     [P("R. Q. L.", "tercero", True)], "terceros", Counts(1, 1, 0)),
    ([P("R.Q.L.", "agraviado", True)], [P("R.Q.L.", "tercero", True)], "terceros", Counts(0, 0, 1)),
])
def test_actor_civil_and_terceros(predicted, truth, field, expected):
    assert score(R(parties=predicted), R(parties=truth))[field] == expected


def test_score_has_every_field_and_aggregate_micro_averages():
    s1 = score(R(doc_kind="auto"), R(doc_kind="auto"))
    s2 = score(R(doc_kind="sentencia"), R(doc_kind="auto"))
    assert set(s1) == set(FIELDS)
    agg = aggregate([s1, s2])
    assert (agg["doc_kind"].tp, agg["doc_kind"].fp, agg["doc_kind"].fn) == (1, 1, 1)
    assert agg["doc_kind"].precision == 0.5 and agg["doc_kind"].recall == 0.5 and agg["doc_kind"].f1 == 0.5
    # nothing predicted and nothing true counts as perfect
    assert agg["citations"].f1 == 1.0


def test_redactions_count_a_covered_spelling_once_and_an_uncovered_one_as_missed():
    from schemas import Redaction

    truth = Ruling(redactions=[Redaction(text="Rosa Elvira Ccori Mamani", replacement="clave 1-2020"),
                               Redaction(text="Noemí Torres Laura", replacement="N.T.L.")])
    found = Ruling(redactions=[Redaction(text="Declaró Rosa Elvira Ccori Mamani", replacement="x"),
                               Redaction(text="Elvira Ccori Mamani", replacement="x"),
                               Redaction(text="Segundo Pacaya Reátegui", replacement="x")])
    assert score(found, truth)["redactions"] == Counts(tp=1, fp=1, fn=1)
