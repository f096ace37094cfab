"""Penalties imposed or confirmed by this ruling's operative part, per defendant.

Penalties quoted in VISTOS (the lower court's) are not read. Within each numbered item of
the decision a prison term or días-multa goes to the defendants named since the previous
one of its kind ("condenó a X, Y y Z ... a doce años"; "a) X: treinta años ... b) Y: veinte
años"; "a cada uno": all of them); a reparación civil goes to the defendant named right
after the amount ("S/ 25 000.00 que deberá pagar X"), else before it, else to every
penalised defendant when there is one or it is paid "en forma solidaria". When this
decision sets the reviewed ruling aside (revoca, haber nulidad, casación fundada), only the
penalties it imposes itself count: after "REFORMÁNDOLA" or "en sede de instancia", or in an
item that imposes them anew.
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


def _units(low: str, lo: int, hi: int, raw: str) -> list[tuple[int, int]]:
    """The items of the operative part, each cut into its sentences: an operative paragraph
    often decides for one defendant per sentence ("... la ABSOLVIERON. Asimismo, declararon
    HABER NULIDAD ... a X ...")."""
    out = []
    for a, b in _items(low, lo, hi, raw):
        cuts = [m.end() for m in P.SENTENCE_END.finditer(raw, a, b)]
        out += [(x, y) for x, y in itertools.pairwise([a, *cuts, b]) if y > x]
    return out


def _named_before(names: list[tuple[int, str]], pos: int, eligible: list[str]) -> list[str]:
    """The defendant named last before ``pos``; the only defendant when none is named; every
    one when the item names nobody at all (the penalty is the whole decision's)."""
    prior = [n for s, n in names if s < pos]
    if not prior:
        return eligible if len(eligible) == 1 or not names else []
    return [prior[-1]]


class _Groups:
    """Whom each penalty of one kind in an item goes to: the defendants named since the
    previous penalty of that kind, else the same ones as that previous penalty ("impuso a X
    doce años; y, REFORMÁNDOLA, le IMPUSIERON ocho"), else the only defendant; in an item
    that names nobody ("3) IMPONER ciento ochenta días-multa a cada sentenciado"), every
    defendant the decision penalises."""

    def __init__(self, names: list[tuple[int, str]], lo: int, eligible: list[str]):
        self.names, self.prev_end = names, lo
        self.prev = list(eligible) if len(eligible) == 1 or not names else []

    def take(self, start: int, end: int) -> list[str]:
        group = list(dict.fromkeys(n for s, n in self.names if self.prev_end <= s < start)) or self.prev
        self.prev_end, self.prev = end, group
        return group


def _years(m) -> float:
    """A term's years, as P.PRISON or P.LISTED matched it (the years first or after the name)."""
    groups = m.groupdict()
    for y, mo, mon in (("years", "months", "monly"), ("years2", "months2", "monly2")):
        if groups.get(y):
            return (_num(groups[y]) or 0) + (_num(groups.get(mo)) or 0) / 12
        if groups.get(mon):
            return (_num(groups[mon]) or 0) / 12
    return 0.0


def _prison_terms(low: str, lo: int, hi: int) -> list[tuple[int, int, float | None, bool | None]]:
    """(start, end, years, effective) of each prison term the item states; a cadena perpetua
    has None years."""
    out: list[tuple[int, int, float | None, bool | None]] = [(m.start(), m.end(), None, True)
                                                             for m in P.LIFE.finditer(low, lo, hi)]
    for m in P.PRISON.finditer(low, lo, hi):
        after = low[m.end():m.end() + 120]
        if P.CONVERTED_NEAR.match(low, m.end(), min(hi, m.end() + 220)):
            effective = False  # "… efectiva, la misma que se CONVIERTE a …": not served in prison
        elif m["mode"] or P.EFFECTIVE.search(after):
            effective = True
        elif P.SUSPENDED.search(after) or P.SUSPENSION_NEAR.match(low, m.end(), min(hi, m.end() + 220)):
            effective = False
        else:
            effective = P.EFFECTIVE_BY_DEFAULT
        out.append((m.start(), m.end(), _years(m), effective))
    intro = P.LIST_INTRO.search(low, lo, hi)
    if intro:
        tail = intro["tail"]
        effective = True if "efectiva" in tail else (False if "suspendida" in tail else P.EFFECTIVE_BY_DEFAULT)
        out += [(m.start(), m.end(), _years(m), effective) for m in P.LISTED.finditer(low, intro.end(), hi)]
    return sorted(out)


def _imposed_here(low: str, lo: int, start: int, first_named: int) -> tuple[bool, bool]:
    """For a defendant whose outcome sets the reviewed ruling aside: does the penalty at
    ``start`` come from this decision, and does it come after a REFORMÁNDOLA?"""
    reforms = list(P.REFORM.finditer(low, first_named, start))
    reformed = bool(reforms)
    # "actuando en sede de instancia: REVOCARON la sentencia que lo condenó a ocho años; y,
    # reformándola, lo ABSOLVIERON": a term recited as set aside after the marker is not imposed
    since = reforms[-1].end() if reforms else lo
    recited = P.SETS_ASIDE.search(low, since, start) and P.RECITED.search(low[since:start])
    fresh = not P.SETS_ASIDE.search(low, lo, start) and not P.RECITED.search(low[lo:start])
    return bool((reformed and not recited) or fresh), reformed


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
    victims = [(p.name, _name_rx(p.name)) for p in parties if p.role in (Role.AGRAVIADO, Role.ACTOR_CIVIL)]
    for lo, hi in _units(low, *z.decision, ctx.view.raw):
        names = sorted((m.start(), n) for n in eligible for m in rx[n].finditer(low, lo, hi))
        _prison(ctx, data, names, (lo, hi), eligible, reforming)
        groups = _Groups(names, lo, eligible)
        for m in P.DIAS_MULTA.finditer(low, lo, hi):
            for n in groups.take(m.start(), m.end()):
                if "dias_multa" not in data[n] and _num(m["n"]):
                    data[n]["dias_multa"] = _num(m["n"])
                    data[n]["ev"].append(ctx.ev(m.start(), m.end(), "penalty.dias_multa"))
        if P.REPARACION.search(low, lo, hi):
            _reparacion(ctx, data, names, (lo, hi), eligible, victims, reforming)
    out = []
    for n in eligible:
        d = data[n]
        ev = d.pop("ev")
        d.pop("_reformed", None)
        d.pop("_payees", None)
        if n in reforming and "prison_years" not in d and not d.pop("_civil_reformed", False):
            continue
        d.pop("_civil_reformed", None)
        if d:
            out.append(Penalty(defendant=n, evidence=ev, **d))
    return out


def _prison(ctx: Context, data: dict, names: list[tuple[int, str]], item: tuple[int, int],
            eligible: list[str], reforming: set[str]) -> None:
    low, (lo, hi) = ctx.view.low, item
    groups = _Groups(names, lo, eligible)
    for start, end, years, effective in _prison_terms(low, lo, hi):
        group = groups.take(start, end)
        each = P.EACH.search(low, max(lo, start - 60), min(hi, end + 60)) and names
        targets = sorted({n for _, n in names}) if each else group
        prob = P.PROBATION.search(low, end, min(hi, end + 160))
        for n in targets:
            named = [s for s, nn in names if nn == n and s < start]
            counts, after_reform = _imposed_here(low, lo, start, named[0] if named else lo)
            if n in reforming and not counts:
                continue  # the penalty being revoked or annulled
            total = P.PRISON_TOTAL.search(low, max(lo, start - 50), start)
            if "effective" in data[n] and not (after_reform and not data[n].get("_reformed")) and not total:
                continue
            data[n]["_reformed"] = after_reform
            data[n].update(prison_years=None if years is None else round(years, 4), effective=effective,
                           cadena_perpetua=True if years is None else None,
                           probation_years=_num(prob["years"] or prob["years2"]) if prob and effective is False else None)
            data[n]["ev"].append(ctx.ev(start, end, "penalty.prison"))


def _reparacion(ctx: Context, data: dict, names: list[tuple[int, str]], item: tuple[int, int],
                eligible: list[str], victims: list[tuple[str, object]] = (), reforming: set[str] = frozenset()) -> None:
    """One reparación civil per defendant; a stated total of a split amount is the amount; the
    amounts one defendant pays to different victims ("a) S/ 5,000.00 que pagará X a favor de A;
    b) S/ 8,000.00 que pagará X a favor de B") add up to what he owes. For a defendant whose
    review sets the ruling aside, only the amount the review fixes counts: "REVOCAR la sentencia
    en el extremo que fijó en S/ 3,000.00 la reparación civil; y, REFORMÁNDOLA, FIJARON en
    S/ 12,000.00" (the civil extreme, which the actor civil may appeal alone, NCPP art. 407)."""
    low, (lo, hi) = ctx.view.low, item
    total = P.TOTAL.search(low, lo, hi)
    solidary = bool(P.SOLIDARIA.search(low, lo, hi))
    groups = _Groups(names, lo, eligible)
    for m in P.MONEY.finditer(low, total.end() if total else lo, hi):
        amount = parse_amount(" ".join(m["amount"].split())) if m["amount"] else _num(m["words"])
        if not amount:
            continue
        following = [n for s, n in names if m.end() <= s < m.end() + 80 and not P.CLAUSE_BREAK.search(low, m.end(), s)]
        # the defendants named since the previous amount ("CONDENAR a X y Y …, y FIJAR en S/ 3,000.00
        # la reparación civil que cada uno pagará"), or the one named right after it
        group = groups.take(m.start(), m.end())
        targets = following[:1] or group
        if solidary:
            targets = eligible  # a solidary reparación is owed by each defendant
        elif not following and not targets:
            targets = sorted({n for _, n in names}) or eligible
        to = P.IN_FAVOUR.match(low, m.end(), min(hi, m.end() + 160))
        # the victim paid, when the text names one of the parties ("la agraviada" may be anyone)
        payee = next((v for v, vrx in victims if vrx.search(low, to.start("who"), to.end("who"))), None) if to else None
        for n in targets:
            if n in reforming:
                if names and n not in following and not any(s < m.start() for s, nn in names if nn == n):
                    continue  # about other defendants ("HABER NULIDAD … a X; … incluida la reparación solidaria")
                reforms = list(P.REFORM.finditer(low, lo, m.start()))
                since = reforms[-1].end() if reforms else lo
                if P.SETS_ASIDE.search(low, since, m.start()) and P.RECITED.search(low[since:m.start()]):
                    continue  # the amount being revoked ("REVOCAR … en el extremo que fijó en S/ 3,000.00")
                data[n]["_civil_reformed"] = data[n].get("_civil_reformed") or bool(reforms)
            paid = data[n].setdefault("_payees", set())
            if "reparacion_civil_soles" not in data[n]:
                data[n]["reparacion_civil_soles"] = float(amount)
                data[n]["ev"].append(ctx.ev(m.start(), m.end(), "penalty.reparacion"))
                paid.add(payee)
            elif not solidary and payee and None not in paid and payee not in paid:
                data[n]["reparacion_civil_soles"] += float(amount)  # to another victim
                data[n]["ev"].append(ctx.ev(m.start(), m.end(), "penalty.reparacion"))
                paid.add(payee)
