"""Cleanup of page text: one table per function, one row per (input, expected) case."""

from __future__ import annotations

import pytest

from extractors.acquire.cleanup import (
    clean_pages,
    collapse_spaces,
    fix_ocr_numero,
    is_page_number_line,
    join_hyphenated_words,
    join_hyphens_across_pages,
    normalize_newlines,
    normalize_numero,
    normalize_unicode,
    replace_ligatures,
    restore_line_hyphens,
    strip_page_furniture,
)


def cases(*rows):
    """Parametrise a one-argument function table: rows of (input, expected)."""
    return pytest.mark.parametrize(("text", "expected"), rows, ids=[repr(r[0])[:40] for r in rows])


@cases(
    ("Sa\u0301la Penal", "Sála Penal"),  # combining acute → one code point
    ("Nun\u0303ez", "Nuñez"),
    ("ya compuesto: Ñáéíóú", "ya compuesto: Ñáéíóú"),
)
def test_normalize_unicode(text, expected):
    assert normalize_unicode(text) == expected


@cases(
    ("uno\r\ndos\rtres", "uno\ndos\ntres"),
    ("pág. 1\fpág. 2", "pág. 1\npág. 2"),  # a form feed inside a page would break page joins
    ("a\x00b\x07c\ufeffd", "abcd"),
    ("tab\tqueda\n", "tab\tqueda\n"),
)
def test_normalize_newlines(text, expected):
    assert normalize_newlines(text) == expected


@cases(
    ("el ﬁscal y la ﬂagrancia", "el fiscal y la flagrancia"),
    ("eﬀectos, oﬃcio, aﬄicción", "effectos, officio, afflicción"),
    ("sin ligaduras", "sin ligaduras"),
)
def test_replace_ligatures(text, expected):
    assert replace_ligatures(text) == expected


@cases(
    ("inhabilita\ufffeción del fiscal", "inhabilita-\nción del fiscal"),  # pdfium's marker
    ("repa\u00ad\nración", "repa-\nración"),  # soft hyphen at a line end
    ("repa\u00adración", "repa-\nración"),
)
def test_restore_line_hyphens(text, expected):
    assert restore_line_hyphens(text) == expected


@cases(
    ("la  sentencia   de\u00a0vista ", "la sentencia  de vista"),
    ("   sangría al inicio", "sangría al inicio"),
    ("EXPEDIENTE              IMPUTADOS", "EXPEDIENTE  IMPUTADOS"),  # a column gap stays visible
    ("A\tB", "A  B"),
    ("uno\n\n\n\ndos", "uno\n\ndos"),
    ("uno\n  \ndos", "uno\n\ndos"),
)
def test_collapse_spaces(text, expected):
    assert collapse_spaces(text) == expected


@cases(
    ("Nan-\ncy llegó", "Nancy\nllegó"),
    ("inhabilita-\nción conforme al", "inhabilitación\nconforme al"),
    ("Regístrese y notifí-\nquese.\nSiguiente", "Regístrese y notifíquese.\nSiguiente"),
    ("días-\nmulta y costas", "días-multa\ny costas"),  # a real compound keeps its hyphen
    ("Huanca-\nPari", "Huanca-\nPari"),  # capital after the break: a double surname
    ("artículo 153-\nA del Código", "artículo 153-\nA del Código"),
    ("00347-2019-\n28-2111", "00347-2019-\n28-2111"),
    ("guion - \ncon espacio", "guion - \ncon espacio"),
    ("sin cortes", "sin cortes"),
)
def test_join_hyphenated_words(text, expected):
    assert join_hyphenated_words(text) == expected


@pytest.mark.parametrize(("pages", "expected"), [
    (["Regístrese y notifí-", "quese.\nFirma"], ["Regístrese y notifíquese.", "Firma"]),
    (["los días-", "multa impuestos"], ["los días-multa", "impuestos"]),
    (["Huanca-", "Pari"], ["Huanca-", "Pari"]),
    (["fin.", "inicio"], ["fin.", "inicio"]),
])
def test_join_hyphens_across_pages(pages, expected):
    assert join_hyphens_across_pages(pages) == expected


@cases(
    ("Página 3 de 12", True),
    ("pagina 3", True),
    ("Pág. 2", True),
    ("Pág. 1/3", True),
    ("- 3 -", True),
    ("— 12 —", True),
    ("3/12", True),
    ("3 de 12", True),
    ("12/3", False),  # a date fragment or a fraction, not "page 12 of 3"
    ("2/2019", False),
    ("14 de marzo", False),
    ("Página web del Poder Judicial", False),
    ("3", False),  # a bare number only counts at a page edge, equal to the page number
)
def test_is_page_number_line(text, expected):
    assert is_page_number_line(text) is expected


HEADER = "Corte Superior de Justicia de Puno – Sala Penal de Apelaciones"


def test_strip_page_furniture_removes_running_header_and_page_numbers():
    pages = [
        f"{HEADER}\n\nSENTENCIA DE VISTA\nLima, veinte de mayo de dos mil\n\nPágina 1 de 3",
        f"{HEADER}\n\ndiecinueve se formalizó la investigación.\n\nPágina 2 de 3",
        f"{HEADER}\n\nRESUELVE: CONFIRMAR.\n\nPágina 3 de 3",
    ]
    assert strip_page_furniture(pages) == [
        f"{HEADER}\n\nSENTENCIA DE VISTA\nLima, veinte de mayo de dos mil",  # header kept once
        "diecinueve se formalizó la investigación.",
        "RESUELVE: CONFIRMAR.",
    ]


