"""File names as text: a Linux name is bytes, and not every name is valid UTF-8.

Python carries an undecodable byte as a lone surrogate (``os.fsdecode``, surrogateescape):
such a string opens the file, but cannot be encoded to UTF-8, so it breaks JSON, SQLite,
log files and Prefect's API. ``display_path`` is the one way a path becomes text for a
person or a record: a byte that is not UTF-8 is shown as ``\\xff``, a control character (a
newline, an ESC that would drive the terminal) as ``\\x1b``, and a backslash as ``\\\\``.
Every backslash in the result starts an escape, so ``path_from_display`` gives the path
back exactly: the shown name can travel (JSON, a Prefect parameter) and still open the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0, DEL and C1 control characters
_ESCAPE = re.compile(rb"\\(\\|x[0-9a-fA-F]{2})")
_SURROGATE = re.compile("[\ud800-\udfff]")


def display_path(path: str | bytes | os.PathLike) -> str:
    """``path`` as printable, UTF-8-encodable text: ``caso\\xff.pdf`` for ``b"caso\\xff.pdf"``."""
    raw = os.fsencode(path).replace(b"\\", b"\\\\")
    text = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: "".join(f"\\x{b:02x}" for b in m.group().encode()), text)


def printable(text: str) -> str:
    """``text`` with any lone surrogate shown as an escape: for a message that may quote a
    file name (a library's error text), so it can still be encoded to UTF-8."""
    return _SURROGATE.sub(lambda m: f"\\x{ord(m[0]) - 0xDC00:02x}" if "\udc80" <= m[0] <= "\udcff"
                          else f"\\u{ord(m[0]):04x}", text)


def path_from_display(text: str) -> Path:
    """The path ``display_path`` showed as ``text`` (a plain path comes back unchanged)."""
    raw = _ESCAPE.sub(lambda m: b"\\" if m[1] == b"\\" else bytes([int(m[1][1:], 16)]),
                      text.encode("utf-8", "surrogateescape"))
    return Path(os.fsdecode(raw))
