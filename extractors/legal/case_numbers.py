"""This ruling's own case numbers: expediente, casación or recurso de nulidad.

Only numbers in the header block (above VISTOS, running headers included once) are this
ruling's; numbers in the body are the lower courts' or other files', and numbers in
publisher furniture ("Lea también", headlines) belong to other posts. A short form that
abbreviates a long one ("Exp. 874-2013-52" and "00874-2013-52-2701-JR-PE-01") is merged
into the long one.
"""

from __future__ import annotations

import re

from extractors.data.districts import DISTRICTS, district_of_seat
from extractors.legal.patterns import case_numbers as P
from extractors.legal.patterns import courts as C
from extractors.legal.text import Context
from schemas import CaseNumber, CaseNumberKind

# the district after a Supreme number: "/Puno", ", Madre de Dios", "-Lima", glued
# ("2019PUNO"), or alone on the next line ("R. N. N° 2031 – 2012\nUCAYALI"; a place-date line
# "Lima, diez de junio ..." after it is not the district)
_DISTRICT_AFTER = re.compile(
    rf"^(?:[ \t]*[/,\-–][ \t]*\n?[ \t]*|[ \t]*\n[ \t]*(?=(?:{C.DISTRICT_RX})[ \t]*(?:\n|$))|[ \t]+|)"
    rf"(?:de\s+)?(?P<district>{C.DISTRICT_RX})\b")
_BY_CODE = {d.code: d for d in DISTRICTS if d.code}


def _seat_district(seat: str) -> str | None:
    d = district_of_seat(seat) or _BY_CODE.get(seat[:2])
    return d.name if d else None


def _candidates(ctx: Context, start: int, end: int):
    low, raw = ctx.view.low, ctx.view.raw
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in P.LONG.rx.finditer(low, start, end):
        norm = "-".join([m["num"], m["year"].replace(" ", ""), m["inc"], m["seat"], m["organ"].upper(),
                         m["spec"].upper(), m["court"]])
        taken.append(m.span())
        yield m.start(), m.end(), CaseNumber(raw=raw[m.start():m.end()], normalized=norm,
                                             kind=CaseNumberKind.EXPEDIENTE,
                                             district=_seat_district(m["seat"])), P.LONG.id
    for rule in P.SUPREME:
        for m in rule.rx.finditer(low, start, end):
            if not free(*m.span()):
                continue
            taken.append(m.span())
            kind = CaseNumberKind(rule.value)
            after = _DISTRICT_AFTER.match(low[m.end():m.end() + 40])
            district, e = None, m.end()
            if after:
                district = C.DISTRICT_BY_FOLDED[" ".join(after["district"].split())]
                e = m.end() + after.end()
            yield m.start(), e, CaseNumber(raw=raw[m.start():e], normalized=f"{kind.value} {int(m['num'])}-{m['year']}",
                                           kind=kind, district=district), rule.id
    for m in P.MEDIUM.rx.finditer(low, start, end):
        if not free(*m.span()):
            continue
        taken.append(m.span())
        norm = f"{m['num']}-{m['year']}-{m['inc']}-{m['seat']}"
        yield m.start(), m.end(), CaseNumber(raw=raw[m.start():m.end()], normalized=norm,
                                             kind=CaseNumberKind.EXPEDIENTE,
                                             district=_seat_district(m["seat"])), P.MEDIUM.id
    for m in P.SHORT.rx.finditer(low, start, end):
        if not free(*m.span()):
            continue
        taken.append(m.span())
        norm = f"{int(m['num']):05d}-{m['year']}" + (f"-{m['inc']}" if m["inc"] else "")
        yield m.start(), m.end(), CaseNumber(raw=raw[m.start():m.end()], normalized=norm,
                                             kind=CaseNumberKind.EXPEDIENTE), P.SHORT.id


def _key(cn: CaseNumber) -> tuple:
    parts = re.split(r"[- ]", cn.normalized)
    nums = [p for p in parts if p.isdigit()]
    return (int(nums[0]), nums[1], *nums[2:3]) if len(nums) >= 2 else (cn.normalized,)


def _not_own(low: str, s: int, cn: CaseNumber, rule: str, *, supreme: bool, body: bool) -> bool:
    before = low[max(0, s - 30):s]
    blocked = P.NOT_THIS_CASE_LONG if rule == P.LONG.id else P.NOT_THIS_CASE
    if blocked.search(before) or P.LOWER_COURT_CUES.search(before):
        return True
    if cn.kind.value in P.SUPREME_ONLY and not supreme:
        return True
    return body and bool(P.CITED_BEFORE.search(before))


def extract_case_numbers(ctx: Context, *, court_district: str | None = None,
                         supreme: bool = False) -> list[CaseNumber]:
    """This ruling's own numbers. ``supreme``: the Corte Suprema decides it, so its
    "APELACIÓN N.°" and "QUEJA N.°" numbers are the ruling's own."""
    z, low = ctx.zones, ctx.view.low
    found: dict[str, CaseNumber] = {}
    # the header block first; without a number there, the first number of the body
    for zone, limit in ((z.header, None), (z.body, 1)):
        for s, e, cn, rule in sorted(_candidates(ctx, *zone), key=lambda c: c[0]):
            if z.in_furniture(s) or _not_own(low, s, cn, rule, supreme=supreme, body=limit is not None):
                continue
            ev = ctx.ev(s, e, rule)
            if cn.normalized in found:
                old = found[cn.normalized]
                found[cn.normalized] = old.model_copy(update={
                    "evidence": old.evidence + [ev], "district": old.district or cn.district})
            elif limit is None or len(found) < limit:
                found[cn.normalized] = cn.model_copy(update={"evidence": [ev]})
        if found:
            break
    out = list(found.values())
    # a short form in the header whose long form is written in the body ("EXPEDIENTE N.°
    # 11-2019-6" and "00011-2019-6-5001-JS-PE-01"): the long form is the number
    shorts = [c for c in out if c.kind == CaseNumberKind.EXPEDIENTE and c.normalized.count("-") <= 2]
    if shorts:
        for s, e, cn, rule in _candidates(ctx, *z.body):
            if rule != P.LONG.id or cn.normalized in found or z.in_furniture(s):
                continue
            for short in shorts:
                if _key(cn)[:len(_key(short))] == _key(short) and len(_key(short)) >= 3:
                    out.append(cn.model_copy(update={"evidence": [ctx.ev(s, e, rule)]}))
                    found[cn.normalized] = cn
                    break
    # merge short forms into the long form they abbreviate
    longs = [c for c in out if c.kind == CaseNumberKind.EXPEDIENTE and c.normalized.count("-") >= 3]
    merged = [c for c in out if not any(
        l is not c and len(l.normalized) > len(c.normalized) and _key(l)[:len(_key(c))] == _key(c)
        for l in longs)]
    # district from the text when the number does not encode a known one
    return [c if c.district or not court_district else c.model_copy(update={"district": court_district})
            for c in merged]
