"""Table-driven tests of the legal extractor, one small extractor at a time.

Each row is (text, expected). Texts are short invented rulings or fragments; rules that
need no model run without it (the spaCy model is only used by the parties extractor).
"""

from __future__ import annotations

from datetime import date

import pytest

from extractors.legal.case_numbers import extract_case_numbers
from extractors.legal.charges import extract_charges
from extractors.legal.citations import extract_citations
from extractors.legal.court import extract_court
from extractors.legal.dates import find_dates, resolution_date
from extractors.legal.doc_kind import extract_doc_kind
from extractors.legal.numbers import parse_amount, words_to_int
from extractors.legal.procedure import (
    extract_early_termination,
    extract_procedural_code,
)
from extractors.legal.text import Context, build_view, fold
from schemas import DocumentText, Page


def doc_of(*pages: str) -> DocumentText:
    return DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=len(pages),
                        pages=[Page(number=i + 1, text=t, method="text_layer") for i, t in enumerate(pages)])


def ctx_of(*pages: str) -> Context:
    return Context.of(doc_of(*pages))


# --- text view --------------------------------------------------------------------------

def test_fold_keeps_length():
    text = "Resolución N.° 19 – AÑO ÑANDÚ"
    assert len(fold(text)) == len(text) and fold(text) == "resolucion n.° 19 – ano nandu"


def test_view_rejoins_hyphenated_names_and_maps_offsets_to_pages():
    doc = doc_of("Cabecera\nel acusado Teófilo Cori-\nmanya Huillca llegó", "otra página")
    view = build_view(doc)
    i = view.raw.index("Corimanya")
    ev = view.evidence(i, i + len("Corimanya"), "t")
    assert ev.page == 1 and doc.pages[0].text[ev.start:ev.end] == "Cori-\nmanya"


def test_without_vistos_the_decision_is_found_before_1500_characters():
    from extractors.legal.text import find_zones

    text = ("JUZGADO PENAL COLEGIADO DE PIURA\nEXPEDIENTE : 03389-2019-87-2001-JR-PE-04\n\nSENTENCIA\n"
            "Piura, tres de mayo de dos mil veintitrés.\n\nEn audiencia pública, la causa seguida contra X.\n\n"
            "CONSIDERANDO:\nPRIMERO. Los hechos.\n\nFALLA:\nPRIMERO: CONDENANDO a X.")
    z = find_zones(build_view(doc_of(text)))
    assert z.view.low[z.decision[0]:].startswith("falla:")


def test_a_sumilla_goes_on_across_a_blank_line_inside_a_sentence():
    from extractors.legal.text import find_zones

    text = ("CORTE SUPREMA\nR. N. N.° 2031-2012\n\nSUMILLA: Al no haberse enervado la presunción de inocencia, "
            "corresponde declarar HABER\n\nNULIDAD en la sentencia y ABSOLVER al recurrente.\n\nLea también: otra nota\n\n"
            "Lima, dos de mayo de dos mil trece\n\nVISTOS: el recurso.")
    z = find_zones(build_view(doc_of(text)))
    assert "absolver al recurrente." in z.view.low[z.sumilla[0]:z.sumilla[1]]
    assert "lea tambien" not in z.view.low[z.sumilla[0]:z.sumilla[1]]


def test_text_without_line_breaks_opens_at_its_court_name():
    """A flowed page that begins with the organ's name (not a 'Corte … de Justicia'): the ruling
    starts there, not at a running header further down."""
    from extractors.legal.text import find_zones

    text = ("SALA PENAL NACIONAL Y JUZGADOS PENALES NACIONALES JUZGADO DE INVESTIGACIÓN PREPARATORIA "
            "NACIONAL EXPEDIENTE : 02369-2014-7-5001-JR-PE-04 Lima, cinco de diciembre de dos mil catorce. "
            "AUTOS Y VISTOS: el requerimiento de prisión preventiva por el delito de organización criminal, "
            "previsto en el artículo 317 del Código Penal. CONSIDERANDO: 1. Los hechos. Página 1 de 2 "
            "PODER JUDICIAL DEL PERÚ 2. El análisis. RESUELVE: DECLARAR FUNDADO el requerimiento.")
    assert find_zones(build_view(doc_of(text))).body[0] == 0


