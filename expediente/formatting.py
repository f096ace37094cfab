"""How values read to a Spanish-speaking lawyer: durations, money and dates.

Shared by every front door (the web pages, the CLI's ``show``), so that a penalty reads
the same everywhere. ``Penalty`` stores lengths as years + months/12 (``schemas.ruling``);
a ruling states them in years and months, and so do we: ``12.6667`` is "12 años y 8 meses".
"""

from __future__ import annotations

from datetime import date

from schemas import Penalty

MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre",
          "noviembre", "diciembre")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def years_months(years: float | None) -> str:
    """``12.6667`` → ``"12 años y 8 meses"``; ``1.0`` → ``"1 año"``; ``0.5`` → ``"6 meses"``.

    Months are rounded to the nearest whole month (a stored 8/12 is 0.6666…); ``None`` and
    negative lengths give ``""``."""
    if years is None or years < 0:
        return ""
    whole_years, months = divmod(round(years * 12), 12)
    parts = ([_plural(whole_years, "año", "años")] if whole_years else []) + \
            ([_plural(months, "mes", "meses")] if months else [])
    return " y ".join(parts) or "0 meses"


def soles(amount: float | None) -> str:
    """``10000`` → ``"S/ 10,000.00"`` (the way Peruvian rulings write money)."""
    return "" if amount is None else f"S/ {amount:,.2f}"


def long_date(day: date | None) -> str:
    """``2022-03-11`` → ``"11 de marzo de 2022"``."""
    return "" if day is None else f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def penalty_text(p: Penalty) -> str:
    """A penalty as a sentence states it: ``"12 años y 8 meses de pena privativa de libertad
    efectiva; reparación civil de S/ 10,000.00"``. (``search.export.penalty_summary`` is the
    CSV's form, with decimal years for spreadsheets.)"""
    parts = []
    if p.cadena_perpetua:
        parts.append("cadena perpetua")
    if p.prison_years is not None:
        kind = " efectiva" if p.effective else " suspendida" if p.effective is False else ""
        parts.append(f"{years_months(p.prison_years)} de pena privativa de libertad{kind}")
    if p.probation_years is not None:
        parts.append(f"periodo de prueba de {years_months(p.probation_years)}")
    if p.inhabilitacion:
        length = f" por {years_months(p.inhabilitacion_years)}" if p.inhabilitacion_years is not None else ""
        incisos = f" (art. 36, incisos {', '.join(map(str, p.inhabilitacion_incisos))})" \
            if p.inhabilitacion_incisos else ""
        parts.append(f"inhabilitación{length}{incisos}")
    if p.dias_multa is not None:
        parts.append(f"{p.dias_multa} días-multa")
    if p.reparacion_civil_soles is not None:
        parts.append(f"reparación civil de {soles(p.reparacion_civil_soles)}")
    return "; ".join(parts) or "sin detalle"
