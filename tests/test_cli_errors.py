"""Nothing lost, nothing leaked, nothing silent (issue 15, the search side): every mistake a
user can make on the command line is a Spanish message naming what to fix, with the exit
code of its kind, never a traceback and never a quiet "0 results"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from expediente.cli import app
from search import open_index

from tests.search.factory import judge, make_record
from tests.search.test_index import ALL, MINERIA, TRATA

runner = CliRunner()
EXPEDIENTE = Path(sys.executable).with_name("expediente")
ENGLISH = ("Traceback", "Invalid value", "No such option", "Missing argument", "Missing parameter",
           "Got unexpected", "Usage:", "Try '", "Input should", "String should")
JUDGES = [make_record(f"Sentencia número {i}.", key=f"juez-{i}", district="Puno", crimes=("robo_agravado",),
                      parties=(judge(f"Juez Número{i:03d}"),)) for i in range(3)]


@pytest.fixture(scope="module", params=["tantivy", "fts5"])
def index_path(request, tmp_path_factory):
    path = tmp_path_factory.mktemp(request.param) / "index.sqlite"
    with open_index(path, engine=request.param) as idx:
        idx.upsert([*ALL, *JUDGES])
    return str(path)


def run(index_path, *args):
    """``--index`` right after the command (``stats outcomes``): after a ``--`` it would be the query."""
    words = 2 if args[0] == "stats" else 1
    return runner.invoke(app, [*args[:words], "--index", index_path, *args[words:]],
                         env={"EXPEDIENTE_SHOW_ORIGINALS": "0"})


def flat(text: str) -> str:
    return " ".join(text.split())  # rich wraps long lines


def assert_spanish_error(result, exit_code: int, *messages: str) -> None:
    assert result.exit_code == exit_code, result.output
    for message in messages:
        assert message in flat(result.stderr), result.stderr
    assert not any(word in result.stderr + result.stdout for word in ENGLISH), result.output


# -- 5. a byte that is not UTF-8 in the query or a filter -----------------------------------

def test_a_byte_that_is_not_utf8_in_crime_is_a_query_error(index_path):
    """The command line as a shell passes it: bytes, which Python reads with surrogateescape."""
    done = shell(index_path, b"search", b"x", b"--crime", b"\xff")
    assert done.returncode == 2, done.stderr
    assert "--crime contiene caracteres que no son UTF-8 válido" in flat(done.stderr)
    assert "Traceback" not in done.stderr
    done = shell(index_path, b"show", b"\xff")
    assert done.returncode == 1 and "No hay ningún documento con id" in done.stderr, done.stderr


@pytest.mark.parametrize("args", [  # what surrogateescape makes of the bytes \xff, \xf3, \xc3, \xe1
    ["search", "x", "--district", "Pun\udcf3"], ["search", "x", "--court", "\udcff"],
    ["search", "x", "--judge", "\udcc3"], ["search", "x", "--article", "153\udcff"],
    ["search", "x", "--cites", "Cas\udce1cion 1-2019"], ["search", "trata \udcff"],
    ["stats", "outcomes", "--crime", "\udcff"], ["stats", "durations", "--district", "Pun\udcf3"],
])
def test_invalid_utf8_in_any_filter_is_a_query_error(index_path, args):
    result = run(index_path, *args)
    assert result.exit_code == 2, result.output
    assert "no son UTF-8 válido" in flat(result.stderr) and "Traceback" not in result.output


def test_invalid_utf8_is_no_precedent(index_path):
    assert_spanish_error(run(index_path, "precedent", "\udcff"), 2, "ni una cita reconocible")


def shell(index_path, *args: bytes) -> subprocess.CompletedProcess:
    done = subprocess.run([str(EXPEDIENTE), *args, b"--index", index_path.encode()], capture_output=True,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "200"})
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


# -- 7. no index, unknown filter values -----------------------------------------------------

@pytest.mark.parametrize("args", [["search", "trata"], ["show", "x"], ["summary"], ["precedent", "x"],
                                  ["stats", "outcomes"], ["reindex", "--to", "{tmp}/copia.sqlite"]])
def test_an_index_that_does_not_exist_is_not_created(tmp_path, args):
    missing = tmp_path / "tipo" / "indice.sqlite"
    result = runner.invoke(app, [*(a.format(tmp=tmp_path) for a in args), "--index", str(missing)])
    assert_spanish_error(result, 5, str(missing), "no hay ningún índice", "expediente ingest")
    assert not missing.exists() and not missing.parent.exists()


def test_a_sqlite_file_that_is_not_an_index_is_not_made_one(tmp_path):
    import sqlite3

    other = tmp_path / "otra.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.close()
    assert_spanish_error(runner.invoke(app, ["search", "x", "--index", str(other)]), 5, "no hay ningún índice")


def test_crime_families_aliases_and_district_spellings_work_in_search(index_path):
    def ids(*args):
        result = run(index_path, "search", "", *args, "--json")
        assert result.exit_code == 0, result.output
        return {h["id"] for h in json.loads(result.stdout)["hits"]}

    assert ids("--crime", "trata") == ids("--crime", "trata_de_personas") == {TRATA.id, MINERIA.id}
    assert ids("--crime", "mineria") == {MINERIA.id}
    assert ids("--district", "MADRE DE DIOS") == ids("--district", "madre de diós") == {TRATA.id, MINERIA.id}


@pytest.mark.parametrize("args, message", [
    (["--crime", "trata_personas"], "Delito desconocido: «trata_personas». ¿Quiso decir trata_de_personas"),
    (["--crime", "trata de persona"], "¿Quiso decir trata_de_personas"),
    (["--district", "Madre de Diso"], "Distrito judicial desconocido: «Madre de Diso». ¿Quiso decir Madre de Dios"),
])
def test_unknown_filter_values_are_errors_with_the_closest_values(index_path, args, message):
    assert_spanish_error(run(index_path, "search", "", *args), 2, message)
    assert_spanish_error(run(index_path, "search", "", *args, "--csv", "-"), 2, message)


def test_a_judge_in_no_ruling_suggests_the_closest_names(index_path):
    result = run(index_path, "search", "", "--judge", "Chambi Tuesto")
    assert result.exit_code == 0, result.output
    assert "ningún documento del índice tiene --judge «Chambi Tuesto»" in flat(result.stderr)
    assert "¿quiso decir chambi tuesta?" in flat(result.stderr).lower()  # the facet's spelling


def test_an_article_in_no_ruling_suggests_the_closest_ones(index_path):
    result = run(index_path, "search", "", "--article", "153-B")
    assert result.exit_code == 0 and "¿Quiso decir 153-A?" in flat(result.stderr), result.output


# -- 10. facets and pages that say what they leave out ---------------------------------------

def test_a_cut_facet_says_how_many_values_it_has(index_path):
    result = run(index_path, "search", "", "--facets", "judge", "--facet-limit", "2")
    assert result.exit_code == 0, result.output
    assert "mostrando 2 de 6; --facet-limit 0 para verlos todos" in flat(result.stdout)
    data = json.loads(run(index_path, "search", "", "--facets", "judge", "--facet-limit", "2", "--json").stdout)
    assert len(data["facets"]["judge"]) == 2 and data["facet_totals"]["judge"] == 6
    every = run(index_path, "search", "", "--facets", "judge", "--facet-limit", "0")
    assert "mostrando" not in every.stdout and "Juez Número002" in every.stdout


def test_the_protected_facet_reads_as_words(index_path):
    result = run(index_path, "search", "", "--facets", "protected")
    assert "sin víctima protegida" in result.stdout and "False" not in result.stdout


def test_limit_zero_offers_no_next_page(index_path):
    result = run(index_path, "search", "", "--limit", "0")
    assert result.exit_code == 0, result.output
    assert "siguiente" not in result.stderr
    assert "siguiente: --page 2" in run(index_path, "search", "", "--limit", "1").stderr


# -- 11. a query that begins with '-' ---------------------------------------------------------

@pytest.mark.parametrize("args", [["-minería"], ["--", "-minería"], ["-minería", "--crime", "trata"],
                                  ["--crime", "trata", "-minería"], ["--sort", "date", "-minería"]])
def test_a_query_that_begins_with_a_dash_is_the_query(index_path, args):
    result = run(index_path, "search", "--json", *args)
    assert result.exit_code == 0, result.output
    hits = {h["id"] for h in json.loads(result.stdout)["hits"]}
    assert TRATA.id in hits and MINERIA.id not in hits


def test_an_unknown_long_option_is_still_an_error(index_path):
    assert_spanish_error(run(index_path, "search", "trata", "--crme", "x"), 2,
                         "No existe la opción --crme. ¿Quiso decir --crime")


# -- 12. every message in Spanish, naming the option ------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["search", "x" * 2001], "la consulta admite como máximo 2000 caracteres (tiene 2001)"),
    (["search", "x", "--from", "2020-13-01"], "Valor no válido para '--from': '2020-13-01' no tiene la forma AAAA-MM-DD"),
    (["search", "x", "--limit", "900"], "Valor no válido para '--limit': «900» debe ser como máximo 500"),
    (["search", "x", "--level", "alta"], "Valor no válido para '--level': 'alta' no es uno de 'corte_suprema'"),
    (["search", "x", "--year", "1800"], "--year debe ser al menos 1900"),
    (["search", "x", "--from", "2021-01-01", "--to", "2020-01-01"], "la fecha inicial (2021-01-01) es posterior"),
    (["search", "x", "--page", "5000", "--limit", "500"], "--page (× --limit) debe ser como máximo 100000"),
    (["search", "trata", "--colour"], "No existe la opción --colour"),
    (["search", "trata", "de", "personas"], "Sobra el argumento de personas. Varias palabras van entre comillas"),
    (["show"], "Falta el argumento 'ID'"),
    (["buscar", "x"], "No existe la orden 'buscar'"),
    (["search", "x", "--protected=sí"], "La opción --protected no lleva valor"),
])
def test_usage_errors_are_spanish_and_name_the_option(index_path, args, message):
    assert_spanish_error(run(index_path, *args), 2, message)


def test_help_documents_the_query_cap():
    from expediente.cli_search import MAX_QUERY
    from search.models import MAX_TEXT

    result = runner.invoke(app, ["search", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "hasta 2000 caracteres" in flat(result.stdout)
    assert MAX_QUERY == MAX_TEXT == 2000


# -- 13. --csv into a folder that does not exist, a folder, a file's child ----------------------

def test_csv_creates_its_folders(index_path, tmp_path):
    target = tmp_path / "nuevo" / "sub" / "r.csv"
    result = run(index_path, "search", "trata", "--csv", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8-sig").startswith("id,")


def test_csv_into_a_folder_or_under_a_file_is_a_clean_error(index_path, tmp_path):
    assert_spanish_error(run(index_path, "search", "trata", "--csv", str(tmp_path)), 2, "es una carpeta")
    (tmp_path / "archivo").write_text("x")
    assert_spanish_error(run(index_path, "search", "trata", "--csv", str(tmp_path / "archivo" / "r.csv")), 2,
                         "No se puede escribir")


def test_a_bad_filter_leaves_no_empty_csv(index_path, tmp_path):
    target = tmp_path / "r.csv"
    assert run(index_path, "search", "", "--crime", "xyz", "--csv", str(target)).exit_code == 2
    assert not target.exists()



@pytest.mark.parametrize("args", [["--help"], ["search", "--help"], ["bench", "--help"], ["bench", "web", "--help"],
                                  ["keys", "create", "--help"]])
def test_help_screens_are_in_spanish(args):
    result = runner.invoke(app, args, prog_name="expediente", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Uso: expediente" in result.stdout and "Opciones" in result.stdout
    assert "Muestra esta ayuda y termina." in result.stdout
    for english in ("Usage:", "Options", "Arguments", "Commands", "Show this message", "[OPTIONS]"):
        assert english not in result.stdout, english
