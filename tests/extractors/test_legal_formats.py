"""The formats of the Corte Suprema's autos and appeals, the Salas Superiores and the Juzgados
de Investigación Preparatoria: own numbers, document kind, procedural code, early resolution."""

from __future__ import annotations

import pytest

from extractors.legal import extract
from schemas import DocumentText, Page

SUPREME = "CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA\nSALA PENAL PERMANENTE\n{number}\n\n{title}\n\nLima, diez de junio de dos mil veinticinco\n\n"
BODY = ("VISTOS: el recurso interpuesto por la defensa de JUAN PÉREZ ROJAS.\n\nCONSIDERANDO\n\nPRIMERO. {reasoning}\n\n"
        "DECISIÓN\n\nPor estos fundamentos, declararon INFUNDADO el recurso.\n")


def ruling(text: str):
    return extract(DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=1,
                                pages=[Page(number=1, text=text, method="text_layer")]))


def supreme(number: str, title: str = "", reasoning: str = "Que el recurso no prospera.") -> str:
    return SUPREME.format(number=number, title=title) + BODY.format(reasoning=reasoning)


@pytest.mark.parametrize("number, normalized, kind, district", [
    ("APELACIÓN N.° 618-2024/ICA", "apelacion 618-2024", "apelacion", "Ica"),
    ("RECURSO DE APELACIÓN N.° 233-2023, TACNA", "apelacion 233-2023", "apelacion", "Tacna"),
    ("QUEJA N.° 118-2019/JUNÍN", "queja 118-2019", "queja", "Junín"),
    ("RECURSO DE QUEJA EXCEPCIONAL N.° 45-2020/LIMA", "queja 45-2020", "queja", "Lima"),
    ("QUEJA NCPP N.° 1123-2022/LIMA NORTE", "queja 1123-2022", "queja", "Lima Norte"),
    ("Casación N° 002417-2019", "casacion 2417-2019", "casacion", None),
    ("CASACIÓN N.° 2291-2019, AREQUIPA", "casacion 2291-2019", "casacion", "Arequipa"),
    ("R. N. N.° 1544 - 2019\nUCAYALI", "recurso_nulidad 1544-2019", "recurso_nulidad", "Ucayali"),
    ("COMPETENCIA N.° 12-2019/LIMA", "competencia 12-2019", "competencia", "Lima"),
    ("EXTRADICIÓN PASIVA N.° 45-2020", "extradicion 45-2020", "extradicion", None),
])
def test_supreme_numbers(number, normalized, kind, district):
    r = ruling(supreme(number, reasoning="Así lo precisó esta Sala en la Casación N.° 1523-2019/Arequipa."))
    assert [(c.normalized, c.kind.value, c.district) for c in r.case_numbers] == [(normalized, kind, district)]
    assert "casacion 1523-2019" in {c.normalized for c in r.citations}  # a precedent, never the number


def test_a_cited_precedent_is_not_the_number_of_a_ruling_without_one():
    text = ("SALA PENAL TRANSITORIA\n\nLima, dos de mayo de dos mil veinte\n\nVISTOS: el recurso. CONSIDERANDO: "
            "Primero. Conforme a la Casación N.° 2190-2017/Junín, el plazo es de tres días.\n")
    assert ruling(text).case_numbers == []


def test_a_sala_superior_appeal_number_is_not_its_own():
    text = ("CORTE SUPERIOR DE JUSTICIA DE TACNA\nSALA PENAL DE APELACIONES\nEXPEDIENTE N.° 00081-2013-0-2301-JR-PE-02\n"
            "APELACIÓN N.° 12-2020\n\nTacna, dos de mayo de dos mil veinte\n\nVISTOS: el recurso.\n")
    assert [c.normalized for c in ruling(text).case_numbers] == ["00081-2013-0-2301-JR-PE-02"]


def test_incident_file_and_header_short_form():
    text = ("CORTE SUPERIOR DE JUSTICIA DE PIURA\nSALA PENAL DE APELACIONES\n\nCUADERNO N.° : 00912-2010-25-2001-JR-PE-02\n"
            "\nAUTO DE VISTA\n\nPiura, dos de mayo de dos mil diez\n\nVISTOS: el recurso.\n")
    assert [c.normalized for c in ruling(text).case_numbers] == ["00912-2010-25-2001-JR-PE-02"]
    text = ("SALA PENAL ESPECIAL\nEXPEDIENTE N.° 11-2019-6\n\nLima, dos de mayo de dos mil veinte\n\nVISTOS: el recurso "
            "en el expediente 00011-2019-6-5001-JS-PE-01.\n")
    assert [c.normalized for c in ruling(text).case_numbers] == ["00011-2019-6-5001-JS-PE-01"]


