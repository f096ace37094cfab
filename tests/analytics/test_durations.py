"""Durations per case: completed, open (censored), and every exclusion reason, with ids."""

from __future__ import annotations

import pytest

from schemas import DocKind as D, OutcomeKind as O, QueryError
from search import open_index
from search.analytics import Corpus, Dimension, Filters, durations

from tests.analytics.factory import family_of, ids, record, ruling

F = "2019-06-10"
RECORDS = [
    # key, ruling
    ("done", ruling(D.SENTENCIA, day="2020-06-10", number="00001-2019-0-2101-JR-PE-01", outcome=O.CONDENA,
                    events={"formalizacion": F})),  # 366 days (2020 is a leap year)
    ("open", ruling(D.AUTO, day="2021-01-10", number="00002-2021-1-2101-JR-PE-01",
                    outcome=O.PRISION_PREVENTIVA_FUNDADA, events={"formalizacion": "2021-01-05"})),
    ("nostart", ruling(D.SENTENCIA, day="2020-01-01", number="00003-2019-0-2101-JR-PE-01", outcome=O.CONDENA)),
    ("undated", ruling(D.CASACION, day="2022-05-05", district=None, number="casacion 5-2021",
                       number_district="Puno", outcome=O.CASACION_INFUNDADA,
                       events={"formalizacion": "2018-01-01", "sentencia_vista": "2021-01-01"})),
    ("other", ruling(D.AUTO, day="2020-03-01", number="00005-2019-0-2101-JR-PE-01", outcome=O.SOBRESEIMIENTO,
                     events={"formalizacion": "2019-01-01"})),
    ("backwards", ruling(D.SENTENCIA, day="2018-01-01", number="00006-2019-0-2101-JR-PE-01",
                         outcome=O.ABSOLUCION, events={"formalizacion": "2019-01-01"})),
    ("cusco1", ruling(D.SENTENCIA, day="2021-03-01", district="Cusco", number="00007-2020-0-1001-JR-PE-01",
                      crimes=("mineria_ilegal",), outcome=O.CONDENA, events={"formalizacion": "2020-03-01"})),
    ("cusco2", ruling(D.SENTENCIA, day="2021-04-11", district="Cusco", number="00008-2021-0-1001-JR-PE-01",
                      crimes=("mineria_ilegal",), outcome=O.CONDENA, events={"formalizacion": "2021-01-01"})),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    with open_index(tmp_path_factory.mktemp("i") / "i.sqlite") as index:  # a real SQLite index
        index.upsert([record(r, key) for key, r in RECORDS])
        return Corpus.from_index(index, family_of=family_of)


def _excluded(group):
    return {e.reason: (e.n, e.doc_ids) for e in group.excluded}


def test_every_case_is_completed_open_or_excluded_with_a_reason(corpus):
    r = durations(corpus, "formalizacion", "sentencia")
    t = r.total
    assert t.cases == 8
    assert sorted(r.cases[i].days for i in range(len(r.cases)) if not r.cases[i].censored) == [100, 365, 366]
    assert (t.completed.n, t.completed.median, t.completed.p25, t.completed.p75) == (3, 365, 232.5, 365.5)
    assert t.completed.doc_ids == ids("done", "cusco1", "cusco2")
    assert (t.open.n, t.open.doc_ids) == (1, ids("open"))
    assert _excluded(t) == {
        "sin_inicio": (1, ids("nostart")), "fin_sin_fecha": (1, ids("undated")),
        "otra_via": (1, ids("other")), "fin_antes_de_inicio": (1, ids("backwards"))}
    assert t.completed.n + t.open.n + sum(e.n for e in t.excluded) == t.cases
    # the open case is censored at its latest date (5 days) and enters Kaplan–Meier only
    opened = next(c for c in r.cases if c.censored)
    assert (opened.days, opened.end, opened.end_doc) == (5, None, ids("open")[0])
    assert (t.km.n, t.km.events, t.km.censored, t.km.median) == (4, 3, 1, 365)


def test_groups_by_district_and_year(corpus):
    by_district = {g.group: g for g in durations(corpus, "formalizacion", "sentencia", by=Dimension.DISTRITO).groups}
    assert list(by_district) == ["Puno", "Cusco"]  # largest first
    assert (by_district["Cusco"].completed.n, by_district["Cusco"].completed.median) == (2, 232.5)
    assert by_district["Cusco"].km is None  # no open case there
    assert by_district["Puno"].completed.doc_ids == ids("done")
    by_year = {g.group: g.completed.n for g in durations(corpus, "formalizacion", "sentencia", by=Dimension.ANIO).groups}
    assert by_year == {"2018": 0, "2020": 1, "2021": 2, "2022": 0}  # year of the end, else of the latest date


def test_filters(corpus):
    mining = durations(corpus, "formalizacion", "sentencia", filters=Filters(crime="mineria"))
    assert mining.total.cases == 2 and mining.filters.crime == "mineria"
    assert durations(corpus, "formalizacion", "sentencia", filters=Filters(district="puno")).total.cases == 6
    assert durations(corpus, "formalizacion", "sentencia", filters=Filters(year_from=2021)).total.completed.n == 2


def test_disposicion_counts_any_end_of_the_first_instance(corpus):
    r = durations(corpus, "formalizacion", "disposicion")
    assert r.total.completed.n == 4  # the sobreseimiento now ends it too
    assert "otra_via" not in _excluded(r.total)


def test_appeal_stages_wait_only_once_an_appeal_is_filed():
    corpus = Corpus.from_records([
        record(ruling(D.SENTENCIA_VISTA, day="2021-01-01", number="00001-2019-0-2101-JR-PE-01",
                      outcome=O.CONFIRMA, events={"sentencia_vista": "2020-01-01"}), "final"),
        record(ruling(D.SENTENCIA_VISTA, day="2021-02-01", number="00002-2019-0-2101-JR-PE-01",
                      outcome=O.CONFIRMA, events={"casacion": "2021-02-20"}), "filed"),
        record(ruling(D.CASACION, day="2022-02-01", number="casacion 1-2021", number_district="Puno",
                      outcome=O.CASACION_FUNDADA, events={"sentencia_vista": "2021-02-01", "casacion": "2021-02-20"}),
               "decided"),
    ])
    r = durations(corpus, "vista", "casacion")
    assert (r.total.completed.n, r.total.completed.median) == (1, 365)
    assert (r.total.open.n, r.total.open.doc_ids) == (1, ids("filed"))
    assert _excluded(r.total) == {"no_recurrida": (1, ids("final"))}
    filing = durations(corpus, "sentencia_vista", "casacion_interpuesta")
    assert filing.total.completed.n == 2 and filing.total.open.n == 0


def test_an_auto_de_vista_on_an_incident_leaves_the_case_open():
    """The appeal an auto de vista on prisión preventiva recites is the appeal of that auto: the
    case has not passed its sentencia (it is open), and no appeal of a sentencia is on record."""
    corpus = Corpus.from_records([record(ruling(
        D.AUTO, day="2021-03-01", number="00009-2020-4-2101-JR-PE-01", outcome=O.CONFIRMA, level=None,
        events={"formalizacion": "2020-10-01", "apelacion": "2021-01-20"}), "vista_pp")])
    t = durations(corpus, "formalizacion", "sentencia").total
    assert (t.open.n, t.open.doc_ids, _excluded(t)) == (1, ids("vista_pp"), {})
    assert durations(corpus, "sentencia", "apelacion").total.completed.n == 0


def test_old_code_cases_take_the_recurso_de_nulidad_path():
    corpus = Corpus.from_records([record(ruling(
        D.RECURSO_NULIDAD, day="2015-01-01", number="recurso_nulidad 7-2014", number_district="Lima",
        outcome=O.NO_HABER_NULIDAD, events={"sentencia_primera": "2013-01-01", "recurso_nulidad": "2013-01-03"}), "rn")])
    assert _excluded(durations(corpus, "sentencia", "vista").total) == {"otra_via": (1, ids("rn"))}
    assert durations(corpus, "sentencia", "nulidad").total.completed.median == 730


def test_bad_pairs():
    with pytest.raises(QueryError):
        durations(Corpus([]), "sentencia", "formalizacion")
    with pytest.raises(QueryError):
        durations(Corpus([]), "juicio", "sentencia")
    assert durations(Corpus([]), "hechos", "sentencia").total.completed.n == 0


def test_documents_with_dropped_milestones_are_counted_not_hidden():
    from schemas import ExtractionWarning, WarningCode

    flagged = ruling(D.SENTENCIA, day="2020-06-10", number="00011-2019-0-2101-JR-PE-01", outcome=O.CONDENA,
                     events={"formalizacion": F}).model_copy(update={"warnings": [ExtractionWarning(
                         code=WarningCode.EVENT_AFTER_RULING, field="events", message="hito posterior")]})
    clean = ruling(D.SENTENCIA, day="2020-07-10", number="00012-2019-0-2101-JR-PE-01", outcome=O.CONDENA,
                   events={"formalizacion": F})
    corpus = Corpus.from_records([record(flagged, "flagged"), record(clean, "clean")], family_of)
    result = durations(corpus, "formalizacion", "sentencia_primera")
    assert result.dropped_events.n == 1
    assert result.dropped_events.doc_ids == [record(flagged, "flagged").id]
    assert result.total.completed.n == 2
