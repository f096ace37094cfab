"""Table-driven tests of what legal-0.2.0 added: OCR and flowed-text noise, penalties and
outcomes in their less common forms, the accused by initials, actor civil and third
persons, the lower decisions a ruling recites and inhabilitación.

Texts are short invented fragments shaped like real rulings (not like the generator's
templates); each row is (text, expected).
"""

from __future__ import annotations

from datetime import date

import pytest

from extractors.legal import extract, extract_details
from extractors.legal.dates import find_dates
from extractors.legal.names import same_person
from extractors.legal.numbers import parse_amount
from extractors.legal.patterns import penalties as PP
from extractors.legal.text import build_view, fold, match_text
from schemas import DocumentText, Page


def doc_of(*pages: str) -> DocumentText:
    return DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=len(pages),
                        pages=[Page(number=i + 1, text=t, method="text_layer") for i, t in enumerate(pages)],
                        language="es")


# --- text noise ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("dos mil'dieciocho", "dos mil dieciocho"),  # OCR apostrophe between number words
    ("del-dos mil", "del dos mil"),
    ("00347-2019-28-2111-jr-pe-01", "00347-2019-28-2111-jr-pe-01"),  # case numbers keep their hyphens
    ("153-a", "153-a"),
])
def test_match_text_unglues_words(text, expected):
    assert match_text(fold(text)) == expected


def test_view_drops_ocr_specks_signature_stamps_and_joins_flowed_hyphens():
    doc = doc_of("el acusado ROSA SOTOMA- YOR CONDORI llegó\n*\nFirmado digitalmente por ROJAS TUESTA Nilo "
                 "FAU 20159981216 soft - Fecha: 30/03/2014 12:59:57\nfin")
    raw = build_view(doc).raw
    assert "SOTOMAYOR CONDORI" in raw and "*" not in raw and "Firmado" not in raw and "2014" not in raw


@pytest.mark.parametrize("text, expected", [
    ("-2.1.El6 de julio del año 2017 se formuló denuncia", date(2017, 7, 6)),  # OCR lost the space
    ("El 12/11/20171, el agresor", date(2017, 11, 12)),  # footnote 1 glued to the year
    ("el veinticuatro de julio del dos mil'dieciocho", date(2018, 7, 24)),
])
def test_dates_in_ocr_text(text, expected):
    low = match_text(fold(text))
    assert [d.value for d in find_dates(low) if d.value] == [expected]


@pytest.mark.parametrize("text, amount", [
    ("S/ 25\n000.00", 25000.0), ("S/. 5,000.00", 5000.0), ("S/1500,00", 1500.0), ("S/ 600.00", 600.0),
])
def test_money_across_a_line_break(text, amount):
    m = PP.MONEY.search(fold(text))
    assert parse_amount(" ".join(m["amount"].split())) == amount


@pytest.mark.parametrize("text, years", [
    ("once años y un mes de pena privativa de libertad", 11 + 1 / 12),
    ("DIECISÉIS (16) AÑOS de pena privativa de libertad", 16),
    ("seis meses de pena privativa de libertad", 0.5),
])
def test_prison_terms(text, years):
    m = PP.PRISON.search(fold(text))
    from extractors.legal.penalties import _num
    value = (_num(m["years"]) or 0) + (_num(m["months"]) or 0) / 12 if m["years"] else _num(m["monly"]) / 12
    assert value == pytest.approx(years)


@pytest.mark.parametrize("a, b, same", [
    ("Marisol Ñahui", "Marisol Sullca Ñahui", True),  # a header value read from its second surname
    ("Katty Paola", "Katty Paola Sernaqué Ticona", True),  # a name cut by a page break
    ("Hernán Mendoza", "Hernán Mendoza Coaquira", True),
    ("Ríos Ttito", "Ríos Ttito Cutipa Ñique", False),  # two judges signed on one line
    ("Ana Lucía Fasabi Puma", "Ana Lucía Sinti Cáceres", False),
])
def test_same_person(a, b, same):
    loose = a != "Ríos Ttito"
    assert same_person(a, b, loose=loose) is same


# --- whole fragments -----------------------------------------------------------------------

_APPEAL = """CORTE SUPERIOR DE JUSTICIA DE CUSCO
SALA PENAL DE APELACIONES DE CUSCO
EXPEDIENTE : 00112-2019-3-1001-JR-PE-02
SENTENCIADO : J.C.Q.M.

SENTENCIA DE VISTA
Cusco, dos de mayo de dos mil veintidós

VISTOS Y OÍDOS: el recurso de apelación interpuesto por el sentenciado J.C.Q.M. contra la sentencia
de fecha diez de enero de dos mil veintidós, expedida por el Segundo Juzgado Penal Unipersonal de
Cusco, que lo condenó como autor del delito de actos contra el pudor en menor de edad, previsto en
el artículo 176-A del Código Penal, en agravio de la menor de iniciales A.B.C.; con la intervención
del Fiscal Superior Rubén Darío Quispe Layme; y de la Procuraduría Pública Especializada en Delitos
contra el Orden Público, constituida en actor civil; y,
CONSIDERANDO:
1. La declaración del testigo Eusebio Ccahua Mamani, vecino del lugar, corrobora el relato.
2. La pericia psicológica, explicada en juicio por la perito Delia Huamán Quispe, es concluyente.
DECISIÓN
Por estos fundamentos, la Sala Penal de Apelaciones de Cusco RESUELVE:
I. CONFIRMAR la sentencia que CONDENA a J.C.Q.M. y le impone SIETE AÑOS Y UN MES de pena privativa
de libertad efectiva, e INHABILITACIÓN por el plazo de DOS AÑOS, conforme a los incisos 5 y 9 del
artículo 36 del Código Penal; y fija en S/ 8
000.00 la reparación civil que pagará a favor de la agraviada.
II. Notifíquese.
"""


