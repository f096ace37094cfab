"""Parties beside the accused and the victims: the actor civil and the third persons
(witnesses and experts) that the truth convention lists as ``tercero``.

- Actor civil: whoever the text says is constituted as such ("la Procuraduría Pública
  Especializada en Delitos Ambientales, constituida en actor civil"; "se constituyó en actor
  civil la agraviada X"). A Procuraduría that only represents the State is not one.
- Terceros: people who testify or report: "el testigo X", "la testigo de iniciales R.Q.L."
  (protected), "el perito X", "ingeniero X". Court staff (especialista, secretario) and
  the lawyers are not third persons.
Cues are data in ``patterns.roles``; names are read by ``names.name_at``.
"""

from __future__ import annotations

import re

from extractors.legal import names as N
from extractors.legal.patterns import entities as E
from extractors.legal.patterns import roles as R
from extractors.legal.text import Context, fold_key
from schemas import Party, Role

_TRAILING = re.compile(r"(?:\s+(?:en\s+representacion|que\s+representa|del\s+estado|,).*)$")


def _office_name(raw: str) -> str:
    """"Procuraduría Pública Especializada en Delitos Ambientales" as written, one line."""
    return " ".join(raw.split()).strip(" ,;:")


def extract_actor_civil(ctx: Context) -> list[Party]:
    low, raw, z = ctx.view.low, ctx.view.raw, ctx.zones
    found: dict[str, Party] = {}
    for rule in R.ACTOR_CIVIL:
        for m in rule.rx.finditer(low, *z.body):
            if z.in_furniture(m.start()):
                continue
            s, e = m.span("who")
            if low.startswith("procuraduria", s):
                name = _office_name(raw[s:e])
                span = (s, e)
            else:
                ns = N.name_at(raw, s, rule=rule.id)
                if ns is None or ns.end > e + 2:
                    continue
                name, span = ns.name, (ns.start, ns.end)
            key = fold_key(name)
            ev = ctx.ev(span[0], span[1], rule.id)
            if key in found:
                old = found[key]
                found[key] = old.model_copy(update={"evidence": old.evidence + [ev]})
            else:
                found[key] = Party(name=name, role=Role.ACTOR_CIVIL, evidence=[ev])
    for name, span, rule in _named_before(ctx) + _in_apposition(ctx):
        key = fold_key(name)
        ev = ctx.ev(span[0], span[1], rule)
        if key in found:
            old = found[key]
            found[key] = old.model_copy(update={"evidence": old.evidence + [ev]})
        elif not any(N.same_person(name, q.name) or k.startswith(key) or key.startswith(k)
                     for k, q in found.items()):  # "Procuraduría Pública" cut before "a cargo de ..."
            found[key] = Party(name=name, role=Role.ACTOR_CIVIL, evidence=[ev])
    return list(found.values())


def _named_before(ctx: Context) -> list[tuple[str, tuple[int, int], str]]:
    """Actores civiles named before the phrase that constitutes them, in the same clause:
    the Procuradurías (all of them when the phrase is plural), or else the last person."""
    low, raw, z = ctx.view.low, ctx.view.raw, ctx.zones
    out = []
    for a in re.finditer(r"actor(?:es)?\s+civil(?:es)?", low[:z.body[1]]):  # a literal first: fast
        m = R.ACTOR_CIVIL_AFTER.search(low, max(z.body[0], a.start() - 80), a.end())
        if m is None or z.in_furniture(m.start()):
            continue
        lo = max(z.body[0], m.start() - 320)
        for c in R.CLAUSE_START.finditer(low, lo, m.start()):
            lo = c.end()
        offices = [(o.start(), o.start() + len(E.OFFICE_TRAILING.sub("", o.group())))
                   for o in E.PROCURADURIA.finditer(raw, lo, m.start())]
        if offices:
            plural = m["plural"] or m["pl"]
            for s, e in offices if plural else offices[-1:]:
                out.append((_office_name(raw[s:e]), (s, e), "role.actor_civil.named_before"))
            continue
        # the nearest party named before the phrase: a person, or an institution or company
        # ("contra X, en agravio de la empresa Y S.A., constituida en actor civil": Y)
        organisations = _organisations(raw, lo, m.start())
        named = [(ns.start, ns.end, ns.name, "role.actor_civil.named_before")
                 for ns in N.names_in(raw, lo, m.start()) if not N.is_initials(ns.name)
                 and not any(s <= ns.start < e for s, e, _ in organisations)]  # "Cooperativa San Martín de Porres"
        named += [(s, e, name, "role.actor_civil.organisation") for s, e, name in organisations]
        if named:
            s, e, name, rule = max(named)
            out.append((name, (s, e), rule))
    return out


_APPOSITION = re.compile(r"\b(?:la\s+)?(?:parte|actor)\s+civil\s*,\s*")


