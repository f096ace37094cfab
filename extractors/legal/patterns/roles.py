"""Who is who: role cues in running text, header labels, name shapes.

Source: domain.md ("Names and roles", "Parties", "Judges", "Privacy") and the wild corpus.
Cue patterns run on folded text and end where the name begins; name shapes run on the
original text (capitals matter).
"""

from __future__ import annotations

import re

from extractors.legal.patterns import Rule, validate

_OA = r"(?:os|as|o|a)\b"
# courtesy words and articles that may stand between a cue and the name; an abbreviation
# ("Dr.", "Sra.", "Abog.") is the word, then its period
FILLER = re.compile(r"^(?:[\s,:]|(?:el|la|los|las|al|a|del|de|senor|senora|senores|senoras|sr|sra|"
                    r"doctor|doctora|doctores|dr|dra|don|dona|abogad[oa]|abog|letrad[oa]|"
                    r"juez|jueza|jueces|vocal|vocales|supremo|suprema|supremos|superior|superiores)\b\.?)*")
# for accused and victims only articles and courtesy words may stand between cue and name
NARROW_FILLER = re.compile(r"^(?:[ \t\n]|(?:don|dona|senor|senora|sr|sra)\b\.?)*")
# a phrase naming an office between the cue and the name: "Fiscal Superior de la Segunda
# Fiscalía Superior Penal del Cusco, Nancy Luna Chacón"; "abogado defensor del encausado, doctor X"
OFFICE = re.compile(r"^\s*(?:de la|del|de|por el|por la|por los)\s+[^,;:()]{0,110}?,\s*")

# The lawyer of the victim or the actor civil (NCPP arts. 95.1 and 104: the agraviado may act
# through counsel) is no "defensa", which is the accused's (NCPP art. 80): "la parte agraviada,
# a través de su abogado X"; "el abogado de la parte agraviada, X". Folded text.
_VICTIM_PARTY = (r"(?:parte\s+agraviada|agraviad[oa]s?|actor(?:es)?\s+civil(?:es)?|victimas?|parte\s+civil|"
                 r"querellantes?|procuradur\w+(?:\s+\w+){0,8})")
# "la parte agraviada, a través de su abogado X"; "el querellante actuó con su abogado X"
VICTIM_COUNSEL_BEFORE = re.compile(rf"\b{_VICTIM_PARTY}\s*,?\s*(?:(?:actu|comparec|concurr|acud|asist|particip|interv)\w*\s+)?"
                                   rf"(?:a\s+traves\s+de|por\s+medio\s+de|mediante|representad[oa]s?\s+por|con)\s+(?:su|sus)\s*$")
VICTIM_COUNSEL_AFTER = re.compile(rf"\s*(?:de\s+la|del|de\s+los|de\s+las|de)\s+{_VICTIM_PARTY}\b")

# nationalities written between "ciudadano" and a requested person's name (folded): the
# countries Peru has extradition treaties or most requests with (Ministerio de Justicia,
# Unidad de Cooperación Judicial Internacional y Extradiciones)
_NATIONALITY = ("(?:colombian[oa]|venezolan[oa]|ecuatorian[oa]|bolivian[oa]|chilen[oa]|argentin[oa]|brasilen[oa]|"
                "paraguay[oa]|uruguay[oa]|mexican[oa]|dominican[oa]|cuban[oa]|haitian[oa]|peruan[oa]|panamen[oa]|"
                "costarricense|guatemaltec[oa]|honduren[oa]|salvadoren[oa]|nicaraguense|estadounidense|canadiense|"
                "espanol[a]?|italian[oa]|frances[a]?|aleman[a]?|portugues[a]?|holandes[a]?|neerlandes[a]?|belga|"
                "britanic[oa]|ingles[a]?|suiz[oa]|rus[oa]|chin[oa]|japones[a]?|corean[oa]|israeli|turc[oa]|nigerian[oa])")

