"""Cleanup of page text: one table per function, one row per (input, expected) case."""

from __future__ import annotations

import re

import pytest

from extractors.acquire.cleanup import (
    clean_document,
    clean_pages,
    collapse_spaces,
    drop_rule_lines,
    fix_ocr_numero,
    is_page_number_line,
    join_hyphenated_words,
    join_hyphens_across_pages,
    normalize_newlines,
    normalize_numero,
    normalize_soles,
    normalize_unicode,
    replace_ligatures,
    restore_line_hyphens,
    strip_page_furniture,
)
from extractors.acquire.ocrfix import (
    fix_dashes_in_numbers,
    fix_digits_in_numbers,
    fix_capitals_i,
    fix_initials,
    fix_legal_forms,
    fix_numbering,
    fix_ocr_ordinal,
    fix_ocr_soles,
    fix_roman_bars,
    fix_ss,
    fix_stray_marks,
    fix_word_specks,
    join_broken_paragraphs,
    join_split_names,
)
from extractors.acquire.sourcemap import Tracked, join, span_to_raw, to_raw


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


# --- OCR misreadings (OCR pages only) ---------------------------------------------------

@cases(
    ("EXP. N? : 01091-2019-0-1001-JR-PE-04", "EXP. N.° : 01091-2019-0-1001-JR-PE-04"),  # measured
    ("el Acuerdo Plenario N” 4-2009/CJ-116", "el Acuerdo Plenario N.° 4-2009/CJ-116"),  # measured
    ("R.N. N.* 4118-2006/Huancavelica", "R.N. N.° 4118-2006/Huancavelica"),  # measured
    ("Cas. N. ? 977-2010", "Cas. N.° 977-2010"),
    ("CASACIÓN N.?* 001874-2022", "CASACIÓN N.° 001874-2022"),  # measured
    ("R. N. N.% 800-2004", "R. N. N.° 800-2004"),  # measured
    ("el Acuerdo Plenario N.?” 5-2009/CJ-116", "el Acuerdo Plenario N.° 5-2009/CJ-116"),  # measured
    ("RESOLUCIÓN N*% 14", "RESOLUCIÓN N.° 14"),  # measured
    ("el 50 % de N% 3", "el 50 % de N.° 3"),
    ("N2 123", "N2 123"),  # without the dot a '2' may be real
    ("¿N? no", "¿N? no"),
)
def test_fix_ocr_numero_more_forms(text, expected):
    assert fix_ocr_numero(text) == expected


