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
    inline = _inline_table(ctx, acc, lo, hi)
    labels = []
    for m in R.LABEL_RX.finditer(raw, lo, hi):
        if inline and inline[0] <= m.start() < inline[1]:
            continue
        text = m["label"]
        if not (text[:1].isupper()):
            continue
        if _AFTER_COLON.search(raw, max(lo, m.start() - 8), m.start()):
            continue  # "APELANTE : Ministerio Público": the value of the label before
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
    flattened = any(not rest or _label_only(rest) for _, _, _, _, rest in labels)
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


_AFTER_COLON = re.compile(r":[ \t]*\Z")
_TITLE = re.compile(r"(?<![\w.])(?:AUTO|SENTENCIA|RESOLUCI[ÓO]N|ACTA|CASACI[ÓO]N|RECURSO)(?![\w])")
_RUN_GAP = re.compile(r"[ \t]*")
_CHAIN_SEP = re.compile(r"[ \t]*(?:/|,|\by\b|\be\b)[ \t]*")


def _inline_table(ctx: Context, acc: Acc, lo: int, hi: int) -> tuple[int, int] | None:
    """A header table flattened by PDF extraction onto one line, its labels and values in
    reading order but apart: all labels first ("EXPEDIENTE AGRAVIADA DELITO ... Investigado :
    v1 : v2 : ..."), or lagging the values ("Expediente MATERIA Agraviado : v1 INVESTIGADOS :
    v2 ..."), or in column pairs ("EXPEDIENTE AGRAVIADOS : v1 : v2 MATERIA Delito : v3 : v4").
    Each value opens with its colon, and the k-th value belongs to the k-th label (domain.md,
    "Header tables flattened by PDF extraction"); a label with several values (the accused,
    one per line in the table) takes the values its row had. Returns the table's span, or
    None when the header holds no such table."""
    raw = ctx.view.raw
    ls = lo
    while ls < hi:
        le = raw.find("\n", ls)
        le = hi if le < 0 or le > hi else le
        span = _inline_line(ctx, acc, ls, le)
        if span:
            return span
        ls = le + 1
    return None


def _inline_line(ctx: Context, acc: Acc, ls: int, le: int) -> tuple[int, int] | None:
    raw = ctx.view.raw
    found = [m for m in R.LABEL_RX.finditer(raw, ls, le) if m["label"][:1].isupper()]
    if len(found) < 3 or raw.count(":", ls, le) < 3:
        return None
    # a label stands in capitals, or right before its colon or another label
    labels = []
    for i, m in enumerate(found):
        nxt = found[i + 1].start() if i + 1 < len(found) else -1
        if _AFTER_COLON.search(raw, ls, m.start()):
            continue  # "APELANTE : Ministerio Público": a colon is followed by a value
        if m["label"].isupper() or m["colon"] or _RUN_GAP.match(raw, m.end()).end() == nxt:
            labels.append(m)
    # two labels with nothing between them: the table lost its values' places
    run = next((i for i in range(len(labels) - 1)
                if not labels[i]["colon"] and _RUN_GAP.match(raw, labels[i].end()).end() == labels[i + 1].start()), None)
    if run is None:
        return None
    # the table ends where the ruling's title begins ("AUTO QUE RESUELVE ...", "SENTENCIA",
    # "RESOLUCIÓN NÚMERO: ..."; domain.md, "How a ruling usually reads"), and with its last
    # value: a label after the last colon is running text
    tm = _TITLE.search(raw, labels[run].end(), le)
    le = tm.start() if tm else le
    last_colon = raw.rfind(":", labels[run].start(), le)
    labels = [m for m in labels[run:] if m.start() < last_colon]
    # the values, each from its colon to the next colon or label
    t0 = labels[0].start()
    colons = [t0 + c.start() for c in re.finditer(":", raw[t0:le])
              if not any(m.start() <= t0 + c.start() < m.end("label") for m in labels)]
    marks = sorted([(m.start(), m.end("label"), "label") for m in labels] + [(c, c + 1, "colon") for c in colons])
    values = [(e, marks[i + 1][0] if i + 1 < len(marks) else None)
              for i, (_s, e, kind) in enumerate(marks) if kind == "colon"]
    roles = [R.LABELS.get(" ".join(fold_key(m["label"]).split())) for m in labels]
    extra = len(values) - len(labels)
    if extra < 0:
        return None
    pairs: list[tuple[str | None, int, int | None]] = []
    if extra == 0:
        pairs = [(r, s, e) for r, (s, e) in zip(roles, values)]
    else:  # the row with several values: the one label whose block of values are all names
        fits = [j for j, r in enumerate(roles) if r in ("imputado", "juez")
                and all(_is_name_value(ctx, s, e) for s, e in values[j:j + extra + 1])]
        if len(fits) > 1:  # the accused are written "SURNAMES, Given names" (domain.md, "Parties")
            comma = [[bool(N.COMMA_NAME.match(raw, _VALUE_LEAD.match(raw, s).end())) for s, _ in values[j:j + extra + 1]]
                     for j in fits]
            fits = [j for j, c in zip(fits, comma) if (all(c) if roles[j] == "imputado" else not any(c))]
        if len(fits) != 1:
            return None
        j = fits[0]
        pairs = ([(r, s, e) for r, (s, e) in zip(roles[:j], values[:j])]
                 + [(roles[j], s, e) for s, e in values[j:j + extra + 1]]
                 + [(r, s, e) for r, (s, e) in zip(roles[j + 1:], values[j + extra + 1:])])
    end = le
    for role, s, e in pairs:
        if e is None:  # the last value: the names it opens with, not the text after the table
            e = _chain_end(ctx, s, le)
            end = e
        if role:
            _inline_value(ctx, acc, role, s, e)
    return labels[0].start(), end


