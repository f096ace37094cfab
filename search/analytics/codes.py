"""NCPP and 1940 code side by side: every indicator broken down by procedural code."""

from __future__ import annotations

from collections.abc import Sequence

from search.analytics.corpus import Corpus, gc_paused
from search.analytics.durations import durations
from search.analytics.milestones import STANDARD_PAIRS, Milestone
from search.analytics.models import CodesResult, Dimension, Filters
from search.analytics.outcomes import appeals, outcomes
from search.analytics.penalties import penalties


@gc_paused
def compare_codes(corpus: Corpus, *, filters: Filters = Filters(),
                  pairs: Sequence[tuple[Milestone, Milestone]] = STANDARD_PAIRS) -> CodesResult:
    by = Dimension.CODIGO
    return CodesResult(
        filters=filters,
        durations=[durations(corpus, s, e, by=by, filters=filters, per_case=False) for s, e in pairs],
        outcomes=outcomes(corpus, by=by, filters=filters),
        appeals=appeals(corpus, by=by, filters=filters),
        penalties=penalties(corpus, by=by, filters=filters),
    )