def test_strip_page_furniture_inside_one_flattened_page_rejoins_the_sentence():
    text = ("Título\n\nprimer párrafo que sigue en\n\n- 1 -\n\n" + HEADER + "\n\n"
            "la página siguiente.\n\n- 2 -\n\n" + HEADER + "\n\nFin del texto.\n\n- 3 -")
    assert strip_page_furniture([text]) == [
        "Título\n\nprimer párrafo que sigue en\nla página siguiente.\n\nFin del texto."
    ]


def test_strip_page_furniture_keeps_a_line_that_repeats_in_different_places():
    # the court's name in the heading and again under the judge's signature is content
    pages = [
        "CORTE SUPERIOR DE JUSTICIA DE LIMA NORTE\nTexto primero.\nPág. 1",
        "Texto segundo.\nPág. 2",
        "Texto tercero.\nJueza del Juzgado\nCORTE SUPERIOR DE JUSTICIA DE LIMA NORTE\nPág. 3",
    ]
    assert strip_page_furniture(pages)[2] == (
        "Texto tercero.\nJueza del Juzgado\nCORTE SUPERIOR DE JUSTICIA DE LIMA NORTE")


def test_strip_page_furniture_drops_a_bare_page_number_at_the_edge_only():
    pages = ["1\nuno\n2", "2\ndos\n3\nfin\n2"]
    assert strip_page_furniture(pages) == ["uno\n2", "dos\n3\nfin"]


def test_strip_page_furniture_leaves_a_single_page_alone():
    text = "ENCABEZADO\nCuerpo del texto.\nENCABEZADO"
    assert strip_page_furniture([text]) == [text]


@cases(
    ("EXPEDIENTE N° 00347-2019", "EXPEDIENTE N.° 00347-2019"),
    ("Resolución Nº 19", "Resolución N.° 19"),
    ("Ley N.º 30251", "Ley N.° 30251"),
    ("Ley N.° 30251", "Ley N.° 30251"),
    ("Casación N.o 904-2019/Puno", "Casación N.° 904-2019/Puno"),
    ("Exp. Nro. 874-2013", "Exp. N.° 874-2013"),
    ("EXP. NRO 874-2013", "EXP. N.° 874-2013"),
    ("Oficio N°123", "Oficio N.° 123"),
    ("Decreto Legislativo N.°\n1323.", "Decreto Legislativo N.° 1323."),
    ("EXPEDIENTE N° : 00317", "EXPEDIENTE N.° : 00317"),
    ("R. N. N° 2031 – 2012", "R. N. N.° 2031 – 2012"),
    ("No 123 es un número", "No 123 es un número"),  # 'No' is a Spanish word
    ("Norma y Nro sin número", "Norma y Nro sin número"),
    ("CONDORI N.o", "CONDORI N.o"),
)
def test_normalize_numero(text, expected):
    assert normalize_numero(text) == expected


@cases(
    ("Casación N.2 123-2019", "Casación N.° 123-2019"),
    ("R.N. N.? 2761-2011", "R.N. N.° 2761-2011"),
    ("Ley N.* 30251", "Ley N.° 30251"),
    ("Acuerdo Plenario N.” 3-2011/CJ-116", "Acuerdo Plenario N.° 3-2011/CJ-116"),  # measured
    ("Ley N.' 31146", "Ley N.° 31146"),
    ("inciso N.2", "inciso N.2"),  # no number follows: leave it
    ("ANEXO N.2A", "ANEXO N.2A"),
    ("SAN.2 123", "SAN.2 123"),
)
def test_fix_ocr_numero(text, expected):
    assert fix_ocr_numero(text) == expected


def test_clean_pages_composes_every_step():
    pages = [
        f"{HEADER}\r\nEXPEDIENTE Nº  00347-2019\r\nel ﬁscal pidió la repa-\r\nración civil\r\n"
        "Página 1 de 2",
        f"{HEADER}\r\nCasación N.2 123-2019 y notifí-",
        f"{HEADER}\r\nquese.",
    ]
    assert clean_pages(pages, ocr=[False, True, False]) == [
        f"{HEADER}\nEXPEDIENTE N.° 00347-2019\nel fiscal pidió la reparación\ncivil",
        "Casación N.° 123-2019 y notifíquese.",
        "",
    ]


def test_clean_pages_keeps_a_column_gap_and_splits_nothing_else():
    text = "EXPEDIENTE              IMPUTADOS\n: 00921-2019\n: SHAPIAMA TANANTA, Wilder"
    assert clean_pages([text]) == [
        "EXPEDIENTE  IMPUTADOS\n: 00921-2019\n: SHAPIAMA TANANTA, Wilder"]


def test_clean_pages_applies_the_ocr_fix_only_to_ocr_pages():
    assert clean_pages(["Casación N.2 123-2019"], ocr=[False]) == ["Casación N.2 123-2019"]
    assert clean_pages(["Casación N.2 123-2019"], ocr=[True]) == ["Casación N.° 123-2019"]
