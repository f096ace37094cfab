"""Word boxes kept at acquisition: a span of a page's clean text maps to rectangles where the
words lie on the page. Truth comes from elsewhere: pdfplumber's own character boxes of the
PDF that was typed (and, for OCR, rendered to an image)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extractors.acquire import acquire
from extractors.acquire.boxes import RawBoxes, _to_clean_any_order, to_clean, turn_rect, words_of
from extractors.acquire.cleanup import clean_document
from extractors.acquire.pdf import text_layer_boxes, unrotated_textpage
from tests.extractors.test_acquire import new_pdf, typed_pdf

TEXT = ("SENTENCIA\n\nExpediente N° 00347-2019-28-2111-JR-PE-01. El acusado Quispe fue "
        "condenado por el delito de robo agravado en agravio del Estado.")


def truth(pdf: Path, word: str) -> tuple[float, float, float, float]:
    """pdfplumber's box of ``word`` on page 1, as fractions of the page (origin top left)."""
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        found = page.search(word, regex=False)[0]
        return (found["x0"] / page.width, found["top"] / page.height,
                found["x1"] / page.width, found["bottom"] / page.height)


def union(rects):
    return (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects))


def test_a_span_inside_a_hyphen_joined_word_maps_to_both_halves():
    raw = "la inhabilita-\nción conforme"
    clean = clean_document([raw])[0]
    assert clean.text.startswith("la inhabilitación\nconforme")
    # a fake page: character i of the raw text is a 1%-wide box on line (number of newlines before it)
    def rect(i):
        line = raw[:i].count("\n")
        return (i / 100, line / 10, (i + 1) / 100, (line + 1) / 10)
    boxes = to_clean(RawBoxes(width=100, height=100, words=tuple(words_of(raw, rect))), clean.anchors,
                     len(clean.text))
    start = clean.text.index("inhabilitación")
    rects = boxes.rects(start + 8, start + 12)  # "taci": across the joint
    assert [round(r[1], 2) for r in rects] == [0.0, 0.1]  # the first line's half and the second's
    conforme = clean.text.index("conforme")
    assert boxes.rects(conforme, conforme + 8) == [(0.2, 0.1, 0.28, 0.2)]  # raw offsets 20-28, line 2


@pytest.mark.parametrize("word", ["00347-2019-28-2111-JR-PE-01.", "condenado", "Estado."])
def test_text_layer_boxes_lie_where_pdfplumber_sees_the_word(tmp_path, word):
    pdf = typed_pdf(tmp_path / "typed.pdf", [TEXT])
    page = acquire(pdf).pages[0]
    start = page.text.index(word)
    got = union(page.boxes.rects(start, start + len(word)))
    assert got == pytest.approx(truth(pdf, word), abs=0.01)


def test_ocr_boxes_lie_where_the_word_was_typed(tmp_path):
    pdf = typed_pdf(tmp_path / "typed.pdf", [TEXT])
    document = pdfium.PdfDocument(str(pdf))
    try:
        document[0].render(scale=200 / 72, grayscale=True).to_pil().save(tmp_path / "scan.png", dpi=(200, 200))
    finally:
        document.close()
    page = acquire(tmp_path / "scan.png").pages[0]
    assert page.method == "ocr" and page.boxes is not None
    for word in ("condenado", "agravado"):
        start = page.text.index(word)
        got = union(page.boxes.rects(start, start + len(word)))
        assert got == pytest.approx(truth(pdf, word), abs=0.01)


def turned_ccw(rect, degrees: float, aspect: float):
    """``rect`` (fractions of the page) on the page turned ``degrees`` counter-clockwise about its
    centre; ``aspect`` is height / width. The box around the four turned corners."""
    import math

    t = math.radians(degrees)
    xs, ys = [], []
    for x, y in ((rect[0], rect[1]), (rect[2], rect[1]), (rect[0], rect[3]), (rect[2], rect[3])):
        dx, dy = x - 0.5, (y - 0.5) * aspect
        xs.append(0.5 + dx * math.cos(t) + dy * math.sin(t))
        ys.append(0.5 + (-dx * math.sin(t) + dy * math.cos(t)) / aspect)
    return min(xs), min(ys), max(xs), max(ys)


