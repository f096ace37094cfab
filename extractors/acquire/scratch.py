"""Where OCR page images live while Tesseract reads them, and who cleans up after a crash.

A page image (and Tesseract's text beside it) holds the text of a ruling, victims' names
included, ~25 MB per document. Each OCR pool writes them in a private folder (mode 700)
named ``<host>-<pid>-<random>`` under one root the caller chooses (the CLI uses
``Settings.scratch_dir``), and removes it when it ends. A process killed with ``kill -9``
cannot remove its folder, so ``sweep`` removes every folder of this host whose process no
longer runs; it runs when a process first uses a root (and at the start of each ingest).
Folders of other hosts (a root on a shared disk) are left to their own host.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import stat
import tempfile
import threading
from pathlib import Path

log = logging.getLogger(__name__)

_swept: set[Path] = set()
_lock = threading.Lock()


def default_root() -> Path:
    """Used when the caller names no root: a per-user folder in the system temp dir."""
    return Path(tempfile.gettempdir()) / f"expediente-{os.getuid()}"


def _host() -> str:
    return socket.gethostname().replace("/", "_") or "localhost"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def sweep(root: Path) -> list[Path]:
    """Remove the folders under ``root`` left by dead processes of this host; returns them."""
    removed = []
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    host = _host()
    for entry in entries:
        owner, _, pid = entry.name.rpartition("-")[0].rpartition("-")
        if owner != host or not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    if removed:
        log.info("%s: %d carpetas temporales de ejecuciones interrumpidas eliminadas", root,
                 len(removed))
    return removed


def make_scratch_dir(root: Path | None = None) -> Path:
    """A new private folder under ``root`` for this process (the caller removes it)."""
    root = Path(root) if root is not None else default_root()
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(root):
        # someone else's folder (e.g. planted in /tmp) could swap ours for a link to theirs
        log.warning("%s no es una carpeta privada de este usuario; se usa otra temporal", root)
        return Path(tempfile.mkdtemp(prefix=f"{_host()}-{os.getpid()}-"))
    with _lock:
        if root not in _swept:
            sweep(root)
            _swept.add(root)
    return Path(tempfile.mkdtemp(prefix=f"{_host()}-{os.getpid()}-", dir=root))


def _private(root: Path) -> bool:
    """A real folder (not a link) owned by this user that no one else can write into."""
    info = root.lstat()
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))
