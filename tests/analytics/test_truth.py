"""The indicators equal what one computes directly from the generator's ground truth.

Sample documents are generated with their truth (``*.truth.json``, a ``Ruling``); the truth
records go into a real SQLite index; the figures read back through ``Corpus.from_index``
must equal medians, quartiles and shares computed here independently with numpy from the
truth files. Each generated document is its own case; the few whose case number another
document shares (the generator draws numbers at random) are left out so that each truth
file is one case.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import datetime, timezone

import numpy as np
import pytest

from samples import generate
from extractors.data.crimes import family_of
from schemas import DocKind, IndexRecord, OutcomeKind as O, Ruling
from search import open_index
from search.analytics import Corpus, Dimension, appeals, case_key, durations, outcomes, penalties

COUNT, SEED = 400, 11
FIRST = [O.CONDENA, O.TERMINACION_ANTICIPADA_APROBADA, O.CONCLUSION_ANTICIPADA, O.RESERVA_FALLO,
         O.ABSOLUCION, O.SOBRESEIMIENTO]
CONVICTED = {O.CONDENA, O.TERMINACION_ANTICIPADA_APROBADA, O.CONCLUSION_ANTICIPADA}
OWN = {DocKind.SENTENCIA: "sentencia_primera", DocKind.SENTENCIA_VISTA: "sentencia_vista",
       DocKind.CASACION: "casacion", DocKind.RECURSO_NULIDAD: "recurso_nulidad"}


@pytest.fixture(scope="module")
def truth(tmp_path_factory) -> dict[str, Ruling]:
    out = tmp_path_factory.mktemp("corpus")
    docs = generate(out, count=COUNT, seed=SEED, scanned_ratio=0.0, text_only=True)
    rulings = {doc.name: Ruling.model_validate_json(doc.truth_path.read_text(encoding="utf-8")) for doc in docs}
    keys = Counter(case_key(r.case_numbers[0]) for r in rulings.values())
    return {name: r for name, r in rulings.items() if keys[case_key(r.case_numbers[0])] == 1}


@pytest.fixture(scope="module")
def corpus(truth, tmp_path_factory) -> Corpus:
    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    records = []
    for name, r in truth.items():
        sha = hashlib.sha256(name.encode()).hexdigest()
        records.append(IndexRecord(id=name, path=f"{name}.txt", sha256=sha, file_type="text", page_count=1,
                                   pages=[name], ruling=r, extractor_version="truth", ingested_at=now))
    with open_index(tmp_path_factory.mktemp("index") / "truth.sqlite") as index:
        index.upsert(records)
        assert index.count() == len(truth) > COUNT * 0.9
        return Corpus.from_index(index, family_of=family_of)


# -- independent computations from the truth files ----------------------------------------

def own(r: Ruling) -> str | None:
    if r.doc_kind in OWN:
        return OWN[r.doc_kind]
    if r.outcome and r.outcome.kind == O.SOBRESEIMIENTO:
        return "sobreseimiento"
    if r.outcome and r.outcome.kind == O.TERMINACION_ANTICIPADA_APROBADA:
        return "terminacion_anticipada"
    return None


# a recited casación or recurso de nulidad is its filing; the Supreme ruling is the milestone
RULED_ONLY = {"casacion", "recurso_nulidad"}


def date_of(r: Ruling, milestone: str):
    if own(r) == milestone:
        return r.resolution_date
    if milestone in RULED_ONLY:
        return None
    if milestone == "apelacion" and r.doc_kind == DocKind.AUTO and own(r) is None:
        return None  # an incident's auto de vista recites the appeal of an auto, not of the sentencia
    dates = [e.date for e in r.events if e.kind.value == milestone]
    return min(dates) if dates else None


def district(r: Ruling) -> str:
    return r.court.district or r.case_numbers[0].district


def quartiles(values) -> tuple:
    return tuple(np.percentile(values, [50, 25, 75, 90]).tolist()) if len(values) else (None,) * 4


def days(truth, start, end, keep=lambda r: True) -> list[int]:
    out = []
    for r in truth.values():
        s, e = date_of(r, start), date_of(r, end)
        if s and e and keep(r):
            out.append((e - s).days)
    return out


def figures(dist) -> tuple:
    return dist.median, dist.p25, dist.p75, dist.p90


# -- the checks ---------------------------------------------------------------------------

@pytest.mark.parametrize("start,end", [
    ("hechos", "sentencia_primera"), ("denuncia", "sentencia_primera"), ("formalizacion", "sentencia_primera"),
    ("apertura_instruccion", "sentencia_primera"), ("sentencia_primera", "sentencia_vista"),
    ("sentencia_vista", "casacion"), ("sentencia_primera", "recurso_nulidad"), ("formalizacion", "acusacion"),
])
def test_duration_quartiles_equal_the_truth(truth, corpus, start, end):
    result = durations(corpus, start, end)
    expected = days(truth, start, end)
    assert len(expected) > 10
    assert result.total.completed.n == len(expected)
    assert figures(result.total.completed) == pytest.approx(quartiles(expected))


def test_duration_quartiles_by_district_equal_the_truth(truth, corpus):
    result = durations(corpus, "hechos", "sentencia", by=Dimension.DISTRITO)
    assert len(result.groups) > 5
    for g in result.groups:
        expected = days(truth, "hechos", "sentencia_primera", keep=lambda r: district(r) == g.group)
        assert g.completed.n == len(expected)
        if expected:
            assert figures(g.completed) == pytest.approx(quartiles(expected))


def test_open_and_excluded_cases_are_counted_not_dropped(truth, corpus):
    t = durations(corpus, "formalizacion", "sentencia").total
    started = [r for r in truth.values() if date_of(r, "formalizacion")]
    other_way = [r for r in started if own(r) in ("sobreseimiento", "terminacion_anticipada")]
    waiting = [r for r in started if r.doc_kind == DocKind.AUTO and own(r) is None]  # prisión preventiva
    excluded = {e.reason: e.n for e in t.excluded}
    assert excluded.get("sin_inicio") == len(truth) - len(started)
    assert excluded.get("otra_via") == len(other_way)
    assert t.open.n == len(waiting) > 0
    assert t.completed.n + t.open.n + sum(excluded.values()) == t.cases == len(truth)


def _units(truth, kinds):
    return [(name, d.kind) for name, r in truth.items() if r.outcome for d in r.outcome.by_defendant
            if d.kind in kinds]


def test_outcome_shares_equal_the_truth(truth, corpus):
    units = _units(truth, FIRST)
    counts = Counter(k for _, k in units)
    t = outcomes(corpus).total
    assert t.first_instance.n == len(units)
    for s in t.first_instance.shares:
        assert (s.n, s.share) == (counts[O(s.category)], pytest.approx(counts[O(s.category)] / len(units)))
        assert s.doc_ids == sorted({name for name, k in units if k == O(s.category)})
    convicted = sum(counts[k] for k in CONVICTED)
    assert t.conviction_vs_acquittal.value == pytest.approx(convicted / (convicted + counts[O.ABSOLUCION]))
    assert t.conviction_of_decided.value == pytest.approx(convicted / len(units))


def test_outcome_shares_by_year_equal_the_truth(truth, corpus):
    per_year = defaultdict(Counter)
    for name, kind in _units(truth, FIRST):
        per_year[str(truth[name].resolution_date.year)][kind] += 1
    result = outcomes(corpus, by=Dimension.ANIO)
    assert {g.group: {O(s.category): s.n for s in g.first_instance.shares if s.n} for g in result.groups} \
        == {year: dict(c) for year, c in per_year.items()}


def test_appeal_shares_equal_the_truth(truth, corpus):
    t = appeals(corpus).total
    for stage in ("apelacion", "casacion", "nulidad"):
        breakdown = getattr(t, stage)
        units = _units(truth, {O(s.category) for s in breakdown.shares})
        counts = Counter(k for _, k in units)
        assert breakdown.n == len(units) > 0
        assert {s.category: s.n for s in breakdown.shares} == {s.category: counts[O(s.category)] for s in breakdown.shares}


def test_penalty_distributions_by_family_equal_the_truth(truth, corpus):
    result = penalties(corpus, by=Dimension.FAMILIA)
    groups = {g.group: g for g in result.groups}
    for family in ("trata", "mineria", "ambiental"):
        picked = [r for r in truth.values() if family in {family_of(c.crime) for c in r.charges}]
        effective = [p.prison_years for r in picked for p in r.penalties if p.prison_years and p.effective is True]
        reparacion = [p.reparacion_civil_soles for r in picked for p in r.penalties
                      if p.reparacion_civil_soles is not None]
        assert groups[family].prison_effective.n == len(effective)
        assert figures(groups[family].prison_effective) == pytest.approx(quartiles(effective))
        assert figures(groups[family].reparacion) == pytest.approx(quartiles(reparacion))
