"""Penalties imposed or confirmed by this ruling's operative part, per defendant.

Penalties quoted in VISTOS (the lower court's) are not read. Within each numbered item of
the decision a prison term or días-multa goes to the nearest defendant named before it
("a cada uno": all of them); a reparación civil goes to the defendant named right after
the amount ("S/ 25 000.00 que deberá pagar X"), else before it, else to every penalised
defendant when there is one or it is paid "en forma solidaria".
"""

from __future__ import annotations

import itertools

from extractors.legal.numbers import parse_amount, words_to_int
from extractors.legal.outcome import _name_rx, item_starts
from extractors.legal.patterns import penalties as P
from extractors.legal.text import Context
from schemas import Outcome, Party, Penalty, Role


def _num(text: str | None) -> int | None:
    if not text:
        return None
    text = text.strip()
    return int(text) if text.isdigit() else words_to_int(text)


def _items(low: str, lo: int, hi: int, raw: str) -> list[tuple[int, int]]:
    marks = {m.start() for m in P.ITEM_SPLIT.finditer(low, lo, hi)} | set(item_starts(raw, lo, hi))
    cuts = [lo] + sorted(marks) + [hi]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _named_before(names: list[tuple[int, str]], pos: int, eligible: list[str]) -> list[str]:
    """The defendant named last before ``pos``; the only defendant when none is named."""
    prior = [n for s, n in names if s < pos]
    if not prior:
        return eligible if len(eligible) == 1 else []
    return [prior[-1]]


def extract_penalties(ctx: Context, parties: list[Party], outcome: Outcome | None) -> list[Penalty]:
    z, low = ctx.zones, ctx.view.low
    if outcome is None or z.decision[1] <= z.decision[0]:
        return []
    kinds = {d.name: d.kind.value for d in outcome.by_defendant}
    ok = P.PENALTY_OUTCOMES | P.REFORMING_OUTCOMES
    eligible = [p.name for p in parties if p.role == Role.IMPUTADO and kinds.get(p.name) in ok]
    reforming = {n for n in eligible if kinds[n] in P.REFORMING_OUTCOMES}
    if not eligible:
        return []
    data: dict[str, dict] = {n: {"ev": []} for n in eligible}
    rx = {n: _name_rx(n) for n in eligible}
    for lo, hi in _items(low, *z.decision, ctx.view.raw):
        names = sorted((m.start(), n) for n in eligible for m in rx[n].finditer(low, lo, hi))
        for m in P.PRISON.finditer(low, lo, hi):
            years = (_num(m["years"]) or 0) + (_num(m["months"]) or 0) / 12 if m["years"] else (_num(m["monly"]) or 0) / 12
            targets = sorted({n for _, n in names}) if P.EACH.search(low, max(lo, m.start() - 60), min(hi, m.end() + 60)) and names else _named_before(names, m.start(), eligible)
            after = low[m.end():m.end() + 120]
            effective = True if P.EFFECTIVE.search(after) else (False if P.SUSPENDED.search(after) else None)
            prob = P.PROBATION.search(low, m.end(), min(hi, m.end() + 160))
            for n in targets:
                named = [s for s, nn in names if nn == n and s < m.start()]
                after_reform = bool(P.REFORM.search(low, named[0] if named else lo, m.start()))
                if n in reforming and not after_reform:
                    continue  # the penalty being revoked or annulled
                if "prison_years" in data[n] and not (after_reform and not data[n].get("_reformed")):
                    continue
                data[n]["_reformed"] = after_reform
                data[n].update(prison_years=round(years, 4), effective=effective,
                               probation_years=_num(prob["years"]) if prob and effective is False else None)
                data[n]["ev"].append(ctx.ev(m.start(), m.end(), "penalty.prison"))
        for m in P.DIAS_MULTA.finditer(low, lo, hi):
            for n in _named_before(names, m.start(), eligible):
                if "dias_multa" not in data[n] and _num(m["n"]):
                    data[n]["dias_multa"] = _num(m["n"])
                    data[n]["ev"].append(ctx.ev(m.start(), m.end(), "penalty.dias_multa"))
        if not P.REPARACION.search(low, lo, hi):
            continue
        for m in P.MONEY.finditer(low, lo, hi):
            amount = parse_amount(" ".join(m["amount"].split())) if m["amount"] else _num(m["words"])
            if not amount:
                continue
            following = [n for s, n in names if m.end() <= s < m.end() + 80]
            targets = following[:1] or _named_before(names, m.start(), eligible)
            if P.SOLIDARIA.search(low, lo, hi):
                targets = eligible  # a solidary reparación is owed by each defendant
            elif not following and not targets:
                targets = sorted({n for _, n in names}) or eligible
            for n in targets:
                if "reparacion_civil_soles" not in data[n]:
                    data[n]["reparacion_civil_soles"] = float(amount)
                    data[n]["ev"].append(ctx.ev(m.start(), m.end(), "penalty.reparacion"))
    out = []
    for n in eligible:
        d = data[n]
        ev = d.pop("ev")
        d.pop("_reformed", None)
        if n in reforming and "prison_years" not in d:
            continue
        if d:
            out.append(Penalty(defendant=n, evidence=ev, **d))
    return out
