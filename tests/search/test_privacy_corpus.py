"""Privacy over a whole generated corpus, extracted for real: no protected victim's name,
however the ruling identifies her (initials, a clave, "la menor"), reaches any byte of the
public index, a stored field, a hit or a snippet (issue 15: a victim given as "clave
581-2023" and by her full name in the body was stored and searchable)."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from samples import generate
from extractors.acquire import acquire
from flows.ingest import extract_task
from search import SearchQuery

from tests.search.conftest import drop_backend, open_backend

SEED, COUNT = 31, 100  # this corpus holds the "clave 581-2023" victim named in the body


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def _spelled_out(name: str) -> bool:
    """A full name, not initials ("N.T.L.") nor a code ("clave 581-2023")."""
    return not re.search(r"\d|\.", name) and len(name.split()) >= 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    generate(out, count=COUNT, seed=SEED, text_only=True)
    records, names, by_code = [], set(), []
    for truth_path in sorted(out.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        names |= {r["text"] for r in truth["redactions"]}
        names |= {p["name"] for p in truth["parties"] if p["protected"] and _spelled_out(p["name"])}
        by_code += [r["text"] for r in truth["redactions"] if r["replacement"].startswith("clave")]
        records.append(extract_task.fn(acquire(truth_path.with_name(truth_path.name.replace(".truth.json", ".txt")))))
    assert by_code, "the corpus must hold a victim identified by a code and named in the body"
    return records, sorted(names)


def _needles(name: str) -> set[bytes]:
    forms = {name, name.upper(), name.title(), _fold(name), _fold(name).upper()}
    forms |= {json.dumps(f)[1:-1] for f in list(forms)}  # as a JSON string stores it
    return {f.encode("utf-8") for f in forms}


@pytest.mark.parametrize("kind", ["tantivy", "fts5", pytest.param("elastic", marks=pytest.mark.es)])
def test_no_protected_name_anywhere_in_the_public_index(corpus, kind, tmp_path):
    records, names = corpus
    assert len(names) >= 3
    idx = open_backend(kind, tmp_path)
    try:
        idx.upsert(records)
        assert idx.count() == len(records)
        folded = [_fold(n) for n in names]
        for record in idx.iter_records():  # every stored field of every record
            dumped = _fold(record.model_dump_json())
            assert not [n for n in folded if n in dumped], record.path
        for name in names:
            assert idx.search(SearchQuery(text=f'"{name}"')).total == 0, name
        broad = idx.search(SearchQuery(text="menor OR agraviada OR agraviado OR victima", limit=500))
        assert broad.total > 0
        shown = _fold(json.dumps(broad.model_dump(mode="json"), ensure_ascii=False))
        assert not [n for n in folded if n in shown]
        if kind != "elastic":
            idx.close()  # checkpoint the WAL into the file, then read every byte of the index
            folder = tmp_path / "sub"
            raw = b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())
            assert b"clave 581-2023" in raw  # the code stays: it identifies no one
            leaks = [name for name in names if any(n in raw for n in _needles(name))]
            assert leaks == []
    finally:
        if kind == "elastic":
            drop_backend(idx)
        else:
            idx.close()
