"""The header table of a ruling: label/value lines, or values flattened away from their
labels and read by their shape."""

from __future__ import annotations

import re

from extractors.legal import names as N
from extractors.legal.party_mentions import PAREN, Acc, item
from extractors.legal.patterns import roles as R
from extractors.legal.text import Context, fold_key

_LABEL_LINE = re.compile(r"^\W*$")
_UNKNOWN_LABEL = re.compile(r"\n[^\n:]{2,40}?\s*:\s")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_CELL_END = re.compile(r"\s[|;]\s|;\s*$|\|")


def header(ctx: Context, acc: Acc) -> None:
    """Label/value lines of the header block. When every label has its value beside it,
    labels give the roles; when the table was flattened (labels on lines of their own,
    values elsewhere, in another order) each value is read by its shape instead."""
    raw = ctx.view.raw
    lo, hi = ctx.zones.header
    labels = []
    for m in R.LABEL_RX.finditer(raw, lo, hi):
        text = m["label"]
        if not (text[:1].isupper()):
            continue
        line_end = raw.find("\n", m.end())
        line_end = hi if line_end < 0 or line_end > hi else line_end
        rest = raw[m.end():line_end]
        at_line_start = raw[raw.rfind("\n", 0, m.start()) + 1:m.start()].strip() == ""
        after_gap = raw[max(0, m.start() - 2):m.start()] == "  " or at_line_start
        if not (m["colon"] or (at_line_start and _LABEL_LINE.match(rest)) or after_gap):
            continue
        if not m["colon"] and not text.isupper() and not (at_line_start and _LABEL_LINE.match(rest)):
            continue  # "Colegiado Supraprovincial de Puno": a word of a value, not a label
        role = R.LABELS.get(" ".join(fold_key(text).split()))
        labels.append((m.start(), m.end(), role, bool(m["colon"]), rest.strip()))
    if not labels:
        return
    flattened = any(not rest or R.LABEL_RX.match(rest) for _, _, _, _, rest in labels)
    if not flattened:
        for i, (s, e, role, _, _) in enumerate(labels):
            # a value runs to the end of its line and its continuation lines, never past a
            # line that is neither (an acta's "I. INICIO" heading and the running text after
            # the table), even when the next label stands paragraphs below
            vend = min(labels[i + 1][0], _header_value_end(raw, e, hi)) if i + 1 < len(labels) \
                else _header_value_end(raw, e, hi)
            para = _PARAGRAPH.search(raw, e, vend)  # a blank line ends the table
            vend = para.start() if para else vend
            gap = wide_gap(ctx, e + 2, vend)  # a wide gap ends a value in text without line breaks
            vend = gap if gap > 0 and "\n" not in raw[e:gap] else vend
            cell = _CELL_END.search(raw, e, vend)  # "Juez: X | Especialista: Y"
            vend = cell.start() if cell else vend
            other = _UNKNOWN_LABEL.search(raw, e, vend)  # a label we do not know ends the value
            vend = other.start() if other else vend
            if role:
                _header_value(ctx, acc, role, e, vend, "header.label")
        return
    # flattened table (values away from their labels): read the values by their shape
    present = {label[2] for label in labels}
    first = labels[0][0]
    pos = first
    for line in re.split(r"\n|[|;]", raw[first:hi]):
        s = pos
        pos += len(line) + 1
        body = line.strip()
        if R.LABEL_RX.search(body) and ":" in body and not body.startswith(":"):
            continue  # a labelled cell ("Especialista: X") of an inline table
        if not body or R.LABEL_RX.fullmatch(body.rstrip(": ")):
            continue
        vs = s + len(line) - len(line.lstrip()) + (1 if body.startswith(":") else 0)
        ve = s + len(line)
        low_line = fold_key(body)
        if N.COMMA_NAME.search(body):
            role = "imputado"
        elif " / " in body or re.search(r"\((?:dd|presidente|presidenta|ponente)\)", low_line):
            role = "juez"
        elif R.INITIALS.rx.search(body) or "iniciales" in low_line or re.search(r"\bestado\b", low_line):
            role = "agraviado"
        else:
            continue
        if role in present:
            _header_value(ctx, acc, role, vs, ve, "header.shape")


def wide_gap(ctx: Context, start: int, end: int) -> int:
    """The first space of the view in [start, end) that stood for two or more spaces in the
    page text (the view collapses them); -1 if none."""
    v = ctx.view
    p = v.raw.find(" ", start, end)
    while p >= 0:
        src = v.src[p]
        if v.doc_text[src:src + 2] == "  ":
            return p
        p = v.raw.find(" ", p + 1, end)
    return -1


def _header_value_end(raw: str, start: int, hi: int) -> int:
    """A value runs to the end of its line and its indented continuation lines."""
    p = raw.find("\n", start)
    while 0 <= p < hi:
        nxt = raw.find("\n", p + 1)
        nxt = hi if nxt < 0 or nxt > hi else nxt
        line = raw[p + 1:nxt]
        if not line.strip() or not N.name_at(raw, p + 1) or ":" in line:
            return p
        p = nxt
    return hi


# what may stand before a header value: separators, and quote marks OCR reads for a colon
_VALUE_LEAD = re.compile(r"[\s:;,/–\-\"“”„'‘’«»*.]*(?:(?:y|e)\s+)?")


def _header_value(ctx: Context, acc: Acc, role: str, s: int, e: int, rule: str) -> None:
    raw, _low = ctx.view.raw, ctx.view.low
    p = s
    while p < e:
        m = _VALUE_LEAD.match(raw, p)
        p = m.end()
        if p >= e:
            break
        if role == "agraviado":
            im = re.compile(r"(?:\w+\s+){0,3}?(?:de\s+)?iniciales\s+", re.IGNORECASE).match(raw, p)
            if im and im.end() < e:
                p = im.end()
        ns, protected = item(ctx, p, role, rule)
        if ns is None or ns.end > e + 1:
            nxt = re.compile(r"\S+").match(raw, p)
            if not nxt:
                break
            p = nxt.end()
            continue
        if role == "juez":
            acc.add(ctx, "juez", ns, rule=rule)
            pm = PAREN.match(raw[ns.end:e])
            if pm and "ponente" in fold_key(pm["note"]):
                acc.add(ctx, "ponente", ns, rule=rule)
        elif role == "ponente":
            acc.add(ctx, "ponente", ns, rule=rule)
            acc.add(ctx, "juez", ns, rule=rule)
        else:
            acc.add(ctx, role, ns, protected=protected, rule=rule)
        p = ns.end
        am = R.ALIAS.match(raw, p)  # "(a) «Cholo Jhon», DNI 45218763": not a second person
        p = am.end() if am else p
        pm = PAREN.match(raw[p:e])
        if pm:
            p += pm.end()

