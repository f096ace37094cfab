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


BOX_SCALE = 10_000  # box coordinates are in 1/10,000 of the page's width and height


class PageBoxes(BaseModel):
    """Where the words of a page's text lie on the page, compactly: ``words`` is a flat list
    of six integers per word, ``start, end, x0, y0, x1, y1``: the word's span in the page's
    (clean) text and its rectangle in 1/``BOX_SCALE`` of the page's width and height, origin
    at the top left of the page as it is displayed (so any rendering size works). No text."""

    model_config = ConfigDict(frozen=True)

    width: float = Field(gt=0, description="page width as read: PDF points or image pixels")
    height: float = Field(gt=0, description="page height as read: PDF points or image pixels")
    words: list[int] = Field(default_factory=list, description="start, end, x0, y0, x1, y1 per word")

    def rects(self, start: int, end: int) -> list[tuple[float, float, float, float]]:
        """The rectangles (x0, y0, x1, y1, fractions of the page) of the words that overlap the
        text span ``[start, end)``."""
        w = self.words
        return [(w[i + 2] / BOX_SCALE, w[i + 3] / BOX_SCALE, w[i + 4] / BOX_SCALE, w[i + 5] / BOX_SCALE)
                for i in range(0, len(w) - 5, 6) if w[i] < end and w[i + 1] > start]


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
    boxes: PageBoxes | None = Field(
        default=None, description="word boxes (offsets into ``text``); None when unknown")


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
