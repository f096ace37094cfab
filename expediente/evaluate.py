"""``expediente eval``: run acquisition and extraction on documents that have a truth file.

Pairs ``NAME.<ext>`` with ``NAME.truth.json`` in a directory, scores each extraction with
``extractors.evaluation`` and aggregates per field, for all documents and separately for
born-digital and scanned ones (a document is scanned when any page was OCR'd).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractors.acquire import DOCUMENT_SUFFIXES, acquire
from extractors.evaluation import aggregate, score
from extractors.legal import extract
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

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "failures": [{"file": f, "error": e} for f, e in self.failures],
            "seconds": round(self.seconds, 2),
            "extraction_words_per_second": round(self.words / self.extract_seconds)
            if self.extract_seconds else None,
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


def evaluate_directory(directory: Path, *, progress: Callable[[str], None] | None = None) -> EvalReport:
    report = EvalReport()
    started = time.perf_counter()
    scored: dict[str, list] = {"todos": [], "digitales": [], "escaneados": []}
    for doc_path, truth_path in pairs(directory):
        if progress:
            progress(doc_path.name)
        truth = Ruling.model_validate_json(truth_path.read_text(encoding="utf-8"))
        try:
            doc = acquire(doc_path)
        except PipelineError as exc:
            report.failures.append((doc_path.name, str(exc)))
            continue
        t0 = time.perf_counter()
        try:
            predicted = extract(doc)
        except Exception as exc:  # an extractor bug is a finding of the evaluation, not its end
            report.failures.append((doc_path.name, f"error de extracción ({type(exc).__name__}): {exc}"))
            continue
        report.extract_seconds += time.perf_counter() - t0
        report.words += sum(len(p.text.split()) for p in doc.pages)
        counts = score(predicted, truth)
        scanned = any(p.method == PageMethod.OCR for p in doc.pages)
        scored["todos"].append(counts)
        scored["escaneados" if scanned else "digitales"].append(counts)
        report.documents += 1
    report.groups = {group: aggregate(items) for group, items in scored.items() if items}
    report.seconds = time.perf_counter() - started
    return report
