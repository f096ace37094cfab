"""Case-number shapes and the look-alikes that are not this ruling's number.

Source: domain.md ("Case numbers", "Case-number variety"): the expediente
``00123-2019-45-2701-JR-PE-01`` (correlative, year, incident, seat code, organ type,
specialty, court number); short forms "00123-2019-45-2701", "Exp. N.° 123-2019",
"Exp. 874-2013-52"; Supreme numbers "Casación N.° 2045-2018/Puno", "R.N. N.° 1234-2017-Lima",
"R. N. N° 2031 – 2012\\nUCAYALI", "Casación 412-2020, Madre de Dios", "...-2019PUNO".
Patterns run on folded text.
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
         rf"\b(?:casacion|cas\.)\s*{NUM_SIGN}(?P<num>\d{{1,5}}){DASH}(?P<year>(?:19|20)\d{{2}})(?!\d{{2}})",
         "casacion", source="domain.md",
         examples=("CASACIÓN N.° 1193-2021/MADRE DE DIOS", "Casación 412-2020, Madre de Dios",
                   "Casación Nro. 12-2019PUNO")),
    Rule("case.recurso_nulidad",
         rf"(?:\br\.?\s?n\.?|\brecurso de nulidad)\s*{NUM_SIGN}(?P<num>\d{{1,5}}){DASH}(?P<year>(?:19|20)\d{{2}})(?!\d{{2}})",
         "recurso_nulidad", source="domain.md",
         examples=("R. N. N° 2031 – 2012", "R.N. N.° 1234-2017-Lima", "RN 55-2016", "Recurso de Nulidad N.° 9-2010"),
         counter_examples=("Resolución N.° 19-2020",)),
))

# Words right before a number that make it someone else's number (folded).
NOT_THIS_CASE = re.compile(
    r"(?:resolucion|fojas|folios?|informe|oficio|atestado|dictamen|dni|carpeta|acta|placa|guia|"
    r"sentencia de vista|sentencia|ley|decreto|procedencia|origen|cuaderno|registro|partida)"
    r"[^\n]{0,12}$")

# Words before the number that say it is a lower court's or another file's (folded)
LOWER_COURT_CUES = re.compile(r"(?:expediente de origen|exp\. de origen|procedencia|juzgado de origen)\W*$")
