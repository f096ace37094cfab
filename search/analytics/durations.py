"""Durations between two milestones of a case, in days, with what was left out and why.

For each case (documents merged as ``corpus`` explains) with the start milestone dated:

- **completed**: the end milestone is dated too: ``days = end - start``;
- **open** (censored): no document shows the case reached the end milestone, passed it, or
  ended another way, and (for appeal milestones) the appeal is on record as filed: the
  case is still waiting, as far as the index knows. It is censored at the latest date any
  of its documents gives, and enters the Kaplan–Meier estimate, not the completed-case
  quartiles;
- **excluded**, counted by reason (``Reason``): no start date; the case reached a later
  stage but no document dates the end milestone; it took another path (a sobreseimiento
  or terminación anticipada instead of a sentencia, the 1940 code's recurso de nulidad
  instead of a casación); the end is an appeal stage and no appeal is on record (most
  decisions are never appealed, so such cases are not waiting for it); or the end date
  precedes the start date (an extraction error).

Milestones the extractor dropped as implausible (after the ruling's own date, older than
any case can last: ``Ruling.warnings``) never enter; ``dropped_events`` says in how many of
the counted cases' documents that happened, so a figure can be read with that in mind.

The year of a case (``anio``) is the year of its end milestone; for open and excluded cases,
of its latest known date. Its court level (``nivel``) is that of the document giving that
date. Median and quartiles use ``stats.quantile`` (type 7).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from search.analytics.corpus import TOTAL, Case, Corpus, case_groups, gc_paused, matches, sort_groups
from search.analytics.milestones import APPEAL_ENTRY, OTHER_PATHS, RANK, Milestone, check_pair, parse_milestone
from search.analytics.models import (
    CaseDuration, Dimension, DurationGroup, DurationResult, Exclusion, Figure, Filters,
)
from search.analytics.stats import distribution, kaplan_meier

class Reason(StrEnum):
    SIN_INICIO = "sin_inicio"
    FIN_SIN_FECHA = "fin_sin_fecha"
    OTRA_VIA = "otra_via"
    NO_RECURRIDA = "no_recurrida"
    FIN_ANTES_DE_INICIO = "fin_antes_de_inicio"


REASON_LABELS = {
    Reason.SIN_INICIO: "sin fecha del hito inicial",
    Reason.FIN_SIN_FECHA: "pasó el hito final, pero ningún documento lo fecha",
    Reason.OTRA_VIA: "terminó o siguió por otra vía (no llegará al hito final)",
    Reason.NO_RECURRIDA: "no consta recurso: no espera ese hito",
    Reason.FIN_ANTES_DE_INICIO: "fecha final anterior a la inicial (error de datos)",
}


@dataclass
class _Acc:
    cases: int = 0
    days: list[int] = field(default_factory=list)
    done_docs: set[str] = field(default_factory=set)
    km: list[tuple[int, bool]] = field(default_factory=list)
    open_docs: set[str] = field(default_factory=set)
    excluded: dict[Reason, set[str]] = field(default_factory=lambda: defaultdict(set))
    n_excluded: dict[Reason, int] = field(default_factory=lambda: defaultdict(int))

    def group(self, name: str) -> DurationGroup:
        n_open = sum(1 for _, event in self.km if not event)
        return DurationGroup(
            group=name, cases=self.cases, completed=distribution(self.days, self.done_docs),
            open=Figure(n=n_open, doc_ids=sorted(self.open_docs)),
            km=kaplan_meier(self.km, self.done_docs | self.open_docs) if n_open else None,
            excluded=[Exclusion(reason=r.value, n=self.n_excluded[r], doc_ids=sorted(self.excluded[r]))
                      for r in Reason if self.n_excluded.get(r)],
        )


def _classify(case: Case, start: Milestone, end: Milestone):
    """``(reason or None, CaseDuration or None, year, level)`` of one case."""
    s, e = case.milestones.get(start), case.milestones.get(end)
    by_id = {d.id: d for d in case.docs}
    anchor = e if s is not None and e is not None else case.latest
    doc = by_id.get(anchor.doc_id) if anchor else None
    year = anchor.date.year if anchor else None
    level = doc.level if doc else None
    if s is None:
        return Reason.SIN_INICIO, None, year, level
    if e is not None:
        if e.date < s.date:
            return Reason.FIN_ANTES_DE_INICIO, None, year, level
        row = CaseDuration.model_construct(  # trusted values: no validation (100,000 cases)
            case=case.key, groups=[], start=s.date, end=e.date, days=(e.date - s.date).days, censored=False,
            start_doc=s.doc_id, end_doc=e.doc_id, doc_ids=case.doc_ids)
        return None, row, year, level
    if case.reached & OTHER_PATHS.get(end, frozenset()) and end not in case.reached:
        return Reason.OTRA_VIA, None, year, level
    if end in case.reached or case.max_rank > RANK[end]:
        return Reason.FIN_SIN_FECHA, None, year, level
    entry = APPEAL_ENTRY.get(end)
    if entry is end or (entry is not None and entry not in case.reached):
        return Reason.NO_RECURRIDA, None, year, level
    latest = case.latest or s
    row = CaseDuration.model_construct(
        case=case.key, groups=[], start=s.date, end=None, days=(latest.date - s.date).days, censored=True,
        start_doc=s.doc_id, end_doc=latest.doc_id, doc_ids=case.doc_ids)
    return None, row, year, level


@gc_paused
def durations(corpus: Corpus, start: Milestone | str, end: Milestone | str, *,
              by: Dimension = Dimension.NINGUNO, filters: Filters = Filters(),
              per_case: bool = True) -> DurationResult:
    """Days from ``start`` to ``end`` per case: completed-case quartiles, open cases with a
    Kaplan–Meier estimate, exclusions by reason; for the total and for each group of ``by``.
    ``per_case=False`` leaves ``cases`` (one row per measured case) empty: faster when only
    the figures are wanted; every figure still lists its documents."""
    start, end = parse_milestone(start), parse_milestone(end)
    check_pair(start, end)
    total, groups = _Acc(), defaultdict(_Acc)
    rows: list[CaseDuration] = []
    dropped: set[str] = set()
    classified = corpus.memo(("durations", start, end),
                             lambda: [(case, *_classify(case, start, end)) for case in corpus.cases])
    for case, reason, shared, year, level in classified:
        if not matches(filters, crimes=case.crimes, families=case.families, district=case.district,
                       code=case.code, level=level, year=year):
            continue
        names = case_groups(case, by, year=year, level=level)
        dropped.update(d.id for d in case.docs if d.dropped_events)
        for acc in (total, *(groups[g] for g in names)):
            acc.cases += 1
            if reason is not None:
                acc.n_excluded[reason] += 1
                acc.excluded[reason].update(case.doc_ids)
            elif shared.censored:
                acc.km.append((shared.days, False))
                acc.open_docs.update((shared.start_doc, shared.end_doc))
            else:
                acc.days.append(shared.days)
                acc.km.append((shared.days, True))
                acc.done_docs.update((shared.start_doc, shared.end_doc))
        if shared is not None and per_case:
            rows.append(CaseDuration.model_construct(**(shared.__dict__ | {"groups": names})))
    return DurationResult(
        start=start.value, end=end.value, by=by, filters=filters, total=total.group(TOTAL),
        groups=[acc.group(name) for name, acc in sort_groups(groups, by, lambda a: a.cases)],
        cases=sorted(rows, key=lambda r: r.case),
        dropped_events=Figure(n=len(dropped), doc_ids=sorted(dropped)),
    )

