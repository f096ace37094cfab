"""The lower-court decisions a ruling recites: which court decided what, and when.

An appeal, casación or recurso de nulidad opens by reciting the rulings under review:
"contra la sentencia contenida en la Resolución N.° 11, de fecha treinta de junio de dos mil
veintiuno, expedida por el Juzgado Penal Colegiado Supraprovincial de San Román, que condenó
a ..." (wild w04); "contra la sentencia de vista de fojas cuatrocientos doce, de veintiséis
de abril de dos mil veintiuno, que revocando la sentencia de primera instancia ..., de nueve
de octubre de dos mil veinte, que condenó a ... lo absolvió" (wild w01). Each mention of a
lower "sentencia" with a date yields one decision: its instance, the court that issued it
(when named), the date and what it decided (the first verb of its "que ..." clause).

``Ruling`` has no field for these yet: ``extract_lower_decisions`` returns them so they can
be wired once the schema has one (proposal in the package docstring).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from extractors.legal.court import smart_title
from extractors.legal.dates import find_dates
from extractors.legal.patterns import courts as C
from extractors.legal.patterns import lower as P
from extractors.legal.text import Context
from schemas import DocKind, Evidence, OutcomeKind


@dataclass(frozen=True)
class LowerDecision:
    instance: str  # "primera_instancia" | "apelacion"
    court: str | None
    kind: OutcomeKind | None
    date: date | None
    evidence: list[Evidence] = field(default_factory=list)


REVIEWING = {DocKind.SENTENCIA_VISTA, DocKind.CASACION, DocKind.RECURSO_NULIDAD}


def _court_after(ctx: Context, start: int, end: int, *, direct: bool = False) -> tuple[str | None, int, int]:
    v = ctx.view
    if direct:
        om = C.ORGAN_RX.search(v.low, start, end + 200)
    else:
        m = P.ISSUED_BY.search(v.low, start, end)
        if not m:
            return None, -1, -1
        om = C.ORGAN_RX.match(v.low, m.end())
    if not om:
        return None, -1, -1
    name_end = om.end()
    upper = v.raw[om.start():om.end()].isupper()
    pm = (C.ORGAN_PLACE_UPPER if upper else C.ORGAN_PLACE).rx.match(v.raw[name_end:name_end + 80])
    if pm and not C.CSJ.rx.match(v.low, name_end + pm.start("place")):
        place = re.split(r"\s+del?\s+la\s+(?:Corte|CORTE)\b", pm["place"])[0]
        place = re.sub(r"(?:\s+(?:de|la|del|las|los|DE|LA|DEL))+$", "", place)
        name_end += pm.start("place") + len(place)
    else:
        csj = re.compile(r"\s+de\s+la\s+corte\s+superior\s+de\s+justicia\s+(?:del?\s+)?(?:" + C.DISTRICT_RX + r")\b")
        cm = csj.match(v.low, name_end)
        if cm:
            name_end = cm.end()
    return smart_title(" ".join(v.raw[om.start():name_end].split())), om.start(), name_end


def _court_before(ctx: Context, pos: int) -> tuple[str | None, int, int]:
    """"La Sala Penal de Apelaciones de Madre de Dios, por sentencia de vista de ..."."""
    v = ctx.view
    lo = max(0, pos - 200)
    if not P.BEFORE_BY.search(v.low, lo, pos):
        return None, -1, -1
    last = None
    for om in C.ORGAN_RX.finditer(v.low, lo, pos):
        last = om
    if last is None:
        return None, -1, -1
    return _court_after(ctx, last.start() - 1, last.start() + 1, direct=True)


def extract_lower_decisions(ctx: Context, doc_kind: DocKind, *, resolution: date | None = None
                            ) -> list[LowerDecision]:
    """The lower rulings this ruling reviews, in the order the text recites them."""
    if doc_kind not in REVIEWING:
        return []
    z, low = ctx.zones, ctx.view.low
    lo, hi = z.vistos[0] if z.vistos[1] > z.vistos[0] else z.header[1], z.body[1]
    out: list[LowerDecision] = []
    seen: set[tuple[str, date]] = set()
    for m in P.LOWER_SENTENCE.rx.finditer(low, lo, hi):
        if z.in_furniture(m.start()) or z.decision[0] <= m.start() < z.decision[1]:
            continue
        instance = "apelacion" if m["vista"] else "primera_instancia"
        # the date of this sentencia: the first full date before the next "que"/sentencia
        window_end = min(hi, m.end() + 260)
        nxt = P.LOWER_SENTENCE.rx.search(low, m.end(), window_end)
        window_end = nxt.start() if nxt else window_end
        dates = [d for d in find_dates(low, m.end(), window_end) if d.value]
        if (not dates or P.NOT_ISSUED.search(low, m.end(), dates[0].start)
                or P.ACT_DATED.fullmatch(low, m.end(), dates[0].start)):
            continue
        when = dates[0]
        if when.value == resolution:
            continue
        court, cs, ce = _court_after(ctx, when.end, min(hi, when.end + 160))
        if court is None:
            court, cs, ce = _court_before(ctx, m.start())
        verb = P.DECIDED.search(low, when.end, min(hi, when.end + 420))
        if verb and nxt is not None and verb.start() > nxt.start() and instance == "apelacion":
            verb = P.DECIDED.search(low, when.end, nxt.start())  # "que revocando la sentencia ..."
        kind = OutcomeKind(P.VERB_KIND[verb["verb"]]) if verb else None
        ev = [ctx.ev(m.start(), when.end, P.LOWER_SENTENCE.id)]
        if court:
            ev.append(ctx.ev(cs, ce, "lower.court"))
        if verb:
            ev.append(ctx.ev(verb.start("verb"), verb.end("verb"), "lower.verb"))
        key = (instance, when.value)
        if key in seen:  # the same decision recited again: fill in what the first mention lacked
            i = next(i for i, d in enumerate(out) if (d.instance, d.date) == key)
            old = out[i]
            out[i] = LowerDecision(instance, old.court or court, old.kind or kind, old.date, old.evidence + ev)
            continue
        seen.add(key)
        out.append(LowerDecision(instance, court, kind, when.value, ev))
    # "Es materia de apelación la sentencia que condenó a ...": what an undated mention says
    for i, d in enumerate(out):
        if d.kind is not None:
            continue
        for m in P.LOWER_SENTENCE.rx.finditer(low, lo, hi):
            same = ("apelacion" if m["vista"] else "primera_instancia") == d.instance
            verb = P.DECIDED.match(low, m.end() + len(low[m.end():m.end() + 3]) - len(low[m.end():m.end() + 3].lstrip()))
            if same and verb and not (z.decision[0] <= m.start() < z.decision[1]):
                out[i] = LowerDecision(d.instance, d.court, OutcomeKind(P.VERB_KIND[verb["verb"]]), d.date,
                                       d.evidence + [ctx.ev(verb.start("verb"), verb.end("verb"), "lower.verb")])
                break
    return out
