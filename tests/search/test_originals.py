"""Originals: protected names kept apart from the public index, shown only when allowed."""

import io
import stat

import pytest

from search import SearchQuery, open_index
from search.export import write_csv

from tests.search.conftest import drop_backend, open_backend
from tests.search.factory import make_record, victim

NAME = "Nancy Huamán Quispe"
RECORD = make_record(["La agraviada Nancy Huamán Quispe declaró sobre la captación."], key="v",
                     parties=(victim(NAME),), redactions=((NAME, "N.H.Q."),), crimes=("trata_de_personas",))
PLAIN = make_record("Robo agravado sin víctimas protegidas.", key="p")


def csv_of(index, query=SearchQuery()) -> str:
    out = io.StringIO()
    write_csv(index.iter_matching(query), out)
    return out.getvalue()


@pytest.fixture
def written(backend, tmp_path):
    """The record written by a caller allowed to keep originals; yields an opener."""
    idx = open_backend(backend, tmp_path, originals=True)
    idx.upsert([RECORD, PLAIN])
    yield idx
    drop_backend(idx)


def test_allowed_caller_sees_the_original_everywhere(written):
    assert written.get(RECORD.id) == RECORD
    hit = written.search(SearchQuery(text="captación")).hits[0]
    assert "Nancy" in hit.snippet
    assert [r.ruling.parties[0].name for r in written.iter_matching(SearchQuery(crime="trata_de_personas"))] == [NAME]
    assert NAME in csv_of(written)
    assert written.get(PLAIN.id) == PLAIN
    assert written.search(SearchQuery(text="Huamán")).total == 0  # the name is never searchable


def test_others_see_the_redacted_record(written):
    written.originals = False  # the same index, read by a caller without the right
    assert "Nancy" not in written.get(RECORD.id).model_dump_json()
    assert "Nancy" not in written.search(SearchQuery(text="captación")).hits[0].snippet
    text = csv_of(written)
    assert "Nancy" not in text and "N.H.Q." in text


def test_rewriting_without_originals_drops_the_original(written):
    written.originals = False
    written.upsert([RECORD])
    written.originals = True
    assert "Nancy" not in written.get(RECORD.id).model_dump_json()


def test_delete_drops_the_original(written):
    assert written.delete(RECORD.id)
    assert written.get(RECORD.id) is None
    written.upsert([PLAIN])
    assert written.get(RECORD.id) is None


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_public_files_never_hold_the_name_the_originals_file_does(tmp_path, engine):
    folder = tmp_path / "idx"
    path = folder / "index.sqlite"
    with open_index(path, engine=engine, originals=True) as idx:
        idx.upsert([RECORD])
    originals = folder / "index.sqlite-originals"
    assert stat.S_IMODE(originals.stat().st_mode) == 0o600
    assert "Nancy".encode() in originals.read_bytes()
    public = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file() and "originals" not in p.name)
    for needle in ("Nancy", "NANCY", "Huamán", "Huaman", "huaman"):
        assert needle.encode() not in public
    with open_index(path, engine=engine) as idx:  # not allowed: redacted
        assert "Nancy" not in idx.get(RECORD.id).model_dump_json()


def test_without_originals_no_originals_file_is_created(tmp_path):
    with open_index(tmp_path / "index.sqlite") as idx:
        idx.upsert([RECORD])
        assert idx.get(RECORD.id).pages == ["La agraviada N.H.Q. declaró sobre la captación."]
    assert not (tmp_path / "index.sqlite-originals").exists()
