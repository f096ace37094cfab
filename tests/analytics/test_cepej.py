"""CEPEJ indicators need caseload counts; without them the result says so."""

from __future__ import annotations

import io

import pytest

from schemas import QueryError
from search.analytics import CEPEJ_UNAVAILABLE, cepej, read_caseload

CSV = """court,year,filed,resolved,pending
Juzgado Penal Colegiado de Tambopata,2021,200,180,120
Juzgado Penal Colegiado de Tambopata,2022,220,240,100
Juzgado Unipersonal de Juliaca,2022,100,50,73
"""


def test_clearance_rate_and_disposition_time():
    r = cepej(read_caseload(io.StringIO(CSV)), source="carga.csv")
    assert r.available and len(r.rows) == 3
    first = r.rows[0]
    assert (first.clearance_rate, first.disposition_time_days) == (pytest.approx(0.9), pytest.approx(365 * 120 / 180))
    y2022 = next(x for x in r.by_year if x.year == 2022)
    assert (y2022.filed, y2022.resolved, y2022.pending) == (320, 290, 173)
    assert y2022.clearance_rate == pytest.approx(290 / 320)
    assert y2022.disposition_time_days == pytest.approx(365 * 173 / 290)


def test_spanish_headers_and_zero_resolved():
    rows = read_caseload(io.StringIO("órgano,año,ingresados,resueltos,pendientes\nSala,2020,0,0,5\n"))
    r = cepej(rows)
    assert (r.rows[0].clearance_rate, r.rows[0].disposition_time_days) == (None, None)


@pytest.mark.parametrize("text,message", [
    ("court,year,filed\nX,2020,1\n", "faltan columnas pending, resolved"),
    ("court,year,filed,resolved,pending\nX,2020,1,uno,0\n", "línea 2: resolved"),
    ("court,year,filed,resolved,pending\nX,2020,-1,1,0\n", "línea 2: filed"),
])
def test_malformed_csv_is_a_query_error(text, message):
    with pytest.raises(QueryError, match=message):
        read_caseload(io.StringIO(text))


def test_without_counts_it_says_they_cannot_be_computed():
    r = cepej(None)
    assert not r.available and r.message == CEPEJ_UNAVAILABLE and "solo con resoluciones" in r.message
