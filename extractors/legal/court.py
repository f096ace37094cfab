"""The deciding court: name, level and judicial district.

Supreme Court: "CORTE SUPREMA ... SALA PENAL PERMANENTE" -> "Sala Penal Permanente", no
district (the case's district is in its number). Lower courts: the organ named as the
subject of the decision ("Por estos fundamentos, el Tercer Juzgado Penal Unipersonal de
Piura, ... FALLA"), else the organ in the header block. The name is written as the text
writes it; an organ without a seat of its own keeps "de la Corte Superior de Justicia de X".
"""

from __future__ import annotations

import re

from extractors.legal.patterns import courts as P
from extractors.legal.text import Context
from schemas import Court, CourtLevel, Evidence

_CSJ_SUFFIX = re.compile(r"\s+de\s+la\s+" + P.CSJ.pattern.replace("\\b", "", 1))
_SMALL = {"de", "del", "la", "las", "los", "y", "en", "e", "a", "el"}


def smart_title(text: str) -> str:
    """"JUZGADO PENAL COLEGIADO DE MAYNAS" -> "Juzgado Penal Colegiado de Maynas"."""
    if not text.isupper():
        return text
    words = text.lower().split(" ")
    return " ".join(w if (w in _SMALL and i) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def district_in(low: str, start: int, end: int) -> tuple[str, int, int] | None:
    m = P.CSJ.rx.search(low, start, end)
    if not m:
        return None
    return P.DISTRICT_BY_FOLDED[" ".join(m["district"].split())], m.start(), m.end()


def _organ(ctx: Context, start: int, end: int, rule: str, skip_other: bool) -> Court | None:
    v = ctx.view
    for m in P.ORGAN_RX.finditer(v.low, start, end):
        line_start = v.low.rfind("\n", 0, m.start()) + 1
        if skip_other and P.OTHER_COURT_LABELS.search(v.low[max(line_start, m.start() - 40):m.start()]):
            continue
        name_end = m.end()
        upper = v.raw[m.start():m.end()].isupper()
        pm = (P.ORGAN_PLACE_UPPER if upper else P.ORGAN_PLACE).rx.match(v.raw[name_end:name_end + 80])
        own_place = bool(pm) and not P.CSJ.rx.match(v.low, name_end + pm.start("place"))
        if pm and own_place:
            place = pm["place"]
            # stop the place at a lowercase clause ("de Piura, impartiendo") or "de la Corte"
            place = re.split(r"\s+del?\s+la\s+(?:Corte|CORTE)\b", place)[0]
            place = re.sub(r"(?:\s+(?:de|la|del|las|los|DE|LA|DEL))+$", "", place)
            name_end = name_end + pm.start("place") + len(place)
        else:
            suffix = _CSJ_SUFFIX.match(v.low, name_end)
            if suffix:
                name_end = suffix.end()
        # the organ pattern allows line breaks between words ("Juzgado Penal\nUnipersonal")
        matched = " ".join(v.low[m.start():m.end()].split())
        level = next((r.value for r in P.ORGANS if re.search(r.pattern, matched)), None)
        if level is None:
            continue
        name = smart_title(" ".join(v.raw[m.start():name_end].split()))
        return Court(name=name, level=CourtLevel(level), evidence=[ctx.ev(m.start(), name_end, rule)])
    return None


def extract_court(ctx: Context) -> Court:
    v, z = ctx.view, ctx.zones
    head = (z.body[0], max(z.header[1], z.body[0] + 400))
    sup = P.SUPREME.rx.search(v.low, *head)
    if sup:
        ch = P.SUPREME_CHAMBER.rx.search(v.low, *head)
        if ch:
            name = smart_title(v.raw[ch.start():ch.end()])
            return Court(name=name, level=CourtLevel.CORTE_SUPREMA, district=None,
                         evidence=[ctx.ev(ch.start(), ch.end(), P.SUPREME_CHAMBER.id),
                                   ctx.ev(sup.start(), sup.end(), P.SUPREME.id)])
        return Court(name=None, level=CourtLevel.CORTE_SUPREMA,
                     evidence=[ctx.ev(sup.start(), sup.end(), P.SUPREME.id)])
    court = None
    if z.decision[1] > z.decision[0]:
        court = _organ(ctx, z.decision[0], min(z.decision[1], z.decision[0] + 500),
                       "court.decision_subject", skip_other=False)
    if court is None:
        court = _organ(ctx, *head, "court.header", skip_other=True)
    district = None
    ev: list[Evidence] = []
    for lo, hi in (head, z.decision, z.body):
        found = district_in(v.low, lo, hi)
        if found:
            district, s, e = found
            ev = [ctx.ev(s, e, P.CSJ.id)]
            break
    if court is None:
        return Court(name=None, level=CourtLevel.CORTE_SUPERIOR if district else None,
                     district=district, evidence=ev)
    return court.model_copy(update={"district": district, "evidence": court.evidence + ev})
