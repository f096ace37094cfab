"""Parties and judges: defendants, victims, judges and ponente, fiscal, defence.

Three sources, merged per role: the header table (label/value lines, or values flattened
away from their labels, read by their shape), role cues in running text ("el sentenciado
X", "en agravio de las adolescentes de iniciales A.B.C. y D.E.F.", "los jueces supremos X,
Y y Z", "Intervino como ponente ..."), and signature blocks ("S.S." + names). The spaCy
model proposes names where the name rules find none, and full names for surname-only
mentions. Court staff (especialista) and witnesses are not parties here.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from extractors.legal import names as N
from extractors.legal.court import extract_court
from extractors.legal.offices import acting_fiscal_office
from extractors.legal.party_header import header, wide_gap
from extractors.legal.party_mentions import Acc, Mention, cues
from extractors.legal.signatures import signatures, signed_lines, stamp_judges
from extractors.legal.text import Context, fold_key
from extractors.legal.third_parties import extract_actor_civil, extract_terceros
from schemas import CourtLevel, Party, Role

class _FullNames:
    """Full names mentioned in the body, to complete surname-only mentions: the name rules'
    first; the spaCy model's PER entities (header, VISTOS, decision) only when the rules
    leave a mention without its full name, since the model costs most of the time."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        z, raw = ctx.zones, ctx.view.raw
        # an "S.S." line signed in one line is surname pairs, never one long name; nor is a row
        # of signatures in columns (a column gap: acquisition keeps two spaces for any wider run)
        self.signed = signed_lines(ctx)
        self.rules = [ns.name for ns in N.names_in(raw, z.body[0], z.body[1])
                      if not z.in_furniture(ns.start) and not self._signed(ns.start)
                      and wide_gap(ctx, ns.start, ns.end) < 0]
        self._model: list[str] | None = None

    def _signed(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.signed)

    @property
    def model(self) -> list[str]:
        if self._model is None:
            z, raw = self.ctx.zones, self.ctx.view.raw
            self._model = []
            for lo, hi in (z.header, z.vistos, z.decision):
                if hi > lo:
                    for s, _e in N.person_entities(raw[lo:hi], lo):
                        ns = N.name_at(raw, s, rule="name.ner")
                        span = raw[ns.start:ns.end] if ns else ""
                        if ns and (("\n" in span and span.isupper()) or wide_gap(self.ctx, ns.start, ns.end) >= 0):
                            continue  # names in capitals one per line, or across a column gap: a signature list
                        if ns and self._signed(ns.start):
                            continue
                        if ns and len(ns.name.split()) >= 3:
                            self._model.append(ns.name)
        return self._model


def _full_mentions(ctx: Context) -> _FullNames:
    return _FullNames(ctx)


def _holds_another(full_name: str, name: str, others: Sequence[str]) -> bool:
    """``full_name`` holds the surname pair of another of ``others`` ("SOTELO HUERTA CANCHARI LOZANO
    YNGA", a wrapped signature row, holds Huerta Canchari besides Lozano Ynga): no one's name."""
    words = " ".join(N.tokens_of(full_name))
    return any(o != name and len(t := N.tokens_of(o)) >= 2 and f" {' '.join(t[-2:])} " in f" {words} "
               and not N.same_person(o, name, loose=False) for o in others)


def _expand(name: str, full: _FullNames, *, loose: bool = True, others: Sequence[str] = ()) -> str:
    if len(N.tokens_of(name)) > 2:
        return name
    n = len(N.tokens_of(name))
    hits = [f for f in full.rules if len(N.tokens_of(f)) > n and N.same_person(name, f, loose=loose)
            and not _holds_another(f, name, others)]
    if not hits:
        hits = [f for f in full.model if len(N.tokens_of(f)) > n and N.same_person(name, f, loose=loose)
                and not _holds_another(f, name, others)]
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


def _same_protected(a: str, b: str) -> bool:
    """Initials compare by their letters ("Y. Ch. C." = "Y.Ch.C."); codes ("TR-07", "clave
    123-2018") only when identical."""
    if N.is_initials(a) and N.is_initials(b):
        return N.initials_key(a) == N.initials_key(b)
    return fold_key(a) == fold_key(b)


def extract_parties(ctx: Context, *, court_level: CourtLevel | None = None) -> list[Party]:
    """``court_level``: the deciding court's, when the caller has read it already; otherwise it
    is read from the text, once, only if a recited court's list of judges needs it."""
    z = ctx.zones
    acc = Acc()
    header(ctx, acc)
    zones = [z.body]
    if z.sumilla[1] > z.sumilla[0] and not (z.body[0] <= z.sumilla[0] < z.body[1]):
        zones.append(z.sumilla)
    level = (lambda: court_level) if court_level is not None else functools.cache(lambda: extract_court(ctx).level)
    cues(ctx, acc, zones, level)
    signatures(ctx, acc)
    full = _full_mentions(ctx)
    # merge per role
    groups: dict[str, list[list[Mention]]] = {}
    bench = [m.name for m in acc.mentions if m.role in ("juez", "ponente")]
    for m in acc.mentions:
        if (m.role not in ("agraviado",) or not m.protected) and not N.is_initials(m.name):
            judge = m.role in ("juez", "ponente")
            m.name = _expand(m.name, full, loose=not judge, others=bench if judge else ()) \
                if m.name != "Estado" else m.name
        bucket = groups.setdefault(m.role, [])
        for g in bucket:
            if ((m.protected or N.is_initials(m.name)) and (g[0].protected or N.is_initials(g[0].name))
                    and _same_protected(m.name, g[0].name)) or \
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
                if clash and clash[0] != "juez":  # this role has more mentions: the earlier claim yields
                    claimed.remove(clash)
                    parties = [p for p in parties if not (p.role.value == clash[0] and p.name == clash[2])]
            claimed.append((role, len(g), best.name))
            ev = [ctx.ev(m.start, m.end, m.rule) for m in sorted(g, key=lambda m: m.start)[:6]]
            parties.append(Party(name=best.name, role=Role(role), protected=best.protected, evidence=ev))
    parties = stamp_judges(ctx, parties)
    if not any(p.role == Role.FISCAL for p in parties):
        office = acting_fiscal_office(ctx)
        parties += [office] if office else []
    # the victim or relative constituted as actor civil speaks for herself, not as defence
    actors = extract_actor_civil(ctx)
    parties = [p for p in parties if not (p.role == Role.DEFENSA and any(_same(p.name, a.name) for a in actors))]
    parties += actors
    # a person accused only in a "contra X" phrase who is the complainant or a witness is a
    # third person (a denuncia or carpeta recited against someone else)
    weak = [p for p in parties if p.role == Role.IMPUTADO and all(e.rule == "role.contra" for e in p.evidence)]
    terceros = extract_terceros(ctx, [p for p in parties if p not in weak],
                                full_name=lambda name: _expand(name, full))
    parties = [p for p in parties if not (p in weak and any(_same(p.name, t.name) for t in terceros))]
    return parties + terceros