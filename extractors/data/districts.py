"""Judicial districts (Cortes Superiores de Justicia): seat codes and NCPP start dates.

Seat codes are the 4-digit block of an expediente number (``00123-2019-45-2701-JR-PE-01``):
the first two digits identify the district. Only codes seen in verified examples are
listed (the wild corpus in ../shared/corpus/wild and published rulings); extraction falls
back to the district named in the text for any other code.

NCPP start dates: Decreto Supremo 007-2006-JUS (calendario oficial de aplicación
progresiva del Código Procesal Penal) and its amendments (DS 005-2007-JUS, DS 016-2009-JUS,
DS 003-2014-JUS, DS 015-2017-JUS, DS 012-2019-JUS). Dates marked ``approx=True`` are the
team's reading of those decrees to the month and should be checked against the Diario
Oficial before publishing figures that depend on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class District:
    name: str
    code: str | None  # two-digit district prefix of seat codes
    seats: dict[str, str]  # four-digit seat code -> seat (province) name
    ncpp_start: date
    approx: bool = False
    weight: float = 1.0  # sample generator weight (Madre de Dios and Puno dominate)
    aliases: tuple[str, ...] = ()


DISTRICTS: tuple[District, ...] = (
    District("Madre de Dios", "27", {"2701": "Tambopata", "2702": "Manu", "2703": "Tahuamanu"},
             date(2009, 10, 1), weight=4.0, aliases=("MADRE DE DIOS",)),
    District("Puno", "21", {"2101": "Puno", "2111": "San Román – Juliaca"},
             date(2009, 10, 1), weight=3.5),
    District("Cusco", "10", {"1001": "Cusco"}, date(2009, 10, 1), weight=1.5, aliases=("Cuzco",)),
    District("Loreto", "19", {"1903": "Maynas"}, date(2015, 10, 1), approx=True, weight=1.2),
    District("Ucayali", "24", {"2402": "Coronel Portillo"}, date(2015, 10, 1), approx=True,
             weight=1.0),
    District("Piura", "20", {"2001": "Piura"}, date(2009, 4, 1), weight=1.0),
    District("Lima Norte", "09", {"0901": "Lima Norte"}, date(2021, 6, 1), approx=True,
             weight=0.8),
    District("Lima", "18", {"1801": "Lima", "1826": "Lima"}, date(2021, 6, 1), approx=True,
             weight=0.8),
    District("Arequipa", "04", {"0401": "Arequipa"}, date(2008, 10, 1), weight=0.7),
    District("La Libertad", "16", {"1601": "Trujillo"}, date(2007, 4, 1), weight=0.6),
    District("Huaura", None, {}, date(2006, 7, 1), weight=0.3),
    District("Junín", None, {}, date(2015, 7, 1), weight=0.5),
    District("Ayacucho", None, {}, date(2015, 7, 1), weight=0.4),
    District("Apurímac", None, {}, date(2015, 4, 1), weight=0.3),
    District("Huancavelica", None, {}, date(2015, 4, 1), weight=0.3),
)

BY_NAME: dict[str, District] = {d.name: d for d in DISTRICTS}
BY_SEAT: dict[str, District] = {seat: d for d in DISTRICTS for seat in d.seats}


def district_of_seat(seat_code: str) -> District | None:
    return BY_SEAT.get(seat_code)


def code_in_force(district: str, start_of_case: date) -> str:
    """``ncpp`` when the case began on or after the district's NCPP start, else ``cdepp1940``."""
    d = BY_NAME.get(district)
    if d is None:
        return "desconocido"
    return "ncpp" if start_of_case >= d.ncpp_start else "cdepp1940"
