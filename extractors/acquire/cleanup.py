"""Cleanup of page text: small pure functions, each conservative, composed by ``clean_pages``.

The text ``clean_pages`` returns is what ``schemas.Page.text`` stores; every later character
offset points into it. Each step either repairs an artefact of how the text was obtained
(PDF line-end hyphens, ligatures, page furniture, Tesseract misreadings) or normalises a
spelling variant the extractors would otherwise have to know about (``N°`` vs ``N.°``).
Nothing here removes a line unless it is page furniture by a narrow definition.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

# --- characters -------------------------------------------------------------------------

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
LIGATURE_RE = re.compile("|".join(LIGATURES))

PDFIUM_LINE_HYPHEN = "\ufffe"  # what pdfium reports for a hyphen that ends a line
SOFT_HYPHEN = "\u00ad"
# control characters other than \n and \t (a form feed would break DocumentText's page joins)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]")
SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize_unicode(text: str) -> str:
    """NFC, so 'á' is one code point whatever the PDF or OCR produced."""
    return unicodedata.normalize("NFC", text)


def normalize_newlines(text: str) -> str:
    """\\r\\n and \\r to \\n; form feeds and other control characters to line breaks/nothing."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    return CONTROL_RE.sub("", text)


def replace_ligatures(text: str) -> str:
    return LIGATURE_RE.sub(lambda m: LIGATURES[m.group()], text)


def restore_line_hyphens(text: str) -> str:
    """pdfium's line-end hyphen marker (U+FFFE) and soft hyphens become '-' + line break.

    ``join_hyphenated_words`` then decides whether to join the two halves.
    """
    text = text.replace(PDFIUM_LINE_HYPHEN, "-\n")
    return re.sub(SOFT_HYPHEN + r"\n?", "-\n", text)


def collapse_spaces(text: str) -> str:
    """Trim each line; a run of spaces becomes one space, a wider gap exactly two.

    Three or more spaces (or a tab) between words is a column gap in a layout-preserving
    text dump ('EXPEDIENTE          IMPUTADOS'); it is kept, as two spaces, so a two-column
    header can still be told apart from a phrase. (A second pass would shrink such a gap to
    one space; ``clean_pages`` runs it once.)
    """
    def one_line(line: str) -> str:
        line = SPACES_RE.sub(lambda m: "  " if len(m.group()) >= 3 or "\t" in m.group() else " ",
                             line)
        return line.strip()

    return collapse_blank_lines("\n".join(one_line(line) for line in text.split("\n")))


def collapse_blank_lines(text: str) -> str:
    """At most one blank line in a row."""
    return re.sub(r"\n{3,}", "\n\n", text)


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


def join_hyphenated_words(text: str) -> str:
    """'Nan-\\ncy llegó' → 'Nancy\\nllegó': the word is rejoined on the first line.

    Only lowercase-to-lowercase breaks are joined ('Huanca-\\nPari' and '153-\\nA' stay).
    """
    def join(m: re.Match[str]) -> str:
        word = f"{m['left']}-{m['right']}"
        joined = word if word.lower() in KEEP_HYPHEN else m["left"] + m["right"]
        line_ends_here = m.string[m.end():m.end() + 1] in ("", "\n")
        return f"{joined}{m['punct']}" + ("" if line_ends_here else "\n")

    return HYPHEN_BREAK_RE.sub(join, text)


PAGE_END_HYPHEN_RE = re.compile(rf"([^\W\d_]*[{LOWER}])-\Z")
PAGE_START_WORD_RE = re.compile(rf"\A([{LOWER}][^\W\d_]*[.,;:)»”]*)[ ]?\n?")


def join_hyphens_across_pages(pages: Sequence[str]) -> list[str]:
    """A word split by a page break ('notifí-' | 'quese.') is completed on the first page."""
    out = list(pages)
    for i in range(len(out) - 1):
        end = PAGE_END_HYPHEN_RE.search(out[i])
        start = PAGE_START_WORD_RE.match(out[i + 1])
        if not (end and start):
            continue
        word = f"{end.group(1)}-{start.group(1)}"
        if word.lower() in KEEP_HYPHEN:
            out[i] = out[i] + start.group(1)
        else:
            out[i] = out[i][:-1] + start.group(1)
        out[i + 1] = out[i + 1][start.end():]
    return out


# --- page furniture ---------------------------------------------------------------------

