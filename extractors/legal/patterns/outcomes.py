"""Outcome phrases of the operative part, and which of them rule for each kind of document.

Source: domain.md ("How cases end"): condena (efectiva / suspendida), absolución, reserva
del fallo, sobreseimiento; terminación anticipada; on appeal confirmar / revocar / declarar
nula; casación fundada (casar) / infundada / improcedente / inadmisible; recurso de nulidad
"no haber nulidad" / "haber nulidad". Patterns run on folded text.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import Rule, validate

_NAMEISH = r"[^.;]{0,90}?"

# the kinds of remedy whose rejection or admission has its own value (NCPP arts. 405, 428, 437)
_RECURSO = r"\b(?:recursos?|apelacion(?:es)?|queja|pedidos?|solicitud(?:es)?)\b"

PHRASES = validate((
    Rule("outcome.no_haber_nulidad", r"\bno\s+haber\s+nulidad\b(?!\s+en\s+lo\s+demas)", "no_haber_nulidad",
         source="R.N. (1940 code); 'NO HABER NULIDAD en lo demás que contiene' is residual",
         examples=("NO HABER NULIDAD en la sentencia",), counter_examples=("NO HABER NULIDAD en lo demás que contiene",)),
    Rule("outcome.haber_nulidad", r"(?<!no )\bhaber\s+nulidad\b", "haber_nulidad",
         source="R.N. (1940 code)", examples=("declarar HABER NULIDAD en la sentencia",),
         counter_examples=("NO HABER NULIDAD",)),
    Rule("outcome.casacion_infundada", rf"\binfundad[oa]s?\b{_NAMEISH}\bcasacion|\bcasacion\s+(?:es|fue|resulta)\s+infundad[oa]\b|"
         r"\bno\s+casaron\b|\bno\s+(?:corresponde\s+)?casar\b|\bno\s+se\s+casa\b",
         "casacion_infundada", source="NCPP art. 433",
         examples=("Declararon INFUNDADOS los recursos de casación", "NO CASARON la sentencia",
                   "El recurso de casación es INFUNDADO y no corresponde casar la sentencia",
                   "NO SE CASA la sentencia de vista")),
    Rule("outcome.casacion_improcedente", rf"\bimprocedentes?\b{_NAMEISH}\bcasacion|\bcasacion\b{_NAMEISH}\bimprocedente",
         "casacion_improcedente", source="NCPP art. 428", examples=("IMPROCEDENTE el recurso de casación",)),
    Rule("outcome.casacion_inadmisible", rf"\binadmisibles?\b{_NAMEISH}\bcasacion|\bcasacion\b{_NAMEISH}\binadmisible",
         "casacion_inadmisible", source="NCPP art. 428", examples=("INADMISIBLE el recurso de casación",)),
    Rule("outcome.casacion_fundada",
         rf"(?<!in)\bfundad[oa]s?\b(?:\s+en\s+parte)?{_NAMEISH}\bcasacion|\bcasacion\b{_NAMEISH}(?<!in)\bfundad[oa]\b|"
         r"(?<!no\s)\bcasaron\b|(?<!no\s)\bse\s+casa\b|(?<!no\s)(?<!corresponde\s)\bcasar\b",
         "casacion_fundada", source="NCPP art. 433",
         examples=("el recurso de casación del Ministerio Público es FUNDADO", "CASARON la sentencia de vista",
                   "Declararon FUNDADO EN PARTE el recurso de casación"),
         counter_examples=("NO CASARON la sentencia", "NO\nCASARON la sentencia", "INFUNDADO el recurso de casación",
                           "NO SE CASA la sentencia")),
    Rule("outcome.bien_concedido", r"\bbien\s+concedid[oa]s?\b", "bien_concedido",
         source="NCPP art. 430.3: the Sala decides by auto whether the recurso is 'bien concedido'",
         examples=("Declararon BIEN CONCEDIDO el recurso de casación",)),
    Rule("outcome.queja_infundada", r"\binfundad[oa]s?\b[^.;]{0,60}?\bqueja\b|\bqueja\b[^.;]{0,60}?\binfundad[oa]\b",
         "queja_infundada", source="NCPP art. 438; C. de P.P. art. 297",
         examples=("Declararon INFUNDADO el recurso de queja",)),
    Rule("outcome.queja_fundada", r"(?<!in)\bfundad[oa]s?\b[^.;]{0,60}?\bqueja\b|\bqueja\b[^.;]{0,60}?(?<!in)\bfundad[oa]\b",
         "queja_fundada", source="NCPP art. 438", examples=("Declararon FUNDADO el recurso de queja",),
         counter_examples=("INFUNDADO el recurso de queja",)),
    Rule("outcome.improcedente", rf"\bimprocedentes?\b{_NAMEISH}{_RECURSO}", "improcedente",
         source="NCPP art. 405 (a recurso without its requisites, e.g. out of time)",
         examples=("Declarar IMPROCEDENTE, por extemporáneo, el recurso de apelación",)),
    Rule("outcome.inadmisible", rf"\binadmisibles?\b{_NAMEISH}{_RECURSO}", "inadmisible",
         source="NCPP art. 405", examples=("Declararon INADMISIBLE el recurso de apelación",),
         counter_examples=("INADMITIR el medio de prueba",)),
    Rule("outcome.nula", r"\b(?:declarar(?:on)?|declara|declaro|declarese)\s+(?:la\s+)?nul[oa]s?\b|\bnula\s+la\s+sentencia\b",
         "nula", source="NCPP art. 425.3.a", examples=("declarar NULA la sentencia",)),
    Rule("outcome.revoca", r"\brevoc(?:ar|aron|a|o|ando)\b|\brevoquese\b", "revoca", source="NCPP art. 425.3.b",
         examples=("REVOCAR la sentencia", "REVÓQUESE la sentencia")),
    Rule("outcome.confirma", r"\bconfirm(?:ar|aron|a|o|ando|ese)\b", "confirma", source="NCPP art. 425",
         examples=("CONFIRMAR la sentencia", "CONFÍRMESE la sentencia")),
    Rule("outcome.apelacion_infundada", rf"\binfundad[oa]s?\b{_NAMEISH}\bapelacion", "confirma",
         source="an appeal declared unfounded leaves the ruling standing",
         examples=("DECLARAR INFUNDADOS los recursos de apelación",)),
    Rule("outcome.detencion_legal", r"\b(?:declar\w*|es)\s+legal\s+la\s+detencion\b|\bdetencion\b[^.;]{0,80}?\b(?:es|fue|resulta)\s+legal\b",
         "detencion_legal", source="NCPP art. 261 and Acuerdo Plenario 2-2019 (control de legalidad de la detención)",
         examples=("DECLARAR LEGAL la detención policial en flagrancia",), counter_examples=("DECLARAR ILEGAL la detención",)),
    Rule("outcome.detencion_ilegal", r"\b(?:declar\w*|es)\s+ilegal\s+la\s+detencion\b|\bdetencion\b[^.;]{0,80}?\b(?:es|fue|resulta)\s+ilegal\b",
         "detencion_ilegal", source="NCPP art. 261", examples=("DECLARAR ILEGAL la detención",)),
    Rule("outcome.auto_enjuiciamiento", r"\b(?:dictar|dicta|dicto|dictaron|dictese|expedir|expido|expidase|emitir|emito)\s+(?:el\s+)?auto\s+de\s+enjuiciamiento\b",
         "auto_enjuiciamiento", source="NCPP art. 353", examples=("DICTAR AUTO DE ENJUICIAMIENTO contra",)),
    Rule("outcome.ta_aprobada", r"\b(?:aprob(?:ar|aron|ando|o|ar el)|apruebese|apruebo)\b[^.;]{0,60}\bterminacion\s+anticipada|"
         r"\b(?:aprob(?:ar|aron|ando|o)|apruebo)\s+(?:el|dicho|los|dichos)\s+acuerdos?\b(?!\s+reparatorio)",
         "terminacion_anticipada_aprobada", source="NCPP art. 468.4-5 (the judge approves the agreement)",
         examples=("APROBAR el acuerdo de terminación anticipada", "APROBAR dicho acuerdo", "APRUEBO el acuerdo"),
         counter_examples=("APROBAR el acuerdo reparatorio",)),
    # also an excepción that ends the case (improcedencia de acción, prescripción, cosa juzgada,
    # amnistía: NCPP art. 6.2, "el proceso será sobreseído definitivamente"), and the imperative
    Rule("outcome.sobreseimiento", r"(?<!in)\bfundad[oa]\b[^.;]{0,60}\bsobreseimiento|\bdictar\s+auto\s+de\s+sobreseimiento|"
         r"\bsobreseid[oa]s?\b|\bsobreseer\b|\bse\s+sobresee\b|\bsobreseas[e]\b|\bsobreseo\b|"
         r"(?<!in)\bfundad[oa]s?\s+(?:la\s+)?excepcion\s+de\s+(?:improcedencia\s+de\s+accion|prescripcion|cosa\s+juzgada|amnistia)",
         "sobreseimiento", source="NCPP arts. 344, 6.2",
         examples=("DICTAR AUTO DE SOBRESEIMIENTO", "SOBRESÉASE definitivamente el proceso", "SOBRESEO el proceso",
                   "Declarar FUNDADA la excepción de improcedencia de acción"),
         counter_examples=("declarar INFUNDADO el requerimiento de sobreseimiento",
                           "INFUNDADA la excepción de improcedencia de acción")),
    Rule("outcome.prolongacion_infundada", r"\binfundad[oa]s?\b[^.;]{0,60}\bprolongacion\b", "prolongacion_prision_infundada",
         source="NCPP art. 274", examples=("INFUNDADO el requerimiento de prolongación de prisión preventiva",)),
    Rule("outcome.prolongacion_fundada", r"(?<!in)\bfundad[oa]s?\b[^.;]{0,60}\bprolongacion\b", "prolongacion_prision_fundada",
         source="NCPP art. 274", examples=("FUNDADO el requerimiento de prolongación de prisión preventiva",)),
    Rule("outcome.cese_infundado", r"\binfundad[oa]s?\b[^.;]{0,60}\bcese\b", "cese_prision_infundado",
         source="NCPP art. 283", examples=("INFUNDADA la solicitud de cese de prisión preventiva",)),
    Rule("outcome.cese_fundado", r"(?<!in)\bfundad[oa]s?\b[^.;]{0,60}\bcese\b", "cese_prision_fundado",
         source="NCPP art. 283", examples=("FUNDADA la solicitud de cese de prisión preventiva",)),
    Rule("outcome.pp_infundada", r"\binfundad[oa]\b[^.;]{0,60}\bprision\s+preventiva", "prision_preventiva_infundada",
         source="NCPP art. 268", examples=("INFUNDADO el requerimiento de prisión preventiva",)),
    Rule("outcome.pp_fundada", r"(?<!in)\bfundad[oa]\b[^.;]{0,60}\bprision\s+preventiva", "prision_preventiva_fundada",
         source="NCPP art. 268", examples=("FUNDADO el requerimiento de prisión preventiva",)),
    Rule("outcome.medida_seguridad", r"\b(?:impon\w*|aplic\w*|dispon\w*)\s+(?:la\s+|una\s+)?medida\s+de\s+seguridad\b",
         "medida_seguridad", source="NCPP arts. 456-458, CP arts. 71-77 (proceso de seguridad)",
         examples=("IMPONER la MEDIDA DE SEGURIDAD DE INTERNACIÓN por el plazo de OCHO AÑOS",),
         counter_examples=("la medida de seguridad no fue solicitada",)),
    Rule("outcome.reserva_fallo", r"\breserv(?:a|ar|ando|o|aron|ese)\s+(?:el|del)\s+fallo\b|\breserva\s+del\s+fallo\s+condenatorio",
         "reserva_fallo", source="CP art. 62", examples=("RESERVA DEL FALLO CONDENATORIO", "RESERVANDO EL FALLO CONDENATORIO"),
         counter_examples=("RESERVAR el juzgamiento",)),
    Rule("outcome.condena", r"\bconden(?:ando|ar|aron|a|o|ese|esele|eseles)\b\s+(?:a|al|a\s+la|a\s+los)\b(?!\s+(?:los\s+)?(?:recurrentes?|sentenciad\w+|vencid\w+)?\s*al\s+pago)(?![^.;]{0,40}\bpago\s+de\s+(?:las\s+)?costas)",
         "condena", source="NCPP art. 399; C. de P.P. art. 285 ('FALLA: CONDENANDO'); the mandate many courts write "
                             "('CONDÉNESE a X', 'IMPÓNGASELE')", examples=("CONDENANDO a LUZ MARINA", "CONDÉNESE a FREDDY"),
         counter_examples=("CONDENARON a los recurrentes al pago de las costas", "CONDENARON al recurrente al pago de las costas")),
    Rule("outcome.absolucion", r"\babsol(?:viendo|ver|vieron|vio|verlo|verla|verlos|viendole)\b|\babsuelv[eo]\b|"
         r"\babsuelva(?:se|sele|seles)\b", "absolucion", source="NCPP art. 398; the mandate 'ABSUÉLVASE a X'; a single "
         "judge's first person 'ABSUELVO a X'",
         examples=("ABSOLVIENDO a JORGE", "ABSUÉLVASE a JORGE", "ABSUELVO a JORGE")),
))

# for each kind of document, its own vocabulary in order of precedence; other phrases
# count only when none of these is found. The order also settles a defendant named in two
# dispositions: the appellate verb over the decision it reforms ("REVOCAR ... CONDENAR a X"
# is revoca), HABER NULIDAD "en la pena" over the rest confirmed, a conviction over an
# acquittal of another crime.
_APPEAL = ("nula", "revoca", "confirma")
_REJECTED = ("improcedente", "inadmisible")
_JIP = ("detencion_legal", "detencion_ilegal", "auto_enjuiciamiento", "terminacion_anticipada_aprobada",
        "sobreseimiento", "prolongacion_prision_fundada", "prolongacion_prision_infundada",
        "cese_prision_fundado", "cese_prision_infundado", "prision_preventiva_fundada",
        "prision_preventiva_infundada")
PRIMARY: dict[str, tuple[str, ...]] = {
    "casacion": ("casacion_fundada", "casacion_infundada", "bien_concedido", "casacion_improcedente",
                 "casacion_inadmisible", *_REJECTED),
    "recurso_nulidad": ("haber_nulidad", "no_haber_nulidad", "nula", *_REJECTED),
    "queja": ("queja_fundada", "queja_infundada", *_REJECTED),
    "sentencia_vista": (*_APPEAL, *_REJECTED),
    # an auto de vista decides a recurso; a JIP's auto decides the request, and rejecting a side
    # request ("IMPROCEDENTE el pedido de ...") is not its outcome
    "auto": (*_APPEAL, "casacion_fundada", "casacion_infundada", "bien_concedido", "casacion_improcedente",
             "casacion_inadmisible", *_JIP, *_REJECTED),
    "sentencia": ("medida_seguridad", "reserva_fallo", "condena", "absolucion"),
    "acuerdo_plenario": (),
    "otro": (),
}
FALLBACK_ORDER = ("haber_nulidad", "no_haber_nulidad", "casacion_fundada", "casacion_infundada", "bien_concedido",
                  "casacion_improcedente", "casacion_inadmisible", "queja_fundada", "queja_infundada",
                  *_APPEAL, *_REJECTED, *_JIP, "medida_seguridad", "reserva_fallo", "condena", "absolucion")
# outcomes that decide a recurso against another ruling: when a disposition naming nobody
# has one, it is also the outcome of a defendant whose only outcome is the new decision that
# replaces the reviewed one ("2. REVOCAR ... y, REFORMÁNDOLA, APROBAR el acuerdo. 3. CONDENAR a X")
REVIEWING = frozenset({"nula", "revoca", "confirma", "haber_nulidad", "no_haber_nulidad", "casacion_fundada",
                       "casacion_infundada", "queja_fundada", "queja_infundada"})

# a phrase in a relative clause reciting what the reviewed ruling decided ("CONFIRMAR la
# Resolución N.° 4, que declaró IMPROCEDENTES ...", "en el extremo que condenó a X"): the
# deciding court writes its verbs in the plural or the infinitive, the recital in the third
# person singular preterite
RECITAL_BEFORE = re.compile(r"\bque\s+(?:(?:lo|la|le|les|los|las|se)\s+)?(?:(?P<verb>declaro|resolvio|dispuso)\s+)?$")
# the same verb with its accent in the original text ("la Sala Superior declaró bien concedido")
RECITAL_RAW = re.compile(r"(?:declaró|DECLARÓ|Declaró)\s+$")
RECITAL_VERBS = frozenset({"condeno", "absolvio", "declaro", "confirmo", "revoco", "aprobo", "desaprobo",
                           "impuso", "reservo", "sobreseyo", "dicto", "fijo", "resolvio"})

# a numbered item of the operative part starting a line: "1.", "II.", "PRIMERO:"
ITEM_LINE = re.compile(r"(?<=\n)\s*(?:\d{1,2}\.|[ivx]{1,5}\.|(?:primero|segundo|tercero|cuarto|quinto|sexto|setimo|septimo|octavo)\s*[:.-])\s")

# a co-accused whom this decision does not judge (folded text around a mention of the name)
NOT_DECIDED = re.compile(r"\bcontumaz|\breos?\s+ausentes?\b|\bdeclarad[oa]\s+ausente|\breserv\w*\s+(?:el\s+)?"
                         r"(?:juzgamiento|proceso)|\bcontinuacion\s+de\s+la\s+investigacion|\bprosigue\b|"
                         r"\bse\s+sigue\s+en\s+otro|\bcuaderno\s+(?:separado|independiente)")
# "DECLARO FUNDADO el requerimiento de prisión preventiva contra X ...; e INFUNDADO el
# requerimiento respecto de Y": a request named once, then granted or refused for each. A
# clause with only this elliptic phrase takes the kind of the request named before it, with
# its own polarity (NCPP arts. 268, 274 and 283: the judge rules on each investigado).
ELLIPTIC = re.compile(r"\b(?P<neg>in)?fundad[oa]s?\s+(?:en\s+parte\s+)?(?:el|la|dicho|dicha)\s+"
                      r"(?:requerimiento|solicitud|pedido)\b")
POLARITY: dict[str, tuple[str, str]] = {  # kind -> (granted, refused)
    k: pair for pair in (("prision_preventiva_fundada", "prision_preventiva_infundada"),
                         ("prolongacion_prision_fundada", "prolongacion_prision_infundada"),
                         ("cese_prision_fundado", "cese_prision_infundado"))
    for k in pair}

# the words that open an item of an operative part numbered "1)", "II)": its verbs (any
# form: APROBAR, CONDENANDO, DISPONGO) and the penalty nouns some items open with. A "3)"
# before a name is OCR's reading of a letter of a list of penalties ("j) JEAN PIERRE ...:
# siete años"), not an item of its own.
_OPERATIVE = (r"(?:APROB|CONDEN|ABSOL|ABSUEL|DECLAR|IMPON|IMPUS|FIJ|DISPON|DISPUS|ORDEN|REVOC|CONFIRM|REFORM|"
              r"DICT|TENER|INHABILIT|MAND|REMIT|OFICI|CURS|ARCHIV|DEVOLV|DEVUELV|RESERV|SOBRESE|REQUER|PROHIB|"
              r"DECOMIS|NOTIFIC|ESTABLEC|COMPUT|SUSPEND|EXHORT|INSCRIB|ANUL|AUTORIZ|CONCED|DENEG|APLIC|ACEPT|"
              r"INADMIS|IMPROCED|FUNDAD|INFUNDAD|NUL|HABER|NO\s+HABER|PAGO|COSTAS|MULTA|D[IÍ]AS)[A-ZÁÉÍÓÚÑ]*\b")
# the marker of a numbered item of the operative part, read on the original text: a number,
# a Roman numeral or an ordinal, then a verb in capitals ("II. CONDENAR", "3: DISPONER")
ITEM_MARK = re.compile(r"(?:^|(?<=\s))(?:[IVX]{1,5}|\d{1,2}|PRIMERO|SEGUNDO|TERCERO|CUARTO|QUINTO|SEXTO|"
                       r"S[ÉE]PTIMO|S[ÉE]TIMO|OCTAVO|Primero|Segundo|Tercero|Cuarto|Quinto|Sexto|S[ée]ptimo|"
                       r"S[ée]timo|Octavo)\s*(?:[.:\-–]{1,2}\s+(?=(?:[Dd]eclarar\w*\s+)?[A-ZÁÉÍÓÚÑ]{4,}\b)"
                       r"|(?<=[\dIVX])\)\s+(?=" + _OPERATIVE + r"))")
