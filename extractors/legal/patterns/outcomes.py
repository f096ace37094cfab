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

PHRASES = validate((
    Rule("outcome.no_haber_nulidad", r"\bno\s+haber\s+nulidad\b(?!\s+en\s+lo\s+demas)", "no_haber_nulidad",
         source="R.N. (1940 code); 'NO HABER NULIDAD en lo demás que contiene' is residual",
         examples=("NO HABER NULIDAD en la sentencia",), counter_examples=("NO HABER NULIDAD en lo demás que contiene",)),
    Rule("outcome.haber_nulidad", r"(?<!no )\bhaber\s+nulidad\b", "haber_nulidad",
         source="R.N. (1940 code)", examples=("declarar HABER NULIDAD en la sentencia",),
         counter_examples=("NO HABER NULIDAD",)),
    Rule("outcome.casacion_infundada", rf"\binfundad[oa]s?\b{_NAMEISH}\bcasacion|\bcasacion\s+(?:es|fue|resulta)\s+infundad[oa]\b|"
         r"\bno\s+casaron\b|\bno\s+(?:corresponde\s+)?casar\b",
         "casacion_infundada", source="NCPP art. 433",
         examples=("Declararon INFUNDADOS los recursos de casación", "NO CASARON la sentencia",
                   "El recurso de casación es INFUNDADO y no corresponde casar la sentencia")),
    Rule("outcome.casacion_improcedente", rf"\bimprocedentes?\b{_NAMEISH}\bcasacion|\bcasacion\b{_NAMEISH}\bimprocedente",
         "casacion_improcedente", source="NCPP art. 428", examples=("IMPROCEDENTE el recurso de casación",)),
    Rule("outcome.casacion_inadmisible", rf"\binadmisibles?\b{_NAMEISH}\bcasacion|\bcasacion\b{_NAMEISH}\binadmisible",
         "casacion_inadmisible", source="NCPP art. 428", examples=("INADMISIBLE el recurso de casación",)),
    Rule("outcome.casacion_fundada",
         rf"(?<!in)\bfundad[oa]s?\b{_NAMEISH}\bcasacion|\bcasacion\b{_NAMEISH}(?<!in)\bfundad[oa]\b|(?<!no\s)\bcasaron\b|\bse\s+casa\b|(?<!no\s)(?<!corresponde\s)\bcasar\b",
         "casacion_fundada", source="NCPP art. 433",
         examples=("el recurso de casación del Ministerio Público es FUNDADO", "CASARON la sentencia de vista"),
         counter_examples=("NO CASARON la sentencia", "NO\nCASARON la sentencia", "INFUNDADO el recurso de casación")),
    Rule("outcome.nula", r"\b(?:declarar(?:on)?|declara|declaro)\s+(?:la\s+)?nul[oa]s?\b|\bnula\s+la\s+sentencia\b",
         "nula", source="NCPP art. 425.3.a", examples=("declarar NULA la sentencia",)),
    Rule("outcome.revoca", r"\brevoc(?:ar|aron|a|o|ando)\b", "revoca", source="NCPP art. 425.3.b",
         examples=("REVOCAR la sentencia",)),
    Rule("outcome.confirma", r"\bconfirm(?:ar|aron|a|o|ando)\b", "confirma", source="NCPP art. 425",
         examples=("CONFIRMAR la sentencia",)),
    Rule("outcome.apelacion_infundada", rf"\binfundad[oa]s?\b{_NAMEISH}\bapelacion", "confirma",
         source="an appeal declared unfounded leaves the ruling standing",
         examples=("DECLARAR INFUNDADOS los recursos de apelación",)),
    Rule("outcome.ta_aprobada", r"\baprob(?:ar|aron|ando|o|ar el)\b[^.;]{0,60}\bterminacion\s+anticipada",
         "terminacion_anticipada_aprobada", source="NCPP art. 468",
         examples=("APROBAR el acuerdo de terminación anticipada",)),
    Rule("outcome.sobreseimiento", r"\bfundad[oa]\b[^.;]{0,60}\bsobreseimiento|\bdictar\s+auto\s+de\s+sobreseimiento|"
         r"\bsobreseid[oa]s?\b|\bsobreseer\b|\bse\s+sobresee\b",
         "sobreseimiento", source="NCPP art. 344", examples=("DICTAR AUTO DE SOBRESEIMIENTO",)),
    Rule("outcome.pp_infundada", r"\binfundad[oa]\b[^.;]{0,60}\bprision\s+preventiva", "prision_preventiva_infundada",
         source="NCPP art. 268", examples=("INFUNDADO el requerimiento de prisión preventiva",)),
    Rule("outcome.pp_fundada", r"(?<!in)\bfundad[oa]\b[^.;]{0,60}\bprision\s+preventiva", "prision_preventiva_fundada",
         source="NCPP art. 268", examples=("FUNDADO el requerimiento de prisión preventiva",)),
    Rule("outcome.reserva_fallo", r"\breserv(?:a|ar|ando|o|aron|ese)\s+(?:el|del)\s+fallo\b|\breserva\s+del\s+fallo\s+condenatorio",
         "reserva_fallo", source="CP art. 62", examples=("RESERVA DEL FALLO CONDENATORIO", "RESERVANDO EL FALLO CONDENATORIO"),
         counter_examples=("RESERVAR el juzgamiento",)),
    Rule("outcome.condena", r"\bconden(?:ando|ar|aron|a|o)\b\s+(?:a|al|a\s+la|a\s+los)\b(?!\s+(?:los\s+)?(?:recurrentes|sentenciad\w+|vencid\w+)?\s*al\s+pago)(?![^.;]{0,40}\bpago\s+de\s+(?:las\s+)?costas)",
         "condena", source="NCPP art. 399", examples=("CONDENANDO a LUZ MARINA",),
         counter_examples=("CONDENARON a los recurrentes al pago de las costas",)),
    Rule("outcome.absolucion", r"\babsol(?:viendo|ver|vieron|vio|verlo|verla|verlos|viendole)\b|\babsuelve\b",
         "absolucion", source="NCPP art. 398", examples=("ABSOLVIENDO a JORGE",)),
))

