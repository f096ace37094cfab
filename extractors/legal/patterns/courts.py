"""Courts: judicial-district names, Supreme Court chambers, organ names and their level.

Sources: Poder Judicial del Perú, list of the 35 Cortes Superiores de Justicia (Ley
Orgánica del Poder Judicial, D.S. 017-93-JUS, and the resolutions of the Consejo
Ejecutivo that created the newer districts); domain.md ("The documents"). District names
that are also in ``extractors.data.districts`` use that table's spelling, so the two agree.
"""

from __future__ import annotations

import re

from extractors.data.districts import DISTRICTS
from extractors.legal.patterns import Rule, alternatives, validate

# canonical district name -> spellings seen in rulings (folded comparison)
_EXTRA_DISTRICTS: dict[str, tuple[str, ...]] = {
    "Amazonas": (), "Áncash": ("Ancash",), "Cajamarca": (), "Callao": (), "Cañete": (),
    "Del Santa": ("Santa",), "Huánuco": (), "Ica": (), "Lambayeque": (), "Lima Este": (),
    "Lima Sur": (), "Lima Noroeste": ("Ventanilla",), "Moquegua": (), "Pasco": (),
    "San Martín": (), "Selva Central": (), "Sullana": (), "Tacna": (), "Tumbes": (),
    "Puente Piedra - Ventanilla": (),
}
DISTRICT_NAMES: dict[str, str] = {}
for _d in DISTRICTS:
    for _n in (_d.name, *_d.aliases):
        DISTRICT_NAMES[_n] = _d.name
for _name, _aliases in _EXTRA_DISTRICTS.items():
    for _n in (_name, *_aliases):
        DISTRICT_NAMES.setdefault(_n, _name)


def _fold(s: str) -> str:
    from extractors.legal.text import fold_key

    return fold_key(s)


DISTRICT_BY_FOLDED: dict[str, str] = {_fold(k): v for k, v in DISTRICT_NAMES.items()}
# longest first so "Lima Norte" wins over "Lima"
DISTRICT_RX = alternatives([_fold(k) for k in DISTRICT_NAMES]).replace(r"\ ", r"\s+")

CSJ = Rule("court.csj", rf"\bcorte\s+superior\s+de\s+justicia\s+(?:de(?:l)?\s+)?(?P<district>{DISTRICT_RX})\b",
           source="LOPJ: Cortes Superiores de Justicia",
           examples=("Corte Superior de Justicia del Cusco", "CORTE SUPERIOR DE JUSTICIA DE LIMA NORTE"))

SUPREME = Rule("court.supreme", r"\bcorte suprema(?: de justicia)?\b", source="LOPJ",
               examples=("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA",))

SUPREME_CHAMBER = Rule(
    "court.supreme_chamber",
    r"\b(?:(?P<ord>primera|segunda|tercera|cuarta)\s+)?sala penal\s+(?P<kind>permanente|transitoria|especial)\b",
    source="domain.md: Salas Penales Permanente, Transitoria, Especial",
    examples=("SALA PENAL PERMANENTE", "Segunda Sala Penal Transitoria"))

ORDINALS = ["primer", "primera", "segundo", "segunda", "tercer", "tercera", "cuarto", "cuarta",
            "quinto", "quinta", "sexto", "sexta", "septimo", "setimo", "septima", "setima",
            "octavo", "octava", "noveno", "novena", "decimo", "decima"]

# organ types, most specific first; value = court level
ORGANS = validate((
    Rule("organ.sala_apelaciones", r"sala penal de apelaciones(?: (?:transitoria|permanente|nacional|especializada en [a-z ]+?))?",
         "corte_superior", source="NCPP art. 27", examples=("Sala Penal de Apelaciones",)),
    Rule("organ.sala_liquidadora", r"sala penal liquidadora(?: transitoria)?", "corte_superior",
         source="Salas Penales Liquidadoras (old-code cases)", examples=("Sala Penal Liquidadora",)),
    Rule("organ.sala_superior", r"sala penal (?:superior|especial|de reos en carcel|de reos libres)|sala mixta(?: descentralizada)?(?: transitoria)?|sala penal",
         "corte_superior", source="LOPJ art. 36", examples=("Sala Penal Superior", "Sala Penal")),
    Rule("organ.juzgado_colegiado", r"juzgado penal colegiado(?: supraprovincial)?(?: transitorio)?",
         "juzgado", source="NCPP art. 28", examples=("Juzgado Penal Colegiado Supraprovincial",)),
    Rule("organ.juzgado_unipersonal", r"juzgado penal unipersonal(?: supraprovincial)?(?: transitorio)?",
         "juzgado", source="NCPP art. 28", examples=("Juzgado Penal Unipersonal",)),
    Rule("organ.juzgado_ip", r"juzgado (?:de investigacion preparatoria|penal de investigacion preparatoria)"
         r"(?: supraprovincial)?(?: transitorio)?", "juzgado", source="NCPP art. 29",
         examples=("Juzgado de Investigación Preparatoria",)),
    Rule("organ.juzgado_penal", r"juzgado (?:penal|mixto|especializado en lo penal)(?: liquidador)?",
         "juzgado", source="LOPJ art. 49", examples=("Juzgado Penal",)),
))

# (words of an organ's name may be split across lines: any whitespace between them)
ORGAN_RX = re.compile(
    rf"\b(?:(?:{alternatives(ORDINALS)})\s+)?(?:{'|'.join(f'(?:{r.pattern})' for r in ORGANS)})\b".replace(" ", r"\s+"))

# the organ's own seat: "de Maynas", "de San Román – Juliaca" (raw text, capitalised words)
ORGAN_PLACE = Rule(
    "organ.place",
    r"^[ \t]*\n?[ \t]*(?:de(?:l)?|-|–)[ \t]*\n{0,2}[ \t]*(?!la\s+Corte\b|la\s+CORTE\b)"
    r"(?P<place>(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñü']+|de|la|del|las|los)"
    r"(?:[ \t]*\n{0,2}[ \t]*(?:[–-][ \t]*\n?[ \t]*)?(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñü']+|de|la|del|las|los)){0,5})",
    source="court names", folded=False,
    examples=(" de Maynas", " de San Román – Juliaca", " de La Convención – Quillabamba"),
    counter_examples=(" de la Corte Superior",))
# the same in capitals, for headers: "JUZGADO PENAL COLEGIADO SUPRAPROVINCIAL DE SAN ROMÁN – JULIACA"
ORGAN_PLACE_UPPER = Rule(
    "organ.place_upper",
    r"^[ \t]+(?:DE(?:L)?|-|–)[ \t]+(?!LA\s+CORTE\b)"
    r"(?P<place>[A-ZÁÉÍÓÚÑ]{2,}(?:[ \t]+(?:[–-][ \t]+)?(?:[A-ZÁÉÍÓÚÑ]{2,}|DE|LA|DEL)){0,5})",
    source="court names", folded=False, examples=(" DE SAN ROMÁN – JULIACA", " DE PIURA"),
    counter_examples=(" DE LA CORTE SUPERIOR",))

# header labels that introduce another court (not the deciding one)
OTHER_COURT_LABELS = re.compile(r"(procedencia|origen|expedida por|emitida por|juzgado de origen)\W*$")
