"""Judicial districts (Cortes Superiores de Justicia): names, seat codes, NCPP start dates.

The Poder Judicial has 35 superior courts: 34 regional Cortes Superiores de Justicia and
the Corte Superior Nacional de Justicia Penal Especializada (formerly the Sala Penal
Nacional), which this table calls "Nacional". Sources: Ley Orgánica del Poder Judicial
(D.S. 017-93-JUS) and the Consejo Ejecutivo's resolutions that created the newer districts
(Lima Sur 2004, Sullana 2005, Ventanilla 2009 (renamed Puente Piedra–Ventanilla, then Lima
Noroeste), Lima Este 2015, Selva Central 2015; the national system by R.A. 318-2018-CE-PJ).

Seat codes are the four-digit block of an expediente number (``00123-2019-45-2701-JR-PE-01``):
the first two digits identify the district, the last two the seat. ``code`` is that
two-digit district prefix of the Poder Judicial's numbering (Consulta de Expedientes
Judiciales, CEJ). ``code_verified`` says whether the prefix is confirmed by published
expediente numbers (and the development corpora ../shared/corpus/wild and wild2); the
others follow the CEJ's order of creation and are the team's reading, so extraction uses
them only when the text names no district (see extractors/legal/court.py).

NCPP start dates: Decreto Supremo 007-2006-JUS (calendario oficial de aplicación
progresiva del Código Procesal Penal) and its amendments (DS 005-2007-JUS, DS 016-2009-JUS,
DS 003-2014-JUS, DS 015-2017-JUS, DS 012-2019-JUS, DS 013-2020-JUS). Dates marked
``approx=True`` are the team's reading of those decrees to the month and should be checked
against the Diario Oficial before publishing figures that depend on them.

``places`` are the cities and provinces that a place-date line or an organ's seat names
("Huancayo, ..." is Junín; "Juzgado ... de Tambopata" is Madre de Dios): the provincial
seats of each district's courts (Poder Judicial, "Sedes judiciales" per district).
``weight`` is the sample generator's (0: never generated); ``seats`` lists the seats the
generator writes (any other seat code resolves by its two-digit prefix).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

NATIONAL = "Nacional"


@dataclass(frozen=True)
class District:
    name: str
    code: str | None  # two-digit district prefix of seat codes
    seats: dict[str, str]  # four-digit seat code -> seat (province) name
    ncpp_start: date
    approx: bool = False
    weight: float = 1.0  # sample generator weight (Madre de Dios and Puno dominate)
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # seat cities / provinces that name the district
    code_verified: bool = True
    extra_codes: tuple[str, ...] = field(default=())  # other two-digit prefixes of the district


# The generator's districts first, in their historical order (the sample generator draws
# from ``GENERATED`` by position, so this order keeps seeded corpora identical).
DISTRICTS: tuple[District, ...] = (
    District("Madre de Dios", "27", {"2701": "Tambopata", "2702": "Manu", "2703": "Tahuamanu"},
             date(2009, 10, 1), weight=4.0, aliases=("MADRE DE DIOS",),
             places=("Puerto Maldonado", "Tambopata", "Manu", "Tahuamanu", "Iñapari")),
    District("Puno", "21", {"2101": "Puno", "2111": "San Román – Juliaca"},
             date(2009, 10, 1), weight=3.5,
             places=("Juliaca", "San Román", "Azángaro", "Ilave", "El Collao", "Yunguyo", "Juli",
                     "Chucuito", "Huancané", "Melgar", "Ayaviri", "Sandia", "Carabaya", "Macusani",
                     "Putina", "Lampa")),
    District("Cusco", "10", {"1001": "Cusco"}, date(2009, 10, 1), weight=1.5, aliases=("Cuzco",),
             places=("La Convención", "Quillabamba", "Canchis", "Sicuani", "Urubamba", "Calca",
                     "Espinar", "Anta", "Quispicanchi", "Urcos", "Chumbivilcas")),
    District("Loreto", "19", {"1903": "Maynas"}, date(2015, 10, 1), approx=True, weight=1.2,
             places=("Maynas", "Iquitos", "Alto Amazonas", "Yurimaguas", "Requena", "Nauta",
                     "Loreto-Nauta", "Ucayali-Contamana")),
    District("Ucayali", "24", {"2402": "Coronel Portillo"}, date(2015, 10, 1), approx=True,
             weight=1.0, places=("Coronel Portillo", "Pucallpa", "Atalaya", "Padre Abad", "Aguaytía")),
    District("Piura", "20", {"2001": "Piura"}, date(2009, 4, 1), weight=1.0,
             places=("Morropón", "Chulucanas", "Huancabamba", "Paita", "Sechura")),
    District("Lima Norte", "09", {"0901": "Lima Norte"}, date(2021, 6, 1), approx=True,
             weight=0.8, places=("Independencia", "Los Olivos", "Comas", "Carabayllo",
                                 "San Martín de Porres", "Condevilla")),
    District("Lima", "18", {"1801": "Lima", "1826": "Lima"}, date(2021, 6, 1), approx=True,
             weight=0.8, aliases=("Lima Centro",), places=("Cercado de Lima",)),
    District("Arequipa", "04", {"0401": "Arequipa"}, date(2008, 10, 1), weight=0.7,
             places=("Camaná", "Islay", "Mollendo", "Caylloma", "Chivay", "Aplao",
                     "Caravelí", "Condesuyos", "Paucarpata", "José Luis Bustamante y Rivero")),
    District("La Libertad", "16", {"1601": "Trujillo"}, date(2007, 4, 1), weight=0.6,
             places=("Trujillo", "Pacasmayo", "San Pedro de Lloc", "Chepén", "Ascope", "Sánchez Carrión",
                     "Huamachuco", "Otuzco", "Santiago de Chuco", "Pataz", "Virú", "Gran Chimú")),
    District("Huaura", "13", {}, date(2006, 7, 1), weight=0.3,
             places=("Huacho", "Barranca", "Huaral", "Oyón", "Cajatambo")),
    District("Junín", "15", {}, date(2015, 7, 1), weight=0.5,
             places=("Huancayo", "Jauja", "Tarma", "Concepción", "Chupaca", "La Oroya", "Yauli")),
    District("Ayacucho", "05", {}, date(2015, 7, 1), weight=0.4,
             places=("Huamanga", "Huanta", "La Mar", "Cangallo", "Puquio", "Lucanas", "Coracora")),
    District("Apurímac", "03", {}, date(2015, 4, 1), weight=0.3, aliases=("Apurimac",),
             places=("Abancay", "Andahuaylas", "Chincheros"), code_verified=False),
    District("Huancavelica", "11", {}, date(2015, 4, 1), weight=0.3,
             places=("Tayacaja", "Pampas", "Acobamba", "Angaraes", "Lircay"), code_verified=False),
    # --- the other districts (never generated) ---
    District("Amazonas", "01", {}, date(2010, 4, 1), weight=0.0, places=("Chachapoyas", "Bagua", "Utcubamba"),
             code_verified=False),
    District("Áncash", "02", {}, date(2012, 8, 1), approx=True, weight=0.0, aliases=("Ancash",),
             places=("Huaraz", "Huari", "Carhuaz", "Yungay", "Caraz"), code_verified=False),
    District("Cajamarca", "06", {}, date(2010, 4, 1), weight=0.0,
             places=("Chota", "Cutervo", "Celendín"), code_verified=False),
    District("Callao", "07", {"0701": "Callao"}, date(2020, 6, 1), approx=True, weight=0.0),
    District("Cañete", "08", {}, date(2009, 12, 1), weight=0.0, places=("San Vicente de Cañete", "Yauyos"),
             aliases=("Canete",), code_verified=False),
    District("Huánuco", "12", {"1201": "Huánuco"}, date(2012, 6, 1), approx=True, weight=0.0,
             aliases=("Huanuco",), places=("Leoncio Prado", "Tingo María", "Ambo", "Dos de Mayo")),
    District("Ica", "14", {}, date(2009, 12, 1), weight=0.0, places=("Chincha", "Pisco", "Nasca", "Nazca", "Palpa"),
             code_verified=False),
    District("Lambayeque", "17", {"1706": "Chiclayo"}, date(2009, 4, 1), weight=0.0,
             places=("Chiclayo", "Ferreñafe")),
    District("San Martín", "22", {}, date(2010, 4, 1), weight=0.0, aliases=("San Martin",),
             places=("Moyobamba", "Tarapoto", "Juanjuí", "Rioja", "Tocache"),
             code_verified=False),
    District("Tacna", "23", {"2301": "Tacna"}, date(2008, 4, 1), weight=0.0),
    District("Del Santa", "25", {}, date(2012, 8, 1), approx=True, weight=0.0, aliases=("Santa",),
             places=("Chimbote", "Nuevo Chimbote", "Casma", "Huarmey"), code_verified=False),
    District("Tumbes", "26", {}, date(2009, 4, 1), weight=0.0, places=("Zarumilla", "Contralmirante Villar"),
             code_verified=False),
    District("Moquegua", "28", {}, date(2008, 4, 1), weight=0.0, places=("Ilo", "Mariscal Nieto"),
             code_verified=False),
    District("Pasco", "29", {}, date(2012, 6, 1), approx=True, weight=0.0,
             places=("Cerro de Pasco", "Daniel Alcides Carrión", "Yanahuanca"),
             code_verified=False),
    District("Lima Sur", "30", {}, date(2019, 7, 1), approx=True, weight=0.0,
             places=("Villa María del Triunfo", "San Juan de Miraflores", "Chorrillos",
                     "Villa El Salvador", "Lurín"), code_verified=False),
    District("Sullana", "31", {"3101": "Sullana"}, date(2009, 4, 1), weight=0.0,
             places=("Talara", "Ayabaca")),
    District("Lima Este", "32", {"3207": "San Juan de Lurigancho"}, date(2020, 12, 1), approx=True,
             weight=0.0, places=("San Juan de Lurigancho", "Ate", "Santa Anita", "El Agustino", "Chaclacayo",
                                 "Chosica", "Lurigancho", "La Molina", "Huarochirí")),
    District("Lima Noroeste", "33", {}, date(2019, 7, 1), approx=True, weight=0.0,
             aliases=("Ventanilla", "Puente Piedra - Ventanilla", "Puente Piedra – Ventanilla",
                      "Puente Piedra-Ventanilla"),
             places=("Puente Piedra", "Mi Perú", "Ancón"), code_verified=False),
    District("Selva Central", "34", {}, date(2015, 7, 1), approx=True, weight=0.0,
             # Pichanaqui is also written Pichanaki; the Selva Central's module seats in Chanchamayo,
             # Satipo and Oxapampa provinces
             places=("La Merced", "Chanchamayo", "Satipo", "Pichanaqui", "Pichanaki", "Oxapampa", "Villa Rica",
                     "Puerto Bermúdez", "Pangoa", "Mazamari", "Perené"), code_verified=False),
    # The national specialised system: Sala Penal Nacional, then Corte Superior Nacional de
    # Justicia Penal Especializada; its expedientes carry 5001 (crimen organizado, lavado,
    # terrorismo) and 5002 (corrupción de funcionarios) seats, and the older subsystem of
    # corrupción de funcionarios 5201 (published Lava Jato expedientes, "…-5201-JR-PE-01").
    # NCPP from its creation.
    District(NATIONAL, "50", {"5001": "Lima", "5002": "Lima"}, date(2011, 1, 15), approx=True,
             weight=0.0, extra_codes=("52",)),
)

GENERATED: tuple[District, ...] = tuple(d for d in DISTRICTS if d.weight > 0)
BY_NAME: dict[str, District] = {d.name: d for d in DISTRICTS}
BY_SEAT: dict[str, District] = {seat: d for d in DISTRICTS for seat in d.seats}
BY_CODE: dict[str, District] = {c: d for d in DISTRICTS for c in (d.code, *d.extra_codes) if c}


def district_of_seat(seat_code: str) -> District | None:
    """The district of a four-digit seat code: the seat itself, else its two-digit prefix."""
    return BY_SEAT.get(seat_code) or BY_CODE.get(seat_code[:2])


def code_in_force(district: str, start_of_case: date) -> str:
    """``ncpp`` when the case began on or after the district's NCPP start, else ``cdepp1940``."""
    d = BY_NAME.get(district)
    if d is None:
        return "desconocido"
    return "ncpp" if start_of_case >= d.ncpp_start else "cdepp1940"

