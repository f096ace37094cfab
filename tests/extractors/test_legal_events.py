"""Procedural milestones, one sentence of a ruling's reasoning per row: (sentence, expected
(kind, date) pairs). The sentences follow how rulings recite the history of a case."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.legal.events import extract_events
from extractors.legal.text import Context
from schemas import DocKind, DocumentText, Page

RULING_DATE = date(2024, 5, 6)


def events_of(sentence: str) -> list[tuple[str, date]]:
    text = ("SALA PENAL DE APELACIONES\nEXPEDIENTE N.° 00123-2022-0-1001-JR-PE-01\n\n"
            "Cusco, seis de mayo de dos mil veinticuatro.\n\nVISTOS Y OÍDOS: el recurso.\n\n"
            "CONSIDERANDO:\n\nPRIMERO. Antecedentes. " + sentence + "\n\n"
            "SEGUNDO. La Sala analiza el caso.\n\nDECISIÓN: CONFIRMARON la resolución.\n")
    doc = DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=1,
                       pages=[Page(number=1, text=text, method="text_layer")])
    return sorted((e.kind.value, e.date) for e in extract_events(Context.of(doc), RULING_DATE))


@pytest.mark.parametrize("sentence, expected", [
    # a cue with another date between it and this one dates that other one
    ("Conforme a la denuncia policial del 3 de abril de 2022, el 2 de abril de 2022 el querellado agredió a la "
     "agraviada.", [("denuncia", date(2022, 4, 3)), ("hechos", date(2022, 4, 2))]),
    # the old code's proceso sumario: "emitió acusación"; the facts told as what "se imputa"
    ("Tramitada la causa conforme a su naturaleza sumaria, el Fiscal Provincial emitió acusación el 3 de octubre "
     "de 2016.", [("acusacion", date(2016, 10, 3))]),
    ("Que, se imputa al procesado que el 9 de enero de 2013, conduciendo el vehículo de placa B2F-345, atropelló "
     "a la agraviada.", [("hechos", date(2013, 1, 9))]),
    # the appealed sentence named by its number before its date
    ("VISTA Y OÍDA: el recurso de apelación interpuesto por el sentenciado contra la sentencia N.° 44-2022, del "
     "21 de marzo de 2022, emitida por el Juzgado Penal Colegiado de Tarapoto.",
     [("sentencia_primera", date(2022, 3, 21))]),
    # facts that ran over days: the span's first day too, its month and year from the last
    ("Se le imputa hechos ocurridos entre el 2 y el 25 de agosto de 2023, en Piura.",
     [("hechos", date(2023, 8, 2)), ("hechos", date(2023, 8, 25))]),
    ("Los hechos ocurrieron desde el dos de diciembre hasta el 10 de enero de 2023.",
     [("hechos", date(2022, 12, 2)), ("hechos", date(2023, 1, 10))]),
    # the request for terminación anticipada is no milestone, not even coordinated with one
    ("El 20 de setiembre de 2021 la Fiscalía formalizó la investigación preparatoria y el 10 de enero de 2022 "
     "presentó el requerimiento de terminación anticipada.", [("formalizacion", date(2021, 9, 20))]),
    # the sentence a recurso de nulidad is brought against, dated right after it
    ("VISTOS: el recurso de nulidad interpuesto por el procesado contra la sentencia del quince de mayo de dos "
     "mil diecinueve, emitida por la Sala Penal Liquidadora.", [("sentencia_primera", date(2019, 5, 15))]),
    # the close of the investigación preparatoria (NCPP art. 343) is no milestone measured
    # here, and no date of the facts either
    ("La Fiscalía sostiene que, concluida la investigación preparatoria el 14 de octubre de 2021, no existen "
     "elementos de convicción suficientes.", []),
    # ... but "Concluida la investigación, por requerimiento de [fecha] formuló acusación" dates the accusation
    ("Concluida la investigación, por requerimiento de 01 de junio del 2017 formuló acusación.",
     [("acusacion", date(2017, 6, 1))]),
    # a plural recurso is still the filing of the casación
    ("Los recursos de casación se interpusieron el 2 de agosto de 2023.",
     [("casacion", date(2023, 8, 2))]),
    # NCPP art. 405.2: an appeal filed orally in the hearing that read the auto
    ("La defensa, que apeló oralmente en la misma audiencia del diecinueve de agosto de dos mil "
     "veintitrés, sostiene que su patrocinado es inocente.",
     [("apelacion", date(2023, 8, 19))]),
    # "lo hizo": the clause repeats the act of the one before it
    ("Cinco defensas apelaron el diecinueve de agosto de dos mil veintitrés; la defensa de Solís lo "
     "hizo el veintisiete de agosto de dos mil veintitrés.",
     [("apelacion", date(2023, 8, 19)), ("apelacion", date(2023, 8, 27))]),
    # the date of the resolution appealed against is not the appeal's
    ("El recurso de apelación interpuesto por la defensa contra la Resolución N.° 7, de fecha diez "
     "de marzo de dos mil veintitrés, que declaró fundado el requerimiento.", []),
    ("La sentenciada interpuso recurso de casación el 7 de enero de 2023, que fue declarado "
     "improcedente por auto del 5 de febrero de 2023.", [("casacion", date(2023, 1, 7))]),
    # ... but a resolution that is itself a milestone keeps its date
    ("El Juzgado, por auto de fecha ocho de noviembre de dos mil veintidós, abrió instrucción.",
     [("apertura_instruccion", date(2022, 11, 8))]),
    ("La defensa apeló la sentencia contenida en la Resolución N.° 15, de fecha 12 de marzo de 2023.",
     [("sentencia_primera", date(2023, 3, 12))]),
    # another proceeding's acts (the civil alimentos file of an omisión de asistencia familiar)
    ("En el Expediente N.° 00412-2021-0-2701-JP-FC-01, el Juzgado de Paz Letrado de Tambopata, por sentencia "
     "de fecha 10 de junio de 2021, ordenó al acusado acudir a su hija con una pensión.", []),
    ("La Fiscalía requirió la incoación del proceso inmediato conforme al inciso 4 del artículo 446 del Código "
     "Procesal Penal, requerimiento declarado fundado por el Juzgado de Investigación Preparatoria de "
     "Tambopata el 21 de agosto de 2023.", []),
    # the "y" of a number in words is not a clause boundary
    ("El recurso de casación se dirige contra la sentencia de vista de fojas novecientos noventa y "
     "uno, de 16 de julio de 2023, que confirmó la de primera instancia.", [("sentencia_vista", date(2023, 7, 16))]),
    ("El Juzgado Penal Colegiado de Maynas expidió sentencia el treinta de agosto de dos mil veintidós.",
     [("sentencia_primera", date(2022, 8, 30))]),
    # the passive of a procedural history; the verb "denunció"
    ("Luego, la investigación preparatoria fue formalizada el 20 de abril de 2021.",
     [("formalizacion", date(2021, 4, 20))]),
    ("La agraviada denunció el hecho el 8 de agosto de 2022 ante la comisaría.", [("denuncia", date(2022, 8, 8))]),
    # a Sala cites the sentence under appeal by its number and then its resolución
    ("El recurso de apelación contra la Sentencia N.° 112-2022, contenida en la Resolución N.° 18, de fecha "
     "veintiocho de octubre de dos mil veintidós, que lo condenó.", [("sentencia_primera", date(2022, 10, 28))]),
    # a term's expiry and a request other than the accusation are not milestones
    ("Los hechos ocurrieron el 28 de junio de 2011. El plazo extraordinario de prescripción venció el 28 de junio "
     "de 2017.", [("hechos", date(2011, 6, 28))]),
    ("El requerimiento de prolongación de prisión preventiva se presentó el 20 de noviembre de 2023.", []),
    # a heading ends its line with a colon (a PDF's text layer keeps no blank line after it)
    ("Intervinieron el director de debates y la Sala pronuncia la siguiente sentencia:\nCONSIDERANDO:\nPrimero: Se "
     "imputa a los acusados que el 14 de febrero de 2015 ingresaron a la oficina.", [("hechos", date(2015, 2, 14))]),
    ("El encausado interpuso recurso de casación el 2 de setiembre de 2019, concedido por auto del 20 de setiembre "
     "de 2019 y declarado bien concedido por ejecutoria suprema del 10 de julio de 2020.",
     [("casacion", date(2019, 9, 2))]),
    ("Concluida la investigación, por requerimiento de fecha 3 de mayo de 2022 formuló acusación.",
     [("acusacion", date(2022, 5, 3))]),
    # the private action: the querella filed takes the denuncia's place (NCPP art. 459); its admission does not
    ("La querella fue presentada el 28 de junio de 2021 y admitida mediante auto del 15 de julio de 2021.",
     [("denuncia", date(2021, 6, 28))]),
    # an agreement of the consensual proceedings signed that day is neither a milestone nor a fact
    ("PRIMERO. Objeto\nLa Fiscalía y el colaborador suscribieron el acuerdo el 23 de mayo de 2022, conforme a los "
     "artículos 472 y siguientes del Código Procesal Penal.", []),
    ("El acuerdo de terminación anticipada fue celebrado el 4 de abril de 2023 entre la Fiscalía y el imputado.", []),
    # a cited precedent's date is the precedent's, not a milestone or a fact of this case
    ("Conforme al Acuerdo Plenario N.° 2-2005/CJ-116, del 30 de setiembre de 2005, la sindicación debe ser "
     "persistente.", []),
    ("El Recurso de Nulidad N.° 1912-2005/Piura, de fecha 6 de setiembre de 2005, es precedente vinculante.", []),
    ("la STC recaída en el Exp. N.° 00728-2008-PHC/TC, del 13 de octubre de 2008, definió la motivación aparente.", []),
    # omisión de asistencia familiar (CP art. 149): the notification of the requerimiento de pago dates the facts
    ("El acusado fue notificado en su domicilio real el 9 de mayo de 2023 con la resolución que aprobó la "
     "liquidación y le requirió el pago de S/ 4,320.00 dentro del tercer día.", [("hechos", date(2023, 5, 9))]),
    ("La querellada fue notificada el 5 de junio de 2021.", []),
    # a law's date (published, in force) and an expert report's date are neither
    ("El artículo 122-B fue incorporado por el Decreto Legislativo N.° 1323, del 6 de enero de 2017, y modificado "
     "por la Ley N.° 30819, del 13 de julio de 2018.", []),
    ("Los hechos ocurrieron antes de la Ley N.° 31146, vigente desde el 31 de marzo de 2021.", []),
    ("El Informe Pericial N.° 45-2019 del 12 de enero de 2019 concluye que la agraviada presenta lesiones.", []),
    # a heading in capitals is not a cue of the sentence below it ("DEBATE" is no hearing date here)
    ("\nIII. DEBATE\nLa Fiscalía sostiene que el 12 de febrero de 2024, a las 18:00 horas, los imputados fueron "
     "intervenidos en el mercado.", [("hechos", date(2024, 2, 12))]),
    # the disposición de formalización (NCPP art. 336) dates the formalización, before facts told after it
    ("PRIMERO. Según la disposición de formalización del 15 de diciembre de 2021, el 2 de agosto de 2021 la "
     "imputada habría ingresado al lote 7.", [("formalizacion", date(2021, 12, 15)), ("hechos", date(2021, 8, 2))]),
])
def test_event_cues(sentence, expected):
    assert events_of(sentence) == expected


def test_an_actas_hearing_told_before_the_resolutions_vistos_is_read_for_dates():
    # NCPP art. 361: the acta records the hearing (its numbered sections), then the judge's
    # resolution with its own VISTOS; the debate's dates are not header
    text = ("JUZGADO DE INVESTIGACIÓN PREPARATORIA DE FLAGRANCIA DE AREQUIPA\n\n"
            "ACTA DE REGISTRO DE AUDIENCIA PÚBLICA DE PRISIÓN PREVENTIVA\n\n"
            "EXPEDIENTE   : 00231-2024-2-0401-JR-PE-01\nIMPUTADO     : JOSÉ ANTONIO PÉREZ RIVERA\n\n"
            "I. INICIO\nEn Arequipa, siendo las 09:30 horas del día 14 de febrero de 2024, se lleva a cabo la "
            "audiencia.\n\nII. DEBATE\nLa Fiscalía sostiene que el 12 de febrero de 2024 el imputado fue intervenido "
            "con 45 envoltorios de pasta básica de cocaína.\n\nIII. RESOLUCIÓN\nRESOLUCIÓN N.° 02\nArequipa, catorce "
            "de febrero de dos mil veinticuatro.\nVISTOS Y OÍDOS: el requerimiento.\nSE RESUELVE: Declarar FUNDADO "
            "el requerimiento de prisión preventiva.\n")
    doc = DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=1,
                       pages=[Page(number=1, text=text, method="text_layer")])
    events = extract_events(Context.of(doc), date(2024, 2, 14))
    assert [(e.kind.value, e.date) for e in events] == [("hechos", date(2024, 2, 12))]


@pytest.mark.parametrize("doc_kind, expected", [
    (DocKind.CASACION, [("casacion", date(2022, 7, 20))]),
    (DocKind.RECURSO_NULIDAD, [("recurso_nulidad", date(2022, 7, 20))]),
    (DocKind.SENTENCIA_VISTA, [("apelacion", date(2022, 7, 20))]),
    (DocKind.AUTO, []),  # an auto may decide any recurso: no kind to give it
])
def test_the_recurso_a_ruling_decides_named_without_its_kind(doc_kind, expected):
    # the concesorio's date is the auto's that granted the recurso, not a milestone
    text = ("SALA PENAL\n\nLima, veintiocho de febrero de dos mil veintitrés\n\nVISTOS: el recurso.\n\n"
            "CONSIDERANDO:\n\nPRIMERO. El recurso se interpuso el 20 de julio de 2022 y fue concedido por auto del 2 de "
            "agosto de 2022.\n\nDECISIÓN: declararon NULO el concesorio del 2 de agosto de 2022 e IMPROCEDENTE el "
            "recurso de casación interpuesto por el sentenciado.\n")
    doc = DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=1,
                       pages=[Page(number=1, text=text, method="text_layer")])
    events = extract_events(Context.of(doc), date(2023, 2, 28), doc_kind)
    assert [(e.kind.value, e.date) for e in events] == expected
