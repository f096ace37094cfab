"""acquire(): every input is built here (fpdf2, Pillow, pypdfium2); OCR is real Tesseract."""

from __future__ import annotations

import hashlib
import struct
import zipfile
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from PIL import Image

from extractors.acquire import TextLayerMode, acquire
from extractors.acquire.decide import text_layer_problem
from extractors.acquire.language import detect_language, document_language
from extractors.acquire.ocr import mean_word_confidence, run_tesseract
from schemas import FileType, OcrError, PageMethod, Reason, UnreadableDocument

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SCAN_DPI = 150  # enough for Tesseract on 14-pt text, and fast

TYPED = [
    "CORTE SUPERIOR DE JUSTICIA DE PUNO\nSALA PENAL DE APELACIONES\n\n"
    "SENTENCIA DE VISTA N° 41-2022\n\n"
    "VISTOS Y OÍDOS: en audiencia pública de apelación, los recursos interpuestos por los "
    "sentenciados contra la sentencia que los condenó como coautores del delito de explotación "
    "sexual, en agravio de la persona de iniciales S.M.H.Ch.",
    "CONSIDERANDO: que la prueba de cargo es suficiente y que la declaración de la agraviada "
    "es coherente, persistente y se encuentra corroborada por la pericia psicológica y por "
    "el acta de intervención policial levantada en el local.",
    "RESUELVE: CONFIRMAR la sentencia de primera instancia que impuso doce años de pena "
    "privativa de libertad y fijó la reparación civil en quince mil soles. Notifíquese.",
]
SCANNED = [
    "SENTENCIA DE VISTA\n\nJuliaca, veinticuatro de marzo de dos mil veintidós.\n\n"
    "VISTOS: el recurso de apelación interpuesto por la defensa del sentenciado contra la "
    "sentencia que fijó la reparación civil en quince mil soles.",
    "AUTO DE TERMINACIÓN ANTICIPADA\n\nPuerto Maldonado, doce de junio del año dos mil "
    "catorce.\n\nVISTOS: el acuerdo celebrado entre el Ministerio Público y los investigados "
    "por el delito de minería ilegal en la Reserva Nacional Tambopata.",
]


# --- builders ---------------------------------------------------------------------------

def new_pdf(**kwargs) -> FPDF:
    pdf = FPDF(**kwargs)
    if FONT.exists():
        pdf.add_font("dejavu", fname=str(FONT))
        pdf.set_font("dejavu", size=14)
    else:
        pdf.set_font("helvetica", size=14)
    return pdf


def typed_pdf(path: Path, pages: list[str], *, footer: bool = False) -> Path:
    pdf = new_pdf()
    for number, text in enumerate(pages, start=1):
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
        if footer:
            pdf.text(pdf.w / 2 - 15, pdf.h - 15, f"Página {number} de {len(pages)}")
    pdf.output(str(path))
    return path


def scan(text: str, *, dpi: int = SCAN_DPI) -> Image.Image:
    """A 'scanned' page: the text typeset by fpdf2, rasterised in grey by pdfium."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.multi_cell(0, 8, text)
    document = pdfium.PdfDocument(bytes(pdf.output()))
    try:
        return document[0].render(scale=dpi / 72, grayscale=True).to_pil().copy()
    finally:
        document.close()


def image_pdf(path: Path, pages: list[str | Image.Image], *, header: str | None = None) -> Path:
    """Each page is typed text (str) or a full-page scan (Image), optionally with a typed header."""
    pdf = new_pdf()
    for page in pages:
        pdf.add_page()
        if isinstance(page, str):
            pdf.multi_cell(0, 8, page)
            continue
        pdf.image(page, x=0, y=0, w=pdf.w, h=pdf.h)
        if header:
            pdf.set_xy(10, 4)
            pdf.cell(0, 6, header)
    pdf.output(str(path))
    return path


def zero_page_pdf(path: Path) -> Path:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def png_header_only(path: Path, side: int) -> Path:
    """A PNG that declares side × side pixels: the shape of a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
    return path


@pytest.fixture(scope="module")
def scans() -> list[Image.Image]:
    return [scan(text) for text in SCANNED]


