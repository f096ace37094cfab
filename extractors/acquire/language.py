"""Language of a page and of a document (langdetect, seeded so results are repeatable)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from langdetect import DetectorFactory, detect
from langdetect.lang_detect_exception import LangDetectException

DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes it deterministic

MIN_LETTERS = 40  # below this, langdetect guesses; we say "unknown"
SAMPLE_CHARS = 2000  # plenty for a sure answer; bounds the cost (~3 ms a page)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when there is too little text to tell."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
    try:
        return detect(text[:SAMPLE_CHARS])
    except LangDetectException:
        return None


def document_language(pages: Iterable[tuple[str, str | None]]) -> str | None:
    """The language of most of the text: page languages weighted by their letter count."""
    weights: Counter[str] = Counter()
    for text, language in pages:
        if language:
            weights[language] += sum(c.isalpha() for c in text)
    return weights.most_common(1)[0][0] if weights else None
