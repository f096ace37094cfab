"""Rendering: born-digital PDF (fpdf2, A4, core fonts) and degraded scans (pypdfium2 + numpy).

Scans are the PDF rendered at 300 dpi in grey, then degraded the way photocopied court
files are: uneven paper and ink tone, gaussian noise, a slight skew (up to 1.5°) and a few
speckles; saved as an image-only PDF (grey JPEG or bilevel CCITT G4), a multi-page G4 TIFF,
or a bilevel PNG for one-page documents. Degradation stays moderate so Tesseract ``spa``
still reads the text well.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from fpdf import FPDF
from fpdf.fonts import CORE_FONTS_CHARWIDTHS
from PIL import Image, ImageFilter

from samples.layout import Geometry, Line

PAGE_W, PAGE_H = 210.0, 297.0
PT = 25.4 / 72  # mm per point
SCAN_DPI = 300

# style -> (font variant, size factor, alignment)
STYLES = {
    "title": ("B", 1.0, "C"), "center": ("", 1.0, "C"), "head": ("B", 1.0, "L"),
    "para": ("", 1.0, "L"), "line": ("", 1.0, "L"), "small": ("", 0.85, "L"),
    "sign": ("B", 1.0, "C"), "rule": ("", 1.0, "L"), "blank": ("", 1.0, "L"),
    "header": ("I", 0.8, "C"), "footer": ("", 0.8, "C"), "stamp": ("", 0.7, "L"),
    "sigstamp": ("", 0.7, "L"),  # a digital-signature stamp where the page has it (stamps.py)
}


@dataclass(frozen=True)
class PdfStyle:
    family: str  # helvetica, times, courier
    size: float
    left: float
    right: float
    top: float
    bottom: float
    leading: float  # line height as a multiple of the font size

    @property
    def line_h(self) -> float:
        return self.size * self.leading * PT

    @property
    def usable_w(self) -> float:
        return PAGE_W - self.left - self.right


def draw_style(rng: random.Random, *, compact: bool = False) -> PdfStyle:
    """Font, size and margins of one document; ``compact`` for one-page scans."""
    family = rng.choices(("helvetica", "times", "courier"), weights=(55, 35, 10))[0]
    size = rng.choice((9.5, 10.0, 10.5)) if family == "courier" else rng.choice((10.0, 10.5, 11.0, 11.5))
    if compact:
        return PdfStyle("times" if family == "courier" else family, 9.5, 18.0, 16.0, 16.0, 18.0, 1.25)
    return PdfStyle(family, size, left=rng.choice((20.0, 25.0, 30.0)), right=rng.choice((18.0, 20.0, 25.0)),
                    top=rng.choice((18.0, 22.0)), bottom=rng.choice((20.0, 24.0)),
                    leading=rng.choice((1.3, 1.4, 1.5)))


def _font_key(family: str, variant: str) -> str:
    return family + variant


def geometry(style: PdfStyle) -> Geometry:
    caches: dict[str, dict[str, float]] = {}

    def width(text: str, block_style: str) -> float:
        variant, factor, _ = STYLES.get(block_style, STYLES["para"])
        key = _font_key(style.family, variant)
        cache = caches.setdefault(f"{key}{factor}", {})
        w = cache.get(text)
        if w is None:
            cw = CORE_FONTS_CHARWIDTHS[key]
            w = sum(cw.get(ch, 600) for ch in text) * style.size * factor / 1000 * PT
            if len(text) < 40:
                cache[text] = w
        return w

    body_h = PAGE_H - style.top - style.bottom - 12.0  # room for header and footer
    return Geometry(width=width, max_width=style.usable_w, lines_per_page=int(body_h // style.line_h))


# Header-table rows ("LABEL<spaces>: value") and their continuation lines, drawn in two
# aligned columns as a word processor would; the text of the line is printed unchanged.
TABLE_ROW = re.compile(r"^(\S.*?)( {2,})(: .*)$")
TABLE_CONTINUATION = re.compile(r"^( {6,})(\S.*)$")


def _value_column(pages: list[list[Line]], geo: Geometry) -> float:
    labels = [m.group(1) for page in pages for ln in page
              if ln.style == "line" and (m := TABLE_ROW.match(ln.text))]
    return max((geo.width(label, "line") for label in labels), default=0.0) + 4.0


def _fit(pdf: FPDF, text: str, width: float) -> None:
    """Shrink the current font until ``text`` fits in ``width`` (long table values)."""
    while pdf.get_string_width(text) > width and pdf.font_size_pt > 6:
        pdf.set_font_size(pdf.font_size_pt - 0.5)


def _draw_line(pdf: FPDF, line: Line, x: float, y: float, w: float, h: float, align: str,
               column: float) -> None:
    if line.style == "line":
        if m := TABLE_ROW.match(line.text):
            pdf.set_xy(x, y)
            pdf.cell(w=column, h=h, text=m.group(1) + m.group(2))
            _fit(pdf, m.group(3), w - column)
            pdf.set_xy(x + column, y)
            pdf.cell(w=w - column, h=h, text=m.group(3))
            return
        if m := TABLE_CONTINUATION.match(line.text):
            _fit(pdf, m.group(2), w - column)
            pdf.set_xy(x + column, y)
            pdf.cell(w=w - column, h=h, text=m.group(1)[:2] + m.group(2))
            return
    pdf.set_xy(x, y)
    pdf.cell(w=w, h=h, text=line.text, align=align)


def render_pdf(pages: list[list[Line]], style: PdfStyle, *, title: str, created: datetime) -> bytes:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(created)
    pdf.set_title(title)
    pdf.set_author("Poder Judicial del Perú")
    pdf.set_margins(style.left, style.top, style.right)
    geo = geometry(style)
    column = _value_column(pages, geo)
    for page in pages:
        pdf.add_page()
        y = style.top
        footer_lines = [ln for ln in page if ln.style in ("footer", "stamp")]
        for line in page:
            if line.style in ("footer", "stamp"):
                continue
            variant, factor, align = STYLES.get(line.style, STYLES["para"])
            size = style.size * factor
            if line.style == "header":
                while geo.width(line.text, "header") * size / (style.size * factor) > style.usable_w and size > 5:
                    size -= 0.5
                pdf.set_font(style.family, variant, size)
                pdf.set_xy(style.left, style.top - 10.0)
                pdf.cell(w=style.usable_w, h=style.line_h * 0.8, text=line.text, align=align)
                continue
            if line.text:
                pdf.set_font(style.family, variant, size)
                _draw_line(pdf, line, style.left, y, style.usable_w, style.line_h, align, column)
            y += style.line_h
        y = PAGE_H - style.bottom + 2.0 - style.line_h * (len(footer_lines) - 1)
        for line in footer_lines:
            variant, factor, align = STYLES[line.style]
            size = style.size * factor
            while geo.width(line.text, line.style) * size / (style.size * factor) > style.usable_w and size > 5:
                size -= 0.5
            pdf.set_font(style.family, variant, size)
            pdf.set_xy(style.left, y)
            pdf.cell(w=style.usable_w, h=style.line_h * 0.8, text=line.text, align=align)
            y += style.line_h
    return bytes(pdf.output())


def creation_date(resolution) -> datetime:
    return datetime.combine(resolution, time(12, 0), tzinfo=UTC)


def _degrade(img: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Uneven tone, noise, speckles and skew on a grey page image."""
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    ink = 1.0 - np.asarray(img, dtype=np.float32) / 255.0
    h, w = ink.shape
    gx = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :]
    gy = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    a, b = rng.uniform(-1, 1, 2)
    paper = 238.0 + 10.0 * (a * gx + b * gy - (a + b) / 2)  # 228..248
    ink_tone = 35.0 + 30.0 * (rng.uniform(0, 1) * gx + rng.uniform(0, 1) * gy) / 2
    out = paper - ink * (paper - ink_tone)
    out += rng.standard_normal((h, w), dtype=np.float32) * np.float32(rng.uniform(3.0, 6.0))
    for _ in range(int(rng.integers(20, 200))):  # speckles: dust and toner dots
        y, x = int(rng.integers(0, h - 4)), int(rng.integers(0, w - 4))
        size = int(rng.integers(1, 4))
        out[y:y + size, x:x + size] = rng.uniform(30, 120)
    page = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), mode="L")
    angle = float(rng.uniform(-1.5, 1.5))
    return page.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=int(paper.mean()))


