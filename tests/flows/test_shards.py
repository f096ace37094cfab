"""One ingest between two Prefect process workers equals a single-process run.

Real everything: a standing ``prefect server start`` in a private PREFECT_HOME, the work
pool and deployments of ``prefect.yaml`` (``prefect deploy --all``), two ``prefect worker
start`` processes, and the parent flow run in its own process; all stopped at the end.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys

import pytest

from samples import generate
from flows.shards import shard_of
from flows.standing import StandingPrefect

pytestmark = pytest.mark.slow

RUN = """
import json, sys
from flows.shards import ingest_shards_flow
from flows.ingest import ingest_flow
if sys.argv[1] == "shards":
    summary = ingest_shards_flow(paths=[sys.argv[2]], index=sys.argv[3], shards=2, processes=1)
else:
    summary = ingest_flow(paths=[sys.argv[2]], index=sys.argv[3], processes=1)
print("SUMMARY" + summary.model_dump_json())
"""


def _run(prefect: StandingPrefect, mode: str, corpus, index) -> list[tuple[str, str, str | None]]:
    done = subprocess.run([sys.executable, "-c", RUN, mode, str(corpus), str(index)], env=prefect.env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout.split("SUMMARY", 1)[1])
    return sorted((o["path"].rsplit("/", 1)[-1], o["status"], o["reason"]) for o in summary["outcomes"])


def _records(index) -> list[tuple]:
    with sqlite3.connect(index) as db:
        rows = db.execute("SELECT id, sha256, record, pages FROM documents ORDER BY id").fetchall()
    # the same records, but for the moment each was ingested
    return [(i, s, re.sub(r'"ingested_at":"[^"]*"', "", r), p) for i, s, r, p in rows]


def test_two_workers_build_the_index_a_single_process_builds(tmp_path):
    corpus = tmp_path / "corpus"
    docs = generate(corpus, count=8, seed=4, text_only=True)
    (corpus / "roto.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    names = [d.path.name for d in docs] + ["roto.pdf"]
    assert {shard_of(str(corpus / n), 2) for n in names} == {0, 1}
    with StandingPrefect(tmp_path / "prefect") as prefect:
        prefect.deploy()
        for _ in range(2):
            prefect.worker(env={"PREFECT_LOGGING_LEVEL": "INFO"})
        single = _run(prefect, "single", corpus, tmp_path / "single.sqlite")
        shared = _run(prefect, "shards", corpus, tmp_path / "shared.sqlite")
        again = _run(prefect, "shards", corpus, tmp_path / "shared.sqlite")
        taken = [re.findall(r"submitting flow run '([0-9a-f-]+)'", log.read_text()) for log in prefect.workers]
    assert shared == single
    assert sorted(status for _, status, _ in single) == ["failed"] + ["ingested"] * len(docs)
    assert ("roto.pdf", "failed", "corrupt") in shared
    assert _records(tmp_path / "shared.sqlite") == _records(tmp_path / "single.sqlite")
    assert len(_records(tmp_path / "shared.sqlite")) == len(docs)
    # repeated: nothing new is read, the corrupt file is tried again, nothing is duplicated
    assert sorted(status for _, status, _ in again) == ["failed"] + ["skipped"] * len(docs)
    assert all(taken), f"each worker ran a shard: {taken}"
