"""How a ruling recites the lower decisions under review (``extractors.legal.lower``).

Source: domain.md ("the opening paragraph recites the dates of the lower rulings"; Supreme
rulings "pack appellant, lower ruling, court, defendant, crime and victim into one long
VISTOS sentence") and the wild corpus (w01-w06). Patterns run on folded text.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import Rule

LOWER_SENTENCE = Rule(
    "lower.sentencia",
    r"\bsentencia(?P<vista>\s+de\s+vista)?\b(?!\s+(?:de\s+casacion|casatoria|de\s+segunda))"
    r"(?!\s+(?:impugnada|recurrida)\s+(?:valoro|incurre|omitio))",
    source="domain.md; wild w01 ('contra la sentencia de vista de fojas ..., de veintiséis de abril ...')",
    examples=("contra la sentencia de vista de fojas cuatrocientos doce, de veintiséis de abril",
              "contra la sentencia contenida en la Resolución N.° 11, de fecha treinta de junio"),
    counter_examples=("SENTENCIA DE CASACIÓN",))

# between "sentencia" and the date: the date is not the sentencia's own
NOT_ISSUED = re.compile(r"\b(?:lectura|se\s+(?:realizara|leera|programo)|audiencia|notific\w+|consentid\w+)\b")

# "los sentenciados apelaron la sentencia el 20 de diciembre": "el" dates an act on the
# sentencia; its own date is written "de", "del", "de fecha"
ACT_DATED = re.compile(r"\s*,?\s*el(?:\s+dia)?\s*")

ISSUED_BY = re.compile(r"\b(?:expedida|emitida|dictada|pronunciada|proferida)\s+por\s+(?:el|la)\s+")
# the court named right before: "la Sala Penal de Apelaciones de ..., por sentencia de vista de"
BEFORE_BY = re.compile(r",?\s*(?:por|mediante|en)\s+(?:la\s+)?$")

DECIDED = re.compile(
    r"\bque\s+(?:(?:lo|la|los|las|le|les)\s+)?(?P<verb>condeno|absolvio|confirmo|confirmando|revoco|revocando|"
    r"declaro\s+nula|anulo|reservo|aprobo|sobreseyo)\b")
VERB_KIND = {
    "condeno": "condena", "absolvio": "absolucion", "confirmo": "confirma", "confirmando": "confirma",
    "revoco": "revoca", "revocando": "revoca", "declaro nula": "nula", "anulo": "nula",
    "reservo": "reserva_fallo", "aprobo": "terminacion_anticipada_aprobada", "sobreseyo": "sobreseimiento",
}
