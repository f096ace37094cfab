"""The kind of document: a title in the header block, else the kind of its case number."""

from __future__ import annotations

import re

from extractors.legal.patterns import doc_kinds as P
from extractors.legal.text import Context
from schemas import CaseNumber, DocKind, Evidence


def extract_doc_kind(ctx: Context, case_numbers: list[CaseNumber]) -> tuple[DocKind, list[Evidence]]:
    v, z = ctx.view, ctx.zones
    lo, hi = z.body[0], max(z.header[1], z.body[0] + 300)
    hits: list[tuple[int, int, str, int, int]] = []  # (priority, pos, value, start, end)
    for prio, rule in enumerate(P.TITLES):
        for m in rule.rx.finditer(v.low, lo, hi):
            line_start = v.low.rfind("\n", 0, m.start()) + 1
            at_line_start = v.low[line_start:m.start()].strip() == ""
            in_capitals = v.raw[m.start():m.end()].isupper()
            if at_line_start or in_capitals:
                hits.append((prio, m.start(), rule.value, m.start(), m.end()))
                break
    if hits:
        prio, _, value, s, e = min(hits)
        if value not in ("auto", "acuerdo_plenario"):
            for cn in case_numbers:  # a Supreme number names the kind
                if cn.kind.value in P.BY_CASE_KIND:
                    return DocKind(P.BY_CASE_KIND[cn.kind.value]), [*cn.evidence[:1]]
        rule_id = P.TITLES[prio].id
        return DocKind(value), [ctx.ev(s, e, rule_id)]
    for cn in case_numbers:
        if cn.kind.value in P.BY_CASE_KIND:
            return DocKind(P.BY_CASE_KIND[cn.kind.value]), [*cn.evidence[:1]]
    # last resort: the verbs of the decision
    dec = v.low[z.decision[0]:z.decision[1]]
    if re.search(r"\b(?:confirmar|revocar|confirmaron|revocaron)\b", dec):
        return DocKind.SENTENCIA_VISTA, [ctx.ev(*z.decision, "kind.decision_verbs")]
    if re.search(r"\b(?:condenando|absolviendo|condenar|absolver)\b", dec):
        return DocKind.SENTENCIA, [ctx.ev(*z.decision, "kind.decision_verbs")]
    return DocKind.OTRO, []
