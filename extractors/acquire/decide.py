"""Per page: is the text layer real text, or must the page be OCR'd?

The decision is taken for each page on its own (a typed first page and scanned annexes
are common), from the text layer and, only when that text is short, from how much of the
page is covered by images: a typed header stamped on a scan must not hide the scan.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from extractors.acquire.records import TextLayerMode

CID_RE = re.compile(r"\(cid:\d+\)")
WORD_RE = re.compile(r"[^\W\d_]+")

# The commonest Spanish function words: ~40 % of the tokens of any Spanish prose.
SPANISH_STOPWORDS = frozenset("""
    a al ante con contra de del desde durante e el en entre es esta este fue ha la las le
    les lo los más no o para pero por que se según sin sobre su sus un una y ya
""".split())

NO_TEXT = "sin capa de texto"
MIN_CHARS = 20  # fewer non-blank characters than this is "no text"
LITTLE_TEXT = 1000  # a page with fewer characters and a page-sized image is a scan
SCAN_COVERAGE = 0.5  # share of the page covered by images that makes it a scan
MAX_ODD_SHARE = 0.05  # control, private-use, replacement and unassigned characters
MIN_ALNUM_SHARE = 0.6  # letters and digits among non-blank characters
MIN_WORDS_FOR_STOPWORDS = 20
MIN_STOPWORD_SHARE = 0.08


@dataclass(frozen=True)
class Verdict:
    use_text_layer: bool
    reason: str  # in Spanish, for logs and warnings


def judge_page(text: str, *, mode: TextLayerMode, image_coverage: Callable[[], float]) -> Verdict:
    """Text layer or OCR for one page. ``image_coverage`` is only called when needed."""
    if mode is TextLayerMode.USE:
        return Verdict(True, "modo USE: se usa la capa de texto")
    if mode is TextLayerMode.OCR:
        return Verdict(False, "modo OCR: se ignora la capa de texto")
    problem = text_layer_problem(text)
    if problem:
        return Verdict(False, problem)
    if len(_non_blank(text)) < LITTLE_TEXT:
        coverage = image_coverage()
        if coverage >= SCAN_COVERAGE:
            return Verdict(False, f"imagen que cubre el {coverage:.0%} de la página y poco texto")
    return Verdict(True, "capa de texto legible")


def text_layer_problem(text: str) -> str | None:
    """Why this text layer is not real text, or None if it looks like Spanish prose."""
    chars = _non_blank(text)
    if len(chars) < MIN_CHARS:
        return NO_TEXT
    if CID_RE.search(text):
        return "capa de texto con glifos sin mapear (cid:NN)"
    odd = sum(_is_odd(c) for c in chars) / len(chars)
    if odd > MAX_ODD_SHARE:
        return f"capa de texto con {odd:.0%} de caracteres ilegibles"
    alnum = sum(c.isalnum() for c in chars) / len(chars)
    if alnum < MIN_ALNUM_SHARE:
        return f"capa de texto con solo {alnum:.0%} de letras y cifras"
    words = WORD_RE.findall(text.lower())
    if len(words) >= MIN_WORDS_FOR_STOPWORDS:
        share = sum(w in SPANISH_STOPWORDS for w in words) / len(words)
        if share < MIN_STOPWORD_SHARE:
            return f"capa de texto que no parece español ({share:.0%} de palabras funcionales)"
    return None


def _non_blank(text: str) -> str:
    # pdfium's line-end hyphen marker (U+FFFE) is a hyphen, not garbage
    return "".join(text.replace("\ufffe", "-").split())


def _is_odd(c: str) -> bool:
    return c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs")
