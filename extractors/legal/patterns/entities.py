"""Parties that are not persons: companies, the State and its entities, reserved-identity
codes, fiscal offices. Patterns run on the original text (capitals matter) unless noted.

Sources: Ley General de Sociedades (Ley 26887: S.A., S.A.C., S.A.A., S.R.L.) and the
Decreto Ley 21621 (E.I.R.L.) for legal forms; Ley Orgánica del Ministerio Público (D. Leg.
52) and its offices' names as rulings write them; Ley 27378 and D. S. 003-2010-JUS for the
reserved identity of protected witnesses and victims ("clave", "TR-07"); domain.md.
"""

from __future__ import annotations

import re

_U = "A-ZÁÉÍÓÚÑÜ"
_W = r"[\wÁÉÍÓÚÑÜáéíóúñü.&'’-]"
# legal forms of Peruvian companies, most specific first
LEGAL_FORM = r"(?:S\.\s?A\.\s?C\.|S\.\s?A\.\s?A\.|S\.\s?C\.\s?R\.\s?L\.|S\.\s?R\.\s?L\.|E\.\s?I\.\s?R\.\s?L\.|S\.\s?A\.)"
# "Distribuidora Ferretera El Progreso S.A.C.", "MINERA AURÍFERA LOS CÓNDORES DE PARCOY S.A.C."
# the trade sector belongs to the name when the text writes it in lower case after "empresa":
# "la empresa de transportes El Rápido S.A.C." is "Empresa de Transportes El Rápido S.A.C."
_SECTOR = r"(?:[Ee]mpresa|EMPRESA)\s+(?:de|DE)\s+[a-záéíóúñ]+(?:\s+(?:y|e)\s+[a-záéíóúñ]+)?\s+"
COMPANY = re.compile(
    rf"(?:(?:la|La|LA)\s+)?(?:(?:empresa|EMPRESA)\s+(?!(?:de|DE)\s+[a-záéíóúñ]))?"
    rf"(?P<name>(?:{_SECTOR})?[{_U}0-9]{_W}*+(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:de|del|la|las|los|y|e|en|DE|DEL|LA|LAS|LOS|Y|E|EN|[{_U}0-9]{_W}*+)(?![\w])){{0,10}}?"
    rf"\s+{LEGAL_FORM})(?![\w])")
# "en agravio de la sociedad": the collective victim of the crimes of peligro común
# (Código Penal, Libro II, Título XII: conducción en estado de ebriedad, art. 274)
SOCIEDAD = re.compile(r"(?:la\s+)?sociedad\b(?!\s+(?:anonima|comercial|conyugal|civil|de\b|del\b|en\b))")
# a line may break after a word that cannot end a name ("… EN DELITOS DE\nTRÁFICO ILÍCITO DE DROGAS")
_AFTER_PARTICLE = "(?:" + "|".join(f"(?<=[ ]{w})" for w in ("DE", "DEL", "LA", "LAS", "LOS", "EN", "Y", "E",
                                                             "de", "del", "la", "las", "los", "en", "y", "e")) + ")"
# "El Estado – Municipalidad Distrital de Comas": the entity of the State that was harmed,
# written after a dash; the truth keeps the State alone (wild2 README, "Estado")
STATE_ENTITY = re.compile(
    rf"[ \t]*[–—-][ \t]*[{_U}][\wáéíóúñü]*(?:(?:[ \t]+|{_AFTER_PARTICLE}[ \t]*\n[ \t]*)"
    rf"(?:[{_U}][\wáéíóúñü]*|de|del|la|las|los|y|e|en))*")
# a reserved-identity code: "TR-07", "TR-11", "CE-245" (after "clave(s)")
RESERVED_CODE = re.compile(rf"(?<![\w-])[{_U}]{{1,4}}-\d{{1,5}}(?![\w-])")
# an acting fiscal office: "Segunda Fiscalía Superior Penal de Tacna", "Primera Fiscalía
# Suprema en lo Penal", "Fiscalía Provincial Corporativa Especializada en Delitos de
# Corrupción de Funcionarios de Junín"; a rank (provincial / superior / suprema) or a
# specialty must follow "Fiscalía" so that a bare "la Fiscalía" is not an office name
_ORD = r"(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta|S[eé]ptima|Octava|Novena|D[eé]cima|Und[eé]cima)"
# "contra" only before an article: "Fiscalía Especializada contra la Criminalidad Organizada",
# never "requerimiento ... de la Tercera Fiscalía ... contra Jean Carlos Palomino Soto"
# "Fiscalía Suprema … Especializada en Delitos cometidos por Funcionarios Públicos": the offices'
# name for crimes of officials (D. Leg. 52; Ley 30483) keeps "cometidos por" in lower case
_TAIL_WORD = (rf"(?:[{_U}][a-záéíóúñü]+|de|del|la|las|los|(?:y|e)(?=\s+[{_U}])|en|lo|contra(?=\s+(?:la|el|los|las)\s)|"
              rf"cometidos\s+por(?=\s+[{_U}]))(?![\wáéíóúñü])")
