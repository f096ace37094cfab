"""Parties and judges: defendants, victims, judges and ponente, fiscal, defence.

Three sources, merged per role: the header table (label/value lines, or values flattened
away from their labels, read by their shape), role cues in running text ("el sentenciado
X", "en agravio de las adolescentes de iniciales A.B.C. y D.E.F.", "los jueces supremos X,
Y y Z", "Intervino como ponente ..."), and signature blocks ("S.S." + names). The spaCy
model proposes names where the name rules find none, and full names for surname-only
mentions. Court staff (especialista) and witnesses are not parties here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.legal import names as N
from extractors.legal.patterns import roles as R
from extractors.legal.text import Context, fold_key
from extractors.legal.third_parties import extract_actor_civil, extract_terceros
from schemas import Party, Role


@dataclass
class Mention:
    role: str
    name: str
    start: int
    end: int
    rule: str
    protected: bool = False
    in_decision: bool = False


@dataclass
class _Acc:
    mentions: list[Mention] = field(default_factory=list)

    def add(self, ctx: Context, role: str, ns: N.NameSpan | None, *, protected=False, rule=None):
        if ns is None:
            return
        z = ctx.zones
        self.mentions.append(Mention(role, ns.name, ns.start, ns.end, rule or ns.rule, protected,
                                     z.decision[0] <= ns.start < z.decision[1]))


_PAREN = re.compile(r"^\s*\((?P<note>[^)]{0,80})\)")
_PRESIDE = re.compile(r"^\s*,\s*quien\s+preside\s*(?=,|\s+y\b)")
_SEP = re.compile(r"^(?:\s*,\s*(?:y|e)\s+|\s*,\s*|\s+(?:y|e)\s+|\s*/\s*|\s*;\s*y\s+)"
                  r"(?:(?:a|contra|al|a\s+la)\s+)?")
_APPOSITIVE = re.compile(r"^,[^.;()]{0,140}?,\s+y\s+(?:a|contra)\s+")
_ROLE_NOUN = re.compile(r"^(?:(?:el|la|los|las)\s+)?(?:acusad|imputad|procesad|sentenciad|encausad|"
                        r"investigad|coprocesad|agraviad|defensor|senor|senora|doctor)\w*\s+")


_VICTIM_LEAD = re.compile(r"(?:(?:identificad[oa]s?|signad[oa]s?)\s+)?(?:(?:de|con)\s+)?(?:las\s+)?"
                          r"(?:iniciales\s+|(?P<clave>(?=clave\b)))")


def _item(ctx: Context, pos: int, role: str, rule: str) -> tuple[N.NameSpan | None, bool]:
    """A name (or initials / code / the State, for victims) starting at ``pos``."""
    raw, low = ctx.view.raw, ctx.view.low
    p = pos + len(re.match(r"\s*", raw[pos:]).group())
    if role == "agraviado":
        # "identificada con clave 48-2023", "de iniciales M.M.S." inside a list of victims
        lead = _VICTIM_LEAD.match(low, p)
        if lead and lead.end() > p and (R.INITIALS.rx.match(raw, lead.end())
                                         or R.CLAVE.rx.match(low, lead.end())):
            p = lead.end() if R.INITIALS.rx.match(raw, lead.end()) else lead.start("clave")
        m = R.INITIALS.rx.match(raw, p)
        if m:
            return N.NameSpan(m.start(), m.end(), " ".join(m.group().split()), R.INITIALS.id), True
        m = R.CLAVE.rx.match(low, p)
        if m and m["code"]:
            return N.NameSpan(m.start(), m.end(), f"clave {m['code']}", R.CLAVE.id), True
        if low[max(0, p - 8):p].rstrip().endswith("clave"):  # the cue ended with "con clave"
            m = R.CLAVE.rx.match(low[p:p + 20])
            if m and m["bare"]:
                return N.NameSpan(p, p + m.end(), f"clave {m['bare']}", R.CLAVE.id), True
        m = R.STATE.rx.match(low, p)
        if m:
            return N.NameSpan(m.start(), m.end(), "Estado", R.STATE.id), False
    if role == "imputado":  # an accused the document names only by initials ("J.C.Q.M.")
        m = R.INITIALS.rx.match(raw, p)
        if m and m.group().count(".") >= 2:
            return N.NameSpan(m.start(), m.end(), m.group().strip(), R.INITIALS.id), False
    ns = N.name_at(raw, p, rule=rule)
    if ns:
        return ns, False
    return None, False


def _list_after(ctx: Context, acc: _Acc, pos: int, role: str, rule: str, *, appositive=False) -> None:
    raw, low = ctx.view.raw, ctx.view.low
    p = pos
    for _ in range(12):
        ns, protected = _item(ctx, p, role, rule)
        if ns is None:
            return
        acc.add(ctx, role, ns, protected=protected, rule=rule)
        p = ns.end
        pm = _PAREN.match(raw[p:])
        if pm:
            if role == "juez" and "ponente" in fold_key(pm["note"]):
                acc.add(ctx, "ponente", ns, rule=rule + ".paren")
            p += pm.end()
        qm = _PRESIDE.match(low[p:])
        if qm:
            p += qm.end()
        nxt = None
        sm = _SEP.match(low[p:p + 40])
        if sm:
            q = p + sm.end()
            rn = _ROLE_NOUN.match(low[q:q + 40])
            q += rn.end() if rn else 0
            if _item(ctx, q, role, rule)[0]:
                nxt = q
        if nxt is None and appositive:
            am = _APPOSITIVE.match(low[p:p + 160])
            if am and _item(ctx, p + am.end(), role, rule)[0]:
                nxt = p + am.end()
        if nxt is None:
            return
        p = nxt


def _name_start(ctx: Context, p0: int, role: str) -> int:
    """Where the name after a cue begins: past courtesy words, and for prosecutors and
    lawyers past the office they speak for ("Fiscal Superior de la ... Fiscalía, X")."""
    low, raw = ctx.view.low, ctx.view.raw
    if role in ("imputado", "agraviado"):
        return p0 + R.NARROW_FILLER.match(low[p0:p0 + 40]).end()
    p = p0 + R.FILLER.match(low[p0:p0 + 60]).end()
    if role in ("fiscal", "defensa") and not N.name_at(raw, p):
        om = R.OFFICE.match(low[p0:p0 + 140])
        if om:
            p = p0 + om.end()
            p += R.FILLER.match(low[p:p + 60]).end()
    return p


def _cues(ctx: Context, acc: _Acc, zones: list[tuple[int, int]]) -> None:
    low = ctx.view.low
    for lo, hi in zones:
        for rule in R.CUES:
            for m in rule.rx.finditer(low, lo, hi):
                if ctx.zones.in_furniture(m.start()):
                    continue
                role = rule.value
                p = _name_start(ctx, m.end(), role)
                if role == "ponente":
                    ns, _ = _item(ctx, p, role, rule.id)
                    acc.add(ctx, "ponente", ns, rule=rule.id)
                    acc.add(ctx, "juez", ns, rule=rule.id)
                    continue
                _list_after(ctx, acc, p, role, rule.id, appositive=rule.id == "role.verdict")


# --- header table ----------------------------------------------------------------------

_LABEL_LINE = re.compile(r"^\W*$")
_UNKNOWN_LABEL = re.compile(r"\n[^\n:]{2,40}?\s*:\s")
_CELL_END = re.compile(r"\s[|;]\s|;\s*$|\|")


def _header(ctx: Context, acc: _Acc) -> None:
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
            vend = labels[i + 1][0] if i + 1 < len(labels) else _header_value_end(raw, e, hi)
            gap = _wide_gap(ctx, e + 2, vend)  # a wide gap ends a value in text without line breaks
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


def _wide_gap(ctx: Context, start: int, end: int) -> int:
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


def _header_value(ctx: Context, acc: _Acc, role: str, s: int, e: int, rule: str) -> None:
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
        ns, protected = _item(ctx, p, role, rule)
        if ns is None or ns.end > e + 1:
            nxt = re.compile(r"\S+").match(raw, p)
            if not nxt:
                break
            p = nxt.end()
            continue
        if role == "juez":
            acc.add(ctx, "juez", ns, rule=rule)
            pm = _PAREN.match(raw[ns.end:e])
            if pm and "ponente" in fold_key(pm["note"]):
                acc.add(ctx, "ponente", ns, rule=rule)
        elif role == "ponente":
            acc.add(ctx, "ponente", ns, rule=rule)
            acc.add(ctx, "juez", ns, rule=rule)
        else:
            acc.add(ctx, role, ns, protected=protected, rule=rule)
        p = ns.end
        pm = _PAREN.match(raw[p:e])
        if pm:
            p += pm.end()


# --- signatures ------------------------------------------------------------------------

_SIGNED_LINE = re.compile(rf"{N.UPPER_TOKEN}(?:[ \t]+(?:(?:DE|DEL)(?:[ \t]+(?:LA|LOS|LAS))?[ \t]+)?{N.UPPER_TOKEN}){{1,13}}")
_SS = re.compile(r"(?:^|\s)(?:s\.\s?s\.|ss\.)\s*", re.IGNORECASE)
_JUEZ_BELOW = re.compile(r"^\s*(?:juez|jueza)\b", re.IGNORECASE)


def _signatures(ctx: Context, acc: _Acc) -> None:
    raw = ctx.view.raw
    lo, hi = ctx.zones.decision
    if hi <= lo:
        return
    for m in _SS.finditer(raw, lo, hi):
        p = m.end()
        if "\n" in raw[m.start():m.end()] or raw[p - 1:p] == "\n" or raw[p:p + 1] == "\n":
            for line in raw[p:hi].split("\n"):
                q = p
                p += len(line) + 1
                if not line.strip():
                    continue
                um = N.UPPER_LINE_NAME.fullmatch(line.strip())
                if not um:
                    break
                s = q + line.index(um.group())
                acc.add(ctx, "juez", N.NameSpan(s, s + len(um.group()), N.display(um.group()),
                                                "signature.ss"))
        else:  # all on one line: "S.S. RAMÍREZ SOTELO HUERTA CANCHARI LOZANO YNGA"
            um = _SIGNED_LINE.match(raw, p)
            if um:
                tokens = um.group().split()
                known = [mm.name for mm in acc.mentions if mm.role == "juez"]
                q = p
                i = 0
                pairs = [" ".join(tokens[j:j + 2]) for j in range(0, len(tokens) - 1, 2)]
                # a panel of surname pairs that includes a judge already named: take them all
                panel = len(tokens) % 2 == 0 and any(N.same_person(p2, k, loose=False) for p2 in pairs for k in known)
                while i + 1 < len(tokens):
                    pair = " ".join(tokens[i:i + 2])
                    s = raw.index(tokens[i], q)
                    e = raw.index(tokens[i + 1], s) + len(tokens[i + 1])
                    q = e
                    if not known or panel or any(N.same_person(pair, k) for k in known):
                        acc.add(ctx, "juez", N.NameSpan(s, e, N.display(pair), "signature.inline"))
                    i += 2
    # "CARLOS ENRIQUE YARLEQUÉ ZAPATA\nJuez del Tercer Juzgado ..."
    for um in N.UPPER_LINE_NAME.finditer(raw, lo, hi):
        line_end = raw.find("\n", um.end())
        if line_end >= 0 and raw[um.end():line_end].strip() == "" and _JUEZ_BELOW.match(raw[line_end:line_end + 12]):
            acc.add(ctx, "juez", N.NameSpan(um.start(), um.end(), N.display(um.group()), "signature.juez"))


# --- assembling --------------------------------------------------------------------------

class _FullNames:
    """Full names mentioned in the body, to complete surname-only mentions: the name rules'
    first; the spaCy model's PER entities (header, VISTOS, decision) only when the rules
    leave a mention without its full name, since the model costs most of the time."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        z, raw = ctx.zones, ctx.view.raw
        self.rules = [ns.name for ns in N.names_in(raw, z.body[0], z.body[1]) if not z.in_furniture(ns.start)]
        self._model: list[str] | None = None

    @property
    def model(self) -> list[str]:
        if self._model is None:
            z, raw = self.ctx.zones, self.ctx.view.raw
            self._model = []
            for lo, hi in (z.header, z.vistos, z.decision):
                if hi > lo:
                    for s, _e in N.person_entities(raw[lo:hi], lo):
                        ns = N.name_at(raw, s, rule="name.ner")
                        if ns and len(ns.name.split()) >= 3:
                            self._model.append(ns.name)
        return self._model