PAGE_NUMBER_RE = re.compile(
    r"""^(?:
        (?:p[áa]g(?:ina)?\.?)\s*\d{1,4}(?:\s*(?:de|/)\s*\d{1,4})?    # Página 3 de 12, Pág. 3
      | [-–—]\s*\d{1,4}\s*[-–—]                                      # - 3 -
      | (?P<a>\d{1,3})\s*(?:/|\s de \s)\s*(?P<b>\d{1,3})               # 3/12, 3 de 12
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
EDGE_LINES = 3  # running headers and footers are looked for among the first/last 3 lines
RUNNING_SHARE = 0.6  # ... and must repeat on at least 60 % of the (virtual) pages
RUNNING_MAX_LEN = 150
RUNNING_MIN_ALNUM = 4


def is_page_number_line(line: str) -> bool:
    m = PAGE_NUMBER_RE.match(line.strip())
    return bool(m) and (m["a"] is None or int(m["a"]) <= int(m["b"]))


def strip_page_furniture(pages: Sequence[str]) -> list[str]:
    """Remove page-number lines and running header/footer lines.

    A page-number line ('Página 3 de 12', '- 3 -', '3/12') also splits a page into
    virtual pages, so text that was flattened without form feeds still has its running
    headers found. A running line is one of the first or last ``EDGE_LINES`` non-blank
    lines of a virtual page, repeated (digits ignored) on most virtual pages. The running
    header at the top of the first page is kept: it names the court or the case once.
    Where furniture interrupted a sentence, the two halves are rejoined with one line break.
    """
    split = [_virtual_pages(_drop_bare_page_number(page.split("\n"), number))
             for number, page in enumerate(pages, start=1)]
    running = _running_keys([vp for page in split for vp in page])
    out = []
    for page_index, vpages in enumerate(split):
        kept = [_drop_running(lines, running, keep_header=page_index == 0 and v_index == 0)
                for v_index, lines in enumerate(vpages)]
        out.append(_rejoin(kept))
    return out


def _drop_bare_page_number(lines: list[str], number: int) -> list[str]:
    """A line holding only this page's number, as the first or last non-blank line."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    edges = {filled[0], filled[-1]} if filled else set()
    return [line for i, line in enumerate(lines)
            if not (i in edges and line.strip() == str(number))]


def _virtual_pages(lines: list[str]) -> list[list[str]]:
    """Split at page-number lines; the page-number lines themselves are dropped."""
    chunks: list[list[str]] = [[]]
    for line in lines:
        if is_page_number_line(line):
            chunks.append([])
        else:
            chunks[-1].append(line)
    return chunks


def _furniture_key(line: str) -> str:
    """Lines that differ only in spacing or in their numbers are the same furniture."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and of the last ``EDGE_LINES`` non-blank lines (no overlap)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    in_head = min(EDGE_LINES, (len(filled) + 1) // 2)
    return filled[:in_head], filled[in_head:][-EDGE_LINES:]


def _running_keys(virtual: list[list[str]]) -> set[tuple[str, str]]:
    """(zone, key) of lines repeated in the same zone, head or foot, of most pages."""
    counts: Counter[tuple[str, str]] = Counter()
    filled_pages = 0
    for lines in virtual:
        head, foot = _edges(lines)
        if not head:
            continue
        filled_pages += 1
        counts.update({(zone, _furniture_key(lines[i]))
                       for zone, indexes in (("head", head), ("foot", foot)) for i in indexes
                       if _could_be_furniture(lines[i])})
    needed = max(2, math.ceil(RUNNING_SHARE * filled_pages))
    return {zone_key for zone_key, n in counts.items() if n >= needed}


def _could_be_furniture(line: str) -> bool:
    line = line.strip()
    return len(line) <= RUNNING_MAX_LEN and sum(c.isalnum() for c in line) >= RUNNING_MIN_ALNUM


def _drop_running(lines: list[str], running: set[tuple[str, str]], *,
                  keep_header: bool) -> list[str]:
    head, foot = _edges(lines)
    drop = {i for i in foot if ("foot", _furniture_key(lines[i])) in running}
    if not keep_header:
        drop |= {i for i in head if ("head", _furniture_key(lines[i])) in running}
    return [line for i, line in enumerate(lines) if i not in drop]


def _rejoin(chunks: list[list[str]]) -> str:
    """Glue virtual pages back: one line break inside a sentence, a blank line otherwise."""
    text = ""
    for lines in chunks:
        piece = "\n".join(lines).strip()
        if not piece:
            continue
        if not text:
            text = piece
        else:
            text += ("\n" if _continues(text, piece) else "\n\n") + piece
    return text


def _continues(before: str, after: str) -> bool:
    """Does the text after a removed page break continue the sentence before it?"""
    return before[-1] == "-" or (before[-1] not in ".:;!?" and after[0].islower())


# --- N.° -------------------------------------------------------------------------------

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


def normalize_numero(text: str) -> str:
    """'N° 123', 'Nº 123', 'N.º 123', 'N.o 123', 'Nro. 123' → 'N.° 123'."""
    def fix(m: re.Match[str]) -> str:
        space = " " if m["digit"] or not m["space"] else m["space"]
        return f"{m['n']}.°{space}"

    return NUMERO_RE.sub(fix, text)


# Tesseract 'spa' reads the raised ° or º of "N.º" as 2, ?, * or a closing quote
OCR_NUMERO_RE = re.compile(r"(?<![^\W\d_])N\.\s?[2?*”\"’'](?=\s+\d)")


def fix_ocr_numero(text: str) -> str:
    """'N.2 123-2019', 'N.? 123', 'N.* 123', 'N.” 123' (OCR misreadings) → 'N.° 123-2019'."""
    return OCR_NUMERO_RE.sub("N.°", text)


# --- composition ------------------------------------------------------------------------

PER_PAGE: tuple[Callable[[str], str], ...] = (
    normalize_newlines,
    restore_line_hyphens,
    normalize_unicode,
    replace_ligatures,
    collapse_spaces,
)


def clean_pages(pages: Sequence[str], *, ocr: Sequence[bool] | None = None) -> list[str]:
    """The cleanup pipeline over a document's pages; ``ocr[i]`` marks pages read by OCR."""
    ocr = list(ocr) if ocr is not None else [False] * len(pages)
    texts = list(pages)
    for step in PER_PAGE:
        texts = [step(t) for t in texts]
    texts = [fix_ocr_numero(t) if is_ocr else t for t, is_ocr in zip(texts, ocr)]
    texts = strip_page_furniture(texts)
    texts = [join_hyphenated_words(t) for t in texts]
    texts = join_hyphens_across_pages(texts)
    return [collapse_blank_lines(normalize_numero(t)).strip() for t in texts]
