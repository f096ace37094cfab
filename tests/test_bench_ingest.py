"""The ingest benchmark's own code on a few documents (figures are printed, never asserted)."""

from __future__ import annotations

import pytest

from expediente.bench import ingest as bench

pytestmark = pytest.mark.slow


def test_bench_ingest_measures_every_mode_on_a_tiny_corpus(tmp_path, prefect_harness):
    result = bench.run(work=tmp_path, docs=3, scans=1, repeat=1, processes=2, ephemeral=False,
                       standing_server=False)
    assert set(result["stages"]) == {"born", "scans"}
    for stages in result["stages"].values():
        assert stages["acquire_cpu"] > 0 and stages["extract_cpu"] > 0 and stages["index_cpu"] > 0
        assert 0 < stages["ideal_per_second"] <= stages["ideal_reading_per_second"]  # rounded to 0.1
    assert [(r["corpus"], r["mode"], r["documents"]) for r in result["runs"]] == [
        ("born", "flujo, 1 proceso", 3), ("born", "flujo, 2 procesos", 3),
        ("scans", "flujo, 1 proceso", 1), ("scans", "flujo, 2 procesos", 1)]
    assert all(r["per_second"] > 0 and r["pages_per_second"] > 0 for r in result["runs"])
    again = bench.corpus_dir(tmp_path, "born", 3, 3)  # the corpus is generated once
    assert sorted(p.name for p in (again / "docs").glob("*.pdf")) == ["doc0001.pdf", "doc0002.pdf", "doc0003.pdf"]
