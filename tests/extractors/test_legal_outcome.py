"""Outcome (overall and per defendant) and penalties of an operative part, table-driven.

Each row is an invented operative part in a format real courts use (the Corte Suprema's
casaciones, quejas, R.N. and appeals of autos; Salas de Apelaciones; Juzgados de
Investigación Preparatoria and first-instance courts under both codes), the defendants the
parties extractor found, and what this decision decides for each of them. The extractor
is called with that list of defendants, so the rows test the outcome logic for any list.
"""

from __future__ import annotations

import pytest

from extractors.legal.outcome import extract_outcome
from extractors.legal.penalties import extract_penalties
from extractors.legal.text import Context
from schemas import DocKind, DocumentText, Page, Party, Role

ANA, LUIS, ROSA = "Ana Ruiz Paz", "Luis Soto Rey", "Rosa Vega Luna"


def _ctx(operative: str) -> Context:
    text = ("Lima, tres de marzo de dos mil veintitrés\nVISTOS: el recurso interpuesto contra la resolución "
            "de primera instancia.\nCONSIDERANDO:\nPRIMERO. Que el recurso cumple los requisitos de ley.\n"
            "Por estos fundamentos, los jueces RESUELVEN:\n" + operative + "\n")
    doc = DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=1,
                       pages=[Page(number=1, text=text, method="text_layer")], language="es")
    return Context.of(doc)


def _accused(*names: str) -> list[Party]:
    return [Party(name=n, role=Role.IMPUTADO) for n in names]


def decide(operative: str, kind: str, *names: str):
    ctx = _ctx(operative)
    out = extract_outcome(ctx, DocKind(kind), _accused(*names))
    return ctx, out


