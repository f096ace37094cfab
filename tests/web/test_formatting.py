"""Penalties, money and dates as a ruling writes them."""

from datetime import date

import pytest

from expediente.formatting import long_date, soles, years_months


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
