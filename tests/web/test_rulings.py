"""A ruling read with its evidence: facts, quoted spans, marked pages, precedent, downloads."""

from __future__ import annotations

import html as html_lib
import re

from tests.web.conftest import penalty_record

RID = penalty_record().id


def test_ruling_json_has_the_record_and_every_fact_with_its_quoted_evidence(client):
    data = client.get(f"/api/v1/rulings/{RID}").json()
    assert data["id"] == RID and "pages" not in data["record"]
    record = client.get(f"/api/v1/rulings/{RID}/record.json").json()
    quoted = [(f["label"], e) for f in data["facts"] for e in f["evidence"]]
    assert len(quoted) == 4
    for label, e in quoted:
        assert e["quote"] == record["pages"][e["page"] - 1][e["start"]:e["end"]] != "", label
    penalty = next(f for f in data["facts"] if f["section"] == "Penas")
    assert penalty["value"].startswith("12 años y 8 meses de pena privativa de libertad efectiva")
    assert "S/ 10,000.00" in penalty["value"]
    assert penalty["evidence"][0]["quote"] == "DOCE AÑOS Y OCHO MESES"


def test_ruling_page_reads_as_a_lawyer_reads_it(client):
    page = client.get(f"/resoluciones/{RID}").text
    for text in ("00456-2019-0-2101-JR-PE-02", "11 de marzo de 2022", "Juan Pérez Soto", "153-A",
                 "12 años y 8 meses", "S/ 10,000.00", "3 de mayo de 2019", "Casación N.° 904-2019/Puno",
                 "Hitos procesales", "Resoluciones parecidas", "La citan"):
        assert html_lib.escape(text, quote=False) in page, text
    assert "12.66" not in page
    assert f'href="/api/v1/rulings/{RID}"' in page  # its JSON twin


def test_each_evidence_link_opens_the_page_with_exactly_that_span_marked(client):
    data = client.get(f"/api/v1/rulings/{RID}").json()
    page = client.get(f"/resoluciones/{RID}").text
    links = [html_lib.unescape(u) for u in re.findall(r'class="evidence" href="([^"]+)"', page)]
    assert links == [e["url"] for f in data["facts"] for e in f["evidence"]]
    for f in data["facts"]:
        for e in f["evidence"]:
            marked = client.get(e["url"]).text
            assert f'<mark id="marca">{html_lib.escape(e["quote"])}</mark>' in marked
            twin = client.get(f"/api/v1/rulings/{RID}/pages/{e['page']}",
                              params={"start": e["start"], "end": e["end"]}).json()
            assert twin["quote"] == e["quote"]


def test_a_span_past_the_end_of_the_page_is_clamped(client):
    twin = client.get(f"/api/v1/rulings/{RID}/pages/1", params={"start": 5, "end": 999_999}).json()
    assert twin["end"] == len(twin["text"]) and twin["quote"] == twin["text"][5:]


def test_unknown_ruling_and_page_are_404_in_spanish(client):
    response = client.get("/api/v1/rulings/0000000000000000")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found",
                                         "message": "No hay ninguna resolución con id 0000000000000000 en el índice."}}
    assert client.get("/resoluciones/0000000000000000").status_code == 404
    assert client.get("/api/v1/rulings/0000000000000000/precedent").json()["error"]["code"] == "not_found"
    page = client.get(f"/api/v1/rulings/{RID}/pages/9")
    assert page.status_code == 404 and "tiene 2" in page.json()["error"]["message"]


def test_the_ruling_page_reads_its_record_once(client, monkeypatch):
    """The page reads the ruling once for its facts; the precedent panel does not read it
    again to find out that it exists (the library's own calls read what they read)."""
    from search import SearchQuery

    index = client.app.state.web.index()
    reads = []

    def get(id):
        reads.append(id)
        return type(index).get(index, id)

    monkeypatch.setattr(index, "get", get)
    index.more_like_this(RID, SearchQuery(limit=10, snippets=False))
    index.citing(RID, SearchQuery(limit=10, sort="date", snippets=False))
    index.cites(RID)
    by_the_library = len(reads)
    reads.clear()
    assert "Juan Pérez Soto" in client.get(f"/resoluciones/{RID}").text
    assert len(reads) == by_the_library + 1


def test_precedent_lists_similar_citing_and_cited(client):
    data = client.get(f"/api/v1/rulings/{RID}/precedent", params={"limit": 5}).json()
    assert RID not in [h["id"] for h in data["similar"]["hits"]]
    assert data["similar"]["total"] > 0
    assert [c["normalized"] for c in data["cites"]] == ["casacion 904-2019"]


def test_record_download_is_an_attachment_with_the_pages(client):
    response = client.get(f"/api/v1/rulings/{RID}/record.json")
    assert response.headers["content-disposition"] == f'attachment; filename="{RID}.json"'
    assert len(response.json()["pages"]) == 2