@pytest.mark.parametrize("pages, joined", [
    # a page that ends inside a sentence goes on at the next one: one line break
    (("el Juzgado dictó auto de enjuiciamiento el", "veintiuno de marzo de dos mil veintitrés."),
     "enjuiciamiento el\nveintiuno de marzo"),
    (("la reparación civil en S/ 5,000.00,", "que pagará en forma solidaria."), "5,000.00,\nque pagará"),
    # a page that ends a sentence, or a next page that opens a section, keeps the paragraph break
    (("se dictó sentencia.", "el acusado apeló."), "sentencia.\n\nel acusado"),
    (("dictó auto de enjuiciamiento el", "SEGUNDO. Agravios"), "el\n\nSEGUNDO"),
])
def test_view_joins_a_sentence_across_a_page_break(pages, joined):
    assert joined in build_view(doc_of(*pages)).raw


def test_view_drops_page_numbers_and_running_headers():
    page = "CORTE SUPERIOR DE JUSTICIA DE PUNO – Sala Penal\n\n{}\n\nPágina {} de 3"
    doc = doc_of(page.format("texto uno de dos mil", 1), page.format("catorce fin", 2), page.format("x", 3))
    raw = build_view(doc).raw
    assert raw.count("CORTE SUPERIOR") == 1 and "Página" not in raw
    assert "de dos mil\ncatorce" in raw  # the sentence goes on across the page break


# --- numbers and dates -------------------------------------------------------------------

@pytest.mark.parametrize("words, value", [
    ("dos mil veintidós", 2022), ("primero", 1), ("un mil ochocientos", 1800), ("veintidos", 2022 - 2000),
    ("treinta y uno", 31), ("ciento cincuenta", 150), ("diez y ocho", None),
])
def test_words_to_int(words, value):
    assert words_to_int(words) == value


@pytest.mark.parametrize("text, value", [
    ("15 000.00", 15000.0), ("5,000.00", 5000.0), ("1500,00", 1500.0), ("1,500.00", 1500.0),
    ("250 000.00", 250000.0), ("3000", 3000.0), ("abc", None),
    ("1'500,000.00", 1500000.0), ("2’000,000", 2000000.0),  # the millions mark
])
def test_parse_amount(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text, expected", [
    ("Lima, once de marzo de dos mil veintidós", date(2022, 3, 11)),
    ("contra la sentencia de fecha 12/ 10/2022, emitida", date(2022, 10, 12)),  # a space after a slash
    ("Puerto Maldonado, primero de junio del año dos mil dieciocho", date(2018, 6, 1)),
    ("veinticuatro (24) de noviembre\nde dos mil veinte.-", date(2020, 11, 24)),
    ("el 18 de marzo de 2019", date(2019, 3, 18)),
    ("con fecha 18/03/2019", date(2019, 3, 18)),
    ("el 14 de marzo de 20194, aprovechando", date(2019, 3, 14)),
    ("nueve de setiembre de dos mil trece", date(2013, 9, 9)),
    ("nueve de septiembre de dos mil trece", date(2013, 9, 9)),
    ("a las doce horas del treinta de abril de dos mil veinte", date(2020, 4, 30)),
    # the formal style of actas and some date lines; ordinal abbreviations; the one-word 31
    ("En Lima, a los doce días del mes de mayo de dos mil veintidós", date(2022, 5, 12)),
    ("el 1ro de enero de 2020", date(2020, 1, 1)),
    ("el treintaiuno de enero de dos mil veinte", date(2020, 1, 31)),
])
def test_find_dates(text, expected):
    found = [d.value for d in find_dates(fold(text)) if d.value]
    assert found == [expected]


