"""``expediente eval``: run acquisition and extraction on documents that have a truth file.

Pairs ``NAME.<ext>`` with ``NAME.truth.json`` in a directory, scores each extraction with
``extractors.evaluation`` and aggregates per field, for all documents and separately for
born-digital and scanned ones (a document is scanned when any page was OCR'd).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractors.acquire import DOCUMENT_SUFFIXES, acquire
from extractors.evaluation import aggregate, score
from extractors.legal import extract
from pydantic import ValidationError

from schemas import PageMethod, PipelineError, Ruling

TRUTH_SUFFIX = ".truth.json"


@dataclass
class EvalReport:
    documents: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0
    extract_seconds: float = 0.0
    groups: dict[str, dict] = field(default_factory=dict)  # group -> field -> FieldScore
    warnings: Counter = field(default_factory=Counter)  # ExtractionWarning code -> count
    scanned: bool = False  # the text documents were printed and scanned first (--scan)
    printed: bool = False  # the text documents were typeset as born-digital PDFs first (--pdf)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "failures": [{"file": f, "error": e} for f, e in self.failures],
            "seconds": round(self.seconds, 2),
            "extraction_words_per_second": round(self.words / self.extract_seconds)
            if self.extract_seconds else None,
            "scanned": self.scanned,
            "printed": self.printed,
            "warnings": dict(self.warnings),
            "groups": {
                group: {name: vars(s) if not hasattr(s, "model_dump") else s.model_dump()
                        for name, s in fields.items()}
                for group, fields in self.groups.items()
            },
        }


def pairs(directory: Path) -> list[tuple[Path, Path]]:
    """(document, truth) pairs, in name order."""
    found = []
    for truth in sorted(directory.glob(f"*{TRUTH_SUFFIX}")):
        stem = truth.name[: -len(TRUTH_SUFFIX)]
        for suffix in sorted(DOCUMENT_SUFFIXES):
            doc = truth.with_name(stem + suffix)
            if doc.exists():
                found.append((doc, truth))
                break
    return found


def _truth_error(exc: ValidationError) -> str:
    """'verdad inválida: outcome.kind = "x" (no admitido)', one line per error."""
    parts = []
    for e in exc.errors()[:3]:
        where = ".".join(str(p) for p in e["loc"])
        parts.append(f"{where} = {e.get('input')!r} ({e['msg']})")
    return "verdad inválida: " + "; ".join(parts)


def evaluate_directory(directory: Path, *, progress: Callable[[str], None] | None = None,
                       scan: bool = False, pdf: bool = False) -> EvalReport:
    """Score every document that has a truth file. ``scan``: text documents are first printed
    and scanned (samples.rescan), so the whole pipeline, OCR included, is measured; ``pdf``:
    they are typeset as born-digital PDFs, so the reading of a text layer is."""
    report = EvalReport(scanned=scan, printed=pdf)
    started = time.perf_counter()
    scored: dict[str, list] = {"todos": [], "digitales": [], "escaneados": []}
    with tempfile.TemporaryDirectory(prefix="expediente-eval-") as tmp:
        for i, (doc_path, truth_path) in enumerate(pairs(directory)):
            if progress:
                progress(doc_path.name)
            _one(report, scored, doc_path, truth_path, Path(tmp), i if scan or pdf else None, pdf=pdf)
    report.groups = {group: aggregate(items) for group, items in scored.items() if items}
    report.seconds = time.perf_counter() - started
    return report


def _one(report: EvalReport, scored: dict[str, list], doc_path: Path, truth_path: Path, tmp: Path,
         scan_seed: int | None, *, pdf: bool = False) -> None:
    try:
        truth = Ruling.model_validate_json(truth_path.read_text(encoding="utf-8"))
    except ValidationError as exc:  # a truth file the schema cannot read is reported, not fatal
        report.failures.append((truth_path.name, _truth_error(exc)))
        return
    if scan_seed is not None and doc_path.suffix.lower() == ".txt":
        from samples.rescan import print_text, scan_text

        doc_path = (print_text if pdf else scan_text)(doc_path.read_text(encoding="utf-8"),
                                                      tmp / f"{doc_path.stem}.pdf", seed=scan_seed)
    try:
        doc = acquire(doc_path)
    except PipelineError as exc:
        report.failures.append((doc_path.name, str(exc)))
        return
    t0 = time.perf_counter()
    try:
        predicted = extract(doc)
    except Exception as exc:  # an extractor bug is a finding of the evaluation, not its end
        report.failures.append((doc_path.name, f"error de extracción ({type(exc).__name__}): {exc}"))
        return
    report.extract_seconds += time.perf_counter() - t0
    report.words += sum(len(p.text.split()) for p in doc.pages)
    report.warnings.update(w.code.value for w in predicted.warnings)
    counts = score(predicted, truth)
    scanned = any(p.method == PageMethod.OCR for p in doc.pages)
    scored["todos"].append(counts)
    scored["escaneados" if scanned else "digitales"].append(counts)
    report.documents += 1
