"""Cues of the kind of document, in the order they are tried (most specific first).

Source: domain.md ("The documents": sentencia, sentencia de vista, casación, recurso de
nulidad, autos, acuerdos plenarios). Title cues are looked for in the header block, either
at the start of a line (any case) or in capitals anywhere (text without line breaks).
"""

from __future__ import annotations

from extractors.legal.patterns import Rule, validate

TITLES = validate((
    Rule("kind.acuerdo_plenario", r"acuerdo plenario(?: extraordinario)?\s+n", "acuerdo_plenario",
         source="domain.md", examples=("ACUERDO PLENARIO N.° 3-2011/CJ-116",)),
    Rule("kind.auto", r"auto(?:\s+(?:de|que|superior|final|apelado|de vista)\b)", "auto",
         source="domain.md: autos", examples=("AUTO DE SOBRESEIMIENTO",
                                             "AUTO QUE APRUEBA ACUERDO DE TERMINACIÓN ANTICIPADA"),
         counter_examples=("AUTOS Y VISTOS",)),
    Rule("kind.casacion", r"sentencia (?:de casacion|casatoria)", "casacion",
         source="domain.md", examples=("SENTENCIA DE CASACIÓN",)),
    Rule("kind.vista", r"sentencia de vista|sentencia de segunda instancia", "sentencia_vista",
         source="domain.md", examples=("SENTENCIA DE VISTA N.° 41-2022",)),
    Rule("kind.recurso_nulidad", r"ejecutoria suprema|recurso de nulidad\s+n", "recurso_nulidad",
         source="domain.md", examples=("EJECUTORIA SUPREMA",)),
    Rule("kind.sentencia", r"sentencia(?:\s+(?:condenatoria|absolutoria|conformada|anticipada))?(?!\s+(?:de|del|contenida))\b",
         "sentencia", source="domain.md", examples=("SENTENCIA CONDENATORIA", "SENTENCIA N.° 032-2022"),
         counter_examples=("SENTENCIA DE VISTA",)),
))

# case-number kind -> document kind (Supreme rulings are named by their number)
BY_CASE_KIND = {"casacion": "casacion", "recurso_nulidad": "recurso_nulidad"}