@pytest.mark.parametrize("text, place, value", [
    ("CORTE SUPREMA DE JUSTICIA\nSALA PENAL PERMANENTE\n\nLima, catorce de junio de dos mil veintitrés\n\nVISTOS; el recurso",
     "Lima", date(2023, 6, 14)),
    (("Publicado: 9 de setiembre de 2013\n\nCORTE SUPERIOR DE JUSTICIA DE PIURA\nEXPEDIENTE : 1\n"
     "Piura, once de diciembre\ndel dos mil diecinueve.\n\nVISTOS Y OÍDOS: el juicio"), "Piura", date(2019, 12, 11)),
    (("CORTE SUPERIOR DE JUSTICIA DE UCAYALI\nFirmado digitalmente por X\nFecha: 24/09/2021 11:52:07\n"
     "Pucallpa, veintitrés de setiembre\ndel dos mil veintiuno.\n\nVISTOS Y OÍDOS: x"), "Pucallpa", date(2021, 9, 23)),
    ("JUZGADO PENAL UNIPERSONAL\nFecha : 12/04/2022\n\nVISTOS: en audiencia", None, date(2022, 4, 12)),
    # the place ends the line before its date (a header wrapped by the page width)
    ("SALA PENAL LIQUIDADORA\nAGRAVIADA : Carmen Tello SENTENCIA Independencia,\ndieciséis de agosto de dos mil "
     "veintidós.- VISTA: en audiencia", "Independencia", date(2022, 8, 16)),
    # the notarial form after the place
    ("JUZGADO PENAL UNIPERSONAL DE PIURA\nSENTENCIA\n\nPiura, a los nueve días del mes de julio del año dos mil "
     "veinte.\n\nVISTOS: el juicio", "Piura", date(2020, 7, 9)),
])
def test_resolution_date(text, place, value):
    got = resolution_date(ctx_of(text))
    assert (got.place, got.value) == (place, value)


# --- case numbers ----------------------------------------------------------------------

HEAD = "CORTE SUPERIOR DE JUSTICIA DE PUNO\n{}\n\nJuliaca, dos de marzo de dos mil veinte.\n\nVISTOS: {}"


@pytest.mark.parametrize("header, body, expected", [
    ("EXPEDIENTE : 00347-2019-28-2111-JR-PE-01", "el Expediente N.° 00458-2017-12-2701-JR-PE-01 de origen",
     [("00347-2019-28-2111-JR-PE-01", "expediente", "Puno")]),
    ("Exp. 874-2013-52 – Terminación\nEXPEDIENTE : 00874-2013-52-2701-JR-PE-01", "",
     [("00874-2013-52-2701-JR-PE-01", "expediente", "Madre de Dios")]),
    ("CASACIÓN N.° 1193-2021/MADRE DE DIOS", "la Casación N.° 904-2019/Puno",
     [("casacion 1193-2021", "casacion", "Madre de Dios")]),
    ("R. N. N° 2031 – 2012\nUCAYALI", "", [("recurso_nulidad 2031-2012", "recurso_nulidad", "Ucayali")]),
    ("Casación Nro. 12-2019PUNO", "", [("casacion 12-2019", "casacion", "Puno")]),
    ("SENTENCIA N.° 032-2022\nResolución N.° 19", "el Informe N.° 118-2015-DAO y fojas 1205", []),
    ("Exp. N.° 04295-2019-PHC/TC", "", []),
])
def test_case_numbers(header, body, expected):
    ctx = ctx_of(HEAD.format(header, body))
    got = extract_case_numbers(ctx, court_district=extract_court(ctx).district)
    assert [(c.normalized, c.kind.value, c.district) for c in got] == expected


def test_case_numbers_ignore_publisher_furniture():
    text = ("Lea también: Suprema precisa [Casación 2087-2019/Ucayali] — 18 de mayo de 2023\n\n"
            "CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA\nSALA PENAL TRANSITORIA\nCASACIÓN N.° 2416-2019/PIURA\n\n"
            "Lima, ocho de marzo de dos mil veintidós.-\n\nVISTOS: en audiencia")
    ctx = ctx_of(text)
    assert [c.normalized for c in extract_case_numbers(ctx)] == ["casacion 2416-2019"]
    assert resolution_date(ctx).value == date(2022, 3, 8)


# --- court and kind ----------------------------------------------------------------------

