"""How the case ended, overall and per defendant, in this document's own vocabulary.

The operative part (or, when the text stops before it, the sumilla) is split into its
dispositions; each one's outcome phrase is chosen by the precedence of the document kind
(a sentencia de vista "CONFIRMAR la sentencia que CONDENA a X" confirms), and given to the
defendants it names. Defendants no disposition names (a contumaz co-accused, one whose
case goes on) get no outcome here.
"""

from __future__ import annotations

import re

from extractors.legal.names import tokens_of
from extractors.legal.patterns import outcomes as P
from extractors.legal.text import Context
from schemas import DefendantOutcome, DocKind, Outcome, OutcomeKind, Party, Role

_SPLIT = re.compile(P.CLAUSE_SPLIT)


def _clauses(low: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out, s = [], lo
    for m in _SPLIT.finditer(low, lo, hi):
        out.append((s, m.start()))
        s = m.start() + 1
    out.append((s, hi))
    return [(a, b) for a, b in out if b > a]


def _name_rx(name: str) -> re.Pattern[str]:
    toks = tokens_of(name)
    key = toks[-2:] if len(toks) >= 2 else toks
    return re.compile(r"\b" + r"\s+".join(re.escape(t) for t in key) + r"\b")


def _pick(kinds: list[tuple[str, int, int, str]], doc_kind: str):
    prim = P.PRIMARY.get(doc_kind, ())
    ranked = [k for k in kinds if k[0] in prim]
    order = prim if ranked else P.FALLBACK_ORDER
    pool = ranked or kinds
    return min(pool, key=lambda k: (order.index(k[0]) if k[0] in order else 99, k[1])) if pool else None


def extract_outcome(ctx: Context, doc_kind: DocKind, parties: list[Party]) -> Outcome | None:
    z, low = ctx.zones, ctx.view.low
    zones = [z.decision] if z.decision[1] > z.decision[0] else []
    if not zones and z.sumilla[1] > z.sumilla[0]:
        zones = [z.sumilla]
    defendants = [p for p in parties if p.role == Role.IMPUTADO]
    name_rx = [(d, _name_rx(d.name)) for d in defendants]
    per: dict[str, tuple[str, int, int, str]] = {}
    overall: list[tuple[str, int, int, str]] = []
    for lo, hi in zones:
        for cs, ce in _clauses(low, lo, hi):
            kinds = []
            for rule in P.PHRASES:
                for m in rule.rx.finditer(low, cs, ce):
                    kinds.append((rule.value, m.start(), m.end(), rule.id))
            best = _pick(kinds, doc_kind.value)
            if not best:
                continue
            overall.append(best)
            for d, rx in name_rx:
                if rx.search(low, cs, ce):
                    cur = per.get(d.name)
                    per[d.name] = _pick([best] + ([cur] if cur else []), doc_kind.value)
    if not overall:
        return None
    if not per and len(defendants) == 1:
        best = _pick(overall, doc_kind.value)
        per[defendants[0].name] = best
    by = [DefendantOutcome(name=d.name, kind=OutcomeKind(per[d.name][0]),
                           evidence=[ctx.ev(per[d.name][1], per[d.name][2], per[d.name][3])])
          for d in defendants if d.name in per]
    kinds = {b.kind for b in by}
    if len(kinds) > 1:
        kind = OutcomeKind.MIXTO
        ev = [e for b in by for e in b.evidence]
    else:
        best = (next(iter(kinds)).value, *per[by[0].name][1:]) if by else _pick(overall, doc_kind.value)
        kind = OutcomeKind(best[0])
        ev = [ctx.ev(best[1], best[2], best[3])]
    return Outcome(kind=kind, by_defendant=by, evidence=ev)
