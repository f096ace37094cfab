"""Courts: judicial-district names, Supreme Court chambers, organ names and their level.

Sources: Poder Judicial del Perú, list of the 35 Cortes Superiores de Justicia (Ley
Orgánica del Poder Judicial, D.S. 017-93-JUS, and the resolutions of the Consejo
Ejecutivo that created the newer districts); domain.md ("The documents"). District names
that are also in ``extractors.data.districts`` use that table's spelling, so the two agree.
"""

from __future__ import annotations

import re

from extractors.data.districts import DISTRICTS, NATIONAL, PROVINCIAL_SEATS
from extractors.legal.patterns import Rule, alternatives, validate
from extractors.legal.patterns.numbers import ORDINALS

# every district's name and aliases -> canonical name (folded comparison); one table,
# extractors/data/districts.py, for the names, the seat codes and the seat cities
DISTRICT_NAMES: dict[str, str] = {n: d.name for d in DISTRICTS for n in (d.name, *d.aliases)}


def _fold(s: str) -> str:
    from extractors.legal.text import fold_key

    return fold_key(s)


DISTRICT_BY_FOLDED: dict[str, str] = {_fold(k): v for k, v in DISTRICT_NAMES.items()}
# seat cities and provinces -> district ("Huancayo" -> Junín); a district's own name too
PLACE_DISTRICT: dict[str, str] = {
    **{_fold(p): d.name for d in DISTRICTS if d.name != NATIONAL for p in (*d.places, *d.seats.values())},
    **{_fold(p): name for name, seats in PROVINCIAL_SEATS.items() for p in seats},
    **{k: v for k, v in DISTRICT_BY_FOLDED.items() if v != NATIONAL},
}
# longest first so "Lima Norte" wins over "Lima"
DISTRICT_RX = alternatives([_fold(k) for k in DISTRICT_NAMES]).replace(r"\ ", r"\s+")

CSJ = Rule("court.csj", rf"\bcorte\s+superior\s+de\s+justicia\s+(?:de(?:l)?\s+)?(?P<district>{DISTRICT_RX})\b",
           source="LOPJ: Cortes Superiores de Justicia",
           examples=("Corte Superior de Justicia del Cusco", "CORTE SUPERIOR DE JUSTICIA DE LIMA NORTE"))

SUPREME = Rule("court.supreme", r"\bcorte suprema(?: de justicia)?\b", source="LOPJ",
               examples=("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA",))

SUPREME_CHAMBER = Rule(
    "court.supreme_chamber",
    r"\b(?:(?P<ord>primera|segunda|tercera|cuarta)\s+)?sala penal\s+(?P<kind>permanente|transitoria|especial)\b|"
    # the Supreme's own investigation judge in the proceedings against high officials (NCPP
    # arts. 449-455; LOPJ art. 34-A): "JUZGADO SUPREMO DE INVESTIGACIÓN PREPARATORIA"
    r"\bjuzgado\s+supremo\s+de\s+investigacion\s+preparatoria\b",
    source="domain.md: Salas Penales Permanente, Transitoria, Especial; NCPP art. 450 (Juzgado Supremo)",
    examples=("SALA PENAL PERMANENTE", "Segunda Sala Penal Transitoria", "JUZGADO SUPREMO DE INVESTIGACIÓN PREPARATORIA"))


