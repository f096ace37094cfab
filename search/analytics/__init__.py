"""Monitoring indicators over an index: durations, outcomes, appeals, penalties, CEPEJ.

Backend-neutral: everything is computed from one pass over ``Index.iter_records()``.

>>> from extractors.data.crimes import family_of      # the caller supplies the crime families
>>> corpus = Corpus.from_index(index, family_of=family_of)
>>> durations(corpus, "formalizacion", "sentencia", by=Dimension.DISTRITO)
>>> outcomes(corpus, by=Dimension.ANIO, filters=Filters(crime="trata"))

Every figure carries ``n`` and the ids of the documents behind it. Quantiles are
Hyndman–Fan type 7 (``stats``); how documents become cases and which date a milestone
takes is explained in ``corpus`` and ``milestones``; what is left out of a duration and
why, in ``durations``; the counting unit of outcomes, in ``outcomes``.
"""

from __future__ import annotations

from search.analytics.cepej import UNAVAILABLE as CEPEJ_UNAVAILABLE
from search.analytics.cepej import cepej, read_caseload
from search.analytics.codes import compare_codes
from search.analytics.corpus import Case, Corpus, Doc, case_key
from search.analytics.durations import REASON_LABELS, durations
from search.analytics.milestones import LABELS as MILESTONE_LABELS
from search.analytics.milestones import STANDARD_PAIRS, Milestone, parse_milestone
from search.analytics.models import (
    UNKNOWN, AppealResult, CaseloadRow, CepejResult, CodesResult, Dimension, DurationResult,
    Filters, OutcomeResult, PenaltyResult,
)
from search.analytics.outcomes import EXCLUSION_LABELS, appeals, outcomes
from search.analytics.penalties import penalties
from search.analytics.stats import QUANTILE_METHOD, distribution, kaplan_meier, quantile

__all__ = [
    "CEPEJ_UNAVAILABLE", "EXCLUSION_LABELS", "MILESTONE_LABELS", "QUANTILE_METHOD", "REASON_LABELS",
    "STANDARD_PAIRS", "UNKNOWN", "AppealResult", "Case", "CaseloadRow", "CepejResult",
    "CodesResult", "Corpus", "Dimension", "Doc", "DurationResult", "Filters", "Milestone",
    "OutcomeResult", "PenaltyResult", "appeals", "case_key", "cepej", "compare_codes",
    "distribution", "durations", "kaplan_meier", "outcomes", "parse_milestone", "penalties",
    "quantile", "read_caseload",
]