@cases(
    ("- CORTE SUPREMA  SALA PENAL TRANSITORIA\nDE JUSTICIA", "CORTE SUPREMA  SALA PENAL TRANSITORIA\nDE JUSTICIA"),
    ("EXPEDIENTE : 1\n. JUEZ PONENTE : Riveros", "EXPEDIENTE : 1\nJUEZ PONENTE : Riveros"),
    ("APELACIONES\n- DE HUANCAYO", "APELACIONES\nDE HUANCAYO"),
    ("| SALA PENAL", "SALA PENAL"),
    ("- el acusado", "- el acusado"),  # a lower-case word: maybe a real dash of a list
    ("a - B", "a - B"),  # not at the start of a line
    ("-2019", "-2019"),  # no space: part of the text
    ("contra la sentencia de vista de diecinueve de junio de dos mil  :\nveintitrés",
     "contra la sentencia de vista de diecinueve de junio de dos mil\nveintitrés"),
    ("detenido en flagrancia.  ?\n\nSEGUNDO.", "detenido en flagrancia.\n\nSEGUNDO."),
    ("SE RESUELVE:\n1.", "SE RESUELVE:\n1."),  # a colon after its word stays
    ("el plazo – \nque", "el plazo – \nque"),  # a dash may stand apart
    ("en agravio de Luis Alberto\n_Núñez Ríos a doce", "en agravio de Luis Alberto\nNúñez Ríos a doce"),
    ("LUJÁN TÚPEZ  i\n\nALTABÁS KAJATT", "LUJÁN TÚPEZ\n\nALTABÁS KAJATT"),
    ("el inciso a\nde la norma", "el inciso a\nde la norma"),  # one space: a word of the sentence
    ("_nota al pie", "_nota al pie"),  # before a small letter: not a speck for sure
    ("impuso a KEVIN\n-JHAIR PAREDES SOTO", "impuso a KEVIN\nJHAIR PAREDES SOTO"),  # wild2 w04 scanned
    ("-CONDENANDO a KEVIN", "CONDENANDO a KEVIN"),  # wild w12 scanned
    ("-El acta de intervención", "-El acta de intervención"),  # one capital: maybe a list's dash
    ("153\n-A del Código", "153\n-A del Código"),
    ("La madre de la menor, de\n\n“ iniciales R.Q.A., formuló", "La madre de la menor, de\n\niniciales R.Q.A., formuló"),
    ("dijo: “el acusado”", "dijo: “el acusado”"),  # a quote glued to its word
    ("los criterios del Acuerdo Plenario N.? '\n2-2005/CJ-116", "los criterios del Acuerdo Plenario N.?\n2-2005/CJ-116"),
    ("EXP. N?  :\nJUEZ", "EXP. N?  :\nJUEZ"),  # a header label keeps its colon
    ("Bustamante\n\nACUSADOS  ]\n\n. RIVAS QUIÑONES, Jhonatan", "Bustamante\n\nACUSADOS:\n\nRIVAS QUIÑONES, Jhonatan"),
    ("JUECES SUPERIORES  ]", "JUECES SUPERIORES:"),
    ("según el acta [fojas 3  ]", "según el acta [fojas 3  ]"),  # not a label in capitals
    ("ABEL CACHIQUE MANIHUARI  :", "ABEL CACHIQUE MANIHUARI"),  # a colon apart: as often a speck
)
def test_fix_stray_marks(text, expected):
    assert fix_stray_marks(text) == expected


@cases(
    ("Por estos fundamentos: |. Declararon FUNDADO", "Por estos fundamentos: I. Declararon FUNDADO"),
    ("responsable.\n||. Declararon INFUNDADO", "responsable.\nII. Declararon INFUNDADO"),
    ("|V. DISPUSIERON", "IV. DISPUSIERON"),
    ("a | b", "a | b"),  # a separator
    ("Portal | Penal", "Portal | Penal"),
    # letters Tesseract put for the I of a heading's number (measured on wild/wild2 scans)
    ("mil veintiuno.\n\nIT. ITINERARIO DEL PROCESO", "mil veintiuno.\n\nII. ITINERARIO DEL PROCESO"),
    ("IM. PRUEBA ACTUADA", "III. PRUEBA ACTUADA"),
    ("l. HECHOS IMPUTADOS", "I. HECHOS IMPUTADOS"),
    ("l. el inciso", "l. el inciso"),
    ("Il. HABER NULIDAD en la misma", "II. HABER NULIDAD en la misma"),
    ("TV. VALORACIÓN", "IV. VALORACIÓN"),
    ("IT. el acusado", "IT. el acusado"),  # no heading follows
    ("la sigla IT. Luego", "la sigla IT. Luego"),  # not at the start of a line
    ("11. HECHOS", "11. HECHOS"),  # an arabic 11 is as likely
)
def test_fix_roman_bars(text, expected):
    assert fix_roman_bars(text) == expected


def test_specks_around_a_line_break_do_not_break_what_it_carries():
    """wild w12 and wild2 w27 scanned: a numero sign with a speck after it, and a lone quotation
    mark opening the line after a blank line Tesseract put inside a sentence."""
    assert clean_pages(["del Acuerdo Plenario N.? '\n2-2005/CJ-116, la sindicación"], ocr=[True]) == [
        "del Acuerdo Plenario N.° 2-2005/CJ-116, la sindicación"]
    assert clean_pages(["La madre de la menor, de\n\n“ iniciales R.Q.A., formuló"], ocr=[True]) == [
        "La madre de la menor, de\niniciales R.Q.A., formuló"]