# Specialties of the specialised organs ("Juzgado de Investigación Preparatoria Especializado
# en Delitos de Corrupción de Funcionarios", "Sala ... Especializada en Crimen Organizado").
# Source: Consejo Ejecutivo del Poder Judicial, resolutions creating the specialised
# subsystems (corrupción de funcionarios, crimen organizado, violencia contra la mujer,
# delitos aduaneros y tributarios, ambientales, extinción de dominio, flagrancia).
SPECIALTIES = (
    "corrupcion de funcionarios", "crimen organizado", "trafico ilicito de drogas", "lavado de activos",
    "delitos aduaneros", "aduaneros", "tributarios", "aduaneros y tributarios", "ambientales",
    "materia ambiental", "violencia contra las mujeres e integrantes del grupo familiar",
    "violencia contra la mujer e integrantes del grupo familiar", "terrorismo", "derechos humanos",
    "extincion de dominio", "lo penal", "delitos de corrupcion de funcionarios", "proceso inmediato",
    "flagrancia", "delitos de crimen organizado", "delitos ambientales", "delitos tributarios",
)
# Qualifiers that follow an organ's type, in any order: "Nacional Permanente", "Supraprovincial
# Transitorio", "de Flagrancia", "Especializado en ...". They are part of the organ's name.
# Also: "e Itinerante" (Salas Mixtas that travel), "y Liquidadora" and "en adición Sala
# Liquidadora" (a chamber that also clears the old code's cases: R.A. of the Consejo Ejecutivo
# del Poder Judicial), Lima's "para Procesos con Reos en Cárcel / Libres", and the flagrancia
# units' full name ("de Flagrancia, Omisión a la Asistencia Familiar y Conducción en Estado de
# Ebriedad o Drogadicción").
QUALIFIER = (
    r"(?:nacional|permanente|transitori[oa]|supraprovincial|liquidador[a]?|descentralizad[oa]|especial"
    r"|(?:e\s+)?itinerante|y\s+liquidador[a]?|y\s+de\s+apelaciones"
    r"|en\s+adicion(?:\s+a\s+sus\s+funciones)?(?:\s+(?:de|como))?\s+(?:sala|juzgado)\s+(?:penal\s+)?"
    r"(?:liquidador[a]?|de\s+apelaciones|unipersonal|colegiado)"
    r"|(?:para\s+procesos\s+con\s+)?reos\s+(?:en\s+carcel|libres)"
    r"|de\s+flagrancia(?:\s*,\s*omision\s+a\s+la\s+asistencia\s+familiar\s+y\s+conduccion\s+en\s+estado\s+de\s+"
    r"ebriedad(?:\s+o\s+drogadiccion)?)?"
    r"|de\s+turno|de\s+emergencia|mixt[oa]|superior|de\s+reos\s+(?:en\s+carcel|libres)"
    rf"|especializad[oa]\s+en\s+(?:delitos\s+(?:de\s+|contra\s+)?)?(?:{alternatives(SPECIALTIES)}))"
).replace(r"\ ", " ").replace(" ", r"\s+")

# organ types, most specific first; value = court level
ORGANS = validate((
    Rule("organ.sala_apelaciones", r"sala penal de apelaciones|sala de apelaciones",
         "corte_superior", source="NCPP art. 27", examples=("Sala Penal de Apelaciones",
                                                             "Sala de Apelaciones")),
    Rule("organ.sala_liquidadora", r"sala penal liquidadora", "corte_superior",
         source="Salas Penales Liquidadoras (old-code cases)", examples=("Sala Penal Liquidadora",)),
    Rule("organ.sala_superior", r"sala penal (?:superior|especial|de reos en carcel|de reos libres)|sala mixta|sala penal",
         "corte_superior", source="LOPJ art. 36", examples=("Sala Penal Superior", "Sala Penal")),
    Rule("organ.juzgado_colegiado", r"juzgado penal colegiado", "juzgado", source="NCPP art. 28",
         examples=("Juzgado Penal Colegiado Supraprovincial",)),
    Rule("organ.juzgado_unipersonal", r"juzgado penal unipersonal", "juzgado", source="NCPP art. 28",
         examples=("Juzgado Penal Unipersonal",)),
    Rule("organ.juzgado_ip", r"juzgado (?:penal )?(?:superior )?de investigacion preparatoria", "juzgado",
         source="NCPP art. 29", examples=("Juzgado de Investigación Preparatoria",
                                          "Juzgado Penal de Investigación Preparatoria")),
    Rule("organ.juzgado_paz", r"juzgado de paz letrado", "juzgado", source="LOPJ art. 57 (faltas)",
         examples=("Juzgado de Paz Letrado",)),
    Rule("organ.juzgado_penal", r"juzgado (?:penal|mixto|especializado en lo penal)(?: liquidador)?",
         "juzgado", source="LOPJ art. 49", examples=("Juzgado Penal",)),
))

# "1°", "1ra.", "2do", "3er": ordinals in figures before an organ's name
NUMERIC_ORDINAL = r"\d{1,2}\s*(?:°|º|ª|ra|er|ro|do|da|to|ta|vo|va|no|na|mo|ma)\.?"

# (words of an organ's name may be split across lines: any whitespace between them)
ORGAN_RX = re.compile(
    (rf"(?:\b(?:{alternatives(ORDINALS)})\s+|(?<![\w.]){NUMERIC_ORDINAL}\s*)?\b"
     rf"(?:{'|'.join(f'(?:{r.pattern})' for r in ORGANS)})(?:\s+{QUALIFIER})*\b").replace(r"\ ", " ").replace(" ", r"\s+"))

# The national specialised system (domain.md; R.A. 318-2018-CE-PJ): its chambers and courts
# are "Nacional", whatever city they sit in.
NATIONAL_SYSTEM = Rule(
    "court.national",
    r"\bsala\s+penal\s+nacional\b|\bcorte\s+superior\s+nacional\b|\bjuzgados?\s+penal(?:es)?\s+nacional(?:es)?\b"
    r"|\b(?:sala|juzgado)\s+(?:penal\s+)?(?:de\s+apelaciones|de\s+investigacion\s+preparatoria|colegiado|unipersonal)?"
    r"\s*nacional\b|\bsistema\s+(?:nacional\s+)?especializado\s+en\s+(?:delitos\s+de\s+)?crimen\s+organizado\b",
    source="Sala Penal Nacional; Corte Superior Nacional de Justicia Penal Especializada",
    examples=("SALA PENAL NACIONAL Y JUZGADOS PENALES NACIONALES",
              "CORTE SUPERIOR NACIONAL DE JUSTICIA PENAL ESPECIALIZADA",
              "Primera Sala Penal de Apelaciones Nacional Permanente",
              "Tercer Juzgado de Investigación Preparatoria Nacional"),
    counter_examples=("Sala Penal de Apelaciones de Piura", "el Ministerio Público a nivel nacional"))

