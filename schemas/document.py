"""What acquisition hands to extraction: the text of every page and how it was obtained."""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Iterable
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
_WORD = struct.Struct("<IHHHHH")  # start, length, x0, y0, x1, y1

WordBox = tuple[int, int, int, int, int, int]  # start, end, x0, y0, x1, y1 (1/BOX_SCALE of the page)


class PageBoxes(BaseModel):
    """Where the words of a page's text lie on the page: per word, its span in the page's
    (clean) text and its rectangle in 1/``BOX_SCALE`` of the page's width and height, origin
    at the top left of the page as it is displayed (so any rendering size works). No text.

    Tens of thousands of words per document travel in every stored record, so ``words`` is
    packed: 14 bytes a word (``<IHHHHH``: start, length, x0, y0, x1, y1), zlib, base64 —
    about 11 bytes of JSON a word that parse as one string. Read it with ``word_boxes``."""

    model_config = ConfigDict(frozen=True)

    width: float = Field(gt=0, description="page width as read: PDF points or image pixels")
    height: float = Field(gt=0, description="page height as read: PDF points or image pixels")
    words: str = Field(default="", description="base64 of zlib of 14 bytes a word, little-endian: uint32 start, "
                       "uint16 length, uint16 x0, y0, x1, y1 in 1/10,000 of the page")

    @classmethod
    def of(cls, width: float, height: float, words: Iterable[WordBox]) -> PageBoxes:
        top, pack = BOX_SCALE, _WORD.pack
        packed = b"".join([pack(start, min(end - start, 0xFFFF), *[0 if v < 0 else top if v > top else v for v in rect])
                           for start, end, *rect in words])
        return cls(width=width, height=height, words=base64.b64encode(zlib.compress(packed, 6)).decode("ascii")
                   if packed else "")

    def word_boxes(self) -> list[WordBox]:
        if not self.words:
            return []
        raw = zlib.decompress(base64.b64decode(self.words))
        return [(start, start + length, x0, y0, x1, y1) for start, length, x0, y0, x1, y1 in _WORD.iter_unpack(raw)]

    def rects(self, start: int, end: int) -> list[tuple[float, float, float, float]]:
        """The rectangles (x0, y0, x1, y1, fractions of the page) of the words that overlap the
        text span ``[start, end)``."""
        return [(x0 / BOX_SCALE, y0 / BOX_SCALE, x1 / BOX_SCALE, y1 / BOX_SCALE)
                for s, e, x0, y0, x1, y1 in self.word_boxes() if s < end and e > start]


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
