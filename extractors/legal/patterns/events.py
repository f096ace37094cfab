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
    Rule("event.casacion", r"\brecursos?\s+de\s+casacion\b", "casacion", source="domain.md",
         examples=("interpuso recurso de casación", "Los recursos de casación se interpusieron el 2 de agosto")),
    Rule("event.recurso_nulidad", r"\brecursos?\s+de\s+nulidad\b", "recurso_nulidad", source="domain.md",
         examples=("interpuso recurso de nulidad",)),
    # "El recurso se interpuso el 20 de julio de 2022": the recurso this ruling decides, named
    # without its kind; its kind is the ruling's (OWN_RECURSO)
    Rule("event.own_recurso", r"\b(?:el|este|dicho|el\s+presente)\s+recurso\s+(?:se\s+|fue\s+|ha\s+sido\s+)?"
         r"(?:interpus\w+|interpuesto|present\w+|formul\w+)\b|\binterpus\w+\s+(?:el\s+)?(?:presente\s+)?recurso\b(?!\s+de\b)",
         "recurso", source="how a ruling tells the recurso it decides",
         examples=("El recurso se interpuso el 20 de julio", "el sentenciado interpuso el presente recurso el"),
         counter_examples=("interpuso recurso de apelación",)),
    Rule("event.apelacion", r"\bapel(?:o|aron)\s+(?:oralmente\s+|de\s+forma\s+oral\s+|en\s+forma\s+oral\s+)?"
         r"en\s+(?:la\s+)?(?:misma\s+)?audiencia(?:\s+de\s+\w+){0,3}(?:\s+(?:del?|de\s+fecha))?|"
         r"\b(?:recursos?\s+de\s+)?apelacion\b|\bapelad[oa]s?\b|\bapel(?:o|aron)\b",
         "apelacion", source="domain.md; the verb as rulings recite it ('los encausados apelaron el …'); "
                             "NCPP art. 405.2 (an appeal filed orally in the hearing where the auto is read)",
         examples=("interpuso recurso de apelación el 8 de julio", "Ambos apelaron el 28 de junio de 2018",
                   "que apeló oralmente en la misma audiencia del diecinueve de agosto")),
    Rule("event.auto_enjuiciamiento", r"\bauto\s+(?:superior\s+)?de\s+enjuiciamiento\b|"
         r"\baudiencia\s+unica\s+de\s+juicio\s+inmediato\b", "auto_enjuiciamiento",
         source="domain.md; NCPP art. 448.1 (proceso inmediato: the audiencia única de juicio inmediato "
                "controls the acusación and issues the auto de enjuiciamiento)",
         examples=("dictó auto de enjuiciamiento el", "En la audiencia única de juicio inmediato del 2 de octubre")),
    Rule("event.acusacion", r"\brequerimiento\s+(?:fiscal\s+)?(?:acusatorio|de\s+acusacion)\b|\bformul\w*\s+(?:la\s+)?acusacion\b|"
         r"\bdictamen\s+acusatorio\b|\bacusacion\s+(?:fiscal\s+)?(?:escrita\s+)?de\s+fecha\b|"
         r"\bacus(?:o|aron)\b|\b(?:la\s+)?acusacion\s+(?:fiscal\s+)?(?:se\s+(?:presento|formulo|interpuso)|es\s+de|fue\s+presentada)\b|"
         r"\bpresent\w+\s+(?:la\s+)?acusacion\b|"
         # the old code's proceso sumario: the Fiscal Provincial "emitió acusación" (D. Leg. 124 art. 5)
         r"\b(?:emiti|dict|interpus|formaliz)\w*\s+(?:la\s+|su\s+)?acusacion\b",
         "acusacion", source="domain.md; NCPP art. 349 (the acusación is filed: 'se presentó', 'acusó')",
         examples=("formuló acusación el", "El fiscal superior acusó el veintiséis de junio",
                   "la acusación se presentó el 29 de julio de 2022", "el Fiscal Provincial emitió acusación el ")),
    Rule("event.formalizacion", r"\bformaliz\w*\s+(?:y\s+continu\w+\s+)?(?:la\s+)?investigacion\b|"
         r"\binvestigacion\s+preparatoria\s+se\s+formaliz\w*|\bformalizacion\s+de\s+(?:la\s+)?investigacion\b|"
         r"\bse\s+formalizo\b|"
         # the act itself (NCPP art. 336): "según la disposición de formalización del 15 de diciembre"
         r"\bdisposicion\s+(?:fiscal\s+)?(?:n\W{0,3}\s*[\w-]+\s*,?\s*)?de\s+formalizacion\b|"
         # the passive of the procedural history: "la investigación preparatoria fue formalizada el"
         r"\binvestigacion(?:\s+preparatoria)?\s+(?:fue|ha\s+sido|habia\s+sido)\s+formalizada\b",
         "formalizacion", source="domain.md; NCPP art. 336 (the disposición de formalización)",
         examples=("formalizó la investigación preparatoria", "se formalizó y continuó la investigación",
                   "Según la disposición de formalización del 15 de diciembre",
                   "La investigación preparatoria fue formalizada el 20 de abril")),
    Rule("event.apertura", r"\babri\w*\s+instruccion\b|\bapertura\s+de\s+instruccion\b", "apertura_instruccion",
         source="domain.md", examples=("abrió instrucción en la vía ordinaria",)),
    # the verb too ("la agraviada denunció el hecho el 8 de agosto"; "fue denunciado el"), not
    # its participle as an adjective or a noun ("los hechos denunciados", "el denunciado X"); in
    # the private action, the victim's querella, which takes the denuncia's place (NCPP arts.
    # 459-460): its filing, not its admission ("admitida la querella mediante auto del")
    Rule("event.denuncia", r"\bdenuncia\b|\bdenunci(?:o|aron)\b|\b(?:fue|fueron)\s+denunciad[oa]s?\b|"
         r"\bquerella\s+(?:fue\s+|se\s+)?(?:present|interpu|formul|interpus)\w*|"
         r"\b(?:present|interpus|formul)\w*\s+(?:la\s+|su\s+)?querella\b", "denuncia",
         source="domain.md; NCPP art. 459 (the querella)",
         examples=("formalizó denuncia penal el", "La agraviada denunció el hecho el ",
                   "La querella fue presentada el 28 de junio", "el querellante interpuso querella el"),
         counter_examples=("los hechos denunciados ocurrieron el", "admitida la querella mediante auto del")),
    Rule("event.sentencia_primera", r"\bsentencia\s+(?:condenatoria|absolutoria|de\s+primera\s+instancia)\b|"
         r"\bpor\s+sentencia\s+del?\b|\bexpidio\s+la\s+sentencia\b|\bemitio\s+sentencia\b|\bsentencia\s+de\s+fojas\b"
         r"|\bsentencia\s+(?:n\W{0,4}\s*\d[\d-]*(?:-\w+)?\s*,?\s*)?contenida\b|\bsentencia\s+de\s+primera\b|\bcontra\s+la\s+sentencia\s+(?:n\W{0,4}\s*\d[\d-]*(?:-\w+)?\s*,?\s*)?(?:de\s+fecha|del)\b"
         r"|\bla\s+de\s+primera\s+instancia\b|\b(?:expidio|emitio|dicto|pronuncio)\s+(?:la\s+)?sentencia\b(?!\s+de\s+vista)|\bcondeno\s+a\s+(?:ambos|los\s+\w+|\w+(?:\s+\w+)?)\s+(?=el\s)",
         "sentencia_primera", source="domain.md",
         # the sentence a recurso de nulidad or an appeal is brought against (a casación's is
         # the "sentencia de vista", which its own cue names)
         examples=("emitió sentencia condenatoria el", "el recurso de nulidad interpuesto contra la sentencia del ",
                   "el recurso de apelación contra la sentencia N.° 44-2022, del ",
                   # how the Salas cite the sentence under appeal: its number, then its resolución
                   "contra la Sentencia N.° 112-2022, contenida en la Resolución N.° 18, de fecha ")),
    Rule("event.hechos", r"\bintervin\w+|\b(?:fue|fueron)\s+intervenid[oa]s?\b|\brescat\w+|\bcapt[oa]\w*|\bocurri\w+|\bhechos\b|"
         r"\babord\w+|\bamenaz\w+|\bagredi\w+|\barrebat\w+|\bsustraj\w+|\bexigi\w+|\bingreso\b|"
         r"\bretuv\w+|\bdispuso\s+(?:el|un)\s+pago\b|\bfallecio\b|"
         r"\bintercept\w+|\btraslad\w+|\bllego\b|\bhuyo\b|\bse\s+encontr\w+|\bofrecio\b",
         "hechos", source="facts charged", examples=("intervino el camión", "los imputados fueron intervenidos")),
    # the facts as the accusation tells them: the conditional of reported facts ("le habría
    # pedido", "habrían recibido") and the acts of the crime that rulings recite most
    Rule("event.hechos_reported", r"\bhabrian?\s+\w+d[oa]s?\b|"
         r"\b(?:entreg|recibi|pidi|exigi)\w*\s+(?:\w+\s+){0,4}(?:soles|dolares|dinero)\b|"
         r"\bse\s+le\s+atribuy\w+\s+que\b",
         "hechos", source="facts charged (reported speech of the accusation)",
         examples=("le habría pedido ocho mil soles", "Barrenechea Ocampo entregó tres mil soles",
                   "Se le atribuyó que el doce de setiembre")),
    # omisión de asistencia familiar (CP art. 149): the crime is the failure to pay once the
    # obligated was required to, so the notification of the requerimiento de pago dates the
    # facts, unlike any other notification (event.none, below, which it must precede)
    Rule("event.hechos_requerimiento_pago",
         r"\bnotificad[oa]s?\b(?=[^.;]{0,200}?\b(?:requiri\w*|requerimiento\s+de|requiriendole)\s+(?:el\s+)?pago\b)",
         "hechos", source="CP art. 149; wild2 w29's convention",
         examples=("El acusado fue notificado en su domicilio real el 9 de mayo de 2023 con la resolución que aprobó "
                   "la liquidación y le requirió el pago",),
         counter_examples=("La querellada fue notificada el 5 de junio de 2021.",)),
    # dates that are not milestones
    Rule("event.none", r"\baudiencia\b|\bsesion(?:es)?\b|\bincoacion\b|\bprision\s+preventiva\b|\bnacid[oa]\b|\bnacio\b|\bnacimiento\b|"
         r"\bdetenid[oa]s?\b|\bdetencion\b|"  # an arrest is an investigative act, not a fact of the crime
         r"\bvenc(?:io|ia|e|era|imiento)\b|"  # a term's expiry: prescripción, prisión preventiva, the penalty
         r"\bcomputad[oa]\b|\bpublicad[oa]\b|\bcitacion\s+a\s+juicio\b|\bjuicio\s+oral\s+se\b|"
         r"\bcarceleria\b|\bexcarcelad\w+|\bdecomiso\b|\bsobreseimiento\b|\blectura\b|"
         # a request other than the accusation: sobreseimiento, incoación, prisión preventiva, its
         # prolongación or cese, terminación anticipada (NCPP arts. 344, 447, 268, 274, 283, 468)
         r"\brequerimiento\s+(?:fiscal\s+)?de\s+(?!acusacion\b|fecha\b)\w+|\bsolicitud\s+de\s+(?!fecha\b)\w+|"
         r"\bacuerdo\s+de\s+terminacion\s+anticipada\b|\b(?:audiencia|acta)\s+de\s+terminacion\b|\bconcluyeron\b|\bdebates?\b|"
         # an agreement of the consensual proceedings signed that day: terminación anticipada,
         # colaboración eficaz, acuerdo reparatorio, principio de oportunidad (NCPP arts. 468,
         # 473, 2): an act of the parties, not a milestone or a fact of the crime
         r"\b(?:suscri|celebr|firm)\w*\s+(?:el|un|dicho|el\s+referido)\s+acuerdo\b|"
         r"\bacuerdo\s+(?:[^\W\d]+\s+){0,6}?(?:fue\s+)?(?:suscrito|celebrado|firmado)\b|"
         # the close of the investigation (NCPP art. 343) or of the instrucción: a stage's end,
         # not one of the milestones monitors measure here
         # (only where it dates the close itself: "concluida la investigación preparatoria el
         # 14 de octubre"; "Concluida la investigación, por requerimiento de [fecha] formuló
         # acusación" dates the accusation)
         r"\b(?:conclu(?:ida|ido|yo|ye|ir)|conclusion\s+de)\s+(?:la\s+|el\s+)?(?:investigacion|instruccion|plazo|etapa)"
         r"(?:\s+(?:preparatoria|formalizada|judicial|intermedia))?\s+(?:el|con\s+fecha|en\s+fecha|el\s+dia)\s*$|"
         # a date that dates an auto or a resolución other than the milestones
         r"\bcontra\s+el\s+auto\b|\bauto\s+de\s+primera\s+instancia\b|\bnotificad[oa]s?\b|"
         # a request granted or refused on that date: the date of an auto ("requerimiento
         # declarado fundado por el Juzgado … el 21 de agosto")
         r"\bdeclarad[oa]s?\s+(?:fundad|infundad|improcedent|procedent|inadmisibl)\w*",
         None, source="wild truth conventions", examples=("la audiencia de apelación se llevó a cabo el",
                                                          "concluida la investigación preparatoria el ",
                                                          "el colaborador suscribieron el acuerdo el",
                                                          "el acuerdo de beneficios y colaboración eficaz fue suscrito el")),
))