# the words of rank and kind that follow "Fiscalía" in an office's name
RANK_WORDS = ("Provincial", "Superior", "Suprema", "Supraprovincial", "Especializada", "Penal", "Mixta", "Corporativa",
              "Transitoria")
_RANK = "(?:" + "|".join(RANK_WORDS) + ")"
# a header's next label ends the office's name: "Ministerio Público: Segunda Fiscalía …\nImputado: X"
_NEXT_LABEL = rf"[{_U}][\wáéíóúñü.]*(?:[ \t]+[\wáéíóúñü.]+){{0,3}}[ \t]*:"
_GAP = rf"(?:[^\S\n]+|[^\S\n]*\n\s*(?!{_NEXT_LABEL}))"
FISCAL_OFFICE = re.compile(rf"(?:{_ORD}\s+)?Fiscal[ií]a\s+{_RANK}(?:{_GAP}{_TAIL_WORD}){{0,18}}")
# the same in capitals, as header tables write it ("MINISTERIO PÚBLICO : FISCALÍA SUPRAPROVINCIAL
# CORPORATIVA ESPECIALIZADA CONTRA LA CRIMINALIDAD ORGANIZADA DE LIMA"): one line
_CAPS_PARTICLES = ("DE", "DEL", "LA", "LAS", "LOS", "EN", "Y", "CONTRA")
FISCAL_OFFICE_CAPS = re.compile(
    rf"(?:{_ORD.upper()}[ \t]+)?FISCAL[IÍ]A[ \t]+{_RANK.upper()}"
    # ... wrapped after a word that cannot end it ("… CONTRA LA\nCRIMINALIDAD ORGANIZADA DE LIMA"),
    # never onto the next label's line ("IMPUTADO : …")
    rf"(?:(?:[ \t]+|(?:{'|'.join(f'(?<=[ ]{w})' for w in _CAPS_PARTICLES)})"
    rf"[ \t]*\n[ \t]*(?=[^\n:]*(?:\n|$))"
    # ... or before a line that starts with a word that cannot start a field ("…ESPECIALIZADA\nCONTRA LA …")
    rf"|[ \t]*\n[ \t]*(?=(?:{'|'.join(_CAPS_PARTICLES)})\b[^\n:]*(?:\n|$)))[{_U}]+(?![\w]))*")
OFFICE_TRAILING = re.compile(r"(?:\s+(?:de|del|la|las|los|y|e|en|lo|contra))+$", re.IGNORECASE)
# a Procuraduría Pública as written: "Procuraduría Pública Especializada en Delitos de
# Tráfico Ilícito de Drogas" (D. Leg. 1326, Sistema Administrativo de Defensa Jurídica del
# Estado); the next office of a list ("y de la Procuraduría ...") is not part of its name
PROCURADURIA = re.compile(rf"Procuradur[ií]a\s+P[uú]blica(?:\s+(?!Procuradur){_TAIL_WORD}){{0,18}}")
# what makes a fiscal office the acting party of the proceeding (folded text): it files the
# recurso, gives the dictamen, represents the Ministerio Público, or performs an act of the
# NCPP's stages (formaliza, acusa, requiere; arts. 336, 344, 349) - not an office that only
# took part in the facts ("operativo realizado por la Fiscalía ...")
OFFICE_ACTS_BEFORE = re.compile(r"(?:interpuest[oa]s?|formulad[oa]s?|presentad[oa]s?|dictamen|dictaminado|opinado|"
                                r"representad[oa]|a\s+cargo|expuesto|intervencion|ministerio\s+publico\s*:?)\s+"
                                r"(?:por|de)?\s*(?:la|el)?\s*$|ministerio\s+publico\s*:\s*$")
OFFICE_ACTS_AFTER = re.compile(r"^\s*,?\s*(?:formalizo|acuso|interpuso|formulo|requirio|solicito|apelo|dictamino|opino|"
                               r"presento|dispuso\s+la\s+formalizacion)\b")

