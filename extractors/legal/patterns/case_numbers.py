"""Case-number shapes and the look-alikes that are not this ruling's number.

Source: domain.md ("Case numbers", "Case-number variety"): the expediente
``00123-2019-45-2701-JR-PE-01`` (correlative, year, incident, seat code, organ type,
specialty, court number); short forms "00123-2019-45-2701", "Exp. N.° 123-2019",
"Exp. 874-2013-52"; Supreme numbers "Casación N.° 2045-2018/Puno", "R.N. N.° 1234-2017-Lima",
"R. N. N° 2031 – 2012\\nUCAYALI", "Casación 412-2020, Madre de Dios", "...-2019PUNO";
the Corte Suprema's appeals and quejas, numbered like its casaciones: "APELACIÓN N.° 618-2024/ICA",
"RECURSO DE APELACIÓN N.° 233-2023, TACNA", "QUEJA N.° 118-2019/JUNÍN", "RECURSO DE QUEJA
EXCEPCIONAL N.° 45-2020" (NCPP arts. 415–426 and 437; the old code's queja excepcional, art.
297 C. de P. P.). Patterns run on folded text.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import Rule, validate

# "N.°", "N°", "N.º", "n.o", "Nro.", "No.", "Nº", OCR "N.2"; optional
NUM_SIGN = r"(?:(?:numero|nro|n(?:o|\.\s?o|\.?\s?[°º]|\.2|\s?°)?)\.?\s*)?"
DASH = r"\s*[-–—]\s*"

LONG = Rule(
    "case.expediente_long",
    r"(?<![\d-])(?P<num>\d{1,5})-(?P<year>(?:19|20)\d ?\d)-(?P<inc>\d{1,3})-(?P<seat>\d{4})"
    r"-(?P<organ>[a-z]{2})-(?P<spec>[a-z]{2})-(?P<court>\d{1,2})(?![\d])",
    source="domain.md", examples=("00347-2019-28-2111-JR-PE-01", "04512-2016-0-0901-JR-PE-02",
                                  "02524-201 1-49-1001-JR-PE-04"),
    counter_examples=("00347-2019-28-2111",))

MEDIUM = Rule(
    "case.expediente_seat",
    r"(?<![\d-])(?P<num>\d{1,5})-(?P<year>(?:19|20)\d{2})-(?P<inc>\d{1,3})-(?P<seat>\d{4})(?![\d-])",
    source="domain.md", examples=("00123-2019-45-2701",), counter_examples=("00123-2019-45-2701-JR-PE-01",))

SHORT = Rule(
    "case.expediente_short",
    rf"\b(?:expediente|exp)\b\.?\s*{NUM_SIGN}(?P<num>\d{{1,5}})-(?P<year>(?:19|20)\d{{2}})"
    r"(?:-(?P<inc>\d{1,3}))?(?![\d-]|/tc)",
    source="domain.md", examples=("Exp. 874-2013-52", "Exp. N.° 123-2019", "Expediente N° 45-2018"),
    counter_examples=("Exp. N.° 04295-2019-PHC/TC", "Exp. N.° 00458-2017-12-2701-JR-PE-01"))

SUPREME = validate((
    Rule("case.casacion",
         rf"\b(?:casacion|cas\.)\s*{NUM_SIGN}(?P<num>\d{{1,6}}){DASH}(?P<year>(?:19|20)\d{{2}})(?!\d{{2}})",
         "casacion", source="domain.md",
         examples=("CASACIÓN N.° 1193-2021/MADRE DE DIOS", "Casación 412-2020, Madre de Dios",
                   "Casación Nro. 12-2019PUNO")),
    Rule("case.recurso_nulidad",
         rf"(?:\br\.?\s?n\.?|\brecurso de nulidad)\s*{NUM_SIGN}(?P<num>\d{{1,6}}){DASH}(?P<year>(?:19|20)\d{{2}})(?!\d{{2}})",
         "recurso_nulidad", source="domain.md",
         examples=("R. N. N° 2031 – 2012", "R.N. N.° 1234-2017-Lima", "RN 55-2016", "Recurso de Nulidad N.° 9-2010"),
         counter_examples=("Resolución N.° 19-2020",)),
    Rule("case.apelacion_suprema",
         rf"\b(?:recurso\s+de\s+)?apelacion(?:\s+suprema)?\s*{NUM_SIGN}(?P<num>\d{{1,6}}){DASH}(?P<year>(?:19|20)\d{{2}})(?!\d{{2}})",
         "apelacion", source="NCPP arts. 415-426: the Corte Suprema numbers its appeals",
         examples=("APELACIÓN N.° 618-2024/ICA", "RECURSO DE APELACIÓN N.° 233-2023, TACNA", "Apelación n.° 12-2021"),
         counter_examples=("apelación de fecha 12 de marzo",)),
    Rule("case.queja",
         rf"\b(?:recurso\s+de\s+)?queja(?:\s+(?:excepcional|de\s+derecho|ncpp))?\s*{NUM_SIGN}(?P<num>\d{{1,6}}){DASH}(?P<year>(?:19|20)\d{{2}})(?!\d{{2}})",
         "queja", source="NCPP art. 437; C. de P. P. art. 297 (queja excepcional); the Supreme's headers "
                         "tell the NCPP's quejas from the old code's ('QUEJA NCPP N.° 118-2019/LIMA')",
         examples=("QUEJA N.° 118-2019/JUNÍN", "RECURSO DE QUEJA EXCEPCIONAL N.° 45-2020", "Queja N° 12-2019",
                   "QUEJA NCPP N.° 118-2019/LIMA")),
    Rule("case.competencia",
         rf"\b(?:contienda\s+de\s+)?competencia\s*{NUM_SIGN}(?P<num>\d{{1,6}}){DASH}(?P<year>(?:19|20)\d{{2}})(?!\d{{2}})",
         "competencia", source="NCPP arts. 42-45: the Corte Suprema settles contiendas de competencia",
         examples=("COMPETENCIA N.° 12-2019/LIMA", "Contienda de Competencia N.° 5-2021")),
    Rule("case.extradicion",
         rf"\bextradicion(?:\s+(?:activa|pasiva))?\s*{NUM_SIGN}(?P<num>\d{{1,6}}){DASH}(?P<year>(?:19|20)\d{{2}})(?!\d{{2}})",
         "extradicion", source="NCPP art. 521: the Corte Suprema's consultative ruling on extradition",
         examples=("EXTRADICIÓN PASIVA N.° 45-2020", "Extradición N.° 3-2019/Lima")),
))

# Kinds of Supreme numbers that are a ruling's own only when the Corte Suprema decides it (a
# Sala Superior's file is identified by its expediente).
SUPREME_ONLY = {"apelacion", "queja", "competencia", "extradicion"}

# Words right before a number that make it someone else's number (folded).
NOT_THIS_CASE = re.compile(
    r"(?:resolucion|fojas|folios?|informe|oficio|atestado|dictamen|dni|carpeta|acta|placa|guia|"
    r"sentencia de vista|sentencia|ley|decreto|procedencia|origen|cuaderno|registro|partida)"
    r"[^\n]{0,12}$")
# ... except before a full NCPP expediente number, whose incident block makes the file of an
# incident ("CUADERNO N.° : 00912-2010-25-2001-JR-PE-02", "Incidente N.°") this case's own
NOT_THIS_CASE_LONG = re.compile(
    r"(?:resolucion|fojas|folios?|informe|oficio|atestado|dictamen|dni|carpeta|acta|placa|guia|"
    r"sentencia de vista|sentencia|ley|decreto|procedencia|origen|registro|partida)"
    r"[^\n]{0,12}$")
# a number cited as someone else's ruling: "así lo precisó esta Sala en la Casación N.° …",
# "conforme a la Casación …", "(R.N. N.° …)" — never the ruling's own
CITED_BEFORE = re.compile(
    r"(?:\b(?:en|la|el|segun|conforme|vease|cfr|cf|citad[oa]|precedente|ejecutoria|recaid[oa]\s+en|"
    r"doctrina|criterio|fundamento|sentencia|auto|supremo|suprema)\W{0,4}|\()\s*$")

# Words before the number that say it is a lower court's or another file's (folded)
LOWER_COURT_CUES = re.compile(r"(?:expediente de origen|exp\. de origen|procedencia|juzgado de origen)\W*$")
