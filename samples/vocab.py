"""Vocabularies of the sample generator: names, header labels, courts, places, furniture.

Sources: the invented rulings of ../shared/corpus/wild (label spellings, phrases, page
furniture) and ../shared/docs/domain.md. Names are common Peruvian first names and
surnames (Andean, Amazonian and Hispanic); every person the generator writes is invented.
Everything here must stay inside latin-1 (core PDF fonts); ``spanish.latin1`` maps the rest.
"""

from __future__ import annotations

MALE_NAMES = (
    "Edwin Alcides", "Wilfredo", "Richard", "Julián", "Germán", "Teófilo", "Jhony", "Marcos",
    "Jorge Luis", "Hernán", "Carlos Alberto", "Wilder", "Kevin Anthony", "Brayan Josué",
    "Segundo", "Rubén Darío", "Percy", "Fortunato", "Hugo", "Víctor Raúl", "Elmer", "Alipio",
    "Juan de Dios", "Néstor", "Félix", "Ronald", "Yuri", "Eusebio", "Abel", "Rolando",
    "Pedro Pablo", "Henry", "Edgar Ramiro", "Jhonatan", "Willy", "Nilo", "Saturnino",
    "Grimaldo", "Aurelio", "Franklin", "Ramiro", "Efraín", "Américo", "Lucio", "Máximo",
)
FEMALE_NAMES = (
    "Nilda Yaneth", "Luz Marina", "Rosa Elvira", "Milagros", "Katty Paola", "Rosmery",
    "Gladys", "Ruth", "Yeny", "Sonia", "Carmen Rosa", "Delia", "Nancy", "Lizbeth", "Karina",
    "Giovanna Marisol", "Edith", "Maribel", "Flor de María", "Yolanda", "Susana", "Elena",
    "Marleny", "Hilda", "Judith", "Nélida", "Roxana", "Ana Lucía", "Lucía", "Marisol",
    "Dina", "Fany", "Yesenia", "Noemí", "Beatriz", "Haydeé", "Wendy", "Zulema", "Sofía",
)
SURNAMES = (
    "Quispe", "Mamani", "Huamán", "Condori", "Ccori", "Huarcaya", "Ttito", "Chambi", "Apaza",
    "Huanca", "Pari", "Soncco", "Cutipa", "Ticona", "Coaquira", "Luque", "Choque", "Yupanqui",
    "Ccahuana", "Layme", "Huaypar", "Ccasa", "Huallpa", "Sullca", "Loayza", "Pillco", "Mayta",
    "Cahui", "Zela", "Chuquimango", "Arévalo", "Tapullima", "Sangama", "Vásquez", "Ahuanari",
    "Pinchi", "Amasifuén", "Ríos", "Pinedo", "Panduro", "Tuesta", "Shapiama", "Tananta",
    "Fasabi", "Pacaya", "Cachique", "Ushiñahua", "Sernaqué", "Chira", "Yarlequé", "Zapata",
    "Chunga", "Purizaca", "Ñahui", "Gutiérrez", "Ocsa", "Rojas", "Torres", "Flores", "Sánchez",
    "Vilca", "Sotomayor", "Paucar", "Chalco", "Cáceres", "Luna", "Chacón", "Zegarra",
    "Huillca", "Ojeda", "Laura", "Ccoa", "Huamantica", "Mendoza", "Sucasaire", "Machaca",
    "Velásquez", "Cruz", "Ramos", "Quiñe", "Lloclla", "Chanduví", "Canchari", "Solís",
    "Alzamora", "Tello", "Vílchez", "Ñique", "Farfán", "Salas", "Melgarejo", "Huerta",
    "Pezo", "Reátegui", "Ochoa", "Manihuari", "Yuyarima", "Sinti", "Ccopa", "Puma",
    "Inca", "Challco", "Huayhua", "Cusi", "Ancco", "Taipe", "Illanes", "Gallegos", "Cárdenas",
)

# Header-table labels (domain.md: "Labels vary in spelling, spacing, punctuation and accents").
EXPEDIENTE_LABELS = ("EXPEDIENTE", "EXPEDIENTE N.°", "EXP. N°", "Expediente Nro.", "EXP. N.º",
                     "Expediente", "EXPEDIENTE N°")
