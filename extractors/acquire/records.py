"""The small records the acquisition stages hand each other.

A reader (PDF, image, plain text) turns a file into ``RawPage`` records: the page text as
read, how it was read and how long it took. Cleanup and language detection then turn
those into ``schemas.Page``. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from extractors.acquire.boxes import RawBoxes
from schemas import PageMethod


class TextLayerMode(StrEnum):
    """What to do with a page that already has a text layer: one enum, not booleans."""

    USE = "use"  # always take the text layer, even if it is empty or garbage
    OCR = "ocr"  # always OCR, ignore the text layer
    AUTO = "auto"  # take the text layer when it is real text, otherwise OCR the page


@dataclass(frozen=True)
class Options:
    """The caller's choices, checked once and passed down to every reader."""

    text_layer: TextLayerMode = TextLayerMode.AUTO
    dpi: int = 300
    ocr_workers: int = 2
    max_pages: int = 5000
    scratch_dir: Path | None = None  # root of the OCR page images (``scratch``)

    def __post_init__(self) -> None:
        if not 50 <= self.dpi <= 1200:
            raise ValueError(f"dpi debe estar entre 50 y 1200 (recibido {self.dpi})")
        if self.ocr_workers < 1:
            raise ValueError(f"ocr_workers debe ser al menos 1 (recibido {self.ocr_workers})")
        if self.max_pages < 1:
            raise ValueError(f"max_pages debe ser al menos 1 (recibido {self.max_pages})")


@dataclass(frozen=True)
class RawPage:
    """One page as a reader produced it, before cleanup."""

    number: int
    text: str
    method: PageMethod
    seconds: float = 0.0
    ocr_confidence: float | None = None
    error: str | None = None
    note: str | None = None  # something the user should know; becomes a document warning
    boxes: RawBoxes | None = None  # word boxes of ``text``, when the reader knows them

    @classmethod
    def failed(cls, number: int, error: str, *, seconds: float = 0.0) -> RawPage:
        return cls(number=number, text="", method=PageMethod.NONE, seconds=seconds, error=error)


@dataclass
class Acquired:
    """What a reader returns: its pages (any order) and document-level warnings."""

    pages: list[RawPage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
