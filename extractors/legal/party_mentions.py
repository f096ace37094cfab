"""Mentions of parties: a role cue in running text ("el sentenciado X", "en agravio de las
adolescentes de iniciales A.B.C. y D.E.F.", "los jueces supremos X, Y y Z") and the list of
names, initials, codes or entities that follows it. The header table and the signature
blocks (``party_header``, ``signatures``) add mentions through the same accumulator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.legal import names as N
from extractors.legal.patterns import entities as E
from extractors.legal.patterns import roles as R
from extractors.legal.text import Context, fold_key
from schemas import CourtLevel

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
class Acc:
    mentions: list[Mention] = field(default_factory=list)

    def add(self, ctx: Context, role: str, ns: N.NameSpan | None, *, protected=False, rule=None):
        if ns is None:
            return
        z = ctx.zones
        self.mentions.append(Mention(role, ns.name, ns.start, ns.end, rule or ns.rule, protected,
                                     z.decision[0] <= ns.start < z.decision[1]))


PAREN = re.compile(r"^\s*\((?P<note>[^)]{0,80})\)")
_PRESIDE = re.compile(r"^\s*,\s*quien\s+preside\s*(?=,|\s+y\b)")
_SEP = re.compile(r"^(?:\s+y\s+(?:de\s+la|del|de)\s+|\s*,\s*(?:y|e)\s+|\s*,\s*|\s+(?:y|e)\s+|\s*/\s*|\s*;\s*(?:y\s+)?)"
                  r"(?:(?:a|contra|al|a\s+la)\s+)?")
_APPOSITIVE = re.compile(r"^,[^.;()]{0,140}?,\s+y\s+(?:a|contra)\s+")
_ROLE_NOUN = re.compile(r"^(?:(?:el|la|los|las)\s+)?(?:acusad|imputad|procesad|sentenciad|encausad|"
                        r"investigad|coprocesad|agraviad|defensor|senor|senora|doctor)\w*\s+")


_VICTIM_LEAD = re.compile(r"(?:(?:identificad[oa]s?|signad[oa]s?)\s+)?(?:(?:de|con)\s+)?(?:las\s+)?"
                          r"(?:iniciales\s+|(?P<clave>(?=clave\b)))")


def item(ctx: Context, pos: int, role: str, rule: str) -> tuple[N.NameSpan | None, bool]:
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
            code = raw[m.start("code"):m.end("code")]
            name = code if code[:1].isalpha() else f"clave {code}"  # "TR-07" names itself
            return N.NameSpan(m.start(), m.end(), name, R.CLAVE.id), True
        if low[max(0, p - 8):p].rstrip().endswith("clave"):  # the cue ended with "con clave"
            m = R.CLAVE.rx.match(low[p:p + 20])
            if m and m["bare"]:
                return N.NameSpan(p, p + m.end(), f"clave {m['bare']}", R.CLAVE.id), True
        m = R.STATE.rx.match(low, p)
        if m:  # "El Estado – Municipalidad Distrital de Comas": the State, its entity left out
            em = E.STATE_ENTITY.match(raw, m.end())
            return N.NameSpan(m.start(), em.end() if em else m.end(), "Estado", R.STATE.id), False
        m = E.RESERVED_CODE.match(raw, p)
        if m and "clave" in low[max(0, p - 60):p]:  # "con claves TR-07 y TR-11"
            return N.NameSpan(m.start(), m.end(), m.group(), "name.reserved_code"), True
        m = E.COMPANY.match(raw, p)
        if m:
            return N.NameSpan(m.start("name"), m.end(), company_name(m["name"]), "name.company"), False
        m = E.SOCIEDAD.match(low, p)
        if m:
            return N.NameSpan(m.start(), m.end(), "Sociedad", "name.sociedad"), False
        m = E.ORGANISATION.match(raw, p)
        if m:  # "Cooperativa de Ahorro y Crédito San Martín de Porres Ltda.": its "y" joins no two victims
            name = organisation_text(m["name"])
            return N.NameSpan(m.start(), m.start() + len(name), organisation_name(name), "name.organisation"), False
    if role == "imputado":  # an accused the document names only by initials ("J.C.Q.M.")
        m = R.INITIALS.rx.match(raw, p)
        if m and m.group().count(".") >= 2:
            return N.NameSpan(m.start(), m.end(), m.group().strip(), R.INITIALS.id), False
    ns = N.name_at(raw, p, rule=rule)
    if ns:
        return ns, False
    return None, False


# how the words of institutions' names are written, for a name given in capitals
_ORG_SPELLING = {w.upper(): w for phrase in (*E.ORGANISATION_HEADS, *E.ORGANISATION_PAIRS)
                 for w in phrase.replace(",", " ").split()}


def organisation_text(matched: str) -> str:
    """An institution's name as matched, without the small words or the sentence's period after
    it ("Ltda." and "S.A." keep theirs)."""
    name = E.ORGANISATION_TRAILING.sub("", matched)
    if name.endswith(".") and name.split()[-1].lower() not in E.ORGANISATION_ABBREVIATIONS:
        name = name[:-1]
    return name


def organisation_name(text: str) -> str:
    """"COOPERATIVA DE AHORRO Y CRÉDITO SAN MARTÍN DE PORRES LTDA." -> "Cooperativa de Ahorro y Crédito San
    Martín de Porres Ltda."; a name in mixed case is kept as written."""
    text = " ".join(text.split())
    if not text.isupper():
        return text
    return " ".join(w.lower() if w.lower() in ("de", "del", "la", "las", "los", "en", "el", "y", "e") and i
                    else _ORG_SPELLING.get(w, w.capitalize()) for i, w in enumerate(text.split()))


