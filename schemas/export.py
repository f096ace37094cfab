"""Write the JSON Schema of the public models to ``schemas/json/``."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.document import DocumentText
from schemas.ruling import Ruling

SCHEMA_DIR = Path(__file__).parent / "json"
MODELS = {"ruling": Ruling, "document_text": DocumentText}


def render() -> dict[str, str]:
    """File name -> JSON text of each model's schema."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False)
        + "\n"
        for name, model in MODELS.items()
    }


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
