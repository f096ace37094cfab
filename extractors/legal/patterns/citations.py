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
    Rule("cite.acuerdo_plenario",
         rf"\bacuerdo\s+plenario(?:\s+extraordinario)?\s*{NUM_SIGN}(?P<num>\d{{1,2}}){DASH}(?P<year>(?:19|20)\d ?\d)"
         r"\s*/\s*(?P<body>ci?j)\s*-\s*(?P<code>\d{2,3})", "acuerdo_plenario", source="domain.md",
         examples=("Acuerdo Plenario N.° 3-2011/CJ-116", "Acuerdo Plenario Extraordinario N.° 2-2016/CIJ-116",
                   "Acuerdo Plenario N.° 3-201 1/CJ-116")),
    Rule("cite.tribunal_constitucional",
         rf"\b(?:exp(?:ediente)?\.?|stc)\s*{NUM_SIGN}(?P<num>\d{{1,5}}){DASH}(?P<year>(?:19|20)\d ?\d)"
         r"\s*-\s*(?P<type>phc|pa|hc|aa|ai|hd|pc|cc|pi|q)\s*/\s*tc\b", "tribunal_constitucional",
         source="domain.md", examples=("Exp. N.° 04295-2019-PHC/TC", "STC 00728-2008-PHC/TC")),
    Rule("cite.casacion",
         rf"\b(?:casacion(?:es)?|cas\.)\s*{NUM_SIGN}(?P<num>\d{{1,5}}){DASH}(?P<year>(?:19|20)\d ?\d)(?!\d{{2}})",
         "casacion", source="domain.md", examples=("Casación N.° 904-2019/Puno",)),
    Rule("cite.recurso_nulidad",
         rf"(?:\br\.?\s?n\.?|\brecurso\s+de\s+nulidad)\s*{NUM_SIGN}(?P<num>\d{{1,5}}){DASH}(?P<year>(?:19|20)\d ?\d)(?!\d{{2}})",
         "recurso_nulidad", source="domain.md", examples=("R.N. N.° 2761-2011 Lima",)),
))
