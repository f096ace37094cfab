"""Which procedural code a text speaks, and the early-resolution mechanisms.

Source: domain.md ("Which code applies"): casación, investigación preparatoria, juzgado
unipersonal/colegiado and JR-PE numbers speak of the NCPP (D. Leg. 957); recurso de
nulidad, instrucción, auto de procesamiento, juez instructor and proceso sumario speak of
the 1940 Código de Procedimientos Penales. "Sala Penal Liquidadora" alone proves nothing;
a JR-PE number is weak (old-code files carry them too). Early resolution: terminación
anticipada (NCPP art. 468), conclusión anticipada (NCPP art. 372; Ley 28122 under the old
code), principio de oportunidad and acuerdo reparatorio (NCPP art. 2), proceso inmediato.
Weights are votes; patterns run on folded text.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import Rule, validate

CODE_CUES = validate((
    Rule("code.ncpp.casacion", r"\brecursos?\s+de\s+casacion\b|\bsentencia\s+de\s+casacion\b", ("ncpp", 3),
         source="domain.md", examples=("recurso de casación",)),
    Rule("code.ncpp.ip", r"\binvestigacion\s+preparatoria\b", ("ncpp", 2), source="domain.md",
         examples=("formalizó la investigación preparatoria",)),
    Rule("code.ncpp.juzgado", r"\bjuzgado\s+penal\s+(?:unipersonal|colegiado)\b", ("ncpp", 2),
         source="domain.md", examples=("Juzgado Penal Colegiado",)),
    Rule("code.ncpp.cpp", r"\bcodigo\s+procesal\s+penal\b|\bncpp\b|\bdecreto\s+legislativo\s+(?:n\W{0,3}\s*)?957\b",
         ("ncpp", 1), source="domain.md", examples=("artículo 425 del Código Procesal Penal",)),
    Rule("code.ncpp.acusatorio", r"\brequerimiento\s+acusatorio\b|\baudiencia\s+de\s+control\b|"
         r"\bproceso\s+inmediato\b|\bjuicio\s+inmediato\b", ("ncpp", 1),
         source="NCPP vocabulary", examples=("requerimiento acusatorio",)),
    Rule("code.ncpp.number", r"-jr-pe-", ("ncpp", 0.5), source="domain.md (weak)",
         examples=("00347-2019-28-2111-JR-PE-01",)),
    Rule("code.1940.rn", r"\brecursos?\s+de\s+nulidad\b|\bno\s+haber\s+nulidad\b|\bhaber\s+nulidad\b",
         ("cdepp1940", 3), source="domain.md", examples=("recurso de nulidad",)),
    Rule("code.1940.instruccion", r"\b(?:abrio|apertura\s+de|auto\s+de\s+apertura\s+de)\s+instruccion\b|"
         r"\binstructiva\b|\bjuez\s+instructor\b|\bauto\s+de\s+procesamiento\b|\bproceso\s+sumario\b|"
         r"\bauto\s+superior\s+de\s+enjuiciamiento\b|\bvia\s+ordinaria\b", ("cdepp1940", 3),
         source="domain.md", examples=("abrió instrucción en la vía ordinaria",)),
    Rule("code.1940.cpp", r"\bcodigo\s+de\s+procedimientos\s+penales\b|\bley\s+(?:n\W{0,3}\s*)?28122\b",
         ("cdepp1940", 2), source="domain.md", examples=("artículo 284 del Código de Procedimientos Penales",)),
))

# Early resolution used in *this* case. A mechanism the text only announces ("formulará
# requerimiento de incoación de proceso inmediato"), rules out ("no permitían acudir al
# proceso inmediato") or discusses in general is not used: see NOT_USED_BEFORE.
EARLY = validate((
    Rule("early.ta", r"\b(?:aprob\w+|acuerdo\s+de|proceso\s+(?:especial\s+)?de|acogi\w+\s+a\s+la)\s+terminacion\s+anticipada",
         "terminacion_anticipada", source="NCPP art. 468",
         examples=("AUTO QUE APRUEBA ACUERDO DE TERMINACIÓN ANTICIPADA",),
         counter_examples=("se resolvió mediante terminación anticipada en el cuaderno respectivo",)),
    Rule("early.conclusion", r"\b(?:acogi\w+|acoge\w*|sometio|sometiendose)\s+a\s+la\s+conclusion\s+anticipada|"
         r"\bconclusion\s+anticipada\s+(?:del\s+(?:debate|juicio)\s+)?respecto\s+de\b|"
         r"\b(?:aprob\w+|declar\w+|dispon\w+)\s+(?:la\s+)?conclusion\s+anticipada\b|\bsentencia\s+conformada\b",
         "conclusion_anticipada", source="NCPP art. 372; Ley 28122; AP 5-2008/CJ-116",
         examples=("acogiéndose a la conclusión anticipada del debate",
                   "APROBAR la conclusión anticipada del juicio oral y CONDENAR", "SENTENCIA CONFORMADA")),
    Rule("early.inmediato", r"\bproceso\s*:\s*inmediato\b|\bjuicio\s+inmediato\b|"
         r"\b(?:fundad\w+|aprob\w+|admiti\w+|incoo|se\s+incoo|dict\w+|requirio|solicito|formulo)\s+(?:el\s+|la\s+)?(?:requerimiento\s+de\s+)?"
         r"(?:incoacion\s+(?:del?\s+)?)?(?:proceso\s+inmediato)|\b(?:en\s+)?(?:via|tramite)\s+de(?:l)?\s+proceso\s+inmediato\b"
         r"|^\W*proceso\s+inmediato\b",
         "proceso_inmediato", source="NCPP art. 446 (D. Leg. 1194)",
         examples=("Proceso : Inmediato (flagrancia)", "En audiencia de juicio inmediato, el proceso seguido",
                   "El Ministerio Público requirió la incoación del proceso inmediato el veintitrés",
                   "Proceso inmediato – Omisión de asistencia familiar"),
         counter_examples=("no permitían acudir al proceso inmediato",)),
    Rule("early.oportunidad", r"\b(?:aplic\w+|abstenerse\s+por)\s+(?:del?\s+|el\s+)?principio\s+de\s+oportunidad",
         "principio_oportunidad", source="NCPP art. 2", examples=("aplicación del principio de oportunidad",)),
    Rule("early.reparatorio", r"\bacuerdo\s+reparatorio\b", "acuerdo_reparatorio", source="NCPP art. 2",
         examples=("acuerdo reparatorio",)),
))

# Before a mention, within its sentence: the mechanism is announced, denied or hypothetical
NOT_USED_BEFORE = re.compile(
    r"\b(?:no|ni|sin|formulara|solicitara|requerira|incoara|podra|podria|podrian|permitiria|debio|"
    r"de\s+ser\s+el\s+caso|a\s+fin\s+de)\b[^.;:]{0,80}$")

# A terminación anticipada is used only when the judge approves the deal (NCPP art. 468.4-5):
# a decision that leaves a disapproval standing ("CONFIRMAR la resolución que DESAPROBÓ el
# acuerdo") means the case goes on by the ordinary way
TA_DISAPPROVED = re.compile(r"\bdesaprob\w*")
TA_APPROVED = re.compile(r"\baprob(?:ar|ando|o|aron|amos)\b")

# A Supreme number is a legal fact about the code: the recurso de casación and the appeal
# to the Corte Suprema exist only under the NCPP (arts. 427 ff., 415 ff.); the recurso de
# nulidad only under the 1940 code (art. 292 C. de P. P.). A queja exists in both.
CODE_OF_CASE_KIND = {"casacion": "ncpp", "apelacion": "ncpp", "recurso_nulidad": "cdepp1940"}
