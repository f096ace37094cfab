"""What acquisition hands to extraction: the text of every page and how it was obtained."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class FileType(StrEnum):
    PDF = "pdf"
    TIFF = "tiff"
    PNG = "png"
    JPEG = "jpeg"
    TEXT = "text"


class PageMethod(StrEnum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    NONE = "none"  # the page could not be read; see ``Page.error``


class Page(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int = Field(ge=1, description="1-based page number within the file")
    text: str = ""
    method: PageMethod
    ocr_confidence: float | None = Field(
        default=None, description="Tesseract mean word confidence, 0-100; None for text layers"
    )
    language: str | None = Field(default=None, description="ISO 639-1 code from langdetect")
    seconds: float = 0.0
    error: str | None = Field(default=None, description="why this page has no text, if it has none")
    source_map: list[tuple[int, int]] = Field(
        default_factory=list,
        description="(clean offset, raw offset) anchors: offsets into ``text`` map back to the text "
        "as read (pdfium text layer or Tesseract output); between anchors both advance together",
    )


class DocumentText(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: str
    sha256: str
    file_type: FileType
    page_count: int
    pages: list[Page]
    language: str | None = None
    warnings: list[str] = Field(default_factory=list)

    @property
    def text(self) -> str:
        """All pages joined by form feeds; offsets per page come from ``page_offsets``."""
        return "\f".join(p.text for p in self.pages)

    def page_offsets(self) -> list[int]:
        """Start offset of each page within ``text``."""
        offsets, pos = [], 0
        for p in self.pages:
            offsets.append(pos)
            pos += len(p.text) + 1
        return offsets
