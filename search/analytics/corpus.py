"""The facts the indicators need, read once from an index, and documents merged into cases.

``Corpus.from_index(index)`` makes one pass over ``Index.iter_records()`` and keeps, per
document, only what the indicators use (``Doc``); the page texts are not kept.

**Cases.** Documents of one case are merged into one ``Case`` when they share a case key
(transitively: A and B share one number, B and C another, so A, B and C are one case). The
key of a ``CaseNumber`` is derived from its ``normalized`` form:

- expediente numbers with a court seat (``00123-2019-45-2701-JR-PE-01``,
  ``123-2019-45-2701``): correlative number, year and seat code (``exp 123-2019-2701``),
  plus the specialty when it is not ``PE``. The incident (side files such as a prisión
  preventiva), the organ (JR, SP) and the court number are left out, so that the
  incidents and the appeal file of one case meet;
- Supreme Court numbers (``casacion 2045-2018``) and short expediente forms
  (``00123-2019``), which do not encode a court: the number plus the district the
  document names for it (``casacion 2045-2018/puno``); without a district, the number
  alone;
- documents without a case number are cases of their own.

**A case's timeline.** For each milestone the date comes from the decision itself when a
document of the case is that decision (see ``milestones``), else from the procedural
history the documents recite; among several candidates of the same source the earliest
date counts (for ``hechos``: when the conduct began). The case's district, procedural code
and crimes are those its documents state (the most frequent district and code; every crime).
"""

from __future__ import annotations

import functools
import gc
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from schemas import (
    CaseNumber, CaseNumberKind, CourtLevel, DocKind, EarlyTermination, IndexRecord, OutcomeKind,
    ProceduralCode,
)

from search.query.analysis import normalize_key
from search.analytics.milestones import (
    FIRST_INSTANCE_ENDS, FROM_EVENT, RANK, Milestone, own_milestone,
)
from search.analytics.models import UNKNOWN, Dimension, Filters
from search.base import Index
from search.fields import crimes_of, district_of

FamilyOf = Callable[[str | None], str | None]
TOTAL = "total"  # the name of the all-groups row

_WITH_SEAT = re.compile(r"^0*(\d+)-(\d{4})-\d+-(\d{4})(?:-[A-Z]{2}-([A-Z]{2})-\d+)?$")
_SHORT = re.compile(r"^0*(\d+)-(\d{4})(?:-\d+)?$")
_SUPREME = re.compile(r"^(\w+)\s+0*(\d+)-(\d{4})$")


def case_key(number: CaseNumber) -> str:
    """The key that merges documents of one case (see the module docstring)."""
    norm = number.normalized.strip()
    where = f"/{normalize_key(number.district)}" if number.district else ""
    if m := _WITH_SEAT.match(norm.upper()):
        spec = f"-{m[4]}" if m[4] and m[4] != "PE" else ""
        return f"exp {m[1]}-{m[2]}-{m[3]}{spec}"
    if number.kind in (CaseNumberKind.CASACION, CaseNumberKind.RECURSO_NULIDAD) and (m := _SUPREME.match(norm)):
        return f"{number.kind.value} {m[2]}-{m[3]}{where}"
    if m := _SHORT.match(norm):
        return f"exp {m[1]}-{m[2]}{where}"
    return f"{number.kind.value} {normalize_key(norm)}{where}"


@dataclass(frozen=True, slots=True)
class Decision:
    """One defendant's result in one document (``defendant`` folded; None if unnamed)."""

    defendant: str | None
    kind: OutcomeKind