def test_a_numbered_item_after_a_speck_keeps_its_number():
    """wild2 w28 scanned: '- 4, AQUINO PALACIOS' (a speck, then the dot read as a comma)."""
    assert clean_pages(["DNI 72145098\n- 4, AQUINO PALACIOS, Luis"], ocr=[True]) == [
        "DNI 72145098\n4. AQUINO PALACIOS, Luis"]


def test_a_roman_one_read_as_a_bar_is_not_taken_for_a_speck():
    """'|. INICIO DEL PROCESO' (wild2 w22 scanned): the bar is the number I, and the speck rule
    must not drop it first."""
    assert clean_pages(["ANTECEDENTES\n\n|. INICIO DEL PROCESO"], ocr=[True]) == [
        "ANTECEDENTES\n\nI. INICIO DEL PROCESO"]


@cases(
    ("La acusación\nse\n\npresentó el 7 de setiembre", "La acusación\nse\npresentó el 7 de setiembre"),
    ("el artículo 259\n\ndel Código", "el artículo 259\ndel Código"),
    ("a las dos horas,\n \n\naproximadamente", "a las dos horas,\naproximadamente"),
    ("deberá pagar por concepto de repara-\n\nción civil", "deberá pagar por concepto de repara-\nción civil"),
    ("FIJA en S/ 15\n\n000.00 el monto", "FIJA en S/ 15\n000.00 el monto"),
    ("en el año 2019\n\n2. La defensa", "en el año 2019\n\n2. La defensa"),  # a numbered paragraph
    ("se resuelve.\n\nel acusado", "se resuelve.\n\nel acusado"),  # a sentence ended
    ("CONSIDERANDO\n\nPrimero", "CONSIDERANDO\n\nPrimero"),  # a new paragraph
    ("le IMPONE TRES AÑOS de pena privativa\nde\n\n- libertad, suspendida", "le IMPONE TRES AÑOS de pena privativa\nde\nlibertad, suspendida"),
    ("las reglas siguientes:\n\n- no ausentarse", "las reglas siguientes:\n\n- no ausentarse"),  # a list after a colon
    # a name in capitals carried over the line (wild2 w04, w26 scanned)
    ("en el extremo que impuso a KEVIN\n\nJHAIR PAREDES SOTO", "en el extremo que impuso a KEVIN\nJHAIR PAREDES SOTO"),
    ("la causa seguida contra TEODORO MÁXIMO\n\nCCENTE HUAMANÍ,", "la causa seguida contra TEODORO MÁXIMO\nCCENTE HUAMANÍ,"),
    ("CORTE SUPREMA DE JUSTICIA\n\nSALA PENAL PERMANENTE", "CORTE SUPREMA DE JUSTICIA\n\nSALA PENAL PERMANENTE"),  # headings
    ("contra JUAN PÉREZ.\n\nSEGUNDO. La", "contra JUAN PÉREZ.\n\nSEGUNDO. La"),  # a sentence ended
    ("Lima, doce de marzo\n\nVISTOS", "Lima, doce de marzo\n\nVISTOS"),  # no capitals before the gap
)
def test_join_broken_paragraphs(text, expected):
    assert join_broken_paragraphs(text) == expected


@cases(
    ("i) ROGER ALDAIR CÓNDOR YAUR!I: diez años", "i) ROGER ALDAIR CÓNDOR YAURI: diez años"),  # wild2 w28
    ("MAMANI HUARACH!I, Fausto", "MAMANI HUARACHI, Fausto"),  # wild2 w20
    ("i) ROGER ALDAIR CÓNDOR YAUR!: diez años", "i) ROGER ALDAIR CÓNDOR YAURI: diez años"),  # another seed
    ("gritó ¡FUERA!, y", "gritó ¡FUERA!, y"),  # an exclamation opened on the line
    ("Acuerdo Plenario N.° 5-2016/ClJ-116", "Acuerdo Plenario N.° 5-2016/CIJ-116"),  # wild2 w03
    ("SALA PENAL C|J", "SALA PENAL CIJ"),
    ("¡BASTA! Dijo", "¡BASTA! Dijo"),  # a real exclamation: no I follows
    ("el Sr. Alvarez", "el Sr. Alvarez"),
    ("placa A1B-123", "placa A1B-123"),  # a digit between capitals is left
    ("McLean y DlA", "McLean y DIA"),
)
def test_fix_capitals_i(text, expected):
    assert fix_capitals_i(text) == expected


