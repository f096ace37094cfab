"""One-line builders of rulings and index records for the analytics tests."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone

from schemas import (
    CaseNumber, CaseNumberKind, Charge, Court, CourtLevel, DefendantOutcome, DocKind, EarlyTermination,
    Event, EventKind, IndexRecord, Outcome, OutcomeKind, Penalty, ProceduralCode, Ruling,
)

INGESTED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
FAMILY = {"trata_de_personas": "trata", "mineria_ilegal": "mineria", "robo_agravado": "patrimonio",
          "trafico_fauna_silvestre": "ambiental"}


def family_of(key: str | None) -> str | None:
    return FAMILY.get(key or "")


def d(text: str) -> date:
    return date.fromisoformat(text)


def ruling(
    kind: DocKind | str = DocKind.SENTENCIA, *, day: str | None = None, number: str | None = None,
    number_kind: CaseNumberKind = CaseNumberKind.EXPEDIENTE, number_district: str | None = None,
    district: str | None = "Puno", crimes: tuple[str, ...] = ("trata_de_personas",),
    outcome: OutcomeKind | None = None, defendants: tuple[tuple[str, OutcomeKind], ...] = (),
    events: dict[str, str | list[str]] | None = None, code: ProceduralCode = ProceduralCode.NCPP,
    level: CourtLevel | None = None, early: EarlyTermination | None = None,
    penalties: tuple[Penalty, ...] = (),
) -> Ruling:
    """``events`` maps an ``EventKind`` value to one ISO date or a list of them."""
    evs = []
    for k, v in (events or {}).items():
        for when in [v] if isinstance(v, str) else v:
            evs.append(Event(kind=EventKind(k), date=d(when)))
    if outcome is None and defendants:
        kinds = {k for _, k in defendants}
        outcome = kinds.pop() if len(kinds) == 1 else OutcomeKind.MIXTO
    return Ruling(
        doc_kind=DocKind(kind), resolution_date=d(day) if day else None,
        case_numbers=[CaseNumber(raw=number, normalized=number, kind=number_kind, district=number_district)]
        if number else [],
        court=Court(name="Juzgado", district=district, level=level),
        charges=[Charge(crime=c, label=c.replace("_", " ")) for c in crimes],
        outcome=Outcome(kind=outcome, by_defendant=[DefendantOutcome(name=n, kind=k) for n, k in defendants])
        if outcome else None,
        events=evs, procedural_code=code, early_termination=early, penalties=list(penalties),
    )


def record(ruling: Ruling, key: str) -> IndexRecord:
    sha = hashlib.sha256(key.encode()).hexdigest()
    return IndexRecord(id=IndexRecord.id_for(sha), path=f"/corpus/{key}.txt", sha256=sha, file_type="text",
                       page_count=1, pages=[f"documento {key}"], ruling=ruling, extractor_version="test-1",
                       ingested_at=INGESTED)


def ids(*keys: str) -> list[str]:
    return sorted(IndexRecord.id_for(hashlib.sha256(k.encode()).hexdigest()) for k in keys)
