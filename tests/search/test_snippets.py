import pytest

from search.query.parser import highlight_terms, parse_query
from search.query.snippets import snippet

PAGES = [
    "Página de cortesía.",
    "En Puerto Maldonado, la ACUSACIÓN fiscal por el delito de TRATA DE\nPERSONAS agravada, artículo 153-A, "
    "en agravio de la menor. El año pasado; el ano. Minería ilegal, personal policial.",
]


def snip(query: str, pages=PAGES, **kw):
    return snippet(pages, highlight_terms(parse_query(query)), **kw)


@pytest.mark.parametrize(("query", "marked"), [
    ("acusacion", ["ACUSACIÓN"]),
    ("persona", ["PERSONAS"]),                       # not "personal": another stem
    ('"trata de personas"', ["TRATA DE\nPERSONAS"]),
    ("trata de personas", ["TRATA", "PERSONAS"]),
    ("acusa*", ["ACUSACIÓN"]),
    ("153-A", ["153-A"]),
    ("año", ["año"]),
    ("ano", ["ano"]),
    ("mineria -menor", ["Minería"]),                  # excluded words are not marked
    ("ilegal", ["ilegal"]),
])
def test_marks_what_matched(query, marked):
    text, page = snip(query)
    assert page == 2
    expected = [" ".join(m.split()) for m in marked]
    assert [part for i, part in enumerate(text.split("**")) if i % 2] == expected


@pytest.mark.parametrize("query", ["gravio", "53-A", "ersonas", "legal"])
def test_nothing_is_marked_inside_a_word_or_a_number(query):
    text, _ = snip(query)  # "agravio", "153-A", "PERSONAS", "ilegal" hold them, not as words
    assert "**" not in text


def test_window_of_about_thirty_words_with_ellipses():
    words = [f"palabra{i}" for i in range(200)]
    words[120] = "Acusación"
    text, page = snip("acusacion", ["\n".join(words)])
    assert page == 1
    assert text.startswith("… palabra114 ") and text.endswith(" …")
    assert "**Acusación**" in text
    assert len(text.split()) == 30 + 2


def test_best_page_has_most_distinct_terms():
    text, page = snip("trata minería", ["trata trata trata", "otra cosa", "trata y minería"])
    assert (text, page) == ("**trata** y **minería**", 3)


def test_no_match_gives_the_start_of_the_first_page_with_text():
    assert snip("inexistente", ["", "  ", "Primera línea del texto."]) == ("Primera línea del texto.", 3)
    assert snippet(["", "Hola."], highlight_terms(None)) == ("Hola.", 2)
    assert snippet([""], highlight_terms(None)) == ("", None)


def test_adjacent_phrase_matches_stay_separate():
    text, _ = snip('"trata de personas"', ["Trata de personas Trata de personas"])
    assert text == "**Trata de personas** **Trata de personas**"
