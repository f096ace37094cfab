"""The ``index`` fixture: every contract test runs on SQLite with each full-text engine
(tantivy, FTS5), and on an Elasticsearch-API cluster when ``ES_URL`` points at one
(``make cluster-start`` starts three OpenSearch nodes: ``ES_URL=http://127.0.0.1:9250``)."""

from __future__ import annotations

import os
import uuid

import pytest

from search import open_index

ES_URL = os.environ.get("ES_URL")


def open_backend(kind: str, tmp_path, *, originals: bool = False, name: str = "index"):
    """A fresh index of ``kind`` ("tantivy", "fts5", "elastic"); None when ES is not set."""
    if kind in ("tantivy", "fts5"):
        return open_index(tmp_path / "sub" / f"{name}.sqlite", engine=kind, originals=originals)
    if not ES_URL:
        pytest.skip("ES_URL no definido: las pruebas de Elasticsearch necesitan un clúster (make cluster-start)")
    return open_index(f"{ES_URL.rstrip('/')}/expediente-test-{uuid.uuid4().hex[:12]}", originals=originals)


def drop_backend(idx) -> None:
    if hasattr(idx, "drop"):
        idx.drop()
    idx.close()


BACKENDS = ["tantivy", "fts5", pytest.param("elastic", marks=pytest.mark.es)]


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def index(backend, tmp_path):
    idx = open_backend(backend, tmp_path)
    yield idx
    drop_backend(idx)
