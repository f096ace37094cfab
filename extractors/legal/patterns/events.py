"""Procedural milestones and the words that date them.

Source: domain.md ("What monitors measure": hechos → denuncia → formalización →
acusación → auto de enjuiciamiento → sentencia → apelación → casación; old code: denuncia
→ apertura de instrucción → acusación → sentencia → recurso de nulidad) and the wild truth
conventions (apelación and casación dated by their filing; hearings, incoación and
prisión preventiva are not milestones). A date takes the kind of the nearest cue in its
sentence; a "none" cue nearer than any milestone cue means the date is not a milestone.
Patterns run on folded text.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import Rule, validate

CUES = validate((
    Rule("event.sentencia_vista", r"\bsentencia\s+de\s+vista\b", "sentencia_vista", source="domain.md",
         examples=("por sentencia de vista de veintiséis de abril",)),
    Rule("event.casacion", r"\brecurso\s+de\s+casacion\b", "casacion", source="domain.md",
         examples=("interpuso recurso de casación",)),
    Rule("event.recurso_nulidad", r"\brecurso\s+de\s+nulidad\b", "recurso_nulidad", source="domain.md",
         examples=("interpuso recurso de nulidad",)),
    Rule("event.apelacion", r"\b(?:recursos?\s+de\s+)?apelacion\b|\bapelad[oa]s?\b", "apelacion",
         source="domain.md", examples=("interpuso recurso de apelación el 8 de julio",)),
    Rule("event.auto_enjuiciamiento", r"\bauto\s+(?:superior\s+)?de\s+enjuiciamiento\b", "auto_enjuiciamiento",
         source="domain.md", examples=("dictó auto de enjuiciamiento el",)),
    Rule("event.acusacion", r"\brequerimiento\s+acusatorio\b|\bformul\w*\s+(?:la\s+)?acusacion\b|"
         r"\bdictamen\s+acusatorio\b|\bacusacion\s+(?:fiscal\s+)?(?:escrita\s+)?de\s+fecha\b",
         "acusacion", source="domain.md", examples=("formuló acusación el",)),
    Rule("event.formalizacion", r"\bformaliz\w*\s+(?:y\s+continu\w+\s+)?(?:la\s+)?investigacion\b|"
         r"\binvestigacion\s+preparatoria\s+se\s+formaliz\w*|\bformalizacion\s+de\s+(?:la\s+)?investigacion\b|"
         r"\bse\s+formalizo\b", "formalizacion", source="domain.md",
         examples=("formalizó la investigación preparatoria", "se formalizó y continuó la investigación")),
    Rule("event.apertura", r"\babri\w*\s+instruccion\b|\bapertura\s+de\s+instruccion\b", "apertura_instruccion",
         source="domain.md", examples=("abrió instrucción en la vía ordinaria",)),
    Rule("event.denuncia", r"\bdenuncia\b", "denuncia", source="domain.md",
         examples=("formalizó denuncia penal el",)),
    Rule("event.sentencia_primera", r"\bsentencia\s+(?:condenatoria|absolutoria|de\s+primera\s+instancia)\b|"
         r"\bpor\s+sentencia\s+de\b|\bexpidio\s+la\s+sentencia\b|\bemitio\s+sentencia\b|\bsentencia\s+de\s+fojas\b"
         r"|\bsentencia\s+contenida\b|\bsentencia\s+de\s+primera\b",
         "sentencia_primera", source="domain.md", examples=("emitió sentencia condenatoria el",)),
    Rule("event.hechos", r"\bintervin\w+|\brescat\w+|\bcapt[oa]\w*|\bocurri\w+|\bhechos\b|"
         r"\babord\w+|\bamenaz\w+|\bagredi\w+|\barrebat\w+|\bsustraj\w+|\bexigi\w+|\bingreso\b|"
         r"\bretuv\w+|\bdispuso\s+(?:el|un)\s+pago\b|\bfallecio\b|"
         r"\bintercept\w+|\btraslad\w+|\bllego\b|\bhuyo\b|\bse\s+encontr\w+|\bofrecio\b",
         "hechos", source="facts charged", examples=("intervino el camión",)),
    # dates that are not milestones
    Rule("event.none", r"\baudiencia\b|\bsesion(?:es)?\b|\bincoacion\b|\bprision\s+preventiva\b|\bnacid[oa]\b|"
         r"\bdetenid[oa]s?\b|\bdetencion\b|"  # an arrest is an investigative act, not a fact of the crime
         r"\bvencera\b|\bcomputad[oa]\b|\bpublicad[oa]\b|\bcitacion\s+a\s+juicio\b|\bjuicio\s+oral\s+se\b|"
         r"\bcarceleria\b|\bexcarcelad\w+|\bdecomiso\b|\bsobreseimiento\b|\blectura\b|"
         r"\brequerimiento\s+de\s+(?:sobreseimiento|incoacion|prision)\b|\bconcluyeron\b|\bdebates?\b",
         None, source="wild truth conventions", examples=("la audiencia de apelación se llevó a cabo el",)),
))

# a date with no cue in a sentence or section about the facts charged is a fact date
FACTS_CONTEXT = re.compile(r"\bhechos\b|\bsegun\s+la\s+acusacion\b|\bse\s+(?:le\s+|les\s+)?atribuye\b|"
                           r"\bimputacion\b|\bla\s+acusacion\s+fiscal\s+atribuye\b")
AFTER_WEIGHT = 4  # a cue after the date counts only when much nearer than one before it
# "Según la acusación, el 20 de mayo ..." / "Conforme al requerimiento acusatorio, el ...":
# the milestone word only names the source of the facts that follow
ACCORDING_TO = re.compile(r"\b(?:segun|conforme\s+al?|de\s+acuerdo\s+(?:con|a))\s+(?:la\s+|el\s+)?"
                          r"(?:acusacion(?:\s+fiscal)?|requerimiento\s+acusatorio|tesis\s+fiscal|denuncia)\s*,"
                          r"[^.;]{0,20}$")

HECHOS_CUE = next(r for r in CUES if r.value == "hechos")
# milestones that come only after the facts are charged: a "fact" dated on or after the
# first of them is a misread milestone date
LATE_MILESTONES = {"acusacion", "auto_enjuiciamiento", "sentencia_primera", "apelacion", "sentencia_vista",
                   "casacion", "recurso_nulidad"}
# section headings; "facts" marks the one that opens the facts charged
SECTION_HEADING = re.compile(
    r"(?:^|\n)[^\S\n]*(?:[ivx]{1,5}\.?|\d{1,2}\.?|primero|segundo|tercero|cuarto|quinto|§\s*\d)?[^\S\n]*[.:\-–]*[^\S\n]*"
    r"(?:(?P<facts>hechos\s+imputados|hechos\s+materia|de\s+los\s+hechos|imputacion|de\s+los\s+cargos|hechos)"
    r"|itinerario|antecedentes|fundamentos|pretensiones|decision|considerando|analisis|marco)\b[^\n]{0,40}(?:\n|$)")