@pytest.mark.parametrize("text, name, level, district", [
    ("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA\nSALA PENAL PERMANENTE\nCASACIÓN N.° 1-2020/PUNO\n\nVISTOS: x",
     "Sala Penal Permanente", "corte_suprema", None),
    (("CORTE SUPERIOR DE JUSTICIA DE LORETO\nJUZGADO PENAL COLEGIADO SUPRAPROVINCIAL DE MAYNAS\n\nVISTOS: x\n\n"
     "Por estos fundamentos, el Juzgado Penal Colegiado Supraprovincial de Maynas de la Corte Superior de Justicia de Loreto, FALLA:"),
     "Juzgado Penal Colegiado Supraprovincial de Maynas", "juzgado", "Loreto"),
    (("CORTE SUPERIOR DE JUSTICIA DE UCAYALI\nSALA PENAL DE APELACIONES\n\nVISTOS: x\n\nPor los fundamentos expuestos, "
     "la Sala Penal de Apelaciones de la Corte Superior de\nJusticia de Ucayali, por unanimidad, RESUELVE:"),
     "Sala Penal de Apelaciones de la Corte Superior de Justicia de Ucayali", "corte_superior", "Ucayali"),
    ("CORTE SUPERIOR DE JUSTICIA DE PIURA\nTERCER JUZGADO PENAL UNIPERSONAL DE PIURA\n\nVISTOS: x",
     "Tercer Juzgado Penal Unipersonal de Piura", "juzgado", "Piura"),
    ("CORTE SUPERIOR DE JUSTICIA DEL CUSCO\nSEGUNDA SALA PENAL DE APELACIONES\nPROCEDENCIA : Juzgado Penal Unipersonal de Quillabamba\n\nVISTOS: x",
     "Segunda Sala Penal de Apelaciones", "corte_superior", "Cusco"),
    # the whole name of organs with a long one: Lima's old-code chambers, Salas Mixtas, the
    # flagrancia units, a chamber "en adición" Liquidadora
    ("CORTE SUPERIOR DE JUSTICIA DE LIMA\nPRIMERA SALA PENAL PARA PROCESOS CON REOS EN CÁRCEL\n\nVISTOS: x",
     "Primera Sala Penal para Procesos con Reos en Cárcel", "corte_superior", "Lima"),
    ("CORTE SUPERIOR DE JUSTICIA DE SELVA CENTRAL\nSALA MIXTA DESCENTRALIZADA E ITINERANTE DE LA MERCED - "
     "CHANCHAMAYO\n\nVISTOS: x", "Sala Mixta Descentralizada e Itinerante de La Merced - Chanchamayo",
     "corte_superior", "Selva Central"),
    ("CORTE SUPERIOR DE JUSTICIA DE TUMBES\nJUZGADO DE INVESTIGACIÓN PREPARATORIA DE FLAGRANCIA, OMISIÓN A LA "
     "ASISTENCIA FAMILIAR Y CONDUCCIÓN EN ESTADO DE EBRIEDAD O DROGADICCIÓN DE TUMBES\n\nVISTOS: x",
     "Juzgado de Investigación Preparatoria de Flagrancia, Omisión a la Asistencia Familiar y Conducción en Estado "
     "de Ebriedad o Drogadicción de Tumbes", "juzgado", "Tumbes"),
    ("CORTE SUPERIOR DE JUSTICIA DE JUNÍN\nSEGUNDA SALA PENAL DE APELACIONES EN ADICIÓN SALA LIQUIDADORA DE "
     "HUANCAYO\n\nVISTOS: x", "Segunda Sala Penal de Apelaciones en Adición Sala Liquidadora de Huancayo",
     "corte_superior", "Junín"),
    # the Supreme's investigation judge for high officials (NCPP art. 450)
    ("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA\nJUZGADO SUPREMO DE INVESTIGACIÓN PREPARATORIA\n\nAUTOS Y OÍDOS: x",
     "Juzgado Supremo de Investigación Preparatoria", "corte_suprema", None),
    # the court the case is sent to (NCPP art. 354) is not the deciding one
    ("CORTE SUPERIOR DE JUSTICIA DE ICA\nSEGUNDO JUZGADO DE INVESTIGACIÓN PREPARATORIA DE ICA\n\nAUTOS Y OÍDOS: x\n\n"
     "CONSIDERANDO:\n1. La acusación cumple los requisitos.\n\nRESUELVE:\n1. DICTAR AUTO DE ENJUICIAMIENTO contra JOSÉ HUAMÁN TASAYCO; y REMITIR los actuados al Juzgado Penal "
     "Unipersonal de turno.", "Segundo Juzgado de Investigación Preparatoria de Ica", "juzgado", "Ica"),
])
def test_court(text, name, level, district):
    court = extract_court(ctx_of(text))
    assert (court.name, court.level.value if court.level else None, court.district) == (name, level, district)