def test_accused_by_initials_actor_civil_witnesses_and_penalty():
    r = extract(doc_of(_APPEAL))
    roles = {(p.role.value, p.name) for p in r.parties}
    assert ("imputado", "J.C.Q.M.") in roles and ("agraviado", "A.B.C.") in roles
    assert ("actor_civil", "Procuraduría Pública Especializada en Delitos contra el Orden Público") in roles
    assert {n for role, n in roles if role == "tercero"} == {"Eusebio Ccahua Mamani", "Delia Huamán Quispe"}
    assert [(b.name, b.kind.value) for b in r.outcome.by_defendant] == [("J.C.Q.M.", "confirma")]
    [p] = r.penalties
    assert (p.defendant, round(p.prison_years, 4), p.effective, p.reparacion_civil_soles) == \
        ("J.C.Q.M.", round(7 + 1 / 12, 4), True, 8000.0)
    assert [c.crime for c in r.charges] == ["actos_contra_el_pudor_menor"]


def test_details_lower_decisions_and_inhabilitacion():
    _, details = extract_details(doc_of(_APPEAL))
    [lower] = details.lower_decisions
    assert (lower.instance, lower.court, lower.kind.value, lower.date) == \
        ("primera_instancia", "Segundo Juzgado Penal Unipersonal de Cusco", "condena", date(2022, 1, 10))
    [inh] = details.inhabilitaciones
    assert (inh.defendant, inh.years, inh.incisos) == ("J.C.Q.M.", 2.0, (5, 9))


def test_a_date_of_an_act_on_the_sentencia_is_not_its_date():
    text = ("CORTE SUPERIOR DE JUSTICIA DE LAMBAYEQUE\nSEGUNDA SALA PENAL DE APELACIONES\n\nSENTENCIA DE VISTA\n\n"
            "VISTA Y OÍDA: la apelación contra la sentencia de fecha catorce de diciembre de dos mil veintidós, que los "
            "condenó.\n\nCONSIDERANDO:\nPRIMERO. Los sentenciados apelaron la sentencia el 20 de diciembre de 2022.\n\n"
            "DECISIÓN:\n1. CONFIRMAR la sentencia.")
    _, details = extract_details(doc_of(text))
    assert [(d.instance, d.kind.value if d.kind else None, d.date) for d in details.lower_decisions] == \
        [("primera_instancia", "condena", date(2022, 12, 14))]


_CASACION = """CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA
SALA PENAL PERMANENTE
CASACIÓN N.° 812-2021/PUNO
Lima, tres de marzo de dos mil veintitrés
VISTOS: el recurso de casación interpuesto por el Fiscal Superior contra la sentencia de vista de
fojas trescientos, de nueve de junio de dos mil veinte, emitida por la Sala Penal de Apelaciones de
Puno, que revocando la sentencia de primera instancia de veinte de enero de dos mil veinte, que
condenó a los encausados Juan Pérez Mamani y Rosa Quispe Apaza, los absolvió.
CONSIDERANDO:
PRIMERO. Que el recurso cumple los requisitos.
Por estos fundamentos, los señores jueces supremos de la Sala Penal Permanente:
I. Declararon INFUNDADO el recurso de casación interpuesto por el Fiscal Superior; en consecuencia,
NO
CASARON la sentencia de vista.
"""


def test_a_casacion_decided_for_every_defendant_it_does_not_name():
    r = extract(doc_of(_CASACION))
    assert r.outcome.kind.value == "casacion_infundada"
    assert {(b.name, b.kind.value) for b in r.outcome.by_defendant} == {
        ("Juan Pérez Mamani", "casacion_infundada"), ("Rosa Quispe Apaza", "casacion_infundada")}
    _, details = extract_details(doc_of(_CASACION))
    assert [(d.instance, d.kind.value, d.date) for d in details.lower_decisions] == [
        ("apelacion", "revoca", date(2020, 6, 9)), ("primera_instancia", "condena", date(2020, 1, 20))]


