"""The Spanish analysis chain, shared by index time and query time.

``text → spans → fold → split → (stop words) → Snowball stem``

- **spans**: runs of letters (with any combining marks) or runs of digits.
- **fold**: case fold and strip accents (NFKD, drop combining marks), but keep ``ñ``:
  "año" and "ano" are different words. "Acusación", "ACUSACION" and "acusacion" all
  become ``acusacion``.
- **split**: letters and digits are separate tokens ("2019PUNO" → ``2019``, ``puno``;
  "153-A" → ``153``, ``a``), the same way whatever punctuation stood between them.
- **stop words**: Snowball's Spanish list (``data/stopwords_es.txt``), folded the same way.
- **stem**: Snowball Spanish (PyStemmer) over the *folded* word, so a query typed without
  accents stems exactly like the accented text ("minería" and "mineria" → ``mineri``).

Everything here is pure: no state beyond caches and a per-thread stemmer.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import chain

import Stemmer

# Bump when any step below changes the tokens it produces: an index built with another
# version re-analyses its stored text when opened.
ANALYZER_VERSION = "es-1"

# Combining marks that may follow a letter in decomposed (NFD) text.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# A run of letters (plus combining marks, soft hyphens inside a word are not letters)
# or a run of digits. ``[^\W\d_]`` is "a Unicode letter".
_SPAN = re.compile(rf"(?:[^\W\d_]|[{_MARKS}])+|\d+")
# After folding, a span may still mix letters and digits ("²" → "2"): split again.
_PART = re.compile(r"[^\W\d_]+|\d+")

# Words of Snowball's list that carry meaning in a ruling: "el Estado" is a party
# (agraviado: el Estado, representado por la Procuraduría ...).
KEEP_IN_LEGAL_TEXT = frozenset({"estado", "estados"})


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case- and accent-fold ``word``, keeping ``ñ`` (``"AÑO"`` → ``"año"``, ``"Acción"`` → ``"accion"``)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", word.casefold()):
        if unicodedata.combining(ch):
            if ch == "\u0303" and out and out[-1] == "n":  # n + combining tilde = ñ
                out[-1] = "ñ"
            continue
        out.append(ch)
    return "".join(out)


def _load_stop_words() -> frozenset[str]:
    text = resources.files("search.query").joinpath("data/stopwords_es.txt").read_text("utf-8")
    words = {fold(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(words - KEEP_IN_LEGAL_TEXT)


STOP_WORDS: frozenset[str] = _load_stop_words()

_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer objects are not safe to share between threads; one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("spanish")
    return stemmer


@lru_cache(maxsize=200_000)
def stem(folded: str) -> str:
    """Snowball Spanish stem of an already folded token."""
    return _stemmer().stemWord(folded)


@lru_cache(maxsize=200_000)
def parts(span: str) -> tuple[str, ...]:
    """The folded tokens of one span of the original text (usually one; "²" or "ﬁ" aside)."""
    folded = fold(span)
    if span.isascii() and (span.isalpha() or span.isdigit()):  # fast path: one ASCII part
        return (folded,) if folded else ()
    return tuple(_PART.findall(folded))


@lru_cache(maxsize=200_000)
def _indexed_stem(folded: str) -> str | None:
    return None if folded in STOP_WORDS else stem(folded)


@lru_cache(maxsize=200_000)
def _chunk_terms(chunk: str) -> tuple[str, ...]:
    return tuple(p for span in _SPAN.findall(chunk) for p in parts(span))


def exact_terms(text: str) -> list[str]:
    """Folded, unstemmed tokens, stop words kept: what quoted phrases are matched against."""
    # Spans never cross whitespace, so cutting at whitespace first changes nothing and lets
    # a cache answer for the words ("acusación,", "la") that recur on every page: 3x faster.
    return list(chain.from_iterable(map(_chunk_terms, text.split())))


def analyse(text: str) -> tuple[list[str], list[str]]:
    """``(stem terms, exact terms)`` of ``text``: the two FTS columns, in one pass.

    Stem terms are folded, stemmed and without stop words; exact terms are folded only."""
    exact = exact_terms(text)
    return [s for s in map(_indexed_stem, exact) if s is not None], exact


def word_pairs(words: list[str], joiner: str) -> str:
    """Every two adjacent words joined by ``joiner``, the pairs separated by spaces:
    ``["trata", "de", "personas"]`` → ``"trata_de de_personas"``."""
    return " ".join(map(joiner.join, zip(words, words[1:])))


def stem_terms(text: str) -> list[str]:
    """Folded, stemmed tokens without stop words: what plain words are matched against."""
    return analyse(text)[0]


def analyse_word(folded: str) -> str | None:
    """Stem of one folded token, or None for a stop word."""
    return _indexed_stem(folded)


def _variant_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for code in range(0x20, 0x250):  # Basic Latin to Latin Extended-B
        ch = chr(code)
        folded = fold(ch)
        if len(folded) == 1 and folded.isalnum():
            groups.setdefault(folded, set()).add(ch)
    return {k: frozenset(v) for k, v in groups.items()}


_GROUPS = _variant_groups()
MARKS = _MARKS


@lru_cache(maxsize=4096)
def char_pattern(folded: str, *, enye_is_n: bool = False) -> str:
    """A regex matching any character of the original text that folds to ``folded``
    (any case, any accent, precomposed or decomposed). ``ñ`` and ``n`` stay apart unless
    ``enye_is_n`` (redaction prefers to over-match)."""
    chars = set(_GROUPS.get(folded, {folded}))
    if enye_is_n and folded in "nñ":
        chars |= _GROUPS["n"] | _GROUPS["ñ"]
    cls = "[" + "".join(sorted(re.escape(c) for c in chars)) + "]"
    if folded == "ñ" or (enye_is_n and folded == "n"):
        return rf"(?:{cls}|[nN]\u0303)[{_MARKS}]*"
    if folded == "n":
        return rf"{cls}(?!\u0303)[{_MARKS}]*"
    return rf"{cls}[{_MARKS}]*"


def normalize_key(value: str) -> str:
    """Folded tokens joined by single spaces: how filter values such as districts compare."""
    return " ".join(exact_terms(value))
