"""What a page shows, as data: the same functions feed the HTML templates and the JSON
twins. No query or extraction logic: records and results come from ``search``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from urllib.parse import quote as url_quote

from pydantic import BaseModel, Field

from expediente.formatting import long_date, penalty_text
from schemas import Evidence, IndexRecord, Role, Ruling

ROLE_LABELS = {Role.JUEZ: "Jueces", Role.PONENTE: "Ponente", Role.FISCAL: "Fiscalía", Role.IMPUTADO: "Imputados",
               Role.AGRAVIADO: "Agraviados", Role.DEFENSA: "Defensa", Role.ACTOR_CIVIL: "Actor civil",
               Role.TERCERO: "Terceros"}
EVENT_LABELS = {"hechos": "Hechos", "denuncia": "Denuncia", "formalizacion": "Formalización de la investigación",
                "apertura_instruccion": "Apertura de instrucción", "acusacion": "Acusación",
                "auto_enjuiciamiento": "Auto de enjuiciamiento", "sentencia_primera": "Sentencia de primera instancia",
                "apelacion": "Apelación", "sentencia_vista": "Sentencia de vista", "casacion": "Casación",
                "recurso_nulidad": "Recurso de nulidad"}


# Enum values are written without accents; shown to readers, their words get them back.
ACCENTED = {"absolucion": "absolución", "casacion": "casación", "prision": "prisión", "terminacion": "terminación",
            "conclusion": "conclusión", "detencion": "detención", "prolongacion": "prolongación",
            "apelacion": "apelación", "formalizacion": "formalización", "acusacion": "acusación",
            "instruccion": "instrucción", "resolucion": "resolución", "articulo": "artículo",
            "cdepp1940": "C. de Procedimientos Penales (1940)", "ncpp": "NCPP", "mineria": "minería"}


def words(value) -> str:
    """An enum value as words: ``terminacion_anticipada`` → ``terminación anticipada``."""
    if value is None:
        return ""
    return " ".join(ACCENTED.get(w, w) for w in str(getattr(value, "value", value)).split("_"))


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


def _ruling_facts(r: Ruling) -> Iterator[tuple[str, str, str, Sequence[Evidence]]]:
    ev = r.evidence
    yield "Resolución", "Tipo", words(r.doc_kind), ev.doc_kind
    if r.resolution_date:
        yield "Resolución", "Fecha", long_date(r.resolution_date), ev.resolution_date
    if r.place:
        yield "Resolución", "Lugar", r.place, ev.place
    yield "Resolución", "Código procesal", words(r.procedural_code), ev.procedural_code
    if r.early_termination:
        yield "Resolución", "Terminación temprana", words(r.early_termination), ev.early_termination
    court = r.court
    if court.name or court.district:
        value = " · ".join(x for x in (court.name, words(court.level), court.district) if x)
        yield "Órgano", "Órgano", value, court.evidence
    for c in r.case_numbers:
        yield "Expedientes", words(c.kind), c.normalized if c.normalized == c.raw else f"{c.normalized} ({c.raw})", \
            c.evidence
    for role in Role:
        for p in (p for p in r.parties if p.role == role):
            yield "Partes", ROLE_LABELS[role], p.name + (" (víctima protegida)" if p.protected else ""), p.evidence
    for c in r.charges:
        articles = f" — arts. {', '.join(c.articles)}" if c.articles else ""
        yield "Delitos", words(c.crime) or "delito", f"{c.label}{articles}", c.evidence
    if r.outcome:
        yield "Decisión", "Decisión", words(r.outcome.kind), r.outcome.evidence
        for d in r.outcome.by_defendant:
            yield "Decisión", d.name, words(d.kind), d.evidence
    for p in r.penalties:
        yield "Penas", p.defendant or "Pena", penalty_text(p), p.evidence
    for e in sorted(r.events, key=lambda e: e.date):
        yield "Hitos procesales", long_date(e.date), EVENT_LABELS.get(e.kind.value, words(e.kind)), e.evidence
    for d in r.lower_decisions:
        value = " · ".join(x for x in (d.court, words(d.kind), long_date(d.date)) if x)
        yield "Decisiones anteriores", words(d.instance), value or "sin detalle", d.evidence
    for c in r.citations:
        yield "Precedentes citados", words(c.kind), c.raw, c.evidence
    for w in r.warnings:
        yield "Avisos de la extracción", w.field, w.message, w.evidence


def facts(record: IndexRecord) -> list[Fact]:
    """Every fact of the ruling as a lawyer reads it, each with its evidence quoted."""
    return [Fact(section=s, label=label, value=value, evidence=_evidence(record, evidence))
            for s, label, value, evidence in _ruling_facts(record.ruling)]


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

