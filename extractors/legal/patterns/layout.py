"""Layout vocabulary: page furniture, section markers and header labels.

Source: domain.md ("How a ruling usually reads", "What rulings look like in the wild") and
the wild development corpus (shared/corpus/wild). Patterns run on folded text.
"""

from __future__ import annotations

import re

from extractors.legal.patterns import Rule, validate
from extractors.legal.patterns.numbers import ORDINALS

# The Poder Judicial's digital-signature stamp (ReFirma / Firma Perú), printed in the margin
# of every signed page and flowed into the text by PDF extraction, often in the middle of a
# sentence: "Firmado digitalmente por: CARDENAS VILLANUEVA Julio Ernesto FAU 20159981216 soft
# Fecha: 11/06/2025 16:02:18,Razón: RESOLUCIÓN JUDICIAL,D.Judicial: CORTE SUPREMA /
# LIMA,FIRMA DIGITAL"; the court staff's variant "Secretaria de Sala: ALVA ROMERO Lucía
# Beatriz /Servicio Digital - Poder Judicial del Perú Fecha: …". The whole stamp is removed
# from the text extractors read (so the sentence it splits is whole again); the signer's name
# (group ``name``) and office (group ``cargo``) stay available through ``View.stamps``.
_STAMP_LINE = r"(?:[^\n]|\n(?![ \t]*\n))"  # any character, a single line break included
SIGNATURE_STAMP = Rule(
    "page.signature_stamp",
    rf"(?:firmado\s+digitalmente\s+por:?\s+(?P<name>{_STAMP_LINE}{{2,90}}?)\s+(?:fau\s+\d{{11}}(?:\s+(?:soft|hard))?|soft)\b"
    rf"|(?P<cargo>(?:secretari[oa]|relator[a]?|especialista|asistente)[a-z ]{{0,30}}):\s+(?P<staff>{_STAMP_LINE}{{2,90}}?)"
    r"\s*/\s*servicio\s+digital\s*-?\s*poder\s+judicial\s+del\s+peru)"
    r"(?:[\s,|-]*fecha:?\s*\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:[\s,]*razon:?\s*resolucion\s+judicial)?"
    r"(?:[\s,]*d\.\s?judicial:?\s*[^,\n]{0,80})?"
    r"(?:[\s,]*firma\s+digital\b)?",
    source="Poder Judicial digital-signature stamps (wild w06, wild2 w01)",
    examples=("Firmado digitalmente por ROJAS TUESTA Nilo FAU 20159981216 soft - Fecha: 30/03/2014 12:59:57",
              "Firmado digitalmente por:\nCARDENAS VILLANUEVA Julio\nErnesto FAU 20159981216 soft\n"
              "Fecha: 11/06/2025 16:02:18,Razón:\nRESOLUCIÓN JUDICIAL,D.Judicial:\nCORTE SUPREMA / LIMA,FIRMA DIGITAL",
              "Secretaria de Sala: ALVA ROMERO\nLucía Beatriz /Servicio Digital -\nPoder Judicial del Perú\n"
              "Fecha: 13/06/2025 09:02:47,Razón:\nRESOLUCIÓN JUDICIAL"),
    counter_examples=("firmado por el juez",))

# --- page markers: page numbers printed by the court or the PDF; removed before matching ---
PAGE_MARKERS = validate((
    Rule("page.pagina_de", r"pagina\s+\d{1,3}\s+de\s+\d{1,3}", source="court PDFs",
         examples=("Página 1 de 5",), counter_examples=("página web",)),
    Rule("page.pag", r"(?<![a-z])pag\.\s*\d{1,3}(?:\s*/\s*\d{1,3})?(?![\d/])", source="court PDFs",
         examples=("Pág. 1", "Pág. 2/3")),
    Rule("page.dashes", r"(?m)^[ \t]*-\s*\d{1,3}\s*-[ \t]*$", source="court PDFs",
         examples=("- 1 -",), counter_examples=("- 1 - y otros",)),
    SIGNATURE_STAMP,
    Rule("page.en_dashes", r"(?m)^[ \t]*[–—]\s*\d{1,3}\s*[–—][ \t]*$", source="court PDFs (en dashes)",
         examples=("– 3 –", "— 12 —"), counter_examples=("– 3 – y otros",)),
))

