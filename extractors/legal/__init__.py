"""Legal extraction: ``extract(doc) -> Ruling``, a pure function of the document's text.

Each field has its own small extractor (``case_numbers``, ``court``, ``dates``,
``parties``, ``charges``, ``outcome``, ``penalties``, ``events``, ``citations``,
``procedure``, ``third_parties``); their patterns and vocabularies are data in
``patterns/``. Every value carries evidence: page, character offsets into that page's text,
and the rule's id. ``extract_details`` also returns its raw records behind two fields of ``Ruling``:
the lower decisions the ruling recites (``lower``) and inhabilitación (``inhabilitacion``).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.legal.case_numbers import extract_case_numbers
from extractors.legal.charges import extract_charges
from extractors.legal.citations import extract_citations, own_acuerdo_plenario
from extractors.legal.court import extract_court, resolve_district, supreme_by_number
from extractors.legal.dates import resolution_date
from extractors.legal.doc_kind import extract_doc_kind
from extractors.legal.events import extract_events
from extractors.legal.inhabilitacion import Inhabilitacion, extract_inhabilitaciones
from extractors.legal.lower import LowerDecision, extract_lower_decisions
from extractors.legal.outcome import extract_outcome
from extractors.legal.parties import extract_parties
from extractors.legal.penalties import extract_penalties
from extractors.legal.plausibility import check_events, check_penalties
from extractors.legal.privacy import protect_victims
from extractors.legal.procedure import (
    extract_early_termination,
    extract_procedural_code,
)
from extractors.legal.text import Context
import schemas
from schemas import CourtLevel, DocKind, DocumentText, FieldEvidence, Ruling

# Bump on every change to what acquisition or extraction stores: ingest re-reads a file
# whose record carries another version (flows/ingest.py), and keeps the record otherwise.
# 0.3.0: the real-rulings extraction (issue 12), the redaction of protected victims named
# by code or after a word for a minor (issue 15) and the word boxes of every page (issue 13);
# records of 0.2.x may hold a protected name that 0.3.0 redacts, so they must be re-read.
# 0.4.0: Penalty.cadena_perpetua (a life term, no years); a converted prison term is not
# effective; milestones, institutions, the victim's lawyer and header offices read anew.
# 0.5.0: outcome medida_seguridad; the private action (querella), actores civiles that are
# institutions, excepciones that end the case, extradition, reformed reparaciones civiles.
EXTRACTOR_VERSION = "legal-0.5.0"

__all__ = ["EXTRACTOR_VERSION", "Details", "extract", "extract_details"]


@dataclass(frozen=True)
class Details:
    """The extractor's own records behind ``Ruling.lower_decisions`` and the inhabilitación
    fields of ``Penalty``."""

    lower_decisions: list[LowerDecision]
    inhabilitaciones: list[Inhabilitacion]


def extract(doc: DocumentText) -> Ruling:
    """Everything the legal extractor can read from ``doc``, each value with evidence."""
    return extract_details(doc)[0]


def extract_details(doc: DocumentText) -> tuple[Ruling, Details]:
    """The ``Ruling`` (lower decisions and inhabilitación included) and the extractor's raw
    records behind those two fields, from one reading of ``doc``."""
    ctx = Context.of(doc)
    ruling = _extract(ctx)
    details = Details(
        lower_decisions=extract_lower_decisions(ctx, ruling.doc_kind, resolution=ruling.resolution_date),
        inhabilitaciones=extract_inhabilitaciones(ctx, ruling.parties, ruling.outcome))
    return _with_details(ruling, details), details


def _with_details(ruling: Ruling, details: Details) -> Ruling:
    """Lower decisions as schema records; each inhabilitación joins its defendant's penalty
    (a defendant with no other penalty gets none: inhabilitación is accessory, CP art. 39)."""
    by_defendant = {i.defendant: i for i in details.inhabilitaciones}
    penalties = [
        p.model_copy(update={
            "inhabilitacion": True,
            "inhabilitacion_years": (p.prison_years if by_defendant[p.defendant].same_term
                                     else by_defendant[p.defendant].years),
            "inhabilitacion_incisos": list(by_defendant[p.defendant].incisos),
            "evidence": [*p.evidence, *by_defendant[p.defendant].evidence],
        }) if p.defendant in by_defendant else p
        for p in ruling.penalties
    ]
    lower = [
        schemas.LowerDecision(instance=d.instance, court=d.court, kind=d.kind, date=d.date,
                              evidence=list(d.evidence))
        for d in details.lower_decisions
    ]
    return ruling.model_copy(update={"penalties": penalties, "lower_decisions": lower})


def _extract(ctx: Context) -> Ruling:
    doc_language = ctx.language
    court = extract_court(ctx)
    case_numbers = extract_case_numbers(ctx, court_district=court.district,
                                        supreme=court.level == CourtLevel.CORTE_SUPREMA)
    if court.level != CourtLevel.CORTE_SUPREMA:
        court = supreme_by_number(ctx, court, case_numbers)
        if court.level == CourtLevel.CORTE_SUPREMA:  # its appeal and queja numbers are its own too
            case_numbers = extract_case_numbers(ctx, supreme=True)
    doc_kind, kind_ev = extract_doc_kind(ctx, case_numbers)
    if doc_kind == DocKind.ACUERDO_PLENARIO and (own := own_acuerdo_plenario(ctx)) is not None:
        case_numbers = [own, *case_numbers]  # its number: the rulings that cite it find it
    when = resolution_date(ctx)
    court = resolve_district(ctx, court, case_numbers, when.place, when.place_ev)
    charges = extract_charges(ctx)
    parties, redactions = protect_victims(extract_parties(ctx, court_level=court.level), charges, ctx)
    outcome = extract_outcome(ctx, doc_kind, parties)
    penalties, penalty_warnings = check_penalties(extract_penalties(ctx, parties, outcome))
    events, warnings = check_events(extract_events(ctx, when.value, doc_kind), when.value)
    warnings = [*warnings, *penalty_warnings]
    district = court.district or next((c.district for c in case_numbers if c.district), None)
    earliest = min((e.date for e in events), default=None)
    code, code_ev = extract_procedural_code(ctx, district=district, earliest=earliest,
                                            case_numbers=case_numbers)
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
        warnings=warnings,
        evidence=FieldEvidence(doc_kind=kind_ev, resolution_date=when.date_ev, place=when.place_ev,
                               procedural_code=code_ev, early_termination=early_ev),
        language=doc_language,
        extractor_version=EXTRACTOR_VERSION,
    )
