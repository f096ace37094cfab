"""The acting fiscal office, when a ruling names no prosecutor person.

Supreme rulings often name only the office that filed the recurso or gave its dictamen ("la
Segunda Fiscalía Superior Penal de Tacna interpuso recurso de casación", "con lo expuesto
en el dictamen de la Segunda Fiscalía Suprema en lo Penal"); first-instance rulings may
write "Interviene el Ministerio Público, representado por la Segunda Fiscalía Provincial
Penal Corporativa de Tambopata". That office is then the ``fiscal`` (wild2 README). An
office named together with its prosecutor is not a second party: this runs only when no
prosecutor person was found. The office a person belongs to ("fiscal provincial de la
Segunda Fiscalía ...", said of an accused prosecutor) is not the acting one.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import entities as E
from extractors.legal.text import Context, fold_key
from schemas import Party, Role

# "el recurrente, fiscal provincial de la Segunda Fiscalía ...": a person's post, not the actor
_POST_OF = re.compile(r"\bfiscal(?:\s+\w+){0,3}\s+(?:de\s+la|del)\s*$")
# ... unless the post itself acts, unnamed: "el recurso de nulidad interpuesto por el Fiscal
# Superior de la Primera Fiscalía Superior Penal de Lambayeque" (the office is the actor)
_ACTING_POST = re.compile(r"\b(?:interpuest[oa]s?|formulad[oa]s?|presentad[oa]s?|representad[oa]|dictamen|"
                          r"a\s+cargo|intervencion)\s+(?:por|de|del)?\s*(?:el|la)?\s*fiscal(?:\s+\w+){0,3}\s+(?:de\s+la|del)\s*$")


# a name of ranks alone ("Fiscalía Provincial", "Fiscalía Provincial Penal"): no ordinal, place or
# specialty tells which office acted ("Fiscalía Suprema en lo Penal" names the Supreme's;
# "Especializada" announces the specialty that follows it)
_GENERIC = re.compile(r"fiscalia(?:\s+(?:" + "|".join(w.lower() for w in E.RANK_WORDS if w != "Especializada") + "))+")
# words of an office's name written in lower case when the name is given in capitals
_PARTICLES = {"de", "del", "la", "las", "los", "y", "e", "en", "lo", "contra"}


def acting_fiscal_office(ctx: Context) -> Party | None:
    raw, low, z = ctx.view.raw, ctx.view.low, ctx.zones
    lo, hi = z.body
    found = sorted([*E.FISCAL_OFFICE.finditer(raw, lo, hi), *E.FISCAL_OFFICE_CAPS.finditer(raw, lo, hi)],
                   key=lambda m: m.start())
    for m in found:
        acting_post = _ACTING_POST.search(low, max(0, m.start() - 90), m.start())
        if z.in_furniture(m.start()) or (_POST_OF.search(low, max(0, m.start() - 60), m.start()) and not acting_post):
            continue
        end = m.start() + len(E.OFFICE_TRAILING.sub("", m.group()))
        if not (acting_post or E.OFFICE_ACTS_BEFORE.search(low, max(0, m.start() - 60), m.start())
                or E.OFFICE_ACTS_AFTER.match(low[end:end + 40])):
            continue
        name = " ".join(raw[m.start():end].split())
        if _GENERIC.fullmatch(fold_key(name)):
            continue  # "la Fiscalía Provincial formalizó denuncia": no office in particular
        if name.isupper():  # "FISCALÍA SUPRAPROVINCIAL … CONTRA LA CRIMINALIDAD ORGANIZADA DE LIMA"
            name = " ".join(w.lower() if w.lower() in _PARTICLES and i else w.capitalize()
                            for i, w in enumerate(name.split()))
        return Party(name=name, role=Role.FISCAL, evidence=[ctx.ev(m.start(), end, "role.fiscal_office")])
    return None