# --- page furniture lines of publishers and document sites (whole lines) ---
FURNITURE_LINES = validate((
    Rule("furn.lea_tambien", r"^(?:lea|vea|lee|ver) tambien\b", source="news sites",
         examples=("Lea también: Suprema precisa ... [Casación 2087-2019/Ucayali]",)),
    Rule("furn.published", r"^(?:publicado|fecha de publicacion)\b|\bpublicado el \d", source="news sites",
         examples=("Publicado: 9 de setiembre de 2013 | Lecturas: 1 077",)),
    Rule("furn.byline",
         # "Por estos fundamentos: |. Declararon …" (OCR's "|" for the roman I) opens a decision
         r"^(?:por(?!\s+(?:estos|estas|tales|las?\s+(?:consideraciones|razones)|los\s+fundamentos|lo\s+expuesto)\b)"
         r"|redaccion)\b.{0,60}[|·•]", source="news sites",
         examples=("Por: Equipo editorial · 17/03/2022 · Visto 2 139 veces",
                   "Redacción JAD  |  3 de julio de 2023  |  👁 4 812 vistas"),
         counter_examples=("Por estos fundamentos: |. Declararon FUNDADO",)),
    Rule("furn.counter", r"\b(?:vistas|lecturas|visto \d[\d ]* veces|tiempo de lectura)\b",
         source="news sites", examples=("👁 4 812 vistas",)),
    Rule("furn.breadcrumb", r"›|^inicio\s*/", source="news sites",
         examples=("Jurisprudencia al Día  ›  Penal", "Inicio / Jurisprudencia / Lavado de activos")),
    Rule("furn.headline_ref", r"\[(?:casacion|r\.?\s?n\.?|exp\.?|recurso|expediente)[^\]]{3,60}\]\s*$",
         source="news sites: headline ending in a bracketed reference",
         examples=("Suprema absuelve ... [R.N. 2031-2012, Ucayali]",)),
    Rule("furn.ads", r"^(?:publicidad|anuncio|etiquetas|comparte|compartir|comentarios|"
         r"descargue|descarga|vea la resolucion|si te intereso|suscribete|siguenos)\b",
         source="news sites", examples=("PUBLICIDAD", "Etiquetas: trata de personas", "Comentarios (3)")),
    Rule("furn.download", r"^\W*(?:descargue|descarga|vea) ", source="news sites",
         examples=("📄 Descargue aquí la resolución completa en PDF (24 páginas).",)),
    Rule("furn.signature", r"^(?:firmado digitalmente por|fecha:\s*\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}|"
         r"razon:|d\.\s?judicial:|firma digital|motivo:|\d{8,11} soft)",
         source="digital-signature stamps of the Poder Judicial",
         examples=("Firmado digitalmente por ARÉVALO", "Fecha: 24/09/2021 11:52:07", "20159981216 soft")),
    Rule("furn.site", r"^(?:boletin|actualidad penal|jurisprudencia al dia)\b", source="news sites",
         examples=("BOLETÍN PENAL DIGITAL", "ACTUALIDAD PENAL · Jurisprudencia suprema")),
    # the notification the court's system (SINOE) puts before the ruling it serves: a cédula
    # with its addressee, its casilla and the resolution it attaches, dated the day it is sent
    # (Ley 30229, casillas electrónicas; NCPP art. 127). Its lines are no part of the ruling.
    Rule("furn.cedula", r"^(?:cedula de notificacion|cargo de notificacion|destinatario\s*:|"
         r"direccion(?:\s+electronica)?\s*:\s*casilla|casilla electronica\b|se adjunta resolucion\b|"
         r"anexando lo siguiente\b|notificacion electronica\b|sinoe\b)",
         source="SINOE cédulas of the Poder Judicial",
         examples=("CÉDULA DE NOTIFICACIÓN ELECTRÓNICA", "DESTINATARIO      : ABOG. JORGE SALAS",
                   "Se adjunta Resolución CINCO de fecha 12/06/2023 a Fjs: 6", "ANEXANDO LO SIGUIENTE: SENTENCIA"),
         counter_examples=("Notifíquese.",)),
))

