"""Page images and evidence boxes: a generated born-digital PDF and a generated scan go
through acquisition and extraction (the ingest flow's own task), and a known fact, the case
number, maps to boxes that lie where its text is on the page: for the text layer as
pdfplumber sees it, for the scan as a separate Tesseract reading sees it."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2 as pdfium
import pytesseract
import pytest
from fastapi.testclient import TestClient
from PIL import Image

from samples import generate
from expediente.web import WebSettings, create_app
from expediente.web.keys import KeyStore
from extractors.acquire import acquire
from flows.ingest import extract_task
from schemas import FileType, PageMethod
from search import open_index
from tests.search.factory import make_record, victim

pytestmark = pytest.mark.slow  # OCR, spaCy and an index: about ten seconds


def union(rects):
    return (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """doc0001: a scan (OCR), doc0002: born digital (seed 3), ingested with originals kept,
    plus a hand-made protected record whose original is doc0002."""
    folder = tmp_path_factory.mktemp("images")
    generate(folder / "corpus", count=2, seed=3, scanned_ratio=0.5)
    records = {}
    for name in ("doc0001", "doc0002"):
        doc = acquire(folder / "corpus" / f"{name}.pdf")
        records[name] = extract_task.fn(doc)
    assert [p.method for p in acquire(folder / "corpus" / "doc0001.pdf").pages][:1] == [PageMethod.OCR]
    text = "La agraviada Nancy Huamán Quispe declaró en la audiencia."
    protected = make_record(text, key="protegida", parties=(victim("Nancy Huamán Quispe"),),
                            redactions=(("Nancy Huamán Quispe", "N.H.Q."),))
    protected = protected.model_copy(update={"path": str(folder / "corpus" / "doc0002.pdf"),
                                             "file_type": FileType.PDF, "page_count": 1})
    scan = folder / "escaneo.png"  # a one-page scan: Pillow renders it
    Image.new("L", (850, 1100), 255).save(scan)
    png = make_record("Página escaneada.", key="escaneo").model_copy(
        update={"path": str(scan), "file_type": FileType.PNG, "page_count": 1})
    records["escaneo"] = png
    index = folder / "index.sqlite"
    with open_index(str(index), originals=True) as idx:
        idx.upsert([*records.values(), protected])
    settings = WebSettings(index=str(index), data_dir=folder / "data", rate_burst=10_000)
    _, token = KeyStore(settings.keys_file).create("originals", label="prueba")
    with TestClient(create_app(settings)) as client:
        yield folder, records, protected, client, {"X-API-Key": token}


def case_span(record):
    ev = record.ruling.case_numbers[0].evidence[0]
    return ev, record.pages[ev.page - 1][ev.start:ev.end]


def test_the_case_number_of_a_born_digital_pdf_lies_where_pdfplumber_sees_it(corpus):
    folder, records, *_ = corpus
    record = records["doc0002"]
    ev, quote = case_span(record)
    got = union(record.page_boxes[ev.page - 1].rects(ev.start, ev.end))
    with pdfplumber.open(folder / "corpus" / "doc0002.pdf") as pdf:
        page = pdf.pages[ev.page - 1]
        found = page.search(quote, regex=False)[0]
        want = (found["x0"] / page.width, found["top"] / page.height,
                found["x1"] / page.width, found["bottom"] / page.height)
    assert got == pytest.approx(want, abs=0.01)


def test_the_case_number_of_a_scan_lies_where_tesseract_reads_it(corpus):
    folder, records, *_ = corpus
    record = records["doc0001"]
    ev, quote = case_span(record)
    got = union(record.page_boxes[ev.page - 1].rects(ev.start, ev.end))
    pdf = pdfium.PdfDocument(str(folder / "corpus" / "doc0001.pdf"))
    try:
        image = pdf[ev.page - 1].render(scale=150 / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    data = pytesseract.image_to_data(image, lang="spa", output_type=pytesseract.Output.DICT)
    digits = quote.split("-")[0]  # the case number's first group, e.g. 02891
    hits = [i for i, word in enumerate(data["text"]) if digits in word]
    assert hits, f"Tesseract no leyó {digits!r}"
    i = hits[0]
    want = (data["left"][i] / image.width, data["top"][i] / image.height)
    assert got[:2] == pytest.approx(want, abs=0.015)


def test_the_page_view_draws_the_span_boxes_over_the_image(corpus):
    _, records, _, client, key = corpus
    record = records["doc0002"]
    ev, _ = case_span(record)
    data = client.get(f"/api/v1/rulings/{record.id}/pages/{ev.page}?start={ev.start}&end={ev.end}",
                      headers=key).json()
    assert data["boxes"] and data["image"] == f"/api/v1/rulings/{record.id}/pages/{ev.page}/image"
    html = client.get(f"/resoluciones/{record.id}/paginas/{ev.page}?start={ev.start}&end={ev.end}", headers=key).text
    assert html.count('class="evidence-box"') == len(data["boxes"])
    assert f'src="/resoluciones/{record.id}/paginas/{ev.page}/imagen"' in html
    for url in (data["image"], f"/resoluciones/{record.id}/paginas/{ev.page}/imagen?width=600"):
        response = client.get(url, headers=key)
        assert response.status_code == 200 and response.headers["content-type"] == "image/png"
        image = Image.open(io.BytesIO(response.content))
        assert image.width in (600, 1000) and image.height > image.width  # a portrait page


def test_a_ruling_with_protected_names_shows_its_image_only_to_originals(corpus):
    _, _, protected, client, key = corpus
    anonymous = client.get(f"/api/v1/rulings/{protected.id}/pages/1").json()
    assert anonymous["image"] is None and "originals" in anonymous["image_note"]
    assert client.get(f"/api/v1/rulings/{protected.id}/pages/1/image").status_code == 403
    assert client.get(f"/resoluciones/{protected.id}/paginas/1/imagen").status_code == 403
    page = client.get(f"/resoluciones/{protected.id}/paginas/1").text
    assert "solo el" in page and "<img" not in page
    assert client.get(f"/api/v1/rulings/{protected.id}/pages/1/image", headers=key).status_code == 200


def test_a_missing_original_is_said(corpus):
    folder, records, _, client, key = corpus
    record = records["doc0002"]
    moved = folder / "corpus" / "doc0002.pdf"
    moved.rename(moved.with_suffix(".bak"))
    try:
        data = client.get(f"/api/v1/rulings/{record.id}/pages/1", headers=key).json()
        assert data["image"] is None and "ya no está" in data["image_note"]
        response = client.get(f"/api/v1/rulings/{record.id}/pages/1/image", headers=key)
        assert response.status_code == 404 and "ya no está" in response.json()["error"]["message"]
    finally:
        moved.with_suffix(".bak").rename(moved)


@pytest.mark.parametrize("page", [0, 99])
def test_pages_outside_the_file_are_refused(corpus, page):
    _, records, _, client, key = corpus
    response = client.get(f"/api/v1/rulings/{records['doc0002'].id}/pages/{page}/image", headers=key)
    assert response.status_code in (404, 422)


def test_a_scan_is_rendered_by_pillow_at_the_width_asked(corpus):
    _, records, _, client, _ = corpus
    response = client.get(f"/api/v1/rulings/{records['escaneo'].id}/pages/1/image?width=425")
    assert response.status_code == 200  # no protected names: anonymous readers see it too
    assert Image.open(io.BytesIO(response.content)).size == (425, 550)
