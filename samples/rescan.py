"""Print a text document the way a court's file is printed, then scan it.

``eval --scan`` uses this to measure the whole pipeline (rendering, OCR, extraction) on a
corpus that exists only as text (../shared/corpus/wild2): each page (form feeds split them)
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


def scan_text(text: str, path: Path, *, seed: int) -> Path:
    """Write ``text`` as a scanned, image-only PDF at ``path`` (same seed, same scan)."""
    rng = random.Random(seed)
    style = render.draw_style(rng)
    if style.family == "courier":  # long header lines in courier overflow the page
        style = render.PdfStyle("helvetica", style.size, style.left, style.right, style.top, style.bottom,
                                style.leading)
    created = datetime(2024, 1, 1, tzinfo=UTC)
    pdf = render.render_pdf(page_lines(text, render.geometry(style)), style, title=path.stem, created=created)
    render.save_scan(render.scan_images(pdf, seed=seed), path, "pdf", bilevel=False, created=created)
    return path