@pytest.mark.parametrize("operative, kind, names, overall, by", [
    # one accused, one paragraph: the nameless HABER NULIDAD in the penalty speaks of him
    ("Por estos fundamentos: declararon NO HABER NULIDAD en la sentencia en cuanto condena a ANA RUIZ PAZ como autora "
     "del delito de tráfico ilícito de drogas; declararon HABER NULIDAD en la propia sentencia en el extremo que le "
     "impone quince años de pena privativa de libertad; reformándola: le IMPUSIERON doce años.", "recurso_nulidad",
     (ANA,), "haber_nulidad", {ANA: "haber_nulidad"}),
    # the mandate many courts write ("CONDÉNESE a X …; IMPÓNGASELE …"; "ABSUÉLVASE a Y")
    ("FALLA:\nCONDÉNESE a ANA RUIZ PAZ como autora del delito de robo agravado; IMPÓNGASELE QUINCE AÑOS de pena "
     "privativa de libertad efectiva.\nABSUÉLVASE a LUIS SOTO REY de la acusación fiscal.", "sentencia",
     (ANA, LUIS), "mixto", {ANA: "condena", LUIS: "absolucion"}),
    ("REVÓQUESE la sentencia apelada que condenó a ANA RUIZ PAZ.", "sentencia_vista", (ANA,), "revoca",
     {ANA: "revoca"}),
    # casación: FUNDADO (EN PARTE) / CASARON; INFUNDADOS / NO SE CASA (also in a sumilla)
    ("I. Declararon FUNDADO EN PARTE el recurso de casación interpuesto por la defensa de ANA RUIZ PAZ; en "
     "consecuencia, CASARON la sentencia de vista.", "casacion", (ANA,), "casacion_fundada",
     {ANA: "casacion_fundada"}),
    ("En consecuencia, se declaran INFUNDADOS los recursos de casación de las defensas y NO SE CASA la "
     "sentencia de vista.", "casacion", (ANA, LUIS), "casacion_infundada",
     {ANA: "casacion_infundada", LUIS: "casacion_infundada"}),
    ("I. Declararon BIEN CONCEDIDO el recurso de casación interpuesto por la defensa de ANA RUIZ PAZ.",
     "casacion", (ANA,), "bien_concedido", {ANA: "bien_concedido"}),
    # queja: its own vocabulary, and the auto it attacks is a recital, not this decision
    ("I. Declararon INFUNDADO el recurso de queja interpuesto por la defensa de ANA RUIZ PAZ contra el auto "
     "que declaró improcedente su recurso de casación.", "queja", (ANA,), "queja_infundada",
     {ANA: "queja_infundada"}),
    ("I. Declararon FUNDADO el recurso de queja de LUIS SOTO REY.", "queja", (LUIS,), "queja_fundada",
     {LUIS: "queja_fundada"}),
    # appeal of an auto: one IMPROCEDENTE (out of time), the others INFUNDADOS -> mixto
    ("I. Declarar IMPROCEDENTE, por extemporáneo, el recurso de apelación interpuesto por la defensa de "
     "ROSA VEGA LUNA.\nII. Declarar INFUNDADOS los recursos de apelación interpuestos por las defensas de "
     "ANA RUIZ PAZ y LUIS SOTO REY; en consecuencia, CONFIRMAR la Resolución N.° 4, que declaró "
     "IMPROCEDENTES sus solicitudes de cese de prisión preventiva.", "auto", (ANA, LUIS, ROSA), "mixto",
     {ANA: "confirma", LUIS: "confirma", ROSA: "improcedente"}),
    # the appellant named in the clause before the verb
    ("I. Declarar INFUNDADO el recurso de apelación de la defensa de ANA RUIZ PAZ; en consecuencia, CONFIRMAR "
     "la resolución.\nII. Declarar FUNDADO el recurso de apelación de la defensa de LUIS SOTO REY; en "
     "consecuencia, REVOCAR la resolución en ese extremo y, REFORMÁNDOLA, imponerle comparecencia.",
     "auto", (ANA, LUIS), "mixto", {ANA: "confirma", LUIS: "revoca"}),
    # REVOCAR an auto de sobreseimiento and order an accusation: revoca, not sobreseimiento
    ("1. REVOCAR la Resolución N.° 7, que declaró fundado el sobreseimiento a favor de ANA RUIZ PAZ; y, "
     "REFORMÁNDOLA, declarar INFUNDADO el requerimiento de sobreseimiento.\n2. ORDENAR que el fiscal formule "
     "acusación.", "auto", (ANA,), "revoca", {ANA: "revoca"}),
    # REVOCAR + APROBAR the terminación anticipada, then CONDENAR in its own item: revoca
    ("1. Declarar FUNDADOS los recursos de apelación.\n2. REVOCAR la Resolución N.° 05, que desaprobó el "
     "acuerdo; y, REFORMÁNDOLA, APROBAR dicho acuerdo.\n3. CONDENAR a ANA RUIZ PAZ a TRES AÑOS de pena "
     "privativa de libertad suspendida.", "auto", (ANA,), "revoca", {ANA: "revoca"}),
    # R.N.: per defendant, in one paragraph
    ("declararon NO HABER NULIDAD en la sentencia que absolvió a ANA RUIZ PAZ. Asimismo, declararon HABER "
     "NULIDAD en la sentencia que absolvió a LUIS SOTO REY; y ORDENARON nuevo juicio oral.",
     "recurso_nulidad", (ANA, LUIS), "mixto", {ANA: "no_haber_nulidad", LUIS: "haber_nulidad"}),
    # the proceso de seguridad: exempt from penalty as inimputable, under a medida de internación
    ("PRIMERO: DECLARAR a ANA RUIZ PAZ autora del hecho típico y antijurídico de homicidio simple, y EXENTA DE PENA "
     "por inimputabilidad.\nSEGUNDO: IMPONER la MEDIDA DE SEGURIDAD DE INTERNACIÓN por el plazo de OCHO AÑOS.",
     "sentencia", (ANA,), "medida_seguridad", {ANA: "medida_seguridad"}),
    # the request named in one item, refused "respecto de" another investigada in the next; her
    # married name keeps its "de" between the surnames
    ("1. Declarar FUNDADO el requerimiento de prisión preventiva formulado contra ANA RUIZ PAZ por el plazo de "
     "NUEVE MESES.\n2. Declarar INFUNDADO el requerimiento respecto de ROSA ELENA QUISPE DE MAMANI, a quien se le "
     "impone COMPARECENCIA CON RESTRICCIONES.", "auto", (ANA, "Rosa Elena Quispe de Mamani"), "mixto",
     {ANA: "prision_preventiva_fundada", "Rosa Elena Quispe de Mamani": "prision_preventiva_infundada"}),
    # a single judge in the first person
    ("ABSUELVO a ANA RUIZ PAZ de la acusación fiscal.", "sentencia", (ANA,), "absolucion", {ANA: "absolucion"}),
    ("APRUEBO el acuerdo de terminación anticipada y CONDENO a ANA RUIZ PAZ a tres años de pena privativa de "
     "libertad suspendida.", "auto", (ANA,), "terminacion_anticipada_aprobada", {ANA: "terminacion_anticipada_aprobada"}),
    ("SOBRESEO el proceso seguido contra ANA RUIZ PAZ.", "auto", (ANA,), "sobreseimiento", {ANA: "sobreseimiento"}),
    ("DICTO AUTO DE ENJUICIAMIENTO contra ANA RUIZ PAZ.", "auto", (ANA,), "auto_enjuiciamiento",
     {ANA: "auto_enjuiciamiento"}),
    # an excepción that ends the case is a sobreseimiento (NCPP art. 6.2); so is the imperative
    ("1. Declarar FUNDADA la excepción de improcedencia de acción deducida por la defensa de ANA RUIZ PAZ.\n"
     "2. ARCHÍVESE el proceso.", "auto", (ANA,), "sobreseimiento", {ANA: "sobreseimiento"}),
    ("1. SOBRESÉASE definitivamente el proceso seguido contra LUIS SOTO REY.", "auto", (LUIS,), "sobreseimiento",
     {LUIS: "sobreseimiento"}),
    # Juzgado de Investigación Preparatoria
    ("1. DECLARAR LEGAL la detención policial en flagrancia de ANA RUIZ PAZ.\n2. INFUNDADO el pedido de la "
     "defensa.", "auto", (ANA,), "detencion_legal", {ANA: "detencion_legal"}),
    ("1. DICTAR AUTO DE ENJUICIAMIENTO contra ANA RUIZ PAZ y LUIS SOTO REY.\n2. INADMITIR el medio de prueba.",
     "auto", (ANA, LUIS), "auto_enjuiciamiento", {ANA: "auto_enjuiciamiento", LUIS: "auto_enjuiciamiento"}),
    ("1. Declarar FUNDADO el requerimiento de prolongación de prisión preventiva contra ANA RUIZ PAZ.",
     "auto", (ANA,), "prolongacion_prision_fundada", {ANA: "prolongacion_prision_fundada"}),
    ("1. Declarar INFUNDADA la solicitud de cese de prisión preventiva de LUIS SOTO REY.",
     "auto", (LUIS,), "cese_prision_infundado", {LUIS: "cese_prision_infundado"}),
    ("1. Declarar FUNDADO el requerimiento de prisión preventiva contra ANA RUIZ PAZ por nueve meses.\n"
     "2. Declarar IMPROCEDENTE el pedido de ANA RUIZ PAZ de que se le permita salir.", "auto", (ANA,),
     "prision_preventiva_fundada", {ANA: "prision_preventiva_fundada"}),
    ("I. APROBAR dicho acuerdo celebrado entre el Ministerio Público y LUIS SOTO REY.", "auto", (LUIS,),
     "terminacion_anticipada_aprobada", {LUIS: "terminacion_anticipada_aprobada"}),
    # an earlier admission recited in the decision is not its outcome
    ("I. Declararon INFUNDADO el recurso de apelación de ANA RUIZ PAZ, que la Sala Superior declaró bien "
     "concedido; en consecuencia, CONFIRMARON el auto.", "auto", (ANA,), "confirma", {ANA: "confirma"}),
    # first instance: convicted of one crime and acquitted of another is condena; a list of
    # accused under a collective verb; a contumaz co-accused whose trial is reserved
    ("PRIMERO: CONDENAR a los acusados (artículo 317; en el caso de Ruiz Paz, como líder) a las siguientes "
     "penas:\na) ANA RUIZ PAZ: treinta años.\nb) LUIS SOTO REY: diez años.\nSEGUNDO: ABSOLVER a LUIS SOTO REY "
     "del delito de extorsión.", "sentencia", (ANA, LUIS), "condena", {ANA: "condena", LUIS: "condena"}),
    ("FALLA: CONDENANDO a ANA RUIZ PAZ como autora del delito de tráfico ilícito de drogas; RESERVARON el "
     "juzgamiento de LUIS SOTO REY hasta que sea habido.", "sentencia", (ANA, LUIS), "condena",
     {ANA: "condena"}),
    # one accused: an item that names nobody ("le impuso") speaks of him; a penalty reformed
    # is HABER NULIDAD for him even where his conviction stands
    ("I. NO HABER NULIDAD en la sentencia en el extremo que condenó a ANA RUIZ PAZ como autora del delito de robo "
     "agravado.\nII. HABER NULIDAD en la propia sentencia en el extremo que le impuso doce años de pena privativa "
     "de libertad; y, reformándola, le IMPUSIERON ocho años.\nIII. NO HABER NULIDAD en lo demás que contiene.",
     "recurso_nulidad", (ANA,), "haber_nulidad", {ANA: "haber_nulidad"}),
    # the review's outcome in a clause that names nobody is that of whom the item names next
    ("II. REVOCAR la sentencia N.° 44-2022, del 21 de marzo de 2022, que lo condenó a nueve años de pena privativa "
     "de libertad; y, REFORMÁNDOLA, ABSOLVER a ANA RUIZ PAZ de la acusación fiscal.", "sentencia_vista", (ANA,),
     "revoca", {ANA: "revoca"}),
    # a request named once, then granted for one investigado and refused for the other
    ("DECLARO FUNDADO el requerimiento de prisión preventiva contra ANA RUIZ PAZ, por el plazo de nueve meses; e "
     "INFUNDADO el requerimiento respecto de LUIS SOTO REY, a quien se le impone comparecencia con restricciones.",
     "auto", (ANA, LUIS), "mixto", {ANA: "prision_preventiva_fundada", LUIS: "prision_preventiva_infundada"}),
    # a "3)" OCR read for the "j)" of a list of penalties opens no item: the accused named
    # there is convicted by the CONDENAR before it, and acquitted of one crime only
    ("PRIMERO: CONDENAR a ANA RUIZ PAZ y LUIS SOTO REY como autores del delito de organización criminal a las "
     "penas siguientes:\ni) ANA RUIZ PAZ: diez años.\n\n3) LUIS SOTO REY: siete años.\n\nSEGUNDO: ABSOLVER a LUIS "
     "SOTO REY de la acusación fiscal por el delito de extorsión agravada.", "sentencia", (ANA, LUIS), "condena",
     {ANA: "condena", LUIS: "condena"}),
])
def test_outcome(operative, kind, names, overall, by):
    _, out = decide(operative, kind, *names)
    assert out.kind.value == overall
    assert {b.name: b.kind.value for b in out.by_defendant} == by
    assert all(b.evidence and b.evidence[0].rule.startswith("outcome.") for b in out.by_defendant)


