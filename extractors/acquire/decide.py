"""Per page: is the text layer real text, or must the page be OCR'd?

The decision is taken for each page on its own (a typed first page and scanned annexes
are common). A text layer is used only when it is real text (not empty, no unmapped
glyphs, letters and Spanish words in plausible shares) and, when it lies over a scan,
only when it covers the scan and reads like good text: a typed header stamped on a scan
must not hide the scan, and an invisible OCR layer left by a scanner must not stand in
for a better reading when its words look like OCR noise (``text_quality``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
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
SCAN_COVERAGE = 0.5  # share of the page covered by images that makes it a scan
MIN_TEXT_COVER = 0.5  # share of a scan's height a text layer must span to stand for it
MIN_SCAN_LAYER_QUALITY = 0.9  # ``text_quality`` a text layer over a scan must reach
MAX_ODD_SHARE = 0.05  # control, private-use, replacement and unassigned characters
MIN_ALNUM_SHARE = 0.6  # letters and digits among non-blank characters
MIN_WORDS_FOR_STOPWORDS = 20
MIN_STOPWORD_SHARE = 0.08


@dataclass(frozen=True)
class LayerFacts:
    """Where a page's text and images lie (from the PDF's page objects)."""

    image_coverage: float = 0.0  # share of the page covered by images, 0-1
    text_cover: float = 0.0  # share of the images' height spanned by text lines, 0-1
    invisible_share: float = 0.0  # share of the text drawn invisibly (render mode 3)


@dataclass(frozen=True)
class Verdict:
    use_text_layer: bool
    reason: str  # in Spanish, for logs and warnings


def judge_page(text: str, *, mode: TextLayerMode, facts: Callable[[], LayerFacts]) -> Verdict:
    """Text layer or OCR for one page. ``facts`` is only called when needed."""
    if mode is TextLayerMode.USE:
        return Verdict(True, "modo USE: se usa la capa de texto")
    if mode is TextLayerMode.OCR:
        return Verdict(False, "modo OCR: se ignora la capa de texto")
    problem = text_layer_problem(text)
    if problem:
        return Verdict(False, problem)
    layers = facts()
    if layers.image_coverage < SCAN_COVERAGE:
        return Verdict(True, "capa de texto legible")
    scan = f"imagen que cubre el {layers.image_coverage:.0%} de la página"
    if layers.text_cover < MIN_TEXT_COVER:
        return Verdict(False, f"{scan} y texto solo en el {layers.text_cover:.0%} de su altura")
    quality = text_quality(text)
    if quality < MIN_SCAN_LAYER_QUALITY:
        kind = "capa de OCR invisible" if layers.invisible_share >= 0.5 else "capa de texto"
        return Verdict(False, f"{scan} con una {kind} de baja calidad "
                              f"({quality:.0%} de palabras bien formadas)")
    return Verdict(True, f"{scan} con una capa de texto completa y legible")


def text_layer_problem(text: str) -> str | None:
    """Why this text layer is not real text, or None if it looks like Spanish prose."""
    chars = _non_blank(text)
    if len(chars) < MIN_CHARS:
        return NO_TEXT
    if CID_RE.search(text):
        return "capa de texto con glifos sin mapear (cid:NN)"
    counts = Counter(chars).items()  # each distinct character judged once
    odd = sum(n for c, n in counts if _is_odd(c)) / len(chars)
    if odd > MAX_ODD_SHARE:
        return f"capa de texto con {odd:.0%} de caracteres ilegibles"
    alnum = sum(n for c, n in counts if c.isalnum()) / len(chars)
    if alnum < MIN_ALNUM_SHARE:
        return f"capa de texto con solo {alnum:.0%} de letras y cifras"
    words = WORD_RE.findall(text.lower())
    if len(words) >= MIN_WORDS_FOR_STOPWORDS:
        share = sum(w in SPANISH_STOPWORDS for w in words) / len(words)
        if share < MIN_STOPWORD_SHARE:
            return f"capa de texto que no parece español ({share:.0%} de palabras funcionales)"
    return None


# --- quality of a text layer ------------------------------------------------------------
#
# OCR noise has a shape: 'tl1e' (digits inside words), 'eLcarolcado' (case changing inside
# a word), 'mmm' (a letter three times), 'qu', 'pe', 'nc' (one- and two-letter fragments
# that are not Spanish words), stray '|', '~', '»'. Real text, names and case numbers
# included, scores 0.96-1.0 on this measure; a fair OCR reading 0.97-0.99; the invisible
# layer of a poor scan 0.7-0.8.

LETTERS = "A-Za-zÁÉÍÓÚÜÑáéíóúüñÀÈÌÒÙàèìòùÇç"
LETTERS_RE = re.compile(rf"[{LETTERS}]+")
SEGMENT_RE = re.compile(rf"\d+|[{LETTERS}]+")  # one piece of a code such as 2701-JR-PE-01
CODE_SEPARATORS_RE = re.compile(r"[-/.,:°º]")
ORDINAL_RE = re.compile(r"\d+(?:[°ºª]|\.?(?:ro|ra|do|da|er|to|ta|vo|va|mo|ma|no|na))")
VOWEL_RE = re.compile(r"[aeiouyáéíóúüAEIOUYÁÉÍÓÚÜ]")
TRIPLE_RE = re.compile(r"(.)\1\1")
ROMAN_RE = re.compile(r"[ivxlcdm]+|[IVXLCDM]+")  # (iii), VIII: list markers and numbered parts
EDGE_PUNCTUATION_RE = re.compile(r"^[¿¡\"'“‘«(\[]+|[.,;:!?\"'”’»)\]]+$")
DASHES_AND_BULLETS = frozenset("- – — : / § • ·".split())  # tokens of their own in real text
SHORT_WORDS = frozenset("""
    a e o u y al de el en es la le lo me mi ni no os se si su te tu un ya yo ha he va ve
    da di dé sé sí tú mí él ah oh
""".split())


def text_quality(text: str) -> float:
    """Share of the text (by characters) in well-formed tokens: 0-1, 1 for clean prose."""
    total = good = 0
    for token in text.split():
        total += len(token)
        word = EDGE_PUNCTUATION_RE.sub("", token)
        if token in DASHES_AND_BULLETS or (word and is_well_formed(word)):
            good += len(token)
    return good / total if total else 0.0


def is_well_formed(word: str) -> bool:
    """A word in one case pattern, a number, an ordinal, or a code (00123-2019-JR-PE, S/)."""
    if ROMAN_RE.fullmatch(word):
        return True
    if LETTERS_RE.fullmatch(word):
        if len(word) <= 2:
            return word.lower() in SHORT_WORDS or word.isupper()
        cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        return cased and bool(len(word) <= 3 or VOWEL_RE.search(word)) \
            and not TRIPLE_RE.search(word.lower())
    if ORDINAL_RE.fullmatch(word):
        return True
    segments = [s for s in CODE_SEPARATORS_RE.split(word) if s]
    return bool(segments) and all(SEGMENT_RE.fullmatch(s) and _one_case(s) for s in segments)


def _one_case(segment: str) -> bool:
    return segment.isdigit() or segment.isupper() or segment.islower() or segment.istitle()


def _non_blank(text: str) -> str:
    # pdfium's line-end hyphen marker (U+FFFE) is a hyphen, not garbage
    return "".join(text.replace("\ufffe", "-").split())


def _is_odd(c: str) -> bool:
    return c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs")