@pytest.mark.parametrize("text, kind", [
    ("CORTE SUPREMA\nSALA PENAL PERMANENTE\nCASACIÓN N.° 1-2020/PUNO\n\nSENTENCIA DE CASACIÓN\n\nVISTOS: x", "casacion"),
    ("CORTE SUPREMA\nSALA PENAL PERMANENTE\nR. N. N° 2031 – 2012\n\nVISTOS: x", "recurso_nulidad"),
    ("CORTE SUPERIOR\nSENTENCIA DE VISTA\nResolución N.° 14\n\nVISTOS Y OÍDOS: x", "sentencia_vista"),
    ("CORTE SUPERIOR\nAUTO DE SOBRESEIMIENTO\nResolución número: CINCO\n\nVISTOS Y OÍDOS: x", "auto"),
    ("CORTE SUPERIOR\nSENTENCIA DE APELACIÓN N.° 12-2023\n\nVISTOS Y OÍDOS: x", "sentencia_vista"),  # NCPP art. 425
    ("CORTE SUPERIOR\nSENTENCIA N.° 032-2022\n\nVISTOS Y OÍDOS: x", "sentencia"),
    ("CORTE SUPERIOR X AGRAVIADA : Carmen SENTENCIA Independencia, dos de mayo de dos mil veinte.- VISTA: en audiencia", "sentencia"),
    # a sumilla ends at the title on the next line (a PDF's text layer keeps no blank line)
    ("CORTE SUPREMA SALA PENAL ESPECIAL\nDE JUSTICIA EXPEDIENTE N.° 11-2019-6\nSumilla: Prisión preventiva. El peligro "
     "procesal debe acreditarse respecto de cada uno.\nAUTO DE APELACIÓN\nRESOLUCIÓN N.° 5\nLima, catorce de "
     "noviembre de dos mil diecinueve\nAUTOS, VISTOS Y OÍDOS: los recursos de apelación.\nCONSIDERANDO: x.\n"
     "DECISIÓN\nDeclararon INFUNDADOS los recursos de apelación; CONFIRMARON el auto.", "auto"),
    # a Juzgado de Investigación Preparatoria's auto without a title: a request is decided
    ("JUZGADO DE INVESTIGACIÓN PREPARATORIA DE JAÉN\nExp. 5127-2016-41\nResolución N.° 2\n\n"
     "AUTOS Y VISTOS: el requerimiento de prolongación de prisión preventiva formulado por la Fiscalía.\n\n"
     "CONSIDERANDO: Primero. x\n\nSE RESUELVE: Declarar FUNDADO el requerimiento.", "auto"),
    ("JUZGADO DE INVESTIGACIÓN PREPARATORIA\nExp. 12-2020-3\nJaén, cuatro de octubre de dos mil dieciséis.\n\n"
     "VISTOS: los actuados.\n\nCONSIDERANDO: Primero. x\n\n"
     "SE RESUELVE: Declarar INFUNDADA la excepción de improcedencia de acción.", "auto"),
])
def test_doc_kind(text, kind):
    ctx = ctx_of(text)
    assert extract_doc_kind(ctx, extract_case_numbers(ctx))[0].value == kind


