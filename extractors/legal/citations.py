"""Cited precedent: Acuerdos Plenarios, Casaciones, R.N., Tribunal Constitucional.

This ruling's own number and numbers in publisher furniture ("Lea también", headlines,
tags) are not citations.
"""

from __future__ import annotations

from extractors.legal.patterns.citations import CITATIONS
from extractors.legal.text import Context
from schemas import CaseNumber, Citation, CitationKind


def _normalized(kind: str, m) -> str:
    year = m["year"].replace(" ", "")  # OCR: "201 1"
    if kind == "acuerdo_plenario":
        return f"acuerdo_plenario {int(m['num'])}-{year}/{m['body'].upper()}-{m['code']}"
    if kind == "tribunal_constitucional":
        return f"tribunal_constitucional {m['num']}-{year}-{m['type'].upper()}/TC"
    return f"{kind} {int(m['num'])}-{year}"


def extract_citations(ctx: Context, own: list[CaseNumber]) -> list[Citation]:
    z, low, raw = ctx.zones, ctx.view.low, ctx.view.raw
    own_norm = {c.normalized for c in own}
    out: dict[str, Citation] = {}
    taken: list[tuple[int, int]] = []
    lo, hi = min(z.body[0], z.sumilla[0] if z.sumilla[1] > z.sumilla[0] else z.body[0]), z.body[1]
    for rule in CITATIONS:
        for m in rule.rx.finditer(low, lo, hi):
            if z.in_furniture(m.start()) or any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            if z.header[0] <= m.start() < z.header[1] and rule.value in ("casacion", "recurso_nulidad"):
                continue  # the header's Supreme number is this ruling's own
            taken.append(m.span())
            norm = _normalized(rule.value, m)
            if norm in own_norm:
                continue
            ev = ctx.ev(m.start(), m.end(), rule.id)
            if norm in out:
                out[norm] = out[norm].model_copy(update={"evidence": out[norm].evidence + [ev]})
            else:
                out[norm] = Citation(kind=CitationKind(rule.value), raw=raw[m.start():m.end()].replace("\n", " "),
                                     normalized=norm, evidence=[ev])
    return list(out.values())
