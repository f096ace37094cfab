"""Dated procedural milestones recited by the ruling (not counting the ruling itself)."""

from __future__ import annotations

import bisect
from datetime import date

from extractors.legal.dates import find_dates
from extractors.legal.patterns.citations import CITATIONS
from extractors.legal.patterns.events import (
    ACCORDING_TO,
    AFTER_WEIGHT,
    CLAUSE_END,
    CLAUSE_START,
    COORDINATED,
    CUES,
    DOCUMENT_DATED,
    FACTS_CONTEXT,
    HECHOS_CUE,
    LATE_MILESTONES,
    OTHER_PROCEEDING,
    ACTA_SECTION,
    HEADER_CAP,
    HEADING_LINE,
    LAW_NUMBER,
    OWN_RECURSO,
    PRECEDENT_DATED,
    SAME_ACT,
    SECTION_HEADING,
)
from extractors.legal.text import Context
from schemas import DocKind, Event, EventKind


def _sentence_bounds(low: str, pos: int, lo: int, hi: int, heads: list[int] = ()) -> tuple[int, int]:
    # a line ending in a colon ends a heading ("pronuncia la siguiente sentencia:\nCONSIDERANDO:\n"),
    # and so does a heading in capitals ("III. DEBATE\nLa Fiscalía sostiene …"): a PDF's text
    # layer has no blank line between paragraphs to tell it
    i = bisect.bisect_right(heads, pos)
    s = max(low.rfind(". ", lo, pos), low.rfind(".\n", lo, pos), low.rfind("\n\n", lo, pos), low.rfind(";", lo, pos),
            low.rfind(":\n", lo, pos), heads[i - 1] - 1 if i else -1)
    e_candidates = [x for x in (low.find(". ", pos, hi), low.find(".\n", pos, hi), low.find(";", pos, hi),
                                low.find(":\n", pos, hi)) if x >= 0]
    return (s + 1 if s >= 0 else lo), (min(e_candidates) if e_candidates else hi)


def _start(low: str, header_start: int, header_end: int) -> int:
    """Where dates may be milestones: after the header; from an acta's first numbered section
    when one stands in it (the hearing told before the resolution's VISTOS); past HEADER_CAP
    characters when the header runs longer."""
    m = ACTA_SECTION.search(low, header_start, header_end)
    if m:
        return m.start()
    return header_end if header_end - header_start <= HEADER_CAP else header_start + HEADER_CAP


def _cited_precedent_date(low: str, lo: int, start: int) -> bool:
    """A date right after the number of a precedent the ruling cites (a Casación, an R.N., an
    Acuerdo Plenario, a Tribunal Constitucional case) or of a law is that precedent's or law's."""
    for rx in (*(rule.rx for rule in CITATIONS), LAW_NUMBER):
        for m in rx.finditer(low, lo, start):
            if PRECEDENT_DATED.fullmatch(low, m.end(), start):
                return True
    return False


