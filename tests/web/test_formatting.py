"""Penalties, money and dates as a ruling writes them."""

from datetime import date

import pytest

from expediente.formatting import long_date, penalty_text, soles, years_months
from schemas import Penalty


@pytest.mark.parametrize("years, text", [
    (12 + 8 / 12, "12 años y 8 meses"),
    (12.6667, "12 años y 8 meses"),
    (15.0, "15 años"),
    (1.0, "1 año"),
    (1 + 1 / 12, "1 año y 1 mes"),
    (0.5, "6 meses"),
    (4 / 12, "4 meses"),
    (2.9999, "3 años"),  # 11.9988 months round to a whole year, never "2 años y 12 meses"
    (0.0, "0 meses"),
    (None, ""),
    (-1.0, ""),
])
def test_years_months(years, text):
    assert years_months(years) == text


@pytest.mark.parametrize("amount, text", [(10000, "S/ 10,000.00"), (1500.5, "S/ 1,500.50"), (0, "S/ 0.00"),
                                          (None, "")])
def test_soles(amount, text):
    assert soles(amount) == text


@pytest.mark.parametrize("day, text", [(date(2022, 3, 11), "11 de marzo de 2022"),
                                       (date(2018, 9, 1), "1 de setiembre de 2018"), (None, "")])
def test_long_date(day, text):
    assert long_date(day) == text


@pytest.mark.parametrize("penalty, text", [
    (Penalty(prison_years=12 + 8 / 12, effective=True, reparacion_civil_soles=10000),
     "12 años y 8 meses de pena privativa de libertad efectiva; reparación civil de S/ 10,000.00"),
    (Penalty(prison_years=4, effective=False, probation_years=3),
     "4 años de pena privativa de libertad suspendida; periodo de prueba de 3 años"),
    (Penalty(inhabilitacion=True, inhabilitacion_years=2.5, inhabilitacion_incisos=[1, 2], dias_multa=180),
     "inhabilitación por 2 años y 6 meses (art. 36, incisos 1, 2); 180 días-multa"),
    (Penalty(cadena_perpetua=True, effective=True, reparacion_civil_soles=20000),
     "cadena perpetua; reparación civil de S/ 20,000.00"),
    (Penalty(), "sin detalle"),
])
def test_penalty_text(penalty, text):
    assert penalty_text(penalty) == text