@cases(
    # measured on wild and wild2 scanned
    ("por disposición de cuatro de.\nsetiembre de dos mil", "por disposición de cuatro de\nsetiembre de dos mil"),
    ("veintiséis de:abril de dos mil", "veintiséis de abril de dos mil"),
    ("el control de la.acusación", "el control de la acusación"),
    ("valorado según.su fundamento", "valorado según su fundamento"),
    ("supere los criterios'del Acuerdo", "supere los criterios del Acuerdo"),
    ("al sentenciado que.el nueve", "al sentenciado que el nueve"),
    ("contiguo al. bar", "contiguo al bar"),
    # what stays
    ("a. el acusado", "a. el acusado"),  # a list's letter opens the line
    ("el pago.\nde", "el pago.\nde"),  # no function word before the mark
    ("a las 10 a.m. del", "a las 10 a.m. del"),
    ("dijo que: «no»", "dijo que: «no»"),  # a quote, not a word in small letters
    ("visite www.pj.gob.pe y", "visite www.pj.gob.pe y"),
    ("la pena. La", "la pena. La"),
    ("en S.A.C. y", "en S.A.C. y"),
    # a quotation mark glued to a word that nothing closes (wild w05, w04, wild2 w29 scanned)
    ("presentado el tres\nde junio de dos 'mil diecinueve y, tras", "presentado el tres\nde junio de dos mil diecinueve y, tras"),
    ("a cada uno, e\n“inhabilitación conforme", "a cada uno, e\ninhabilitación conforme"),
    ("el denominado 'pago' de la deuda", "el denominado 'pago' de la deuda"),  # closed
    ("le dijo “no te vayas”, y", "le dijo “no te vayas”, y"),
    ("la dijo: “ven\nconmigo.”", "la dijo: “ven\nconmigo.”"),
    # a speck between number words (wild2 w17 scanned with another seed)
    ("Huancayo, diecisiete de junio de dos mil.\nveintiuno.- VISTOS", "Huancayo, diecisiete de junio de dos mil\nveintiuno.- VISTOS"),
    ("la suma de cinco mil; quinientos soles", "la suma de cinco mil quinientos soles"),
    ("a los dos. Tres testigos", "a los dos. Tres testigos"),  # a sentence ends
    ("fueron dos. Uno de ellos", "fueron dos. Uno de ellos"),  # a sentence ends
    ("de dos mil once; y", "de dos mil once; y"),  # not two number words
    # a hyphen glued to a function word (wild2 w22 scanned with another seed, w11, w20; wild w06)
    ("ACTA DE-REGISTRO DE AUDIENCIA PÚBLICA", "ACTA DE REGISTRO DE AUDIENCIA PÚBLICA"),
    ("de libertad efectiva-y fijó en", "de libertad efectiva y fijó en"),
    ("fijó en-diez mil soles", "fijó en diez mil soles"),
    ("Aguaytía-Pucallpa y Arequipa–Juliaca", "Aguaytía-Pucallpa y Arequipa–Juliaca"),  # names
    ("su e-mail personal", "su e-mail personal"),
    ("la de-\nrecho", "la de-\nrecho"),  # a word split at the line's end
    ("días-multa y ex-alcalde", "días-multa y ex-alcalde"),
    # a dot after a long word that ends in a vowel, before a word in small letters (wild2 w19 and
    # w17 scanned with another seed)
    ("la investigación se formalizó. el nueve de agosto", "la investigación se formalizó el nueve de agosto"),
    ("No se configura. la alevosía", "No se configura la alevosía"),
    ("una distancia aprox. de cien metros", "una distancia aprox. de cien metros"),  # an abbreviation
    ("se formalizó. El nueve", "se formalizó. El nueve"),  # a sentence ends
    ("la pena. la reparación", "la pena. la reparación"),  # a short word
)
def test_fix_word_specks(text, expected):
    assert fix_word_specks(text) == expected


