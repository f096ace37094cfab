"""Charges: crime key (``extractors.data.crimes``), the label as written, the articles.

A crime label counts as a charge where the text charges it: the header's DELITO line, and
"delito ... (en la modalidad de | en su forma de) <label>" in VISTOS, the decision, or the
sumilla, with every crime of a list ("los delitos de X (artículo 317) y Y"). A label
mentioned in the reasoning (a predicate crime, a defence argument, a comparison) or in an
office's name ("Fiscalía Especializada en Delitos de ...") is not a charge.

Articles are those the text attaches to the charge ("previsto en el artículo 153-A del
Código Penal", "(artículos 1 y 3 del Decreto Legislativo N.° 1106)", "artículo 188
concordado con ... del artículo 189"); without any, the crime's own articles that the
ruling cites in its body. An old number given beside the one in force ("antes artículo
153") is not a charge article. "En grado de tentativa" adds art. 16 of the Código Penal
(tentativa). An aggravated form ("colusión agravada", "tráfico ilícito de drogas, en su
forma agravada", or the basic crime charged with its aggravating article, 296 with 297)
takes the aggravated crime's key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.data.crimes import BY_KEY, crimes_of_articles
from extractors.legal.patterns import charges as P
from extractors.legal.text import Context
from schemas import Charge

_HEADER_DELITO = re.compile(r"\bdelitos?\s*:\s*$")
_SPECIAL_LAWS = {a.split("-")[0] for c in BY_KEY.values() for a in c.all_articles if not a[0].isdigit()}


@dataclass
class _Found:
    label: str
    evidence: list
    articles: list[str]


def _article_token(num: str, law: str | None) -> str | None:
    m = re.match(r"(\d{1,3})\s*-?\s*([a-o])?$", num.strip())
    if not m:
        return None
    n, letter = m.group(1), (m.group(2) or "").upper()
    if law:
        return f"{law}-{n}" if law in _SPECIAL_LAWS else None
    if int(n) < P.SPECIAL_PART_FROM:
        return None
    return n + (f"-{letter}" if letter else "")


def _law_of(code: re.Match) -> str | None | bool:
    """The special law an article belongs to ("DL1106", "L27765"), None for the Código Penal,
    False for a procedural code, the Constitution or a law outside the table."""
    g = code.group()
    if code["lpt"]:
        return "DL813"
    if code["dl"]:
        return "DL" + code["dl"]
    if code["ley"]:
        return "L" + code["ley"]
    if "procesal" in g or "procedimientos" in g or "nuevo codigo" in g or "ley" in g[-12:] \
            or "constitucion" in g:
        return False
    return None


def articles_in(low: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Charge articles cited in low[start:end]: (normalised, start, end)."""
    out = []
    for m in P.ARTICLE.finditer(low, start, end):
        if P.OLD_NUMBER.search(low, max(0, m.start() - 30), m.start()):
            continue
        code = P.ARTICLE_CODE.match(low, m.end("list"), m.end("list") + 90)
        law = _law_of(code) if code else None
        if law is False:
            continue
        for num in re.split(r"\s*(?:,|\by\b|\be\b)\s*", m["list"]):
            tok = _article_token(num, law)
            if tok:
                out.append((tok, m.start(), m.end("list")))
    return out


def _in_header_value(low: str, lo: int, start: int, end: int) -> bool:
    """A header's DELITO value: after "DELITO :", or alone on its line in a flattened header
    (not the first words of a title or a sentence that goes on)."""
    before = low[max(lo, start - 40):start]
    line = low[low.rfind("\n", 0, start) + 1:start]
    if _HEADER_DELITO.search(before) or re.search(r"delitos?\s*:", line):
        return True
    line_end = low.find("\n", end)
    return line.strip() in ("", ":") and bool(P.VALUE_REST.fullmatch(low, end, line_end if line_end >= 0 else len(low)))


def _mentions(ctx: Context, lo: int, hi: int, header: bool):
    """(key, start, end, tentativa) of every charged crime label in low[lo:hi]."""
    low = ctx.view.low
    for m in P.LABEL.finditer(low, lo, hi):
        key, _ = P.LABEL_KEYS[P.label_key(m.group())]
        before = low[max(lo, m.start() - 170):m.start()]
        if not (P.CHARGE_CONTEXT.rx.search(before) or (header and _in_header_value(low, lo, m.start(), m.end()))):
            continue
        if " " not in m.group().strip() and not (header or P.STRICT_CONTEXT.search(before[-100:])):
            continue
        if ctx.zones.in_furniture(m.start()) or P.OFFICE_NAME.search(before[-60:]) \
                or P.NOT_CHARGED.search(before[-90:]):
            continue
        refined = P.REFINED_BY.match(low, m.end(), m.end() + 60)
        if refined and P.LABEL.match(low, refined.end()):
            continue
        dash = P.REFINED_BY_DASH.match(low, m.end(), m.end() + 8)
        modality = dash and P.LABEL.match(low, dash.end())
        if modality and _family(P.LABEL_KEYS[P.label_key(modality.group())][0]) == _family(key):
            continue
        end = m.end()
        agg = P.AGGRAVATED.match(low, end, end + 40)
        if agg and key in P.AGGRAVATED_OF:
            key, end = P.AGGRAVATED_OF[key], agg.end()
        yield key, m.start(), end, bool(P.TENTATIVA.match(low, end, end + 40))


def _family(key: str) -> str | None:
    crime = BY_KEY.get(key)
    return crime.family if crime else None


