"""The facts of a ruling as a lawyer reads them: each value in words, in sections, with the
evidence it was read from (page, character span, rule).

One list for every front door: the CLI's ``show`` prints it with the quoted text of each
fact's first evidence and adds it to its JSON; the web's ruling page
(``expediente.web.views``) links every fact to its page with the span marked. Values read
as rulings write them (``expediente.formatting``: "12 años y 8 meses", "S/ 30,000.00",
"11 de marzo de 2022"), enum values with their accents back ("absolución").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass

from expediente.formatting import long_date, penalty_text
from schemas import Evidence, Role, Ruling

QUOTE_MAX = 160  # characters of the quoted evidence the CLI shows with a fact

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


# values whose words lost a preposition as well
PHRASES = {"reserva_fallo": "reserva del fallo", "medida_seguridad": "medida de seguridad"}


def words(value) -> str:
    """An enum value as words: ``terminacion_anticipada`` → ``terminación anticipada``."""
    if value is None:
        return ""
    text = str(getattr(value, "value", value))
    return PHRASES.get(text) or " ".join(ACCENTED.get(w, w) for w in text.split("_"))



def ruling_facts(r: Ruling) -> Iterator[tuple[str, str, str, Sequence[Evidence]]]:
    """``(section, label, value, evidence)`` of every extracted value, in reading order."""
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


@dataclass(frozen=True)
class QuotedFact:
    """A fact with its first evidence quoted: what ``show`` prints and its JSON carries."""

    section: str
    label: str
    value: str
    page: int | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None  # the page text of [start, end), on one line
    rule: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def quote(pages: Sequence[str], ev: Evidence) -> str | None:
    """The text an evidence points at, on one line, cut to ``QUOTE_MAX`` characters."""
    if not 1 <= ev.page <= len(pages):
        return None
    text = " ".join(pages[ev.page - 1][ev.start:ev.end].split())
    return text if len(text) <= QUOTE_MAX else text[:QUOTE_MAX - 1] + "…"


def quoted_facts(ruling: Ruling, pages: Sequence[str]) -> list[QuotedFact]:
    """Every fact of ``ruling`` with its first evidence quoted from ``pages``."""
    out = []
    for section, label, value, evidence in ruling_facts(ruling):
        ev = evidence[0] if evidence else None
        out.append(QuotedFact(section, label, value) if ev is None else
                   QuotedFact(section, label, value, ev.page, ev.start, ev.end, quote(pages, ev), ev.rule))
    return out
