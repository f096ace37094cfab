"""OCR page images hold victims' names: a run killed mid-OCR must not leave them behind for
good, and a normal run must leave nothing in the system temp dir."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.acquire.scratch import make_scratch_dir, sweep
from tests.extractors.test_acquire import SCANNED, image_pdf, scan

ROOT = Path(__file__).resolve().parents[2]
ACQUIRE = ("import sys; from pathlib import Path; from extractors.acquire import acquire; "
           "acquire(Path(sys.argv[1]), dpi=300, ocr_workers=1, scratch_dir=Path(sys.argv[2]))")


def _acquire_in_child(document: Path, root: Path, tmpdir: Path) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", ACQUIRE, str(document), str(root)], env=env,
                            cwd=ROOT, start_new_session=True)


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.mark.slow
def test_page_images_of_a_killed_run_are_removed_by_the_next_one(tmp_path):
    scanned = image_pdf(tmp_path / "escaneo.pdf", [scan(text) for text in SCANNED * 3])
    root, tmpdir = tmp_path / "scratch", tmp_path / "tmp"
    tmpdir.mkdir()
    child = _acquire_in_child(scanned, root, tmpdir)
    deadline = time.monotonic() + 60
    while not any(p.suffix == ".tif" for p in _files_under(root)):
        assert child.poll() is None and time.monotonic() < deadline, "no OCR started"
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)  # kill -9: Python and its Tesseract
    child.wait()
    left = _files_under(root)
    assert left, "the killed run left nothing to clean (the test did not catch it mid-OCR)"
    assert all(f.parent.name.split("-")[-2] == str(child.pid) for f in left)

    again = _acquire_in_child(image_pdf(tmp_path / "otro.pdf", [scan(SCANNED[0])]), root, tmpdir)
    assert again.wait(timeout=120) == 0
    assert _files_under(root) == [] and list(root.iterdir()) == []
    assert list(tmpdir.iterdir()) == [], "acquisition wrote into the system temp dir"


def test_sweep_leaves_live_processes_and_other_hosts_alone(tmp_path):
    mine = make_scratch_dir(tmp_path)
    (tmp_path / "otrohost-1-abc").mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    from extractors.acquire.scratch import _host

    stale = tmp_path / f"{_host()}-{dead}-xyz"
    stale.mkdir()
    (stale / "page-00001.tif").write_bytes(b"II*\x00")
    assert sweep(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, "otrohost-1-abc"])
    assert oct(mine.stat().st_mode & 0o777) == "0o700"


def test_blank_rendered_pages_need_no_tesseract(tmp_path, monkeypatch):
    """2,000 blank pages took 416 s of Tesseract; a page of one flat colour has no words."""
    from extractors.acquire import acquire
    from schemas import PageMethod
    from tests.hostile.corpus import blank_pages_pdf

    blank = tmp_path / "en-blanco.pdf"
    blank.write_bytes(blank_pages_pdf(300))
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract to run
    started = time.perf_counter()
    doc = acquire(blank, scratch_dir=tmp_path / "scratch")
    assert time.perf_counter() - started < 20
    assert doc.page_count == 300
    assert all(p.method is PageMethod.OCR and p.text == "" and p.error is None for p in doc.pages)
    assert any("ninguna página tiene texto" in w for w in doc.warnings)


def test_a_root_others_can_write_into_is_not_used(tmp_path):
    shared = tmp_path / "compartida"
    shared.mkdir()
    shared.chmod(0o777)
    folder = make_scratch_dir(shared)
    try:
        assert shared not in folder.parents
    finally:
        folder.rmdir()