@pytest.mark.parametrize("number, title, kind, code", [
    ("CASACIÓN N.° 001874-2022", "AUTO DE CALIFICACIÓN DEL RECURSO DE CASACIÓN", "casacion", "ncpp"),
    ("QUEJA N.° 118-2019/JUNÍN", "AUTO SUPREMO", "queja", "desconocido"),
    ("APELACIÓN N.° 437-2025/AYACUCHO", "AUTO DE APELACIÓN SUPREMA", "auto", "ncpp"),
    ("APELACIÓN N.° 437-2025/AYACUCHO", "", "auto", "ncpp"),
    ("R. N. N.° 2287-2018/LIMA", "", "recurso_nulidad", "cdepp1940"),
])
def test_supreme_kinds_and_code(number, title, kind, code):
    r = ruling(supreme(number, title))
    assert (r.doc_kind.value, r.procedural_code.value) == (kind, code)


def test_a_cited_acuerdo_plenario_in_the_sumilla_is_not_the_kind():
    text = supreme("R. N. N.° 2287-2018/LIMA", "Sumilla. Acuerdo Plenario N.° 4-2016/CIJ-116: responsabilidad restringida.")
    assert ruling(text).doc_kind.value == "recurso_nulidad"


@pytest.mark.parametrize("head, kind", [
    ("Materia : Apelación de auto – cese de prisión preventiva\n\nVISTOS: los recursos.", "auto"),
    ("VISTOS: los recursos de apelación interpuestos por las defensas de los investigados contra la "
     "Resolución N.° 4, de dieciséis de agosto, que declaró IMPROCEDENTES los pedidos de cese.", "auto"),
    ("VISTOS Y OÍDOS: en audiencia pública de apelación de sentencia, el recurso.", "sentencia_vista"),
    ("ACTA DE REGISTRO DE AUDIENCIA PÚBLICA DE CONTROL DE LEGALIDAD DE LA DETENCIÓN\n\nVISTOS: el pedido.", "auto"),
])
def test_kinds_without_a_title(head, kind):
    text = ("CORTE SUPERIOR DE JUSTICIA DE LIMA NORTE\nSALA PENAL DE APELACIONES\nEXPEDIENTE : 01876-2022-4-0901-JR-PE-02\n"
            f"{head}\n\nCONSIDERANDO: Primero.\n\nPor estos fundamentos, CONFIRMARON la resolución.\n")
    assert ruling(text).doc_kind.value == kind


@pytest.mark.parametrize("sentence, early", [
    ("El Fiscal manifiesta que formulará requerimiento de incoación de proceso inmediato.", None),
    ("Los actos de investigación no permitían acudir al proceso inmediato.", None),
    ("El Ministerio Público requirió la incoación del proceso inmediato el veintitrés de mayo.", "proceso_inmediato"),
    ("En audiencia de juicio inmediato se actuó la prueba.", "proceso_inmediato"),
    ("1. APROBAR la conclusión anticipada del juicio oral y CONDENAR a X.", "conclusion_anticipada"),
])
def test_early_resolution_used_in_this_case(sentence, early):
    text = ("JUZGADO PENAL UNIPERSONAL DE TAMBOPATA\nEXPEDIENTE : 01158-2023-0-2701-JR-PE-02\n\n"
            f"Tambopata, dos de mayo de dos mil veintitrés\n\nVISTOS: el proceso.\n\nCONSIDERANDO: Primero. {sentence}\n")
    r = ruling(text)
    assert (r.early_termination.value if r.early_termination else None) == early


def test_a_notification_cedula_before_the_ruling_is_not_the_ruling():
    # SINOE serves a ruling with a cédula in front of it, dated the day it is sent (NCPP art. 127)
    cedula = ("PODER JUDICIAL DEL PERÚ\nCORTE SUPERIOR DE JUSTICIA DE LIMA\n\nCÉDULA DE NOTIFICACIÓN ELECTRÓNICA\n\n"
              "EXPEDIENTE        : 08812-2022-0-1801-JR-PE-05\nJUZGADO           : 5° JUZGADO PENAL UNIPERSONAL\n"
              "DESTINATARIO      : ABOG. JORGE ENRIQUE SALAS PAREDES\nDIRECCIÓN         : Casilla Electrónica N.° 84512\n"
              "Se adjunta Resolución CINCO de fecha 12/06/2023 a Fjs: 6\nANEXANDO LO SIGUIENTE: SENTENCIA\n"
              "Lima, 14 de junio de 2023\n")
    sentencia = ("CORTE SUPERIOR DE JUSTICIA DE LIMA\nQUINTO JUZGADO PENAL UNIPERSONAL DE LIMA\n\nEXPEDIENTE : "
                 "08812-2022-0-1801-JR-PE-05\nACUSADO    : JULIO CÉSAR MEZA RAMOS\n\nSENTENCIA\n\nResolución N.° 5\n"
                 "Lima, doce de junio de dos mil veintitrés.\n\nVISTOS Y OÍDOS: el juicio seguido contra Julio César "
                 "Meza Ramos por lesiones leves.\n\nFALLO:\n1. ABSOLVIENDO a JULIO CÉSAR MEZA RAMOS de la acusación.\n")
    doc = DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=2,
                       pages=[Page(number=1, text=cedula, method="text_layer"),
                              Page(number=2, text=sentencia, method="text_layer")])
    r = extract(doc)
    assert str(r.resolution_date) == "2023-06-12"
    assert r.court.name == "Quinto Juzgado Penal Unipersonal de Lima"


