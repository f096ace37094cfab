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
    return list(found.values())


def extract_terceros(ctx: Context, known: list[Party]) -> list[Party]:
    """Witnesses and experts named in the body; people already known in another role are not
    repeated as third persons."""
    low, raw, z = ctx.view.low, ctx.view.raw, ctx.zones
    out: list[Party] = []
    for m in R.TERCERO.rx.finditer(low, *z.body):
        if z.in_furniture(m.start()):
            continue
        p = m.end() + R.FILLER.match(low[m.end():m.end() + 40]).end()
        im = R.INITIALS.rx.match(raw, p)
        if im and "iniciales" in low[m.start():m.end()]:
            name, protected, span = im.group().strip(), True, im.span()
        else:
            ns = N.name_at(raw, p, rule=R.TERCERO.id)
            if ns is None or len(N.tokens_of(ns.name)) < 3:
                continue  # "el testigo Chino": a nickname is no name to list
            name, protected, span = ns.name, False, (ns.start, ns.end)
        if any(_same(name, q.name) for q in known if q.role != Role.TERCERO) or \
                any(_same(name, q.name) for q in out):
            for i, q in enumerate(out):
                if _same(name, q.name):
                    out[i] = q.model_copy(update={"evidence": q.evidence + [ctx.ev(*span, R.TERCERO.id)]})
            continue
        out.append(Party(name=name, role=Role.TERCERO, protected=protected,
                         evidence=[ctx.ev(span[0], span[1], R.TERCERO.id)]))
    return out


def _same(a: str, b: str) -> bool:
    if N.is_initials(a) or N.is_initials(b):
        return N.is_initials(a) and N.is_initials(b) and N.initials_key(a) == N.initials_key(b)
    return N.same_person(a, b)
