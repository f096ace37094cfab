"""How cases end (first instance), early-resolution tools, and how appeals end.

The unit is the **decided defendant**: one entry of ``Outcome.by_defendant``, or the whole
document when the ruling gives one outcome without naming defendants (a ``mixto``
outcome without per-defendant detail cannot be counted and is reported as excluded).
Per case and instance (first instance, apelación, casación, recurso de nulidad) the
latest decision about each defendant counts: a new sentencia after an annulment
replaces the annulled one, and two copies of one ruling count once; the replaced entries
are reported. Outcome kinds, not document kinds, say which instance a decision belongs to.

Convictions are ``condena``, ``terminacion_anticipada_aprobada`` and
``conclusion_anticipada`` (all three impose a penalty); acquittals are ``absolucion``.
``reserva_fallo`` (guilt declared, sentence reserved), ``medida_seguridad`` (an inimputable
accused, exempt from penalty, under a measure of internment) and ``sobreseimiento``
(dismissal) are neither, but are decided. Early-resolution tools are counted per first-instance
decision (document): ``Ruling.early_termination``, or the tool its outcome implies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from schemas import DocKind, EarlyTermination, OutcomeKind as O

from search.analytics.corpus import (
    TOTAL, Case, Corpus, Decision, Doc, doc_groups, doc_matches, gc_paused, sort_groups,
)
from search.analytics.models import (
    AppealGroup, AppealResult, Breakdown, Dimension, Exclusion, Filters, OutcomeGroup,
    OutcomeResult, Rate, Share,
)
from search.analytics.stats import ratio

FIRST = "primera"
APELACION = "apelacion"
CASACION = "casacion"
NULIDAD = "nulidad"

FIRST_INSTANCE = (O.CONDENA, O.TERMINACION_ANTICIPADA_APROBADA, O.CONCLUSION_ANTICIPADA,
                  O.RESERVA_FALLO, O.MEDIDA_SEGURIDAD, O.ABSOLUCION, O.SOBRESEIMIENTO)
CONVICTIONS = frozenset({O.CONDENA, O.TERMINACION_ANTICIPADA_APROBADA, O.CONCLUSION_ANTICIPADA})
ACQUITTALS = frozenset({O.ABSOLUCION})
APPEAL_KINDS = {
    APELACION: (O.CONFIRMA, O.REVOCA, O.NULA),
    CASACION: (O.CASACION_FUNDADA, O.CASACION_INFUNDADA, O.CASACION_IMPROCEDENTE, O.CASACION_INADMISIBLE),
    NULIDAD: (O.NO_HABER_NULIDAD, O.HABER_NULIDAD),
}
STAGE_OF: dict[O, str] = {k: FIRST for k in FIRST_INSTANCE} | {
    k: stage for stage, kinds in APPEAL_KINDS.items() for k in kinds}
MECHANISMS = (*(m.value for m in EarlyTermination), "ninguno")
_IMPLIED = {O.TERMINACION_ANTICIPADA_APROBADA: EarlyTermination.TERMINACION_ANTICIPADA,
            O.CONCLUSION_ANTICIPADA: EarlyTermination.CONCLUSION_ANTICIPADA}

REPLACED = "reemplazada"
MIXED = "mixto_sin_detalle"
NO_OUTCOME = "sin_resultado"
EXCLUSION_LABELS = {
    REPLACED: "decisión reemplazada por otra posterior del mismo caso e instancia (o copia repetida)",
    MIXED: "resultado mixto sin detalle por imputado",
    NO_OUTCOME: "sentencia sin resultado extraído",
}


@dataclass(frozen=True, slots=True)
class Unit:
    doc: Doc
    case: Case
    stage: str
    decision: Decision


def decided_units(corpus: Corpus, filters: Filters) -> tuple[list[Unit], dict[str, set[str]], dict[str, int]]:
    """The latest decision per case, instance and defendant; and what was left out."""
    return corpus.memo(("units", filters), lambda: _decided_units(corpus, filters))


def _decided_units(corpus: Corpus, filters: Filters) -> tuple[list[Unit], dict[str, set[str]], dict[str, int]]:
    latest: dict[tuple, Unit] = {}
    excluded: dict[str, set[str]] = defaultdict(set)
    n_excluded: dict[str, int] = defaultdict(int)
    order = sorted(corpus.docs, key=lambda d: (d.date or date.min, d.id))
    for doc in order:
        case = corpus.case_of[doc.id]
        if not doc_matches(filters, doc, case):
            continue
        if doc.outcome is O.MIXTO and not doc.decisions:
            excluded[MIXED].add(doc.id)
            n_excluded[MIXED] += 1
        elif doc.outcome is None and doc.doc_kind == DocKind.SENTENCIA:
            excluded[NO_OUTCOME].add(doc.id)
            n_excluded[NO_OUTCOME] += 1
        for i, decision in enumerate(doc.decisions):
            stage = STAGE_OF.get(decision.kind)
            if stage is None:
                continue  # prisión preventiva and other autos that do not dispose of the case
            key = (case.key, stage, decision.defendant or f"#{doc.id}#{i}")
            if key in latest:
                excluded[f"{REPLACED}:{stage}"].add(latest[key].doc.id)
                n_excluded[f"{REPLACED}:{stage}"] += 1
            latest[key] = Unit(doc, case, stage, decision)
    return list(latest.values()), excluded, n_excluded


def _breakdown(units: list[Unit], categories: tuple) -> Breakdown:
    counts: dict[str, list[Unit]] = {str(c): [] for c in categories}
    for u in units:
        counts[str(u.decision.kind)].append(u)
    n = len(units)
    return Breakdown(n=n, doc_ids=_ids(units), shares=[
        Share(category=c, n=len(us), share=ratio(len(us), n), doc_ids=_ids(us)) for c, us in counts.items()])


def _ids(units) -> list[str]:
    return sorted({u.doc.id for u in units})


def _rate(num: list[Unit], den: list[Unit]) -> Rate:
    return Rate(numerator=len(num), denominator=len(den), value=ratio(len(num), len(den)), doc_ids=_ids(den))


def _mechanism(doc: Doc) -> str:
    early = doc.early or next((_IMPLIED[d.kind] for d in doc.decisions if d.kind in _IMPLIED), None)
    return early.value if early else "ninguno"


def _outcome_group(name: str, units: list[Unit]) -> OutcomeGroup:
    convictions = [u for u in units if u.decision.kind in CONVICTIONS]
    contested = [u for u in units if u.decision.kind in CONVICTIONS | ACQUITTALS]
    docs = {u.doc.id: u.doc for u in units}
    by_tool: dict[str, list[str]] = {m: [] for m in MECHANISMS}
    for doc in docs.values():
        by_tool[_mechanism(doc)].append(doc.id)
    mechanisms = Breakdown(n=len(docs), doc_ids=sorted(docs), shares=[
        Share(category=m, n=len(ids), share=ratio(len(ids), len(docs)), doc_ids=sorted(ids))
        for m, ids in by_tool.items()])
    return OutcomeGroup(group=name, first_instance=_breakdown(units, FIRST_INSTANCE),
                        conviction_vs_acquittal=_rate(convictions, contested),
                        conviction_of_decided=_rate(convictions, units), mechanisms=mechanisms)


def _grouped(units: list[Unit], by: Dimension) -> Iterator[tuple[str, list[Unit]]]:
    groups: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        for g in doc_groups(u.doc, u.case, by):
            groups[g].append(u)
    yield from sort_groups(groups, by, len)


def _exclusions(excluded: dict[str, set[str]], n: dict[str, int], stages: tuple[str, ...],
                keys: tuple[str, ...]) -> list[Exclusion]:
    """Replaced decisions of ``stages`` (as one reason), then the other ``keys``."""
    out = []
    replaced = [f"{REPLACED}:{s}" for s in stages]
    if count := sum(n.get(k, 0) for k in replaced):
        out.append(Exclusion(reason=REPLACED, n=count, doc_ids=sorted(set().union(*(excluded[k] for k in replaced)))))
    return out + [Exclusion(reason=k, n=n[k], doc_ids=sorted(excluded[k])) for k in keys if n.get(k)]


@gc_paused
def outcomes(corpus: Corpus, *, by: Dimension = Dimension.NINGUNO, filters: Filters = Filters()) -> OutcomeResult:
    """First-instance outcome shares, conviction rates and early-resolution tools."""
    units, excluded, n = decided_units(corpus, filters)
    first = [u for u in units if u.stage == FIRST]
    return OutcomeResult(
        by=by, filters=filters, total=_outcome_group(TOTAL, first),
        groups=[_outcome_group(g, us) for g, us in _grouped(first, by)],
        excluded=_exclusions(excluded, n, (FIRST,), (MIXED, NO_OUTCOME)),
    )


def _appeal_group(name: str, units: list[Unit]) -> AppealGroup:
    parts = {stage: _breakdown([u for u in units if u.stage == stage], kinds)
             for stage, kinds in APPEAL_KINDS.items()}
    return AppealGroup(group=name, **parts)


@gc_paused
def appeals(corpus: Corpus, *, by: Dimension = Dimension.NINGUNO, filters: Filters = Filters()) -> AppealResult:
    """Apelación (confirma, revoca, nula), casación (fundada, infundada, improcedente,
    inadmisible) and recurso de nulidad (no haber / haber nulidad) results."""
    units, excluded, n = decided_units(corpus, filters)
    upper = [u for u in units if u.stage != FIRST]
    return AppealResult(
        by=by, filters=filters, total=_appeal_group(TOTAL, upper),
        groups=[_appeal_group(g, us) for g, us in _grouped(upper, by)],
        excluded=_exclusions(excluded, n, tuple(APPEAL_KINDS), (MIXED,)),
    )
