"""CSV export: the columns, one row per ruling, redaction."""

import csv
import io
from datetime import date

from schemas import CourtLevel, EarlyTermination, OutcomeKind, Party, Penalty, Role
from search.export import COLUMNS, penalty_summary, row_of, write_csv
from search.privacy import redact_record

from tests.search.factory import accused, judge, make_record, victim

RECORD = make_record(
    ["SENTENCIA ... la agraviada Rosa Mamani Apaza ..."], key="x", district="Puno", court="Juzgado Penal Colegiado",
    level=CourtLevel.JUZGADO, crimes=("trata_de_personas", "proxenetismo"), articles=("153-A",), day=date(2021, 3, 11),
    outcome=OutcomeKind.CONDENA, early=EarlyTermination.CONCLUSION_ANTICIPADA,
    case_numbers=("00123-2019-45-2101-JR-PE-01",), citations=("Casación 904-2019",),
    parties=(judge("Chambi Tuesta"), judge("Zapata Machaca", Role.PONENTE), accused("Juan Quispe"),
             accused("Ana Ccori"), victim("Rosa Mamani Apaza"), Party(name="Ministerio Público", role=Role.FISCAL)),
    penalties=(Penalty(defendant="Juan Quispe", prison_years=15, effective=True, dias_multa=180,
                       reparacion_civil_soles=10000.0),
               Penalty(defendant="Ana Ccori", prison_years=4, effective=False, probation_years=3,
                       reparacion_civil_soles=2500.5)),
)


def test_columns():
    assert COLUMNS[:8] == ("id", "path", "doc_kind", "court", "level", "district", "resolution_date", "year")
    for column in ("case_numbers", "crimes", "articles", "outcome", "procedural_code", "early_termination",
                   "judges", "defendants", "penalties"):
        assert column in COLUMNS


def test_row_of_a_record():
    row = row_of(redact_record(RECORD))
    assert row == {
        "id": RECORD.id, "path": RECORD.path, "doc_kind": "sentencia", "court": "Juzgado Penal Colegiado",
        "level": "juzgado", "district": "Puno", "resolution_date": "2021-03-11", "year": "2021",
        "case_numbers": "00123-2019-45-2101-JR-PE-01", "crimes": "trata_de_personas | proxenetismo",
        "charges": "trata de personas | proxenetismo", "articles": "153-A", "outcome": "condena",
        "outcomes_by_defendant": "", "procedural_code": "ncpp", "early_termination": "conclusion_anticipada",
        "judges": "Chambi Tuesta | Zapata Machaca", "defendants": "Juan Quispe | Ana Ccori", "victims": "R.M.A.",
        "protected_victim": "sí",
        "penalties": "Juan Quispe: 15 años efectiva; 180 días-multa; S/ 10000 | "
                     "Ana Ccori: 4 años suspendida; periodo de prueba 3 años; S/ 2500.5",
        "reparacion_civil_soles": "12500.5", "citations": "casacion 904-2019", "page_count": "1",
        "extractor_version": "test-1",
    }


def test_penalty_summary_of_partial_penalties():
    assert penalty_summary(Penalty(prison_years=2.5)) == "2.5 años"
    assert penalty_summary(Penalty(defendant="X", reparacion_civil_soles=500)) == "X: S/ 500"


def test_write_csv_header_rows_and_quoting():
    out = io.StringIO()
    assert write_csv([redact_record(RECORD), make_record("otro", key="y")], out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["id"] for r in rows] == [RECORD.id, make_record("otro", key="y").id]
    assert list(rows[0]) == list(COLUMNS)
    assert "Rosa" not in out.getvalue()


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_inert():
    record = make_record("texto", key="formula", parties=(accused('=HYPERLINK("http://x","y")'), accused("@SUM(A1)")))
    buffer = io.StringIO()
    write_csv([record], buffer)
    row = next(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["defendants"].startswith("'=HYPERLINK(")
    assert row["id"] == record.id  # ordinary cells are untouched
