"""Monitoring figures through the real pipeline equal those of the ground truth.

Generated rulings go through the real Prefect flow (acquisition, extraction with the real
model, a real SQLite index). Wherever extraction is exact for a document (every field an
indicator reads equals the truth), the indicators computed from the extracted index must
equal, to the day and to the count, those computed from the truth of the same documents.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import datetime, timezone

import pytest
from typer.testing import CliRunner

from expediente.cli import app
from samples import generate
from extractors.data.crimes import family_of
from schemas import IndexRecord, Ruling
from search import open_index
from search.analytics import Corpus, Dimension, appeals, durations, outcomes, penalties

pytestmark = pytest.mark.slow


def _fields(r: Ruling) -> tuple:
    """What the indicators read from a ruling."""
    return (
        r.doc_kind, r.resolution_date, r.court.level, r.court.district, r.procedural_code,
        r.early_termination, sorted(c.normalized for c in r.case_numbers),
        sorted(c.district or "" for c in r.case_numbers), sorted(c.crime or "" for c in r.charges),
        sorted((e.kind, e.date) for e in r.events),
        r.outcome and (r.outcome.kind, sorted(d.kind for d in r.outcome.by_defendant)),
        sorted((p.prison_years, p.effective, p.reparacion_civil_soles) for p in r.penalties),
    )


@pytest.fixture(scope="module")
def indexes(tmp_path_factory, prefect_harness):
    out = tmp_path_factory.mktemp("corpus")
    docs = generate(out, count=40, seed=21, text_only=True)
    extracted_path = tmp_path_factory.mktemp("index") / "extracted.sqlite"
    result = CliRunner().invoke(app, ["ingest", str(out), "--index", str(extracted_path)])
    assert result.exit_code == 0, result.output
    truth = {IndexRecord.id_for(hashlib.sha256(d.path.read_bytes()).hexdigest()):
             Ruling.model_validate_json(d.truth_path.read_text(encoding="utf-8")) for d in docs}
    with open_index(extracted_path) as index:
        extracted = {r.id: r for r in index.iter_records()}
    assert set(extracted) == set(truth)
    exact = [i for i in truth if _fields(extracted[i].ruling) == _fields(truth[i])]
    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    with open_index(tmp_path_factory.mktemp("a") / "e.sqlite") as e_index, \
            open_index(tmp_path_factory.mktemp("b") / "t.sqlite") as t_index:
        e_index.upsert([extracted[i] for i in exact])
        t_index.upsert([extracted[i].model_copy(update={"ruling": truth[i], "ingested_at": now}) for i in exact])
        yield (Corpus.from_index(e_index, family_of=family_of), Corpus.from_index(t_index, family_of=family_of),
               len(exact), len(truth))


def test_extraction_is_exact_for_most_documents(indexes):
    _, _, exact, total = indexes
    assert exact >= 0.5 * total, f"only {exact} of {total} documents extracted exactly"


@pytest.mark.parametrize("start,end,by", [
    ("formalizacion", "sentencia", Dimension.DISTRITO),
    ("hechos", "sentencia", Dimension.ANIO),
    ("sentencia", "sentencia_vista", Dimension.FAMILIA),
])
def test_durations_equal_the_truth(indexes, start, end, by):
    extracted, truth, _, _ = indexes
    got, want = durations(extracted, start, end, by=by), durations(truth, start, end, by=by)
    assert want.total.completed.n > 0 or want.total.open.n > 0 or start == "sentencia"
    assert got.model_dump() == want.model_dump()


def test_outcomes_appeals_and_penalties_equal_the_truth(indexes):
    extracted, truth, _, _ = indexes
    for indicator in (outcomes, appeals, penalties):
        got, want = indicator(extracted, by=Dimension.ANIO), indicator(truth, by=Dimension.ANIO)
        assert got.model_dump() == want.model_dump(), indicator.__name__
    shares = Counter(s.category for s in outcomes(truth, by=Dimension.ANIO).total.first_instance.shares if s.n)
    assert shares, "the sample has no first-instance decisions to compare"