P = tuple[str, float | None, bool | None, float | None]


@pytest.mark.parametrize("operative, kind, names, expected", [
    # NO HABER NULIDAD for a list of defendants: the penalty and the solidary amount are each one's
    ("I. NO HABER NULIDAD en la sentencia en el extremo que condenó a ANA RUIZ PAZ, LUIS SOTO REY y ROSA "
     "VEGA LUNA como coautores del delito de robo agravado a doce años de pena privativa de libertad "
     "efectiva, y fijó en seis mil soles la reparación civil que deberán pagar en forma solidaria.",
     "recurso_nulidad", (ANA, LUIS, ROSA),
     [(ANA, 12.0, True, 6000.0), (LUIS, 12.0, True, 6000.0), (ROSA, 12.0, True, 6000.0)]),
    # HABER NULIDAD en la pena, reformed: the new penalty, for both defendants it names
    ("II. HABER NULIDAD en la misma sentencia en el extremo que impuso a ANA RUIZ PAZ y LUIS SOTO REY doce años "
     "de pena privativa de libertad; y, REFORMÁNDOLA, les IMPUSIERON ocho años de pena privativa de libertad "
     "efectiva.", "recurso_nulidad", (ANA, LUIS), [(ANA, 8.0, True, None), (LUIS, 8.0, True, None)]),
    # one defendant absolved, the other's penalty reformed, in one paragraph
    ("declararon HABER NULIDAD en la sentencia que condenó a ANA RUIZ PAZ; y, REFORMÁNDOLA, la ABSOLVIERON. "
     "Asimismo, declararon HABER NULIDAD en el extremo que impuso a LUIS SOTO REY nueve años de pena "
     "privativa de libertad efectiva; y, REFORMÁNDOLA, le IMPUSIERON SEIS (6) AÑOS Y SEIS (6) MESES de pena "
     "privativa de libertad efectiva.", "recurso_nulidad", (ANA, LUIS), [(LUIS, 6.5, True, None)]),
    # casación fundada: the penalty imposed "actuando en sede de instancia"
    ("I. Declararon FUNDADO EN PARTE el recurso de casación interpuesto por la defensa de ANA RUIZ PAZ; en "
     "consecuencia, CASARON la sentencia de vista; y, actuando en sede de instancia, le IMPUSIERON cinco años "
     "de pena privativa de libertad efectiva; MANTUVIERON la reparación civil de S/ 150 000.00, que pagará "
     "en forma solidaria con el tercero civilmente responsable.", "casacion", (ANA,), [(ANA, 5.0, True, 150000.0)]),
    # revoca + a new conviction in its own item
    ("1. REVOCAR la Resolución N.° 05, que desaprobó el acuerdo; y, REFORMÁNDOLA, APROBAR dicho acuerdo.\n"
     "2. CONDENAR a ANA RUIZ PAZ a TRES AÑOS Y CUATRO MESES de pena privativa de libertad, suspendida en su "
     "ejecución por el período de prueba de DOS AÑOS.\n3. FIJAR en S/ 4,000.00 la reparación civil.",
     "auto", (ANA,), [(ANA, 3 + 4 / 12, False, 4000.0)]),
    # one penalty per defendant in a lettered list, a solidary amount split between payees
    ("PRIMERO: CONDENAR a los acusados a las siguientes penas privativas de libertad efectivas y días-multa:\n"
     "a) ANA RUIZ PAZ: treinta y cinco años y 365 días-multa.\nb) LUIS SOTO REY: siete años y cuatro meses y "
     "180 días-multa.\nSEGUNDO: FIJAR en S/ 180 000.00 la reparación civil que los sentenciados pagarán en forma "
     "solidaria: S/ 80 000.00 a favor del Estado y S/ 100 000.00 a favor de los agraviados.",
     "sentencia", (ANA, LUIS), [(ANA, 35.0, True, 180000.0), (LUIS, 7 + 4 / 12, True, 180000.0)]),
    # CP art. 57-58: a penalty the ruling does not suspend is served; a suspension said later in the item
    ("declararon NO HABER NULIDAD en la sentencia que condenó a ANA RUIZ PAZ como autora del delito de robo "
     "agravado a doce años de pena privativa de libertad, y fijó en dos mil soles la reparación civil.",
     "recurso_nulidad", (ANA,), [(ANA, 12.0, True, 2000.0)]),
    ("1. CONDENANDO a ANA RUIZ PAZ a TRES AÑOS de pena privativa de libertad, cuya ejecución se suspende por "
     "el plazo de dos años bajo reglas de conducta.", "sentencia", (ANA,), [(ANA, 3.0, False, None)]),
    # a speck of the scan inside the phrase
    ("1. CONDENANDO a ANA RUIZ PAZ a TRES AÑOS de pena privativa\nde e\nlibertad, suspendida en su ejecución.",
     "sentencia", (ANA,), [(ANA, 3.0, False, None)]),
    # a reparación split in two with its stated total
    ("1. CONDENANDO a ANA RUIZ PAZ a TRES AÑOS de pena privativa de libertad, SUSPENDIDA en su ejecución.\n"
     "2. FIJA la reparación civil en S/ 1 000.00 a favor de la sociedad y en S/ 500.00 a favor del Ministerio, "
     "haciendo un total de S/ 1 500.00.", "sentencia", (ANA,), [(ANA, 3.0, False, 1500.0)]),
    # items numbered "1)": an item that names nobody binds every defendant the decision penalises
    ("1) APROBAR el acuerdo de terminación anticipada.\n2) CONDENAR a ANA RUIZ PAZ y LUIS SOTO REY como coautores "
     "del delito de tráfico ilícito de drogas a TRES AÑOS de pena privativa de libertad efectiva.\n"
     "3) FIJAR en S/ 2,000.00 la reparación civil.", "sentencia", (ANA, LUIS),
     [(ANA, 3.0, True, 2000.0), (LUIS, 3.0, True, 2000.0)]),
    # an amount restated in words for the same payee is not paid twice
    ("1. CONDENANDO a ANA RUIZ PAZ a DOS AÑOS de pena privativa de libertad efectiva.\n2. FIJAR la reparación civil en "
     "diez mil soles (S/ 10 000,00) a favor de la agraviada.", "sentencia", (ANA,), [(ANA, 2.0, True, 10000.0)]),
    # CP art. 52: a prison term converted into jornadas de prestación de servicios is not served in prison
    ("1. CONDENAR a ANA RUIZ PAZ a UN AÑO Y CUATRO MESES DE PENA PRIVATIVA DE LIBERTAD, la que se CONVIERTE en "
     "SETENTA JORNADAS DE PRESTACIÓN DE SERVICIOS A LA COMUNIDAD.", "sentencia", (ANA,), [(ANA, 1 + 4 / 12, False, None)]),
    # the term after the penalty's name, and its other names (privación de libertad, prisión)
    ("1. CONDENANDO a ANA RUIZ PAZ como autora del delito de robo agravado, imponiéndole la pena privativa de "
     "libertad de DOCE AÑOS, con carácter de efectiva.", "sentencia", (ANA,), [(ANA, 12.0, True, None)]),
    ("1. CONDENANDO a ANA RUIZ PAZ a la pena privativa de la libertad de cuatro años, suspendida por el plazo de "
     "tres años.", "sentencia", (ANA,), [(ANA, 4.0, False, None)]),
    ("1. CONDENANDO a ANA RUIZ PAZ a pena privativa de libertad efectiva de SEIS AÑOS Y OCHO MESES.", "sentencia",
     (ANA,), [(ANA, 6 + 8 / 12, True, None)]),
    ("1. CONDENANDO a ANA RUIZ PAZ a la pena de DIEZ AÑOS de privación de libertad efectiva.", "sentencia", (ANA,),
     [(ANA, 10.0, True, None)]),
    ("1. CONDENANDO a ANA RUIZ PAZ a OCHO AÑOS DE PRISIÓN EFECTIVA.", "sentencia", (ANA,), [(ANA, 8.0, True, None)]),
    # a suspended term's probation is no term
    ("1. CONDENANDO a ANA RUIZ PAZ a pena privativa de libertad suspendida por el plazo de tres años.", "sentencia",
     (ANA,), []),
    # concurso real (CP art. 50): the total of the crimes' penalties is the penalty
    ("1. CONDENANDO a ANA RUIZ PAZ como autora de los delitos de robo agravado y tenencia ilegal de armas, y le "
     "IMPONE por el primero OCHO AÑOS de pena privativa de libertad y por el segundo SEIS AÑOS de pena privativa de "
     "libertad, que sumadas hacen un total de CATORCE AÑOS de pena privativa de libertad efectiva.", "sentencia",
     (ANA,), [(ANA, 14.0, True, None)]),
    # the amount after both names is each one's; a name after the amount's clause is not its payer
    ("1. CONDENAR a ANA RUIZ PAZ y LUIS SOTO REY a SEIS AÑOS de pena privativa de libertad efectiva, y FIJAR en "
     "S/ 3,000.00 la reparación civil que cada uno de los sentenciados pagará.", "sentencia", (ANA, LUIS),
     [(ANA, 6.0, True, 3000.0), (LUIS, 6.0, True, 3000.0)]),
    ("1. CONDENAR a ANA RUIZ PAZ a SEIS AÑOS de pena privativa de libertad efectiva y FIJAR en S/ 2,000.00 la "
     "reparación civil que pagará; CONDENAR a LUIS SOTO REY a CUATRO AÑOS de pena privativa de libertad efectiva y "
     "FIJAR en S/ 1,000.00 la reparación civil.", "sentencia", (ANA, LUIS),
     [(ANA, 6.0, True, 2000.0), (LUIS, 4.0, True, 1000.0)]),
    # an effective term converted into vigilancia electrónica personal (CP art. 29-A, D. Leg. 1514)
    ("1. CONDENANDO a ANA RUIZ PAZ a TRES AÑOS Y CUATRO MESES de pena privativa de libertad efectiva, la misma que "
     "se CONVIERTE a pena de VIGILANCIA ELECTRÓNICA PERSONAL por el mismo plazo.", "sentencia", (ANA,),
     [(ANA, 3 + 4 / 12, False, None)]),
    # the civil extreme revoked and reformed (the actor civil's appeal): the amount the Sala fixes, not the one
    # it revokes; the conviction stands
    ("I. REVOCAR la sentencia apelada en el extremo que fijó en S/ 3,000.00 la reparación civil; y, REFORMÁNDOLA, "
     "FIJARON en S/ 12,000.00 el monto que por concepto de reparación civil pagará el sentenciado ANA RUIZ PAZ a "
     "favor de la agraviada.\nII. CONFIRMAR la sentencia en lo demás que contiene.", "sentencia_vista", (ANA,),
     [(ANA, None, None, 12000.0)]),
    # ... nor when the next item's number was lost (a scan's "111." for "III."), so that the reformed
    # one is named only after the amount, in another clause
    ("II. HABER NULIDAD en el extremo que impuso a ANA RUIZ PAZ doce años de pena privativa de libertad; y, "
     "REFORMÁNDOLA, le IMPUSIERON ocho años de pena privativa de libertad efectiva; NO HABER NULIDAD en lo demás, "
     "incluida la reparación civil solidaria de seis mil soles.\n\n111. HABER NULIDAD en la misma sentencia en el "
     "extremo que condenó a LUIS SOTO REY; y, REFORMÁNDOLA, lo ABSOLVIERON de la acusación fiscal.",
     "recurso_nulidad", (ANA, LUIS), [(ANA, 8.0, True, 6000.0)]),
    # the amount of an item about another defendant is not the reformed one's
    ("I. HABER NULIDAD en la sentencia en el extremo que impuso a ANA RUIZ PAZ doce años de pena privativa de "
     "libertad; y, REFORMÁNDOLA, le IMPUSIERON ocho años de pena privativa de libertad efectiva; NO HABER NULIDAD en "
     "lo demás, incluida la reparación civil solidaria de seis mil soles.\nII. HABER NULIDAD en el extremo que "
     "condenó a LUIS SOTO REY; y, REFORMÁNDOLA, lo ABSOLVIERON de la acusación fiscal.", "recurso_nulidad",
     (ANA, LUIS), [(ANA, 8.0, True, 6000.0)]),
])
def test_penalties(operative, kind, names, expected):
    ctx, out = decide(operative, kind, *names)
    got = [(p.defendant, p.prison_years and round(p.prison_years, 4), p.effective, p.reparacion_civil_soles)
           for p in extract_penalties(ctx, _accused(*names), out)]
    assert got == [(n, y and round(y, 4), e, r) for n, y, e, r in expected]