# role -> cue rules; the cue ends right before the name (after optional FILLER)
CUES = validate((
    # --- judges and ponente ---
    # "Vocal" is how judges of the Salas were called until the Ley de la Carrera Judicial (2008)
    Rule("role.ponente", r"\bponente\s*(?:el|la)?\s*(?:senor|senora)?\s*(?:juez|jueza|vocal)?\s*(?:supremo|suprema|superior)?\s*(?:senor|senora)?",
         "ponente", source="domain.md: 'Intervino como ponente el señor juez supremo X'",
         examples=("Intervino como ponente el señor juez supremo ", "interviniendo como Juez Superior ponente el señor ",
                   "interviniendo como ponente el señor Vocal Supremo ")),
    Rule("role.jueces_list", r"\b(?:los\s+)?(?:senores\s+)?(?:jueces|vocales)\s+(?:supremos|superiores|provinciales)?\s*(?:senores)?",
         "juez", source="domain.md: 'los jueces superiores X, Y y Z'",
         examples=("ante los señores jueces supremos ", "con los señores Jueces Superiores ")),
    Rule("role.juez", r"\b(?:el|la)\s+(?:senor\s+|senora\s+)?(?:juez|jueza|vocal)\s+(?:supremo|suprema|superior|provincial|penal)?",
         "juez", source="domain.md", examples=("el Juez Superior ",), counter_examples=("juez de paz",)),
    Rule("role.juez_como", r"\bcomo\s+(?:juez|jueza)(?:\s+(?:supremo|suprema|superior|provincial|penal|unipersonal|"
         r"titular|provisional|supernumerari[oa]|especializad[oa]))*\s+(?:el|la)\s+(?:senor|senora|doctor|doctora)\b",
         "juez", source="how single-judge courts name their judge: 'interviniendo como Juez el señor X'",
         examples=("interviniendo como Juez el señor ", "actuando como Jueza Provincial la señora "),
         counter_examples=("como juez de paz ", "como juez el ")),
    Rule("role.integrado", r"\bintegrad[oa]\s+por\s+(?:los\s+)?(?:senores\s+)?(?:jueces|magistrados)?",
         "juez", source="collegiate courts", examples=("integrado por los jueces ",)),
    # --- prosecutor ---
    Rule("role.fiscal", r"\bfiscal\s+(?:adjunt[oa]\s+)?(?:provincial|superior|suprem[oa])?\s*(?:adjunt[oa]\s+)?"
         r"(?:titular\s+|provisional\s+)?(?:en\s+lo\s+penal\s*)?",
         "fiscal", source="domain.md: Fiscal Provincial / Superior / Supremo",
         examples=("la Fiscal Adjunta Provincial ", "Fiscal Superior ", "Fiscal Adjunta Suprema en lo Penal, doctora ")),
    # "con la intervención del representante del Ministerio Público, Dr. X, Fiscal Provincial …";
    # "el Ministerio Público, representado por el doctor X"
    Rule("role.fiscal_representante", r"\brepresentante\s+del\s+ministerio\s+publico\b|"
         r"\bministerio\s+publico\s*,?\s*representado\s+por\b(?!\s+la\s+fiscalia)",
         "fiscal", source="how first-instance rulings name the prosecutor who took part (NCPP art. 60-61)",
         examples=("con la intervención del representante del Ministerio Público, Dr. ",
                   "el Ministerio Público, representado por el doctor ")),
    # --- defence ---
    # "la defensa técnica a cargo del Abog. X" (the abbreviation too)
    Rule("role.defensa_a_cargo", r"\bdefensa\s+(?:tecnica\s+)?a\s+cargo\s+(?:del?|de\s+la)\b",
         "defensa", source="first-instance rulings: 'la defensa técnica a cargo del abogado X'",
         examples=("la defensa técnica a cargo del Abog. ",)),
    Rule("role.defensa", r"\b(?:abogad[oa]s?\s+defensor(?:a|es|as)?|defensor(?:a|es|as)?\s+public[oa]s?|abogad[oa]s?|abog\.|"
         r"defensor(?:a|es|as)?)\b", "defensa", source="domain.md; NCPP art. 80 (the Defensa Pública)",
         examples=("el abogado defensor ", "la defensora pública ", "del abogado ", "los defensores públicos ")),
    # --- accused ---
    Rule("role.imputado", rf"\b(?:acusad{_OA}|imputad{_OA}|procesad{_OA}|sentenciad{_OA}|encausad{_OA}|"
         rf"investigad{_OA}|coprocesad{_OA}|coimputad{_OA}|coacusad{_OA}|condenad{_OA}|recurrentes?|"
         rf"reos?\s+contumac?[ez]s?)(?:\s+contumaz)?(?:\s+(?:de nombre|llamad[oa]))?",
         "imputado", source="domain.md: acusado, imputado, procesado, sentenciado, encausado, investigado",
         examples=("el sentenciado ", "los encausados ", "el acusado contumaz ")),
    # extradition (NCPP arts. 516-533): the person requested is the one the proceeding is about
    Rule("role.extraditable", rf"\bextradicion\s+(?:pasiva|activa)\s+(?:del?|de\s+la)\s+(?:ciudadan[oa]\s+(?:{_NATIONALITY}\s+)?)?|"
         rf"\b(?:el|la)\s+(?:requerid[oa]|extraditable)\s+(?:{_NATIONALITY}\s+)?",
         "imputado", source="NCPP arts. 516-533 (the Corte Suprema's opinion on an extradición activa or pasiva)",
         examples=("la solicitud de extradición pasiva del ciudadano colombiano ", "el requerido "),
         counter_examples=("el requerimiento ",)),
    Rule("role.defensa_de", r"(?<!con\s)(?<!bajo\s)\b(?:la|las|por\s+la|por\s+las)\s+defensas?\s+(?:tecnicas?\s+)?de(?:\s+los|\s+las)?\b",
         "imputado", source="Corte Suprema VISTOS: 'el recurso de apelación interpuesto por la defensa de X' "
         "(the lawyer files for the accused, who is the party)",
         examples=("interpuesto por la defensa de ", "por las defensas de los "),
         counter_examples=("el abogado de la defensa dijo", "el sentenciado X, con la defensa de ")),
    # "el sentenciado X, con la defensa de Y, no recurrió": the accused assisted by a lawyer
    # (NCPP arts. 80 and 84; how Supreme autos and actas recite each co-accused's counsel);
    # after "con"/"bajo", the one named is the lawyer, not the client
    Rule("role.con_defensa", r"\b(?:con|bajo)\s+la\s+defensa\s+(?:tecnica\s+)?(?:de|del|de\s+la)\b",
         "defensa", source="Supreme autos de queja and actas: 'el sentenciado X, con la defensa de Y'",
         examples=("Ramos, con la defensa de ", "bajo la defensa técnica del "),
         counter_examples=("interpuesto por la defensa de ",)),
    Rule("role.se_le_sigue", r"\b(?:proceso|causa|investigacion(?:\s+preparatoria)?|instruccion)\s+que\s+se\s+(?:le|les)\s+"
         r"sigue\s+(?:a|contra)", "imputado",
         source="Corte Suprema VISTOS: 'en el proceso que se le sigue a X por delito de ...'",
         examples=("en el proceso que se le sigue a ",)),
    # a whole word: "CONTRABANDO AGRAVADO" is no "contra BANDO AGRAVADO"
    Rule("role.contra", r"\b(?:seguid[oa]s?\s+contra|contra)\b(?:\s+(?:el|la|los|las)\s+(?:acusad|imputad|procesad)\w*)?",
         "imputado", source="'juicio oral seguido contra X'", examples=("juicio oral seguido contra ",),
         counter_examples=("DELITO : CONTRABANDO AGRAVADO",)),
    Rule("role.verdict", r"\b(?:condeno|condena|condenando|condenar|condenaron|condenese|absolvio|absuelve|absuelvo|absolviendo|absuelvase|"
         r"absolver|absolvieron|condenado|sobreseimiento a favor de|hechos a|a favor de los investigados)\s+(?:a|al|a la|a los)?",
         "imputado", source="operative verbs", examples=("CONDENANDO a ", "ABSOLVER a ")),
    # --- victims ---
    Rule("role.agraviado", rf"\b(?:en\s+agravio\s+del?|en\s+perjuicio\s+del?|agraviad{_OA}|victimas?\b)"  # not "victimario"
         rf"(?:\s+(?:las|la|los|el|del|de\s+la)\b)?(?:\s+(?:personas|persona|menores|menor|adolescentes|adolescente|ninas|nina|ninos|nino|senora|senor)\b)?"
         rf"(?:\s+(?:identificad[oa]s?|signad[oa]s?))?(?:\s+(?:de|con)\s+(?:iniciales|claves?))?",
         "agraviado", source="domain.md: agraviado/a, víctima, en perjuicio de",
         examples=("en agravio de las adolescentes de iniciales ", "agraviada con clave ", "en agravio de ")),
))

