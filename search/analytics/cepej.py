"""CEPEJ clearance rate and disposition time, from caseload counts (never from rulings).

CEPEJ (European Commission for the Efficiency of Justice) definitions:
clearance rate = resolved ÷ incoming cases of the period; disposition time = 365 × cases
pending at the end of the period ÷ resolved cases, in days. Rulings say nothing of the
cases that were filed or are still pending, so both need counts loaded from court
statistics: a CSV with the columns ``court, year, filed, resolved, pending`` (Spanish
headers ``organo``/``juzgado``, ``anio``/``año``, ``ingresados``, ``resueltos``,
``pendientes`` are accepted), one row per court and year.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from typing import TextIO

from pydantic import ValidationError

from schemas import QueryError, Reason

from search.analytics.models import CaseloadRow, CepejResult, CepejRow
from search.analytics.stats import ratio
from search.query.analysis import normalize_key

ALL_COURTS = "todos"
UNAVAILABLE = ("La tasa de resolución y el tiempo de disposición de la CEPEJ no pueden calcularse "
               "solo con resoluciones judiciales: necesitan la carga procesal (causas ingresadas, "
               "resueltas y pendientes por órgano y año). Cárguela con --caseload ARCHIVO.csv.")

_HEADERS = {
    "court": "court", "organo": "court", "órgano": "court", "juzgado": "court", "corte": "court",
    "year": "year", "anio": "year", "año": "year", "ano": "year",
    "filed": "filed", "incoming": "filed", "ingresados": "filed", "ingresos": "filed",
    "resolved": "resolved", "resueltos": "resolved",
    "pending": "pending", "pendientes": "pending",
}


def read_caseload(stream: TextIO, *, source: str = "csv") -> list[CaseloadRow]:
    """Rows of a caseload CSV; ``QueryError`` (Spanish, with the line) when one is malformed."""
    reader = csv.DictReader(stream)
    columns = {h: _HEADERS.get(normalize_key(h or "").replace(" ", "_"), _HEADERS.get((h or "").strip().lower()))
               for h in reader.fieldnames or []}
    missing = {"court", "year", "filed", "resolved", "pending"} - set(columns.values())
    if missing:
        raise QueryError(f"{source}: faltan columnas {', '.join(sorted(missing))} "
                         "(se esperan court, year, filed, resolved, pending).", reason=Reason.QUERY)
    rows = []
    for line, raw in enumerate(reader, start=2):
        values = {columns[h]: (v or "").strip() for h, v in raw.items() if columns.get(h)}
        try:
            rows.append(CaseloadRow(**values))
        except ValidationError as exc:
            problem = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors())
            raise QueryError(f"{source}, línea {line}: {problem}", reason=Reason.QUERY) from exc
    return rows


def _row(court: str, year: int | None, filed: int, resolved: int, pending: int) -> CepejRow:
    return CepejRow(court=court, year=year, filed=filed, resolved=resolved, pending=pending,
                    clearance_rate=ratio(resolved, filed),
                    disposition_time_days=365 * pending / resolved if resolved else None)


def cepej(rows: Iterable[CaseloadRow] | None, *, source: str | None = None) -> CepejResult:
    """Per court and year, and per year over every court; unavailable without counts."""
    if rows is None:
        return CepejResult(available=False, message=UNAVAILABLE)
    rows = list(rows)
    per_year: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        t = per_year[r.year]
        t[0] += r.filed
        t[1] += r.resolved
        t[2] += r.pending
    return CepejResult(
        available=True, source=source,
        message=f"Carga procesal de {source or 'la tabla cargada'}: {len(rows)} filas (órgano y año).",
        rows=[_row(r.court, r.year, r.filed, r.resolved, r.pending)
              for r in sorted(rows, key=lambda r: (r.court, r.year))],
        by_year=[_row(ALL_COURTS, y, *t) for y, t in sorted(per_year.items())],
    )
