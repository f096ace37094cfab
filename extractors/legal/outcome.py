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


def item_starts(raw: str, lo: int, hi: int) -> list[int]:
    """Where the numbered items of an operative part begin, also when the text has no line
    breaks: "I. APROBAR ... II. CONDENAR ...", "1: DECLARAR ...", "PRIMERO.- ABSOLVER ..."."""
    return [m.start() for m in P.ITEM_MARK.finditer(raw, lo, hi)]


def _in_parens(low: str, pos: int) -> bool:
    """A ";" inside a parenthesis ("(artículo 317; en el caso de X, como líder)") splits nothing."""
    lo = max(0, pos - 160)
    return low.rfind("(", lo, pos) > low.rfind(")", lo, pos)


def items(low: str, lo: int, hi: int, raw: str) -> list[tuple[int, int]]:
    """The numbered items of an operative part (the whole of it when it has none)."""
    cuts = sorted({m.start() for m in P.ITEM_LINE.finditer(low, lo, hi)} | set(item_starts(raw, lo, hi)))
    bounds = [lo] + [c for c in cuts if lo < c < hi] + [hi]
    return [(x, y) for x, y in zip(bounds, bounds[1:]) if y > x]


def _clauses(low: str, lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = [m.start() for m in re.finditer(";", low[lo:hi])]
    out, s = [], lo
    for c in (lo + c for c in cuts):
        if not _in_parens(low, c):
            out.append((s, c))
            s = c + 1
    out.append((s, hi))
    return [(x, y) for x, y in out if y > x]


def _recital(low: str, raw: str, cs: int, m: re.Match[str]) -> bool:
    """The phrase recites what the reviewed ruling decided ("que declaró IMPROCEDENTE ...")."""
    if P.RECITAL_RAW.search(raw, max(cs, m.start() - 12), m.start()):
        return True
    r = P.RECITAL_BEFORE.search(low, max(cs, m.start() - 40), m.start())
    if r is None:
        return False
    return bool(r["verb"]) or low[m.start():m.end()].split(" ", 1)[0] in P.RECITAL_VERBS


def _phrases(low: str, raw: str, cs: int, ce: int) -> list[tuple[str, int, int, str]]:
    return [(rule.value, m.start(), m.end(), rule.id) for rule in P.PHRASES
            for m in rule.rx.finditer(low, cs, ce) if not _recital(low, raw, cs, m)]


def _name_rx(name: str) -> re.Pattern[str]:
    if is_initials(name):  # "R. E. S. S." also written "R.E.S.S."
        letters = re.findall(r"[^\W\d_]{1,2}(?=\.)", fold_key(name))
        return re.compile(r"(?<![\w.])" + r"\.\s*".join(re.escape(x) for x in letters) + r"\.(?!\w)")
    toks = tokens_of(name)
    key = toks[-2:] if len(toks) >= 2 else toks
    # the particles a surname pair keeps between its words: "Quispe de Mamani" (a married
    # woman's name), "Castillo Viuda de Apaza"
    return re.compile(r"\b" + _BETWEEN_SURNAMES.join(re.escape(t) for t in key) + r"\b")


_BETWEEN_SURNAMES = r"\s+(?:(?:de|del|la|las|los|viuda|vda\.?)\s+)*"


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


Hit = tuple[str, int, int, str]  # (kind, start, end, rule id)


def _segments(low: str, raw: str, cs: int, ce: int, doc_kind: str) -> list[tuple[int, int, list[Hit]]]:
    """A clause cut before each of its phrases of the document's own vocabulary: "declararon
    NO HABER NULIDAD ... que absolvió a X. Asimismo, HABER NULIDAD ... que absolvió a Y",
    "CONDENANDO a X ... y ABSOLVIENDO a Y". Other phrases stay with the one before them
    ("CONFIRMAR la sentencia que CONDENA a X")."""
    phrases = _phrases(low, raw, cs, ce)
    prim = P.PRIMARY.get(doc_kind, ())
    own = [h for h in phrases if h[0] in prim] or phrases
    cuts = sorted({h[1] for h in own} - {min((h[1] for h in own), default=cs)})
    bounds = [cs, *cuts, ce]
    return [(a, b, [h for h in phrases if a <= h[1] < b]) for a, b in zip(bounds, bounds[1:]) if b > a]


def _read_item(low: str, raw: str, lo: int, hi: int, doc_kind: str,
               name_rx, request: Hit | None = None) -> tuple[dict[str, list[Hit]], list[Hit], list[Hit]]:
    """Who gets what in one item: a name takes the outcome of its own clause, else of the
    clause before it that has one, else of the next ("Declarar FUNDADO el recurso de X; en
    consecuencia, REVOCAR ..."). An item that names nobody returns its outcomes unassigned;
    the third list holds the outcomes of the item's clauses that name nobody. ``request``: the
    last request ruled on in the items before ("1. FUNDADO el requerimiento de prisión
    preventiva contra X. 2. INFUNDADO el requerimiento respecto de Y"), for an elliptic phrase."""
    rows = []
    for cs, ce in _clauses(low, lo, hi):
        for ss, se, phrases in _segments(low, raw, cs, ce, doc_kind):
            best = _pick(phrases, doc_kind)
            before = next((b for b, _ in reversed(rows) if b), request)
            if best is None and before and before[0] in P.POLARITY and (em := P.ELLIPTIC.search(low, ss, se)):
                best = (P.POLARITY[before[0]][1 if em["neg"] else 0], em.start(), em.end(), "outcome.elliptic")
            names = [d.name for d, rx in name_rx if rx.search(low, ss, se)]
            if not best and P.NOT_DECIDED.search(low, ss, se):
                names = []  # "RESERVARON el juzgamiento de X hasta que sea habido"
            rows.append((best, names))
    found = [b for b, _ in rows if b]
    per: dict[str, list[Hit]] = {}
    last = None
    for i, (best, names) in enumerate(rows):
        last = best or last
        hit = last or next((b for b, _ in rows[i + 1:] if b), None)
        for n in names:
            if hit:
                per.setdefault(n, []).append(hit)
    # "REVOCAR la sentencia que lo condenó; y, REFORMÁNDOLA, ABSOLVER a X": the review's own
    # outcome, in a clause that names nobody, is that of whom the item then names
    prim = P.PRIMARY.get(doc_kind, ())
    review = next((b for b, names in rows if b and not names and b[0] in prim), None)
    if review:
        for hits in per.values():
            if not any(h[0] in prim for h in hits):
                hits.append(review)
    return per, ([] if any(n for _, n in rows) else found), [b for b, names in rows if b and not names]


def extract_outcome(ctx: Context, doc_kind: DocKind, parties: list[Party]) -> Outcome | None:
    z, low = ctx.zones, ctx.view.low
    zones = [z.decision] if z.decision[1] > z.decision[0] else []
    if not zones and z.sumilla[1] > z.sumilla[0]:
        zones = [z.sumilla]
    kind = doc_kind.value
    defendants = [p for p in parties if p.role == Role.IMPUTADO]
    name_rx = [(d, _name_rx(d.name)) for d in defendants]
    hits: dict[str, list[Hit]] = {}
    unnamed: list[Hit] = []
    nameless: list[Hit] = []  # of clauses that name nobody, in items that name someone too
    request: Hit | None = None  # the last request ruled on, for an elliptic item
    for lo, hi in zones:
        for a, b in items(low, lo, hi, ctx.view.raw):
            per_item, loose, quiet = _read_item(low, ctx.view.raw, a, b, kind, name_rx, request)
            request = next((h for hs in (*per_item.values(), loose, quiet) for h in reversed(hs)
                            if h[0] in P.POLARITY), request)
            for n, h in per_item.items():
                hits.setdefault(n, []).extend(h)
            unnamed.extend(loose)
            nameless.extend(quiet)
    overall = [h for hs in hits.values() for h in hs] + unnamed
    if not overall:
        return None
    reviewing = [h for h in unnamed if h[0] in P.REVIEWING]
    if not hits and defendants:
        # no disposition names a defendant ("INFUNDADO el recurso de casación interpuesto por el
        # Fiscal Superior"): the decision is the case's, for each defendant tried here
        tried = [d for d in defendants if not _not_decided_here(ctx, d)] or defendants[:1]
        for d in tried:
            hits[d.name] = list(unnamed)
    elif len(defendants) == 1 and defendants[0].name in hits and (unnamed or nameless):
        # one accused: a disposition that names nobody speaks of him ("HABER NULIDAD en el
        # extremo que le impuso doce años ...; y, reformándola, le IMPUSIERON ocho"), also in
        # the paragraph that named him ("NO HABER NULIDAD en cuanto condena a X; HABER
        # NULIDAD en el extremo que le impone quince años")
        hits[defendants[0].name].extend(unnamed or nameless)
    elif reviewing:
        # "2. REVOCAR la resolución ... y, REFORMÁNDOLA, APROBAR el acuerdo. 3. CONDENAR a X":
        # the recurso's result is X's outcome too
        for n, hs in hits.items():
            if not any(h[0] in P.REVIEWING for h in hs):
                hs.extend(reviewing)
    per = {n: _pick(hs, kind) for n, hs in hits.items()}
    by = [DefendantOutcome(name=d.name, kind=OutcomeKind(per[d.name][0]),
                           evidence=[ctx.ev(per[d.name][1], per[d.name][2], per[d.name][3])])
          for d in defendants if per.get(d.name)]
    kinds = {b.kind for b in by}
    if len(kinds) > 1:
        return Outcome(kind=OutcomeKind.MIXTO, by_defendant=by, evidence=[e for b in by for e in b.evidence])
    best = (next(iter(kinds)).value, *per[by[0].name][1:]) if by else _pick(overall, kind)
    return Outcome(kind=OutcomeKind(best[0]), by_defendant=by, evidence=[ctx.ev(best[1], best[2], best[3])])