# A date that dates a document the ruling cites ("por Resolución N.° 412-2023-MP-FN, de diez
# de marzo", "contra la Resolución N.° 7, de fecha …", "por auto del 5 de febrero", "según el
# acta de vigilancia del …", "declarado bien concedido por ejecutoria suprema del …") is that document's date, not the milestone a cue earlier in the
# sentence names; a milestone cue after the date in its clause still decides ("por auto de
# fecha ocho de noviembre …, abrió instrucción"). Source: how rulings cite resolutions (the
# resolution's number, then "de fecha"/"del" and its date).
DOCUMENT_DATED = re.compile(
    r"\b(?:resolucion(?:\s+(?:n\W{0,3}|numero|nro\.?))?(?:\s*[\w./-]+){0,2}|auto|ejecutoria(?:\s+suprema)?|acta(?:\s+de\s+\w+){0,2}"
    r"|concesorio"  # the auto that grants a recurso ("NULO el concesorio del 2 de agosto")
    # an expert's or an office's paper, with its kind before its number ("Informe Pericial N.° 45-2019 del")
    r"|(?:oficio|informe|dictamen|certificado|protocolo|pericia)(?:\s+(?!n\W{0,3}\s|numero|nro)[a-z]+){0,3}"
    r"(?:\s+(?:n\W{0,3}|numero|nro\.?))?(?:\s*[\w./-]+)?)"
    r"\s*,?\s*(?:de\s+fecha|del?|expedid[oa]\s+el|emitid[oa]\s+el)\s*$")
