"""Sample corpus generator: invented Peruvian criminal rulings with their ground truth.

    from samples import generate
    docs = generate(Path("corpus"), count=12, seed=7, scanned_ratio=0.25)

Per document ``docNNNN``: the ruling (born-digital ``.pdf``; for a ``scanned_ratio`` share
an image-only ``.pdf``, multi-page ``.tiff`` or one-page ``.png`` instead), its truth
``.truth.json`` (a ``schemas.Ruling``) and ``.pages.json`` (the text printed on each page).
With ``text_only`` just ``.txt`` (each page ends with a newline; pages are separated by form
feeds) and the truth.
Deterministic: the same arguments give byte-identical files.
"""

from __future__ import annotations

import json
import os
import random
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from samples.case import build_case, to_ruling
from samples.compose import Composed, compose
from samples.layout import Geometry, layout, page_text
from samples.model import Case
from schemas import Ruling

__all__ = ["GeneratedDoc", "generate"]

# Share of scans saved as image-only PDF, multi-page TIFF and PNG (PNG only for one page).
SCAN_TYPES = (("pdf", 0.72), ("tiff", 0.2), ("png", 0.08))
FLOWED_SHARE = 0.05  # text-only documents whose pages have no line breaks at all
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")
PARALLEL_FROM = 500  # text-only batches at least this large use one process per core


@dataclass(frozen=True)
class GeneratedDoc:
    name: str  # file stem, e.g. "doc0003"
    path: Path  # the document file
    truth_path: Path
    scanned: bool
    file_type: str  # "pdf" | "tiff" | "png" | "txt"


def _char_geometry(rng: random.Random) -> Geometry:
    return Geometry(width=lambda text, style: len(text), max_width=rng.randint(82, 100),
                    lines_per_page=rng.randint(52, 62))


@dataclass(frozen=True)
class Draft:
    """One document before rendering: its case, truth, composed text and the rng to go on with."""

    case: Case
    truth: Ruling
    composed: Composed
    length: str  # "full", "short" (scans) or "brief" (one-page scans)
    scan_type: str  # the file type a scan of it would get
    rng: random.Random


def draft(seed: int, index: int, *, scanned: bool) -> Draft:
    """Document ``index`` of the corpus generated with ``seed``, up to its composed text."""
    rng = random.Random(f"{seed}:{index}")
    scan_type = rng.choices([t for t, _ in SCAN_TYPES], weights=[w for _, w in SCAN_TYPES])[0]
    length = ("brief" if scan_type == "png" else "short") if scanned else "full"
    # the format stream (formats.py) is separate, so documents of the original kinds keep their bytes
    case = build_case(rng, length=length, fmt=random.Random(f"{seed}:{index}:format"))
    composed = compose(case, rng, length=length)
    return Draft(case, to_ruling(case), composed, length, scan_type, rng)


def _one(out: Path, name: str, seed: int, index: int, scanned: bool, text_only: bool) -> GeneratedDoc:
    d = draft(seed, index, scanned=scanned)
    rng, composed = d.rng, d.composed
    truth_path = out / f"{name}.truth.json"
    truth_json = d.truth.model_dump_json(indent=1)
    if text_only:
        pages = layout(composed.blocks, composed.chrome, _char_geometry(rng), rng, chars=True)
        texts = [page_text(p) for p in pages]
        end = "\n"  # pdftotext's layout: each page ends with a newline, then the form feed, so a
        # page number never runs into the next page's first word ("Pág. 1/2\n\fSEGUNDO")
        if rng.random() < FLOWED_SHARE:  # extracted without any line break (wild w12)
            # a text layer without line breaks has no line-end hyphens either ("Paca- ya")
            texts, end = [" ".join(_LINE_END_HYPHEN.sub("", t).split("\n")) for t in texts], " "
        path = out / f"{name}.txt"
        path.write_text("".join(t + end + "\f" for t in texts[:-1]) + texts[-1] + end, encoding="utf-8")
        truth_path.write_text(truth_json, encoding="utf-8")
        return GeneratedDoc(name, path, truth_path, False, "txt")

    from samples import render  # PDF and imaging libraries only when needed

    style = render.draw_style(rng, compact=d.length == "brief")
    pages = layout(composed.blocks, composed.chrome, render.geometry(style), rng, chars=False)
    created = render.creation_date(d.case.timeline.resolution)
    pdf = render.render_pdf(pages, style, title=name, created=created)
    (out / f"{name}.pages.json").write_text(
        json.dumps([page_text(p) for p in pages], ensure_ascii=False, indent=1), encoding="utf-8")
    truth_path.write_text(truth_json, encoding="utf-8")
    if not scanned:
        path = out / f"{name}.pdf"
        path.write_bytes(pdf)
        return GeneratedDoc(name, path, truth_path, False, "pdf")
    scan_type = "pdf" if d.scan_type == "png" and len(pages) > 1 else d.scan_type
    bilevel = rng.random() < 0.5
    images = render.scan_images(pdf, seed=rng.getrandbits(63))
    path = out / f"{name}.{scan_type}"
    render.save_scan(images, path, scan_type, bilevel=bilevel, created=created)
    return GeneratedDoc(name, path, truth_path, True, scan_type)


def _one_args(args: tuple) -> GeneratedDoc:
    return _one(*args)


def generate(out: Path, *, count: int, seed: int, scanned_ratio: float = 0.25,
             text_only: bool = False) -> list[GeneratedDoc]:
    """Write ``count`` documents with their truth into ``out``; return what was written."""
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    if not 0.0 <= scanned_ratio <= 1.0:
        raise ValueError(f"scanned_ratio must be between 0 and 1, got {scanned_ratio}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    width = max(4, len(str(count)))
    n_scanned = 0 if text_only else round(count * scanned_ratio)
    scanned = set(random.Random(f"{seed}:scanned").sample(range(1, count + 1), n_scanned))
    jobs = [(out, f"doc{i:0{width}d}", seed, i, i in scanned, text_only) for i in range(1, count + 1)]
    workers = min(os.cpu_count() or 1, 8)
    if workers > 1 and (len(scanned) > 1 or (text_only and count >= PARALLEL_FROM)):
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_one_args, jobs, chunksize=max(1, min(256, count // (workers * 8)))))
    return [_one(*job) for job in jobs]