def test_a_term_revoked_in_sede_de_instancia_is_not_imposed():
    ctx, out = decide("I. FUNDADO el recurso de casación interpuesto por el encausado ANA RUIZ PAZ; en consecuencia, "
                      "CASARON la sentencia de vista.\nII. Actuando en sede de instancia: REVOCARON la sentencia de "
                      "primera instancia que lo condenó como autor del delito de tráfico ilícito de drogas a ocho años "
                      "de pena privativa de libertad; y, reformándola, lo ABSOLVIERON de la acusación fiscal.",
                      "casacion", ANA)
    assert extract_penalties(ctx, _accused(ANA), out) == []
    ctx, out = decide("II. Actuando en sede de instancia: REVOCARON la sentencia que impuso a ANA RUIZ PAZ doce años; "
                      "y, reformándola, le IMPUSIERON ocho años de pena privativa de libertad efectiva.",
                      "casacion", ANA)
    assert [p.prison_years for p in extract_penalties(ctx, _accused(ANA), out)] == [8.0]


def test_one_defendant_s_amounts_to_different_victims_add_up():
    operative = ("1. CONDENANDO a ANA RUIZ PAZ a VEINTE AÑOS de pena privativa de libertad efectiva.\n2. CONDENANDO a "
                 "LUIS SOTO REY a CUATRO AÑOS de pena privativa de libertad efectiva.\n3. FIJA la reparación civil en: "
                 "a) S/ 5,000.00 que pagará Ruiz Paz a favor de Carlos Fiestas Damián; b) S/ 8,000.00 que pagará Ruiz "
                 "Paz a favor de Martha Ñiquén Sosa; c) S/ 1,000.00 que pagará Soto Rey a favor de Carlos Fiestas "
                 "Damián.\n4. DISPONE que la reparación se pague a favor de la agraviada en cuotas de S/ 500.00.")
    ctx, out = decide(operative, "sentencia", ANA, LUIS)
    parties = [*_accused(ANA, LUIS), Party(name="Carlos Fiestas Damián", role=Role.AGRAVIADO),
               Party(name="Martha Ñiquén Sosa", role=Role.AGRAVIADO)]
    got = {p.defendant: p.reparacion_civil_soles for p in extract_penalties(ctx, parties, out)}
    assert got == {ANA: 13000.0, LUIS: 1000.0}  # the instalments name no victim: nothing added