# Header labels (folded, without the colon) -> role; None = a label we read but is no party
LABELS: dict[str, str | None] = {
    "expediente": None, "exp": None, "expediente n": None, "especialista": None,
    "especialista legal": None, "especialista judicial": None, "especialista de audiencia": None, "esp. de audiencia": None,
    "especialista de causa": None,
    # the abbreviations headers use for the court officer: "ESP.", "ESP. LEGAL", "ESPEC.", "SECRET."
    "esp": None, "esp. legal": None, "esp. jud": None, "espec": None, "secret": None,
    "asistente": None, "secretaria": None, "secretario": None, "relator": None, "materia": None,
    "procedencia": None, "delito": None, "delitos": None, "requerimiento": None, "proceso": None,
    "fecha": None, "apelante": None, "apelantes": None, "organo jurisdiccional": None,
    "organo de origen": None, "juzgado de origen": None, "sala de origen": None,
    "ministerio publico": "fiscal", "fiscal": "fiscal", "fiscalia": None,
    "imputado": "imputado", "imputados": "imputado", "imputada": "imputado", "imputadas": "imputado",
    "acusado": "imputado", "acusados": "imputado", "acusada": "imputado", "acusadas": "imputado",
    "sentenciado": "imputado", "sentenciados": "imputado", "sentenciada": "imputado",
    "procesado": "imputado", "procesados": "imputado", "procesada": "imputado",
    "investigado": "imputado", "investigados": "imputado", "investigada": "imputado",
    "encausado": "imputado", "encausados": "imputado",
    "detenido": "imputado", "detenida": "imputado", "detenidos": "imputado",  # actas de control de detención
    "agraviado": "agraviado", "agraviados": "agraviado", "agraviada": "agraviado",
    "agraviadas": "agraviado", "victima": "agraviado",
    "juez": "juez", "jueza": "juez", "magistrado": "juez", "magistrada": "juez", "jueces": "juez", "jueces superiores": "juez",
    "jueces supremos": "juez", "juez superior": "juez", "vocales": "juez", "colegiado": "juez",
    "jueces del colegiado": "juez",
    "ponente": "ponente", "juez ponente": "ponente",
    "defensa": "defensa", "abogado": "defensa", "abogado defensor": "defensa",
    # the private action (NCPP arts. 459-467: difamación, injuria, calumnia): the querellante
    # is the victim who accuses, the querellado the accused
    "querellante": "agraviado", "querellantes": "agraviado",
    "querellado": "imputado", "querellada": "imputado", "querellados": "imputado", "querelladas": "imputado",
    # labels of other parties and of the special proceedings, read so that they end the value
    # above them: the requesting party of an auto, the colaborador eficaz (NCPP art. 472, named
    # by a code), the civil parties (NCPP arts. 98, 111; old code art. 54 "parte civil")
    "solicitante": None, "requirente": None, "recurrente": None, "colaborador": None,
    "actor civil": None, "parte civil": None, "tercero civil": None, "tercero civilmente responsable": None,
    "director de debates": "juez", "vocal ponente": "ponente", "juez superior ponente": "ponente",
}
_LABEL_WORDS = sorted(LABELS, key=len, reverse=True)


