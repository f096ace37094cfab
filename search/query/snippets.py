"""Snippets: the ~30-word passage of the original page text that best matches a query.

A snippet marks what made the document match: words with the query's stems, its exact
phrases, its prefixes, compared like the index compares them (``search.query.analysis``). To stay
fast on long pages, one regex built from the query finds candidate words in the original
text (any case, any accent); stem candidates are confirmed with the stemmer; only the
chosen passage is cut into words. Matches are wrapped in ``**``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

from search.query.analysis import MARKS, analyse_word, char_pattern, parts
from search.query.parser import HighlightTerms

SNIPPET_WORDS = 30
CHARS_PER_WORD = 7  # average word plus space in Spanish rulings: sizes the candidate window
_CONTEXT = 6  # words shown before the first match of the passage
_LONG_WORD = 16  # characters: enough text is cut around a match to hold ``words`` such words
MARK = "**"

_LETTERS = rf"(?:[^\W\d_]|[{MARKS}])*"
_BEFORE = {"letter": r"(?<![^\W\d_])", "digit": r"(?<!\d)"}
_BEFORE_FIRST = {"letter": r"(?<![^\W\d_].)", "digit": r"(?<!\d.)"}  # after the first character
_AFTER = {"letter": rf"(?![^\W\d_]|[{MARKS}])", "digit": r"(?!\d)"}
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\S+")  # what the ~30 words of a snippet count
_ALNUM = re.compile(r"[^\W_]")


def _kind(token: str) -> str:
    return "digit" if token.isdigit() else "letter"


def _sequence(tokens: Sequence[str], *, prefix: bool) -> str:
    """Consecutive tokens as the index sees them: any non-word characters between two
    letter tokens (or two digit tokens), possibly none between a letter and a digit.

    The word boundary before the first character is checked just after it, as "the
    character before this one": the pattern then starts with a character class, and
    ``re`` skips every position whose character is in no branch's first class instead of
    trying each branch there (snippets were two thirds of a search's cost)."""
    kind = _kind(tokens[0])
    first = char_pattern(tokens[0][0])
    if first.startswith("[") and "]" in first:  # one character of the text: a class, then marks
        end = first.index("]") + 1
        out = [first[:end], _BEFORE_FIRST[kind], first[end:]]
    else:  # "ñ" may be two characters (n and a combining tilde): the boundary goes before
        out = [_BEFORE[kind], first]
    for i, token in enumerate(tokens):
        if i:
            out.append(r"[\W_]+" if _kind(tokens[i - 1]) == _kind(token) else r"[\W_]*")
        out.append("".join(char_pattern(c) for c in (token[1:] if i == 0 else token)))
    last = _kind(tokens[-1])
    out.append((r"\d*" if last == "digit" else _LETTERS) if prefix else _AFTER[last])
    return "".join(out)


@lru_cache(maxsize=256)
def _compile(terms: HighlightTerms) -> tuple[re.Pattern[str], list[tuple[str, object]]]:
    """One alternation, longest patterns first; group ``tN`` ↔ ``meaning[N]``: ("stem", s)
    (a candidate to confirm), or ("exact", phrase) (matched as is)."""
    branches: list[tuple[int, str, tuple[str, object]]] = []
    for s in terms.stems:
        branches.append((len(s), _sequence([s], prefix=True), ("stem", s)))
    for seq in terms.phrases:
        branches.append((sum(map(len, seq)), _sequence(seq, prefix=False), ("exact", seq)))
    for seq in terms.prefixes:
        branches.append((sum(map(len, seq)), _sequence(seq, prefix=True), ("exact", seq)))
    branches.sort(key=lambda b: -b[0])
    regex = re.compile("|".join(f"(?P<t{i}>{b[1]})" for i, b in enumerate(branches)))
    return regex, [b[2] for b in branches]


def _matches(text: str, terms: HighlightTerms) -> list[tuple[int, int, object]]:
    """(start, end, term) of each match in ``text``, in order."""
    regex, meaning = _compile(terms)
    found = []
    for m in regex.finditer(text):
        kind, term = meaning[int(m.lastgroup[1:])]
        if kind == "stem":
            words = parts(m.group())
            if not words or analyse_word(words[0]) != term:
                continue  # "personal" is a candidate for "person" but not a match
        found.append((m.start(), m.end(), term))
    return found


def _best_window(found: list[tuple[int, int, object]], width: int) -> tuple[tuple[int, int], int]:
    """((distinct terms, matches), index into ``found``) of the best window of ``width`` chars."""
    best: tuple[tuple[int, int], int] = ((0, 0), 0)
    j = 0
    for i, (start, _, _) in enumerate(found):
        j = max(j, i)
        while j + 1 < len(found) and found[j + 1][1] <= start + width:
            j += 1
        score = (len({m[2] for m in found[i:j + 1]}), j + 1 - i)
        if score > best[0]:
            best = (score, i)
    return best


def _passage(text: str, at: int, words: int) -> tuple[int, int]:
    """Character range of ``words`` words around offset ``at`` (a few words before it)."""
    lo = max(0, at - _LONG_WORD * (_CONTEXT + 1))
    hi = min(len(text), at + _LONG_WORD * (words + 1))
    found = [m.span() for m in _WORD.finditer(text, lo, hi)]
    if lo > 0 and found and found[0][0] == lo and not text[lo - 1].isspace():
        found.pop(0)  # a word cut in half by ``lo``
    if hi < len(text) and found and found[-1][1] == hi and not text[hi].isspace():
        found.pop()  # ... or by ``hi``
    first = next((i for i, (_, end) in enumerate(found) if end > at), len(found) - 1)
    start = max(0, first - _CONTEXT)
    chosen = found[start:start + words]
    return chosen[0][0], chosen[-1][1]


def _render(text: str, lo: int, hi: int, marked: list[tuple[int, int]]) -> str:
    if not _ALNUM.search(text, hi):
        hi = len(text)  # the passage reaches the end: keep the final full stop
    merged: list[list[int]] = []
    for a, b in sorted(marked):
        if a < lo or b > hi:
            continue
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)  # overlapping matches form one mark
        else:
            merged.append([a, b])
    out, pos = [], lo
    for a, b in merged:
        out += [text[pos:a], MARK, text[a:b], MARK]
        pos = b
    out.append(text[pos:hi])
    body = _SPACES.sub(" ", "".join(out)).strip()
    return ("… " if _ALNUM.search(text, 0, lo) else "") + body + (" …" if hi < len(text) else "")


def snippet(pages: Sequence[str], terms: HighlightTerms, *, words: int = SNIPPET_WORDS) -> tuple[str, int | None]:
    """The best passage and its 1-based page; the start of the first page with text when
    nothing matches (a filter-only query, a match in the metadata only)."""
    best: tuple[tuple[int, int], int, list[tuple[int, int, object]], int] | None = None
    if terms:
        for number, text in enumerate(pages, start=1):
            found = _matches(text, terms)
            if found:
                score, i = _best_window(found, words * CHARS_PER_WORD)
                if best is None or score > best[0]:
                    best = (score, number, found, i)
    if best is not None:
        _, number, found, i = best
        text = pages[number - 1]
        lo, hi = _passage(text, found[i][0], words)
        return _render(text, lo, hi, [(a, b) for a, b, _ in found]), number
    for number, text in enumerate(pages, start=1):
        first = list(islice(_WORD.finditer(text), words))
        if first:
            return _render(text, first[0].start(), first[-1].end(), []), number
    return "", None
