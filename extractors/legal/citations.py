"""Cited precedent: Acuerdos Plenarios, Casaciones, R.N., Tribunal Constitucional.

This ruling's own number and numbers in publisher furniture ("Lea también", headlines,
tags) are not citations.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import citations as P
from extractors.legal.patterns.citations import CITATIONS, CONTINUATION
from extractors.legal.text import Context
from schemas import CaseNumber, CaseNumberKind, Citation, CitationKind


PLENARY = {"acuerdo_plenario", "sentencia_plenaria"}  # numbered with the pleno's body: "1-2017/CIJ-433"


def _normalized(kind: str, m) -> str:
    year = m["year"].replace(" ", "")  # OCR: "201 1"
    if kind in PLENARY:
        return f"{kind} {int(m['num'])}-{year}/{m['body'].translate(P.BODY_OCR).upper()}-{m['code']}"
    if kind == "tribunal_constitucional":
        return f"tribunal_constitucional {m['num']}-{year}-{m['type'].upper()}/TC"
    return f"{kind} {int(m['num'])}-{year}"


_ACUERDO_PLENARIO = next(r for r in CITATIONS if r.value == "acuerdo_plenario")


def own_acuerdo_plenario(ctx: Context) -> CaseNumber | None:
    """An Acuerdo Plenario's own number, from its header ("ACUERDO PLENARIO N.° 2-2023/CIJ-112"):
    the document's number (so that the rulings citing it are found) and never its own citation."""
    z, low, raw = ctx.zones, ctx.view.low, ctx.view.raw
    m = _ACUERDO_PLENARIO.rx.search(low, z.header[0], max(z.header[1], min(z.body[1], z.header[0] + 600)))
    if m is None:
        return None
    return CaseNumber(raw=raw[m.start():m.end()], normalized=_normalized("acuerdo_plenario", m),
                      kind=CaseNumberKind.OTRO, evidence=[ctx.ev(m.start(), m.end(), "case.acuerdo_plenario")])


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
            _add(ctx, out, rule.value, norm, m.start(), m.end(), rule.id)
            # "Acuerdos Plenarios N.° 2-2005/CJ-116 y N.° 1-2011/CJ-116": the list goes on
            plural = bool(re.match(r"\w+(?:es|os)\b", low[m.start():m.start() + 14]))
            pos = m.end()
            while rule.value != "tribunal_constitucional" and (c := CONTINUATION.rx.match(low, pos, hi)):
                if (rule.value in PLENARY) != bool(c["body"]) or not (plural or c["sign"].strip()):
                    break
                taken.append((pos, c.end()))
                cn = _normalized(rule.value, c)
                if cn not in own_norm:
                    _add(ctx, out, rule.value, cn, c.start("sign"), c.end(), CONTINUATION.id)
                pos = c.end()
    return list(out.values())


def _add(ctx: Context, out: dict[str, Citation], kind: str, norm: str, s: int, e: int, rule: str) -> None:
    ev = ctx.ev(s, e, rule)
    if norm in out:
        out[norm] = out[norm].model_copy(update={"evidence": out[norm].evidence + [ev]})
    else:
        out[norm] = Citation(kind=CitationKind(kind), raw=ctx.view.raw[s:e].replace("\n", " "),
                             normalized=norm, evidence=[ev])