# A line that opens the ruling itself (after any publisher furniture).
BODY_START = validate((
    # an organ may open the ruling with its ordinal, of either gender ("PRIMERA SALA PENAL DE
    # APELACIONES DE LIMA", "SEXTO JUZGADO PENAL UNIPERSONAL", "2° JUZGADO")
    Rule("body.court", r"^(?:corte suprema|corte superior|poder judicial|"
         rf"(?:(?:{'|'.join(ORDINALS)})\s+|\d{{1,2}}\s*[°º]?\s*)?(?:sala|juzgado)\b|tribunal constitucional|"
         r"expediente|exp\.|casacion\b|r\.\s?n\.|recurso de nulidad|acuerdo plenario)",
         source="domain.md, header block", examples=("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA",
                                                      "Expediente N.° 01873-2020-41-1903-JR-PE-01",
                                                      "PRIMERA SALA PENAL DE APELACIONES DE LIMA",
                                                      "SEXTO JUZGADO PENAL UNIPERSONAL DE TRUJILLO")),
))

# In text without line breaks: where the ruling's header begins (a court's full name) and
# where trailing publisher furniture begins.
FLOWED_BODY_START = Rule(
    "body.flowed_court", r"(?:corte suprema de justicia|corte superior de justicia|poder judicial del peru)\b",
    source="domain.md, header block; wild w12", examples=("... 9 996 vistas ____ CORTE SUPERIOR DE JUSTICIA DE PUNO",))
FLOWED_TAIL = Rule(
    "furn.flowed_tail", r"\b(?:etiquetas|comparte esta nota|compartir|descargue aqui)\b",
    source="news sites", examples=("... devuélvase. S.S. X Y Etiquetas: trata · Puno",))

# VISTOS / OÍDOS: end of the header block, start of the parties' paragraph.
VISTOS = Rule("section.vistos",
              r"(?:^|(?<=[\s.]))(?:autos\s+y\s+vistos|vistos\s+y\s+oidos|vista\s+y\s+oida|visto\s+y\s+oido|vistos|vista|visto)\s*[:;,]",
              source="domain.md §4", examples=("VISTOS; en audiencia", "VISTA: en audiencia", "VISTO: el recurso",
                                               "VISTA Y OÍDA: en audiencia pública, la causa",
                                               "AUTOS Y VISTOS: Los actuados"),
              counter_examples=("sentencia de vista N.° 41",))

# End of VISTOS: the reasoning starts.
REASONING = Rule("section.considerando",
                 r"(?:^|(?<=\s))(?:considerando|fundamentos\s+de\s+hecho|fundamentos|atendiendo|"
                 r"resulta\s+de\s+autos|antecedentes|i\.\s+[a-z])",
                 source="domain.md §5", examples=("CONSIDERANDO:", "RESULTA DE AUTOS: Que"))