def _collect(ctx: Context, zones, rule: str, found: dict[str, _Found], first_only: bool = False) -> None:
    raw = ctx.view.raw
    for (lo, hi), header in zones:
        for key, s, e, tentativa in _mentions(ctx, lo, hi, header) if hi > lo else ():
            label = " ".join(raw[s:e].split())
            entry = found.setdefault(key, _Found(label, [], []))
            if len(label) > len(entry.label):  # the fullest phrasing: "peculado doloso por apropiación"
                entry.label = label
            entry.evidence.append(ctx.ev(s, e, rule))
            if tentativa and P.TENTATIVA_ARTICLE not in entry.articles:
                entry.articles.append(P.TENTATIVA_ARTICLE)
                entry.evidence.append(ctx.ev(s, e, "charge.tentativa"))
            if first_only:
                return


def _from_articles(ctx: Context) -> dict[str, _Found]:
    """No label at all: the crime the charged articles stand for ("delito previsto en el
    artículo 129-B del Código Penal"; either numbering of Ley 31146)."""
    z, low = ctx.zones, ctx.view.low
    for lo, hi in (z.vistos, z.decision, z.header):
        cited = [(a, s, e) for a, s, e in articles_in(low, lo, hi)
                 if P.CHARGE_CONTEXT.rx.search(low[max(lo, s - 170):s]) or P.PREVISTO.search(low, max(lo, s - 40), s)]
        found = {}
        for key in crimes_of_articles([a for a, _, _ in cited]):
            own = set(BY_KEY[key].all_articles)
            mine = [(a, s, e) for a, s, e in cited if a in own]
            found[key] = _Found(BY_KEY[key].labels[0], [ctx.ev(s, e, "charge.article_only") for _, s, e in mine[:3]],
                                list(dict.fromkeys(a for a, _, _ in mine)))
        if found:
            return found
    return {}


def _attach_articles(ctx: Context, key: str, entry: _Found) -> None:
    """Articles the text attaches to a mention of the charge anywhere in the body; else the
    crime's own articles that the body cites."""
    z, low = ctx.zones, ctx.view.low
    keys = {key, *P.SUBSUMES.get(key, ())}
    for m in P.LABEL.finditer(low, *z.body):
        if P.LABEL_KEYS[P.label_key(m.group())][0] not in keys and \
                P.AGGRAVATED_OF.get(P.LABEL_KEYS[P.label_key(m.group())][0]) != key:
            continue
        if z.in_furniture(m.start()):
            continue
        limit = min(z.body[1], m.end() + 260)
        clause_end = P.CLAUSE_END.search(low, m.end(), limit)
        ce = clause_end.start() if clause_end else limit
        next_label = P.LABEL.search(low, m.end(), ce)  # "X (artículo 317) y Y (artículo 397)"
        ce = next_label.start() if next_label else ce
        if not P.PREVISTO.search(low, m.end(), ce):
            continue
        sentence_start = max(low.rfind(". ", 0, m.start()), low.rfind("\n\n", 0, m.start()))
        if P.CURRENT_NUMBERING.search(low, sentence_start + 1, m.start()):
            continue
        for art, s, e in articles_in(low, m.end(), ce):
            if art not in entry.articles:
                entry.articles.append(art)
                entry.evidence.append(ctx.ev(s, e, "charge.article"))
    crime = BY_KEY[key]
    if entry.articles and set(entry.articles) & set(crime.other_articles):  # one numbering of Ley 31146
        own = set(crime.other_articles) | set(crime.also_articles)
    elif entry.articles and set(entry.articles) & set(crime.articles):
        own = set(crime.articles) | set(crime.also_articles)
    else:
        own = set(crime.all_articles)
    cited = [(a, s, e) for a, s, e in articles_in(low, *z.body) if a in own and not z.in_furniture(s)]
    # the crime's own articles where the text states the charge ("acusó por el delito previsto
    # en el numeral 1 del artículo 129-A, con las agravantes ... del artículo 129-B")
    charged = [(a, s, e) for a, s, e in cited if P.ARTICLE_CHARGED.search(low, max(z.body[0], s - 170), s)]
    if not [a for a in entry.articles if a != P.TENTATIVA_ARTICLE]:
        charged = charged or cited
    for art, s, e in charged:
        if art not in entry.articles:
            entry.articles.append(art)
            entry.evidence.append(ctx.ev(s, e, "charge.article_table"))


def _aggravated_by_article(found: dict[str, _Found]) -> dict[str, _Found]:
    """A basic crime charged with its aggravating article (296 with 297, 307-A with 307-B)
    is the aggravated crime."""
    out: dict[str, _Found] = {}
    for key, entry in found.items():
        agg = P.AGGRAVATED_OF.get(key)
        if agg and agg not in found and set(entry.articles) & (set(BY_KEY[agg].articles) - set(BY_KEY[key].articles)):
            key = agg
        out.setdefault(key, entry)
    return out


def extract_charges(ctx: Context) -> list[Charge]:
    z = ctx.zones
    zones = [(z.header, True), (z.vistos, False), (z.decision, False)]
    if z.sumilla[1] > z.sumilla[0]:
        zones.append((z.sumilla, False))
    found: dict[str, _Found] = {}
    _collect(ctx, zones, "charge.label", found)
    if not found:  # no charge in the usual places: the first charged mention in the body
        _collect(ctx, [(z.body, False)], "charge.label_body", found, first_only=True)
    if not found:
        found = _from_articles(ctx)
        return [Charge(crime=k, label=e.label, articles=e.articles, evidence=e.evidence) for k, e in found.items()]
    # a specific crime subsumes the generic one it contains
    for key in list(found):
        for other in P.SUBSUMES.get(key, ()):
            found.pop(other, None)
    for key, entry in found.items():
        _attach_articles(ctx, key, entry)
    found = _aggravated_by_article(found)
    return [Charge(crime=k, label=e.label, articles=e.articles, evidence=e.evidence) for k, e in found.items()]