def _in_apposition(ctx: Context) -> list[tuple[str, tuple[int, int], str]]:
    """The actor civil named in apposition to the noun: "interpuesto por la parte civil,
    Empresa Nacional de Puertos S.A., contra …" (the 1940 code's "parte civil", C. de P. P.
    art. 54; the NCPP's actor civil, art. 98)."""
    low, raw, z = ctx.view.low, ctx.view.raw, ctx.zones
    out = []
    for a in _APPOSITION.finditer(low, *z.body):
        if z.in_furniture(a.start()):
            continue
        p = a.end()
        office = E.PROCURADURIA.match(raw, p)
        if office:
            e = p + len(E.OFFICE_TRAILING.sub("", office.group()))
            out.append((_office_name(raw[p:e]), (p, e), "role.actor_civil.apposition"))
            continue
        organisation = next(iter(_organisations(raw, p, min(len(raw), p + 200))), None)
        if organisation and organisation[0] == p:
            out.append((organisation[2], organisation[:2], "role.actor_civil.apposition"))
            continue
        ns = N.name_at(raw, p, rule="role.actor_civil.apposition")
        if ns and not N.is_initials(ns.name) and re.match(r"\s*[,;(]", raw[ns.end:ns.end + 3]):
            out.append((ns.name, (ns.start, ns.end), "role.actor_civil.apposition"))
    return out


def _organisations(raw: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Institutions and companies named in ``raw[lo:hi]``, in order: "la Municipalidad
    Distrital de X", "Transportes Línea S.A.", "la SUNAT" (by its full name)."""
    from extractors.legal.party_mentions import company_name, organisation_name, organisation_text

    companies = [(m.start("name"), m.end(), company_name(m["name"])) for m in E.COMPANY.finditer(raw, lo, hi)]
    found = []
    for m in E.ORGANISATION.finditer(raw, lo, hi):
        s = m.start("name")
        e = s + len(organisation_text(m["name"]))
        form = next((c for c in companies if s <= c[0] <= e < c[1]), None)  # "Empresa Nacional de Puertos S.A."
        if form:
            companies.remove(form)
            e = form[1]
        found.append((s, e, organisation_name(organisation_text(raw[s:e]))))
    found += companies
    found += [(m.start(), m.end(), E.AGENCY_ACRONYMS[m["acronym"]]) for m in E.AGENCY_ACRONYM.finditer(raw, lo, hi)]
    return sorted(found, key=lambda f: (f[0], -f[1]))


def extract_terceros(ctx: Context, known: list[Party], *, full_name=lambda name: name) -> list[Party]:
    """Witnesses, experts, the complainant, a protected relative of the victim named in the
    body; people already known in another role are not repeated as third persons.
    ``full_name`` completes a surname-only mention ("denuncia del propio Quispe Huamaní")."""
    from extractors.legal.party_mentions import Acc, list_after

    low, raw, z = ctx.view.low, ctx.view.raw, ctx.zones
    found: list[tuple[str, bool, tuple[int, int], str]] = []
    for m in R.TERCERO.rx.finditer(low, *z.body):
        if z.in_furniture(m.start()):
            continue
        p = m.end() + R.FILLER.match(low[m.end():m.end() + 40]).end()
        im = R.INITIALS.rx.match(raw, p)
        if im and "iniciales" in low[m.start():m.end()]:
            found.append((im.group().strip(), True, im.span(), R.TERCERO.id))
            continue
        acc = Acc()
        list_after(ctx, acc, p, "tercero", R.TERCERO.id)
        for mm in acc.mentions:
            name = full_name(mm.name)
            if len(N.tokens_of(name)) >= 3:  # "el testigo Chino": a nickname is no name to list
                found.append((name, False, (mm.start, mm.end), R.TERCERO.id))
    for m in R.RELATIVE_INITIALS.finditer(low, *z.body):
        im = R.INITIALS.rx.match(raw, m.end())
        if im and not z.in_furniture(m.start()):
            found.append((im.group().strip(), True, im.span(), "role.tercero.relative"))
    found += _civilly_liable(ctx)
    out: list[Party] = []
    for name, protected, span, rule in found:
        ev = ctx.ev(span[0], span[1], rule)
        if any(_same(name, q.name) for q in known if q.role != Role.TERCERO):
            continue
        i = next((i for i, q in enumerate(out) if _same(name, q.name)), None)
        if i is not None:
            out[i] = out[i].model_copy(update={"evidence": out[i].evidence + [ev]})
        else:
            out.append(Party(name=name, role=Role.TERCERO, protected=protected, evidence=[ev]))
    return out


def _civilly_liable(ctx: Context) -> list[tuple[str, bool, tuple[int, int], str]]:
    """The company named right before or after "tercero civilmente responsable"."""
    from extractors.legal.party_mentions import company_name

    low, raw, z = ctx.view.low, ctx.view.raw, ctx.zones
    out = []
    for m in R.CIVILLY_LIABLE.finditer(low, *z.body):
        before = [c for c in E.COMPANY.finditer(raw, max(z.body[0], m.start() - 160), m.start())
                  if re.fullmatch(r"\s*,?\s*(?:como|en\s+calidad\s+de)?\s*(?:el|la)?\s*", low[c.end():m.start()])]
        after = E.COMPANY.match(raw, m.end() + len(re.match(r"\s*,?\s*(?:la\s+empresa\s+)?", low[m.end():]).group()))
        for c in before[-1:] + ([after] if after else []):
            out.append((company_name(c["name"]), False, c.span("name"), "role.tercero.civil"))
    return out


def _same(a: str, b: str) -> bool:
    if N.is_initials(a) or N.is_initials(b):
        return N.is_initials(a) and N.is_initials(b) and N.initials_key(a) == N.initials_key(b)
    return N.same_person(a, b)
