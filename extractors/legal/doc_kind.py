"""The kind of document: its Supreme number, a title in the header block, what the
decision is about, and, last, the verbs of the decision."""

from __future__ import annotations

import re

from extractors.legal.patterns import doc_kinds as P
from extractors.legal.text import Context
from schemas import CaseNumber, DocKind, Evidence


def extract_doc_kind(ctx: Context, case_numbers: list[CaseNumber]) -> tuple[DocKind, list[Evidence]]:
    v, z = ctx.view, ctx.zones
    for cn in case_numbers:  # a Supreme number names the kind (its autos included)
        if cn.kind.value in P.BY_CASE_KIND:
            return DocKind(P.BY_CASE_KIND[cn.kind.value]), [*cn.evidence[:1]]
    lo, hi = z.body[0], max(z.header[1], z.body[0] + 300)
    hits: list[tuple[int, int, str, int, int]] = []  # (priority, pos, value, start, end)
    for prio, rule in enumerate(P.TITLES):
        for m in rule.rx.finditer(v.low, lo, hi):
            line_start = v.low.rfind("\n", 0, m.start()) + 1
            at_line_start = v.low[line_start:m.start()].strip() == ""
            in_capitals = v.raw[m.start():m.end()].isupper()
            if (at_line_start or in_capitals) and not (z.sumilla[0] <= m.start() < z.sumilla[1]):
                hits.append((prio, m.start(), rule.value, m.start(), m.end()))
                break
    if hits:
        prio, _, value, s, e = min(hits)
        return DocKind(value), [ctx.ev(s, e, P.TITLES[prio].id)]
    for cn in case_numbers:
        if cn.kind.value in P.DEFAULT_OF_CASE_KIND:
            return DocKind(P.DEFAULT_OF_CASE_KIND[cn.kind.value]), [*cn.evidence[:1]]
    head_end = z.vistos[1] if z.vistos[1] > z.vistos[0] else hi
    for rule in P.SUBJECT:
        m = rule.rx.search(v.low, z.body[0], head_end)
        if m:
            return DocKind(rule.value), [ctx.ev(m.start(), m.end(), rule.id)]
    # last resort: the verbs of the decision
    dec = v.low[z.decision[0]:z.decision[1]]
    if re.search(r"\b(?:confirmar|revocar|confirmaron|revocaron)\b", dec):
        return DocKind.SENTENCIA_VISTA, [ctx.ev(*z.decision, "kind.decision_verbs")]
    if re.search(r"\b(?:condenando|absolviendo|condenar|absolver)\b", dec):
        return DocKind.SENTENCIA, [ctx.ev(*z.decision, "kind.decision_verbs")]
    for rule in P.DECIDES_REQUEST:
        m = rule.rx.search(v.low, *z.decision)
        if m:
            return DocKind(rule.value), [ctx.ev(m.start(), m.end(), rule.id)]
    return DocKind.OTRO, []
