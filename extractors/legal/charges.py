"""Charges: crime key (``extractors.data.crimes``), the label as written, the articles.

A crime label counts as a charge where the text charges it: the header's DELITO line, and
"delito ... (en la modalidad de | en su forma de) <label>" in VISTOS, the decision, or the
sumilla. A label mentioned in the reasoning (a predicate crime, a comparison) is not a
charge. Articles are those the text attaches to the charge ("previsto en el artículo
153-A del Código Penal", "(artículos 1 y 2 del Decreto Legislativo N.° 1106)"); without
any, the crime's own articles that the ruling cites in its body.
"""

from __future__ import annotations

import re

from extractors.data.crimes import BY_KEY, crimes_of_articles
from extractors.legal.patterns import charges as P
from extractors.legal.text import Context
from schemas import Charge

_LABEL_RX = [(key, lab, re.compile(r"\b" + rx + r"\b")) for key, lab, rx in P.LABELS]
_HEADER_DELITO = re.compile(r"\bdelitos?\s*:\s*$")


def _article_token(num: str, dl: str | None) -> str | None:
    m = re.match(r"(\d{1,3})\s*-?\s*([a-h])?$", num.strip())
    if not m:
        return None
    n, letter = m.group(1), (m.group(2) or "").upper()
    if dl:
        return f"DL{dl}-{n}"
    if int(n) < P.SPECIAL_PART_FROM:
        return None
    return n + (f"-{letter}" if letter else "")


def articles_in(low: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Charge articles cited in low[start:end]: (normalised, start, end)."""
    out = []
    for m in P.ARTICLE.finditer(low, start, end):
        tail = low[m.end("list"):m.end("list") + 90]
        code = P.ARTICLE_CODE.match(tail)
        dl = None
        if code:
            g = code.group()
            if "procesal" in g or "procedimientos" in g or "nuevo codigo" in g or "ley" in g[-12:] \
                    or "constitucion" in g:
                continue
            dl = code["dl"]
        for num in re.split(r"\s*(?:,|\by\b|\be\b)\s*", m["list"]):
            tok = _article_token(num, dl)
            if tok:
                out.append((tok, m.start(), m.end("list")))
    return out


def _mentions(ctx: Context, lo: int, hi: int, header: bool):
    low = ctx.view.low
    taken: list[tuple[int, int]] = []
    for key, label, rx in _LABEL_RX:
        for m in rx.finditer(low, lo, hi):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            before = low[max(lo, m.start() - 170):m.start()]
            line = low[low.rfind("\n", 0, m.start()) + 1:m.start()]
            in_header_value = header and (_HEADER_DELITO.search(before[-40:]) or
                                          re.search(r"delitos?\s*:", line) or line.strip() in ("", ":"))
            if not (P.CHARGE_CONTEXT.rx.search(before) or in_header_value):
                continue
            if ctx.zones.in_furniture(m.start()) or P.OFFICE_NAME.search(before[-60:]):
                continue
            refined = P.REFINED_BY.match(low[m.end():m.end() + 60])
            if refined and any(rx2.match(low, m.end() + refined.end()) for _, _, rx2 in _LABEL_RX):
                continue
            taken.append(m.span())
            end = m.end()
            agg = P.AGGRAVATED.match(low[end:end + 40])
            if agg and key in P.AGGRAVATED_OF:
                key = P.AGGRAVATED_OF[key]
                end += agg.end()
            yield key, m.start(), end


def extract_charges(ctx: Context) -> list[Charge]:
    z, low, raw = ctx.zones, ctx.view.low, ctx.view.raw
    zones = [(z.header, True), (z.vistos, False), (z.decision, False)]
    if z.sumilla[1] > z.sumilla[0]:
        zones.append((z.sumilla, False))
    found: dict[str, dict] = {}
    for (lo, hi), header in zones:
        if hi <= lo:
            continue
        for key, s, e in _mentions(ctx, lo, hi, header):
            entry = found.setdefault(key, {"label": " ".join(raw[s:e].split()), "ev": [], "arts": []})
            entry["ev"].append(ctx.ev(s, e, "charge.label"))
    if not found:  # no charge in the usual places: any charged mention in the body
        for key, s, e in _mentions(ctx, *z.body, header=False):
            entry = found.setdefault(key, {"label": " ".join(raw[s:e].split()), "ev": [], "arts": []})
            entry["ev"].append(ctx.ev(s, e, "charge.label_body"))
            break
    if not found:  # no label at all: the crime the charged articles stand for ("delito previsto
        # en el artículo 129-B del Código Penal"; either numbering of Ley 31146)
        for lo, hi in (z.vistos, z.decision, z.header):
            cited = [(a, s, e) for a, s, e in articles_in(low, lo, hi)
                     if P.CHARGE_CONTEXT.rx.search(low[max(lo, s - 170):s]) or P.PREVISTO.search(low, max(lo, s - 40), s)]
            for key in crimes_of_articles([a for a, _, _ in cited]):
                crime = BY_KEY[key]
                own = set(crime.articles) | set(crime.other_articles)
                mine = [(a, s, e) for a, s, e in cited if a in own]
                found[key] = {"label": crime.labels[0], "arts": list(dict.fromkeys(a for a, _, _ in mine)),
                              "ev": [ctx.ev(s, e, "charge.article_only") for _, s, e in mine[:3]]}
            if found:
                return [Charge(crime=key, label=e["label"], articles=e["arts"], evidence=e["ev"])
                        for key, e in found.items()]
    # a specific crime subsumes the generic one it contains
    for key in list(found):
        for other in P.SUBSUMES.get(key, ()):
            found.pop(other, None)
    # articles attached to a charge mention anywhere in the body
    for key, entry in found.items():
        crime = BY_KEY[key]
        own = set(crime.articles) | set(crime.other_articles)
        for _, label, rx in _LABEL_RX:
            if _ not in (key, *P.SUBSUMES.get(key, ())):
                continue
            for m in rx.finditer(low, *z.body):
                if z.in_furniture(m.start()):
                    continue
                clause_end = P.CLAUSE_END.search(low, m.end(), min(z.body[1], m.end() + 260))
                ce = clause_end.start() if clause_end else min(z.body[1], m.end() + 260)
                if not P.PREVISTO.search(low, m.end(), ce):
                    continue
                sentence_start = max(low.rfind(". ", 0, m.start()), low.rfind("\n\n", 0, m.start()))
                if P.CURRENT_NUMBERING.search(low, sentence_start + 1, m.start()):
                    continue
                for art, s, e in articles_in(low, m.end(), ce):
                    if art not in entry["arts"]:
                        entry["arts"].append(art)
                        entry["ev"].append(ctx.ev(s, e, "charge.article"))
        if not entry["arts"]:
            for art, s, e in articles_in(low, *z.body):
                if art in own and art not in entry["arts"] and not z.in_furniture(s):
                    entry["arts"].append(art)
                    entry["ev"].append(ctx.ev(s, e, "charge.article_table"))
    return [Charge(crime=key, label=e["label"], articles=e["arts"], evidence=e["ev"])
            for key, e in found.items()]