def test_the_probation_echoed_in_digits():
    ctx, out = decide("1. CONDENAR a ANA RUIZ PAZ a CUATRO (04) AÑOS DE PENA PRIVATIVA DE LIBERTAD, suspendida en su "
                      "ejecución por el período de prueba de TRES (03) AÑOS.", "sentencia", ANA)
    [p] = extract_penalties(ctx, _accused(ANA), out)
    assert (p.prison_years, p.effective, p.probation_years) == (4.0, False, 3.0)
    ctx, out = decide("1. CONDENO a ANA RUIZ PAZ a TRES AÑOS de pena privativa de libertad suspendida por DOS AÑOS.",
                      "sentencia", ANA)
    [p] = extract_penalties(ctx, _accused(ANA), out)
    assert (p.prison_years, p.effective, p.probation_years) == (3.0, False, 2.0)


def test_a_suspension_said_with_its_verb_and_an_amount_in_notarial_words():
    # "se suspende … por el término de"; "CINCUENTA Y 00/100 NUEVOS SOLES": the cents' 100 is no amount
    ctx, out = decide("1. CONDENANDO a ANA RUIZ PAZ a CUATRO AÑOS de pena privativa de libertad, la misma que se "
                      "suspende en su ejecución por el término de TRES AÑOS.\n2. FIJANDO en DIECIOCHO MIL "
                      "CUATROCIENTOS CINCUENTA Y 00/100 NUEVOS SOLES (S/. 18,450.00) el monto de la reparación civil.",
                      "sentencia", ANA)
    [p] = extract_penalties(ctx, _accused(ANA), out)
    assert (p.prison_years, p.effective, p.probation_years, p.reparacion_civil_soles) == (4.0, False, 3.0, 18450.0)


