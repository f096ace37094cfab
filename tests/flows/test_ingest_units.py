"""The flow's own small pieces, through ``task.fn`` (no Prefect server needed)."""

from __future__ import annotations

from datetime import datetime, timezone

from flows.ingest import discover, file_sha256, plan_task
from schemas import FileType, IndexRecord, Ruling
from search import open_index


def test_discover_takes_documents_under_directories_and_named_files(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.TIFF").write_bytes(b"II*\x00")
    (tmp_path / "a.truth.json").write_text("{}")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    named = tmp_path / "elsewhere.docx"
    named.write_bytes(b"PK")
    found = discover([tmp_path, named, tmp_path / "a.pdf"])
    assert [p.name for p in found.files] == ["a.pdf", "b.TIFF", "elsewhere.docx"]


def _record(path, sha, version):
    return IndexRecord(id=IndexRecord.id_for(sha), path=str(path), sha256=sha, file_type=FileType.TEXT,
                       page_count=1, pages=["Lima, uno de enero de dos mil veinte"], ruling=Ruling(),
                       extractor_version=version, ingested_at=datetime.now(timezone.utc))


def test_plan_skips_unchanged_files_and_duplicates_and_redoes_old_versions(tmp_path):
    from extractors.legal import EXTRACTOR_VERSION

    same, old, new = (tmp_path / n for n in ("same.txt", "old.txt", "new.txt"))
    same.write_text("uno")
    old.write_text("dos")
    new.write_text("tres")
    copy = tmp_path / "copy.txt"
    copy.write_text("tres")
    index = str(tmp_path / "i.sqlite")
    with open_index(index) as idx:
        idx.upsert([_record(same, file_sha256(same), EXTRACTOR_VERSION),
                    _record(old, file_sha256(old), "legal-0.0.0-old")])
    todo, skipped = plan_task.fn([same, old, new, copy], index)
    assert todo == [old, new]
    assert {o.path: o.message for o in skipped} == {
        str(same): "sin cambios desde la última ingesta",
        str(copy): f"mismo contenido que {new}",
    }


def test_missing_file_is_left_for_acquisition_to_report(tmp_path):
    ghost = tmp_path / "ghost.pdf"
    todo, skipped = plan_task.fn([ghost], str(tmp_path / "i.sqlite"))
    assert todo == [ghost] and skipped == []


def test_discover_reports_what_it_leaves_out_of_a_folder_and_ignores_only_the_listed_names(tmp_path):
    import os

    from flows.discover import IGNORED

    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "escrito.docx").write_bytes(b"PK")
    (tmp_path / "LEEME").write_text("hola")
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "roto.pdf").symlink_to(tmp_path / "ausente.pdf")
    os.mkfifo(tmp_path / "tuberia.pdf")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "arriba").symlink_to(tmp_path)  # a folder that contains itself
    for silent in ("a.truth.json", "a.pages.json", ".DS_Store"):
        (tmp_path / silent).write_text("{}")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["a.pdf"]
    assert {(e.path.name, str(e.reason)) for e in found.excluded} == {
        ("escrito.docx", "unsupported_type"), ("LEEME", "unsupported_type"),
        ("loop", "symlink_loop"), ("roto.pdf", "not_found"), ("tuberia.pdf", "unsupported_type"),
        ("arriba", "symlink_loop"),
    }
    assert {pattern for pattern, _ in IGNORED} >= {".*", "*.truth.json", "*.pages.json"}


def test_discover_does_not_break_on_a_loop_or_a_name_that_is_not_utf8(tmp_path):
    import os

    (tmp_path / "loop").symlink_to("loop")
    raw = os.fsencode(tmp_path) + b"/caso\xff.pdf"
    os.close(os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644))
    found = discover([tmp_path / "loop", tmp_path, os.fsdecode(raw)])
    assert [os.fsencode(p.name) for p in found.files] == [b"loop", b"caso\xff.pdf"]


def test_the_progress_bar_moves_per_document_and_counts_each_stage():
    from rich.console import Console

    from expediente import render
    from flows.ingest import FileOutcome, IngestEvent, Stage

    console = Console(record=True, width=120, force_terminal=False)
    with render.ingest_progress(console, total=3) as on_event:
        on_event(IngestEvent(Stage.DONE, "c/escrito.docx",
                             outcome=FileOutcome(path="c/escrito.docx", status="excluded")))
        on_event(IngestEvent(Stage.ACQUIRED, "c/caso\\xff.pdf", pages=4))
        on_event(IngestEvent(Stage.EXTRACTED, "c/caso\\xff.pdf", pages=4))
        on_event(IngestEvent(Stage.DONE, "c/caso\\xff.pdf",
                             outcome=FileOutcome(path="c/caso\\xff.pdf", status="ingested")))
    text = console.export_text()
    assert "2/3" in text  # the excluded file and the extracted one; indexing does not count twice
    assert "leídos 1 · extraídos 1 · indexados 1 · excluidos 1" in text
    assert "pág/s" in text and "caso\\xff.pdf" in text


def test_an_outcome_is_always_json_even_when_an_error_quotes_a_bad_name():
    import json

    from flows.ingest import FileOutcome

    outcome = FileOutcome(path="c/caso\udcff.png", status="failed", reason="corrupt",
                          message="cannot identify image file 'c/caso\udcff.png'",
                          warnings=["página 1: caso\udcff"])
    assert json.loads(outcome.model_dump_json()) == {
        "path": "c/caso\\xff.png", "status": "failed", "id": None, "reason": "corrupt",
        "message": "cannot identify image file 'c/caso\\xff.png'", "warnings": ["página 1: caso\\xff"]}
