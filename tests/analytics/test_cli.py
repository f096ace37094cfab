"""``expediente stats …``, ``expediente report`` and ``expediente bench analytics`` end to end
over a real SQLite index (the commands are registered on a fresh app here)."""

from __future__ import annotations

import json
import re

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from expediente import cli_stats
from expediente.bench import analytics as bench_analytics
from search import open_index

from tests.analytics import test_durations, test_outcomes
from tests.analytics.factory import ids, record

runner = CliRunner()


def make_app() -> typer.Typer:
    app = typer.Typer(pretty_exceptions_enable=False)
    cli_stats.register(app)
    bench = typer.Typer()
    bench_analytics.register(bench)
    app.add_typer(bench, name="bench")
    return app


APP = make_app()
KEYS = [k for k, _ in test_durations.RECORDS] + [f"o-{k}" for k, _ in test_outcomes.RECORDS]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "index.sqlite"
    with open_index(path) as idx:
        idx.upsert([record(r, k) for k, r in test_durations.RECORDS]
                   + [record(r, f"o-{k}") for k, r in test_outcomes.RECORDS])
    return str(path)


def run(*args):
    return runner.invoke(APP, [str(a) for a in args])


def test_every_command_has_help():
    group = typer.main.get_command(APP)
    paths = [("report",), ("bench", "analytics")] + [("stats", name) for name in group.commands["stats"].commands]
    assert len(paths) == 8
    for path in paths:
        result = run(*path, "--help")
        assert result.exit_code == 0, result.output


def test_durations_table(index):
    result = run("stats", "durations", "--from", "formalizacion", "--to", "sentencia", "--by", "distrito",
                 "--index", index)
    assert result.exit_code == 0, result.output
    assert "Días desde formalización" in result.stdout and "Puno" in result.stdout and "Total" in result.stdout


def test_durations_json_is_the_full_result(index):
    result = run("stats", "durations", "--from", "hechos", "--to", "sentencia", "--index", index, "--json")
    data = json.loads(result.stdout)
    assert (data["start"], data["end"]) == ("hechos", "sentencia_primera")
    assert "doc_ids" in data["total"]["completed"] and isinstance(data["cases"], list)


def test_durations_csv_and_charts(index, tmp_path):
    csv, png, svg = tmp_path / "d.csv", tmp_path / "d.png", tmp_path / "sub" / "d.svg"
    result = run("stats", "durations", "--by", "distrito", "--crime", "trata", "--index", index,
                 "--csv", csv, "--chart", png)
    assert result.exit_code == 0, result.output
    header, *rows = csv.read_text(encoding="utf-8").splitlines()
    assert header.startswith("grupo,casos,concluidos,mediana,p25,p75,p90") and "documentos: concluidos" in header
    assert rows[-1].startswith("Total,") and ids("done")[0] in rows[-1]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run("stats", "outcomes", "--index", index, "--chart", svg).exit_code == 0
    assert "<svg" in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,message", [
    (["stats", "durations", "--from", "juicio"], "Hito desconocido"),
    (["stats", "durations", "--from", "sentencia", "--to", "formalizacion"], "posterior"),
    (["stats", "outcomes", "--by", "galaxia"], "Desglose desconocido"),
    (["stats", "penalties", "--crime", "piratería"], "Delito desconocido"),
    (["stats", "outcomes", "--crime", "trata_personas"], "¿Quiso decir trata_de_personas"),
    (["stats", "outcomes", "--district", "Madre de Diso"], "¿Quiso decir Madre de Dios"),
    (["stats", "appeals", "--chart", "x.gif"], "Formato de gráfico"),
    (["stats", "cepej", "--caseload", "no-existe.csv"], "No existe"),
])
def test_bad_input_is_a_readable_error(index, args, message):
    result = run(*args, "--index", index) if args[1] != "cepej" else run(*args)
    assert result.exit_code == 2, result.output
    assert message in re.sub(r"\s+", " ", result.stderr)


@pytest.mark.parametrize("command,expected", [
    (["outcomes", "--by", "anio"], ["Resultados en primera instancia", "2021", "Mecanismos"]),
    (["appeals", "--by", "codigo"], ["Casación", "Recurso de nulidad", "NCPP (2004)"]),
    (["penalties"], ["Pena privativa", "Reparación civil", "S/ 2,000.00"]),
    (["codes"], ["NCPP y código de 1940", "condenas ÷ decididos"]),
])
def test_other_stats_commands(index, command, expected):
    result = run("stats", *command, "--index", index)
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in result.stdout


def test_cepej_with_and_without_caseload(tmp_path):
    result = run("stats", "cepej")
    assert result.exit_code == 0 and "no pueden calcularse" in result.stdout
    csv = tmp_path / "carga.csv"
    csv.write_text("court,year,filed,resolved,pending\nJuzgado,2022,100,90,45\n", encoding="utf-8")
    data = json.loads(run("stats", "cepej", "--caseload", csv, "--json").stdout)
    assert data["rows"][0]["clearance_rate"] == 0.9 and data["rows"][0]["disposition_time_days"] == 182.5


def test_report_is_one_self_contained_html_file(index, tmp_path):
    caseload = tmp_path / "carga.csv"
    caseload.write_text("court,year,filed,resolved,pending\nJuzgado,2022,100,90,45\n", encoding="utf-8")
    out = tmp_path / "informe"
    result = run("report", "--out", out, "--index", index, "--by", "familia", "--caseload", caseload,
                 "--crime", "trata")
    assert result.exit_code == 0, result.output
    files = list(out.iterdir())
    assert [f.name for f in files] == ["informe.html"]
    html = files[0].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count("<svg") >= 5
    assert not re.search(r"""(src|href)=["']?(https?:|//|file:)""", html) and "<script" not in html
    assert "Filtros usados:</b> delito = trata" in html and "Definiciones" in html
    assert "Hyndman-Fan tipo 7" in html and "Kaplan–Meier" in html and "tasa de resolución" in html.lower()
    for doc_id in ids("done", "o-s1b", "o-vista"):
        assert f'id="d-{doc_id}"' in html and html.count(doc_id) > 2  # cited, and in the appendix
    assert ids("cusco1")[0] not in html  # filtered out (minería)


def test_bench_analytics(index):
    result = run("bench", "analytics", "--index", index, "--no-report", "--json")
    assert result.exit_code == 0, result.output
    timings = json.loads(result.stdout)
    assert timings["documentos"] == len(KEYS) and "NCPP frente a 1940" in timings and timings["total"] > 0


def test_filters_take_aliases_labels_and_any_spelling_of_a_district(index):
    """The same resolver as ``search``: an alias names its crime, a district any case or accent."""
    result = run("stats", "outcomes", "--crime", "Peculado Doloso", "--district", "PUNO", "--index", index, "--json")
    assert result.exit_code == 0, result.output
    filters = json.loads(result.stdout)["filters"]
    assert (filters["crime"], filters["district"]) == ("peculado", "Puno")


def test_csv_creates_its_folders_and_refuses_a_folder(index, tmp_path):
    target = tmp_path / "nueva" / "o.csv"
    assert run("stats", "outcomes", "--index", index, "--csv", target).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("grupo,")
    result = run("stats", "outcomes", "--index", index, "--csv", tmp_path)
    assert result.exit_code == 2 and "es una carpeta" in result.stderr and "Traceback" not in result.output
