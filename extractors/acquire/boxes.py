"""Word boxes: where each word of a page's text lies on the page.

A reader knows the boxes for the raw text (pdfium's character boxes for a text layer,
Tesseract's word boxes for OCR) as ``RawBoxes``: spans of the raw text with rectangles in
fractions of the page (origin top left). Cleanup then changes the text, so ``to_clean``
moves each span through the cleanup's anchors (``sourcemap``) to the clean text every
evidence offset points into; a word cleanup dropped (a running header) loses its box, and a
hyphenated word joined across a line keeps both of its halves' boxes.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractors.acquire.sourcemap import Anchors
from schemas import BOX_SCALE, PageBoxes

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the page, y down


@dataclass(frozen=True)
class RawBoxes:
    """Word boxes of one page's raw text: ``(start, end, rect)`` per word."""

    width: float
    height: float
    words: tuple[tuple[int, int, Rect], ...]


def words_of(text: str, char_rect) -> list[tuple[int, int, Rect]]:
    """Words (runs of non-space characters) of ``text`` with the union of their characters'
    rectangles; ``char_rect(i)`` is the rectangle of ``text[i]`` or None when unknown."""
    words: list[tuple[int, int, Rect]] = []
    start, box = None, None
    for i, ch in enumerate([*text, " "]):
        if ch.isspace():
            if start is not None and box is not None:
                words.append((start, i, box))
            start, box = None, None
            continue
        if start is None:
            start = i
        rect = char_rect(i) if i < len(text) else None
        if rect is not None and rect[2] > rect[0] and rect[3] > rect[1]:
            box = rect if box is None else (min(box[0], rect[0]), min(box[1], rect[1]),
                                            max(box[2], rect[2]), max(box[3], rect[3]))
    return words


def align_words(text: str, words: Iterable[tuple[str, Rect]]) -> list[tuple[int, int, Rect]]:
    """Spans in ``text`` of OCR words given in reading order (Tesseract writes its text
    from the same words, in the same order); a word not found further on is skipped."""
    out, cursor = [], 0
    for word, rect in words:
        found = text.find(word, cursor)
        if found < 0:
            continue
        out.append((found, found + len(word), rect))
        cursor = found + len(word)
    return out


def tesseract_words(tsv: str) -> tuple[float, float, list[tuple[str, Rect]]] | None:
    """Page size and words (with rectangles as fractions of the page) of Tesseract's TSV."""
    width = height = 0.0
    words: list[tuple[str, tuple[int, int, int, int]]] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        try:
            left, top, w, h = (int(c) for c in cells[6:10])
        except ValueError:
            continue
        if cells[0] == "1":
            width, height = float(w), float(h)
        elif cells[0] == "5" and cells[11].strip():
            words.append((cells[11].strip(), (left, top, left + w, top + h)))
    if width <= 0 or height <= 0:
        return None
    return width, height, [(text, (x0 / width, y0 / height, x1 / width, y1 / height))
                           for text, (x0, y0, x1, y1) in words]


def to_clean(raw: RawBoxes, anchors: Anchors, clean_length: int) -> PageBoxes:
    """``raw`` with its spans moved to the clean text (``anchors``: clean → raw offsets).

    A word's clean span runs from the first to the last clean character whose raw offset
    lies in the word. Cleanup keeps characters in order (each clean character's raw offset is
    at least its predecessor's), so those characters are one run found by bisection; a map
    that is not in order goes through ``_raw_to_clean``, character by character."""
    segments = _segments(anchors, clean_length)
    if segments is None:
        return _to_clean_any_order(raw, anchors, clean_length)
    cleans, raws, lasts = segments
    words = []
    for start, end, (x0, y0, x1, y1) in raw.words:
        low = _first_reaching(cleans, raws, lasts, start)
        high = _first_reaching(cleans, raws, lasts, end)  # just after the word's last clean character
        if low < high:  # else dropped by cleanup
            words.append((low, high, round(x0 * BOX_SCALE), round(y0 * BOX_SCALE),  # PageBoxes.of clamps
                          round(x1 * BOX_SCALE), round(y1 * BOX_SCALE)))
    return PageBoxes.of(raw.width, raw.height, words)