def _inline_value(ctx: Context, acc: Acc, role: str, s: int, e: int) -> None:
    """The names a value of a flattened table opens with, joined by "/", "," or "y"; a value
    that opens with anything else (an office, a crime) names no person."""
    raw = ctx.view.raw
    p = _VALUE_LEAD.match(raw, s).end()
    while p < e:
        if role == "agraviado":
            im = re.compile(r"(?:de\s+)?iniciales\s+", re.IGNORECASE).match(raw, p)
            p = im.end() if im else p
        ns, protected = item(ctx, p, role, "header.inline")
        if ns is None or ns.end > e + 1:
            return
        acc.add(ctx, "juez" if role == "ponente" else role, ns, protected=protected, rule="header.inline")
        p = ns.end
        am = R.ALIAS.match(raw, p)
        p = am.end() if am else p
        pm = PAREN.match(raw[p:e])
        if pm:
            if role == "juez" and "ponente" in fold_key(pm["note"]):
                acc.add(ctx, "ponente", ns, rule="header.inline")
            p += pm.end()
        if role == "ponente":
            acc.add(ctx, "ponente", ns, rule="header.inline")
        sm = _CHAIN_SEP.match(raw, p)
        if not sm or sm.end() == p:
            return
        p = sm.end()


def _is_name_value(ctx: Context, s: int, e: int | None) -> bool:
    """A value that is one or more names and nothing else (the table's last value: that
    opens with a name)."""
    raw = ctx.view.raw
    p = _VALUE_LEAD.match(raw, s).end()
    if not N.name_at(raw, p):
        return False
    return e is None or _chain_end(ctx, s, e) >= len(raw[:e].rstrip())


def _chain_end(ctx: Context, s: int, le: int) -> int:
    """Where a value that ends the line's table ends: after its names (or initials, codes,
    the State) joined by "/", "," or "y"."""
    raw = ctx.view.raw
    p = _VALUE_LEAD.match(raw, s).end()
    end = p
    while p < le:
        ns, _ = item(ctx, p, "agraviado", "header.inline")
        if ns is None:
            ns = N.name_at(raw, p)
        if ns is None:
            break
        end = ns.end
        am = R.ALIAS.match(raw, end)
        end = am.end() if am else end
        pm = PAREN.match(raw[end:le])
        end += pm.end() if pm else 0
        sm = _CHAIN_SEP.match(raw, end)
        if not sm or sm.end() == end:
            break
        p = sm.end()
    return end


def _label_only(rest: str) -> bool:
    """The rest of a label's line is more labels ("EXPEDIENTE    ACUSADO"), not a value that
    opens with a label word ("Ministerio Público: Fiscal Adjunta Provincial X")."""
    lm = R.LABEL_RX.match(rest)
    if not lm:
        return False
    tail = rest[lm.end():].strip()
    return bool(lm["colon"]) or not tail or bool(R.LABEL_RX.match(tail))


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
    tm = _TITLE.search(raw, s, e)  # a header flowed onto the title's line: "AGRAVIADA : M.Ch.A. AUTO DE ..."
    e = tm.start() if tm else e
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
        if (ns is None or ns.end > e + 1) and role == "fiscal":
            return  # "MINISTERIO PÚBLICO: Fiscalía Provincial ...": an office (offices.py), no person
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
        if role == "agraviado" and R.REPRESENTED_BY.match(raw, p, e):
            return  # "..., representada por su madre X": the representative is no victim