@cases(
    ("APELACIÓN N.° 437-2025/AY ACUCHO", "APELACIÓN N.° 437-2025/AYACUCHO"),  # wild2 w01 scanned
    ("Resolución N.° 412-2023-MP-FN-PJFS-A Y ACUCHO, de diez", "Resolución N.° 412-2023-MP-FN-PJFS-AYACUCHO, de diez"),
    ("CORTE SUPERIOR DE JUSTICIA DE HUAN CA VELICA", "CORTE SUPERIOR DE JUSTICIA DE HUANCAVELICA"),
    ("LIMA Y CALLAO", "LIMA Y CALLAO"),  # whole words
    ("ROBO Y HURTO", "ROBO Y HURTO"),
    ("PU NO", "PU NO"),  # a name this short is too easily two words
    ("Ay acucho", "Ay acucho"),  # capitals only
)
def test_join_split_names(text, expected):
    assert join_split_names(text) == expected


@cases(
    # measured on wild2 scanned (w27, w11, w25, w15, w28)
    ("de diciembre.\n\n4,3. El testigo Condori Puma", "de diciembre.\n\n4.3. El testigo Condori Puma"),
    ("son periféricas.\n\n4,3, Que no se haya hallado", "son periféricas.\n\n4.3. Que no se haya hallado"),
    ("4.4, Concurren las agravantes", "4.4. Concurren las agravantes"),
    ("antecedentes.\n3; Notifíquese y devuélvase.", "antecedentes.\n3. Notifíquese y devuélvase."),
    ("DNI 72145098\n4, AQUINO PALACIOS, Luis", "DNI 72145098\n4. AQUINO PALACIOS, Luis"),
    # what stays
    ("4.3. El testigo", "4.3. El testigo"),
    ("los incisos 2, 3,\n4, 5 y 6", "los incisos 2, 3,\n4, 5 y 6"),  # no capital follows
    ("la suma de\n1,500.00 Soles", "la suma de\n1,500.00 Soles"),  # an amount
    ("el 4,3 % de", "el 4,3 % de"),
)
def test_fix_numbering(text, expected):
    assert fix_numbering(text) == expected


@cases(
    # measured on wild2 w04 and w14 scanned with another seed
    ("devuelvan los autos.\n\nSS;\n\nALVARADO MESÍA\nCANGAHUALA RUIZ", "devuelvan los autos.\n\nS.S.\n\nALVARADO MESÍA\nCANGAHUALA RUIZ"),
    ("Notifíquese.\n\n$5:\nRAMOS CISNEROS\n", "Notifíquese.\n\nS.S.\nRAMOS CISNEROS\n"),
    ("S. S.\nSAN MARTÍN CASTRO", "S.S.\nSAN MARTÍN CASTRO"),
    ("55\nSAN MARTÍN CASTRO", "55\nSAN MARTÍN CASTRO"),  # digits only: a page number
    ("de origen.\n\n85.\n\nBROUSSET SALAS\nCASTAÑEDA OTSU", "de origen.\n\nS.S.\n\nBROUSSET SALAS\nCASTAÑEDA OTSU"),
    ("SS;\nla sala", "SS;\nla sala"),  # no name under it
)
def test_fix_ss(text, expected):
    assert fix_ss(text) == expected


