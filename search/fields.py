"""What both backends derive from a record: filter values, hit fields, the text to index."""

from __future__ import annotations

from dataclasses import dataclass

from schemas import IndexRecord, Ruling

from search.analysis import normalize_key


def district_of(ruling: Ruling) -> str | None:
    """The court's district, else the first case number's (the text outranks seat codes upstream)."""
    if ruling.court.district:
        return ruling.court.district
    return next((c.district for c in ruling.case_numbers if c.district), None)


def crimes_of(ruling: Ruling) -> list[str]:
    """Crime taxonomy keys of the charges, in order, without repeats."""
    return list(dict.fromkeys(c.crime for c in ruling.charges if c.crime))


@dataclass(frozen=True)
class Fields:
    district: str | None
    district_key: str | None
    crimes: list[str]
    year: int | None
    resolution_date: str | None
    doc_kind: str
    outcome: str | None
    procedural_code: str
    court: str | None
    case_numbers: list[str]


def fields_of(record: IndexRecord) -> Fields:
    ruling = record.ruling
    district = district_of(ruling)
    return Fields(
        district=district,
        district_key=normalize_key(district) if district else None,
        crimes=crimes_of(ruling),
        year=ruling.resolution_date.year if ruling.resolution_date else None,
        resolution_date=ruling.resolution_date.isoformat() if ruling.resolution_date else None,
        doc_kind=ruling.doc_kind.value,
        outcome=ruling.outcome.kind.value if ruling.outcome else None,
        procedural_code=ruling.procedural_code.value,
        court=ruling.court.name,
        case_numbers=list(dict.fromkeys(c.normalized for c in ruling.case_numbers)),
    )


def metadata_text(record: IndexRecord) -> str:
    """Normalised case numbers and citations, indexed beside the pages so that a search for
    "Casación 2045-2018/Puno" finds the ruling however its text spelled the number."""
    ruling = record.ruling
    return "\n".join([*(c.normalized for c in ruling.case_numbers), *(c.normalized for c in ruling.citations)])
