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
    Rule("kind.acta_auto", r"acta (?:de )?(?:registro de )?audiencia\b", "auto",
         source="NCPP art. 120-121: the acta records the auto the judge pronounces orally in the hearing",
         examples=("ACTA DE REGISTRO DE AUDIENCIA PÚBLICA DE CONTROL DE LEGALIDAD DE LA DETENCIÓN",
                   "Acta de audiencia de prisión preventiva")),
    Rule("kind.casacion", r"sentencia (?:de casacion|casatoria)", "casacion",
         source="domain.md", examples=("SENTENCIA DE CASACIÓN",)),
    # the NCPP calls it "sentencia de segunda instancia" (art. 425); many Salas title it "de apelación"
    Rule("kind.vista", r"sentencia de vista|sentencia de segunda instancia|sentencia de apelacion", "sentencia_vista",
         source="domain.md; NCPP art. 425", examples=("SENTENCIA DE VISTA N.° 41-2022", "SENTENCIA DE APELACIÓN N.° 12-2023")),
    Rule("kind.recurso_nulidad", r"ejecutoria suprema|recurso de nulidad\s+n", "recurso_nulidad",
         source="domain.md", examples=("EJECUTORIA SUPREMA",)),
    Rule("kind.sentencia", r"sentencia(?:\s+(?:condenatoria|absolutoria|conformada|anticipada))?(?!\s+(?:de|del|contenida))\b",
         "sentencia", source="domain.md", examples=("SENTENCIA CONDENATORIA", "SENTENCIA N.° 032-2022"),
         counter_examples=("SENTENCIA DE VISTA",)),
))

# case-number kind -> document kind: the Corte Suprema's rulings are named by their number,
# its autos too (an auto de calificación of a casación is a casación document; a queja is a
# queja whether the Sala grants or rejects it). Its appeals ("APELACIÓN N.° 437-2025") are
# autos unless the title says they are a sentencia.
BY_CASE_KIND = {"casacion": "casacion", "recurso_nulidad": "recurso_nulidad", "queja": "queja"}
DEFAULT_OF_CASE_KIND = {"apelacion": "auto", "competencia": "auto", "extradicion": "auto"}

# Without a title: what the decision is about (header "Materia:", the VISTOS sentence). An
# appeal against an auto, or a decision on a request (requerimiento, pedido, solicitud,
# excepción, cese, prolongación) is an auto; an appeal against a sentencia, a sentencia de vista.
SUBJECT = validate((
    Rule("kind.subject_auto",
         r"\b(?:apelacion\s+de\s+auto|auto\s+de\s+vista|(?:recursos?\s+de\s+)?apelacion(?:es)?\s+"
         r"(?:interpuest[oa]s?\s+)?(?:[^.;]{0,120}?)\bcontra\s+(?:el\s+auto|la\s+resolucion\s+(?:n\W{0,3}\s*\d+\W{0,3}\s*)?"
         r"(?:[^.;]{0,80}?)\bque\s+declaro\s+(?:fundad|infundad|improcedent|procedent)\w*\s+(?:el|la|los|las)\s+"
         r"(?:requerimiento|pedido|solicitud|excepcion|cese|prolongacion|pedidos|solicitudes|requerimientos)))",
         "auto", source="NCPP arts. 123 (autos), 278 (apelación de autos de prisión preventiva)",
         examples=("Materia : Apelación de auto – cese de prisión preventiva",
                   "los recursos de apelación interpuestos por las defensas contra la Resolución N.° 4, "
                   "que declaró IMPROCEDENTES los pedidos de cese")),
    # a first-instance decision on a request of the parties (the Juzgado de Investigación
    # Preparatoria decides requerimientos by auto, NCPP arts. 29, 123, 268 ff., 274, 283, 344 ff.)
    Rule("kind.subject_requerimiento",
         r"\b(?:autos\s+y\s+)?vistos?\s*[:;,.-]*\s*(?:y\s+oidos\s*[:;,.-]*\s*)?(?:en\s+audiencia[^:;]{0,60}?[:;,]\s*)?"
         r"(?:el|los|la|las)\s+(?:requerimientos?|pedidos?|solicitud(?:es)?|excepci(?:on|ones)|incidentes?)\b",
         "auto", source="NCPP art. 123 (requests are decided by auto)",
         examples=("AUTOS Y VISTOS: el requerimiento de prolongación de prisión preventiva",
                   "VISTOS y OÍDOS: en audiencia pública, el pedido de cese de prisión preventiva"),
         counter_examples=("VISTOS: el recurso de apelación interpuesto por el sentenciado",)),
    Rule("kind.subject_sentencia_vista", r"\bapelacion\s+de\s+sentencia\b", "sentencia_vista",
         source="NCPP art. 421 ff.", examples=("audiencia pública de apelación de sentencia",)),
))

# the operative part of an auto: it grants or rejects a request (NCPP art. 123)
DECIDES_REQUEST = validate((
    Rule("kind.decides_request",
         r"\bdeclar(?:ar|o|aron|ando)\s+(?:fundad|infundad|improcedent|procedent)\w*\s+(?:en\s+parte\s+)?"
         r"(?:el|la|los|las)\s+(?:requerimientos?|pedidos?|solicitud(?:es)?|excepci(?:on|ones)|oposici(?:on|ones))\b",
         "auto", source="NCPP art. 123",
         examples=("SE RESUELVE: Declarar FUNDADO el requerimiento de prolongación de prisión preventiva",),
         counter_examples=("declararon FUNDADO el recurso de casación",)),
))