@cases(
    ("Agraviada  : Menor de iniciales A:S.Q.V.", "Agraviada  : Menor de iniciales A.S.Q.V."),  # wild2 w29
    ("en agravio de la menor de iniciales Y .F.Ch.Q.", "en agravio de la menor de iniciales Y.F.Ch.Q."),  # w27
    ("la menor R;M.C. declaró", "la menor R.M.C. declaró"),
    ("RESOLUCIÓN JUDICIAL,D.Judicial:", "RESOLUCIÓN JUDICIAL,D.Judicial:"),  # a word before the mark
    ("inciso A: B.C. y", "inciso A: B.C. y"),  # a space after the mark: not glued initials
    ("Lima, A.S. y", "Lima, A.S. y"),
)
def test_fix_initials(text, expected):
    assert fix_initials(text) == expected


@cases(
    ("AGRAVIADO : INVERSIONES EL CHAVO E.L.R.L.", "AGRAVIADO : INVERSIONES EL CHAVO E.I.R.L."),
    ("en agravio de Transportes Sol 5.A.C. y otro", "en agravio de Transportes Sol S.A.C. y otro"),
    ("AGRAVIADO : INVERSIONES EL CHAVO E.lR.L.", "AGRAVIADO : INVERSIONES EL CHAVO E.I.R.L."),
    ("Minera Andina S.A.C. y", "Minera Andina S.A.C. y"),
    ("la MENOR E.L.R.L. declaró", "la MENOR E.L.R.L. declaró"),
    # a protected victim's initials may be any letters
    ("la menor de iniciales E.L.R.L. declaró", "la menor de iniciales E.L.R.L. declaró"),
    ("Iniciales E.L.R.L.", "Iniciales E.L.R.L."),
    ("AGRAVIADA : E.L.R.L.", "AGRAVIADA : E.L.R.L."),
)
def test_fix_legal_forms(text, expected):
    assert fix_legal_forms(text) == expected


@cases(
    ("1? SALA PENAL DE APELACIONES", "1° SALA PENAL DE APELACIONES"),
    ("2* Juzgado Penal", "2° Juzgado Penal"),
    # the first of a month, '1°', as Tesseract reads it (a question never ends on "1" before "de mayo")
    ("el 1? de mayo", "el 1° de mayo"),
    ("el\n1? de septiembre de 2015 recibió", "el\n1° de septiembre de 2015 recibió"),
    ("el 11? de mayo", "el 11? de mayo"),  # only the first is written as an ordinal
)
def test_fix_ocr_ordinal(text, expected):
    assert fix_ocr_ordinal(text) == expected


@cases(
    ("la suma de SI. 1,500.00 soles", "la suma de S/ 1,500.00 soles"),
    ("S|. 200", "S/ 200"),
    ("5/. 3,000", "S/ 3,000"),
    ("S/, 300", "S/ 300"),
    ("SI no paga", "SI no paga"),  # a word, not money
    ("51. 200", "51. 200"),
)
def test_fix_ocr_soles(text, expected):
    assert fix_ocr_soles(text) == expected


@cases(
    ("00123-2O19-45-27O1-JR-PE-O1", "00123-2019-45-2701-JR-PE-01"),  # the example
    ("el año 2O19", "el año 2019"),
    ("Exp. l23-20l9", "Exp. 123-2019"),
    ("artículo I89", "artículo 189"),
    ("S/ 1O,000.00", "S/ 10,000.00"),
    ("S/ 1O,OOO.OO", "S/ 10,OOO.OO"),  # a run with no digit at all is left alone
    ("fojas 2o19", "fojas 2019"),  # a lowercase o between digits
    ("el 1o de mayo", "el 1o de mayo"),  # ... but not after the last digit
    ("Título II y III", "Título II y III"),  # no digit: Roman numerals stay
    ("llegó a Lima", "llegó a Lima"),
    ("DNI N.° 4l", "DNI N.° 41"),
    ("IO", "IO"),
)
def test_fix_digits_in_numbers(text, expected):
    assert fix_digits_in_numbers(text) == expected


