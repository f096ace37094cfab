"""Cleanup of page text: small pure functions, each conservative, composed by ``clean_document``.

The text it returns is what ``schemas.Page.text`` stores; every later character offset
points into it, and its ``anchors`` (see ``sourcemap``) lead each offset back to the raw
text the page was read as. Each step either repairs an artefact of how the text was
obtained (PDF line-end hyphens, ligatures, page furniture, Tesseract misreadings) or
normalises a spelling variant the extractors would otherwise have to know about (``N°``
vs ``N.°``, ``S/.`` vs ``S/``). Nothing here removes a line unless it is page furniture by
a narrow definition (``furniture``).

Every step takes a ``Tracked`` text (and returns one); called with a plain ``str`` it
returns a plain ``str``, which is how the tests call them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from extractors.acquire.furniture import is_page_number_line, strip_page_furniture
from extractors.acquire.ocrfix import fix_ocr, fix_ocr_numero
from extractors.acquire.sourcemap import Anchors, Tracked, join

__all__ = [
    "CleanPage", "clean_document", "clean_pages", "collapse_blank_lines", "collapse_spaces", "drop_rule_lines",
    "fix_ocr_numero", "is_page_number_line", "join_hyphenated_words",
    "join_hyphens_across_pages", "normalize_newlines", "normalize_numero", "normalize_soles",
    "normalize_unicode", "replace_ligatures", "restore_line_hyphens", "strip_page_furniture",
]

T = TypeVar("T", str, Tracked)


def text_step(step: Callable[[Tracked], Tracked]) -> Callable[[T], T]:
    """Let a ``Tracked -> Tracked`` step also be called on a plain string."""
    @functools.wraps(step)
    def either(text: T) -> T:
        if isinstance(text, Tracked):
            return step(text)
        return step(Tracked.of(text)).text

    return either  # type: ignore[return-value]


# --- characters -------------------------------------------------------------------------

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
LIGATURE_RE = re.compile("|".join(LIGATURES))

PDFIUM_LINE_HYPHEN = "\ufffe"  # what pdfium reports for a hyphen that ends a line
LINE_HYPHEN_RE = re.compile("\ufffe|\u00ad\n?")  # pdfium's marker; a soft hyphen
NEWLINE_RE = re.compile(r"\r\n?|[\f\v]")
# control characters other than \n and \t (a form feed would break DocumentText's page joins)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]")
BLANK = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
LINE_EDGE_SPACE_RE = re.compile(rf"^[{BLANK}]+|[{BLANK}]+$", re.MULTILINE)
# only the runs that change: two or more blanks, or one blank that is not a plain space
SPACE_RUN_RE = re.compile(rf"[{BLANK}]{{2,}}|[{BLANK.replace(' ', '')}]")
BLANK_LINES_RE = re.compile(r"\n{3,}")
# a line drawn with characters: a signature rule '_______', a separator '-----' or '=====';
# OCR drops them or reads them as anything, so they are not text
RULE_LINE_RE = re.compile(r"^[ \t]*[_=\-–—.·•*~]{5,}[ \t]*(?:\n|$)", re.MULTILINE)
COMBINING_RE = re.compile(r"(?s).[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


@text_step
def normalize_unicode(text: Tracked) -> Tracked:
    """NFC, so 'á' is one code point whatever the PDF or OCR produced."""
    if unicodedata.is_normalized("NFC", text.text):
        return text
    text = text.sub(COMBINING_RE, lambda m: unicodedata.normalize("NFC", m.group()))
    return text.sub(NON_ASCII_RE, lambda m: unicodedata.normalize("NFC", m.group()))


@text_step
def normalize_newlines(text: Tracked) -> Tracked:
    """\\r\\n and \\r to \\n; form feeds and other control characters to line breaks/nothing."""
    return text.sub(NEWLINE_RE, "\n").sub(CONTROL_RE, "")


@text_step
def replace_ligatures(text: Tracked) -> Tracked:
    return text.sub(LIGATURE_RE, lambda m: LIGATURES[m.group()])


@text_step
def restore_line_hyphens(text: Tracked) -> Tracked:
    """pdfium's line-end hyphen marker (U+FFFE) and soft hyphens become '-' + line break.

    ``join_hyphenated_words`` then decides whether to join the two halves.
    """
    return text.sub(LINE_HYPHEN_RE, "-\n")


@text_step
def collapse_spaces(text: Tracked) -> Tracked:
    """Trim each line; a run of spaces becomes one space, a wider gap exactly two.

    Three or more spaces (or a tab) between words is a column gap in a layout-preserving
    text dump ('EXPEDIENTE          IMPUTADOS'); it is kept, as two spaces, so a two-column
    header can still be told apart from a phrase. (A second pass would shrink such a gap to
    one space; ``clean_document`` runs it once.)
    """
    def one_run(m: re.Match[str]) -> str:
        return "  " if len(m.group()) >= 3 or "\t" in m.group() else " "

    text = text.sub(LINE_EDGE_SPACE_RE, "").sub(SPACE_RUN_RE, one_run)
    return collapse_blank_lines(text)


@text_step
def drop_rule_lines(text: Tracked) -> Tracked:
    """Lines made only of '_', '-', '=', '.' and the like (five or more) go."""
    return text.sub(RULE_LINE_RE, "")


@text_step
def collapse_blank_lines(text: Tracked) -> Tracked:
    """At most one blank line in a row."""
    return text.sub(BLANK_LINES_RE, "\n\n")


# --- hyphenation ------------------------------------------------------------------------

LOWER = "a-záéíóúüñàèìòùç"
# a word broken at a line end: lowercase letter, hyphen, line break, lowercase letter
HYPHEN_BREAK_RE = re.compile(
    rf"(?P<left>[^\W\d_]*[{LOWER}])-\n(?P<right>[{LOWER}][^\W\d_]*)(?P<punct>[.,;:)»”]*) ?"
)
# compounds whose hyphen is real: keep it when the break falls on it
KEEP_HYPHEN = frozenset({
    "días-multa", "día-multa", "jurídico-penal", "político-criminal", "teórico-práctico",
    "económico-financiero", "técnico-científico", "físico-químico", "ítalo-peruano",
    "político-administrativo", "socio-económico", "ético-jurídico",
})


@text_step
def join_hyphenated_words(text: Tracked) -> Tracked:
    """'Nan-\\ncy llegó' → 'Nancy\\nllegó': the word is rejoined on the first line.

    Only lowercase-to-lowercase breaks are joined ('Huanca-\\nPari' and '153-\\nA' stay).
    """
    def rejoin(m: re.Match[str]) -> str:
        word = f"{m['left']}-{m['right']}"
        joined = word if word.lower() in KEEP_HYPHEN else m["left"] + m["right"]
        line_ends_here = m.string[m.end():m.end() + 1] in ("", "\n")
        return f"{joined}{m['punct']}" + ("" if line_ends_here else "\n")

    return text.sub(HYPHEN_BREAK_RE, rejoin)


PAGE_END_HYPHEN_RE = re.compile(rf"([^\W\d_]*[{LOWER}])-\Z")
PAGE_START_WORD_RE = re.compile(rf"\A([{LOWER}][^\W\d_]*[.,;:)»”]*)[ ]?\n?")


def join_hyphens_across_pages(pages: Sequence[T]) -> list[T]:
    """A word split by a page break ('notifí-' | 'quese.') is completed on the first page.

    The moved characters point at the hyphen they replace: an offset on one page never
    leads into another page's raw text.
    """
    as_text = bool(pages) and isinstance(pages[0], str)
    out = [Tracked.of(p) if isinstance(p, str) else p for p in pages]
    for i in range(len(out) - 1):
        end = PAGE_END_HYPHEN_RE.search(out[i].text)
        start = PAGE_START_WORD_RE.match(out[i + 1].text)
        if not (end and start):
            continue
        moved = start.group(1)
        hyphen = len(out[i]) - 1
        keep = f"{end.group(1)}-{moved}".lower() in KEEP_HYPHEN
        head = out[i] if keep else out[i][:hyphen]
        out[i] = join([head, Tracked.literal(moved, out[i].origins[hyphen])])
        out[i + 1] = out[i + 1][start.end():]
    return [t.text for t in out] if as_text else out  # type: ignore[return-value]


# --- spellings: N.°, S/ -------------------------------------------------------------------

# N°, Nº, N.º, N.°, N˚, N.o and Nro. followed by a number all become "N.° ".
NUMERO_RE = re.compile(
    r"""(?<![^\W\d_])(?P<n>[Nn])
        (?: \.?\s?[°º˚ᵒ]                 # N° Nº N.º N.° N ° N˚
          | \.o(?=\s*\d)                 # N.o 123
          | ro\.?(?=\s*\d)               # Nro. 123, Nro 123
          | RO\.?(?=\s*\d)               # NRO. 123
        )
        (?P<space>\s*)(?=(?P<digit>\d)?)""",
    re.VERBOSE,
)


@text_step
def normalize_numero(text: Tracked) -> Tracked:
    """'N° 123', 'Nº 123', 'N.º 123', 'N.o 123', 'Nro. 123' → 'N.° 123'."""
    def fix(m: re.Match[str]) -> str:
        space = " " if m["digit"] or not m["space"] else m["space"]
        return f"{m['n']}.°{space}"

    return text.sub(NUMERO_RE, fix)


# the sol: 'S/.' (the old abbreviation), 'S/ .', 'S /.' and 'S/' glued to the amount
SOLES_RE = re.compile(r"(?<![^\W_])S\s?/\s?\.?\s?(?=\d)")


@text_step
def normalize_soles(text: Tracked) -> Tracked:
    """'S/. 15,000.00', 'S /. 200', 'S/200' → 'S/ 15,000.00', 'S/ 200', 'S/ 200'."""
    return text.sub(SOLES_RE, "S/ ")


# --- composition ------------------------------------------------------------------------

PER_PAGE: tuple[Callable[[Tracked], Tracked], ...] = (
    normalize_newlines,
    restore_line_hyphens,
    normalize_unicode,
    replace_ligatures,
    drop_rule_lines,
    collapse_spaces,
)


@dataclass(frozen=True)
class CleanPage:
    text: str
    anchors: Anchors  # (clean offset, raw offset) pairs; see ``sourcemap.to_raw``


def clean_document(pages: Sequence[str], *, ocr: Sequence[bool] | None = None) -> list[CleanPage]:
    """The cleanup pipeline over a document's raw pages; ``ocr[i]`` marks pages read by OCR."""
    ocr = list(ocr) if ocr is not None else [False] * len(pages)
    texts = [Tracked.of(p) for p in pages]
    for step in PER_PAGE:
        texts = [step(t) for t in texts]
    texts = [fix_ocr(t) if is_ocr else t for t, is_ocr in zip(texts, ocr)]
    texts = strip_page_furniture(texts)
    texts = [join_hyphenated_words(t) for t in texts]
    texts = join_hyphens_across_pages(texts)
    texts = [collapse_blank_lines(normalize_soles(normalize_numero(t))).strip() for t in texts]
    return [CleanPage(t.text, t.anchors()) for t in texts]


def clean_pages(pages: Sequence[str], *, ocr: Sequence[bool] | None = None) -> list[str]:
    """Only the texts of ``clean_document``."""
    return [page.text for page in clean_document(pages, ocr=ocr)]