def test_cadena_perpetua_is_a_life_term_without_years():
    ctx, out = decide("1. CONDENANDO a ANA RUIZ PAZ como autora del delito de violación sexual de menor de edad; y "
                      "como tal le IMPONE la pena de CADENA PERPETUA.\n2. FIJA en VEINTE MIL SOLES (S/ 20,000.00) la "
                      "reparación civil.", "sentencia", ANA)
    [p] = extract_penalties(ctx, _accused(ANA), out)
    assert (p.defendant, p.cadena_perpetua, p.prison_years, p.effective, p.reparacion_civil_soles) == \
        (ANA, True, None, True, 20000.0)


def test_a_nameless_item_imposes_dias_multa_and_inhabilitacion_on_every_accused():
    from extractors.legal.inhabilitacion import extract_inhabilitaciones

    operative = ("1) CONDENAR a ANA RUIZ PAZ y LUIS SOTO REY a TRES AÑOS de pena privativa de libertad efectiva.\n"
                 "2) IMPONER ciento ochenta días-multa a cada sentenciado.\n"
                 "3) INHABILITACIÓN por el plazo de tres años conforme al artículo 36 incisos 2 y 4 del Código Penal.")
    ctx, out = decide(operative, "sentencia", ANA, LUIS)
    assert [(p.defendant, p.dias_multa) for p in extract_penalties(ctx, _accused(ANA, LUIS), out)] == [
        (ANA, 180), (LUIS, 180)]
    assert [(i.defendant, i.years, i.incisos) for i in extract_inhabilitaciones(ctx, _accused(ANA, LUIS), out)] == [
        (ANA, 3.0, (2, 4)), (LUIS, 3.0, (2, 4))]