def words(text: str) -> str:
    return " ".join(text.lower().split())


# --- born-digital -----------------------------------------------------------------------

def test_born_digital_pdf_uses_the_text_layer(tmp_path):
    path = typed_pdf(tmp_path / "sentencia.pdf", TYPED, footer=True)
    doc = acquire(path)
    assert doc.file_type is FileType.PDF
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.page_count == len(doc.pages) == 3
    assert [p.method for p in doc.pages] == [PageMethod.TEXT_LAYER] * 3
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert all(p.ocr_confidence is None and p.error is None and p.seconds >= 0 for p in doc.pages)
    assert doc.language == "es" and [p.language for p in doc.pages] == ["es"] * 3
    assert "SENTENCIA DE VISTA N.° 41-2022" in doc.pages[0].text  # N° normalised
    assert "Página" not in doc.text  # page-number footers removed
    assert "\f" not in doc.pages[0].text and doc.text.count("\f") == 2


def test_line_end_hyphen_in_a_text_layer_is_joined(tmp_path):
    pdf = new_pdf()
    pdf.add_page()
    pdf.text(20, 20, "fijó en quince mil soles la repa-")
    pdf.text(20, 28, "ración civil que deberán pagar en forma solidaria los sentenciados.")
    pdf.output(str(tmp_path / "guion.pdf"))
    doc = acquire(tmp_path / "guion.pdf", text_layer=TextLayerMode.USE)
    assert "la reparación" in doc.pages[0].text


def test_a_rotated_page_keeps_its_reading_order(tmp_path):
    typed = pdfium.PdfDocument(str(typed_pdf(tmp_path / "vertical.pdf", TYPED[:1])))
    typed[0].set_rotation(90)
    typed.save(str(tmp_path / "girada.pdf"))
    typed.close()
    doc = acquire(tmp_path / "girada.pdf")
    assert doc.pages[0].text.startswith("CORTE SUPERIOR DE JUSTICIA DE PUNO\nSALA PENAL")


def test_pdf_with_an_empty_user_password_opens(tmp_path):
    pdf = new_pdf()
    pdf.set_encryption(owner_password="dueño", user_password="")
    pdf.add_page()
    pdf.multi_cell(0, 8, TYPED[0])
    pdf.output(str(tmp_path / "permisos.pdf"))
    doc = acquire(tmp_path / "permisos.pdf")
    assert doc.pages[0].method is PageMethod.TEXT_LAYER and "SENTENCIA" in doc.pages[0].text


# --- OCR --------------------------------------------------------------------------------

@pytest.mark.slow
def test_image_only_pdf_is_ocrd_page_by_page(tmp_path, scans):
    doc = acquire(image_pdf(tmp_path / "escaneo.pdf", scans), dpi=SCAN_DPI)
    assert [p.method for p in doc.pages] == [PageMethod.OCR, PageMethod.OCR]
    assert all(p.ocr_confidence is not None and p.ocr_confidence > 60 for p in doc.pages)
    first, second = words(doc.pages[0].text), words(doc.pages[1].text)
    for word in ("sentencia de vista", "juliaca", "apelación", "reparación civil"):
        assert word in first
    for word in ("terminación anticipada", "tambopata", "ministerio público"):
        assert word in second
    assert doc.language == "es" and all(p.language == "es" for p in doc.pages)
    assert all(p.seconds > 0 for p in doc.pages)


@pytest.mark.slow
def test_mixed_pdf_decides_per_page_and_a_typed_header_does_not_hide_a_scan(tmp_path, scans):
    path = image_pdf(tmp_path / "mixto.pdf", [TYPED[0], scans[0], scans[1]],
                     header="CORTE SUPERIOR DE JUSTICIA - copia certificada")
    doc = acquire(path, dpi=SCAN_DPI)
    assert [p.method for p in doc.pages] == [PageMethod.TEXT_LAYER, PageMethod.OCR, PageMethod.OCR]
    assert doc.pages[0].ocr_confidence is None
    assert "juliaca" in words(doc.pages[1].text)
    assert "tambopata" in words(doc.pages[2].text)  # the scan under the typed header was read
    assert any(w.startswith("página 3: imagen que cubre") for w in doc.warnings)