_FLOWED = ("CORTE SUPERIOR DE JUSTICIA DE PUNO JUZGADO PENAL UNIPERSONAL DE PUNO Expediente : 00455-2016-0-2101-"
           "JR-PE-01 Acusado : MAMANI QUISPE, Rubén SENTENCIA Puno, cinco de mayo de dos mil diecisiete. VISTOS: "
           "el juicio seguido contra RUBÉN MAMANI QUISPE por el delito de hurto agravado, previsto en el artículo "
           "186 del Código Penal, en agravio de Elena Ticona Vilca. CONSIDERANDO: 1. El acusado, previa consulta "
           "con su abogado, aceptó los cargos y se acogió a la conclusión anticipada del juicio. DECISIÓN Por estos "
           "fundamentos, el Juzgado Penal Unipersonal de Puno FALLA: I. CONDENANDO a RUBÉN MAMANI QUISPE como autor "
           "del delito de hurto agravado a TRES AÑOS de pena privativa de libertad suspendida en su ejecución por el "
           "período de prueba de dos años. II. RESERVANDO el pronunciamiento sobre las costas. Etiquetas: hurto · Puno")


def test_flowed_text_with_tail_furniture_and_a_sentencia_conformada():
    r = extract(doc_of(_FLOWED))
    assert [c.normalized for c in r.case_numbers] == ["00455-2016-0-2101-JR-PE-01"]
    assert r.resolution_date == date(2017, 5, 5) and r.place == "Puno"
    # a sentencia conformada convicts: condena, with the conclusión anticipada in early_termination
    assert [(b.name, b.kind.value) for b in r.outcome.by_defendant] == [("Rubén Mamani Quispe", "condena")]
    assert r.early_termination.value == "conclusion_anticipada"
    [p] = r.penalties
    assert (p.prison_years, p.effective, p.probation_years) == (3, False, 2)
    assert [c.crime for c in r.charges] == ["hurto_agravado"]


@pytest.mark.parametrize("text, expected", [
    ("Giovanna Mariso! Vilca", "Giovanna Marisol Vilca"), ("A1ipio Ccori", "Alipio Ccori"),
    ("expediente 2O19", "expediente 2019"), ("¡Basta! Luego", "¡Basta! Luego"), ("artículo 153-A", "artículo 153-A"),
])
def test_ocr_character_repairs(text, expected):
    from extractors.legal.text import repair_ocr
    assert repair_ocr(text) == expected


def test_ocr_repairs_only_on_ocr_pages():
    page = "el acusado A1ipio Ccori Huamán"
    digital = DocumentText(path="t", sha256="0" * 64, file_type="text", page_count=1,
                           pages=[Page(number=1, text=page, method="text_layer")])
    scanned = DocumentText(path="t", sha256="0" * 64, file_type="pdf", page_count=1,
                           pages=[Page(number=1, text=page, method="ocr")])
    assert "A1ipio" in build_view(digital).raw and "Alipio" in build_view(scanned).raw


def test_case_number_with_an_ocr_space_in_the_year():
    doc = doc_of("CORTE SUPERIOR DE JUSTICIA DEL CUSCO\nExpediente: 02524-201 1-49-1001-JR-PE-04; Juez: X\n"
                 "SENTENCIA\nCusco, uno de marzo de dos mil doce\nVISTOS: los autos.")
    assert [c.normalized for c in extract(doc).case_numbers] == ["02524-2011-49-1001-JR-PE-04"]


def test_a_charge_named_only_by_its_article_in_the_2021_numbering():
    doc = doc_of("CORTE SUPERIOR DE JUSTICIA DE PUNO\nJUZGADO PENAL COLEGIADO SUPRAPROVINCIAL DE PUNO\n"
                 "EXPEDIENTE : 00011-2022-1-2101-JR-PE-01\nSENTENCIA\nPuno, dos de mayo de dos mil veintitrés\n"
                 "VISTOS: el juicio seguido contra JUAN PÉREZ QUISPE por el delito previsto en el artículo 129-B "
                 "del Código Penal, en agravio de la menor de iniciales A.B.C.\nCONSIDERANDO:\n1. Texto.\n"
                 "FALLA: CONDENANDO a JUAN PÉREZ QUISPE a doce años de pena privativa de libertad efectiva.\n")
    assert [(c.crime, c.articles) for c in extract(doc).charges] == [("trata_de_personas_agravada", ["129-B"])]



def test_court_name_split_by_a_page_break_is_read_not_crashed():
    """A decision that names its organ across a page break ("... de Investigación" |
    "Preparatoria de Arequipa") once crashed the court extractor (seen on a generated scan)."""
    first = ("CORTE SUPERIOR DE JUSTICIA DE AREQUIPA\n"
             "PRIMER JUZGADO DE INVESTIGACIÓN PREPARATORIA DE AREQUIPA\n"
             "EXPEDIENTE : 01431-2016-76-0401-JR-PE-04\nAUTO DE SOBRESEIMIENTO\n"
             "Arequipa, dos de mayo de dos mil veinte\n"
             "VISTOS: el requerimiento de sobreseimiento.\nIII. DECISIÓN\n"
             "Por estas consideraciones, el Primer Juzgado de Investigación")
    second = "Preparatoria de Arequipa RESUELVE: DECLARAR FUNDADO el requerimiento y SOBRESEER el proceso.\n"
    court = extract(doc_of(first, second)).court
    assert court.name == "Primer Juzgado de Investigación Preparatoria de Arequipa"
    assert court.level == "juzgado"
