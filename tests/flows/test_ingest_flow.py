"""The flow itself, run for real under the session's Prefect harness."""

from __future__ import annotations

import pytest

from samples import generate
from flows.ingest import IngestEvent, Stage, add_listener, with_concurrency

pytestmark = pytest.mark.slow


def test_documents_finish_one_by_one_and_every_stage_is_heard(tmp_path, prefect_harness):
    docs = generate(tmp_path / "corpus", count=4, seed=2, text_only=True)
    (tmp_path / "corpus" / "notas.docx").write_bytes(b"PK\x03\x04")
    events: list[IngestEvent] = []
    remove = add_listener(events.append)
    try:
        summary = with_concurrency(1)(paths=[str(tmp_path / "corpus")],
                                      index=str(tmp_path / "i.sqlite"), batch_size=25)
    finally:
        remove()
    assert len(summary.by_status("ingested")) == len(docs)
    assert [(o.status, o.reason) for o in summary.by_status("excluded")] == [("excluded", "unsupported_type")]
    order = [(e.stage, e.path.rsplit("/", 1)[-1]) for e in events]
    names = sorted(d.path.name for d in docs)
    # each document is extracted before the next one is read: progress moves all through
    # the run (before, every document was read before any was extracted)
    reading = [(stage, name) for stage, name in order if stage in (Stage.ACQUIRED, Stage.EXTRACTED)]
    assert reading == [(stage, name) for name in names for stage in (Stage.ACQUIRED, Stage.EXTRACTED)]
    assert all(e.pages > 0 for e in events if e.stage is Stage.ACQUIRED)
    done = [e.outcome.status for e in events if e.stage is Stage.DONE]
    assert sorted(done) == ["excluded"] + ["ingested"] * len(docs)
