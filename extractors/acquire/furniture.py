"""Page furniture: page numbers and running headers and footers, found and removed.

A page-number line ('Página 3 de 12', '- 3 -', '3/12') is dropped and also splits a page
into virtual pages, so text that was flattened without form feeds still has its running
headers found. A running line is one of the first or last ``EDGE_LINES`` non-blank lines
of a virtual page that repeats, in the same zone (head or foot), on most virtual pages.
Lines are compared by a key that ignores spacing, case and numbers (and the letters OCR
puts for digits), and, for lines long enough to judge, fuzzily (rapidfuzz ratio at least
``FUZZY_RATIO``), so a header read by OCR slightly differently on every page still counts
as one. Nothing else is removed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from extractors.acquire.sourcemap import Tracked, join

# a number as OCR may read it: digits, with O/o/l/I/| standing in for some of them
NUM = r"(?=[OolI|]*\d)[\dOolI|]{1,4}"
PAGE_NUMBER_RE = re.compile(
    rf"""^(?:
        (?:p[áa]g(?:ina)?\.?)\s*(?P<p>{NUM})(?:\s*(?:de|/)\s*{NUM})?   # Página 3 de 12, Pág. 3
      | [-–—]\s*{NUM}\s*[-–—]                                        # - 3 -
      | (?P<a>\d{{1,3}})\s*(?:/|\s de \s)\s*(?P<b>\d{{1,3}})             # 3/12, 3 de 12
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
DIGITISH_RE = re.compile(r"[\dOolI|]*\d[\dOolI|]*")
EDGE_LINES = 3  # running headers and footers are looked for among the first/last 3 lines
RUNNING_SHARE = 0.6  # ... and must repeat on at least 60 % of the (virtual) pages
RUNNING_MAX_LEN = 150
RUNNING_MIN_ALNUM = 4
FUZZY_RATIO = 90  # rapidfuzz ratio (0-100) at which two furniture keys are the same line;
# 90 allows two or three misread characters in a 35-character header, not "Lima" for "Puno"
FUZZY_MIN_LEN = 12  # shorter keys must match exactly: a few characters say too little


def is_page_number_line(line: str) -> bool:
    m = PAGE_NUMBER_RE.match(line.strip())
    return bool(m) and (m["a"] is None or int(m["a"]) <= int(m["b"]))


def furniture_key(line: str) -> str:
    """Lines that differ only in spacing, case or their numbers are the same furniture."""
    return DIGITISH_RE.sub("#", " ".join(line.split()).lower())


def strip_page_furniture(pages: Sequence[str] | Sequence[Tracked]) -> list:
    """Remove page-number lines and running header/footer lines (str or ``Tracked`` pages).

    The running header at the top of the first page is kept: it names the court or the
    case once. Where furniture interrupted a sentence, the two halves are rejoined with one
    line break.
    """
    as_text = bool(pages) and isinstance(pages[0], str)
    tracked = [Tracked.of(p) if isinstance(p, str) else p for p in pages]
    split = [_virtual_pages(_drop_bare_page_number(page.split("\n"), number))
             for number, page in enumerate(tracked, start=1)]
    running = Running.find([vp for page in split for vp in page])
    out = []
    for page_index, vpages in enumerate(split):
        kept = [_drop_running(lines, running, keep_header=page_index == 0 and v_index == 0)
                for v_index, lines in enumerate(vpages)]
        out.append(_rejoin(kept))
    return [t.text for t in out] if as_text else out


def _drop_bare_page_number(lines: list[Tracked], number: int) -> list[Tracked]:
    """A line holding only this page's number, as the first or last non-blank line."""
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    edges = {filled[0], filled[-1]} if filled else set()
    return [line for i, line in enumerate(lines)
            if not (i in edges and line.text.strip() == str(number))]


def _virtual_pages(lines: list[Tracked]) -> list[list[Tracked]]:
    """Split at page-number lines; the page-number lines themselves are dropped."""
    chunks: list[list[Tracked]] = [[]]
    for line in lines:
        if is_page_number_line(line.text):
            chunks.append([])
        else:
            chunks[-1].append(line)
    return chunks


def _edges(lines: list[Tracked]) -> tuple[list[int], list[int]]:
    """Indexes of the first and of the last ``EDGE_LINES`` non-blank lines (no overlap)."""
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    in_head = min(EDGE_LINES, (len(filled) + 1) // 2)
    return filled[:in_head], filled[in_head:][-EDGE_LINES:]


def _could_be_furniture(line: str) -> bool:
    line = line.strip()
    return len(line) <= RUNNING_MAX_LEN and sum(c.isalnum() for c in line) >= RUNNING_MIN_ALNUM


@dataclass
class Running:
    """The keys of the running lines of each zone, and a fuzzy test against them."""

    keys: dict[str, list[str]] = field(default_factory=lambda: {"head": [], "foot": []})

    @classmethod
    def find(cls, virtual: list[list[Tracked]]) -> Running:
        clusters: dict[str, list[tuple[str, set[int]]]] = {"head": [], "foot": []}
        filled_pages = 0
        for page, lines in enumerate(virtual):
            head, foot = _edges(lines)
            if not head:
                continue
            filled_pages += 1
            for zone, indexes in (("head", head), ("foot", foot)):
                for i in indexes:
                    if _could_be_furniture(lines[i].text):
                        _add(clusters[zone], furniture_key(lines[i].text), page)
        needed = max(2, math.ceil(RUNNING_SHARE * filled_pages))
        return cls({zone: [key for key, seen in found if len(seen) >= needed]
                    for zone, found in clusters.items()})

    def matches(self, zone: str, line: str) -> bool:
        key = furniture_key(line)
        return _closest(key, self.keys[zone]) is not None


def _closest(key: str, keys: list[str]) -> int | None:
    """Index of the key in ``keys`` that is the same line as ``key``, if any."""
    if key in keys:
        return keys.index(key)
    if len(key) < FUZZY_MIN_LEN or not keys:
        return None
    found = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_RATIO)
    return None if found is None or len(keys[found[2]]) < FUZZY_MIN_LEN else found[2]


def _add(clusters: list[tuple[str, set[int]]], key: str, page: int) -> None:
    index = _closest(key, [k for k, _ in clusters])
    if index is None:
        clusters.append((key, {page}))
    else:
        clusters[index][1].add(page)


def _drop_running(lines: list[Tracked], running: Running, *, keep_header: bool) -> list[Tracked]:
    head, foot = _edges(lines)
    drop = {i for i in foot if running.matches("foot", lines[i].text)}
    if not keep_header:
        drop |= {i for i in head if running.matches("head", lines[i].text)}
    return [line for i, line in enumerate(lines) if i not in drop]


def _rejoin(chunks: list[list[Tracked]]) -> Tracked:
    """Glue virtual pages back: one line break inside a sentence, a blank line otherwise."""
    text: Tracked | None = None
    for lines in chunks:
        if not lines:
            continue
        piece = join(lines, "\n").strip()
        if not piece.text:
            continue
        if text is None:
            text = piece
        else:
            text = join([text, piece], "\n" if _continues(text.text, piece.text) else "\n\n")
    if text is None:
        first = next((line for lines in chunks for line in lines), None)
        return Tracked.literal("", first.origins[0] if first else 0)
    return text


def _continues(before: str, after: str) -> bool:
    """Does the text after a removed page break continue the sentence before it?"""
    return before[-1] == "-" or (before[-1] not in ".:;!?" and after[0].islower())