@pytest.mark.slow
def test_forced_modes(tmp_path, scans):
    mixed = image_pdf(tmp_path / "mixto.pdf", [TYPED[0], scans[0]])
    used = acquire(mixed, text_layer=TextLayerMode.USE)
    assert [p.method for p in used.pages] == [PageMethod.TEXT_LAYER] * 2
    assert used.pages[1].text == ""
    assert any("página 2" in w and "USE" in w for w in used.warnings)

    typed = typed_pdf(tmp_path / "digital.pdf", TYPED[:1])
    ocrd = acquire(typed, text_layer="ocr", dpi=SCAN_DPI)
    assert ocrd.pages[0].method is PageMethod.OCR and ocrd.pages[0].ocr_confidence > 60
    assert "sentencia de vista" in words(ocrd.pages[0].text)


@pytest.mark.slow
def test_multipage_tiff_and_png(tmp_path, scans):
    tiff = tmp_path / "expediente.tif"
    scans[0].copy().save(tiff, save_all=True, append_images=[scans[1].copy()],
                         dpi=(SCAN_DPI, SCAN_DPI), compression="tiff_deflate")
    doc = acquire(tiff)
    assert doc.file_type is FileType.TIFF and doc.page_count == 2
    assert [p.method for p in doc.pages] == [PageMethod.OCR] * 2
    assert "juliaca" in words(doc.pages[0].text) and "tambopata" in words(doc.pages[1].text)

    png = tmp_path / "hoja.png"
    scans[1].save(png, dpi=(SCAN_DPI, SCAN_DPI))
    doc = acquire(png)
    assert doc.file_type is FileType.PNG and doc.pages[0].ocr_confidence > 60
    assert "tambopata" in words(doc.pages[0].text)


