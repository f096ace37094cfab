import os
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


# ---------------------------------------------------------------------------- the C loop

ODD_TEXTS = [
    "", "   \n\t ", "AÑO ano an\u0303o", "ﬁscal ² ½ ℃ № Nº", "153-A 153A …-2019PUNO", "Nan\u00adcy Nan-\ncy",
    "emoji 🙂 y 漢字 y ΑΘΗΝΑ", "sin\u00a0espacio", "acusacio\u0301n\u0301\u0301", "el Estado de la Nación",
    "x" * 5000, "de " * 3000,
]
WILD = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "wild"


def _texts() -> list[str]:
    wild = sorted(WILD.glob("*.txt")) if WILD.is_dir() else []
    return ODD_TEXTS + [p.read_text(encoding="utf-8") for p in wild]


@pytest.mark.skipif(analysis._analyse_in_c is None, reason="search._speedups no está compilado")
def test_the_c_loop_gives_the_python_tokens():
    for text in _texts():
        assert analysis.analyse(text) == analysis.analyse_in_python(text), text[:60]
        assert analysis.analyse(text) == analysis.analyse_in_python(text)  # and again, from its caches


@pytest.mark.skipif(analysis._pairs_in_c is None, reason="search._speedups no está compilado")
@pytest.mark.parametrize("words", [[], ["a"], ["a", "b"], ["trata", "de", "personas"], ["año", "🙂", "ΑΘΗΝΑ", ""],
                                   ["x" * 300] * 50])
def test_the_c_pairs_are_the_python_pairs(words):
    assert analysis.word_pairs(words, "_") == analysis.word_pairs_in_python(words, "_")


@pytest.mark.skipif(analysis._pairs_in_c is None, reason="search._speedups no está compilado")
def test_the_c_pairs_of_real_texts():
    for text in _texts():
        words = analysis.analyse(text)[1]
        assert analysis.word_pairs(words, "_") == analysis.word_pairs_in_python(words, "_")


def test_word_pairs():
    assert analysis.word_pairs(["trata", "de", "personas"], "_") == "trata_de de_personas"


@pytest.mark.skipif(analysis._analyse_in_c is None, reason="search._speedups no está compilado")
def test_the_c_loop_survives_caches_emptied_by_other_threads():
    import threading

    texts = _texts()
    expected = [analysis.analyse_in_python(t) for t in texts]
    failures: list[str] = []

    def work() -> None:
        for _ in range(20):
            for text, want in zip(texts, expected, strict=True):
                if analysis.analyse(text) != want:
                    failures.append(text[:40])

    def clear() -> None:
        for _ in range(2000):
            analysis._CHUNKS.clear()
            analysis._STEMS.clear()

    threads = [threading.Thread(target=work) for _ in range(3)] + [threading.Thread(target=clear)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


@pytest.mark.skipif(not os.environ.get("CI"), reason="fuera de CI el módulo en C es opcional")
def test_the_c_loop_is_built_in_ci():
    # Optional where there is no compiler, but CI machines have one: a silent fallback
    # there would hide a third more CPU per ruling prepared for the index.
    assert analysis._analyse_in_c is not None, "setup.py no compiló search._speedups"