DEFENDANT_LABELS = {
    "sentencia": ("ACUSADO", "ACUSADOS", "IMPUTADO", "PROCESADO", "SENTENCIADO", "Acusado"),
    "sentencia_vista": ("SENTENCIADO", "SENTENCIADOS", "IMPUTADO", "IMPUTADOS", "Sentenciado"),
    "auto": ("IMPUTADO", "INVESTIGADO", "INVESTIGADOS", "IMPUTADOS", "Investigado"),
}
VICTIM_LABELS = ("AGRAVIADO", "AGRAVIADA", "AGRAVIADOS", "AGRAVIADAS", "Agraviado")
CRIME_LABELS = ("DELITO", "MATERIA", "Delito", "DELITOS")
JUDGE_LABELS = ("JUEZ", "Juez", "MAGISTRADO")
PANEL_LABELS = ("JUECES SUPERIORES", "COLEGIADO", "JUECES", "Jueces Superiores")
COLEGIADO_LABELS = ("JUECES", "COLEGIADO", "Jueces", "JUECES DEL COLEGIADO")
STAFF_LABELS = ("ESPECIALISTA", "ESPECIALISTA JUDICIAL", "Especialista", "ESP. DE AUDIENCIA",
                "SECRETARIO")
ORIGIN_LABELS = ("PROCEDENCIA", "Procedencia", "ÓRGANO DE ORIGEN")
APPELLANT_LABELS = ("APELANTE", "APELANTES", "Apelante")

# Districts where mining and timber cases arise (gold-mining and Amazon regions, domain.md).
MINING_DISTRICTS = {"Madre de Dios", "Puno", "Cusco", "Arequipa", "La Libertad", "Piura", "Ayacucho",
                    "Apurímac", "Junín", "Huancavelica"}
FOREST_DISTRICTS = {"Madre de Dios", "Ucayali", "Loreto", "Junín", "Cusco"}
# Seats that host a Sala (appeal and old-code chambers sit in the district capital, and in
# Juliaca for Puno: wild w04); provincial seats such as Manu or Tahuamanu only have juzgados.
SALA_SEATS = {"2701", "2101", "2111", "1001", "1903", "2402", "2001", "0901", "1801", "0401", "1601"}
# Seat code -> city where the court sits (the place in the date line).
SEAT_CITY = {
    "2701": "Puerto Maldonado", "2702": "Salvación", "2703": "Iñapari", "2101": "Puno",
    "2111": "Juliaca", "1001": "Cusco", "1903": "Iquitos", "2402": "Pucallpa", "2001": "Piura",
    "0901": "Independencia", "1801": "Lima", "1826": "Lima", "0401": "Arequipa",
    "1601": "Trujillo", "5001": "Lima", "5002": "Lima",
}
# Court district -> the article used in "Corte Superior de Justicia del Cusco".
DISTRICT_ARTICLE = {"Cusco": "del ", "Callao": "del "}

# Places where facts happen, by district (mining camps, river ports, markets).
PLACES = {
    "Madre de Dios": (
        "el sector La Pampa, kilómetro 108 de la carretera Interoceánica, distrito de Inambari, "
        "provincia de Tambopata", "el centro poblado de Huepetuhe, provincia de Manu",
        "el poblado de Mazuko, distrito de Inambari", "el sector Delta 1, distrito de Madre de Dios",
        "la localidad de Laberinto, provincia de Tambopata",
        "el sector Guacamayo, zona de amortiguamiento de la Reserva Nacional Tambopata",
        "el distrito de Iberia, provincia de Tahuamanu"),
    "Puno": (
        "el centro poblado de La Rinconada, distrito de Ananea, provincia de San Antonio de Putina",
        "el sector Cerro Lunar, distrito de Ananea", "la ciudad de Juliaca, provincia de San Román",
        "el distrito de Limbani, provincia de Sandia", "la zona de Sina, provincia de San Antonio "
        "de Putina"),
    "Cusco": ("el distrito de Camanti, provincia de Quispicanchi",
              "la ciudad de Quillabamba, provincia de La Convención",
              "el distrito de Ocongate, provincia de Quispicanchi"),
    "Loreto": ("el distrito de Belén, provincia de Maynas",
               "el caserío Nuevo Progreso, río Napo, distrito de Mazán",
               "el puerto de Masusa, distrito de Punchana"),
    "Ucayali": ("el distrito de Callería, provincia de Coronel Portillo",
                "el distrito de Yarinacocha", "la carretera Federico Basadre, kilómetro 12"),
    "Piura": ("el distrito de Tambogrande", "el caserío Las Lomas", "el distrito de Castilla"),
    "Lima Norte": ("el distrito de Comas", "el distrito de Los Olivos", "el distrito de Independencia"),
    "Lima": ("el Cercado de Lima", "el distrito de La Victoria", "el distrito de San Juan de Lurigancho"),
    "Arequipa": ("el anexo de Secocha, provincia de Camaná", "el distrito de Chala, provincia de Caravelí"),
    "La Libertad": ("el distrito de Pataz", "la ciudad de Trujillo"),
    "Huaura": ("la ciudad de Huacho",),
    "Junín": ("el distrito de Satipo", "la ciudad de Huancayo"),
    "Ayacucho": ("la ciudad de Huamanga", "el distrito de Llochegua, VRAEM"),
    "Apurímac": ("la ciudad de Andahuaylas", "la ciudad de Abancay"),
    "Huancavelica": ("la ciudad de Huancavelica",),
}
ORIGIN_TOWNS = ("Quillabamba", "Sicuani", "Juliaca", "Pucallpa", "Cusco", "Abancay", "Andahuaylas",
                "Iquitos", "Puno", "Yurimaguas", "Huancayo", "Ayaviri", "Urcos", "Tarapoto")
