"""Inhabilitación (Código Penal art. 36) imposed or confirmed by this ruling, per defendant.

``extract_inhabilitaciones`` returns it and ``extractors.legal`` joins it to the defendant's
``Penalty``. It reads the operative part like ``penalties``: within each numbered
item an inhabilitación goes to the defendant named last before it, to all named ones when
the item imposes it "a cada uno", and to the only eligible defendant otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.legal.numbers import words_to_int
from extractors.legal.outcome import _name_rx
from extractors.legal.patterns import penalties as P
from extractors.legal.penalties import _items, _named_before
from extractors.legal.text import Context
from schemas import Evidence, Outcome, Party, Role

INHABILITACION = re.compile(r"\binhabilitacion\b")
# its length: "por el plazo de DOS (2) AÑOS", "por el término de tres años y seis meses"
LENGTH = re.compile(
    rf"\bpor\s+(?:el\s+)?(?:plazo|termino|periodo|lapso|tiempo)\s+de\s+(?P<years>{P.NUM}){P.ECHO}\s+anos?"
    rf"(?:\s+y\s+(?P<months>{P.NUM}){P.ECHO}\s+mes(?:es)?)?"
    rf"|\bpor\s+(?:el\s+)?(?:plazo|termino|periodo)\s+de\s+(?P<monly>{P.NUM}){P.ECHO}\s+meses\b")
# "los incisos 1 y 2 del artículo 36", "artículo 36, incisos 1, 2 y 4,"
INCISOS = re.compile(
    r"\bincisos?\s+(?P<a>\d{1,2}(?:\s*(?:,|y|e)\s*\d{1,2})*)\s*(?:\)\s*)?(?:,\s*)?del\s+(?:articulo|art\.)\s*36\b"
    r"|\b(?:articulo|art\.)\s*36\s*,?\s*(?:numerales|incisos?)\s+(?P<b>\d{1,2}(?:\s*(?:,|y|e)\s*\d{1,2})*)")
# "por el mismo plazo de la condena", "por igual tiempo": as long as the prison term (CP art. 39)
SAME_TERM = re.compile(r"\bpor\s+(?:el\s+)?(?:mismo|igual)\s+(?:plazo|tiempo|termino|periodo)\b|"
                       r"\bpor\s+el\s+tiempo\s+que\s+dure\s+la\s+(?:pena|condena)\b")
ART_36 = re.compile(r"\b(?:articulo|art\.)\s*36\b")
# the clause an inhabilitación phrase may run over (it ends at the next penalty or sentence)
_CLAUSE_END = re.compile(r"\.\s|;|\breparacion\s+civil\b|\bdias[\s-]*multa\b")


@dataclass(frozen=True)
class Inhabilitacion:
    defendant: str
    years: float | None = None  # years + months/12; None when the text gives no length
    incisos: tuple[int, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)
    same_term: bool = False  # as long as the prison term ("por el mismo plazo de la condena")


def _num(text: str | None) -> int | None:
    if not text:
        return None
    text = text.strip()
    return int(text) if text.isdigit() else words_to_int(text)


def _parse(low: str, start: int, end: int) -> tuple[float | None, tuple[int, ...]]:
    """Length and incisos of the inhabilitación phrase in low[start:end]."""
    years = None
    m = LENGTH.search(low, start, end)
    if m:
        if m["monly"]:
            years = round((_num(m["monly"]) or 0) / 12, 4)
        else:
            years = round((_num(m["years"]) or 0) + (_num(m["months"]) or 0) / 12, 4)
    incisos: tuple[int, ...] = ()
    i = INCISOS.search(low, start, end)
    if i:
        incisos = tuple(int(x) for x in re.findall(r"\d{1,2}", i["a"] or i["b"]))
    return years, incisos


def extract_inhabilitaciones(ctx: Context, parties: list[Party], outcome: Outcome | None
                             ) -> list[Inhabilitacion]:
    """Inhabilitación per defendant on whom this decision imposes or confirms a penalty."""
    z, low, raw = ctx.zones, ctx.view.low, ctx.view.raw
    if outcome is None or z.decision[1] <= z.decision[0]:
        return []
    kinds = {d.name: d.kind.value for d in outcome.by_defendant}
    ok = P.PENALTY_OUTCOMES | P.REFORMING_OUTCOMES
    eligible = [p.name for p in parties if p.role == Role.IMPUTADO and kinds.get(p.name) in ok]
    if not eligible:
        return []
    rx = {n: _name_rx(n) for n in eligible}
    found: dict[str, Inhabilitacion] = {}
    for lo, hi in _items(low, *z.decision, raw):
        names = sorted((m.start(), n) for n in eligible for m in rx[n].finditer(low, lo, hi))
        for m in INHABILITACION.finditer(low, lo, hi):
            if low[max(lo, m.start() - 12):m.start()].rstrip().endswith(("sin", "no")):
                continue
            ce = _CLAUSE_END.search(low, m.end(), hi)
            end = ce.start() if ce else hi
            # the length may also come before: "TRES AÑOS de inhabilitación"
            years, incisos = _parse(low, m.end(), end)
            if years is None:
                before = re.search(rf"(?P<years>{P.NUM}){P.ECHO}\s+anos?\s+de\s+$", low[max(lo, m.start() - 60):m.start()])
                if before:
                    years = float(_num(before["years"]) or 0) or None
            if P.EACH.search(low, max(lo, m.start() - 80), min(hi, end + 40)) and names:
                targets = sorted({n for _, n in names})
            else:
                targets = _named_before(names, m.start(), eligible)
            same = years is None and bool(SAME_TERM.search(low, m.end(), end))
            ev = ctx.ev(m.start(), max(end, m.end()), "inhabilitacion")
            for n in targets:
                if kinds[n] in P.REFORMING_OUTCOMES and not P.REFORM.search(low, lo, m.start()):
                    continue  # the inhabilitación being revoked, not the one imposed
                if n not in found:
                    found[n] = Inhabilitacion(n, years, incisos, [ev], same_term=same)
    return [found[n] for n in eligible if n in found]