# Words that end an organ's seat: header labels and titles that follow the court's name
# when the header has no line breaks (wild2 w17), and the "– Sede X" suffix of a seat.
PLACE_STOP = (
    "expediente", "exp", "resolucion", "sentencia", "auto", "acta", "juez", "jueza", "jueces",
    "especialista", "imputado", "imputados", "acusado", "acusados", "sentenciado", "procesado",
    "investigado", "investigados", "agraviado", "agraviada", "delito", "delitos", "materia",
    "procedencia", "ponente", "secretario", "secretaria", "cuaderno", "vistos", "casacion",
)
_STOP_RAW = "|".join(sorted({w for w in PLACE_STOP} | {w.upper() for w in PLACE_STOP}
                            | {w.capitalize() for w in PLACE_STOP}, key=len, reverse=True))
_NOT_STOP = rf"(?!(?:{_STOP_RAW})\b|EXPEDIENTE|RESOLUCIÓN|Resolución)"

# the organ's own seat: "de Maynas", "de San Román – Juliaca" (raw text, capitalised words;
# the name may wrap onto the next line, never across a blank line)
ORGAN_PLACE = Rule(
    "organ.place",
    r"^[ \t]*\n?[ \t]*(?:de(?:l)?|-|–)[ \t]*\n?[ \t]*(?!la\s+Corte\b|la\s+CORTE\b)"
    rf"(?P<place>{_NOT_STOP}(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñü']+|de|la|del|las|los)"
    rf"(?:[ \t]*\n?[ \t]*(?:[–-][ \t]*\n?[ \t]*)?{_NOT_STOP}(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñü']+|de|la|del|las|los)){{0,5}})",
    source="court names", folded=False,
    examples=(" de Maynas", " de San Román – Juliaca", " de La Convención – Quillabamba"),
    counter_examples=(" de la Corte Superior",))
# the same in capitals, for headers: "JUZGADO PENAL COLEGIADO SUPRAPROVINCIAL DE SAN ROMÁN – JULIACA"
ORGAN_PLACE_UPPER = Rule(
    "organ.place_upper",
    r"^[ \t]*\n?[ \t]*(?:DE(?:L)?|-|–)(?:[ \t]+|[ \t]*\n[ \t]*)(?!LA\s+CORTE\b)"
    rf"(?P<place>{_NOT_STOP}[A-ZÁÉÍÓÚÑ]{{2,}}(?:[ \t]+(?:[–-][ \t]+)?{_NOT_STOP}(?:[A-ZÁÉÍÓÚÑ]{{2,}}|DE|LA|DEL)){{0,5}})",
    source="court names", folded=False,
    examples=(" DE SAN ROMÁN – JULIACA", " DE PIURA", " – SEDE CENTRAL", " DE\nAREQUIPA"),
    counter_examples=(" DE LA CORTE SUPERIOR",))
# "… de Madre de Dios – Sede Puerto Maldonado": the seat after a place is not part of the name
SEDE_SUFFIX = re.compile(r"\s*[–-]\s*(?:sede|SEDE|Sede)\b.*$", re.DOTALL)
# "SALA PENAL NACIONAL Y JUZGADOS PENALES NACIONALES": a heading that names a system of organs
SYSTEM_HEADING = re.compile(r"\s+y\s+(?:juzgados|salas)\b")

# header labels that introduce another court (not the deciding one)
OTHER_COURT_LABELS = re.compile(r"(procedencia|origen|expedida por|emitida por|juzgado de origen)\W*$")
# a court the decision sends the case or a copy to ("REMITIR los actuados al Juzgado Penal
# Unipersonal de turno", NCPP art. 354; "DEVOLVER los autos al juzgado de origen"; "OFICIESE a
# la Sala …"): the addressee, not the deciding court. Folded text, the words just before the organ.
ADDRESSED_COURT = re.compile(r"\b(?:remit\w*|elev\w*|devuel\w*|devolv\w*|ofici\w*|notifi\w*|"
                             r"pong\w*\s+(?:a\s+)?disposicion|consult\w*|deriv\w*)\b[^.;:]{0,60}?"
                             r"\b(?:al|a\s+la|a\s+los|del|de\s+la)\s*$")
