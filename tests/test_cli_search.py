"""The commands that read the index: search (filters, facets, JSON, CSV), precedent, reindex."""

from __future__ import annotations

import csv
import io
import json
import urllib.request

import pytest
from typer.testing import CliRunner

from expediente.cli import app
from search import open_index
from search.export import COLUMNS

from tests.search.factory import make_record, victim
from tests.search.test_index import ALL, MINERIA, ROBO, TRATA
from tests.search.test_precedent import CITED, CITES_A, CITES_B, CORPUS, SIMILAR, SOURCE

runner = CliRunner()
NAME = "Nancy Huamán Quispe"
PROTECTED = make_record("La agraviada Nancy Huamán Quispe declaró sobre la trata de personas.", key="v",
                        parties=(victim(NAME),), crimes=("trata_de_personas",), district="Puno")


@pytest.fixture(scope="module")
def index_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "index.sqlite"
    with open_index(path, originals=True) as idx:
        idx.upsert([*ALL, *CORPUS, CITED, CITES_A, CITES_B, PROTECTED])
    return str(path)


def run(index_path, *args, env=None):
    return runner.invoke(app, [*args, "--index", index_path], env={"EXPEDIENTE_SHOW_ORIGINALS": "0", **(env or {})})


def test_search_with_filters_as_json(index_path):
    result = run(index_path, "search", "personas", "--district", "madre de dios", "--from", "2020-01-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 1 and data["hits"][0]["id"] == TRATA.id
    assert "**" in data["hits"][0]["snippet"]


def test_search_fielded_sorted_and_paged(index_path):
    result = run(index_path, "search", "juez:chambi", "--sort", "date", "--limit", "1", "--page", "2", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 2 and [h["id"] for h in data["hits"]] == [MINERIA.id]


def test_search_with_facets(index_path):
    result = run(index_path, "search", "", "--crime", "trata_de_personas", "--facets", "district,protected", "--json")
    data = json.loads(result.stdout)
    assert data["facets"]["district"] == [["Madre de Dios", 2], ["Puno", 1]]
    assert data["facets"]["protected"] == [[False, 5], [True, 2]]
    text = run(index_path, "search", "trata", "--facets", "all")
    assert text.exit_code == 0 and "Faceta: crime" in text.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["search", '"trata de personas'], "Falta cerrar las comillas"),
    (["search", "color:rojo"], "Campo desconocido"),
    (["search", "trata", "--article", "ciento"], "No se reconoce el artículo"),
    (["search", "trata", "--from", "2021-01-01", "--to", "2020-01-01"], "Consulta no válida"),
    (["search", "trata", "--sort", "azar"], "Orden desconocido"),
    (["precedent", "nada que ver"], "ni una cita reconocible"),
])
def test_bad_input_is_a_spanish_message_and_exit_code_2(index_path, args, message):
    result = run(index_path, *args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())  # rich wraps long lines
    assert "Traceback" not in result.stderr + result.stdout


def test_csv_export_of_the_whole_result_set(index_path, tmp_path):
    target = tmp_path / "out.csv"
    result = run(index_path, "search", "", "--limit", "1", "--csv", str(target))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 4 + len(CORPUS) + 3 + 1  # every match, not one page
    by_id = {r["id"]: r for r in rows}
    assert by_id[ROBO.id]["case_numbers"] == "casacion 904-2019" and by_id[ROBO.id]["level"] == "corte_suprema"
    assert by_id[TRATA.id]["articles"] == "153-A" and by_id[TRATA.id]["judges"] == "Chambi Tuesta | Zapata Machaca"
    assert "Nancy" not in target.read_text("utf-8-sig")
    assert by_id[PROTECTED.id]["victims"] == "N.H.Q."


def test_csv_shows_originals_only_to_an_allowed_caller(index_path):
    allowed = run(index_path, "search", "trata", "--district", "Puno", "--csv", "-",
                  env={"EXPEDIENTE_SHOW_ORIGINALS": "1"})
    assert allowed.exit_code == 0, allowed.output
    assert NAME in allowed.stdout
    public = run(index_path, "search", "trata", "--district", "Puno", "--csv", "-")
    assert NAME not in public.stdout and "N.H.Q." in public.stdout