def _accented(folded: str) -> str:
    """A folded label matching its written forms: "MINISTERIO PÚBLICO", "ÓRGANO DE ORIGEN"."""
    return "".join({"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]"}.get(c, c) for c in folded)


LABEL_RX = re.compile(
    r"(?:(?<=\n)|^|(?<=\s\s)|(?<=\S )(?=[A-ZÁÉÍÓÚÑ]))"  # a label starts a line, a column, or a capitalised word
    r"(?P<label>" + "|".join(_accented(re.escape(w).replace(r"\ ", r"\s+")) for w in _LABEL_WORDS) + r")"
    r"(?![^\W\d_])"  # a whole word: "Expediente Nro." is no "Expediente N", "Fiscalía" no "Fiscal"
    r"(?:\.?\s*(?:n\.?\s?[°º]?|nro\.?)(?![^\W\d_]))?[°º]?\.?[ \t]*(?P<colon>:)?", re.IGNORECASE)

# words that end a name (capitalised but not part of a person's name)
NOT_NAME = {
    "que", "el", "la", "los", "las", "en", "con", "por", "para", "juez", "jueza", "jueces",
    "fiscal", "superior", "supremo", "suprema", "corte", "sala", "juzgado", "estado", "procuraduria",
    "ministerio", "publico", "codigo", "penal", "procesal", "policia", "nacional", "dni",
    "expediente", "exp", "resolucion", "sentencia", "casacion", "delito", "agraviado",
    "agraviada", "imputado", "imputada", "acusado", "acusada", "especialista", "considerando",
    "vistos", "fallo", "decision",
    # the headings of the 1940 code's sentencias ("VISTA: la causa …; RESULTA DE AUTOS: que …")
    "resulta", "resultando", "autos",
    "primero", "segundo", "tercero", "cuarto", "quinto", "sexto",
    "setimo", "septimo", "octavo", "noveno", "decimo", "direccion", "fiscalia", "provincial",
    "republica", "justicia", "peru", "lima", "ley", "decreto", "acuerdo", "plenario", "sumilla",
    "s.s", "ss", "senor", "senora", "doctor", "doctora", "don", "dona", "nacion", "tribunal",
    # courtesy titles abbreviated ("Dr. Carlos Checa Niño\nDra. Rosa …": the next line's title)
    "dr", "dra", "sr", "sra", "srta", "abog", "mg", "lic",
    "constitucional", "defensa", "defensor", "defensora", "abogado", "presidente", "presidenta",
    "director", "debates", "dd", "y", "e", "otros", "otro", "otra", "otras", "de", "del",
    "inhabilitacion", "pena", "anos", "meses", "dias", "multa", "reparacion", "civil", "soles",
    # a penalty's length read after a victim's name ("en agravio de X, a UN AÑO Y OCHO MESES");
    # "diez" stays out: it is a surname (Diez Canseco)
    "ano", "mes", "dia", "un", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
    "once", "doce", "trece", "catorce", "quince", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta",
    "setenta", "ochenta", "noventa", "cien", "ciento", "doscientos", "trescientos",
    # the penalties of faltas and of CP art. 34 ("a CUARENTA JORNADAS DE PRESTACIÓN DE SERVICIOS
    # COMUNITARIOS") read after a victim's name
    "jornada", "jornadas", "prestacion", "servicios", "comunitarios", "comunitaria",
    # ... and a life term (CP art. 29: "en agravio de la menor de iniciales M.E.C.H., a CADENA PERPETUA")
    "cadena", "perpetua",
    "delitos", "tesoro", "servicio", "superintendencia", "jefatura", "reserva", "comisaria",
    "camara", "gesell", "internacional", "agraviadas", "agraviados", "imputados", "acusados",
    "procesados", "sentenciados", "investigados", "investigado", "sentenciado", "procesado",
    "encausado", "apelantes", "procedencia", "materia", "proceso", "fecha",
    "requerimiento", "actor", "tercer", "primer", "primera", "segunda", "tercera", "sede",
    "superiores", "supremos", "supremas", "senores", "senoras", "vocales", "vocal", "magistrado",
    "magistrados", "fiscales", "provinciales", "adjunto", "adjunta", "penales", "respecto", "segun", "conforme", "contra", "mediante", "durante", "ante", "sobre", "desde",
    "hasta", "entre", "tras", "asimismo", "sin", "embargo", "cuando", "como", "pero", "aun",
    "salud", "publica", "patrimonio", "libertad", "administracion", "recursos", "naturales",
    "organo", "origen", "firmado", "digitalmente", "auto", "aprobacion", "terminacion", "anticipada",
    "apelante", "resuelve", "falla", "notifiquese", "registrese", "secretario", "secretaria",
    # a court's name after "el Juez de ...", a title after a name, an alias marker
    "investigacion", "preparatoria", "juzgamiento", "ponente", "alias", "detenido", "detenida",
}
# words of NOT_NAME that are also Peruvian surnames: kept as the last word of a name that
# already has a given name and a surname ("Abel Huancachoque Lima")
SURNAME_OK = {"lima"}
# surnames that fold (accents and ñ dropped) to a word of NOT_NAME: kept when spelled so
SURNAME_SPELLED = {"peña"}
# the "second" given name "Segundo" is a real first name: allowed when followed by a name
FIRST_NAME_OK = {"segundo"}