@cases(
    ("00123–2019–0–1001", "00123-2019-0-1001"),
    ("2031 — 2012", "2031 — 2012"),  # spaced: a real dash
    ("pp. 12—14", "pp. 12-14"),
)
def test_fix_dashes_in_numbers(text, expected):
    assert fix_dashes_in_numbers(text) == expected


@cases(
    ("reparación civil de S/. 15,000.00", "reparación civil de S/ 15,000.00"),
    ("S/.200", "S/ 200"),
    ("S /. 3 000", "S/ 3 000"),
    ("S/ 5 000", "S/ 5 000"),
    ("la S/ sin monto", "la S/ sin monto"),
    ("EXPS/. 2", "EXPS/. 2"),
)
def test_normalize_soles(text, expected):
    assert normalize_soles(text) == expected


@cases(
    ("Firma\n________________________\nJUEZ", "Firma\nJUEZ"),
    ("uno\n  -------  \ndos", "uno\ndos"),
    ("fin\n=====", "fin\n"),
    ("a __ b", "a __ b"),
    ("Art. 45-A ----- fin", "Art. 45-A ----- fin"),  # not alone on its line
    ("...", "..."),
)
def test_drop_rule_lines(text, expected):
    assert drop_rule_lines(text) == expected


# --- running headers read by OCR --------------------------------------------------------

def test_running_headers_read_differently_on_each_page_are_still_removed():
    headers = [
        "CORTE SUPERIOR DE JUSTICIA DEL CUSCO - Sala Penal de Apelaciones",
        "CORTE SUPERIOR DE JUSTICIA DEL CUSC0 - Sala Penal de Apelaciones",
        "CORTE SUPERIOR DE JUSTlCIA DEL CUSCO - Sala Penal de Apelacíones",
        "C0RTE SUPERIOR DE JUSTICIA DEL CUSCO — Sala Penal de Apelaciones",
    ]
    footers = ["Página 1 de 4", "Pagina 2 de 4", "Página 3 de 4", "Pagina 4 de 4"]
    bodies = ["PRIMERO.- La acusación.", "SEGUNDO.- La defensa.", "TERCERO.- La prueba.",
              "CUARTO.- El fallo."]
    pages = [f"{h}\n\n{b}\n\n{f}" for h, b, f in zip(headers, bodies, footers)]
    assert strip_page_furniture(pages) == [f"{headers[0]}\n\n{bodies[0]}"] + bodies[1:]


@cases(
    ("Pagina 3 de l2", True),  # OCR: l for 1
    ("Página 3de12", True),
    ("PÁGINA 1O", True),
    ("Pág. I", False),  # no digit at all
)
def test_is_page_number_line_tolerates_ocr(text, expected):
    assert is_page_number_line(text) is expected


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Corte Superior de Justicia de Lima", "Corte Superior de Justicia de Lirna", True),
    ("Exp. N.° 00123-2019-0-1001", "Exp. N.° 00456-2O20-0-1001", True),  # numbers ignored
    ("Corte Superior de Justicia de Lima", "Corte Superior de Justicia de Puno", False),
    ("SALA PENAL", "SALA PENAI", False),  # short lines must match exactly
])
def test_running_lines_match_fuzzily_only_when_long_enough(a, b, same):
    pages = ["Título\nuno.", f"{a}\ndos.", f"{b}\ntres."]  # running only if a and b match
    assert (strip_page_furniture(pages)[1:] == ["dos.", "tres."]) is same


# --- mapping back to the raw text -------------------------------------------------------

RAW_PAGES = [
    "CORTE SUPERIOR DE JUSTICIA DE PUNO\r\nEXPEDIENTE Nº  00347-2O19-0-2101\r\n"
    "el ﬁscal pidió la repa-\r\nración civil de S/. 5,000.00\r\nPágina 1 de 2",
    "CORTE SUPERIOR DE JUSTICIA DE PUNO\r\nCasación N.2 123-2019 y   notifí-",
    "quese a las partes.",
]