def company_name(text: str) -> str:
    """"MINERA AURÍFERA LOS CÓNDORES DE PARCOY S.A.C." -> "Minera Aurífera Los Cóndores de Parcoy S.A.C."."""
    words = text.split()
    if words[0].islower():  # "empresa de transportes El Rápido S.A.C.": the sector in lower case
        words = [w if w in ("de", "y", "e") else w[:1].upper() + w[1:] for w in words]
    form = words[-1] if re.fullmatch(r"(?:[A-Z]\.)+", words[-1]) else None
    body = " ".join(words[:-1] if form else words)
    if body.isupper():  # articles belong to a trade name ("Los Cóndores"); prepositions do not
        body = " ".join(w.lower() if w.lower() in ("de", "del", "y", "e", "en") and i else w[:1] + w[1:].lower()
                        for i, w in enumerate(body.split()))
    return " ".join(filter(None, [body, form]))


def _skip_after_name(ctx: Context, p: int, role: str) -> int:
    """Past what may follow a name in a list: an alias, the title of participation, the
    client a lawyer speaks for."""
    raw, low = ctx.view.raw, ctx.view.low
    am = R.ALIAS.match(raw, p)
    if am:
        p = am.end()
    if role == "imputado":
        pm = R.PARTICIPATION.match(low, p)
        p = pm.end() if pm else p
    if role == "defensa":
        cm = R.CLIENT.match(low, p)
        if cm:
            ns = N.name_at(raw, cm.end())
            if ns:
                p = ns.end
                pm = PAREN.match(raw[p:])
                p += pm.end() if pm else 0
    return p


def list_after(ctx: Context, acc: Acc, pos: int, role: str, rule: str, *, appositive=False) -> None:
    raw, low = ctx.view.raw, ctx.view.low
    p = pos
    for _ in range(40):  # lists of ten or more accused are common in organised-crime cases
        ns, protected = item(ctx, p, role, rule)
        if ns is None:
            return
        acc.add(ctx, role, ns, protected=protected, rule=rule)
        p = ns.end
        pm = PAREN.match(raw[p:])
        if pm:
            if role == "juez" and "ponente" in fold_key(pm["note"]):
                acc.add(ctx, "ponente", ns, rule=rule + ".paren")
            p += pm.end()
        p = _skip_after_name(ctx, p, role)
        qm = _PRESIDE.match(low[p:])
        if qm:
            p += qm.end()
        nxt = None
        sm = _SEP.match(low[p:p + 40])
        if sm:
            q = p + sm.end()
            rn = _ROLE_NOUN.match(low[q:q + 40])
            q += rn.end() if rn else 0
            if item(ctx, q, role, rule)[0]:
                nxt = q
        if nxt is None and appositive:
            am = _APPOSITIVE.match(low[p:p + 160])
            if am and item(ctx, p + am.end(), role, rule)[0]:
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


def cues(ctx: Context, acc: Acc, zones: list[tuple[int, int]],
         court_level: Callable[[], CourtLevel | None]) -> None:
    low = ctx.view.low
    for lo, hi in zones:
        for rule in R.CUES:
            for m in rule.rx.finditer(low, lo, hi):
                if ctx.zones.in_furniture(m.start()):
                    continue
                role = rule.value
                p = _name_start(ctx, m.end(), role)
                if role == "ponente":
                    ns, _ = item(ctx, p, role, rule.id)
                    acc.add(ctx, "ponente", ns, rule=rule.id)
                    acc.add(ctx, "juez", ns, rule=rule.id)
                    continue
                if role == "juez" and _recited_lower_court(ctx, m.start(), m.group(), court_level):
                    continue
                if role == "defensa" and (R.VICTIM_COUNSEL_BEFORE.search(low, max(lo, m.start() - 80), m.start())
                                          or R.VICTIM_COUNSEL_AFTER.match(low, m.end())):
                    continue  # the victim's lawyer: no defence of the accused
                list_after(ctx, acc, p, role, rule.id, appositive=rule.id == "role.verdict")


_RANK = {"juzgado": 0, "colegiado": 0, "sala": 1}


def _recited_lower_court(ctx: Context, pos: int, cue: str, court_level: Callable[[], CourtLevel | None]) -> bool:
    """A list of judges that belongs to a lower court the ruling recites."""
    low = ctx.view.low
    cm = None
    for cm in R.RECITED_COURT.finditer(low, max(0, pos - 200), pos):
        pass  # the closest court named before the list
    if cm is None or re.search(r"[.;:]-?\s", low[cm.end():pos]):
        return False
    rank = 2 if "suprem" in cue else 1 if "superior" in cue else _RANK[cm["court"].split()[0]]
    own = {CourtLevel.JUZGADO: 0, CourtLevel.CORTE_SUPERIOR: 1, CourtLevel.CORTE_SUPREMA: 2}.get(court_level(), 0)
    return rank < own