def _full_mentions(ctx: Context) -> _FullNames:
    return _FullNames(ctx)


def _expand(name: str, full: _FullNames, *, loose: bool = True) -> str:
    if len(N.tokens_of(name)) > 2:
        return name
    n = len(N.tokens_of(name))
    hits = [f for f in full.rules if len(N.tokens_of(f)) > n and N.same_person(name, f, loose=loose)]
    if not hits:
        hits = [f for f in full.model if len(N.tokens_of(f)) > n and N.same_person(name, f, loose=loose)]
    if not hits:
        return name
    forms: dict[str, list[str]] = {}
    for h in hits:
        forms.setdefault(fold_key(h), []).append(h)
    # one person spelled one way, or spellings of one person: the most frequent form
    keys = list(forms)
    if all(N.same_person(keys[0], k) for k in keys[1:]):
        return max(forms.values(), key=lambda v: (len(v), len(v[0])))[0]
    return name


def _same(a: str, b: str) -> bool:
    """One person: the same initials, or the same name spelled differently."""
    ia, ib = N.is_initials(a), N.is_initials(b)
    if ia or ib:
        return ia and ib and N.initials_key(a) == N.initials_key(b)
    return N.same_person(a, b)


def extract_parties(ctx: Context) -> list[Party]:
    z = ctx.zones
    acc = _Acc()
    _header(ctx, acc)
    zones = [z.body]
    if z.sumilla[1] > z.sumilla[0] and not (z.body[0] <= z.sumilla[0] < z.body[1]):
        zones.append(z.sumilla)
    _cues(ctx, acc, zones)
    _signatures(ctx, acc)
    full = _full_mentions(ctx)
    # merge per role
    groups: dict[str, list[list[Mention]]] = {}
    for m in acc.mentions:
        if (m.role not in ("agraviado",) or not m.protected) and not N.is_initials(m.name):
            m.name = _expand(m.name, full, loose=m.role not in ("juez", "ponente")) if m.name != "Estado" else m.name
        bucket = groups.setdefault(m.role, [])
        for g in bucket:
            if ((m.protected or N.is_initials(m.name)) and (g[0].protected or N.is_initials(g[0].name))
                    and N.initials_key(m.name) == N.initials_key(g[0].name)) or \
                    (not m.protected and not g[0].protected
                     and N.same_person(m.name, g[0].name, loose=m.role not in ("juez", "ponente"))):
                g.append(m)
                break
        else:
            bucket.append([m])
    # a person is one role: drop weaker duplicates across parties (not juez/ponente)
    parties: list[Party] = []
    order = ["juez", "ponente", "fiscal", "imputado", "agraviado", "defensa"]
    claimed: list[tuple[str, int, str]] = []
    for role in order:
        for g in groups.get(role, []):
            best = max(g, key=lambda m: (len(N.tokens_of(m.name)), m.in_decision, -m.start))
            if role in ("fiscal", "imputado", "agraviado", "defensa"):
                clash = next((c for c in claimed if c[0] in ("fiscal", "imputado", "agraviado", "defensa", "juez")
                              and c[0] != role and _same(c[2], best.name)), None)
                if clash and clash[1] >= len(g):
                    continue
            claimed.append((role, len(g), best.name))
            ev = [ctx.ev(m.start, m.end, m.rule) for m in sorted(g, key=lambda m: m.start)[:6]]
            parties.append(Party(name=best.name, role=Role(role), protected=best.protected, evidence=ev))
    parties += extract_actor_civil(ctx)
    parties += extract_terceros(ctx, parties)
    return parties
