"""The legal extractor on the 12 wild development documents (shared/corpus/wild).

Per-field F1 must stay at or above the thresholds below, set a little under what the
extractor measured when they were written (see the numbers in the comments); every
evidence span must point inside its page.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from extractors.evaluation import aggregate, score
from extractors.legal import EXTRACTOR_VERSION, extract
from schemas import DocumentText, Page, Ruling

_HERE = Path(__file__).resolve()
_CANDIDATES = [_HERE.parents[2].parent / "shared" / "corpus" / "wild", Path("/work/shared/corpus/wild")]
WILD = next((p for p in _CANDIDATES if p.is_dir()), None)
pytestmark = pytest.mark.skipif(WILD is None, reason="shared/corpus/wild not found beside the repository")

# field -> minimum F1 (measured with legal-0.1.0 in brackets)
THRESHOLDS = {
    "doc_kind": 0.99,  # 1.00
    "case_numbers": 0.99,  # 1.00
    "court_level": 0.99,  # 1.00
    "court_district": 0.99,  # 1.00
    "court_name": 0.9,  # 1.00
    "resolution_date": 0.99,  # 1.00
    "place": 0.99,  # 1.00
    "judges": 0.95,  # 1.00
    "ponente": 0.9,  # 1.00
    "defendants": 0.95,  # 1.00
    "victims": 0.95,  # 1.00
    "fiscal": 0.9,  # 1.00
    "defensa": 0.9,  # 1.00
    "actor_civil": 0.95,  # 1.00 (legal-0.2.0)
    "terceros": 0.9,  # 1.00 (legal-0.2.0)
    "charges": 0.95,  # 1.00
    "articles": 0.95,  # 1.00
    "outcome": 0.95,  # 1.00
    "outcome_by_defendant": 0.95,  # 1.00
    "penalties": 0.9,  # 1.00
    "events": 0.92,  # 0.96
    "procedural_code": 0.99,  # 1.00
    "early_termination": 0.99,  # 1.00
    "citations": 0.95,  # 1.00
}


def load(path: Path) -> DocumentText:
    text = path.read_text(encoding="utf-8")
    pages = [Page(number=i + 1, text=t, method="text_layer") for i, t in enumerate(text.split("\f"))]
    return DocumentText(path=str(path), sha256="0" * 64, file_type="text", page_count=len(pages),
                        pages=pages, language="es")


@pytest.fixture(scope="module")
def results():
    docs = [load(p) for p in sorted(WILD.glob("w*.txt"))]
    extract(docs[0])  # build the spaCy pipeline outside the timing
    t0 = time.perf_counter()
    predicted = [extract(d) for d in docs]
    seconds = time.perf_counter() - t0
    truths = [Ruling.model_validate_json(Path(d.path).with_suffix(".truth.json").read_text(encoding="utf-8"))
              for d in docs]
    return docs, predicted, truths, seconds


def test_there_are_twelve_documents(results):
    assert len(results[0]) == 12


@pytest.mark.parametrize("field", sorted(THRESHOLDS))
def test_field_f1(results, field):
    _, predicted, truths, _ = results
    agg = aggregate([score(p, t) for p, t in zip(predicted, truths)])
    assert agg[field].f1 >= THRESHOLDS[field], agg[field]


def _all_evidence(r: Ruling):
    for name in ("doc_kind", "resolution_date", "place", "procedural_code", "early_termination"):
        yield from getattr(r.evidence, name)
    for group in (r.case_numbers, r.parties, r.charges, r.penalties, r.events, r.citations):
        for item in group:
            yield from item.evidence
    yield from r.court.evidence
    if r.outcome:
        yield from r.outcome.evidence
        for b in r.outcome.by_defendant:
            yield from b.evidence


def test_every_value_has_evidence_inside_its_page(results):
    docs, predicted, _, _ = results
    for doc, r in zip(docs, predicted):
        assert r.extractor_version == EXTRACTOR_VERSION and r.language == "es"
        for group in (r.case_numbers, r.parties, r.charges, r.penalties, r.events, r.citations):
            assert all(item.evidence for item in group), doc.path
        for ev in _all_evidence(r):
            page = doc.pages[ev.page - 1].text
            assert 0 <= ev.start < ev.end <= len(page), (doc.path, ev)
            assert ev.rule


def test_case_number_evidence_spells_the_number(results):
    docs, predicted, _, _ = results
    for doc, r in zip(docs, predicted):
        for cn in r.case_numbers:
            ev = cn.evidence[0]
            span = doc.pages[ev.page - 1].text[ev.start:ev.end]
            assert "".join(span.split()) == "".join(cn.raw.split())


def test_speed(results):
    docs, _, _, seconds = results
    words = sum(len(d.text.split()) for d in docs)
    assert words / seconds > 3000  # measured ~30,000 words/s on one core
