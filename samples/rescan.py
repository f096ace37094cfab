"""Print a text document the way a court's file is printed, then scan it.

``eval --scan`` uses this to measure the whole pipeline (rendering, OCR, extraction) on a
corpus that exists only as text (../shared/corpus/wild2), and ``eval --pdf`` the reading of
a born-digital PDF's text layer (the same layout, not scanned): each page (form feeds split them)
is laid out line by line with the generator's PDF style, long lines wrapped to the page,
rendered with fpdf2 and degraded into an image-only PDF by the same code as the generated
scans (samples/render.py), so that no text layer is left for acquisition to read.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

from samples import render
from samples.layout import Line, wrap_measured
from samples.spanish import latin1


def page_lines(text: str, geo) -> list[list[Line]]:
    """Pages of lines: a form feed starts a page, and so does a full page."""
    pages: list[list[Line]] = []
    for chunk in text.split("\f"):
        lines: list[Line] = []
        for raw in latin1(chunk).split("\n"):
            raw = raw.rstrip()
            if not raw.strip():
                lines.append(Line("", "blank"))
                continue
            def width(s: str) -> float:
                return geo.width(s, "line")
            pieces = wrap_measured(raw, geo.max_width, width) if width(raw) > geo.max_width else [raw]
            lines += [Line(p, "line") for p in pieces]
        while lines and lines[-1].style == "blank":
            lines.pop()
        for i in range(0, len(lines), geo.lines_per_page):
            pages.append(lines[i:i + geo.lines_per_page])
    return [p for p in pages if p] or [[Line("", "blank")]]


def _printed(text: str, seed: int, title: str) -> bytes:
    """``text`` typeset as a born-digital PDF in the generator's style drawn by ``seed``."""
    style = render.draw_style(random.Random(seed))
    if style.family == "courier":  # long header lines in courier overflow the page
        style = render.PdfStyle("helvetica", style.size, style.left, style.right, style.top, style.bottom,
                                style.leading)
    return render.render_pdf(page_lines(text, render.geometry(style)), style, title=title, created=_CREATED)


_CREATED = datetime(2024, 1, 1, tzinfo=UTC)


def scan_text(text: str, path: Path, *, seed: int) -> Path:
    """Write ``text`` as a scanned, image-only PDF at ``path`` (same seed, same scan)."""
    pdf = _printed(text, seed, path.stem)
    render.save_scan(render.scan_images(pdf, seed=seed), path, "pdf", bilevel=False, created=_CREATED)
    return path


def print_text(text: str, path: Path, *, seed: int) -> Path:
    """Write ``text`` as a born-digital PDF at ``path``: its text layer is what acquisition reads
    (lines wrapped to the page, no blank line kept between a paragraph's lines by the layer),
    as in the rulings courts publish as PDFs (``eval --pdf``)."""
    path.write_bytes(_printed(text, seed, path.stem))
    return path
