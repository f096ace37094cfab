"""Procedural code (NCPP or the 1940 code) and early-termination mechanism."""

from __future__ import annotations

from datetime import date

from extractors.data.districts import code_in_force
from extractors.legal.patterns import procedure as P
from extractors.legal.text import Context
from schemas import CaseNumber, EarlyTermination, Evidence, ProceduralCode


def extract_procedural_code(ctx: Context, *, district: str | None, earliest: date | None,
                            case_numbers: list[CaseNumber] = ()) -> tuple[ProceduralCode, list[Evidence]]:
    """The kind of the ruling's own Supreme number (a legal fact), then the text's own
    vocabulary, then the district's NCPP start date."""
    z, low = ctx.zones, ctx.view.low
    for cn in case_numbers:
        if cn.kind.value in P.CODE_OF_CASE_KIND:
            return ProceduralCode(P.CODE_OF_CASE_KIND[cn.kind.value]), [
                e.model_copy(update={"rule": f"code.case_kind.{cn.kind.value}"}) for e in cn.evidence[:1]]
    votes: dict[str, float] = {}
    ev: dict[str, list[Evidence]] = {}
    for rule in P.CODE_CUES:
        code, weight = rule.value
        for m in rule.rx.finditer(low, *z.body):
            if z.in_furniture(m.start()):
                continue
            votes[code] = votes.get(code, 0) + weight
            ev.setdefault(code, []).append(ctx.ev(m.start(), m.end(), rule.id))
            break  # one vote per cue
    if votes:
        code = max(votes, key=votes.get)
        if votes[code] >= 1 and list(votes.values()).count(votes[code]) == 1:
            return ProceduralCode(code), ev[code][:4]
    if district and earliest:
        value = code_in_force(district, earliest)
        return ProceduralCode(value), []
    return ProceduralCode.DESCONOCIDO, []


def extract_early_termination(ctx: Context) -> tuple[EarlyTermination | None, list[Evidence]]:
    z, low = ctx.zones, ctx.view.low
    decision = low[z.decision[0]:z.decision[1]]
    disapproved = bool(P.TA_DISAPPROVED.search(decision)) and not P.TA_APPROVED.search(decision)
    for rule in P.EARLY:
        if rule.value == "terminacion_anticipada" and disapproved:
            continue
        for m in rule.rx.finditer(low, *z.body):
            if z.in_furniture(m.start()):
                continue
            sentence = max(low.rfind(". ", 0, m.start()), low.rfind("\n\n", 0, m.start()), z.body[0])
            if P.NOT_USED_BEFORE.search(low, sentence, m.start()):
                continue
            return EarlyTermination(rule.value), [ctx.ev(m.start(), m.end(), rule.id)]
    return None, []