STATE = Rule("role.estado", r"\b(?:el\s+)?estado\b(?!\s+(?:de|civil|peruano de))", "Estado",
             source="domain.md: the State as victim", examples=("en agravio del Estado",))

INITIALS = Rule(
    "name.initials", r"(?<![\w.])(?:(?!(?:I{1,3}|IV|VI{0,3}|IX|X)\.[ \t]+[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ])"
    r"[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ]?\.(?:[ \t]|\n(?!(?:I{1,3}|IV|VI{0,3}|IX|X)\.)"
    r"(?=[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ]?\.))?){2,6}(?![\w])",
    source="domain.md: 'R.M.C.', 'N.G.G.', 'Y. Ch. C.', 'NO. FA. PA.'", folded=False,
    examples=("R.M.C.", "Y. Ch. C.", "S.M.H.Ch.", "NO. FA. PA.", "A. R. Y.", "LU. CÁ. TI.",
              "K. S. V.\nSENTENCIA"),
    counter_examples=("N.°", "II. CONDENAR", "II. Notifíquese"))
CLAVE = Rule("name.clave", r"\bclaves?\s*(?:n\W{0,3})?\s*(?P<code>\d[\w-]*\d|[a-z]{1,4}-\d{1,5}\b)|^(?P<bare>\d{1,5}-\d{4})\b", source="domain.md: 'agraviada con clave 123-2018'",
             examples=("agraviada con clave 123-2018", "testigos víctima con claves TR-07 y TR-11"))

