"""Real records: generated text rulings, read and extracted as ingestion does, served by
the web app. Every fact's evidence must quote the page it points to, and penalties read in
years and months."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from fastapi.testclient import TestClient

from samples import generate
from expediente.web import WebSettings, create_app
from extractors.acquire import acquire
from flows.ingest import extract_task
from search import open_index


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real")
    docs = generate(folder / "corpus", count=6, seed=11, text_only=True)
    records = [extract_task.fn(acquire(d.path)) for d in docs]
    location = str(folder / "index.sqlite")
    with open_index(location) as idx:
        idx.upsert(records)
    app = create_app(WebSettings(index=location, data_dir=folder / "data", rate_burst=10_000))
    with TestClient(app) as client:
        yield client, records


def test_every_fact_quotes_its_page_and_links_to_the_marked_span(served):
    client, records = served
    checked = 0
    for record in records:
        data = client.get(f"/api/v1/rulings/{record.id}").json()
        stored = client.get(f"/api/v1/rulings/{record.id}/record.json").json()["pages"]
        page = client.get(f"/resoluciones/{record.id}").text
        evidence = [e for f in data["facts"] for e in f["evidence"]]
        assert evidence, record.path
        for e in evidence:
            assert e["quote"] == stored[e["page"] - 1][e["start"]:e["end"]] and e["quote"].strip()
        links = [html_lib.unescape(u) for u in re.findall(r'class="evidence" href="([^"]+)"', page)]
        assert links == [e["url"] for e in evidence if e["url"]]
        for e in evidence[:3]:
            marked = client.get(e["url"]).text
            assert f'<mark id="marca">{html_lib.escape(e["quote"])}</mark>' in marked
        checked += len(evidence)
    assert checked > 30


def test_penalties_read_in_years_and_months(served):
    client, records = served
    penalties = [(r, p) for r in records for p in r.ruling.penalties if p.prison_years is not None]
    assert penalties, "the sample should hold at least one prison sentence"
    for record, p in penalties:
        facts = client.get(f"/api/v1/rulings/{record.id}").json()["facts"]
        values = [f["value"] for f in facts if f["section"] == "Penas"]
        assert any(re.match(r"\d+ años?( y \d+ mes(es)?)?|\d+ mes(es)? de pena", v) for v in values), values
        assert not any(re.search(r"\d\.\d", v.split("S/")[0]) for v in values), values