@dataclass(frozen=True, slots=True)
class PenaltyFact:
    defendant: str | None
    prison_years: float | None
    effective: bool | None
    reparacion: float | None
    cadena_perpetua: bool = False


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    path: str
    doc_kind: DocKind
    date: date | None
    district: str | None
    crimes: tuple[str, ...]
    families: tuple[str, ...]
    code: ProceduralCode
    level: CourtLevel | None
    outcome: OutcomeKind | None
    decisions: tuple[Decision, ...]  # per defendant; one unnamed entry when only the whole is known
    early: EarlyTermination | None
    penalties: tuple[PenaltyFact, ...]
    events: tuple[tuple[Milestone, date], ...]
    own: Milestone | None  # the milestone this decision is
    case_keys: tuple[str, ...]
    dropped_events: int = 0  # milestones the extractor dropped as implausible (Ruling.warnings)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @classmethod
    def from_record(cls, record: IndexRecord, family_of: FamilyOf | None = None) -> Doc:
        r = record.ruling
        crimes = tuple(crimes_of(r))
        families = tuple(dict.fromkeys(f for f in map(family_of, crimes) if f)) if family_of else ()
        decisions: tuple[Decision, ...] = ()
        if r.outcome is not None:
            if r.outcome.by_defendant:
                decisions = tuple(Decision(normalize_key(d.name) or None, d.kind) for d in r.outcome.by_defendant)
            elif r.outcome.kind != OutcomeKind.MIXTO:
                decisions = (Decision(None, r.outcome.kind),)
        outcome_kinds = ([r.outcome.kind] + [d.kind for d in r.outcome.by_defendant]) if r.outcome else []
        own = own_milestone(r.doc_kind, outcome_kinds, r.court.level)
        events = tuple((FROM_EVENT[e.kind], e.date) for e in r.events)
        if r.doc_kind == DocKind.AUTO and own is None:
            # an auto on an incident (prisión preventiva, cese, an excepción, its auto de vista):
            # the appeals it recites are appeals of autos, not of the sentencia (NCPP art. 416.1)
            events = tuple((m, when) for m, when in events if m not in INCIDENT_APPEALS)
        return cls(
            id=record.id, path=record.path, doc_kind=r.doc_kind, date=r.resolution_date, district=district_of(r),
            crimes=crimes, families=families, code=r.procedural_code, level=r.court.level,
            outcome=r.outcome.kind if r.outcome else None, decisions=decisions,
            early=r.early_termination,
            penalties=tuple(PenaltyFact(normalize_key(p.defendant) or None if p.defendant else None,
                                        p.prison_years, p.effective, p.reparacion_civil_soles,
                                        bool(p.cadena_perpetua))
                            for p in r.penalties),
            events=events,
            own=own,
            case_keys=tuple(dict.fromkeys(case_key(c) for c in r.case_numbers)),
            dropped_events=sum(1 for w in r.warnings if w.field == "events" and w.dropped),
        )


# appeal milestones that, recited by an auto on an incident, are appeals of that auto
INCIDENT_APPEALS = frozenset({Milestone.APELACION, Milestone.CASACION_INTERPUESTA,
                              Milestone.RECURSO_NULIDAD_INTERPUESTO})


@dataclass(frozen=True, slots=True)
class Dated:
    date: date
    doc_id: str


@dataclass
class Case:
    key: str
    keys: list[str]
    docs: list[Doc]  # by resolution date, undated first
    milestones: dict[Milestone, Dated] = field(default_factory=dict)
    reached: set[Milestone] = field(default_factory=set)  # dated or not
    latest: Dated | None = None  # the latest date any document of the case gives
    district: str | None = None
    crimes: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    code: ProceduralCode = ProceduralCode.DESCONOCIDO
    doc_ids: list[str] = field(default_factory=list)

    @property
    def max_rank(self) -> int:
        return max((RANK[m] for m in self.reached), default=-1)

    @classmethod
    def build(cls, keys: list[str], docs: list[Doc]) -> Case:
        docs = sorted(docs, key=lambda d: (d.date or date.min, d.id))
        case = cls(key=keys[0] if keys else f"doc {docs[0].id}", keys=keys, docs=docs,
                   doc_ids=[d.id for d in docs])
        best: dict[Milestone, tuple[int, date, str]] = {}
        dates: list[tuple[date, str]] = []

        def offer(m: Milestone, priority: int, when: date, doc_id: str) -> None:
            candidate = (priority, when, doc_id)
            if m not in best or candidate < best[m]:
                best[m] = candidate
            dates.append((when, doc_id))

        for d in docs:
            if d.own is not None:
                case.reached.add(d.own)
                if d.date is not None:
                    offer(d.own, 0, d.date, d.id)
            if d.date is not None:
                dates.append((d.date, d.id))
            for m, when in d.events:
                case.reached.add(m)
                offer(m, 1, when, d.id)
        case.milestones = {m: Dated(when, doc_id) for m, (_, when, doc_id) in best.items()}
        ends = [case.milestones[m] for m in FIRST_INSTANCE_ENDS if m in case.milestones]
        if ends:
            case.milestones[Milestone.DISPOSICION] = min(ends, key=lambda x: (x.date, x.doc_id))
        if case.reached & set(FIRST_INSTANCE_ENDS):
            case.reached.add(Milestone.DISPOSICION)
        if dates:
            when, doc_id = max(dates)
            case.latest = Dated(when, doc_id)
        districts = Counter(d.district for d in docs if d.district)
        case.district = districts.most_common(1)[0][0] if districts else None
        codes = Counter(d.code for d in docs if d.code != ProceduralCode.DESCONOCIDO)
        case.code = codes.most_common(1)[0][0] if codes else ProceduralCode.DESCONOCIDO
        case.crimes = tuple(dict.fromkeys(c for d in docs for c in d.crimes))
        case.families = tuple(dict.fromkeys(f for d in docs for f in d.families))
        return case


