"""What a page shows, as data: the same functions feed the HTML templates and the JSON
twins. No query or extraction logic: records and results come from ``search``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from urllib.parse import quote as url_quote

from pydantic import BaseModel, Field

from expediente.facts import ruling_facts, words
from schemas import Evidence, IndexRecord

class EvidenceView(BaseModel):
    page: int
    start: int
    end: int
    rule: str
    quote: str = Field(description="the text of the span on its page")
    url: str | None = Field(description="the HTML page with the span marked; None if the page is missing")


class Fact(BaseModel):
    section: str
    label: str
    value: str
    evidence: list[EvidenceView] = Field(default_factory=list)


def page_url(id: str, page: int, start: int | None = None, end: int | None = None) -> str:
    base = f"/resoluciones/{url_quote(id)}/paginas/{page}"
    return f"{base}?start={start}&end={end}#marca" if start is not None and end is not None else base


def _evidence(record: IndexRecord, evidence: Sequence[Evidence]) -> list[EvidenceView]:
    out = []
    for e in evidence:
        text = record.pages[e.page - 1] if 0 < e.page <= len(record.pages) else None
        out.append(EvidenceView(page=e.page, start=e.start, end=e.end, rule=e.rule,
                                quote="" if text is None else text[e.start:e.end],
                                url=None if text is None else page_url(record.id, e.page, e.start, e.end)))
    return out


def facts(record: IndexRecord) -> list[Fact]:
    """Every fact of the ruling as a lawyer reads it, each with its evidence quoted."""
    return [Fact(section=s, label=label, value=value, evidence=_evidence(record, evidence))
            for s, label, value, evidence in ruling_facts(record.ruling)]


def sections(items: list[Fact]) -> list[tuple[str, list[Fact]]]:
    grouped: dict[str, list[Fact]] = {}
    for f in items:
        grouped.setdefault(f.section, []).append(f)
    return list(grouped.items())


def mark_span(text: str, start: int | None, end: int | None) -> tuple[str, str, str]:
    """``(before, marked, after)``: the page split around a span clamped to the text."""
    if start is None or end is None:
        return text, "", ""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return text[:start], text[start:end], text[end:]

