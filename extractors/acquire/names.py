"""File names as text: a Linux name is bytes, and not every name is valid UTF-8.

Python carries an undecodable byte as a lone surrogate (``os.fsdecode``, surrogateescape):
such a string opens the file, but cannot be encoded to UTF-8, so it breaks JSON, SQLite,
log files and Prefect's API. ``display_path`` is the one way a path becomes text for a
person or a record: bytes that are not UTF-8 are shown as ``\\xff``, control characters
(a newline, an ESC that would drive the terminal) as ``\\x1b``, and a backslash as ``\\\\``,
so the shown name is unambiguous. The path itself (for opening the file) stays a ``Path``.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def display_path(path: str | bytes | os.PathLike) -> str:
    """``path`` as printable, UTF-8-encodable text: ``caso\\xff.pdf`` for ``b"caso\\xff.pdf"``."""
    raw = os.fsencode(path if not isinstance(path, PurePath) else str(path))
    text = raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