# --- actor civil and third persons (extractors/legal/third_parties.py) ---
_CONSTITUTED = r"(?:debidamente\s+)?(?:constituid[oa]|apersonad[oa]|incorporad[oa]|acreditad[oa])\s+(?:en|como)\s+(?:calidad\s+de\s+)?actor\s+civil"
ACTOR_CIVIL = validate((
    Rule("role.actor_civil.office_before",
         rf"(?P<who>procuraduria\s+publica[^,;()]{{0,140}}?)\s*,?\s*{_CONSTITUTED}",
         "actor_civil", source="wild w02, w06, w09-w11 ('la Procuraduría ..., constituida en actor civil')",
         examples=("de la Procuraduría Pública Especializada en Delitos Ambientales, constituida en actor civil",),
         counter_examples=(("en agravio del Estado, representado por la Procuraduría Pública Especializada en "
                            "Delitos Ambientales."),)),
    Rule("role.actor_civil.office_after",
         r"\b(?:se\s+constituy\w+|constitucion|constituida|constituido)\s+(?:en|como)\s+actor\s+civil\s+"
         r"(?:de\s+|a\s+)?(?:la\s+)?(?P<who>procuraduria\s+publica[^,;.()]{0,140}?)(?=\s*[,;.()]|\s+en\s+representacion|\s+que\b)",
         "actor_civil", source="court phrasing ('se constituyó en actor civil la Procuraduría ...')",
         examples=("se constituyó en actor civil la Procuraduría Pública a cargo del Sector Interior, que",)),
    Rule("role.actor_civil.person",
         rf"\b(?:agraviad[oa]|victima)\s+(?P<who>[^,;()]{{5,70}}?)\s*,\s*(?:quien\s+se\s+)?{_CONSTITUTED}",
         "actor_civil", source="NCPP arts. 98-101 (the victim constituted as actor civil)",
         examples=("la agraviada Carmen Rosa Tello Vílchez, constituida en actor civil",)),
))