def test_ocr_boxes_of_a_skewed_scan_lie_on_the_page_as_scanned(tmp_path):
    """Preprocessing straightens the scan before Tesseract reads it; the boxes are turned back,
    so they fit the page image as filed (what the web shows), not the straightened one."""
    pdf = typed_pdf(tmp_path / "typed.pdf", [TEXT + "\n" * 25 + "Firmado: el juez del juzgado penal."])
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    finally:
        document.close()
    image.rotate(2.5, fillcolor=255).save(tmp_path / "skewed.png", dpi=(200, 200))
    page = acquire(tmp_path / "skewed.png").pages[0]
    aspect = image.height / image.width
    for word in ("SENTENCIA", "Firmado:"):  # far from the centre, where a turn moves words most
        start = page.text.index(word)
        got = union(page.boxes.rects(start, start + len(word)))
        assert got == pytest.approx(turned_ccw(truth(pdf, word), 2.5, aspect), abs=0.006)


def per_character_boxes(page: pdfium.PdfPage, rotation: int) -> list:
    """The word boxes as they were first computed: one ``get_charbox`` per character, each
    word the union of its characters' boxes (``words_of``), on the page read unrotated."""
    left, bottom, right, top = page.get_bbox()
    width, height = right - left, top - bottom
    page.set_rotation(0)
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()

        def rect(i):
            x0, y0, x1, y1 = textpage.get_charbox(i)
            return turn_rect(((x0 - left) / width, (top - y1) / height, (x1 - left) / width,
                              (top - y0) / height), rotation)

        return words_of(text, rect)
    finally:
        textpage.close()
        page.set_rotation(rotation)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_word_boxes_asked_a_word_at_a_time_equal_the_union_of_character_boxes(tmp_path, rotation):
    """pdfium's rectangles of a word's character range are the union of its characters'
    boxes, also for a word typed in two text objects (two fonts) and on a turned page."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.multi_cell(0, 8, TEXT + " La inhabilita-\nción y el pago. " * 6)
    pdf.write(8, "Se CONFIR")
    pdf.set_font("helvetica", style="B", size=14)
    pdf.write(8, "MA la sentencia")
    pdf.output(str(tmp_path / "typed.pdf"))
    document = pdfium.PdfDocument(str(tmp_path / "typed.pdf"))
    try:
        page = document[0]
        page.set_rotation(rotation)
        expected = per_character_boxes(page, rotation)
        with unrotated_textpage(page) as (textpage, turned):
            text = textpage.get_text_range()
            got = text_layer_boxes(page, textpage, turned, text)
    finally:
        document.close()
    assert "CONFIRMA" in [text[start:end] for start, end, _ in got.words]  # across two text objects
    assert len(expected) > 40 and [w[:2] for w in got.words] == [w[:2] for w in expected]
    for (_, _, rect), (_, _, want) in zip(got.words, expected):
        assert rect == pytest.approx(want, abs=1e-9)


def test_clean_spans_equal_those_of_the_character_by_character_map():
    """Moving spans to the clean text by bisection gives what the per-character map gives,
    on pages whose cleanup joins hyphens, drops a running header and rewrites N°."""
    raws = [f"CORTE SUPERIOR DE JUSTICIA DE PUNO\nExpediente N° 0{n}12-2019\nel acusado inhabili-\n"
            f"tado por robo agra-\nvado; fi\ufb01nal.\nPágina {n} de 4" for n in range(1, 5)]
    cleans = clean_document(raws)
    for raw, clean in zip(raws, cleans):
        def rect(i, raw=raw):
            return (i / 1000, 0.1, (i + 1) / 1000, 0.2)
        boxes = RawBoxes(width=100, height=100, words=tuple(words_of(raw, rect)))
        assert to_clean(boxes, clean.anchors, len(clean.text)) == \
            _to_clean_any_order(boxes, clean.anchors, len(clean.text))
        assert len(clean.text) < len(raw)


def test_a_map_whose_raw_offsets_go_back_still_moves_every_word():
    """Clean text whose second half came first in the raw text (anchors not in order)."""
    boxes = RawBoxes(width=100, height=100, words=((0, 3, (0.1, 0.1, 0.2, 0.2)), (5, 8, (0.3, 0.3, 0.4, 0.4))))
    moved = to_clean(boxes, ((0, 5), (5, 0)), 10)
    assert [w[:2] for w in moved.word_boxes()] == [(5, 8), (0, 3)]