# A sentence about another proceeding (the civil alimentos file behind an omisión de asistencia
# familiar, a family or civil court's case) dates that proceeding's acts, not this criminal
# case's milestones. Source: domain.md (the organ and specialty codes of an expediente number:
# JP = juzgado de paz letrado, FC = familia, CI = civil, LA = laboral).
OTHER_PROCEEDING = re.compile(r"\d-(?:jp-)?(?:fc|ci|fa|la)-\d|\bjuzgado\s+de\s+paz\s+letrado\b|"
                              r"\bjuzgado\s+(?:civil|de\s+familia|de\s+trabajo|laboral)\b|\bproceso\s+(?:civil\s+)?de\s+alimentos\b")

# "... apelaron el 19 de agosto; la defensa de X lo hizo el 27 de agosto": the clause repeats
# the act of the one before it
SAME_ACT = re.compile(r"\b(?:lo\s+hi(?:zo|cieron)|hi(?:zo|cieron)\s+lo\s+propio|lo\s+propio)\b")

# a date with no cue in a sentence or section about the facts charged is a fact date
FACTS_CONTEXT = re.compile(r"\bhechos\b|\bsegun\s+la\s+acusacion\b|\bse\s+(?:le\s+|les\s+)?atribuy\w+\b|"
                           r"\bse\s+(?:le\s+|les\s+)?imputa\b|\bse\s+imputa\s+a\b|"
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
# An acta de registro de audiencia (NCPP art. 361: the hearing is recorded, and the judge's
# oral resolution is written in it) tells the hearing before its resolution's VISTOS, in
# numbered sections ("I. INICIO", "II. ACREDITACIÓN DE LAS PARTES", "III. DEBATE"): what
# stands before the VISTOS is then not all header, and its dates are read from the first such
# section; a header longer than HEADER_CAP characters (the zone's own cap when there is no
# VISTOS) without one is read from that many characters on.
HEADER_CAP = 1500
ACTA_SECTION = re.compile(r"\n[^\S\n]*[ivx]{1,4}\.[^\S\n]+[a-z]")
# a heading on a line of its own, in capitals, of at most six words ("III. DEBATE",
# "PRIMERO. ANTECEDENTES"): the sentence below it starts after it (raw text). A line of a
# paragraph written in capitals that wraps after a particle ("… POR EL DELITO DE\n") is none.
_CAPS_WORD = r"[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.,:;-]*"
_NOT_LAST = "".join(rf"(?<!\b{w})" for w in ("DE", "DEL", "LA", "LAS", "LOS", "EL", "Y", "E", "A", "EN", "POR", "CON", "AL"))
HEADING_LINE = re.compile(rf"(?m)^[^\S\n]*(?:[IVX]{{1,4}}\.|\d{{1,2}}\.)?[^\S\n]*{_CAPS_WORD}(?:[ ]+{_CAPS_WORD}){{0,5}}"
                          rf"{_NOT_LAST}[^\S\n]*\n")
SECTION_HEADING = re.compile(
    r"(?:^|\n)[^\S\n]*(?:[ivx]{1,5}\.?|\d{1,2}\.?|primero|segundo|tercero|cuarto|quinto|§\s*\d)?[^\S\n]*[.:\-–]*[^\S\n]*"
    r"(?:(?P<facts>hechos\s+imputados|hechos\s+materia|de\s+los\s+hechos|imputacion|de\s+los\s+cargos|hechos)"
    r"|itinerario|antecedentes|fundamentos|pretensiones|decision|considerando|analisis|marco)\b[^\n]{0,40}(?:\n|$)")

# What stands between a cited precedent's number and its date: the seat, then "del", "de
# fecha", "expedida el", "publicado el" ("Casación N.° 626-2013/Moquegua, del 30 de junio de
# 2015"; "Exp. N.° 00728-2008-PHC/TC, del 13 de octubre de 2008"). Source: how rulings cite
# precedent (number, seat, date, fundamento).
PRECEDENT_DATED = re.compile(r"(?:\s*[/,-]?\s*[a-z][a-z ]{0,24}?)?\s*,?\s*(?:\(\s*)?(?:de\s+fecha|del?|expedid[oa]\s+el|"
                             r"emitid[oa]\s+el|publicad[oa]\s+el|de\s+la\s+fecha|vigente\s+desde\s+el|"
                             r"en\s+vigor\s+desde\s+el|que\s+entro\s+en\s+vigencia\s+el)\s*")
# the kind of recurso a ruling decides, by its own kind (event.own_recurso)
OWN_RECURSO = {"casacion": "casacion", "recurso_nulidad": "recurso_nulidad", "sentencia_vista": "apelacion"}

# A law or decree by its number ("Ley N.° 30819", "Decreto Legislativo N.° 1323", "D. Leg.
# 1514", "Decreto Supremo N.° 004-2020-JUS"): a date right after it (PRECEDENT_DATED) is the
# law's, published or in force, never a milestone of the case.
LAW_NUMBER = re.compile(r"\b(?:ley|decreto\s+(?:legislativo|ley|supremo|de\s+urgencia)|d\.\s?(?:leg|l|s|u)\.?|dl|ds)"
                        r"\s*(?:n\W{0,3}|numero|nro\.?)?\s*\d[\d.]*(?:-\d{4})?(?:-[a-z]+)*\b")

# Where a date's clause begins and ends: a date takes the cue of its own clause ("formalizó
# la investigación preparatoria el 12 de mayo de 2016 y formuló acusación el 30 de agosto"),
# and a clause without a cue of its own that only adds a date to the one before ("Apelaron X
# el 30 de setiembre de 2019, la de Y el 1 de octubre de 2019 y la Fiscalía el 2 de octubre")
# shares its kind.
# ("fojas novecientos noventa y uno": the "y" of a number in words joins no clauses)
_NOT_A_NUMBER = r"(?!\d|(?:un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b)"
CLAUSE_START = re.compile(rf"(?:\.\s|;|\n\n|:\s|\s(?:y|e)\s{_NOT_A_NUMBER})")
CLAUSE_END = re.compile(rf"\.\s|;|\n\n|\s(?:y|e)\s{_NOT_A_NUMBER}|\.$")
COORDINATED = re.compile(r"^[^.;:\n]{0,90}$")
