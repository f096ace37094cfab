"""The ``index`` fixture: every contract test runs on SQLite, and on Elasticsearch when
``ES_URL`` points at a live cluster (``http://localhost:9200``)."""

from __future__ import annotations

import os
import uuid

import pytest

from search import open_index

ES_URL = os.environ.get("ES_URL")


@pytest.fixture(params=["sqlite", pytest.param("elastic", marks=pytest.mark.es)])
def index(request, tmp_path):
    if request.param == "sqlite":
        idx = open_index(tmp_path / "sub" / "index.sqlite")
        yield idx
        idx.close()
        return
    if not ES_URL:
        pytest.skip("ES_URL no definido")
    name = f"expediente-test-{uuid.uuid4().hex[:12]}"
    idx = open_index(f"{ES_URL.rstrip('/')}/{name}")
    yield idx
    idx.client.indices.delete(index=name, ignore_unavailable=True)
    idx.close()