# the actor civil named before its constitution: "la Procuraduría A y la Procuraduría B,
# ambas constituidas en actor civil", "la señora X, cónyuge supérstite del occiso,
# constituida en actor civil", "la Procuraduría ..., en su condición de actor civil"
# (NCPP arts. 98-101); the party is the last one named in the clause, or all of them
# when the phrase is plural
ACTOR_CIVIL_AFTER = re.compile(
    r"(?:(?P<plural>ambas|ambos)\s+)?(?:debidamente\s+)?(?:(?:constituid|apersonad|incorporad|acreditad)[oa](?P<pl>s)?|"
    r"en\s+su\s+(?:condicion|calidad))\s+(?:en|como|de)\s+(?:calidad\s+de\s+)?actor(?:es)?\s+civil(?:es)?$")
CLAUSE_START = re.compile(r"[;:]|\.\s|\n\s*\n")

# police ranks before a name ("SO1 PNP", "ST2 PNP"): Ley 30714 / D. Leg. 1149 grades
_RANK = r"(?:(?:s[ot][1-3]|sob|sub|st|so|sgto|cap|may|cmdte|crnl|tnte|alf|sb[1-3]?)\s+pnp\s+)"
# what an expert or witness is called between the noun and the name (a vocabulary, so that
# "el testigo declaró que ..." never skips to a later name)
_QUALITY = (r"(?:\s+(?:de\s+cargo|de\s+descargo|presencial|referencial|de\s+parte|oficial|quimic[oa]|contable|"
            r"medic[oa](?:\s+legista)?|psicolog[oa]|psiquiatra|balistic[oa]|forense|informatic[oa]|"
            r"grafotecnic[oa]|documentolog[oa]|ambiental|tasador[a]?|valorizador[a]?|"
            r"contador[a]?|ingenier[oa]|policia|interviniente|efectivo|captor))*")
TERCERO = Rule(
    "role.tercero",
    r"\b(?:(?:testigos?|perit[oa]s?)" + _QUALITY +
    r"(?:\s+(?:de\s+iniciales|identificad[oa]\s+con\s+(?:las\s+)?iniciales))?\s*" + _RANK + r"?"
    r"|testimonial(?:es)?\s+(?:del?|de\s+la)\s*" + _RANK + r"?" + _QUALITY.replace(r"(?:\s+", r"(?:\s*", 1) +
    r"|efectivos?\s+(?:policial(?:es)?\s+)?(?:interviniente|captor)?s?\s*" + _RANK +
    r"|denuncia\s+(?:del?|de\s+la)\s+(?:propi[oa]\s+)?|\bdenunciante\s+"
    r"|\bingenier[oa]\b)",
    "tercero", source="wild truth conventions (witnesses and experts are 'tercero'; w04, w05, w07, w09, w12); "
    "wild2 (the complainant, a police witness, experts named in admitted evidence, NCPP art. 353)",
    examples=("la declaración del testigo Wilfredo Ushiñahua Laura", "la testigo de iniciales R.Q.L.",
              "ingeniero Álvaro Benjamín Rojas Quiñe", "examen del perito químico Edgardo Luis Huaranga Soto",
              "testimonial del SO1 PNP Hugo Ramiro Vásquez Laurente", "testigo de cargo María Elena Quispe Rojas",
              "el efectivo interviniente SO2 PNP Kevin Paúl Arana Meza", "por denuncia del propio Quispe Huamaní"),
    counter_examples=("el testimonio del agraviado", "la pericia contable"))
