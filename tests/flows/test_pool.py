"""Worker processes read documents: refusals keep their reason, a killed worker costs one
document, not the batch. Real processes, real files, a real ``kill -9``."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from samples import generate
from flows.pool import CRASHED, DocumentPool, Failure, Kind, ReadOptions

pytestmark = pytest.mark.slow


def _steps(pool: DocumentPool, paths: list[Path]) -> dict[str, list[tuple[Kind, object]]]:
    seen: dict[str, list[tuple[Kind, object]]] = {}
    for step in pool.read(paths):
        seen.setdefault(step.path.name, []).append((step.kind, step.value))
    return seen


def test_refusals_cross_the_process_boundary_with_their_reason(tmp_path):
    docs = generate(tmp_path, count=2, seed=5, text_only=True)
    broken = tmp_path / "roto.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    empty = tmp_path / "vacio.pdf"
    empty.write_bytes(b"")
    with DocumentPool(2, ReadOptions(), ocr_workers=2) as pool:
        seen = _steps(pool, [d.path for d in docs] + [broken, empty])
    for doc in docs:
        assert [kind for kind, _ in seen[doc.path.name]] == [Kind.ACQUIRED, Kind.EXTRACTED]
        (_, acquired), (_, record) = seen[doc.path.name]
        assert record.ruling.case_numbers and record.page_count >= 1
        # what the parent hears of the acquisition (the DocumentText stays in the worker)
        assert (acquired.path, acquired.page_count, acquired.language) == (record.path, record.page_count, "es")
        assert acquired.methods == ("text_layer",) and acquired.warnings == ()
    assert [(k, v.reason) for k, v in seen["roto.pdf"]] == [(Kind.FAILED, "corrupt")]
    assert [(k, v.reason) for k, v in seen["vacio.pdf"]] == [(Kind.FAILED, "empty")]
    assert all(isinstance(v, Failure) and v.message for _, v in seen["roto.pdf"] + seen["vacio.pdf"])


def _parent_of(pid: str) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _workers_running_tesseract() -> set[int]:
    """Pids of this process's workers (its children, or its fork server's) that have a
    Tesseract process running."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == "tesseract":
                worker = _parent_of(entry.name)
                parent = _parent_of(str(worker))
                if os.getpid() in (parent, _parent_of(str(parent))):
                    found.add(worker)
        except (OSError, ValueError, IndexError):
            continue
    return found


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_a_killed_worker_fails_its_document_and_the_others_go_on(tmp_path, method):
    """Every worker seen running Tesseract is killed (-9), as the kernel's out-of-memory
    killer would: the scan fails as ``crashed``; every other document, including the one
    in flight when the pool broke, is read. Workers forked from the fork server (Linux) and
    spawned ones (macOS) alike."""
    scan = generate(tmp_path / "scan", count=1, seed=6, scanned_ratio=1.0)[0].path
    docs = generate(tmp_path / "text", count=5, seed=6, text_only=True)
    stop = threading.Event()
    kills: list[int] = []

    def killer() -> None:
        while not stop.is_set():
            for pid in _workers_running_tesseract():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:  # it ended between the look and the kill
                    continue
                kills.append(pid)
            time.sleep(0.05)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    try:
        with DocumentPool(2, ReadOptions(), ocr_workers=2, start_method=method) as pool:
            paths = [d.path for d in docs[:2]] + [scan] + [d.path for d in docs[2:]]
            seen = _steps(pool, paths)
    finally:
        stop.set()
        thread.join(5)
    assert [(k, v.reason) for k, v in seen[scan.name]] == [(Kind.FAILED, CRASHED)]
    assert "terminó de forma inesperada" in seen[scan.name][0][1].message
    for doc in docs:
        assert [kind for kind, _ in seen[doc.path.name]] == [Kind.ACQUIRED, Kind.EXTRACTED], doc.path.name
    assert len(set(kills)) == 2 and pool.restarts == 2  # in flight with others, then alone


def _tesseracts_of_this_process() -> int:
    """Tesseract processes running for this process's workers (spawned or forked)."""
    count = 0
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == "tesseract":
                worker = _parent_of(entry.name)
                parent = _parent_of(str(worker))
                count += os.getpid() in (parent, _parent_of(str(parent)))
        except (OSError, ValueError, IndexError):
            continue
    return count


@pytest.mark.parametrize("cap", [1, 2])
def test_the_tesseract_cap_holds_for_the_whole_pool(tmp_path, cap):
    """``ocr_workers`` Tesseracts at most among all the workers (two scans read at once by
    two workers run one Tesseract between them when the cap is 1), and a worker may use
    every slot (a lone scan of several pages runs two at once when the cap is 2)."""
    scans = generate(tmp_path, count=2 if cap == 1 else 1, seed=6, scanned_ratio=1.0)
    stop = threading.Event()
    seen: list[int] = []

    def watch() -> None:
        while not stop.is_set():
            seen.append(_tesseracts_of_this_process())
            time.sleep(0.02)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        with DocumentPool(2, ReadOptions(), ocr_workers=cap) as pool:
            steps = _steps(pool, [s.path for s in scans])
    finally:
        stop.set()
        thread.join(5)
    assert all([k for k, _ in kinds] == [Kind.ACQUIRED, Kind.EXTRACTED] for kinds in steps.values())
    assert max(seen) == cap
