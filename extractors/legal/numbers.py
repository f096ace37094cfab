"""Numbers written in words or digits: a thin wrapper around text2num.

``words_to_int("dos mil veintidós") == 2022``; ``parse_amount("S/ 15 000.00") == 15000.0``.
"""

from __future__ import annotations

import re

from text_to_num import text2num

from extractors.legal.patterns import numbers as P
from extractors.legal.text import fold_key


def words_to_int(words: str) -> int | None:
    """Value of a run of Spanish number words, or None when it is not one number."""
    key = fold_key(words)
    if key in P.ORDINAL_DAY:
        return P.ORDINAL_DAY[key]
    tokens = [P.TEXT2NUM_SPELLING.get(t, t) for t in key.split()]
    if tokens[:2] == ["un", "mil"]:  # "un mil ochocientos" -> "mil ochocientos"
        tokens = tokens[1:]
    if tokens in (["un"], ["uno"]):
        return 1
    try:
        return int(text2num(" ".join(tokens), "es"))
    except (ValueError, TypeError):
        return None


_DIGITS = re.compile(r"^\d{1,3}(?:[ .,]\d{3})*(?:[.,]\d{1,2})?$|^\d+(?:[.,]\d{1,2})?$")
# the millions mark of Peruvian writing: "S/ 1'500,000.00"
_MILLIONS = re.compile(r"(?<=\d)['’´](?=\d{3}\b|\d{3}[ .,])")


def parse_amount(text: str) -> float | None:
    """Money or decimal in Peruvian writing: "15 000.00", "5,000.00", "1500,00", "1.500",
    "1'500,000.00"."""
    t = _MILLIONS.sub(",", text.strip()).rstrip(".,")
    if not t or not _DIGITS.match(t):
        return None
    m = re.match(r"^(.*?)([.,](\d{1,2}))?$", t)
    whole, dec = m.group(1), m.group(3)
    if dec is not None and re.search(r"[ .,]\d{3}$", whole + "x") is None and len(dec) == 3:
        whole, dec = t, None
    whole = re.sub(r"[ .,]", "", whole)
    if not whole.isdigit():
        return None
    return float(whole) + (float("0." + dec) if dec else 0.0)


def find_number_words(low: str, start: int = 0, end: int | None = None):
    """Yield (start, end, value) of every run of number words in folded text."""
    for m in P.NUMBER_RUN.rx.finditer(low, start, len(low) if end is None else end):
        value = words_to_int(m.group())
        if value is not None:
            yield m.start(), m.end(), value
