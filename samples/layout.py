"""Line breaking and pagination, shared by the PDF renderer and the plain-text writer.

A page is a list of ``Line`` (text and style): running header, body lines, footer. The
page text written to ``*.pages.json`` is exactly those lines joined by newlines, so it
matches what the PDF prints. The PDF measures words with the core-font metrics; plain text
counts characters (a C-speed regular expression, for the 100,000-document benchmark).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from samples.compose import Block, Chrome
from samples.vocab import HYPHENATABLE

WRAPPED = {"para", "small", "head", "title", "center", "sign", "line", "rule"}


class Line(NamedTuple):
    text: str
    style: str  # block style, or "header" / "footer" / "stamp"


@dataclass(frozen=True)
class Geometry:
    """How much fits: a width function per style, the line width, body lines per page."""

    width: Callable[[str, str], float]
    max_width: float
    lines_per_page: int


_VOWELS = set("aeiouáéíóúü")
_ONSETS = {"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "ch", "ll", "rr", "qu"}
_NAME_WORD = re.compile(r"^[A-ZÁÉÍÓÚÑ][a-záéíóúñü]{5,}$|^[A-ZÁÉÍÓÚÑ]{6,}$")


def syllable_split(word: str) -> str | None:
    """'Huarcaya' -> 'Huarca-ya', 'Nancy' -> 'Nan-cy': the last Spanish syllable break that
    leaves at least three letters before and two after (V-CV, VC-CV, V-CCV for onsets)."""
    low = word.lower()
    best = None
    for i in range(3, len(low) - 1):
        a, b = low[i - 1], low[i]
        if a in _VOWELS and b not in _VOWELS and i + 1 < len(low) and low[i + 1] in _VOWELS:
            best = i  # V-CV
        elif a not in _VOWELS and b not in _VOWELS and i + 1 < len(low) and low[i + 1] in _VOWELS \
                and i >= 2 and low[i - 2] in _VOWELS:
            best = i - 1 if low[i - 1:i + 1] in _ONSETS else i  # V-CCV or VC-CV
    if best is None or best < 3 or len(word) - best < 2:
        return None
    return word[:best] + "-" + word[best:]


def _name_split(word: str) -> str | None:
    """Names and other capitalised words are hyphenated too, about one in three ("Nan-cy")."""
    if not _NAME_WORD.match(word) or sum(map(ord, word)) % 3:
        return None
    return syllable_split(word)


def _hyphenate(lines: list[str], max_width: float, width: Callable[[str], float]) -> list[str]:
    """Move the first syllables of a long word up, ending the line with '-': common words of
    the hyphenation list, and some names ("Huarca-\nya", wild w04-w05)."""
    out = list(lines)
    for i in range(len(out) - 1):
        nxt = out[i + 1]
        word, _, rest = nxt.partition(" ")
        bare = word.rstrip(",.;:")
        split = HYPHENATABLE.get(bare) or _name_split(bare)
        if not split or not rest:
            continue
        head, tail = split.split("-")
        candidate = f"{out[i]} {head}-"
        if width(candidate) <= max_width:
            out[i] = candidate
            out[i + 1] = tail + word[len(bare):] + " " + rest
    return out


def wrap_measured(text: str, max_width: float, width: Callable[[str], float]) -> list[str]:
    words = text.split(" ")
    space = width(" ")
    lines, current, current_w = [], [], 0.0
    for word in words:
        ww = width(word)
        if current and current_w + space + ww > max_width:
            lines.append(" ".join(current))
            current, current_w = [word], ww
        else:
            current_w += (space if current else 0.0) + ww
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


_WRAP_CACHE: dict[int, re.Pattern] = {}


def wrap_chars(text: str, max_chars: int) -> list[str]:
    pattern = _WRAP_CACHE.get(max_chars)
    if pattern is None:
        pattern = _WRAP_CACHE[max_chars] = re.compile(rf"(.{{1,{max_chars}}})(?: +|$)")
    lines = pattern.findall(text)
    return [ln for ln in lines if ln] or [""]


def break_lines(blocks: list[Block], geo: Geometry, *, hyphenate: bool, chars: bool) -> list[Line]:
    out: list[Line] = []
    for style, text in blocks:
        if style == "blank" or not text:
            out.append(Line("", "blank"))
            continue
        if chars:
            pieces = wrap_chars(text, int(geo.max_width)) if len(text) > geo.max_width else [text]
            if hyphenate and style == "para" and len(pieces) > 1:
                pieces = _hyphenate(pieces, geo.max_width, len)
        else:
            def width(s: str, _style: str = style) -> float:
                return geo.width(s, _style)
            pieces = wrap_measured(text, geo.max_width, width) if width(text) > geo.max_width else [text]
            if hyphenate and style == "para" and len(pieces) > 1:
                pieces = _hyphenate(pieces, geo.max_width, width)
        out.extend(Line(p, style) for p in pieces)
    return out


def _page_number(style: str, n: int, total: int) -> str:
    return {"pagina_de": f"Página {n} de {total}", "dashes": f"- {n} -", "number": str(n),
            "pag_slash": f"Pág. {n}/{total}"}[style]


def paginate(lines: list[Line], geo: Geometry, chrome: Chrome) -> list[list[Line]]:
    """Pages of header + body + footer lines; a page never starts with a blank line."""
    bodies: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if not current and line.style == "blank":
            continue
        current.append(line)
        if len(current) >= geo.lines_per_page:
            bodies.append(current)
            current = []
    while current and current[-1].style == "blank":
        current.pop()
    if current:
        bodies.append(current)
    total = len(bodies)
    pages = []
    for n, body in enumerate(bodies, 1):
        page = []
        if chrome.header and (n > 1 or chrome.header_on_first):
            page.append(Line(chrome.header, "header"))
        page += body
        if chrome.stamp:
            page.append(Line(chrome.stamp, "stamp"))
        page.append(Line(_page_number(chrome.footer, n, total), "footer"))
        pages.append(page)
    return pages


def _with_stamps(lines: list[Line], stamps: tuple[str, ...]) -> list[Line]:
    """Signature stamps spread through the text where extraction finds them: the judges'
    between body lines (also inside a sentence), the last one after the text."""
    *judges, last = stamps
    out = list(lines)
    for i in reversed(range(len(judges))):
        at = max(1, len(lines) * (i + 1) // (len(judges) + 1))
        out[at:at] = [Line(text, "sigstamp") for text in judges[i].split("\n")]
    return out + [Line(text, "sigstamp") for text in last.split("\n")]


def page_text(page: list[Line]) -> str:
    return "\n".join(line.text for line in page)


def layout(blocks: list[Block], chrome: Chrome, geo: Geometry, rng: random.Random, *,
           chars: bool) -> list[list[Line]]:
    hyphenate = rng.random() < 0.25
    lines = break_lines(blocks, geo, hyphenate=hyphenate, chars=chars)
    if chrome.stamps:
        lines = _with_stamps(lines, chrome.stamps)
    return paginate(lines, geo, chrome)
