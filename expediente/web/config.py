"""What the web application needs to know, read once at the edge (``expediente serve``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from expediente.settings import Settings, default_data_dir

MAX_PAGE_SIZE = 100  # results per page, API and HTML


class WebSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: str = Field(description="SQLite file path, or http(s):// URL of an Elasticsearch index")
    data_dir: Path = Field(default_factory=default_data_dir, description="holds the API key file and the audit log")
    max_export_rows: int = Field(default=50_000, ge=1, description="largest result set exported as CSV")
    max_upload_bytes: int = Field(default=200_000_000, ge=1, description="largest upload (all its files)")
    max_store_bytes: int = Field(default=20_000_000_000, ge=1, description="most bytes kept under the uploads "
                                 "folder (stored originals, uploads being received, job records)")
    rate_per_second: float = Field(default=20.0, gt=0, description="requests per second per key or address")
    rate_burst: int = Field(default=60, ge=1, description="requests allowed at once before the rate applies")
    stats_ttl: float = Field(default=600.0, ge=0, description="seconds the analytics corpus is reused even if "
                             "the number of records changed (it is one pass over the whole index)")
    warm_stats: bool = Field(default=True, description="read the analytics corpus when the server starts")
    facet_cache: int = Field(default=512, ge=0, description="facet answers kept per index until it changes "
                             "(expediente.web.cache); 0 keeps none")
    precedent_cache: int = Field(default=512, ge=0, description="precedent panels of rulings (more like this, "
                                 "citing, cited) kept per index until it changes; 0 keeps none")
    allowed_hosts: tuple[str, ...] = Field(default=("*",), description="Host headers answered; 'serve' on a "
                                           "loopback address allows only local names (no DNS rebinding)")

    @classmethod
    def from_settings(cls, settings: Settings, **overrides) -> WebSettings:
        return cls(index=settings.index, **overrides)

    @property
    def keys_file(self) -> Path:
        return self.data_dir / "api-keys.json"

    @property
    def session_secret(self) -> Path:
        return self.data_dir / "web-secret"

    @property
    def audit_log(self) -> Path:
        return self.data_dir / "audit.log"
