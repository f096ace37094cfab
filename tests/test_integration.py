"""End to end with real parts: generated PDFs and scans, real OCR, the real spaCy model, a
real SQLite file and real Prefect flow runs, driven through the command line."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from typer.testing import CliRunner

from expediente.cli import app
from samples import generate
from schemas import IndexRecord, Role, Ruling

pytestmark = pytest.mark.slow

runner = CliRunner()


def _run(*args: str):
    result = runner.invoke(app, list(args))
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    docs = generate(out, count=12, seed=11, scanned_ratio=0.3)
    assert sum(d.scanned for d in docs) >= 3
    return out, docs


@pytest.fixture(scope="module")
def ingested(corpus, tmp_path_factory, prefect_harness):
    out, docs = corpus
    broken = out / "zz_roto.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n")  # truncated
    index = tmp_path_factory.mktemp("index") / "index.sqlite"
    events = index.with_name("events.jsonl")
    first = _run("ingest", str(out), "--index", str(index), "--json", "--events", str(events))
    return out, docs, index, first, events


def _summary(result) -> dict:
    start = result.stdout.index("{")
    decoder = json.JSONDecoder()
    return decoder.raw_decode(result.stdout[start:])[0]


def test_first_run_indexes_every_document_and_reports_the_corrupt_one(ingested):
    out, docs, index, first, _ = ingested
    assert first.exit_code == 0, first.output
    summary = _summary(first)
    status = {o["path"].split("/")[-1]: o for o in summary["outcomes"]}
    for doc in docs:
        assert status[doc.path.name]["status"] == "ingested", status[doc.path.name]
    assert status["zz_roto.pdf"]["status"] == "failed"
    assert status["zz_roto.pdf"]["reason"] == "corrupt"
    assert "zz_roto.pdf" in first.stderr
    with sqlite3.connect(index) as db:
        assert db.execute("select count(*) from documents").fetchone()[0] == len(docs)


def test_events_follow_each_file_through_its_stages_to_its_outcome(ingested):
    out, docs, index, first, events = ingested
    lines = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    outcomes = {o["path"]: o for o in _summary(first)["outcomes"]}
    done = {e["path"]: e["outcome"] for e in lines if e["stage"] == "done"}
    assert done == outcomes  # one final event per file, the same outcome as the summary
    for doc in docs:
        stages = [e["stage"] for e in lines if e["path"] == str(doc.path)]
        assert stages == ["acquired", "extracted", "done"], (doc.path, stages)
    assert [e["stage"] for e in lines if e["path"].endswith("zz_roto.pdf")] == ["done"]


def test_second_run_ingests_nothing_new(ingested):
    out, docs, index, *_ = ingested
    again = _run("ingest", str(out), "--index", str(index), "--json")
    summary = _summary(again)
    statuses = [o["status"] for o in summary["outcomes"]]
    assert statuses.count("skipped") == len(docs)
    assert statuses.count("ingested") == 0


def _search_ids(index, *args) -> list[str]:
    result = _run("search", *args, "--index", str(index), "--json", "--limit", "50")
    assert result.exit_code == 0, result.output
    return [h["id"] for h in _summary(result)["hits"]]


def test_searches_find_the_right_documents(ingested):
    out, docs, index, *_ = ingested
    for doc in docs:
        truth = Ruling.model_validate_json(doc.truth_path.read_text(encoding="utf-8"))
        doc_id = IndexRecord.id_for(_sha256(doc.path))
        defendants = [p.name for p in truth.parties if p.role == Role.IMPUTADO]
        # the defendant's surnames, without accents and in lower case, find the document
        surname = _fold(defendants[0].split()[-2]) if defendants and len(defendants[0].split()) > 2 else None
        if surname:
            assert doc_id in _search_ids(index, surname), (doc.name, surname)
        # the case number, as written in the truth, finds the document
        if truth.case_numbers:
            number = re.search(r"\d+-\d{4}", truth.case_numbers[0].normalized).group(0)
            assert doc_id in _search_ids(index, f'"{number}"'), (doc.name, number)


def test_spanish_matching_folds_accents_and_plurals(ingested):
    out, docs, index, *_ = ingested
    with_accent = set(_search_ids(index, "resolución"))
    assert with_accent and with_accent == set(_search_ids(index, "RESOLUCION"))
    assert set(_search_ids(index, "agraviadas")) == set(_search_ids(index, "agraviada"))


def test_filters_by_district_return_only_that_district(ingested):
    out, docs, index, *_ = ingested
    truths = [Ruling.model_validate_json(d.truth_path.read_text(encoding="utf-8")) for d in docs]
    districts = [t.court.district or t.case_numbers[0].district for t in truths if t.case_numbers]
    district = max(set(districts), key=districts.count)
    result = _run("search", "", "--district", district, "--index", str(index), "--json", "--limit", "50")
    hits = _summary(result)["hits"]
    assert hits and all(h["district"] == district for h in hits)


def test_show_and_extract_print_the_ruling(ingested):
    out, docs, index, *_ = ingested
    doc = docs[0]
    doc_id = IndexRecord.id_for(_sha256(doc.path))
    shown = _run("show", doc_id, "--index", str(index), "--json")
    assert shown.exit_code == 0, shown.output
    assert _summary(shown)["id"] == doc_id
    extracted = _run("extract", str(doc.path), "--json")
    assert extracted.exit_code == 0, extracted.output
    Ruling.model_validate(_summary(extracted))


def _sha256(path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fold(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")
