"""Quantiles are type 7 (numpy's default); Kaplan–Meier matches a textbook example."""

from __future__ import annotations

import random
import statistics

import numpy as np
import pytest

from search.analytics import distribution, kaplan_meier, quantile

SAMPLES = [
    [5],
    [1, 2],
    [3, 1, 2],
    [10, 20, 30, 40],
    [7, 7, 7, 7, 7],
    [1, 100, 3, 57, 22, 9, 14],
    [0.5, 2.25, 2.25, 9.75, 100.0, 101.5],
    random.Random(7).choices(range(2000), k=101),
    random.Random(8).choices(range(50), k=1000),
]


@pytest.mark.parametrize("values", SAMPLES, ids=lambda v: f"n{len(v)}")
@pytest.mark.parametrize("p", [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0])
def test_quantile_is_numpy_linear(values, p):
    assert quantile(sorted(values), p) == pytest.approx(float(np.percentile(values, p * 100, method="linear")))


@pytest.mark.parametrize("values", [v for v in SAMPLES if len(v) > 1], ids=lambda v: f"n{len(v)}")
def test_quartiles_and_deciles_match_statistics_inclusive(values):
    q = statistics.quantiles(values, n=4, method="inclusive")
    dec = statistics.quantiles(values, n=10, method="inclusive")
    dist = distribution(values)
    assert (dist.p25, dist.median, dist.p75, dist.p90) == pytest.approx((q[0], q[1], q[2], dec[8]))
    assert dist.median == pytest.approx(statistics.median(values))
    assert (dist.n, dist.min, dist.max) == (len(values), min(values), max(values))


def test_empty_and_bad_p():
    assert quantile([], 0.5) is None
    assert distribution([]).model_dump(exclude={"doc_ids"}) == {
        "n": 0, "median": None, "p25": None, "p75": None, "p90": None, "min": None, "max": None}
    with pytest.raises(ValueError):
        quantile([1, 2], 1.5)


# Freireich et al. (1963), 6-MP arm, weeks; "+" = censored. Textbook KM (Kleinbaum & Klein,
# Survival Analysis, table 2.2): S(6)=0.857, S(7)=0.807, S(10)=0.753, S(13)=0.690,
# S(16)=0.627, S(22)=0.538, S(23)=0.448; median 23.
SIX_MP = "6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+"


def _obs(text: str) -> list[tuple[int, bool]]:
    return [(int(t.rstrip("+")), not t.endswith("+")) for t in text.split()]


def test_kaplan_meier_textbook():
    km = kaplan_meier(_obs(SIX_MP))
    steps = {s.days: round(s.survival, 3) for s in km.curve if s.events}
    assert steps == {6: 0.857, 7: 0.807, 10: 0.753, 13: 0.690, 16: 0.627, 22: 0.538, 23: 0.448}
    assert (km.n, km.events, km.censored) == (21, 9, 12)
    assert (km.p25, km.median, km.p75, km.p90) == (13, 23, None, None)
    at_risk = {s.days: s.at_risk for s in km.curve}
    assert at_risk[6] == 21 and at_risk[7] == 17 and at_risk[23] == 6


def _independent_km(obs):
    """Straight from the definition: S(t) = prod over event times u <= t of (1 - d_u / n_u)."""
    times = sorted({t for t, e in obs if e})
    s, out = 1.0, {}
    for u in times:
        n_u = sum(1 for t, _ in obs if t >= u)
        d_u = sum(1 for t, e in obs if t == u and e)
        s *= 1 - d_u / n_u
        out[u] = s
    return out


def test_kaplan_meier_matches_the_definition_on_random_data():
    rng = random.Random(3)
    obs = [(rng.randint(0, 400), rng.random() < 0.7) for _ in range(300)]
    km = kaplan_meier(obs)
    expected = _independent_km(obs)
    assert {s.days: s.survival for s in km.curve if s.events} == pytest.approx(expected)
    median = min(t for t, s in expected.items() if s <= 0.5)
    assert km.median == median


def test_kaplan_meier_without_censoring_reaches_zero():
    km = kaplan_meier([(t, True) for t in (3, 1, 2, 4)])
    assert km.curve[-1].survival == 0.0
    assert (km.p25, km.median, km.p75, km.p90) == (1, 2, 3, 4)
