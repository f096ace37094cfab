"""What every backend derives from a record: filter and facet values, fielded text, hit fields.

Keys (``*_key``) are how values compare: folded, single-spaced (``normalize_key``). Facets
count keys and show the first spelling seen. The fielded query terms of ``search.query.parser``
match these values: ``juez:`` the judges' and ponentes' names, ``imputado:`` the accused,
``delito:`` crime keys and labels, ``articulo:`` articles, ``expediente:`` case-number keys,
``distrito:`` the district, ``cita:`` cited precedent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from schemas import IndexRecord, Role, Ruling

from search.models import Hit
from search.query.analysis import normalize_key
from search.query.keys import case_identity, case_keys, citation_key, normalize_article

JUDGE_ROLES = frozenset({Role.JUEZ, Role.PONENTE})
_DATE_MISSING = 0


def district_of(ruling: Ruling) -> str | None:
    """The court's district, else the first case number's (the text outranks seat codes upstream)."""
    if ruling.court.district:
        return ruling.court.district
    return next((c.district for c in ruling.case_numbers if c.district), None)


def crimes_of(ruling: Ruling) -> list[str]:
    """Crime taxonomy keys of the charges, in order, without repeats."""
    return list(dict.fromkeys(c.crime for c in ruling.charges if c.crime))


def articles_of(ruling: Ruling) -> list[str]:
    return list(dict.fromkeys(a for c in ruling.charges for a in (normalize_article(x) or x for x in c.articles)))


def names_of(ruling: Ruling, roles: frozenset[Role]) -> list[str]:
    """Names of the parties in ``roles``, first spelling of each, in order."""
    seen: dict[str, str] = {}
    for party in ruling.parties:
        if party.role in roles:
            seen.setdefault(normalize_key(party.name), party.name)
    return [name for key, name in seen.items() if key]


def is_protected(ruling: Ruling) -> bool:
    """A case with a protected victim: a party marked protected, or a name to redact."""
    return bool(ruling.redactions) or any(p.protected for p in ruling.parties)


@dataclass(frozen=True)
class Fields:
    district: str | None
    district_key: str | None
    court: str | None
    court_key: str | None
    level: str | None
    doc_kind: str
    crimes: list[str]
    crime_labels: list[str]
    articles: list[str]
    outcome: str | None
    procedural_code: str
    early_termination: str | None
    judges: list[str]
    judge_keys: list[str]
    defendants: list[str]
    year: int | None
    resolution_date: str | None
    protected: bool
    case_numbers: list[str]
    case_keys: list[str]
    case_ids: list[str]
    citations: list[str]

    @property
    def date_number(self) -> int:
        """``YYYYMMDD`` as an integer, 0 without a date (sorts last, newest first)."""
        return int(self.resolution_date.replace("-", "")) if self.resolution_date else _DATE_MISSING


def fields_of(record: IndexRecord) -> Fields:
    ruling = record.ruling
    district = district_of(ruling)
    judges = names_of(ruling, JUDGE_ROLES)
    numbers = list(dict.fromkeys(c.normalized for c in ruling.case_numbers))
    return Fields(
        district=district,
        district_key=normalize_key(district) or None if district else None,
        court=ruling.court.name,
        court_key=normalize_key(ruling.court.name) or None if ruling.court.name else None,
        level=ruling.court.level.value if ruling.court.level else None,
        doc_kind=ruling.doc_kind.value,
        crimes=crimes_of(ruling),
        crime_labels=list(dict.fromkeys(c.label for c in ruling.charges if c.label)),
        articles=articles_of(ruling),
        outcome=ruling.outcome.kind.value if ruling.outcome else None,
        procedural_code=ruling.procedural_code.value,
        early_termination=ruling.early_termination.value if ruling.early_termination else None,
        judges=judges,
        judge_keys=[normalize_key(j) for j in judges],
        defendants=names_of(ruling, frozenset({Role.IMPUTADO})),
        year=ruling.resolution_date.year if ruling.resolution_date else None,
        resolution_date=ruling.resolution_date.isoformat() if ruling.resolution_date else None,
        protected=is_protected(ruling),
        case_numbers=numbers,
        case_keys=list(dict.fromkeys(k for n in numbers for k in case_keys(n))),
        case_ids=list(dict.fromkeys(case_identity(n) for n in numbers)),
        citations=list(dict.fromkeys(citation_key(c.normalized) for c in ruling.citations)),
    )


def metadata_text(record: IndexRecord) -> str:
    """Normalised case numbers and citations, indexed beside the pages so that a search for
    "Casación 2045-2018/Puno" finds the ruling however its text spelled the number."""
    ruling = record.ruling
    return "\n".join([*(c.normalized for c in ruling.case_numbers), *(c.normalized for c in ruling.citations)])


def crime_text(fields: Fields) -> str:
    """What ``delito:`` words match: the crime keys as words and the labels."""
    return "\n".join([*(k.replace("_", " ") for k in fields.crimes), *fields.crime_labels])


def hit_of(data: dict, score: float, text: str, page: int | None) -> Hit:
    """A hit from a record as JSON (``IndexRecord.model_dump(mode="json")``, pages optional)."""
    ruling = data["ruling"]
    court = ruling.get("court") or {}
    return Hit(
        id=data["id"], score=score, path=data["path"], doc_kind=ruling["doc_kind"], court=court.get("name"),
        level=court.get("level"),
        district=court.get("district") or next(
            (c["district"] for c in ruling["case_numbers"] if c.get("district")), None),
        resolution_date=date.fromisoformat(ruling["resolution_date"]) if ruling.get("resolution_date") else None,
        case_numbers=list(dict.fromkeys(c["normalized"] for c in ruling["case_numbers"])),
        crimes=list(dict.fromkeys(c["crime"] for c in ruling["charges"] if c["crime"])),
        articles=list(dict.fromkeys(a for c in ruling["charges"] for a in c.get("articles", []))),
        outcome=(ruling.get("outcome") or {}).get("kind"), procedural_code=ruling.get("procedural_code"),
        early_termination=ruling.get("early_termination"), snippet=text, snippet_page=page,
    )