def extract_events(ctx: Context, resolution: date | None, doc_kind: DocKind | None = None) -> list[Event]:
    """``doc_kind``: the ruling's, which names the recurso it decides when the text says only
    "el recurso"."""
    z, low = ctx.zones, ctx.view.low
    lo, hi = _start(low, *z.header), z.body[1]
    out: list[Event] = []
    seen: set[tuple[str, date]] = set()
    last_full = None
    milestones_seen = False
    prev = None  # (start, end, kind) of the last dated milestone
    found = find_dates(low, lo, hi)
    heads = [m.end() for m in HEADING_LINE.finditer(ctx.view.raw, lo, hi)]
    for fd in found:
        value = fd.value
        if value is None and fd.year is None and last_full and fd.start - last_full[0] < 600:
            try:
                value = date(last_full[1].year, fd.month, fd.day)
            except ValueError:
                value = None
        if fd.value is not None:
            last_full = (fd.start, fd.value)
        if value is None or z.in_furniture(fd.start) or value == resolution:
            continue
        ss, se = _sentence_bounds(low, fd.start, lo, hi, heads)
        cs, ce = _clause_bounds(low, fd.start, fd.end, ss, se)
        best = _nearest_cue(low, max(cs, fd.start - 160), fd.start, before=True)
        if best is not None and any(best[3] <= g.start < fd.start for g in found):
            # "Conforme a la denuncia del 3 de abril, el 2 de abril el querellado agredió ...":
            # a cue with another date between it and this one dates that other one
            best = None
        if best is None:
            best = _nearest_cue(low, fd.end, min(ce, fd.end + 100), before=False)
        if best is None and prev is not None and (
                (prev[0] >= ss and COORDINATED.match(low, prev[1], fd.start))
                or (fd.start - prev[1] < 250 and SAME_ACT.search(low, cs, fd.start))):
            best = (0, prev[2], prev[0], prev[1], "event.coordinated")
        if _cited_precedent_date(low, max(lo, fd.start - 140), fd.start):
            prev = None
            continue  # "la Casación N.° 626-2013/Moquegua, del 30 de junio de 2015": the precedent's date
        if DOCUMENT_DATED.search(low, max(lo, fd.start - 90), fd.start) and (best is None or best[1] not in _RULINGS):
            # the date of a resolution, auto or acta the ruling cites: a milestone only when the
            # clause says the document was one ("por auto de fecha …, abrió instrucción")
            after = _nearest_cue(low, fd.end, min(ce, fd.end + 100), before=False)
            if after is None or after[1] not in _RULINGS:
                prev = None
                continue
            best = after
        if best is None:
            for rule in CUES:
                for m in rule.rx.finditer(low, max(ss, fd.start - 160), fd.start):
                    d = fd.start - m.end()
                    if best is None or d < best[0]:
                        best = (d, rule.value, m.start(), m.end(), rule.id)
                for m in rule.rx.finditer(low, fd.end, min(se, fd.end + 70)):
                    d = (m.start() - fd.end) * AFTER_WEIGHT
                    if best is None or d < best[0]:
                        best = (d, rule.value, m.start(), m.end(), rule.id)
        if best is not None and best[1] not in (None, "hechos") and OTHER_PROCEEDING.search(low, ss, se):
            prev = None
            continue  # "En el Expediente N.° …-JP-FC-01, el Juzgado de Paz Letrado, por sentencia de …"
        none_rule = CUES[-1]
        if best is not None and best[1] is not None and none_rule.rx.search(low, max(0, best[2] - 22), best[2]):
            continue  # "audiencia de apelación": a hearing, not the appeal
        if ACCORDING_TO.search(low, max(lo, fd.start - 80), fd.start):
            best = (0, "hechos", fd.start, fd.end, "event.according_to")
        if best is None:  # "El 20 de diciembre de 2011, la procesada X, junto con Y, captó ..."
            hm = HECHOS_CUE.rx.search(low, fd.end, min(se, fd.end + 220))
            if hm and fd.start - ss < 40:
                best = (0, "hechos", hm.start(), hm.end(), "event.hechos_sentence")
        if best is None and (FACTS_CONTEXT.search(low, max(lo, ss - 400), fd.start)
                             or _in_facts_section(low, lo, fd.start)
                             or (not milestones_seen and fd.start > z.vistos[1])):
            # a date with no cue in the facts section, or told before any milestone
            best = (0, "hechos", fd.start, fd.end, "event.facts_context")
        if best is not None and best[1] == "recurso":
            own = OWN_RECURSO.get(doc_kind.value if doc_kind else "")
            best = (best[0], own, *best[2:])
        if best is None or best[1] is None:
            prev = None
            continue
        prev = (fd.start, fd.end, best[1])
        if best[1] != "hechos" and fd.start > z.vistos[1]:
            milestones_seen = True
        key = (best[1], value)
        if key in seen:
            continue
        seen.add(key)
        out.append(Event(kind=EventKind(best[1]), date=value,
                         evidence=[ctx.ev(fd.start, fd.end, "event.date"), ctx.ev(best[2], best[3], best[4])]))
    return _facts_before_proceedings(out)


# milestones that are themselves resolutions, which a cited "Resolución N.° 5, de fecha …" can date
_RULINGS = {"sentencia_primera", "sentencia_vista", "auto_enjuiciamiento", "apertura_instruccion"}


def _clause_bounds(low: str, start: int, end: int, ss: int, se: int) -> tuple[int, int]:
    cs = ss
    for m in CLAUSE_START.finditer(low, ss, start):
        cs = m.end()
    m = CLAUSE_END.search(low, end, se)
    return cs, (m.start() if m else se)


def _nearest_cue(low: str, lo: int, hi: int, *, before: bool):
    """The cue nearest the date in [lo, hi): the last one before it, or the first after it.
    A cue before the date may look past it ("notificado el … con la resolución que le requirió
    el pago"), so its lookahead sees the text that follows."""
    best = None
    for rule in CUES:
        for m in rule.rx.finditer(low, lo, min(len(low), hi + 250) if before else hi):
            if m.end() > hi:
                break
            d = hi - m.end() if before else m.start() - lo
            if best is None or d < best[0]:
                best = (d, rule.value, m.start(), m.end(), rule.id)
    return best


def _in_facts_section(low: str, lo: int, pos: int) -> bool:
    """The last section heading before ``pos`` is the facts' ("II. HECHOS IMPUTADOS")."""
    last = None
    for m in SECTION_HEADING.finditer(low, max(lo, pos - 3000), pos):
        last = m
    return bool(last and last["facts"])


def _facts_before_proceedings(events: list[Event]) -> list[Event]:
    """A fact date recited again as a milestone's ("la sentencia de fecha X"), or later than
    the accusation or a judgment, is that milestone's date, not a fact of the crime."""
    milestones = [e.date for e in events if e.kind != EventKind.HECHOS]
    late = [e.date for e in events if e.kind.value in LATE_MILESTONES]
    limit = min(late, default=None)
    return [e for e in events if e.kind != EventKind.HECHOS
            or (e.date not in milestones and (limit is None or e.date < limit))]