# The operative part: the last one of these in the body opens the decision.
DECISION = validate((
    # (a PDF's text layer wraps the phrase like any other: "Por estos\nfundamentos: declararon")
    Rule("decision.por_estos", r"\bpor\s+(?:estos|estas|tales|los|las|dichos|las\s+citadas)\s+"
         r"(?:fundamentos|consideraciones|razones)", source="domain.md §6",
         examples=("Por estos fundamentos:", "Por estas consideraciones, el Primer Juzgado",
                   "Por estos\nfundamentos: declararon")),
    # on its own line, or with the decision after its colon ("DECISIÓN: CONFIRMARON la sentencia",
    # "FALLO: CONDENANDO a X")
    Rule("decision.heading", r"(?:^|\n)\s*(?:[ivx]+\.\s*|[a-z]+\.\s*)?(?:decision|parte\s+resolutiva|fallo)\s*(?::|(?:\n|$))",
         source="domain.md §6", examples=("\nVI. DECISIÓN\n", "\nPARTE RESOLUTIVA\n", "\nDECISIÓN: CONFIRMARON la sentencia",
                                          "\nFALLO: CONDENANDO a"),
         counter_examples=("\nFallo de la Sala anterior",)),
    # the closing formula of many autos ("Por lo expuesto, SE DECLARA …", "Estando a lo expuesto,
    # DECLARO …"): a later decision cue still wins, as for the others here
    Rule("decision.closing", r"\b(?:por\s+(?:todo\s+)?lo\s+(?:antes\s+)?expuesto|estando\s+a\s+lo\s+(?:antes\s+)?expuesto|"
         r"en\s+merito\s+a\s+lo\s+expuesto)\b",
         source="how single judges close their autos", examples=("Estando a lo expuesto, SE DECLARA", "Por lo expuesto, DECLARO")),
    # a single judge speaks in the first person ("RESUELVO:", "DECIDO:"), a Sala in the plural
    Rule("decision.verb", r"\b(?:resuelve|resuelven|resuelvo|resolvemos|falla|fallamos|resolvieron|declararon|decido|"
         r"decide|deciden)\s*:",
         source="domain.md §6", examples=("RESUELVE:", "FALLA:", "Por lo expuesto, RESUELVO:", "DECIDO:")),
))

# A judge's separate vote after the decision (LOPJ arts. 141-144; NCPP arts. 393.2, 425.1): a
# dissent ("VOTO EN DISCORDIA", "VOTO SINGULAR", "VOTO EN MINORÍA") or reasons of one's own
# ("FUNDAMENTO DE VOTO", "VOTO CONCURRENTE"). Its own "Por estos fundamentos, MI VOTO es …"
# is not the court's decision, which stands before it. (A "voto dirimente" settles a
# discordia and is the majority's: not here.)
SEPARATE_VOTE = Rule("section.separate_vote",
                     r"(?:^|\n)[^\S\n]*(?:(?:el\s+)?voto\s+(?:en\s+discordia|singular|en\s+minoria|concurrente|razonado|"
                     r"particular|aclaratorio|discrepante)|fundamentos?\s+de(?:l)?\s+voto)\b",
                     source="LOPJ arts. 141-144; NCPP arts. 393.2, 425.1",
                     examples=("\nVOTO EN DISCORDIA DEL JUEZ SUPERIOR VÁSQUEZ ARANA", "\nVOTO SINGULAR DEL SEÑOR JUEZ",
                               "\nFUNDAMENTO DE VOTO DEL JUEZ SUPREMO"),
                     counter_examples=("\nVOTO DIRIMENTE DEL JUEZ", "por mayoría, con el voto en discordia del juez"))

SUMILLA = Rule("section.sumilla",
               # a footnote mark glued to it, as OCR may read it: "SUMILLA1", "SUMILLAL1", "SUMILLA*"
               r"\bsumilla(?:[l|i]?\d{1,2}|[*¹²³])?\s*[:.]", source="domain.md §1 (Supreme rulings)",
               examples=("SUMILLA1. Errónea interpretación", "Sumilla: Lavado de activos", "SUMILLAL1. Errónea"))

FUNDAMENTO_DESTACADO = Rule("section.destacado", r"^fundamento destacado", source="news sites",
                            examples=("Fundamento destacado: Décimo.",))

ANY_FURNITURE = re.compile("|".join(f"(?:{r.pattern})" for r in FURNITURE_LINES))
