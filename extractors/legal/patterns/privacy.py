"""Words that present a protected person, so that a full name written beside them is kept
out of the public index (``extractors.legal.privacy``).

Source: domain.md ("Privacy"): minors and victims of trafficking and sexual violence stay
unidentifiable. Courts write them by initials ("la menor de iniciales A.B.C.") or by a
reserve code ("identificada con clave 581-2023", the clave the Ministerio Público gives in
its protection programme), and a ruling that also spells the name out does so right beside
that identifier or right after the word that presents the person: "la menor Noemí Torres
Laura (identificada con clave 581-2023)", "la agraviada de iniciales R.P.Ch. (Roxana Pari
Chanduví)", "el adolescente Luis Quispe Mamani". All rules run on folded text.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import Rule, validate

_ART = r"(?:a\s+la|a\s+los|a\s+las|al|de\s+la|de\s+las|de\s+los|del|la|el|las|los|una|un|su|sus)"
_MINOR_NOUN = (r"(?:menor(?:es)?(?:\s+de\s+edad)?|nin[oa]s?|adolescentes?|infantes?|"
               r"(?:hij[oa]s?|herman[oa]s?|sobrin[oa]s?|niet[oa]s?)\s+menor(?:es)?(?:\s+de\s+edad)?)")
_VICTIM_NOUN = r"(?:agraviad[oa]s?|victimas?|perjudicad[oa]s?|sobreviviente?s?)"
# "A.B.C.", "Y. Ch. C.", "R.P.Ch."
_INITIALS = r"(?:[a-z]{1,2}\.\s*){2,6}"
# "clave 581-2023", "clave N.° 12-2019", "código de reserva 0034-2020"
_CODE = r"(?:clave|codigo(?:\s+de\s+reserva)?)\s*(?:n[°o.º]*\s*)?[\da-z][\w-]*"

# Between the cue and the name: a space or a line break (flowed text), perhaps after a comma
# or a bracket; never a colon (a header's label and the next cell's value).
_SEP = r"[ \t]*[,(]?\s*"

# The person named right after these words is a minor: always protected.
MINOR_BEFORE = validate((
    Rule("privacy.minor_before",
         rf"\b{_ART}\s+{_MINOR_NOUN}(?:\s+{_VICTIM_NOUN})?{_SEP}",
         source="domain.md 'Privacy': minors stay unidentifiable",
         examples=("a favor de la menor ", "el adolescente ", "la menor de edad ", "su hija menor ",
                   "las menores agraviadas "),
         counter_examples=("la pena menor ", "el monto menor ")),
))

# The person named right after these words is a victim: protected when the ruling's victim
# is (a protected crime, or a victim named by initials or a code).
VICTIM_BEFORE = validate((
    Rule("privacy.victim_before", rf"\b{_ART}\s+{_VICTIM_NOUN}{_SEP}",
         source="domain.md 'Privacy'",
         examples=("en agravio de la agraviada ", "la víctima ", "a la agraviada, "),
         counter_examples=("el imputado ",)),
))

# Who represents a protected victim (a minor's mother, father, guardian): named right after
# these words, she shares the child's surnames and so identifies her; kept out when the
# ruling's victim is protected.
REPRESENTATIVE_BEFORE = validate((
    Rule("privacy.representative_before",
         r"\b(?:(?:representad[oa]s?|asistid[oa]s?)\s+(?:legalmente\s+)?por\s+(?:su\s+|la\s+|el\s+)?)?"
         r"(?:madre|padre|progenitor[a]?|tutor[a]?|curador[a]?|abuel[oa]|herman[oa]|ti[oa])"
         rf"(?:\s+(?:biologic[oa]|legal))?"
         # "La madre de la menor, Rosa Huamán Ccapa, denunció": the relative, not the minor
         rf"(?:\s+de\s+{_ART}\s+{_MINOR_NOUN}(?:\s+{_VICTIM_NOUN})?)?{_SEP}",
         source="domain.md 'Privacy': a minor stays unidentifiable, and her parent's name identifies her",
         examples=("representada por su madre ", "representado legalmente por su padre, ",
                   "asistida por su progenitora ", "La madre de la menor, "),
         counter_examples=("representado por la Procuraduría ", "representada por su abogado ")),
))

# one victim, called so right before her name ("La agraviada Carmen Rosa Tello Vílchez relató")
THE_VICTIM = re.compile(r"\b(?:la|el)\s+(?:agraviad[oa]|victima)\s*,?\s*$")

# An identifier (initials or a code) right before the name: "de iniciales A.B.C. (NAME)".
IDENTIFIER_BEFORE = validate((
    Rule("privacy.identifier_before", rf"(?:iniciales\s+{_INITIALS}|{_CODE})[ \t]*[,(\[]\s*",
         source="courts' reserve of identity: initials or a clave, then the name in brackets",
         examples=("la menor de iniciales A.B.C. (", "identificada con clave 581-2023, ",
                   "la agraviada de iniciales Y. Ch. C. ("),
         counter_examples=("de iniciales A.B.C. declaró", "AGRAVIADA : clave 536-2018\n: ")),
))

# An identifier right after the name: "NAME (identificada con clave 581-2023)".
IDENTIFIER_AFTER = validate((
    Rule("privacy.identifier_after",
         r"^\s*[,(\[-]?\s*(?:(?:quien|a\s+quien\s+se\s+le)\s+(?:es\s+|fue\s+|sera\s+)?)?"
         r"(?:(?:identificad[oa]s?|designad[oa]s?|denominad[oa]s?|referid[oa]s?|signad[oa]s?)"
         r"\s+(?:con|como|por|bajo)\s+(?:la\s+|el\s+|las\s+|los\s+)?(?:clave|codigo|iniciales|siglas|nombre\s+clave)"
         rf"|(?:con|de|bajo)\s+(?:la\s+|las\s+)?(?:iniciales|clave|codigo\s+de\s+reserva)\b|{_CODE}\b)",
         source="courts' reserve of identity: the name, then its initials or clave",
         examples=(" (identificada con clave 581-2023)", ", identificado con las iniciales L.Q.M.,",
                   " (de iniciales N.T.L.)", " (clave 12-2019)"),
         counter_examples=(", identificado con DNI N.° 40123456", " (45 años)")),
))