def _bilevel(img: Image.Image) -> Image.Image:
    return img.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)


def scan_images(pdf_bytes: bytes, seed: int) -> list[Image.Image]:
    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        pages = []
        for page in doc:
            bitmap = page.render(scale=SCAN_DPI / 72, grayscale=True)
            pages.append(_degrade(bitmap.to_pil().convert("L"), rng))
            page.close()
        return pages
    finally:
        doc.close()


def save_scan(images: list[Image.Image], path: Path, file_type: str, *, bilevel: bool,
              created: datetime) -> None:
    if file_type == "pdf":
        imgs = [_bilevel(i) for i in images] if bilevel else images
        extra = {} if bilevel else {"quality": 50}  # grey pages are JPEG, bilevel pages CCITT G4
        imgs[0].save(path, "PDF", resolution=float(SCAN_DPI), save_all=True, append_images=imgs[1:],
                     title=path.stem, creationDate=created.timetuple(), modDate=created.timetuple(),
                     **extra)
    elif file_type == "tiff":
        imgs = [_bilevel(i) for i in images]
        imgs[0].save(path, "TIFF", compression="group4", save_all=True, append_images=imgs[1:],
                     dpi=(SCAN_DPI, SCAN_DPI))
    elif file_type == "png":
        _bilevel(images[0]).save(path, "PNG", dpi=(SCAN_DPI, SCAN_DPI), optimize=True)
    else:  # pragma: no cover - the caller only asks for the three types above
        raise ValueError(file_type)
