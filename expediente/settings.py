"""Settings read once at the edge (CLI, flow parameters) and passed down explicitly."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/expediente`` (``~/.local/share/expediente`` by default)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "expediente"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/expediente`` (``~/.cache/expediente`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "expediente"


class Settings(BaseSettings):
    """Every option can be set as ``EXPEDIENTE_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="EXPEDIENTE_")

    index: str = Field(
        default_factory=lambda: str(default_data_dir() / "index.sqlite"),
        description="SQLite file path, or http(s):// URL of an Elasticsearch cluster",
    )
    dpi: int = Field(default=300, ge=72, le=600, description="OCR rendering resolution")
    ocr_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        description="Tesseract processes running at once, shared among the reading processes",
    )
    max_pages: int = Field(default=5000, ge=1, description="longer documents are refused (too_large)")
    concurrency: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        description="processes reading documents at once (acquisition and extraction)",
    )
    batch_size: int = Field(default=25, ge=1, description="records per index transaction")
    log_dir: Path = Field(default_factory=lambda: default_data_dir() / "logs")
    scratch_dir: Path = Field(
        default_factory=lambda: default_cache_dir() / "tmp",
        description="OCR page images while Tesseract reads them (one private folder per run; "
                    "folders of killed runs are removed by the next ingest)",
    )
    show_originals: bool = Field(
        default=False, description="show protected victims' names (never in the public index)"
    )
