"""One-line builders of ``IndexRecord``s for the search tests."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone

from schemas import (
    CaseNumber,
    CaseNumberKind,
    Charge,
    Citation,
    CitationKind,
    Court,
    CourtLevel,
    DocKind,
    EarlyTermination,
    IndexRecord,
    Outcome,
    OutcomeKind,
    Party,
    Penalty,
    ProceduralCode,
    Redaction,
    Role,
    Ruling,
)
from search.query.keys import normalize_citation

INGESTED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


def sha_of(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _case_number(text: str) -> CaseNumber:
    cited = normalize_citation(text)
    kind = CaseNumberKind(cited.split()[0]) if cited and cited.split()[0] in ("casacion", "recurso_nulidad") \
        else CaseNumberKind.EXPEDIENTE
    return CaseNumber(raw=text, normalized=cited or text, kind=kind)


def _citation(text: str) -> Citation:
    normalized = normalize_citation(text)
    return Citation(kind=CitationKind(normalized.split()[0]), raw=text, normalized=normalized)


def make_record(
    pages: str | list[str],
    *,
    key: str | None = None,
    district: str | None = None,
    court: str | None = None,
    level: CourtLevel | None = None,
    crimes: tuple[str, ...] = (),
    articles: tuple[str, ...] = (),
    day: date | None = None,
    doc_kind: DocKind = DocKind.SENTENCIA,
    outcome: OutcomeKind | None = None,
    code: ProceduralCode = ProceduralCode.NCPP,
    early: EarlyTermination | None = None,
    case_numbers: tuple[str, ...] = (),
    citations: tuple[str, ...] = (),
    parties: tuple[Party, ...] = (),
    penalties: tuple[Penalty, ...] = (),
    redactions: tuple[tuple[str, str], ...] = (),
    extractor_version: str = "test-1",
) -> IndexRecord:
    """A record whose sha256 (and so id) derives from ``key``, or from the text. Charges get
    ``articles`` (all of them on the first charge)."""
    pages = [pages] if isinstance(pages, str) else pages
    sha = sha_of(key if key is not None else "\f".join(pages))
    charges = [Charge(crime=c, label=c.replace("_", " "), articles=list(articles) if i == 0 else [])
               for i, c in enumerate(crimes)]
    ruling = Ruling(
        doc_kind=doc_kind,
        court=Court(name=court or ("Juzgado Penal Colegiado" if district else None), level=level, district=district),
        resolution_date=day,
        charges=charges,
        outcome=Outcome(kind=outcome) if outcome else None,
        procedural_code=code,
        early_termination=early,
        case_numbers=[_case_number(n) for n in case_numbers],
        citations=[_citation(c) for c in citations],
        parties=list(parties),
        penalties=list(penalties),
        redactions=[Redaction(text=t, replacement=r) for t, r in redactions],
    )
    return IndexRecord(
        id=IndexRecord.id_for(sha), path=f"/corpus/{sha[:8]}.pdf", sha256=sha, file_type="pdf",
        page_count=len(pages), pages=pages, ruling=ruling, extractor_version=extractor_version,
        ingested_at=INGESTED,
    )


def victim(name: str, *, protected: bool = True) -> Party:
    return Party(name=name, role=Role.AGRAVIADO, protected=protected)


def judge(name: str, role: Role = Role.JUEZ) -> Party:
    return Party(name=name, role=role)


def accused(name: str) -> Party:
    return Party(name=name, role=Role.IMPUTADO)
