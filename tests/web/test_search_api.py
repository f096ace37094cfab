"""Search through the API and the HTML page: filters, facets, cursor, errors, limits, CSV."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.web.conftest import CRIMES, DISTRICTS


def search(client, **params):
    response = client.get("/api/v1/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_each_filter_narrows_to_records_that_match_it(client):
    everything = search(client, limit=100)["total"]
    for params, check in [
        ({"district": "madre de DIOS"}, lambda h: h["district"] == "Madre de Dios"),
        ({"crime": "mineria_ilegal"}, lambda h: "mineria_ilegal" in h["crimes"]),
        ({"outcome": "absolucion"}, lambda h: h["outcome"] == "absolucion"),
        ({"kind": "sentencia_vista"}, lambda h: h["doc_kind"] == "sentencia_vista"),
        ({"year": 2016}, lambda h: h["resolution_date"].startswith("2016")),
        ({"from": "2019-01-01", "to": "2019-12-31"}, lambda h: h["resolution_date"].startswith("2019")),
        ({"article": "153 a"}, lambda h: "153-A" in h["articles"]),
        ({"cites": "Cas. 904-2019"}, lambda h: h["case_numbers"] == ["00456-2019-0-2101-JR-PE-02"]),
    ]:
        found = search(client, limit=100, **params)
        assert 0 < found["total"] < everything, params
        assert len(found["hits"]) == found["total"]
        assert all(check(h) for h in found["hits"]), params


def test_protected_filter_and_text_query(client):
    assert search(client, protected="true")["total"] == 1
    assert search(client, q='"campamento minero"')["total"] == 1
    assert search(client, q="campamento", protected="false")["total"] == 0


def test_facets_count_what_the_filter_then_finds(client):
    data = search(client, facets="district,crime,year", facet_size=100, limit=1)
    assert {f for f in data["facets"]} == {"district", "crime", "year"}
    for field, param in [("district", "district"), ("crime", "crime"), ("year", "year")]:
        for entry in data["facets"][field]:
            assert search(client, **{param: entry["value"]})["total"] == entry["count"], (field, entry)


def test_facets_truncated_says_so_and_the_full_list_has_every_value(client):
    data = search(client, facets="year", facet_size=2)
    assert len(data["facets"]["year"]) == 2 and data["facets_truncated"]["year"] is True
    full = client.get("/api/v1/search/facets/year").json()
    assert len(full["values"]) > 2
    assert sum(v["count"] for v in full["values"]) == search(client)["total"] - 0  # every record has a year
    assert client.get("/api/v1/search/facets/nope").status_code == 422


def test_facet_click_in_the_html_page_round_trips_through_the_url(client):
    page = client.get("/", params={"q": "sentencia", "sort": "date"}).text
    link = next(line for line in page.split('href="')[1:] if line.startswith("/?") and "district=Cusco" in line)
    url = link.split('"')[0].replace("&amp;", "&")
    state = parse_qs(urlsplit(url).query)
    assert state == {"q": ["sentencia"], "sort": ["date"], "district": ["Cusco"]}
    api = search(client, **{k: v[0] for k, v in state.items()})
    assert api["total"] > 0 and all(h["district"] == "Cusco" for h in api["hits"])
    html = client.get(url)
    assert html.status_code == 200
    assert f"<strong>{api['total']}</strong> resolución(es)" in html.text


@pytest.mark.parametrize("sort", ["date", "relevance"])
def test_cursor_pagination_visits_every_hit_exactly_once(client, sort):
    params = {"q": "sentencia" if sort == "relevance" else "", "sort": sort, "limit": 7}
    first = search(client, **params)
    seen, cursor, pages = [h["id"] for h in first["hits"]], first["next_cursor"], 1
    while cursor:
        data = search(client, **params, cursor=cursor)
        seen += [h["id"] for h in data["hits"]]
        cursor, pages = data["next_cursor"], pages + 1
    assert len(seen) == len(set(seen)) == first["total"]
    assert pages == -(-first["total"] // 7)


def test_a_cursor_belongs_to_its_search(client):
    cursor = search(client, q="sentencia", limit=2)["next_cursor"]
    other = client.get("/api/v1/search", params={"q": "robo", "limit": 2, "cursor": cursor})
    assert other.status_code == 400
    assert other.json()["error"]["code"] == "bad_cursor"
    garbage = client.get("/api/v1/search", params={"cursor": "%%%not-base64"})
    assert garbage.status_code == 400 and "cursor" in garbage.json()["error"]["message"]


def test_date_sort_is_newest_first(client):
    dates = [h["resolution_date"] for h in search(client, sort="date", limit=100)["hits"] if h["resolution_date"]]
    assert dates == sorted(dates, reverse=True)


def test_malformed_query_is_a_400_with_the_parsers_spanish_message(client):
    response = client.get("/api/v1/search", params={"q": '"trata de'})
    assert response.status_code == 400
    assert response.json() == {"error": {"code": "query", "message": response.json()["error"]["message"]}}
    assert "comillas" in response.json()["error"]["message"]
    html = client.get("/", params={"q": '"trata de'})
    assert html.status_code == 400
    assert 'id="query-error"' in html.text and "comillas" in html.text


@pytest.mark.parametrize("params, words", [
    ({"limit": 101}, ["limit", "como máximo 100"]),
    ({"level": "tribunal"}, ["level", "corte_suprema"]),
    ({"from": "2020-13-01"}, ["from", "AAAA-MM-DD"]),
    ({"q": "x" * 2001}, ["q", "2000 caracteres"]),
    ({"protected": "quizá"}, ["protected", "true o false"]),
])
def test_validation_errors_are_422_in_spanish(client, params, words):
    response = client.get("/api/v1/search", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation"
    assert all(w in error["message"] for w in words), error["message"]
    assert "Input should" not in error["message"] and "Field required" not in error["message"]


def test_pages_deeper_than_the_index_allows_point_to_the_export(client):
    response = client.get("/api/v1/search", params={"page": 20_000, "limit": 10})
    assert response.status_code == 400
    assert "CSV" in response.json()["error"]["message"]


def test_export_streams_every_match_as_csv(client):
    total = search(client, district="Puno")["total"]
    response = client.get("/api/v1/export.csv", params={"district": "Puno"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == total and {r["district"] for r in rows} == {"Puno"}


def test_export_refuses_more_rows_than_allowed(settings):
    from fastapi.testclient import TestClient

    from expediente.web import create_app

    with TestClient(create_app(settings.model_copy(update={"max_export_rows": 3}))) as small:
        response = small.get("/api/v1/export.csv")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "export_too_large"
    assert "3" in response.json()["error"]["message"]


def test_search_page_shows_count_highlights_pages_and_csv_link(client):
    html = client.get("/", params={"q": "sentencia", "limit": 10}).text
    total = search(client, q="sentencia")["total"]
    assert f"<strong>{total}</strong> resolución(es)" in html
    assert "<mark>Sentencia</mark>" in html
    assert 'href="/api/v1/export.csv?q=sentencia"' in html
    assert "siguiente »" in html and "page=2" in html
    assert "ver todos" in html  # the year facet has more values than the page shows


def test_the_judges_open_on_their_own_page_with_exact_counts(client):
    """The search page links to the judges of its results instead of counting them with every
    search; their page lists each judge with the number of rulings behind it, which filters."""
    html = client.get("/", params={"q": "sentencia"}).text
    assert 'id="faceta-judge"' in html and 'href="/facetas/judge?q=sentencia"' in html
    judges = client.get("/api/v1/search/facets/judge", params={"q": "sentencia"}).json()["values"]
    assert judges
    for entry in judges[:3]:
        assert search(client, q="sentencia", judge=entry["value"], limit=1)["total"] == entry["count"]
    page = client.get("/facetas/judge", params={"q": "sentencia"}).text
    assert judges[0]["value"].split()[0] in page


def test_openapi_document_lists_the_api(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/search", "/api/v1/rulings/{id}", "/api/v1/rulings/{id}/pages/{number}",
            "/api/v1/rulings/{id}/precedent", "/api/v1/stats/{indicator}", "/api/v1/export.csv",
            "/api/v1/search/facets/{field}"} <= set(doc["paths"])
    names = {p["name"] for p in doc["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "district", "court", "level", "kind", "crime", "article", "outcome", "code", "early", "judge",
            "from", "to", "year", "protected", "cites", "sort", "page", "limit", "cursor", "facets"} <= names


def test_every_district_and_crime_of_the_corpus_is_a_facet_value(client):
    data = search(client, facets="district,crime", facet_size=100)
    assert set(DISTRICTS) <= {v["value"] for v in data["facets"]["district"]}
    assert set(CRIMES) <= {v["value"] for v in data["facets"]["crime"]}


def test_active_filters_are_named_in_spanish_and_each_can_be_removed(client):
    page = client.get("/", params={"q": "sentencia", "crime": "trata_de_personas", "protected": "false"}).text
    assert "Delito: trata de personas" in page and "Víctima protegida: no" in page
    assert 'href="/?q=sentencia&amp;protected=false" title="quitar este filtro"' in page