@pytest.mark.slow
def test_bilevel_group4_tiff_is_read(tmp_path, scans):
    """Fax-style scans: Group 4 compression must not follow the page into OCR."""
    tiff = tmp_path / "fax.tif"
    bilevel = [s.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1") for s in scans[:2]]
    bilevel[0].save(tiff, save_all=True, append_images=bilevel[1:], dpi=(SCAN_DPI, SCAN_DPI),
                    compression="group4")
    doc = acquire(tiff)
    assert [p.method for p in doc.pages] == [PageMethod.OCR] * 2, [p.error for p in doc.pages]
    assert "juliaca" in words(doc.pages[0].text) and "tambopata" in words(doc.pages[1].text)


@pytest.mark.slow
def test_jpeg_exif_orientation_is_applied(tmp_path, scans):
    stored = scans[0].rotate(90, expand=True)  # the camera kept it sideways ...
    exif = Image.Exif()
    exif[0x0112] = 6  # ... and recorded "rotate 90° clockwise to display"
    path = tmp_path / "foto.jpg"
    stored.save(path, exif=exif.tobytes(), dpi=(SCAN_DPI, SCAN_DPI), quality=90)
    doc = acquire(path)
    assert doc.file_type is FileType.JPEG and doc.pages[0].method is PageMethod.OCR
    assert "juliaca" in words(doc.pages[0].text) and doc.pages[0].ocr_confidence > 60


@pytest.mark.slow
def test_a_page_that_cannot_be_decoded_is_returned_with_an_error(tmp_path, scans):
    whole = tmp_path / "entero.tif"
    scans[0].copy().save(whole, save_all=True, append_images=[scans[1].copy()],
                         dpi=(SCAN_DPI, SCAN_DPI))
    cut = tmp_path / "cortado.tif"
    cut.write_bytes(whole.read_bytes()[:-1000])  # the end of the second frame is missing
    doc = acquire(cut)
    assert doc.page_count == 2
    assert doc.pages[0].method is PageMethod.OCR and "juliaca" in words(doc.pages[0].text)
    assert doc.pages[1].method is PageMethod.NONE and doc.pages[1].text == ""
    assert "truncated" in doc.pages[1].error


def test_tesseract_failure_is_an_ocr_error(tmp_path):
    bad = tmp_path / "no-es-imagen.png"
    bad.write_bytes(b"esto no es una imagen")
    with pytest.raises(OcrError) as excinfo:
        run_tesseract(bad)
    assert excinfo.value.reason is Reason.OCR_FAILED and excinfo.value.retryable


def test_mean_word_confidence_reads_level_5_rows_with_conf_at_least_0():
    columns = "level page_num block_num par_num line_num word_num left top width height conf text"
    tsv = (columns.replace(" ", "\t") + "\n"
           "1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t0\t0\t5\t5\t90\tSala\n"
           "5\t1\t1\t1\t1\t2\t0\t0\t5\t5\t70\tPenal\n"
           "5\t1\t1\t1\t1\t3\t0\t0\t5\t5\t-1\t\n")
    assert mean_word_confidence(tsv) == 80.0
    assert mean_word_confidence(tsv.splitlines()[0]) is None


# --- plain text -------------------------------------------------------------------------

def test_text_file_pages_split_on_form_feeds(tmp_path):
    header = "Corte Superior de Justicia de Puno – Sala Penal de Apelaciones"
    pages = [f"{header}\n\n{TYPED[i]}\n\nPágina {i + 1} de 3\n" for i in range(3)]
    path = tmp_path / "w.txt"
    path.write_text("\f".join(pages) + "\f", encoding="utf-8")
    doc = acquire(path)
    assert doc.file_type is FileType.TEXT and doc.page_count == 3
    assert [p.method for p in doc.pages] == [PageMethod.TEXT_LAYER] * 3
    assert doc.pages[0].text.startswith(header)  # the running header is kept once
    assert header not in doc.pages[1].text and "Página" not in doc.text
    assert doc.language == "es"


CORPUS = Path("/work/shared/corpus/wild/w04.txt")


@pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present")
def test_dev_corpus_document_runs_through():
    doc = acquire(CORPUS)
    assert doc.page_count == 5 and doc.language == "es"
    assert "inhabilitación" in doc.text and "Página 1 de 5" not in doc.text


# --- documents that cannot be opened ----------------------------------------------------

def encrypted_pdf(path: Path) -> Path:
    pdf = new_pdf()
    pdf.set_encryption(owner_password="dueño", user_password="secreto")
    pdf.add_page()
    pdf.multi_cell(0, 8, TYPED[0])
    pdf.output(str(path))
    return path


def truncated_pdf(path: Path) -> Path:
    whole = typed_pdf(path.with_name("entero.pdf"), TYPED)
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    return path


def giant_page_pdf(path: Path) -> Path:
    pdf = new_pdf(format=(6000, 6000))  # millimetres: 6 m a side
    pdf.add_page()
    pdf.text(20, 20, "hola")
    pdf.output(str(path))
    return path


def zip_file(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


BAD_INPUTS = [
    # (file name, builder, reason, words the message must contain)
    ("vacio.pdf", lambda p: p.write_bytes(b""), Reason.EMPTY, "vacío"),
    ("texto.pdf", lambda p: p.write_text("SENTENCIA DE VISTA\n", encoding="utf-8"),
     Reason.CORRUPT, "no es un PDF"),
    ("pagina.pdf", lambda p: p.write_text("<!DOCTYPE html><html>Error 404</html>"),
     Reason.CORRUPT, "HTML"),
    ("truncado.pdf", truncated_pdf, Reason.CORRUPT, "dañado o truncado"),
    ("cifrado.pdf", encrypted_pdf, Reason.ENCRYPTED, "qpdf --decrypt"),
    ("sin-paginas.pdf", zero_page_pdf, Reason.NO_PAGES, "no tiene páginas"),
    ("gigante.pdf", giant_page_pdf, Reason.TOO_LARGE, "6.0 × 6.0 m"),
    ("bomba.png", lambda p: png_header_only(p, 40_000), Reason.TOO_LARGE, "descompresión"),
    ("casi-bomba.png", lambda p: png_header_only(p, 10_000), Reason.TOO_LARGE, "descompresión"),
    ("cortada.png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
     Reason.CORRUPT, "imagen"),
    ("escrito.docx", zip_file, Reason.UNSUPPORTED_TYPE, "ZIP u Office"),
    ("notas.md", lambda p: p.write_text("# notas\n"), Reason.UNSUPPORTED_TYPE, "no admitido"),
    ("latin1.txt", lambda p: p.write_bytes("señor".encode("latin-1")), Reason.CORRUPT, "UTF-8"),
    ("blanco.txt", lambda p: p.write_text(" \n\f \n"), Reason.EMPTY, "no contiene texto"),
    ("no-existe.pdf", lambda p: None, Reason.NOT_FOUND, "no existe"),
    ("carpeta.pdf", lambda p: p.mkdir(), Reason.NOT_FOUND, "no es un archivo"),
]


@pytest.mark.parametrize(("name", "build", "reason", "says"), BAD_INPUTS,
                         ids=[row[0] for row in BAD_INPUTS])
def test_unreadable_documents_raise_one_typed_error(tmp_path, name, build, reason, says):
    path = tmp_path / name
    build(path)
    with pytest.raises(UnreadableDocument) as excinfo:
        acquire(path)
    error = excinfo.value
    assert error.reason is reason
    assert error.path == str(path) and str(path) in str(error)
    assert says in error.message
    assert error.exit_code == 3 and not error.retryable


def test_third_party_errors_are_chained(tmp_path):
    with pytest.raises(UnreadableDocument) as excinfo:
        acquire(encrypted_pdf(tmp_path / "cifrado.pdf"))
    assert isinstance(excinfo.value.__cause__, pdfium.PdfiumError)


def test_too_many_pages(tmp_path):
    with pytest.raises(UnreadableDocument) as excinfo:
        acquire(typed_pdf(tmp_path / "largo.pdf", TYPED), max_pages=2)
    assert excinfo.value.reason is Reason.TOO_LARGE and "max_pages" in excinfo.value.message


def test_magic_bytes_win_over_the_extension(tmp_path):
    path = typed_pdf(tmp_path / "sentencia.png", TYPED[:1])
    doc = acquire(path)
    assert doc.file_type is FileType.PDF and doc.pages[0].method is PageMethod.TEXT_LAYER
    assert any("no coincide" in w for w in doc.warnings)


@pytest.mark.parametrize("options", [{"dpi": 10}, {"ocr_workers": 0}, {"max_pages": 0},
                                     {"text_layer": "siempre"}])
def test_bad_options_are_value_errors(tmp_path, options):
    with pytest.raises(ValueError):
        acquire(typed_pdf(tmp_path / "a.pdf", TYPED[:1]), **options)


# --- decisions and language -------------------------------------------------------------

SPANISH = ("que la prueba de cargo es suficiente y que la declaración de la agraviada es "
           "coherente, persistente y se encuentra corroborada por la pericia de parte")


@pytest.mark.parametrize(("text", "problem"), [
    (SPANISH, None),
    ("CORTE SUPERIOR DE JUSTICIA", None),  # short, but real text
    ("", "sin capa de texto"),
    ("   \n  ", "sin capa de texto"),
    ("(cid:12)(cid:34)(cid:56) " * 5 + SPANISH, "cid:NN"),
    ("\ufffd\ufffd\ufffd\ufffd " * 10 + SPANISH, "ilegibles"),
    ("§¶©®±µ¤¦¨¬ " * 20, "letras y cifras"),
    ("Wkh vdod shqdo ghfodud ixqgdgd od dshodflrq sru od ghihqvd gho vhqwhqfldgr "
     "hq hvwh surfhvr shqdo frpxq txh vljxh hq vx frqwud", "no parece español"),
    ("inhabilita\ufffeción conforme al artículo 36 del Código Penal " * 3, None),
])
def test_text_layer_problem(text, problem):
    found = text_layer_problem(text)
    assert (found is None) if problem is None else (problem in found)


@pytest.mark.parametrize(("text", "language"), [
    (SPANISH, "es"),
    ("The court of appeal dismissed the appeal and confirmed the sentence of the lower court.",
     "en"),
    ("Sala Penal", None),  # too little text to tell
    ("", None),
])
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_document_language_is_the_language_of_most_text():
    pages = [(SPANISH * 3, "es"), ("short English text", "en"), ("", None)]
    assert document_language(pages) == "es"
    assert document_language([("", None)]) is None
