"""One real ingest (the CLI in its own process, one Prefect flow run) of the hostile folder:
every file gets exactly its expected outcome and reason, the good rulings are indexed, the
summary is valid JSON, and the terminal shows no traceback. Peak memory is printed (-s)."""

from __future__ import annotations

import ctypes
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.corpus import build

pytestmark = pytest.mark.slow

EXPEDIENTE = Path(sys.executable).with_name("expediente")
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def _without_root_file_access() -> None:
    """As root, mode 000 does not stop a read; without these two capabilities it does."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_ingest(args: list[str], home: Path, **env: str) -> tuple[subprocess.CompletedProcess, int]:
    """``expediente ingest`` in a child process with private data, cache and temp folders;
    returns the result and the child's peak resident memory in KiB."""
    for sub in ("data", "cache", "tmp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "XDG_DATA_HOME": str(home / "data"),
                   "XDG_CACHE_HOME": str(home / "cache"), "TMPDIR": str(home / "tmp"),
                   "COLUMNS": "200", **env}
    proc = subprocess.Popen([str(EXPEDIENTE), "ingest", *args], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_without_root_file_access if os.geteuid() == 0 else None)
    stdout, stderr = proc.communicate(timeout=600)
    return (subprocess.CompletedProcess(proc.args, proc.returncode, stdout.decode(), stderr.decode()),
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def test_a_hostile_folder_is_ingested_file_by_file(tmp_path):
    folder = tmp_path / "hostil"
    expected = build(folder)
    by_name = tmp_path / "loop-por-nombre"
    by_name.symlink_to(by_name.name)
    index = tmp_path / "index.sqlite"
    started = time.perf_counter()
    result, peak_kib = run_ingest([str(folder), str(by_name), "--index", str(index), "--json"],
                                  tmp_path / "home", EXPEDIENTE_MAX_PAGES="1000")
    seconds = time.perf_counter() - started
    print(f"\nhostile ingest: {seconds:.1f} s, peak RSS {peak_kib / 1024:.0f} MiB")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    summary = json.loads(result.stdout)
    got = {o["path"].rsplit("/", 1)[-1]: (o["status"], o["reason"]) for o in summary["outcomes"]}
    want = {name.decode("utf-8", "backslashreplace"): (status, reason)
            for name, (_, status, reason) in expected.items()}
    want["loop-por-nombre"] = ("failed", "symlink_loop")
    assert got == want
    assert len(summary["outcomes"]) == len(want)  # each file once; the sidecars not at all
    ingested = {o["id"] for o in summary["outcomes"] if o["status"] == "ingested"}
    with sqlite3.connect(index) as db:
        rows = dict(db.execute("select id, path from documents").fetchall())
    assert set(rows) == ingested
    assert any(path.endswith("/caso\\xff.pdf") for path in rows.values())
    assert list((tmp_path / "home" / "tmp").iterdir()) == [], "something left in the system temp dir"
    assert list((tmp_path / "home" / "cache" / "expediente" / "tmp").iterdir()) == []
    for line in result.stderr.splitlines():  # every refusal is printed with its reason
        if "✗" in line or line.startswith("–"):
            assert any(reason and reason in line for _, reason in want.values()), line
