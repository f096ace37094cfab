"""Which files an ingest tries, and which it leaves out, each with its reason.

A path named on the command line is always tried (acquisition then says what is wrong
with it). Under a folder, a regular file whose extension acquisition reads is tried;
every other entry is *excluded* and reported with a reason (``unsupported_type``,
``symlink_loop``, ``permission_denied``, ``not_found`` for a broken link), except the
names in ``IGNORED``, which are left out without a word: they are never court documents
and a folder of them would bury the report.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from extractors.acquire import DOCUMENT_SUFFIXES, display_path
from extractors.acquire.detect import SUPPORTED, os_failure
from schemas import Reason

# (pattern on the entry's name, why it is left out silently); see the README.
IGNORED: tuple[tuple[str, str], ...] = (
    (".*", "hidden files and folders: .git, .DS_Store, editor and sync leftovers"),
    ("*.truth.json", "reference truth that `expediente samples generate` writes by each document"),
    ("*.pages.json", "per-page truth that `expediente samples generate` writes by each document"),
)


@dataclass(frozen=True)
class Excluded:
    path: Path
    reason: Reason
    message: str


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)  # to try, in order, each once
    excluded: list[Excluded] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set, repr=False)

    def add(self, path: Path) -> None:
        key = os.path.realpath(path)  # never raises, even on a loop
        if key not in self._seen:
            self._seen.add(key)
            self.files.append(path)

    def exclude(self, path: Path, reason: Reason, message: str) -> None:
        self.excluded.append(Excluded(path, reason, message))


def is_ignored(name: str) -> bool:
    return any(fnmatchcase(name, pattern) for pattern, _ in IGNORED)


def discover(paths: list[str | Path] | tuple[str | Path, ...]) -> Discovery:
    found = Discovery()
    for raw in paths:
        path = Path(raw)
        if _stat(path) is not None and path.is_dir():
            _walk(path, found, ancestors=frozenset())
        else:
            found.add(path)
    return found


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def _walk(directory: Path, found: Discovery, *, ancestors: frozenset[tuple[int, int]]) -> None:
    try:
        info = directory.stat()
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            found.exclude(directory, Reason.SYMLINK_LOOP, "enlace a una carpeta que lo contiene: "
                          "se recorrería sin fin; no se sigue")
            return
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        found.exclude(directory, *os_failure(exc))
        return
    for entry in entries:
        if is_ignored(entry.name):
            continue
        path = Path(entry.path)
        try:
            mode = path.stat().st_mode  # follows links: a link is judged by what it points at
        except OSError as exc:
            found.exclude(path, *os_failure(exc))
            continue
        if stat.S_ISDIR(mode):
            _walk(path, found, ancestors=ancestors | {key})
        elif not stat.S_ISREG(mode):
            found.exclude(path, Reason.UNSUPPORTED_TYPE, "no es un archivo común (tubería, socket "
                          "o dispositivo); no se lee")
        elif path.suffix.lower() not in DOCUMENT_SUFFIXES:
            kind = f"extensión {display_path(path.suffix)}" if path.suffix else "sin extensión"
            found.exclude(path, Reason.UNSUPPORTED_TYPE, f"tipo de archivo no admitido ({kind}); "
                          f"conviértalo a PDF. Se admiten: {SUPPORTED}")
        else:
            found.add(path)