BAR_NAMES = ("El Tigrillo", "La Ch'alla", "El Bufeo Colorado", "Las Palmeras", "El Dorado",
             "La Chosita", "Mi Cielo", "El Encanto", "La Pascana", "El Tunche")
JOBS = ("ayudante de cocina", "moza en un restaurante", "cuidadora de niños", "vendedora en una tienda",
        "cocinera en un campamento", "ayudante en una pollería", "trabajador en una chacra")

# Fiscal and Procuraduría offices (Ministerio Público and Procuradurías as named in rulings).
PROSECUTOR_OFFICES = {
    "trata": "Fiscalía Provincial Especializada en Delitos de Trata de Personas de {district}",
    "mineria": "Fiscalía Provincial Especializada en Materia Ambiental de {district}",
    "ambiental": "Fiscalía Provincial Especializada en Materia Ambiental de {district}",
    "corrupcion": "Fiscalía Provincial Corporativa Especializada en Delitos de Corrupción de "
                  "Funcionarios de {district}",
    "crimen_organizado": "Fiscalía Provincial Especializada contra la Criminalidad Organizada de "
                         "{district}",
    "drogas": "Fiscalía Provincial Especializada en Delitos de Tráfico Ilícito de Drogas de {district}",
    "default": "Fiscalía Provincial Penal Corporativa de {seat}",
}
PROCURADURIAS = {
    "mineria": "Procuraduría Pública Especializada en Delitos Ambientales",
    "ambiental": "Procuraduría Pública Especializada en Delitos Ambientales",
    "corrupcion": "Procuraduría Pública Especializada en Delitos de Corrupción",
    "drogas": "Procuraduría Pública Especializada en Delitos de Tráfico Ilícito de Drogas",
    "crimen_organizado": "Procuraduría Pública Especializada en Delitos de Lavado de Activos",
    "seguridad": "Procuraduría Pública a cargo de los asuntos judiciales del Ministerio del Interior",
}
SUPREME_CHAMBERS = ("Sala Penal Permanente", "Sala Penal Transitoria",
                    "Primera Sala Penal Transitoria", "Segunda Sala Penal Transitoria")

# Acuerdos Plenarios of the Supreme Court (real documents, cited by topic).
ACUERDOS = {
    "trata": ("3-2011/CJ-116", "6-2019/CJ-116"),
    "sexual": ("1-2011/CJ-116", "4-2015/CJ-116"),
    "testimonio": ("2-2005/CJ-116",),
    "reparacion": ("6-2006/CJ-116",),
    "pena": ("4-2009/CJ-116",),
    "lavado": ("3-2010/CJ-116",),
    "feminicidio": ("1-2016/CJ-116",),
    "conformidad": ("5-2008/CJ-116",),
    "terminacion": ("5-2009/CJ-116",),
    "prision": ("1-2019/CJ-116",),
    "imputacion": ("2-2012/CJ-116",),
    "acusacion": ("6-2009/CJ-116",),
    "inmediato": ("Extraordinario 2-2016/CIJ-116",),
}
# Forms of citation raws; {n} = "904-2019", {d} = district.
CASACION_RAW = ("Casación N.° {n}/{d}", "Casación N.° {n}/{d}", "Casación {n}, {d}",
                "Casación N° {n}-{d}", "Cas. N.° {n}/{d}")
RN_RAW = ("R.N. N.° {n} {d}", "R.N. N.° {n}/{d}", "Recurso de Nulidad N.° {n}-{d}",
          "R. N. N° {n}, {d}")
