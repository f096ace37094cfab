"""CSV export of a result set: one row per ruling, the extracted fields as columns.

Multi-valued cells join their values with `` | ``. The records come from the index, so
protected victims' names are redacted unless the index was opened with originals allowed.
A cell that a spreadsheet would take for a formula (text from a document that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
apostrophe, as OWASP's advice on CSV injection says: a ruling's text must never run.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import TextIO

from schemas import IndexRecord, Penalty, Role

from search.fields import fields_of

SEPARATOR = " | "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP, "CSV Injection"
COLUMNS = ("id", "path", "doc_kind", "court", "level", "district", "resolution_date", "year", "case_numbers",
           "crimes", "charges", "articles", "outcome", "outcomes_by_defendant", "procedural_code",
           "early_termination", "judges", "defendants", "victims", "protected_victim", "penalties",
           "reparacion_civil_soles", "citations", "page_count", "extractor_version")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def penalty_summary(p: Penalty) -> str:
    """``"Juan Pérez: 15 años efectiva; 180 días-multa; S/ 10000"``."""
    parts = []
    if p.cadena_perpetua:
        parts.append("cadena perpetua")
    if p.prison_years is not None:
        kind = " efectiva" if p.effective else " suspendida" if p.effective is False else ""
        parts.append(f"{_number(p.prison_years)} años{kind}")
    if p.probation_years is not None:
        parts.append(f"periodo de prueba {_number(p.probation_years)} años")
    if p.dias_multa is not None:
        parts.append(f"{p.dias_multa} días-multa")
    if p.reparacion_civil_soles is not None:
        parts.append(f"S/ {_number(p.reparacion_civil_soles)}")
    text = "; ".join(parts)
    return f"{p.defendant}: {text}" if p.defendant else text


def row_of(record: IndexRecord) -> dict[str, str]:
    r, f = record.ruling, fields_of(record)
    join = SEPARATOR.join
    reparations = [p.reparacion_civil_soles for p in r.penalties if p.reparacion_civil_soles is not None]
    return {
        "id": record.id, "path": record.path, "doc_kind": f.doc_kind, "court": f.court or "", "level": f.level or "",
        "district": f.district or "", "resolution_date": f.resolution_date or "",
        "year": str(f.year) if f.year else "", "case_numbers": join(f.case_numbers), "crimes": join(f.crimes),
        "charges": join(c.label for c in r.charges), "articles": join(f.articles), "outcome": f.outcome or "",
        "outcomes_by_defendant": join(f"{d.name}: {d.kind.value}" for d in r.outcome.by_defendant) if r.outcome else "",
        "procedural_code": f.procedural_code, "early_termination": f.early_termination or "",
        "judges": join(f.judges), "defendants": join(f.defendants),
        "victims": join(p.name for p in r.parties if p.role == Role.AGRAVIADO),
        "protected_victim": "sí" if f.protected else "no",
        "penalties": join(penalty_summary(p) for p in r.penalties),
        "reparacion_civil_soles": _number(sum(reparations)) if reparations else "",
        "citations": join(f.citations), "page_count": str(record.page_count),
        "extractor_version": record.extractor_version,
    }


def _inert(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(records: Iterable[IndexRecord], out: TextIO, *, progress: Callable[[int], None] | None = None) -> int:
    """Write a header and one row per record; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow({k: _inert(v) for k, v in row_of(record).items()})
        n += 1
        if progress and n % 1000 == 0:
            progress(n)
    return n
