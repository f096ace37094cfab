"""`expediente eval` on generated documents: per-field precision, recall and F1."""

from __future__ import annotations

import json

import pytest

from typer.testing import CliRunner

from expediente.cli import app
from samples import generate

runner = CliRunner()


def test_eval_prints_per_field_scores_on_generated_documents(tmp_path):
    generate(tmp_path, count=10, seed=5, text_only=True)
    result = runner.invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 10 and report["failures"] == []
    scores = report["groups"]["todos"]
    for field in ("doc_kind", "case_numbers", "resolution_date", "defendants", "charges", "outcome"):
        assert 0.0 <= scores[field]["f1"] <= 1.0
        assert scores[field]["tp"] + scores[field]["fn"] > 0, field  # the truth has this field
    # the extractor is far from guessing on what it was built for
    assert scores["doc_kind"]["f1"] >= 0.9 and scores["resolution_date"]["f1"] >= 0.9


def test_eval_table_is_readable(tmp_path):
    generate(tmp_path, count=2, seed=6, text_only=True)
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "resolution_date" in result.stdout and "F1" in result.stdout


def test_a_truth_file_the_schema_cannot_read_is_reported_and_the_rest_scored(tmp_path):
    generate(tmp_path, count=3, seed=6, text_only=True)
    bad = tmp_path / "doc0002.truth.json"
    truth = json.loads(bad.read_text(encoding="utf-8"))
    truth["outcome"] = {"kind": "absuelto_por_duda", "by_defendant": []}
    bad.write_text(json.dumps(truth), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 2
    [failure] = report["failures"]
    assert failure["file"] == "doc0002.truth.json"
    assert "outcome.kind" in failure["error"] and "absuelto_por_duda" in failure["error"]


@pytest.mark.slow
def test_eval_scan_prints_and_ocrs_text_documents(tmp_path):
    generate(tmp_path, count=1, seed=8, text_only=True)
    result = runner.invoke(app, ["eval", str(tmp_path), "--scan", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["scanned"] is True and report["documents"] == 1
    assert "escaneados" in report["groups"] and "digitales" not in report["groups"]
    assert report["groups"]["todos"]["resolution_date"]["f1"] == 1.0


def test_eval_pdf_reads_text_documents_from_a_born_digital_pdf(tmp_path):
    generate(tmp_path, count=2, seed=8, text_only=True)
    result = runner.invoke(app, ["eval", str(tmp_path), "--pdf", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["printed"] is True and report["scanned"] is False and report["documents"] == 2
    assert "digitales" in report["groups"] and "escaneados" not in report["groups"]  # read from the text layer
    assert report["groups"]["todos"]["case_numbers"]["f1"] == 1.0
    both = runner.invoke(app, ["eval", str(tmp_path), "--pdf", "--scan"])
    assert both.exit_code != 0 and "--scan o --pdf" in both.output
