"""What the index stores for one document: its identity, its text and its ``Ruling``."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from schemas.document import FileType, PageBoxes
from schemas.ruling import Ruling


class IndexRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(description="stable document id: the first 16 hex digits of the sha256")
    path: str
    sha256: str
    file_type: FileType
    page_count: int
    language: str | None = None
    pages: list[str] = Field(description="page texts (redacted when stored in a public index)")
    ruling: Ruling
    page_boxes: list[PageBoxes | None] = Field(
        default_factory=list, description="word boxes per page, offsets into ``pages`` (empty: none kept)")
    extractor_version: str
    ingested_at: datetime

    @staticmethod
    def id_for(sha256: str) -> str:
        return sha256[:16]