# for each kind of document, its own vocabulary in order of precedence; other phrases
# count only when none of these is found
PRIMARY: dict[str, tuple[str, ...]] = {
    "casacion": ("casacion_fundada", "casacion_infundada", "casacion_improcedente", "casacion_inadmisible"),
    "recurso_nulidad": ("no_haber_nulidad", "haber_nulidad", "nula"),
    "sentencia_vista": ("nula", "revoca", "confirma"),
    "auto": ("terminacion_anticipada_aprobada", "sobreseimiento", "prision_preventiva_fundada",
             "prision_preventiva_infundada", "casacion_improcedente", "casacion_inadmisible",
             "confirma", "revoca", "nula"),
    "sentencia": ("reserva_fallo", "condena", "absolucion"),
    "acuerdo_plenario": (),
    "otro": (),
}
FALLBACK_ORDER = ("no_haber_nulidad", "haber_nulidad", "casacion_fundada", "casacion_infundada",
                  "casacion_improcedente", "casacion_inadmisible", "nula", "revoca", "confirma",
                  "terminacion_anticipada_aprobada", "sobreseimiento", "prision_preventiva_fundada",
                  "prision_preventiva_infundada", "reserva_fallo", "condena", "absolucion")

# where the operative part splits into separate dispositions
CLAUSE_SPLIT = r";|\n\s*(?:\d{1,2}\.|[ivx]{1,5}\.|(?:primero|segundo|tercero|cuarto|quinto|sexto|setimo|septimo|octavo)\s*[:.-])\s"

# a co-accused whom this decision does not judge (folded text around a mention of the name)
NOT_DECIDED = re.compile(r"\bcontumaz|\breos?\s+ausentes?\b|\bdeclarad[oa]\s+ausente|\breserv\w*\s+(?:el\s+)?"
                         r"(?:juzgamiento|proceso)|\bcontinuacion\s+de\s+la\s+investigacion|\bprosigue\b|"
                         r"\bse\s+sigue\s+en\s+otro|\bcuaderno\s+(?:separado|independiente)")
# a defendant who accepted the charges: a sentencia conformada (NCPP art. 372; Ley 28122)
CONFORMITY = re.compile(r"\bconclusion\s+anticipada|\bconformidad\b|\bconformad[oa]\b|\bacept\w+\s+(?:los\s+)?cargos")
# the marker of a numbered item of the operative part, read on the original text: a number,
# a Roman numeral or an ordinal, then a verb in capitals ("II. CONDENAR", "3: DISPONER")
ITEM_MARK = re.compile(r"(?:^|(?<=\s))(?:[IVX]{1,5}|\d{1,2}|PRIMERO|SEGUNDO|TERCERO|CUARTO|QUINTO|SEXTO|"
                       r"S[ÉE]PTIMO|S[ÉE]TIMO|OCTAVO|Primero|Segundo|Tercero|Cuarto|Quinto|Sexto|S[ée]ptimo|"
                       r"S[ée]timo|Octavo)\s*[.:\-–]{1,2}\s+(?=(?:[Dd]eclarar\w*\s+)?[A-ZÁÉÍÓÚÑ]{4,}\b)")
ACCUSED_NOUN = re.compile(r"\b(?:el|la)\s+(?:acusad|procesad|imputad|sentenciad|encausad)[oa]\b")