@pytest.mark.parametrize("text, level, name", [
    # only the Corte Suprema decides a casación or a recurso de nulidad, whatever the header omits
    ("SALA PENAL PERMANENTE\nR. N. N.° 1234-2017\nLIMA\nLima, doce de abril de dos mil dieciocho.-\n\n"
     "VISTOS: el recurso de nulidad interpuesto por el encausado.\n\nDECISIÓN: NO HABER NULIDAD.",
     "corte_suprema", "Sala Penal Permanente"),
    ("CASACIÓN N.° 2045-2018/PUNO\nLima, dos de mayo de dos mil diecinueve\n\nVISTOS: el recurso.\n\n"
     "DECISIÓN: declararon INFUNDADO el recurso de casación.", "corte_suprema", None),
    # ... but a named lower organ keeps its level
    ("CORTE SUPERIOR DE JUSTICIA DE PUNO\nSALA PENAL DE APELACIONES\nEXPEDIENTE N.° 00123-2019-45-2101-JR-PE-01\n"
     "Puno, dos de mayo de dos mil diecinueve\n\nVISTOS: el recurso.\n\nCONFIRMARON la sentencia.",
     "corte_superior", "Sala Penal de Apelaciones"),
])
def test_court_level_from_a_supreme_number(text, level, name):
    from extractors.legal import extract

    court = extract(doc_of(text)).court
    assert (court.level.value, court.name) == (level, name)


# --- charges -----------------------------------------------------------------------------

CHARGE_DOC = "CORTE SUPERIOR\n{}\n\nVISTOS: {}\n\nCONSIDERANDO:\n\nPRIMERO. {}"


@pytest.mark.parametrize("header, vistos, body, expected", [
    ("DELITO : Trata de personas agravada", "", ("formuló acusación por el delito de trata de personas agravada, previsto "
     "en el inciso 1 del artículo 153 del Código Penal, concordante con los incisos 3 y 4 del primer párrafo del "
     "artículo 153-A del mismo cuerpo legal. Actualmente, por obra de la Ley N.° 31146, estos supuestos se encuentran "
     "previstos en los artículos 129-A y 129-B."), [("trata_de_personas_agravada", ["153", "153-A"])]),
    ("", ("condenó a X como autor del delito contra la libertad, en la modalidad de violación de la libertad personal, "
     "en su forma de explotación sexual, previsto en el primer párrafo del artículo 153-B del Código Penal, a doce años"),
     "conforme al artículo 45-A del Código Penal y al artículo 36.", [("explotacion_sexual", ["153-B"])]),
    ("", ("por el delito de lavado de activos en la modalidad de actos de ocultamiento (artículos 1 y 2 del Decreto "
     "Legislativo N.° 1106), en agravio del Estado"), ("La minería ilegal, prevista en el artículo 307-A del Código Penal, "
     "no es objeto de este proceso."), [("lavado_de_activos", ["DL1106-1", "DL1106-2"])]),
    ("", "por el delito contra los recursos naturales, en la modalidad de minería ilegal, en su forma agravada, en agravio",
     "previsto en el artículo 307-A, concordante con los incisos 1 y 3 del artículo 307-B del Código Penal",
     [("mineria_ilegal_agravada", ["307-A", "307-B"])]),
    ("DELITO : Proxenetismo (alternativamente, favorecimiento a la prostitución)", "", "",
     [("proxenetismo", []), ("favorecimiento_prostitucion", [])]),
    ("DELITO : Robo agravado", "", ("Los hechos fueron calificados en el artículo 188 del Código Penal, con las "
     "agravantes del artículo 189 del mismo código."), [("robo_agravado", ["188", "189"])]),
])
def test_charges(header, vistos, body, expected):
    got = extract_charges(ctx_of(CHARGE_DOC.format(header, vistos, body)))
    assert sorted((c.crime, c.articles) for c in got) == sorted(expected)


# --- citations, procedure ----------------------------------------------------------------

