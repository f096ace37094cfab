"""``show`` gives each fact with its page, its span and the quoted text; penalties in years
and months as the ruling states them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from expediente.cli import app
from expediente.formatting import soles, years_months
from flows.ingest import extract_task
from search import open_index

from tests.extractors.test_legal_parties import RULING, doc_of

runner = CliRunner()
SENTENCE = RULING.replace("CATORCE (14) AÑOS DE PENA", "DOCE AÑOS Y OCHO MESES DE PENA")


@pytest.mark.parametrize("years, text", [
    (12 + 8 / 12, "12 años y 8 meses"),
    (1, "1 año"),
    (0.5, "6 meses"),
    (1 + 1 / 12, "1 año y 1 mes"),
    (35, "35 años"),
    (0, "0 meses"),
])
def test_duration_reads_as_the_ruling_writes_it(years, text):
    assert years_months(years) == text


def test_soles():
    assert soles(30000) == "S/ 30,000.00"
    assert soles(1250.5) == "S/ 1,250.50"


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    record = extract_task.fn(doc_of(SENTENCE))
    path = tmp_path_factory.mktemp("show") / "index.sqlite"
    with open_index(path) as idx:
        idx.upsert([record])
        stored = idx.get(record.id)  # redacted: offsets after "Gloria Sánchez Torres" moved
    return stored, str(path)


def test_show_prints_page_span_and_quote(shown):
    record, path = shown
    result = runner.invoke(app, ["show", record.id, "--index", path], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "12 años y 8 meses de pena privativa de libertad efectiva" in result.stdout
    assert "12.66" not in result.stdout
    assert "S/ 30,000.00" in result.stdout
    penalty = record.ruling.penalties[0].evidence[0]
    assert f"{penalty.start}–{penalty.end}" in result.stdout
    assert "«Pinchi Amasifuén»" in result.stdout or "«Rosa Elena Pinchi Amasifuén»" in result.stdout


def test_show_json_quotes_every_fact_from_the_stored_page(shown):
    record, path = shown
    result = runner.invoke(app, ["show", record.id, "--index", path, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == record.id
    facts = data["facts"]
    assert {f["section"] for f in facts} >= {"Expedientes", "Órgano", "Partes", "Delitos", "Decisión", "Penas"}
    for f in facts:
        if f["page"] is not None:
            text = " ".join(data["pages"][f["page"] - 1][f["start"]:f["end"]].split())
            assert f["quote"] == text if len(text) <= 160 else f["quote"] == text[:159] + "…"
    assert [f["value"] for f in facts if f["label"] == "Luz Marina Tapullima Sangama" and f["section"] == "Penas"] \
        == ["12 años y 8 meses de pena privativa de libertad efectiva; reparación civil de S/ 30,000.00"]


@pytest.mark.parametrize("value, shown", [
    ("terminacion_anticipada", "terminación anticipada"),
    ("reserva_fallo", "reserva del fallo"),  # the preposition the value lost comes back
    ("medida_seguridad", "medida de seguridad"),
    (None, ""),
])
def test_enum_values_read_as_spanish_words(value, shown):
    from expediente.facts import words

    assert words(value) == shown
