"""Language of a page and of a document (langdetect, seeded so results are repeatable).

A page whose sample is plainly Spanish (many Spanish function words, next to none of the
languages nearest to it) is called Spanish without langdetect, which costs ~4 ms a page
(some 40% of acquiring a born-digital ruling); every other page goes to langdetect. The test
only ever answers where langdetect says ``es``:
``tests/extractors/test_acquire_language.py`` compares the two on the generated corpus,
the wild corpora and texts in the neighbouring languages.
"""

from __future__ import annotations

import re
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


# Function words frequent in Spanish prose and rare or absent in Portuguese, Galician,
# Catalan, Italian and French as whole words ("que", "en", "se", "por" are shared, and
# counted: the other list is what tells a neighbour apart).
SPANISH_WORDS = frozenset("el los las del al y en por con su sus lo una es fue más sin pero ni como se que".split())
# Function words of those languages and English that Spanish text does not use as words.
# Left out on purpose, because Spanish rulings use them: "o", "e", "a", "le", "les", "dos",
# "da", "i" (a roman numeral), "no", "un". Latin tags ("non bis in idem") send a page to
# langdetect, which is only slower.
OTHER_WORDS = frozenset((
    "não os as do em um uma com ao pelo pela são é à na nas "  # Portuguese
    "unha coa polo pola sen máis non "  # Galician
    "els amb és per aquest això pel dels "  # Catalan
    "il di che gli della sono è "  # Italian
    "des et du est dans qui pour au aux "  # French
    "the and of to is that with for was"  # English
).split())
MIN_SPANISH_WORDS = 15  # in the sample, and
SPANISH_SHARE = 1 / 8  # of its words at least, with
OTHER_SHARE = 1 / 10  # other words at most this share of the Spanish ones
_WORD = re.compile(r"[^\W\d_]+")


def plainly_spanish(sample: str) -> bool:
    """Whether ``sample`` is Spanish beyond doubt, by counting function words (~0.1 ms)."""
    words = _WORD.findall(sample.lower())
    spanish = sum(w in SPANISH_WORDS for w in words)
    if spanish < MIN_SPANISH_WORDS or spanish < SPANISH_SHARE * len(words):
        return False
    return sum(w in OTHER_WORDS for w in words) <= OTHER_SHARE * spanish


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when there is too little text to tell."""
    if letters(text) < MIN_LETTERS:
        return None
    sample = text[:SAMPLE_CHARS]
    return EXPECTED if plainly_spanish(sample) else langdetect_language(sample)


def langdetect_language(sample: str) -> str | None:
    """langdetect's answer for ``sample``, or None when it cannot tell."""
    try:
        with _lock:
            return detect(sample)
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
