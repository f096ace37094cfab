from pathlib import Path

import pytest

from search.query import analysis
from search.query.analysis import STOP_WORDS, exact_terms, fold, stem, stem_terms


@pytest.mark.parametrize(("word", "folded"), [
    ("Acusación", "acusacion"),
    ("ACUSACION", "acusacion"),
    ("acusacio\u0301n", "acusacion"),  # decomposed accent
    ("AÑO", "año"),                     # ñ is kept: año ≠ ano
    ("an\u0303o", "año"),               # decomposed ñ
    ("ano", "ano"),
    ("Pingüino", "pinguino"),
    ("ﬁscal", "fiscal"),               # ligature
    ("Nº", "no"),                       # ordinal indicator
])
def test_fold(word, folded):
    assert fold(word) == folded


@pytest.mark.parametrize(("text", "terms"), [
    ("La ACUSACIÓN fiscal", ["la", "acusacion", "fiscal"]),
    ("artículo 153-A, numerales 4 y 5", ["articulo", "153", "a", "numerales", "4", "y", "5"]),
    ("Casación 412-2020, Madre de Dios", ["casacion", "412", "2020", "madre", "de", "dios"]),
    ("R.N. N.° 1234-2017-Lima", ["r", "n", "n", "1234", "2017", "lima"]),
    ("…-2019PUNO", ["2019", "puno"]),     # letters glued to digits are two tokens
    ("153A", ["153", "a"]),              # the same tokens as "153-A"
    ("S/ 10 000.00", ["s", "10", "000", "00"]),
    ("el año; el ano", ["el", "año", "el", "ano"]),
    ("  \n\t", []),
])
def test_exact_terms(text, terms):
    assert exact_terms(text) == terms


@pytest.mark.parametrize(("word", "is_stop"), [
    ("de", True), ("la", True), ("más", True), ("mas", True), ("él", True), ("estuviéramos", True),
    ("estado", False),   # "el Estado" is a party in rulings (KEEP_IN_LEGAL_TEXT)
    ("estados", False),
    ("trata", False), ("personas", False), ("año", False), ("menor", False),
])
def test_stop_words(word, is_stop):
    assert (fold(word) in STOP_WORDS) is is_stop


def test_stop_list_is_snowball_spanish_with_its_source():
    data = Path(analysis.__file__).parent / "data" / "stopwords_es.txt"
    lines = data.read_text("utf-8").splitlines()
    words = [line for line in lines if line and not line.startswith("#")]
    assert len(words) == 313 and words[:5] == ["de", "la", "que", "el", "en"]
    assert any("snowballstem.org/algorithms/spanish/stop.txt" in line for line in lines)


# Words that must be found by each other (same stem after folding).
@pytest.mark.parametrize(("a", "b"), [
    ("acusación", "acusacion"),
    ("personas", "persona"),
    ("PERSONAS", "persona"),
    ("minería", "mineria"),
    ("sentencias", "sentencia"),
    ("condenó", "condeno"),
    ("agraviada", "agraviado"),
    ("ilegales", "ilegal"),
    ("explotación", "explotacion"),
    ("Árboles", "arbol"),
])
def test_same_stem(a, b):
    assert stem(fold(a)) == stem(fold(b))


@pytest.mark.parametrize(("a", "b"), [
    ("año", "ano"),
    ("niños", "ninos"),
    ("persona", "personal"),
    ("fundada", "infundada"),
])
def test_different_stem(a, b):
    assert stem(fold(a)) != stem(fold(b))


def test_stem_terms_drop_stop_words_and_stem():
    assert stem_terms("TRATA DE PERSONAS") == stem_terms("trata de persona") == ["trat", "person"]


def test_word_pairs():
    assert analysis.word_pairs(["trata", "de", "personas"], "_") == "trata_de de_personas"
