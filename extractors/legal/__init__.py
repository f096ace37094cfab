"""Legal extraction: ``extract(doc) -> Ruling``, a pure function of the document's text.

Each field has its own small extractor (``case_numbers``, ``court``, ``dates``,
``parties``, ``charges``, ``outcome``, ``penalties``, ``events``, ``citations``,
``procedure``); their patterns and vocabularies are data in ``patterns/``. Every value
carries evidence: page, character offsets into that page's text, and the rule's id.
"""

from __future__ import annotations

from extractors.legal.case_numbers import extract_case_numbers
from extractors.legal.charges import extract_charges
from extractors.legal.citations import extract_citations
from extractors.legal.court import extract_court
from extractors.legal.dates import resolution_date
from extractors.legal.doc_kind import extract_doc_kind
from extractors.legal.events import extract_events
from extractors.legal.outcome import extract_outcome
from extractors.legal.parties import extract_parties
from extractors.legal.penalties import extract_penalties
from extractors.legal.privacy import protect_victims
from extractors.legal.procedure import (
    extract_early_termination,
    extract_procedural_code,
)
from extractors.legal.text import Context
from schemas import DocumentText, FieldEvidence, Ruling

EXTRACTOR_VERSION = "legal-0.1.0"

__all__ = ["EXTRACTOR_VERSION", "extract"]


def extract(doc: DocumentText) -> Ruling:
    """Everything the legal extractor can read from ``doc``, each value with evidence."""
    ctx = Context.of(doc)
    court = extract_court(ctx)
    case_numbers = extract_case_numbers(ctx, court_district=court.district)
    doc_kind, kind_ev = extract_doc_kind(ctx, case_numbers)
    when = resolution_date(ctx)
    charges = extract_charges(ctx)
    parties, redactions = protect_victims(extract_parties(ctx), charges, ctx)
    outcome = extract_outcome(ctx, doc_kind, parties)
    penalties = extract_penalties(ctx, parties, outcome)
    events = extract_events(ctx, when.value)
    district = court.district or next((c.district for c in case_numbers if c.district), None)
    earliest = min((e.date for e in events), default=None)
    code, code_ev = extract_procedural_code(ctx, district=district, earliest=earliest)
    early, early_ev = extract_early_termination(ctx)
    return Ruling(
        doc_kind=doc_kind,
        case_numbers=case_numbers,
        court=court,
        resolution_date=when.value,
        place=when.place,
        parties=parties,
        charges=charges,
        outcome=outcome,
        penalties=penalties,
        events=events,
        procedural_code=code,
        early_termination=early,
        citations=extract_citations(ctx, case_numbers),
        redactions=redactions,
        evidence=FieldEvidence(doc_kind=kind_ev, resolution_date=when.date_ev, place=when.place_ev,
                               procedural_code=code_ev, early_termination=early_ev),
        language=doc.language,
        extractor_version=EXTRACTOR_VERSION,
    )
