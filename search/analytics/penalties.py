"""Penalty distributions: years of prison (effective, suspended) and reparación civil.

One entry per ``Penalty`` of a decision that imposes or confirms it (the truth
convention). Per case and defendant the latest decision's penalty counts (a sentencia de
vista that confirms or reduces replaces the sentencia's); replaced entries are reported.
Prison figures count penalties with more than zero years; ``effective`` None (the ruling
does not say) is its own column; a cadena perpetua has no years and is counted apart. A solidary reparación civil is repeated for each
defendant, as the rulings state it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from search.analytics.corpus import (
    TOTAL, Case, Corpus, Doc, PenaltyFact, doc_groups, doc_matches, gc_paused, sort_groups,
)
from search.analytics.models import Dimension, Exclusion, Filters, PenaltyGroup, PenaltyResult
from search.analytics.outcomes import REPLACED
from search.analytics.stats import distribution

Entry = tuple[Doc, Case, PenaltyFact]


def _group(name: str, entries: list[Entry]) -> PenaltyGroup:
    prison: dict[bool | None, tuple[list[float], list[str]]] = {k: ([], []) for k in (True, False, None)}
    reparacion: tuple[list[float], list[str]] = ([], [])
    life: list[str] = []
    for doc, _, p in entries:
        if p.cadena_perpetua:
            life.append(doc.id)
        if p.prison_years is not None and p.prison_years > 0:
            values, ids = prison[p.effective]
            values.append(p.prison_years)
            ids.append(doc.id)
        if p.reparacion is not None:
            reparacion[0].append(p.reparacion)
            reparacion[1].append(doc.id)
    return PenaltyGroup(group=name, prison_effective=distribution(*prison[True]),
                        prison_suspended=distribution(*prison[False]),
                        prison_unstated=distribution(*prison[None]), cadena_perpetua=len(life),
                        cadena_perpetua_ids=sorted(set(life)), reparacion=distribution(*reparacion))


@gc_paused
def penalties(corpus: Corpus, *, by: Dimension = Dimension.FAMILIA, filters: Filters = Filters()) -> PenaltyResult:
    """Prison years and reparación civil, for the total and each group of ``by``."""
    latest: dict[tuple, Entry] = {}
    replaced: set[str] = set()
    n_replaced = 0
    for doc in sorted(corpus.docs, key=lambda d: (d.date or date.min, d.id)):
        case = corpus.case_of[doc.id]
        if not doc.penalties or not doc_matches(filters, doc, case):
            continue
        for i, p in enumerate(doc.penalties):
            key = (case.key, p.defendant or f"#{doc.id}#{i}")
            if key in latest:
                replaced.add(latest[key][0].id)
                n_replaced += 1
            latest[key] = (doc, case, p)
    entries = list(latest.values())
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for g in doc_groups(e[0], e[1], by):
            groups[g].append(e)
    return PenaltyResult(
        by=by, filters=filters, total=_group(TOTAL, entries),
        groups=[_group(g, es) for g, es in sort_groups(groups, by, len)],
        excluded=[Exclusion(reason=REPLACED, n=n_replaced, doc_ids=sorted(replaced))] if n_replaced else [],
    )
