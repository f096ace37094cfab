"""The facts of a ruling as a reader checks them: each value in words, with the page, the
character span and the text it was read from.

``show`` prints them and adds them to its JSON; the web's ruling page reads the same list.
Durations are written as rulings write them ("12 años y 8 meses", not 12.6667) and money
in soles as Peruvian rulings write it ("S/ 30,000.00").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from schemas import Evidence, Penalty, Ruling

QUOTE_MAX = 160  # characters of the quoted evidence shown with a fact


@dataclass(frozen=True)
class Fact:
    field: str  # the Ruling field it comes from: "parties", "penalties", ...
    label: str  # its Spanish name for a reader: "partes", "pena", ...
    value: str
    page: int | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None  # the page text of [start, end), whitespace collapsed
    rule: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def duration(years: float | None) -> str | None:
    """``12.6667`` → ``"12 años y 8 meses"``; ``0.5`` → ``"6 meses"``; days where the
    ruling gave them (``6 años, 8 meses y 15 días``). The record keeps years + months/12
    (+ days/360)."""
    if years is None:
        return None
    total_days = round(years * 360)  # a month is 30 days in the penalty's count (CP art. 29 practice)
    y, rest = divmod(total_days, 360)
    m, d = divmod(rest, 30)
    parts = [p for p in (y and _plural(y, "año", "años"), m and _plural(m, "mes", "meses"),
                         d and _plural(d, "día", "días")) if p]
    if not parts:
        return "0 años"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " y " + parts[-1]


def soles(amount: float | None) -> str | None:
    """``30000`` → ``"S/ 30,000.00"``."""
    if amount is None or math.isnan(amount):
        return None
    return f"S/ {amount:,.2f}"


def penalty_text(p: Penalty) -> str:
    """One penalty as the ruling's operative part states it."""
    parts = []
    if p.prison_years is not None:
        kind = " efectiva" if p.effective else " suspendida" if p.effective is False else ""
        parts.append(f"{duration(p.prison_years)} de pena privativa de libertad{kind}")
    if p.probation_years is not None:
        parts.append(f"periodo de prueba de {duration(p.probation_years)}")
    if p.dias_multa is not None:
        parts.append(f"{p.dias_multa} días-multa")
    if p.inhabilitacion:
        length = f" por {duration(p.inhabilitacion_years)}" if p.inhabilitacion_years else ""
        incisos = f" (art. 36, incisos {', '.join(map(str, p.inhabilitacion_incisos))})" \
            if p.inhabilitacion_incisos else ""
        parts.append(f"inhabilitación{length}{incisos}")
    if p.reparacion_civil_soles is not None:
        parts.append(f"reparación civil de {soles(p.reparacion_civil_soles)}")
    who = f"{p.defendant}: " if p.defendant else ""
    return who + ("; ".join(parts) or "sin pena detallada")


def quote(pages: Sequence[str], ev: Evidence) -> str | None:
    """The text an evidence points at, on one line, cut to ``QUOTE_MAX`` characters."""
    if not 1 <= ev.page <= len(pages):
        return None
    text = " ".join(pages[ev.page - 1][ev.start:ev.end].split())
    return text if len(text) <= QUOTE_MAX else text[:QUOTE_MAX - 1] + "…"


def _fact(field: str, label: str, value: str, evidence: Sequence[Evidence], pages: Sequence[str]) -> Fact:
    if not evidence:
        return Fact(field, label, value)
    ev = evidence[0]
    return Fact(field, label, value, ev.page, ev.start, ev.end, quote(pages, ev), ev.rule)


def facts_of(ruling: Ruling, pages: Sequence[str]) -> list[Fact]:
    """Every extracted value of ``ruling`` with its first evidence quoted from ``pages``."""
    r, ev = ruling, ruling.evidence
    out = [_fact("doc_kind", "tipo", r.doc_kind.value, ev.doc_kind, pages)]
    out += [_fact("case_numbers", "expediente", f"{c.normalized} ({c.kind.value}{', ' + c.district if c.district else ''})",
                  c.evidence, pages) for c in r.case_numbers]
    if r.court.name or r.court.level or r.court.district:
        value = " · ".join(x for x in (r.court.name, r.court.level and r.court.level.value, r.court.district) if x)
        out.append(_fact("court", "órgano", value, r.court.evidence, pages))
    if r.resolution_date:
        out.append(_fact("resolution_date", "fecha", r.resolution_date.isoformat(), ev.resolution_date, pages))
    if r.place:
        out.append(_fact("place", "lugar", r.place, ev.place, pages))
    out.append(_fact("procedural_code", "código procesal", r.procedural_code.value, ev.procedural_code, pages))
    if r.early_termination:
        out.append(_fact("early_termination", "terminación temprana", r.early_termination.value,
                         ev.early_termination, pages))
    out += [_fact("parties", "parte", f"{p.role.value}: {p.name}{' (protegida)' if p.protected else ''}",
                  p.evidence, pages) for p in r.parties]
    out += [_fact("charges", "delito",
                  f"{c.crime or '?'}: {c.label}" + (f" (arts. {', '.join(c.articles)})" if c.articles else ""),
                  c.evidence, pages) for c in r.charges]
    if r.outcome:
        out.append(_fact("outcome", "decisión", r.outcome.kind.value, r.outcome.evidence, pages))
        out += [_fact("outcome", "decisión", f"{d.name}: {d.kind.value}", d.evidence, pages)
                for d in r.outcome.by_defendant]
    out += [_fact("penalties", "pena", penalty_text(p), p.evidence, pages) for p in r.penalties]
    out += [_fact("events", "hito", f"{e.date.isoformat()} {e.kind.value}", e.evidence, pages) for e in r.events]
    out += [_fact("citations", "cita", c.normalized, c.evidence, pages) for c in r.citations]
    out += [_fact("warnings", "aviso", w.message, w.evidence, pages) for w in r.warnings]
    return out