def test_a_dissenting_vote_after_the_decision_is_not_the_decision():
    # LOPJ arts. 141-144: the majority's decision, then the dissent with its own "Por estos fundamentos"
    r = ruling("SALA PENAL DE APELACIONES DE ICA\n\nEXPEDIENTE N.° 01145-2019-66-1401-JR-PE-01\n\nSENTENCIA DE VISTA\n\n"
               "Ica, once de mayo de dos mil veintiuno.\n\nVISTOS Y OÍDOS: el recurso del sentenciado Carlos Alfredo "
               "Meneses Uribe; intervienen los jueces superiores Cueto Chuman, Tipiani Sánchez y Vásquez Arana.\n\n"
               "CONSIDERANDO:\nPRIMERO. La responsabilidad está acreditada.\n\nDECISIÓN:\nPor estos fundamentos, la Sala, "
               "por MAYORÍA, RESUELVE: CONFIRMAR la sentencia que condenó a CARLOS ALFREDO MENESES URIBE a cuatro años de "
               "pena privativa de libertad suspendida en su ejecución por tres años.\n\nS.S.\nCUETO CHUMAN\nTIPIANI "
               "SÁNCHEZ\n\nVOTO EN DISCORDIA DEL JUEZ SUPERIOR VÁSQUEZ ARANA\n\nEl juez que suscribe discrepa.\nPor estos "
               "fundamentos, MI VOTO es porque se REVOQUE la sentencia apelada y se ABSUELVA a CARLOS ALFREDO MENESES "
               "URIBE.\n\nS.\nVÁSQUEZ ARANA\n")
    assert r.outcome.kind.value == "confirma"
    assert [(p.prison_years, p.effective, p.probation_years) for p in r.penalties] == [(4.0, False, 3.0)]
    assert {p.name for p in r.parties if p.role.value == "juez"} == {"Cueto Chuman", "Tipiani Sánchez", "Vásquez Arana"}


def test_a_decision_heading_with_the_decision_on_its_line():
    # "DECISIÓN: CONFIRMARON …", "FALLO: CONDENANDO …": no line of its own for the heading
    r = ruling("CORTE SUPERIOR DE JUSTICIA DE PIURA\nSALA PENAL DE APELACIONES DE PIURA\n\nSENTENCIA DE VISTA\n\n"
               "Piura, 3 de mayo de 2023\n\nVISTOS: el recurso de apelación.\n\nCONSIDERANDO: x.\n\nDECISIÓN: "
               "CONFIRMARON la sentencia que condenó a JUAN PÉREZ ROJAS.\n")
    assert r.outcome.kind.value == "confirma"


def test_a_single_judge_resolves_in_the_first_person():
    r = ruling("JUZGADO DE INVESTIGACIÓN PREPARATORIA DE JAÉN\nExp. 5127-2016-41\nResolución N.° 2\nJaén, 4 de octubre de "
               "2016\n\nAUTOS Y VISTOS: el requerimiento de prisión preventiva contra JUAN PÉREZ ROJAS.\n\nCONSIDERANDO: "
               "Primero. El imputado tiene arraigo.\n\nPor lo expuesto, RESUELVO: Declarar INFUNDADO el requerimiento de "
               "prisión preventiva.\n")
    assert r.outcome.kind.value == "prision_preventiva_infundada"


@pytest.mark.parametrize("closing", ["Estando a lo expuesto, SE DECLARA INFUNDADO", "Por lo expuesto, DECLARO INFUNDADO"])
def test_an_auto_closing_with_its_formula_and_no_heading(closing):
    r = ruling("JUZGADO DE INVESTIGACIÓN PREPARATORIA DE JAÉN\nExp. 5127-2016-41\nResolución N.° 2\nJaén, 4 de octubre de "
               "2016\n\nAUTOS Y VISTOS: el requerimiento de prisión preventiva contra JUAN PÉREZ ROJAS.\n\nCONSIDERANDO: "
               f"Primero. El imputado tiene arraigo.\n\n{closing} el requerimiento de prisión preventiva.\n")
    assert r.outcome.kind.value == "prision_preventiva_infundada"
