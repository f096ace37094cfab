"""Citations of binding precedent, normalised like the wild truth files.

Source: domain.md ("Acuerdo Plenario N.° 3-2011/CJ-116", "Exp. N.° 00728-2008-PHC/TC",
Casación and R.N. numbers); the normal forms of shared/corpus/wild/*.truth.json:
``acuerdo_plenario 3-2011/CJ-116``, ``casacion 904-2019``, ``recurso_nulidad 2204-2018``,
``tribunal_constitucional 04295-2019-PHC/TC``. Patterns run on folded text.
"""

from __future__ import annotations

from extractors.legal.patterns import Rule, validate
from extractors.legal.patterns.case_numbers import DASH, NUM_SIGN

CITATIONS = validate((
    # also abbreviated "A.P. N.° 2-2005/CJ-116" (the pleno's body after the number tells it)
    Rule("cite.acuerdo_plenario",
         rf"(?:\bacuerdos?\s+plenarios?(?:\s+extraordinarios?)?|\ba\.\s?p\.|\bap\b)\s*{NUM_SIGN}(?P<num>\d{{1,2}}){DASH}(?P<year>(?:19|20)\d ?\d)"
         r"\s*/\s*(?P<body>[a-z][a-z1|]{1,3})\s*-\s*(?P<code>\d{2,3})", "acuerdo_plenario",
         source="domain.md; the plenos' bodies: CJ-116 / CIJ-116 (Salas Penales), ESV-22 (ejecutorias "
                "supremas vinculantes, 2006)",
         examples=("Acuerdo Plenario N.° 3-2011/CJ-116", "Acuerdo Plenario Extraordinario N.° 2-2016/CIJ-116",
                   "Acuerdo Plenario N.° 3-201 1/CJ-116", "Acuerdo Plenario N.° 1-2006/ESV-22",
                   "los Acuerdos Plenarios N.° 2-2005/CJ-116 y N.° 1-2011/CJ-116",
                   "Acuerdo Plenario Extraordinario N.° 2-2016/C1J-116",  # OCR: 1 for I
                   "A.P. N.° 2-2005/CJ-116", "AP 1-2011/CJ-116")),
    Rule("cite.sentencia_plenaria",
         rf"\bsentencias?\s+plenarias?(?:\s+casatorias?)?\s*{NUM_SIGN}(?P<num>\d{{1,2}}){DASH}(?P<year>(?:19|20)\d ?\d)"
         r"\s*/\s*(?P<body>[a-z][a-z1|]{1,3})\s*-\s*(?P<code>\d{2,3})", "sentencia_plenaria",
         source="NCPP art. 433.4 (the Salas Penales' plenary casación: CIJ-433)",
         examples=("Sentencia Plenaria Casatoria N.° 1-2017/CIJ-433", "Sentencia Plenaria N.° 1-2018/CIJ-433")),
    Rule("cite.tribunal_constitucional",
         rf"\b(?:exp(?:ediente)?\.?|stc)\s*{NUM_SIGN}(?P<num>\d{{1,5}}){DASH}(?P<year>(?:19|20)\d ?\d)"
         r"\s*-\s*(?P<type>phc|pa|hc|aa|ai|hd|pc|cc|pi|q)\s*/\s*tc\b", "tribunal_constitucional",
         source="domain.md", examples=("Exp. N.° 04295-2019-PHC/TC", "STC 00728-2008-PHC/TC")),
    Rule("cite.casacion",
         rf"\b(?:casacion(?:es)?|cas\.)\s*{NUM_SIGN}(?P<num>\d{{1,6}}){DASH}(?P<year>(?:19|20)\d ?\d)(?!\d{{2}})",
         "casacion", source="domain.md", examples=("Casación N.° 904-2019/Puno",)),
    Rule("cite.recurso_nulidad",
         rf"(?:\br\.?\s?n\.?|\brecurso\s+de\s+nulidad)\s*{NUM_SIGN}(?P<num>\d{{1,6}}){DASH}(?P<year>(?:19|20)\d ?\d)(?!\d{{2}})",
         "recurso_nulidad", source="domain.md", examples=("R.N. N.° 2761-2011 Lima",)),
))

# the pleno's body as OCR may read it: "C1J" and "C|J" are "CIJ"
BODY_OCR = str.maketrans({"1": "i", "|": "i"})

# More numbers of the same kind after the first: "los Acuerdos Plenarios N.° 2-2005/CJ-116 y
# N.° 1-2011/CJ-116", "las Casaciones N.° 12-2019 y 45-2020". Matched right after a citation.
CONTINUATION = Rule(
    "cite.list",
    rf"\s*(?:,|;|\by\b|\be\b)\s*(?:(?:el|la|los|las)\s+)?(?P<sign>{NUM_SIGN})(?P<num>\d{{1,5}}){DASH}"
    r"(?P<year>(?:19|20)\d ?\d)(?!\d{2})(?:\s*/\s*(?P<body>[a-z][a-z1|]{1,3})\s*-\s*(?P<code>\d{2,3}))?",
    source="plural citations in rulings", examples=(" y N.° 1-2011/CJ-116", ", 45-2020"))