# a relative of a protected victim, named by initials: "su madre, de iniciales R.Q.A."
RELATIVE_INITIALS = re.compile(r"\b(?:madre|padre|progenitora|progenitor|hermana|hermano|tia|tio|abuela|abuelo)"
                               r"(?:\s+de\s+la\s+(?:menor|agraviada|victima|adolescente))?\s*,?\s+(?:de|con)\s+(?:las\s+)?iniciales\s+")

# who stands for a victim who cannot act alone, after her identifier: "K.M.C.V. (menor de
# edad), representada por su madre Luz Marina Vilca Apaza". The representative is not a
# victim (a party only if constituted actor civil, NCPP art. 98); her name is kept out of
# the public index as the minor's (patterns/privacy.py, REPRESENTATIVE_BEFORE).
REPRESENTED_BY = re.compile(r"[\s,;]*(?:quien\s+(?:es\s+|esta\s+)?)?(?:representad[oa]s?|asistid[oa]s?)"
                            r"\s+(?:legalmente\s+)?por\b", re.IGNORECASE)

# An alias after a name: "JHON FRANKLIN CCENCHO QUISPE, alias «Chato»", "RIVAS QUIÑONES,
# Jhonatan Elmer, (a) «Cholo Jhon», DNI 45218763". An alias is never a party's name.
# Source: how accusation lists and Supreme VISTOS write the accused (domain.md, "Parties").
ALIAS = re.compile(r"[ \t]*,?\s*(?:\(a\)|alias|a\.k\.a\.)\s*[«\"“'][^»\"”']{1,40}[»\"”']"
                   r"(?:\s*,?\s*(?:con\s+)?DNI\s*(?:N\W{0,3})?\s*\d{8})?", re.IGNORECASE)
# "Soto Canchanya como autora y a Poma Huaringa como cómplice primario": the title of
# participation after a convicted person's name (Código Penal arts. 23-25)
PARTICIPATION = re.compile(r"\s+como\s+(?:co)?(?:autora|autores|autor|complices?|instigadora|instigador)\b"
                           r"(?:\s+(?:primari|secundari)[oa]s?)?(?:\s+mediat[oa])?")
# after a lawyer's name, the client: "Julio César Pezo Saldaña, por Ruiz Panaifo, y ..."
CLIENT = re.compile(r"\s*,?\s*(?:por|en\s+representacion\s+de|defensor[a]?\s+de)\s+(?:(?:el|la|los|las)\s+)?")
# a company answering for the civil damages (NCPP arts. 111-113): "la empresa X S.A.C.,
# tercero civilmente responsable" or "el tercero civilmente responsable X S.A.C."
CIVILLY_LIABLE = re.compile(r"\btercer[oa]s?\s+civilmente\s+responsables?")
# A court recited with its judges ("expedida por el Juzgado Penal Colegiado ..., integrado
# por los jueces X, Y y Z"): the court noun closest before a list of judges in the same
# sentence. When that court ranks below the court issuing the ruling (a Juzgado recited in
# a Sala's or the Corte Suprema's ruling, a Sala Superior in the Corte Suprema's), its
# judges decided the ruling under review, not this one (domain.md, "Judges"; LOPJ art. 26).
RECITED_COURT = re.compile(r"\b(?P<court>juzgado|sala\s+(?:penal\s+)?(?:superior|de\s+apelaciones)|sala\s+superior|"
                           r"colegiado)\b")
# titles printed under the names of a signature line; staff titles say who is no judge
JUDGE_TITLE = re.compile(r"(?:juez|jueza|presidente|presidenta|director[a]?\s+de\s+debates|vocal|ponente)\b")
STAFF_TITLE = re.compile(r"(?:especialista|secretari[oa]|asistente|relator[a]?|testigo)\b")