# An institution that is a victim (or a party) by its name: a cooperative, a bank, a ministry, a
# municipality, a university… Its name may hold a "y" that joins no two parties ("Cooperativa
# de Ahorro y Crédito San Martín de Porres Ltda.", "Ministerio de Economía y Finanzas"), so
# the name is read from the institution's own head noun, and a "y" belongs to it only inside
# one of the pairs such names are built of. Sources: Ley 29683 and the SBS register (cajas,
# cooperativas de ahorro y crédito), Ley 29158 (Ley Orgánica del Poder Ejecutivo: the
# ministries and their organismos), Ley 27972 (municipalidades), Ley 27867 (gobiernos
# regionales), Ley 24656 (comunidades campesinas), as victims are named in rulings.
ORGANISATION_HEADS = (
    "Cooperativa", "Caja Municipal", "Caja Rural", "Caja", "Banco", "Financiera", "Edpyme", "Ministerio",
    "Superintendencia", "Municipalidad", "Gobierno Regional", "Dirección Regional", "Gerencia Regional",
    "Unidad de Gestión Educativa", "Institución Educativa", "Universidad", "Hospital", "Red de Salud",
    "Centro de Salud", "Seguro Social", "Programa Nacional", "Proyecto Especial", "Servicio Nacional",
    "Servicio de Administración", "Servicio de Agua", "Instituto Nacional", "Registro Nacional", "Organismo",
    "Autoridad Nacional", "Empresa", "Asociación", "Comunidad Campesina", "Comunidad Nativa",
    "Junta de Usuarios", "Sociedad de Beneficencia", "Beneficencia", "Fondo", "Corporación", "Consorcio",
    "Contraloría General", "Policía Nacional", "Poder Judicial", "Zona Registral", "Compañía", "Parroquia",
)
# the "X y Y" (and "X, Y y Z") pairs inside institutions' names
ORGANISATION_PAIRS = (
    "Ahorro y Crédito", "Economía y Finanzas", "Transportes y Comunicaciones", "Energía y Minas",
    "Trabajo y Promoción del Empleo", "Comercio Exterior y Turismo", "Mujer y Poblaciones Vulnerables",
    "Desarrollo e Inclusión Social", "Vivienda, Construcción y Saneamiento", "Desarrollo Agrario y Riego",
    "Agricultura y Riego", "Aduanas y de Administración Tributaria", "Banca, Seguros y AFP",
    "Identificación y Estado Civil", "Agua Potable y Alcantarillado", "Transportes y Servicios",
    "Ciencia y Tecnología", "Producción y Comercio", "Salud y Bienestar", "Ahorro y Préstamo",
)


# State agencies that courts name by their acronym when they stand as victim or actor civil
# ("el Estado, representado por la SUNAT, constituida en actor civil"), with the name under
# which the rest of a ruling (and the facet) knows them. Source: each agency's law of creation
# or Reglamento de Organización y Funciones, as listed by the Presidencia del Consejo de
# Ministros (Ley 29158, Ley Orgánica del Poder Ejecutivo, and its annexes).
AGENCY_ACRONYMS = {
    "SUNAT": "Superintendencia Nacional de Aduanas y de Administración Tributaria",
    "SUNARP": "Superintendencia Nacional de los Registros Públicos",
    "SUNAFIL": "Superintendencia Nacional de Fiscalización Laboral",
    "SUNEDU": "Superintendencia Nacional de Educación Superior Universitaria",
    "SUCAMEC": ("Superintendencia Nacional de Control de Servicios de Seguridad, Armas, Municiones y "
                "Explosivos de Uso Civil"),
    "SBS": "Superintendencia de Banca, Seguros y AFP",
    "ESSALUD": "Seguro Social de Salud", "EsSalud": "Seguro Social de Salud",
    "ONP": "Oficina de Normalización Previsional",
    "RENIEC": "Registro Nacional de Identificación y Estado Civil",
    "INPE": "Instituto Nacional Penitenciario",
    "SENASA": "Servicio Nacional de Sanidad Agraria",
    "SERFOR": "Servicio Nacional Forestal y de Fauna Silvestre",
    "SERNANP": "Servicio Nacional de Áreas Naturales Protegidas por el Estado",
    "OEFA": "Organismo de Evaluación y Fiscalización Ambiental",
    "OSINERGMIN": "Organismo Supervisor de la Inversión en Energía y Minería",
    "OSIPTEL": "Organismo Supervisor de Inversión Privada en Telecomunicaciones",
    "DEVIDA": "Comisión Nacional para el Desarrollo y Vida sin Drogas",
    "INDECOPI": "Instituto Nacional de Defensa de la Competencia y de la Protección de la Propiedad Intelectual",
    "SEDAPAL": "Servicio de Agua Potable y Alcantarillado de Lima",
}
AGENCY_ACRONYM = re.compile(r"(?<![\w-])(?P<acronym>" + "|".join(sorted(AGENCY_ACRONYMS, key=len, reverse=True))
                            + r")(?![\w-])")


def _either_case(phrase: str) -> str:
    words = [re.escape(w).replace(r"\,", ",") for w in phrase.split()]
    return "(?:" + r"[ \t]+".join(words) + "|" + r"[ \t]+".join(w.upper() for w in words) + ")"


_ORG_WORD = rf"(?:[{_U}][\wáéíóúñü]*\.?|[{_U}]+\.?)"
_ORG_SMALL = r"(?:de|del|la|las|los|en|el|DE|DEL|LA|LAS|LOS|EN|EL)"
ORGANISATION = re.compile(
    "(?P<name>(?:" + "|".join(_either_case(h) for h in sorted(ORGANISATION_HEADS, key=len, reverse=True)) + ")"
    + r"(?:[ \t]+(?:" + "|".join(_either_case(p) for p in ORGANISATION_PAIRS) + "|" + _ORG_SMALL + "|" + _ORG_WORD
    + r")(?![\wáéíóúñü])){1,14})")
ORGANISATION_TRAILING = re.compile(r"(?:[ \t]+(?:de|del|la|las|los|en|el))+$", re.IGNORECASE)
ORGANISATION_ABBREVIATIONS = {"ltda.", "cía.", "cia.", "s.a."}  # a final period that belongs to the name