class Corpus:
    """Every document's facts and the cases they make up."""

    def __init__(self, docs: list[Doc]) -> None:
        self.docs = docs
        self.cases = _merge(docs)
        self.case_of: dict[str, Case] = {d.id: c for c in self.cases for d in c.docs}
        self._memo: dict[tuple, object] = {}

    def memo(self, key: tuple, compute: Callable[[], object]):
        """``compute()`` once per ``key``: indicators broken down several ways share the
        per-case work (the corpus does not change after it is built)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @classmethod
    def from_records(cls, records: Iterable[IndexRecord], family_of: FamilyOf | None = None) -> Corpus:
        with _gc_paused():
            return cls([Doc.from_record(r, family_of) for r in records])

    @classmethod
    def from_index(cls, index: Index, family_of: FamilyOf | None = None) -> Corpus:
        """One pass over ``index.iter_records()``. ``family_of`` maps a crime key to its
        family (``extractors.data.crimes.family_of``); without it families are unknown."""
        return cls.from_records(index.iter_records(), family_of)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building hundreds of thousands of small objects that all survive makes the cyclic
    garbage collector rescan them, and the whole corpus, again and again (a third of the
    load time of a 100,000-document index, and seconds per indicator); nothing here makes
    reference cycles, so collection waits until the work is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def gc_paused(fn):
    """Run ``fn`` with the cyclic garbage collector paused (see ``_gc_paused``)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with _gc_paused():
            return fn(*args, **kwargs)
    return wrapper


def _merge(docs: list[Doc]) -> list[Case]:
    """Union-find over shared case keys."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in docs:
        nodes = [f"doc {d.id}", *d.case_keys]
        for n in nodes:
            parent.setdefault(n, n)
        root = find(nodes[0])
        for n in nodes[1:]:
            other = find(n)
            if other != root:
                parent[other] = root
    members: dict[str, list[Doc]] = {}
    keys: dict[str, set[str]] = {}
    for d in docs:
        root = find(f"doc {d.id}")
        members.setdefault(root, []).append(d)
        keys.setdefault(root, set()).update(d.case_keys)
    return [Case.build(sorted(keys[root]), group) for root, group in members.items()]


# -- dimensions and filters --------------------------------------------------------------

def doc_groups(doc: Doc, case: Case, by: Dimension) -> list[str]:
    """The groups of a document-level figure (outcomes, appeals, penalties). Missing
    values fall back to the case's (a casación that names no crime is still of its case)."""
    if by is Dimension.DISTRITO:
        return [doc.district or case.district or UNKNOWN]
    if by is Dimension.FAMILIA:
        return list(doc.families or case.families) or [UNKNOWN]
    if by is Dimension.DELITO:
        return list(doc.crimes or case.crimes) or [UNKNOWN]
    if by is Dimension.CODIGO:
        return [(doc.code if doc.code != ProceduralCode.DESCONOCIDO else case.code).value]
    if by is Dimension.ANIO:
        return [str(doc.year) if doc.year else UNKNOWN]
    if by is Dimension.NIVEL:
        return [doc.level.value if doc.level else UNKNOWN]
    return []


def case_groups(case: Case, by: Dimension, *, year: int | None, level: CourtLevel | None) -> list[str]:
    """The groups of a case-level figure (durations)."""
    if by is Dimension.DISTRITO:
        return [case.district or UNKNOWN]
    if by is Dimension.FAMILIA:
        return list(case.families) or [UNKNOWN]
    if by is Dimension.DELITO:
        return list(case.crimes) or [UNKNOWN]
    if by is Dimension.CODIGO:
        return [case.code.value]
    if by is Dimension.ANIO:
        return [str(year) if year else UNKNOWN]
    if by is Dimension.NIVEL:
        return [level.value if level else UNKNOWN]
    return []


def matches(f: Filters, *, crimes: Iterable[str], families: Iterable[str], district: str | None,
            code: ProceduralCode, level: CourtLevel | None, year: int | None) -> bool:
    if f.crime is not None and f.crime not in {*crimes, *families}:
        return False
    if f.district is not None and (district is None or normalize_key(district) != normalize_key(f.district)):
        return False
    if f.code is not None and code != f.code:
        return False
    if f.level is not None and level != f.level:
        return False
    if f.year_from is not None and (year is None or year < f.year_from):
        return False
    return not (f.year_to is not None and (year is None or year > f.year_to))


def doc_matches(f: Filters, doc: Doc, case: Case) -> bool:
    return matches(f, crimes=doc.crimes or case.crimes, families=doc.families or case.families,
                   district=doc.district or case.district,
                   code=doc.code if doc.code != ProceduralCode.DESCONOCIDO else case.code,
                   level=doc.level, year=doc.year)


def sort_groups(groups: dict, by: Dimension, size) -> list[tuple[str, object]]:
    """Years in order; other groups largest first; the unknown group last."""
    def key(item):
        name, acc = item
        if by is Dimension.ANIO:
            return (name == UNKNOWN, name)
        return (name == UNKNOWN, -size(acc), name)

    return sorted(groups.items(), key=key)
