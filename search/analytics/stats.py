"""The statistics every indicator shares: quantiles and the Kaplan–Meier estimator.

Quantiles are Hyndman & Fan type 7, linear interpolation between order statistics: numpy's
default (``numpy.percentile(..., method="linear")``), R's default and
``statistics.quantiles(..., method="inclusive")``. For ``n`` sorted values ``x[0..n-1]``
the ``p``-quantile is ``x[j] + g * (x[j+1] - x[j])`` with ``h = (n - 1) * p``, ``j =
floor(h)``, ``g = h - j``. One value gives that value for every ``p``; none gives ``None``.

Kaplan–Meier quantiles follow the usual convention for a step function (lifelines,
SAS): the ``p``-quantile of the time to the event is the smallest time at which the
estimated share still waiting, ``S(t)``, falls to ``1 - p`` or below; ``None`` when the
curve never falls that far (too many cases still open).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from search.analytics.models import Distribution, KaplanMeier, KmStep

QUANTILE_METHOD = "Hyndman-Fan tipo 7 (interpolación lineal; numpy por defecto)"


def quantile(sorted_values: Sequence[float], p: float) -> float | None:
    """The type-7 ``p``-quantile (``0 <= p <= 1``) of values sorted in ascending order."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be between 0 and 1, got {p}")
    n = len(sorted_values)
    if n == 0:
        return None
    h = (n - 1) * p
    j = math.floor(h)
    if j >= n - 1:
        return float(sorted_values[-1])
    lo, hi = float(sorted_values[j]), float(sorted_values[j + 1])
    return lo + (h - j) * (hi - lo)


def distribution(values: Iterable[float], doc_ids: Iterable[str] = ()) -> Distribution:
    """Count, quartiles, 90th percentile, minimum and maximum of ``values``."""
    xs = sorted(values)
    return Distribution(
        n=len(xs), median=quantile(xs, 0.5), p25=quantile(xs, 0.25), p75=quantile(xs, 0.75),
        p90=quantile(xs, 0.9), min=float(xs[0]) if xs else None, max=float(xs[-1]) if xs else None,
        doc_ids=sorted(set(doc_ids)),
    )


def kaplan_meier(observations: Iterable[tuple[float, bool]], doc_ids: Iterable[str] = ()) -> KaplanMeier:
    """Product-limit estimate from ``(time, event)`` pairs; ``event`` False means censored.

    At a time with both events and censorings, the events come first (the censored cases
    were still at risk then), the standard convention.
    """
    obs = sorted(observations)
    n = len(obs)
    events_total = sum(1 for _, e in obs if e)
    curve: list[KmStep] = []
    survival, at_risk, i = 1.0, n, 0
    while i < n:
        t = obs[i][0]
        d = c = 0
        while i < n and obs[i][0] == t:
            if obs[i][1]:
                d += 1
            else:
                c += 1
            i += 1
        if d:
            survival *= 1.0 - d / at_risk
        curve.append(KmStep(days=t, at_risk=at_risk, events=d, censored=c, survival=survival))
        at_risk -= d + c

    def km_quantile(p: float) -> float | None:
        target = 1.0 - p
        for step in curve:
            if step.events and step.survival <= target + 1e-12:
                return float(step.days)
        return None

    return KaplanMeier(
        n=n, events=events_total, censored=n - events_total, median=km_quantile(0.5),
        p25=km_quantile(0.25), p75=km_quantile(0.75), p90=km_quantile(0.9), curve=curve,
        doc_ids=sorted(set(doc_ids)),
    )


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