def test_precedent_of_a_ruling(index_path):
    result = run(index_path, "precedent", SOURCE.id, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["more_like_this"]["hits"][0]["id"] == SIMILAR.id
    assert run(index_path, "precedent", SOURCE.id).exit_code == 0
    cited = json.loads(run(index_path, "precedent", CITED.id, "--json").stdout)
    # newest first: CITES_B (2023), CITES_A (2022), TRATA (2021), MINERIA (2019)
    assert [h["id"] for h in cited["cited_by"]["hits"]] == [CITES_B.id, CITES_A.id, TRATA.id, MINERIA.id]
    assert [c["normalized"] for c in json.loads(run(index_path, "precedent", CITES_A.id, "--json").stdout)["cites"]] \
        == ["casacion 904-2019", "acuerdo_plenario 3-2011/CJ-116"]


def test_precedent_of_a_citation(index_path):
    result = run(index_path, "precedent", "Casación N.° 904-2019/Puno", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["citation"] == "casacion 904-2019"
    assert {h["id"] for h in data["cited_by"]["hits"]} == {CITES_A.id, CITES_B.id, TRATA.id, MINERIA.id}


def test_reindex_to_another_sqlite(index_path, tmp_path):
    target = tmp_path / "copia.sqlite"
    result = run(index_path, "reindex", "--to", str(target), "--engine", "fts5")
    assert result.exit_code == 0, result.output
    with open_index(target) as copy, open_index(index_path) as source:
        assert copy.engine.name == "fts5" and copy.count() == source.count()
    assert "Nancy" not in target.read_bytes().decode("utf-8", "replace")
    assert run(index_path, "reindex", "--to", index_path).exit_code == 2


def test_show(index_path):
    result = run(index_path, "show", PROTECTED.id, "--json")
    assert "Nancy" not in result.stdout
    assert json.loads(result.stdout)["id"] == PROTECTED.id


@pytest.mark.parametrize("workers", [1, 2])  # upserts in one process; the bulk load with workers
def test_bench_search_runs_on_a_tiny_corpus(tmp_path, workers):
    # A smoke test of the benchmark's own code (the figures come from `expediente bench search`).
    from expediente.bench.search import run_engine

    corpus = _tiny_corpus(tmp_path)
    figures = run_engine("tantivy", str(corpus), str(tmp_path), 10, 1, 1, workers)
    assert figures["documents"] == 30 and figures["workers"] == workers
    assert figures["docs_per_second"] > 0 and figures["size_mib"] > 0
    assert set(figures["latency_ms"]) == {"plain words", "phrase", "fielded", "filtered", "more like this"}
    assert 0 <= figures["precision_at_10_overall"] <= 1 and figures["peak_memory_mib"] > 0


def _tiny_corpus(tmp_path):
    """30 documents in the generator's layout (docNNNN.txt, pages split by \f, and
    docNNNN.truth.json), with the manifest that makes the benchmark reuse them."""
    from expediente.bench.search import corpus_dir

    folder = tmp_path / "corpus-30-1"
    folder.mkdir()
    records = [*ALL, *CORPUS, CITED, CITES_A, CITES_B, PROTECTED]
    for i in range(30):
        record = records[i % len(records)]
        (folder / f"doc{i:04d}.txt").write_text("\f".join([*record.pages, f"copia {i}"]), encoding="utf-8")
        (folder / f"doc{i:04d}.truth.json").write_text(record.ruling.model_dump_json(), encoding="utf-8")
    (folder / "corpus.json").write_text(json.dumps({"count": 30, "seed": 1}))
    assert corpus_dir(tmp_path, 30, 1) == folder
    return folder


@pytest.mark.es
def test_bench_search_runs_on_the_cluster(tmp_path):
    # The cluster side of `expediente bench search` on a live cluster (ES_URL): bulk load
    # through the alias swap, the query set, each node's JVM memory, and its own alias dropped.
    from expediente.bench.search import bench_location, run_cluster
    from tests.search.conftest import ES_URL

    if not ES_URL:
        pytest.skip("ES_URL no definido: las pruebas de Elasticsearch necesitan un clúster (make cluster-start)")
    figures = run_cluster(ES_URL, str(_tiny_corpus(tmp_path)), 1, 1, 1, False)
    assert figures["documents"] == 30 and figures["nodes"] >= 1
    assert set(figures["latency_ms"]) == {"plain words", "phrase", "fielded", "filtered", "more like this"}
    assert 0 <= figures["precision_at_10_overall"] <= 1
    assert all(node["heap_max_mib"] > 0 for node in figures["jvm"])
    # the bench wrote only into an alias of its own, and dropped it at the end
    names = json.loads(urllib.request.urlopen(f"{ES_URL.rstrip('/')}/_cat/indices?format=json", timeout=10).read())
    alias = bench_location(ES_URL).rsplit("/", 1)[1]
    assert not [n["index"] for n in names if n["index"].startswith(alias)]


def test_summary_names_records_of_an_older_extractor(tmp_path):
    # A record from before a version bump may hold what the current extractor would redact;
    # the summary says how many there are and what re-reads them.
    from extractors.legal import EXTRACTOR_VERSION

    path = tmp_path / "index.sqlite"
    current = make_record("Robo agravado en Juliaca.", key="actual", extractor_version=EXTRACTOR_VERSION)
    with open_index(path) as idx:
        idx.upsert([current])
    assert "versión anterior" not in run(str(path), "summary").stdout
    with open_index(path) as idx:
        idx.upsert([make_record("Trata de personas en Puno.", key="vieja", extractor_version="legal-0.2.2")])
    result = run(str(path), "summary")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())  # the console wraps long lines
    assert "1 documento(s) se extrajeron con una versión anterior" in said
    assert "legal-0.2.2 (1)" in said and EXTRACTOR_VERSION in said
