"""The search page's links and labels, made once per field and value in Python rather than per
value in the template: the same URLs and words as the general functions give."""

from __future__ import annotations

import re

import pytest

from expediente.web.pages import make_templates
from expediente.web.params import SearchParams, param_of

PARAMS = [
    {},
    {"q": 'trata "reparación civil" & más', "sort": "date", "limit": 20, "page": 3},
    {"q": "robo", "district": "Madre de Dios", "cursor": "abc", "year": 2019, "protected": True},
    {"court": "Sala Penal <b>", "kind": "sentencia_vista", "level": "corte_superior", "code": "ncpp",
     "early": "terminacion_anticipada", "outcome": "condena", "from": "2019-01-01", "to": "2020-12-31",
     "crime": "robo_agravado", "article": "153-A", "judge": "Pérez", "cites": "Casación 904-2019"},
]
VALUES = [("district", "Puno"), ("district", "Madre de Dios"), ("court", 'Juzgado "Penal" & Cía'),
          ("doc_kind", "sentencia"), ("procedural_code", "cdepp1940"), ("early_termination", "proceso_inmediato"),
          ("year", 2021), ("protected", True), ("protected", False), ("crime", "trata_de_personas"),
          ("article", "188"), ("judge", "Rocío Cárdenas Mallma"), ("district", "")]


@pytest.mark.parametrize("state", PARAMS)
@pytest.mark.parametrize("field, value", VALUES)
def test_facet_urls_are_the_urls_url_makes(state, field, value):
    params = SearchParams.model_validate(state)
    for base in ("/", "/facetas/x"):
        expected = params.url(base, **{param_of(field): value, "page": None, "cursor": None})
        assert params.facet_urls(base, field)(value) == expected


@pytest.mark.parametrize("first, then", [((1, "1"), (True, "sí")), ((True, "sí"), (1, "1")),
                                         ((0, "0"), (False, "no")), ((False, "no"), (0, "0"))])
def test_value_labels_keep_true_and_one_apart(tmp_path, first, then):
    """The labels are kept per value: True and 1 are equal in Python, not on the page."""
    label = make_templates(str(tmp_path)).env.filters["value_label"]
    for field in (None, "year"):
        assert [label(first[0], field), label(then[0], field)] == [first[1], then[1]]


def test_search_page_selects_the_filters_in_use_and_words_the_options(client):
    html = client.get("/", params={"level": "juzgado", "kind": "sentencia_vista"}).text
    selects = dict(re.findall(r'<select name="(\w+)">(.*?)</select>', html, flags=re.S))
    assert re.findall(r"<option [^>]*selected>[^<]*", selects["level"]) == ['<option value="juzgado" selected>juzgado']
    assert re.findall(r"<option [^>]*selected>[^<]*", selects["kind"]) == [
        '<option value="sentencia_vista" selected>sentencia vista']
    assert '<option value="terminacion_anticipada">terminación anticipada</option>' in selects["early"]
    assert " selected" not in selects["outcome"] and " selected" not in selects["code"]


def test_search_page_facets_link_each_value_with_its_label(client):
    html = client.get("/", params={"q": "sentencia", "page": 2}).text
    crime = html.split('id="faceta-crime"')[1].split("</section>")[0]
    assert re.search(r'<a href="/\?q=sentencia&amp;crime=trata_de_personas">[Tt]rata de personas</a> '
                     r'<span class="count">\d+</span>', crime)
    protected = html.split('id="faceta-protected"')[1].split("</section>")[0]
    assert '<a href="/?q=sentencia&amp;protected=false">no</a>' in protected


@pytest.mark.parametrize("cluster", [False, True])
def test_the_hot_pages_run_on_the_loop_for_the_embedded_index_and_in_a_thread_for_a_cluster(tmp_path, cluster):
    """The embedded index answers with the worker's own CPU: its pages run on the event loop,
    without the hop to a thread. A cluster's answer is awaited on the network: in a thread, so
    that the loop serves other requests meanwhile."""
    import asyncio
    import threading

    from expediente.web.config import WebSettings
    from expediente.web.state import AppState

    index = "http://127.0.0.1:9/expediente" if cluster else str(tmp_path / "index.sqlite")
    state = AppState(WebSettings(index=index, data_dir=tmp_path / "data"))

    async def main():
        return threading.current_thread(), await state.run(threading.current_thread)

    loop_thread, view_thread = asyncio.run(main())
    assert (view_thread is not loop_thread) == cluster
