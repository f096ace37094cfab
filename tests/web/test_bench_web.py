"""A smoke test of ``expediente bench web``'s own code (the figures come from the command)."""

from __future__ import annotations

import pytest

from expediente.bench.web import build_index, measure


@pytest.mark.slow
def test_bench_web_measures_both_sides_without_errors(tmp_path):
    location = build_index(tmp_path, 30, seed=5)
    result = measure(location, clients=2, rounds=1, rulings=3, work=tmp_path)
    assert result["rulings"] == 30
    keys = {f"{where}.{page}.c{n}" for where in ("in_process", "http", "http_sin_cache")
            for page in ("search", "ruling") for n in (1, 2)}
    assert keys <= set(result)
    assert all(result[k]["errors"] == 0 and result[k]["requests"] > 0 and result[k]["rps"] > 0 for k in keys)
