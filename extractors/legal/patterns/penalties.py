"""Penalty phrases of the operative part.

Source: domain.md ("Penalties: years and months of pena privativa de libertad (often in
words and digits: 'QUINCE AÑOS'), inhabilitación, días-multa, and reparación civil in
soles ('S/ 10 000.00', 'S/. 5,000.00', 'cinco mil soles')"); CP arts. 29, 41, 57, 92.
Patterns run on folded text; NUM is digits or a run of number words.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import alternatives
from extractors.legal.patterns import numbers as N

NUM = rf"(?:\d{{1,3}}|(?:{alternatives(N.NUMBER_WORDS)})(?:\s+(?:y\s+)?(?:{alternatives(N.NUMBER_WORDS)}))*)"
ECHO = r"(?:\s*\(\s*\d{1,3}\s*\))?"  # "DIECISÉIS (16) AÑOS"
_SPECK = r"(?:[a-z]\s+)?"  # a speck of the scan read as a letter ("privativa de e\nlibertad")


def _duration(years: str, months: str, monly: str) -> str:
    return (rf"(?P<{years}>{NUM}){ECHO}\s+anos?(?:\s+y\s+(?P<{months}>{NUM}){ECHO}\s+mes(?:es)?)?"
            rf"|(?P<{monly}>{NUM}){ECHO}\s+meses")


_PRIVATIVA = rf"pena\s+privativa\s+de\s+{_SPECK}(?:la\s+)?libertad"
# a prison term (CP art. 29) as rulings state it: the years before the penalty's name ("DOCE
# AÑOS de pena privativa de libertad", "… de privación de libertad", "… de prisión"), or after
# it ("la pena privativa de libertad de DOCE AÑOS", "… efectiva por el plazo de"); never a
# suspended term's probation ("pena privativa de libertad suspendida por el plazo de tres años")
PRISON = re.compile(
    rf"(?:{_duration('years', 'months', 'monly')})\s+de\s+(?:{_PRIVATIVA}|(?:pena\s+de\s+)?(?:privacion\s+de\s+(?:la\s+)?libertad|prision)\b)"
    rf"|{_PRIVATIVA}(?:\s+(?P<mode>efectiva))?\s*,?\s+(?:de|por|ascendente\s+a|equivalente\s+a)\s+"
    rf"(?:el\s+(?:plazo|termino)\s+de\s+)?(?:{_duration('years2', 'months2', 'monly2')})")
# cadena perpetua: a life term (CP art. 29), no number of years; served in prison, reviewed
# after 35 years (Código de Ejecución Penal art. 59-A)
LIFE = re.compile(r"\bcadena\s+perpetua\b")
EFFECTIVE = re.compile(r"^[^;]{0,25}?\befectiva\b")
SUSPENDED = re.compile(r"^[^;]{0,60}?\bsuspendid[ao]\b|^[^;]{0,60}?\bcondicional\b")
# a suspension ordered anywhere in the item's sentence ("…, cuya ejecución se suspende por el
# plazo de dos años bajo reglas de conducta")
SUSPENSION_NEAR = re.compile(r"[^;.]{0,200}?\b(?:suspend\w*|condicional\w*|periodo\s+de\s+prueba|reglas\s+de\s+conducta)\b")
# a prison term converted into another penalty is not served in prison (CP arts. 52-53:
# "…, la que se CONVIERTE en SETENTA JORNADAS de prestación de servicios a la comunidad"; CP art.
# 29-A and D. Leg. 1514: "se CONVIERTE a pena de VIGILANCIA ELECTRÓNICA PERSONAL")
CONVERTED_NEAR = re.compile(r"[^;.]{0,200}?\b(?:se\s+convierte|convertid[ao]|conviert[ea]se|convertir(?:la)?|"
                            r"conversion)\b[^;.]{0,120}?\b(?:jornadas?|dias[\s-]*multa|limitacion\s+de\s+dias|"
                            r"vigilancia\s+electronica)\b")
# CP art. 57-58: a pena privativa de libertad is suspended only when the judge orders it; one
# stated without "suspendida" (or "efectiva") is served: effective
EFFECTIVE_BY_DEFAULT = True
# the probation of a suspended term (CP art. 57): "por el período de prueba de TRES (03) AÑOS",
# "suspendida en su ejecución por DOS AÑOS", "por el plazo de prueba de un año"
PROBATION = re.compile(rf"\b(?:periodo|plazo|termino)\s+de\s+prueba\s+de\s+(?P<years>{NUM}){ECHO}\s+anos?|"
                       rf"\b(?:suspendid[ao]|se\s+suspende|suspendiendose)(?:\s+en\s+su\s+ejecucion)?\s+por(?:\s+el\s+(?:plazo|periodo|termino)\s+de)?\s+"
                       rf"(?P<years2>{NUM}){ECHO}\s+anos?")
DIAS_MULTA = re.compile(rf"(?P<n>{NUM}){ECHO}\s+dias[\s-]*multa")
# an amount in figures after "S/" ("S/ 1'500,000.00", "S/. 18,450.00"), or in words before
# "soles", with the cents as notaries write them ("CINCUENTA Y 00/100 NUEVOS SOLES"): the
# "100" of "00/100" is no amount
MONEY = re.compile(r"s/\.?\s*(?P<amount>\d{1,3}(?:[ .,\n'’´]\d{3})+(?:[.,]\d{2})?(?!\d)|\d[\d.,]*\d|\d)|"
                   r"(?<![/\d])(?P<words>" + NUM + r")(?:\s+(?:y|con)\s+\d{2}\s*/\s*100)?\s+(?:nuevos\s+)?soles\b")
REPARACION = re.compile(r"\breparacion\s+civil\b")
EACH = re.compile(r"\ba\s+cada\s+uno\b|\bles\s+impone\b|\bambos\b")
SOLIDARIA = re.compile(r"\bsolidari[ao]\b")
# a name after an amount pays it only in the amount's clause ("S/ 2,000.00 que pagará;
# CONDENAR a Y …": Y does not)
CLAUSE_BREAK = re.compile(r"[;:]|\.\s")
# whom an amount is paid to, just after it: "S/ 5,000.00 que pagará X a favor de Carlos Fiestas;"
IN_FAVOUR = re.compile(r"[^;.]{0,100}?\ba\s+favor\s+(?:de(?:l|\s+la|\s+los|\s+las)?)\s+(?P<who>[^;,.()]{3,80})")
# outcomes under which this ruling imposes or confirms a penalty
PENALTY_OUTCOMES = {"condena", "confirma", "terminacion_anticipada_aprobada", "no_haber_nulidad", "reserva_fallo",
                    "medida_seguridad",  # its reparación civil (CP art. 93); the internación is no prison term
                    "conclusion_anticipada"}
# outcomes that impose a penalty only in their "reformándola" part ("REVOCAR ... y, REFORMÁNDOLA,
# CONDENAR a X a ocho años"; "HABER NULIDAD ... y, REFORMÁNDOLA, le IMPUSIERON catorce años"), or
# when the Corte Suprema, after casar, decides the case itself "actuando en sede de instancia"
# (NCPP art. 433.1)
REFORMING_OUTCOMES = {"revoca", "haber_nulidad", "casacion_fundada"}
REFORM = re.compile(r"\breformando(?:la|lo|las|los)?\b|\breformaron\b|\ben\s+sede\s+de\s+instancia\b")
# an item that sets aside the reviewed ruling: the penalties it names before a REFORM marker are
# the ones revoked; an item without such a verb ("3. CONDENAR a X a tres años") imposes anew
SETS_ASIDE = re.compile(r"\brevoc(?:ar|aron|a|ando)\b|(?<!no )\bhaber\s+nulidad\b|\bcasaron\b|\bnul[oa]s?\b")
# a penalty recited as the reviewed ruling's ("en el extremo que le impuso doce años")
RECITED = re.compile(r"\bque\s+(?:(?:lo|la|le|les|los|las)\s+)?(?:impuso|condeno|fijo)\b[^;]*$")
# an operative item listing one penalty per defendant: "a las siguientes penas privativas de
# libertad efectivas y días-multa: a) X: treinta y cinco años y 365 días-multa."
LIST_INTRO = re.compile(r"\bpenas\s+privativas\s+de\s+(?:la\s+)?libertad(?P<tail>[^:.;]{0,60}):")
LISTED = re.compile(rf":\s*(?P<years>{NUM}){ECHO}\s+anos?(?:\s+y\s+(?P<months>{NUM}){ECHO}\s+mes(?:es)?)?\b")
# the total of a reparación civil split between payees ("haciendo un total de S/ 1 500.00")
# the penalty of a concurso real stated as the sum of each crime's (CP art. 50): "por el
# primero OCHO AÑOS … y por el segundo SEIS AÑOS …, que sumadas hacen un total de CATORCE AÑOS"
PRISON_TOTAL = re.compile(r"(?:\b(?:sumad[oa]s|acumulad[oa]s)\s+(?:hacen|dan|resultan|suman)|\b(?:haciendo|hacen|que\s+hace)"
                          r"|\bpena\s+(?:total|acumulada|unica)|\ben\s+total|\bun\s+total)\b[^;.]{0,30}$")
TOTAL = re.compile(r"\b(?:haciendo\s+un|en|por\s+un|que\s+hace\s+un|suma)\s+total\s+de\s+(?=s/|\d)")
ITEM_SPLIT = re.compile(r"\n\s*(?:\d{1,2}\.|[ivx]{1,5}\.|(?:primero|segundo|tercero|cuarto|quinto|sexto|setimo|septimo|octavo)\s*[:.-])\s")
# the end of a sentence in the original text: a full stop after a word of three or more
# letters (not initials "R. E. S." nor "N.°"), then a capital
SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[A-ZÁÉÍÓÚÑ])")