def _segments(anchors: Sequence[tuple[int, int]], clean_length: int
              ) -> tuple[list[int], list[int], list[int]] | None:
    """The runs of clean text that follow the raw text one for one, as (first clean offset,
    its raw offset, the run's last raw offset) lists; None when the raw offsets go back."""
    cleans: list[int] = []
    raws: list[int] = []
    lasts: list[int] = []
    bounds = [*(c for c, _ in anchors[1:]), clean_length]
    for (clean, raw), stop in zip(anchors, bounds):
        if stop <= clean:
            continue
        if lasts and raw < lasts[-1]:
            return None
        cleans.append(clean)
        raws.append(raw)
        lasts.append(raw + stop - clean - 1)
    cleans.append(clean_length)  # a sentinel: past the end of the clean text
    return cleans, raws, lasts


def _first_reaching(cleans: list[int], raws: list[int], lasts: list[int], offset: int) -> int:
    """The first clean offset whose raw offset is ``offset`` or more (the clean length if none)."""
    k = bisect_left(lasts, offset)
    if k == len(lasts):
        return cleans[-1]
    return cleans[k] + max(0, offset - raws[k])


def _to_clean_any_order(raw: RawBoxes, anchors: Anchors, clean_length: int) -> PageBoxes:
    lowest, highest = _raw_to_clean(anchors, clean_length)
    words = []
    for start, end, rect in raw.words:
        cleans = [c for r in range(start, end) for c in (lowest.get(r), highest.get(r)) if c is not None]
        if cleans:  # else dropped by cleanup
            words.append((min(cleans), max(cleans) + 1, *(_scaled(v) for v in rect)))
    return PageBoxes.of(raw.width, raw.height, words)


def _raw_to_clean(anchors: Sequence[tuple[int, int]], clean_length: int) -> tuple[dict[int, int], dict[int, int]]:
    """For each raw offset that reaches the clean text: its first and last clean offset."""
    lowest: dict[int, int] = {}
    highest: dict[int, int] = {}
    bounds = [*(c for c, _ in anchors[1:]), clean_length]
    for (clean, raw), stop in zip(anchors, bounds):
        for c in range(clean, stop):
            r = raw + (c - clean)
            if r not in lowest or c < lowest[r]:
                lowest[r] = c
            if c > highest.get(r, -1):
                highest[r] = c
    return lowest, highest


def _scaled(value: float) -> int:
    return max(0, min(BOX_SCALE, round(value * BOX_SCALE)))


def turn_rect(rect: Rect, clockwise: int) -> Rect:
    """A rectangle of a page that is then displayed turned ``clockwise`` degrees."""
    x0, y0, x1, y1 = rect
    if clockwise == 90:
        return (1 - y1, x0, 1 - y0, x1)
    if clockwise == 180:
        return (1 - x1, 1 - y1, 1 - x0, 1 - y0)
    if clockwise == 270:
        return (y0, 1 - x1, y1, 1 - x0)
    return rect


def tilt_rect(rect: Rect, degrees: float, aspect: float) -> Rect:
    """The box around ``rect`` once its page is turned ``degrees`` counter-clockwise about its
    centre (a page straightened before OCR, put back as it was scanned); ``aspect`` is the
    page's height over its width."""
    if not degrees:
        return rect
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    xs, ys = [], []
    for x, y in ((rect[0], rect[1]), (rect[2], rect[1]), (rect[0], rect[3]), (rect[2], rect[3])):
        dx, dy = x - 0.5, (y - 0.5) * aspect
        xs.append(0.5 + dx * cos + dy * sin)
        ys.append(0.5 + (dy * cos - dx * sin) / aspect)
    return min(xs), min(ys), max(xs), max(ys)
