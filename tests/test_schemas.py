"""The JSON Schema files in schemas/json are the public contract: they must be current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import DocKind, Ruling, export

WILD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wild"


def test_json_schema_files_are_current():
    for name, text in export.render().items():
        path = export.SCHEMA_DIR / name
        assert path.exists(), f"falta {path}: ejecute `expediente schema`"
        assert path.read_text(encoding="utf-8") == text, f"{path} está desactualizado: `expediente schema`"


def test_ruling_schema_has_the_public_fields():
    schema = json.loads((export.SCHEMA_DIR / "ruling.schema.json").read_text())
    for key in ("doc_kind", "case_numbers", "court", "resolution_date", "place", "parties", "charges",
                "outcome", "penalties", "events", "procedural_code", "citations", "evidence"):
        assert key in schema["properties"], key
    assert set(schema["$defs"]["DocKind"]["enum"]) == {k.value for k in DocKind}


@pytest.mark.skipif(not WILD.is_dir(), reason="../shared/corpus/wild no está junto al repositorio")
@pytest.mark.parametrize("truth", sorted(WILD.glob("*.truth.json")) if WILD.is_dir() else [],
                         ids=lambda p: p.name)
def test_wild_truth_files_fit_the_ruling_contract(truth):
    ruling = Ruling.model_validate_json(truth.read_text(encoding="utf-8"))
    assert ruling.case_numbers and ruling.doc_kind != DocKind.OTRO


def test_evidence_is_rejected_when_offsets_are_negative():
    from pydantic import ValidationError

    from schemas import Evidence

    with pytest.raises(ValidationError):
        Evidence(page=1, start=-1, end=3, rule="x")
