"""How the case ended, overall and per defendant, in this document's own vocabulary.

The operative part (or, when the text stops before it, the sumilla) is split into its
dispositions; each one's outcome phrase is chosen by the precedence of the document kind
(a sentencia de vista "CONFIRMAR la sentencia que CONDENA a X" confirms), and given to the
defendants it names. Defendants no disposition names (a contumaz co-accused, one whose
case goes on) get no outcome here.
"""

from __future__ import annotations

import re

from extractors.legal.names import is_initials, tokens_of
from extractors.legal.patterns import outcomes as P
from extractors.legal.text import Context, fold_key
from schemas import DefendantOutcome, DocKind, Outcome, OutcomeKind, Party, Role

_SPLIT = re.compile(P.CLAUSE_SPLIT)


def item_starts(raw: str, lo: int, hi: int) -> list[int]:
    """Where the numbered items of an operative part begin, also when the text has no line
    breaks: "I. APROBAR ... II. CONDENAR ...", "1: DECLARAR ...", "PRIMERO.- ABSOLVER ..."."""
    return [m.start() for m in P.ITEM_MARK.finditer(raw, lo, hi)]


def _clauses(low: str, lo: int, hi: int, raw: str | None = None) -> list[tuple[int, int]]:
    cuts = {m.start() for m in _SPLIT.finditer(low, lo, hi)}
    if raw is not None:
        cuts |= set(item_starts(raw, lo, hi))
    out, s = [], lo
    for c in sorted(cuts):
        out.append((s, c))
        s = c + 1
    out.append((s, hi))
    return [(a, b) for a, b in out if b > a]


def _name_rx(name: str) -> re.Pattern[str]:
    if is_initials(name):  # "R. E. S. S." also written "R.E.S.S."
        letters = re.findall(r"[^\W\d_]{1,2}(?=\.)", fold_key(name))
        return re.compile(r"(?<![\w.])" + r"\.\s*".join(re.escape(x) for x in letters) + r"\.(?!\w)")
    toks = tokens_of(name)
    key = toks[-2:] if len(toks) >= 2 else toks
    return re.compile(r"\b" + r"\s+".join(re.escape(t) for t in key) + r"\b")


def _pick(kinds: list[tuple[str, int, int, str]], doc_kind: str):
    prim = P.PRIMARY.get(doc_kind, ())
    ranked = [k for k in kinds if k[0] in prim]
    order = prim if ranked else P.FALLBACK_ORDER
    pool = ranked or kinds
    return min(pool, key=lambda k: (order.index(k[0]) if k[0] in order else 99, k[1])) if pool else None


def _mentions(ctx: Context, d: Party) -> list[int]:
    rx = _name_rx(d.name)
    z = ctx.zones
    return [m.start() for m in rx.finditer(ctx.view.low, *z.body)]


def _not_decided_here(ctx: Context, d: Party) -> bool:
    """A co-accused declared contumaz or absent, or whose case goes on elsewhere."""
    low = ctx.view.low
    return any(P.NOT_DECIDED.search(low, max(0, s - 140), s + 160) for s in _mentions(ctx, d))


def _conformed(ctx: Context, d: Party) -> bool:
    """The defendant accepted the charges (conclusión anticipada, conformidad)."""
    low = ctx.view.low
    for s in _mentions(ctx, d):
        if ctx.zones.in_furniture(s):
            continue
        a = max(low.rfind(". ", 0, s), low.rfind(".\n", 0, s), s - 300)
        ends = [x for x in (low.find(". ", s), low.find(".\n", s)) if x >= 0]
        if any(not ctx.zones.in_furniture(m.start())
               for m in P.CONFORMITY.finditer(low, max(a, ctx.zones.body[0]), min(ends + [s + 300]))):
            return True
    return False


def _accused_conformed(ctx: Context) -> bool:
    """"El acusado ... aceptó los cargos": the only accused, named by role."""
    low, z = ctx.view.low, ctx.zones
    for m in P.CONFORMITY.finditer(low, *z.body):
        if z.in_furniture(m.start()):
            continue
        a = max(low.rfind(". ", 0, m.start()), low.rfind(".\n", 0, m.start()), m.start() - 300)
        if P.ACCUSED_NOUN.search(low, a, m.start()):
            return True
    return False


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
        for cs, ce in _clauses(low, lo, hi, ctx.view.raw):
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
    if not per and defendants:
        # no disposition names a defendant ("INFUNDADO el recurso de casación interpuesto por el
        # Fiscal Superior"): the decision is the case's, for each defendant tried here
        best = _pick(overall, doc_kind.value)
        tried = [d for d in defendants if not _not_decided_here(ctx, d)] or defendants[:1]
        for d in tried:
            per[d.name] = best
    alone = len(per) == 1 and len(defendants) == 1
    conformed = [d for d in defendants if d.name in per and per[d.name][0] == "condena"
                 and (_conformed(ctx, d) or (alone and _accused_conformed(ctx)))]
    if conformed and len(conformed) == len(per):
        # every defendant judged here accepted the charges: a sentencia conformada
        for d in conformed:
            per[d.name] = ("conclusion_anticipada", *per[d.name][1:3], "outcome.conformidad")
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