@pytest.mark.parametrize(("page", "clean", "raw"), [
    (0, "CORTE SUPERIOR", "CORTE SUPERIOR"),
    (0, "N.° 00347-2019-0-2101", "Nº  00347-2O19-0-2101"),
    (0, "00347-2019", "00347-2O19"),
    (0, "fiscal", "ﬁscal"),
    (0, "reparación", "repa-\r\nración"),
    (0, "civil", "civil"),
    (0, "S/ 5,000.00", "S/. 5,000.00"),
    (1, "Casación N.° 123-2019", "Casación N.2 123-2019"),
    (1, "y  notifíquese", "y   notifí-"),  # the moved half points at the hyphen it replaced
    (2, "a las partes.", "a las partes."),
])
def test_clean_offsets_lead_back_to_the_raw_text(page, clean, raw):
    cleaned = clean_document(RAW_PAGES, ocr=[True, True, True])
    text, anchors = cleaned[page].text, cleaned[page].anchors
    start = text.index(clean)
    raw_start, raw_end = span_to_raw(anchors, start, start + len(clean))
    assert RAW_PAGES[page][raw_start:raw_end] == raw


def test_anchors_are_few_when_little_changes():
    text = "Una página limpia de texto.\nOtra línea sin cambios.\n" * 40
    [page] = clean_document([text])
    assert page.text == text.strip() and page.anchors == ((0, 0),)
    [ocr] = clean_document([text.replace("limpia", "limpia  ")], ocr=[True])
    assert len(ocr.anchors) == 41  # one per collapsed double space


@pytest.mark.parametrize(("steps", "raw", "expected", "anchors"), [
    ([(r"-\n", "")], "repa-\nración", "reparación", ((0, 0), (4, 6))),
    ([(r"N°", "N.°")], "N° 1", "N.° 1", ((0, 0), (2, 1))),  # '.' is new: it points at '°'
    ([(r"ﬁ", "fi")], "ﬁscal", "fiscal", ((0, 0), (1, 0))),  # 'f' and 'i' both point at 'ﬁ'
    ([(r" {2,}", " ")], "a   b  c", "a b c", ((0, 0), (2, 4), (4, 7))),
    ([(r"x", "")], "xxx", "", ((0, 3),)),
    ([], "igual", "igual", ((0, 0),)),
])
def test_tracked_substitutions_keep_origins(steps, raw, expected, anchors):
    tracked = Tracked.of(raw)
    for pattern, repl in steps:
        tracked = tracked.sub(re.compile(pattern), repl)
    assert tracked.text == expected and tracked.anchors() == anchors
    for offset in range(len(expected) + 1):
        assert to_raw(anchors, offset) == tracked.origins[offset]


def test_tracked_join_and_slices_keep_origins():
    t = Tracked.of("uno\ndos\ntres")
    lines = t.split("\n")
    assert [line.text for line in lines] == ["uno", "dos", "tres"]
    joined = join([lines[0], lines[2]], "\n\n")
    assert joined.text == "uno\n\ntres"
    assert [to_raw(joined.anchors(), i) for i in (0, 3, 5)] == [0, 3, 8]
    assert Tracked.of("  a b  ").strip().origins == (2, 3, 4, 5)


def test_language_detection_is_safe_from_concurrent_first_calls():
    """langdetect's lazy global factory broke when two threads called it first (seen as
    Spanish rulings reported as Polish under the ingest flow); a fresh process checks it."""
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from extractors.acquire.language import detect_language\n"
        "t = ('Que la acusación fiscal atribuye al encausado haber captado a las adolescentes en la '\n"
        "     'ciudad de Quillabamba, a quienes ofreció trabajo en un restaurante. ') * 3\n"
        "with ThreadPoolExecutor(8) as pool:\n"
        "    print(','.join(sorted({str(x) for x in pool.map(lambda _: detect_language(t), range(16))})))\n"
    )
    root = Path(__file__).resolve().parents[2]
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True,
                             check=True).stdout.strip()
        assert out == "es"