# Further provincial seats (capitals of provinces, INEI's ubigeo) whose courts answer to the
# district of their region; the district's ``places`` above list the main seats and the ones
# that belong to a district other than their region's (Sullana, Del Santa, Huaura, Cañete,
# Selva Central, the Lima districts). Jaén and San Ignacio (Cajamarca region) belong to the
# Corte Superior de Justicia de Lambayeque. Names shared by provinces of several regions
# (La Unión, San Miguel, Santa Cruz, San Pablo, San Marcos, Bellavista) are left out: they
# do not name a district.
PROVINCIAL_SEATS: dict[str, tuple[str, ...]] = {
    "Amazonas": ("Rodríguez de Mendoza", "Pedro Ruiz", "Lamud", "Bagua Grande", "Santa María de Nieva"),
    "Áncash": ("Pomabamba", "Sihuas", "Recuay", "Chiquián", "Aija", "Piscobamba", "Huaylas", "Corongo",
               "Llamellín", "San Luis", "Chacas", "Cabana"),
    "Apurímac": ("Chalhuanca", "Tambobamba", "Chuquibambilla", "Antabamba", "Chincheros"),
    "Arequipa": ("Cotahuasi", "Chuquibamba", "Chivay", "Caravelí", "Aplao", "Mollendo", "Camaná"),
    "Ayacucho": ("Vilcashuamán", "Coracora", "Parinacochas", "Querobamba", "San Miguel de La Mar", "Huancapi",
                 "Pausa", "Cangallo", "Puquio"),
    "Cajamarca": ("Bambamarca", "Contumazá", "Cajabamba", "Celendín", "Chota", "Cutervo", "San Marcos de Cajamarca"),
    "Lambayeque": ("Jaén", "San Ignacio", "Motupe", "Olmos", "Pimentel", "Jayanca", "Ferreñafe", "Lambayeque"),
    "Cusco": ("Paucartambo", "Acomayo", "Santo Tomás", "Yauri", "Anta", "Urcos", "Paruro", "Yanaoca"),
    "Huancavelica": ("Castrovirreyna", "Huaytará", "Churcampa", "Lircay", "Pampas", "Acobamba"),
    "Huánuco": ("Aucayacu", "Llata", "Panao", "Puerto Inca", "Tingo María", "La Unión de Huánuco", "Ambo",
                "Huacaybamba", "Jesús"),
    "La Libertad": ("Tayabamba", "Julcán", "Cascas", "Huamachuco", "Otuzco", "Chepén", "Pacasmayo", "San Pedro de Lloc",
                    "Santiago de Chuco", "Virú", "Ascope"),
    "Loreto": ("Contamana", "Caballococha", "Yurimaguas", "Nauta", "Requena", "San Lorenzo"),
    "Moquegua": ("Omate",),
    "Pasco": ("Yanahuanca",),
    "Puno": ("Lampa", "Ayaviri", "Huancané", "Putina", "Sandia", "Macusani", "Moho"),
    "San Martín": ("Lamas", "Saposoa", "Picota", "Rioja", "Juanjuí", "Tocache", "San José de Sisa"),
    "Tacna": ("Candarave", "Tarata", "Locumba"),
    "Ucayali": ("Atalaya", "Aguaytía", "Purús"),
    "Lima Este": ("Huaycán", "Matucana", "Chosica"),
    "Cañete": ("Chilca", "Mala", "Imperial"),
}
