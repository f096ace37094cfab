"""Protected victims (domain.md, "Privacy"): victims named by initials or a code are
protected; where the text spells out a protected victim's full name it is recorded as a
``Redaction`` (replaced by the initials on output), and the party keeps only the initials.

A victim is protected when named by initials or clave, when the charged crime protects its
victims (``extractors.data.crimes.Crime.protected_victims``: trafficking, sexual crimes),
or when the text calls the victim a minor.
"""

from __future__ import annotations

import re

from extractors.data.crimes import BY_KEY
from extractors.legal.names import NameSpan, initials_key, initials_of, name_at, names_in, same_person
from extractors.legal.patterns import privacy as P
from extractors.legal.text import Context, fold_key
from schemas import Charge, Party, Redaction, Role

PLACEHOLDER = "[VÍCTIMA PROTEGIDA]"
_MINOR = re.compile(r"\b(?:menor(?:es)?\s+de\s+edad|la\s+menor|el\s+menor|adolescentes?|nin[oa]s?)\b")


def _initials_keys(name: str) -> set[str]:
    """Initials a document may give a person: of every word, or of the first given name and
    the two surnames ("Luz Marina Vásquez Pari" -> "lmvp", "lvp")."""
    words = [w for w in name.split() if w.lower() not in ("de", "del", "la", "los", "las")]
    keys = {initials_key(initials_of(name))}
    if len(words) >= 4:
        keys.add(initials_key(initials_of(" ".join([words[0]] + words[-2:]))))
    return keys


def protect_victims(parties: list[Party], charges: list[Charge], ctx: Context
                    ) -> tuple[list[Party], list[Redaction]]:
    protected_crime = any(BY_KEY[c.crime].protected_victims for c in charges if c.crime in BY_KEY)
    redactions: dict[str, Redaction] = {}
    out = []
    for p in parties:
        if p.role != Role.AGRAVIADO or p.name == "Estado":
            out.append(p)
            continue
        if p.protected:
            out.append(p)
            continue
        low, key = ctx.view.low, fold_key(p.name)
        minor = any(_MINOR.search(low, max(0, m.start() - 50), m.start())
                    for m in re.finditer(re.escape(key), low))
        if protected_crime or minor:
            initials = initials_of(p.name)
            keys = _initials_keys(p.name)
            labels = [q for q in parties if q.role == Role.AGRAVIADO and q.protected]
            known = next((q for q in labels if initials_key(q.name) in keys), None)
            if known is None and len(labels) == 1 and _called_the_victim(ctx, p.name):
                # "AGRAVIADA: clave 301-2019" … "La agraviada Carmen Rosa Tello Vílchez relató": the one
                # protected victim, named where the ruling slipped; one person, under her label
                known = labels[0]
            redactions[p.name] = Redaction(text=p.name, replacement=known.name if known else initials or PLACEHOLDER)
            if known is None:  # the same victim is already listed by initials
                out.append(p.model_copy(update={"name": initials or PLACEHOLDER, "protected": True}))
        else:
            out.append(p)
    # a protected victim (initials) whose full name the text also spells out
    keys = {initials_key(p.name): p.name for p in out if p.role == Role.AGRAVIADO and p.protected
            and not p.name.startswith("clave")}
    if keys:
        z = ctx.zones
        for ns in names_in(ctx.view.raw, *z.body):
            k = next((k for k in _initials_keys(ns.name) if k in keys), None)
            if k is not None and ns.name not in redactions and not any(
                    same_person(ns.name, q.name) for q in out if q.role != Role.AGRAVIADO):
                redactions[ns.name] = Redaction(text=ns.name, replacement=keys[k])
    for ns, replacement in _presented_as_protected(ctx, out, protected_crime):
        for spelling in _tails(ns.name):
            if spelling not in redactions:
                redactions[spelling] = Redaction(text=spelling, replacement=replacement)
    return out, list(redactions.values())


def _called_the_victim(ctx: Context, name: str) -> bool:
    """``name`` is written right after "la agraviada" or "la víctima" (one person, not a list)."""
    low, key = ctx.view.low, fold_key(name)
    return any(P.THE_VICTIM.search(low[max(0, m.start() - 40):m.start()]) for m in re.finditer(re.escape(key), low))


def _presented_as_protected(ctx: Context, parties: list[Party], protected_crime: bool
                            ) -> list[tuple[NameSpan, str]]:
    """Full names the text writes beside what presents a protected person, whatever her
    identifier (initials, a clave, "la menor"): right after a word for a minor; right after
    "la agraviada"/"la víctima" when the ruling's victim is protected; right before or after
    her initials or code. Each with what replaces it: the identifier the ruling uses for her.
    """
    raw, low = ctx.view.raw, ctx.view.low
    labels = [p.name for p in parties if p.role == Role.AGRAVIADO and p.protected]
    victims_protected = protected_crime or bool(labels)
    others = [q.name for q in parties if q.role != Role.AGRAVIADO]
    # a relative first: "La madre de la menor, X" names the mother, whom the minor cue would take
    cues = [*(P.REPRESENTATIVE_BEFORE if victims_protected else ()), *P.MINOR_BEFORE, *P.IDENTIFIER_BEFORE,
            *(P.VICTIM_BEFORE if victims_protected else ())]
    found: dict[int, NameSpan] = {}
    for rule in cues:
        for m in rule.rx.finditer(low):
            ns = name_at(raw, m.end(), rule=f"privacy.presented.{rule.id}")
            if ns is not None:
                found.setdefault(ns.start, ns)
    for ns in names_in(raw, 0, len(raw)):
        if P.IDENTIFIER_AFTER[0].rx.match(low[ns.end:ns.end + 80]):
            found.setdefault(ns.start, ns)
    out = []
    for ns in found.values():
        if any(same_person(ns.name, o, loose=False) for o in others) or ns.name in labels:
            continue
        own = ns.rule.endswith(".representative_before")  # her own initials, not the child's label
        out.append((ns, (initials_of(ns.name) or PLACEHOLDER) if own else _identifier_of(low, ns, labels)))
    return out


def _tails(name: str) -> list[str]:
    """``name`` and its tails of three words or more: a name read at the start of a sentence
    may carry the word before it ("Declaró Rosa Elvira Ccori Mamani"), and the name must go
    wherever it is written. Never two words: surnames alone are her family's too."""
    words = name.split()
    return [" ".join(words[i:]) for i in range(max(1, len(words) - 2))]


def _identifier_of(low: str, ns: NameSpan, labels: list[str]) -> str:
    """The protected party's label (initials or clave) the text gives right after ``ns``,
    else right before it; the only protected victim's label; or the name's initials."""
    for near in (low[ns.end:ns.end + 60], low[max(0, ns.start - 60):ns.start]):
        written = {initials_key(m.group()) for m in re.finditer(r"(?:[a-z]{1,2}\.\s*){2,6}", near)}
        for label in labels:
            if fold_key(label) in near or initials_key(label) in written:
                return label
    if len(labels) == 1:
        return labels[0]
    return initials_of(ns.name) or PLACEHOLDER
