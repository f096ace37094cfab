"""One-line builders of ``IndexRecord``s for the search tests."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone

from schemas import (
    CaseNumber,
    CaseNumberKind,
    Charge,
    Court,
    DocKind,
    IndexRecord,
    Outcome,
    OutcomeKind,
    Party,
    ProceduralCode,
    Redaction,
    Role,
    Ruling,
)

INGESTED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


def sha_of(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def make_record(
    pages: str | list[str],
    *,
    key: str | None = None,
    district: str | None = None,
    crimes: tuple[str, ...] = (),
    day: date | None = None,
    doc_kind: DocKind = DocKind.SENTENCIA,
    outcome: OutcomeKind | None = None,
    code: ProceduralCode = ProceduralCode.NCPP,
    case_numbers: tuple[str, ...] = (),
    parties: tuple[Party, ...] = (),
    redactions: tuple[tuple[str, str], ...] = (),
    extractor_version: str = "test-1",
) -> IndexRecord:
    """A record whose sha256 (and so id) derives from ``key``, or from the text."""
    pages = [pages] if isinstance(pages, str) else pages
    sha = sha_of(key if key is not None else "\f".join(pages))
    ruling = Ruling(
        doc_kind=doc_kind,
        court=Court(name="Juzgado Penal Colegiado" if district else None, district=district),
        resolution_date=day,
        charges=[Charge(crime=c, label=c.replace("_", " ")) for c in crimes],
        outcome=Outcome(kind=outcome) if outcome else None,
        procedural_code=code,
        case_numbers=[CaseNumber(raw=n, normalized=n, kind=CaseNumberKind.EXPEDIENTE) for n in case_numbers],
        parties=list(parties),
        redactions=[Redaction(text=t, replacement=r) for t, r in redactions],
    )
    return IndexRecord(
        id=IndexRecord.id_for(sha), path=f"/corpus/{sha[:8]}.pdf", sha256=sha, file_type="pdf",
        page_count=len(pages), pages=pages, ruling=ruling, extractor_version=extractor_version,
        ingested_at=INGESTED,
    )


def victim(name: str, *, protected: bool = True) -> Party:
    return Party(name=name, role=Role.AGRAVIADO, protected=protected)