TC_RAW = ("Exp. N.° {n}", "STC N.° {n}", "sentencia recaída en el Expediente N.° {n}")
AP_RAW = ("Acuerdo Plenario N.° {n}", "Acuerdo Plenario N° {n}", "Acuerdo Plenario {n}",
          "Acuerdo Plenario número {n}")

# Legal-news sites that republish rulings (invented names; shape from wild w01-w03).
PUBLISHERS = ("Jurisprudencia al Día  >  Penal  >  {topic}", "ACTUALIDAD PENAL · Jurisprudencia",
              "BOLETÍN PENAL DIGITAL\nInicio / Jurisprudencia / {topic}", "LEX SUR · Resoluciones",
              "Portal Jurídico Amazónico | Penal | {topic}")
TOPIC_OF_FAMILY = {
    "trata": "Trata de personas", "mineria": "Minería ilegal", "ambiental": "Delitos ambientales",
    "sexual": "Violación sexual", "patrimonio": "Robo agravado", "vida": "Homicidio",
    "drogas": "TID", "corrupcion": "Corrupción de funcionarios", "crimen_organizado": "Lavado de activos",
    "familia": "Omisión de asistencia familiar", "seguridad": "Tenencia ilegal de armas",
}
HEADLINES = (
    "{court_short} {verb} {subject}: {holding}",
    "{holding} [{number}]",
    "{subject}: {holding} [{number}]",
)
HOLDINGS = (
    "la declaración de la víctima en cámara Gesell basta si está corroborada",
    "no basta la sola presencia en el lugar para acreditar el dolo",
    "el consentimiento de la víctima es irrelevante cuando media vulnerabilidad",
    "la reparación civil debe motivarse aunque el acusado sea absuelto",
    "los indicios plurales y convergentes pueden sustentar una condena",
    "el juez no puede otorgar diferente valor a la prueba personal actuada en primera instancia",
    "la falta de autorización administrativa no prueba por sí sola el elemento subjetivo",
)
LEA_TAMBIEN_TOPICS = (
    "Suprema precisa que la sola tenencia de madera sin guía de transporte no prueba el dolo",
    "Conclusión anticipada: alcances de la reducción de pena por conformidad",
    "¿Cuándo procede la terminación anticipada en minería ilegal?",
    "Trata laboral en campamentos mineros: criterios para acreditar la captación",
    "Prisión preventiva y arraigo: la Corte fija pautas de motivación",
)
AUTHORS = ("Redacción JAD", "Por: Equipo editorial", "Redacción", "Área Penal")

# Evidence look-alikes: numbered reports that are not case numbers.
REPORTS = ("Atestado Policial N.° {n}-{y}-REGPOL-{reg}/DIVINCRI", "Informe Pericial N.° {n}-{y}",
           "Informe Técnico N.° {n}-{y}-SERFOR", "Oficio N.° {n}-{y}-MP-FN",
           "Dictamen Pericial N.° {y}-{n}", "Informe Policial N.° {n}-{y}-DIRCOCOR")
SIGNATURE_STAMP = ("Firmado digitalmente por {surname_upper} {first} FAU 20159981216 soft | "
                   "Fecha: {stamp} | Razón: RESOLUCIÓN JUDICIAL")
WITNESS_ROLES = ("vecina del local", "conductor de la embarcación", "trabajador del campamento",
                 "efectivo policial que participó en el operativo", "propietario de la tienda contigua",
                 "inspector de la Dirección Regional de Energía y Minas")

# Words the line breaker may hyphenate (never names, dates or case numbers).
HYPHENATABLE = {
    w.replace("-", ""): w for w in (
        "investi-gación", "prepara-toria", "responsa-bilidad", "repara-ción", "inhabilita-ción",
        "declara-ción", "circuns-tancias", "funda-mentos", "acusa-ción", "privati-va",
        "suspen-dida", "corrobo-rada", "vulnera-bilidad", "consti-tuye", "deter-minación",
        "aplica-ción", "interpues-to", "valora-ción", "actua-dos", "procesa-les",
        "presun-ción", "formali-zación", "enjuicia-miento", "conside-rando")
}

# --- the formats of ../shared/corpus/wild2 (formats.py) ---------------------------------------
# The national specialised system (districts.py: "Nacional", R.A. 318-2018-CE-PJ): its superior
# court's name before and after 2018, and its organs by subsystem. Seat codes as in
# extractors/data/districts.py: 5001 crimen organizado (lavado, organización criminal,
# terrorismo), 5002 corrupción de funcionarios.
NATIONAL_COURT_NAMES = ((2018, "Corte Superior Nacional de Justicia Penal Especializada"),
                        (0, "Sala Penal Nacional y Juzgados Penales Nacionales"))