def test_citations_are_normalised_and_exclude_own_number_and_furniture():
    text = ("Lea también: otra nota [R.N. 1208-2011, Puno]\n\nCORTE SUPREMA\nSALA PENAL PERMANENTE\n"
            "CASACIÓN N.° 1193-2021/MADRE DE DIOS\n\nVISTOS: x\n\nCONSIDERANDO: el Acuerdo Plenario N.° 3-2011/CJ-116, "
            "el Acuerdo Plenario Extraordinario N.° 2-2016/CIJ-116, la Casación N.° 904-2019/Puno, la Cas. N.° 5-2010, "
            "el R.N. N.° 2204-2018 Lima Norte y el Exp. N.° 04295-2019-PHC/TC; Casación 1193-2021.")
    ctx = ctx_of(text)
    got = extract_citations(ctx, extract_case_numbers(ctx))
    assert [c.normalized for c in got] == [
        "acuerdo_plenario 3-2011/CJ-116", "acuerdo_plenario 2-2016/CIJ-116",
        "tribunal_constitucional 04295-2019-PHC/TC", "casacion 904-2019", "casacion 5-2010",
        "recurso_nulidad 2204-2018"]


def test_plenary_rulings_are_cited_by_their_pleno_number_also_abbreviated():
    # NCPP art. 433.4: the Sentencia Plenaria Casatoria, binding like an Acuerdo Plenario; "A.P." for the latter
    text = ("CORTE SUPREMA\nSALA PENAL PERMANENTE\nCASACIÓN N.° 2250-2021/AREQUIPA\n\nVISTOS: x\n\nCONSIDERANDO: "
            "La Sentencia Plenaria Casatoria N.° 1-2017/CIJ-433 y el A.P. N.° 2-2005/CJ-116 precisan los estándares.")
    ctx = ctx_of(text)
    got = extract_citations(ctx, extract_case_numbers(ctx))
    assert sorted((c.kind.value, c.normalized) for c in got) == [
        ("acuerdo_plenario", "acuerdo_plenario 2-2005/CJ-116"),
        ("sentencia_plenaria", "sentencia_plenaria 1-2017/CIJ-433")]


@pytest.mark.parametrize("text, district, earliest, code", [
    ("CORTE SUPREMA\nR. N. N° 1-2012\n\nVISTOS: el recurso de nulidad; el juez instructor abrió instrucción", None, None, "cdepp1940"),
    ("CORTE\nVISTOS: x. Se formalizó la investigación preparatoria ante el Juzgado Penal Unipersonal", None, None, "ncpp"),
    ("CORTE\nVISTOS: x. Sala Penal Liquidadora.", "Huaura", date(2005, 1, 1), "cdepp1940"),
    ("CORTE\nVISTOS: x.", "Puno", date(2015, 1, 1), "ncpp"),
    ("CORTE\nVISTOS: x.", None, None, "desconocido"),
])
def test_procedural_code(text, district, earliest, code):
    assert extract_procedural_code(ctx_of(text), district=district, earliest=earliest)[0].value == code


@pytest.mark.parametrize("text, mechanism", [
    ("AUTO QUE APRUEBA ACUERDO DE TERMINACIÓN ANTICIPADA\nVISTOS: x", "terminacion_anticipada"),
    ("CORTE\nProceso : Inmediato (flagrancia)\nVISTOS: x", "proceso_inmediato"),
    ("CORTE\nVISTOS: el procesado, acogiéndose a la conclusión anticipada del debate", "conclusion_anticipada"),
    ("CORTE\nVISTOS: la coacusada cuya situación se resolvió mediante terminación anticipada en el cuaderno respectivo", None),
    # NCPP art. 468: a deal the judge disapproves, confirmed on appeal, was not used ...
    ("SALA PENAL DE APELACIONES\nLima, dos de mayo de dos mil veinte\n\nVISTOS: la apelación.\n\nCONSIDERANDO: "
     "El juez controla la legalidad del acuerdo de terminación anticipada.\n\nDECISIÓN\nCONFIRMARON la Resolución "
     "N.° 8, que DESAPROBÓ el acuerdo de terminación anticipada.", None),
    # ... one approved on appeal was
    ("SALA PENAL DE APELACIONES\nLima, dos de mayo de dos mil veinte\n\nVISTOS: la apelación.\n\nCONSIDERANDO: "
     "x.\n\nDECISIÓN\nREVOCAR la resolución que desaprobó el acuerdo de terminación anticipada y, reformándola, "
     "APROBAR dicho acuerdo.", "terminacion_anticipada"),
])
def test_early_termination(text, mechanism):
    got = extract_early_termination(ctx_of(text))[0]
    assert (got.value if got else None) == mechanism
