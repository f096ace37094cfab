"""The monitoring panel and its JSON twins: the same figures as ``expediente stats``."""

from __future__ import annotations

import csv
import html as html_lib
import io
import json
import re

import pytest
from typer.testing import CliRunner

from expediente.cli import app as cli


@pytest.mark.parametrize("indicator, args", [
    ("outcomes", ["--by", "distrito"]), ("appeals", []), ("penalties", ["--by", "delito"]),
    ("durations", ["--from", "formalizacion", "--to", "sentencia"]), ("codes", ["--crime", "trata"]),
])
def test_stats_api_gives_the_figures_of_the_stats_command(client, settings, indicator, args):
    result = CliRunner().invoke(cli, ["stats", indicator, "--index", settings.index, "--json", *args])
    assert result.exit_code == 0, result.output
    params = dict(zip([a.lstrip("-") for a in args[::2]], args[1::2]))
    params = {{"from": "start", "to": "end"}.get(k, k): v for k, v in params.items()}
    api = client.get(f"/api/v1/stats/{indicator}", params=params)
    assert api.status_code == 200, api.text
    assert api.json() == json.loads(result.stdout)


def test_stats_errors_are_spanish_json(client):
    bad = client.get("/api/v1/stats/outcomes", params={"by": "planeta"})
    assert bad.status_code == 400 and "Desglose desconocido" in bad.json()["error"]["message"]
    assert client.get("/api/v1/stats/outcomes", params={"crime": "nada"}).status_code == 400
    assert client.get("/api/v1/stats/durations", params={"start": "ayer"}).status_code == 400
    assert client.get("/api/v1/stats/nope").status_code == 422


def test_panel_shows_tables_with_n_and_applies_filters(client):
    page = client.get("/panel").text
    assert "Panel de seguimiento" in page and "<table>" in page
    assert "33 documentos en el índice" in page
    narrowed = client.get("/panel", params={"district": "Cusco", "by": "anio", "code": "ncpp", "start": "hechos",
                                            "end": "sentencia_primera"})
    assert narrowed.status_code == 200 and 'value="Cusco"' in narrowed.text
    assert '<option value="ncpp" selected>' in narrowed.text and '<option value="hechos" selected>' in narrowed.text


def test_every_panel_figure_links_to_the_rulings_behind_it(client):
    page = client.get("/panel", params={"by": "distrito"}).text
    linked = set(re.findall(r'href="/resoluciones/([0-9a-f]{16})"', page))
    outcomes = client.get("/api/v1/stats/outcomes", params={"by": "distrito"}).json()
    behind = {i for share in outcomes["total"]["first_instance"]["shares"] for i in share["doc_ids"]}
    assert behind and behind <= linked
    for id in list(linked)[:3]:
        assert client.get(f"/resoluciones/{id}").status_code == 200


def test_each_panel_table_downloads_as_the_csv_of_stats(client, settings, tmp_path):
    page = client.get("/panel", params={"by": "distrito"}).text
    links = [html_lib.unescape(u) for u in re.findall(r'class="csv" href="([^"]+)"', page)]
    assert len(links) >= 5 and all("by=distrito" in u for u in links)
    outcomes = next(u for u in links if u.startswith("/panel/resultados.csv"))
    response = client.get(outcomes)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert len(rows) > 1 and rows[0][0]
    cli_csv = tmp_path / "resultados.csv"
    done = CliRunner().invoke(cli, ["stats", "outcomes", "--index", settings.index, "--by", "distrito",
                                    "--csv", str(cli_csv)])
    assert done.exit_code == 0, done.output
    assert response.content == cli_csv.read_bytes()  # the same table as 'expediente stats --csv'
    assert client.get("/panel/nada.csv").status_code == 404
    assert client.get("/panel/..%2F..%2Fetc.csv").status_code in (404, 422)


def test_panel_charts_are_svg_drawn_by_the_stats_charts(client):
    page = client.get("/panel", params={"by": "anio"}).text
    sources = [html_lib.unescape(u) for u in re.findall(r'<img src="(/panel/graficos/[^"]+)"', page)]
    assert len(sources) == 5 and all("by=anio" in u for u in sources)
    for url in sources:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("image/svg+xml")
        assert b"<svg" in response.content and b"<script" not in response.content
    assert client.get("/panel/graficos/nada.svg").status_code == 422
