"""Language of a page and of a document (langdetect, seeded so results are repeatable)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence

from langdetect import DetectorFactory, detect
from langdetect.lang_detect_exception import LangDetectException

# langdetect samples at random; with a fixed seed every call (one page, one document) gives
# the same answer for the same text, whatever was detected before it
DetectorFactory.seed = 0

# langdetect loads its language profiles lazily into one global factory; two threads that
# call it first at the same time both load them and corrupt it (Spanish rulings came out as
# "pl", "ro" or "ca" under the ingest flow's threads). One lock serialises detection: it
# costs ~3 ms a page, nothing beside OCR.
_lock = threading.Lock()

MIN_LETTERS = 40  # below this, langdetect guesses; we say "unknown"
SAMPLE_CHARS = 2000  # plenty for a sure answer; bounds the cost (~3 ms a page)
EXPECTED = "es"
NAMES = {"en": "inglés", "pt": "portugués", "fr": "francés", "it": "italiano",
         "de": "alemán", "ca": "catalán", "gl": "gallego", "la": "latín"}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when there is too little text to tell."""
    if letters(text) < MIN_LETTERS:
        return None
    try:
        with _lock:
            return detect(text[:SAMPLE_CHARS])
    except LangDetectException:
        return None


def letters(text: str) -> int:
    """How many letters ``text`` has (each distinct character judged once)."""
    return sum(n for c, n in Counter(text).items() if c.isalpha())


def document_language(pages: Sequence[tuple[str, str | None]]) -> str | None:
    """The language of most of the text: page languages weighted by their letter count.

    When no page has enough text on its own, the pages are read together.
    """
    weights: Counter[str] = Counter()
    for text, language in pages:
        if language:
            weights[language] += letters(text)
    if weights:
        return weights.most_common(1)[0][0]
    return detect_language("\n".join(text for text, _ in pages))


def language_warning(language: str | None, texts: Sequence[str]) -> str | None:
    """What to tell the user when a document is not (or cannot be told to be) in Spanish."""
    if language == EXPECTED:
        return None
    if language is None:
        if not any(t.strip() for t in texts):
            return "ninguna página tiene texto: revise el archivo (¿páginas en blanco?)"
        return "no se pudo determinar el idioma (muy poco texto)"
    name = NAMES.get(language, f"el idioma «{language}»")
    return (f"el documento parece estar en {name} ({language}), no en español: se leyó igual, "
            "pero la extracción de datos está pensada para resoluciones en español")