NATIONAL_SUBSYSTEMS = {
    "5001": "Crimen Organizado",
    "5002": "Delitos de Corrupción de Funcionarios",
}
NATIONAL_ORGANS = {  # variant -> organ names; {o} ordinal ("Primer "/"Primera "), {s} subsystem
    "colegiado": ("{o}Juzgado Penal Colegiado Nacional Permanente Especializado en {s}",
                  "{o}Juzgado Penal Colegiado Supraprovincial Especializado en {s}"),
    "prision": ("{o}Juzgado de Investigación Preparatoria Nacional Permanente Especializado en {s}",
                "{o}Juzgado de Investigación Preparatoria Nacional Especializado en {s}"),
    "auto_vista": ("{o}Sala Penal de Apelaciones Nacional Permanente Especializada en {s}",
                   "{o}Sala Penal de Apelaciones Nacional Especializada en {s}"),
}
NATIONAL_FISCALIAS = {
    "5001": "Fiscalía Supraprovincial Especializada contra la Criminalidad Organizada",
    "5002": "Fiscalía Supraprovincial Corporativa Especializada en Delitos de Corrupción de Funcionarios",
}
# Nicknames of accused in crimen organizado lists ("(a) «Chato»"); invented.
NICKNAMES = ("Chato", "Flaco", "Gordo", "Loco", "Mudo", "Cuy", "Gato", "Pelón", "Negro", "Zambo",
             "Cholo", "Chino", "Puma", "Tío", "Compadre", "Pata", "Chiquito", "Colorado", "Mono",
             "Caracol", "Piraña", "Tigre", "Zorro", "Charapa")
# Companies as terceros civilmente responsables (invented names; shapes of Peruvian company
# names: S.A.C., E.I.R.L., S.R.L.).
COMPANY_STEMS = ("Minera Aurífera {w}", "Inversiones {w}", "Constructora {w}", "Transportes {w}",
                 "Maderera {w}", "Servicios Generales {w}", "Consorcio {w}", "Corporación {w}")
COMPANY_WORDS = ("Los Andes", "Inambari", "Virgen del Carmen", "Señor de Qoyllority", "Río Madre",
                 "San Martín de Porres", "Santa Rosa", "El Dorado", "Amazonía", "Illimani",
                 "Sol Naciente", "Tres Cruces", "Nueva Esperanza", "Valle Sagrado")
COMPANY_FORMS = ("S.A.C.", "E.I.R.L.", "S.R.L.", "S.A.")
# Juzgados de Investigación Preparatoria that hold the audiencia de control de legalidad de la
# detención: the Unidades de Flagrancia (from 2022; D. Leg. 1585) and, before, the juzgado de turno.
FLAGRANCIA_COURTS = ((2022, "{o}Juzgado de Investigación Preparatoria de Flagrancia de {seat}"),
                     (0, "{o}Juzgado de Investigación Preparatoria de Turno Permanente de {seat}"))
FLAGRANCIA_CRIMES = {"hurto_agravado", "hurto_simple", "robo_agravado", "tenencia_ilegal_armas",
                     "trafico_ilicito_drogas", "lesiones_leves", "extorsion", "omision_asistencia_familiar"}
# The Poder Judicial's digital-signature appearance (born-digital PDFs of the Corte Suprema
# and the Cortes Superiores, "FIRMA DIGITAL"; issue 12): one line or wrapped over six.
STAMP_SIGNED = ("Firmado digitalmente por: {name} FAU 20159981216 soft",
                "Fecha: {when},Razón: RESOLUCIÓN JUDICIAL,D.Judicial: {seat},FIRMA DIGITAL")
STAMP_SECRETARY = ("{title}: {name} /Servicio Digital - Poder Judicial del Perú",
                   "Fecha: {when},Razón: RESOLUCIÓN JUDICIAL,D.Judicial: {seat},FIRMA DIGITAL")
# What an auto under appeal decided (NCPP: prisión preventiva art. 268, cese art. 283,
# sobreseimiento art. 344-347, terminación anticipada art. 468-471, excepción de improcedencia
# de acción art. 6.1.b).
APPEAL_SUBJECTS = {
    "prision": "prisión preventiva", "cese": "cese de prisión preventiva",
    "sobreseimiento": "sobreseimiento", "terminacion": "terminación anticipada",
    "excepcion": "excepción de improcedencia de acción", "prescripcion": "excepción de prescripción",
}
