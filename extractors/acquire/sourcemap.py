"""Text that remembers where each character came from, so cleanup can be undone for offsets.

Cleanup rewrites the page text (joins hyphens, drops running headers, fixes OCR
misreadings); evidence found in the cleaned text must still be shown on the page. A
``Tracked`` text carries, for every character, its offset in the raw text (the text layer
or Tesseract's output, as read). Steps edit it with ``sub`` (a regex substitution),
slicing and ``join``; characters a replacement keeps are aligned with the ones it
replaced (``difflib`` on the few characters of the match), new ones point where they were
inserted.

What is kept is compact: ``anchors``, the (clean offset, raw offset) pairs where the
difference between the two changes. ``to_raw`` and ``span_to_raw`` read them back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import chain

Anchors = tuple[tuple[int, int], ...]  # (clean offset, raw offset), clean offsets ascending
Replacement = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class Tracked:
    """``text`` with ``origins[i]``, the raw offset of ``text[i]``; one more entry at the end
    gives the raw offset just after the text."""

    text: str
    origins: tuple[int, ...]

    @classmethod
    def of(cls, raw: str) -> Tracked:
        return cls(raw, tuple(range(len(raw) + 1)))

    @classmethod
    def literal(cls, text: str, origin: int) -> Tracked:
        """New text that was not in the raw text; every character points at ``origin``."""
        return cls(text, (origin,) * (len(text) + 1))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> Tracked:
        start, stop, step = key.indices(len(self.text))
        if step != 1:
            raise ValueError("Tracked slices take no step")
        stop = max(start, stop)
        return Tracked(self.text[start:stop], self.origins[start:stop + 1])

    def end_origin(self) -> int:
        return self.origins[-1]

    def sub(self, pattern: re.Pattern[str], repl: Replacement) -> Tracked:
        """``pattern.sub(repl, text)``, keeping every character's origin."""
        text, origins = self.text, self.origins
        pieces: list[str] = []
        mapped: list[Sequence[int]] = []
        done = 0
        for match in pattern.finditer(text):
            old = match.group()
            new = repl(match) if callable(repl) else match.expand(repl)
            if new == old:
                continue
            start, end = match.span()
            pieces += [text[done:start], new]
            mapped += [origins[done:start], _align(old, new, origins[start:end + 1])]
            done = end
        if not pieces:
            return self
        pieces.append(text[done:])
        mapped.append(origins[done:])
        return Tracked("".join(pieces), tuple(chain.from_iterable(mapped)))

    def strip(self, chars: str | None = None) -> Tracked:
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        if left >= right:
            return self[len(self.text):]
        return self if (left, right) == (0, len(self.text)) else self[left:right]

    def split(self, separator: str) -> list[Tracked]:
        parts, start = [], 0
        while (found := self.text.find(separator, start)) >= 0:
            parts.append(self[start:found])
            start = found + len(separator)
        parts.append(self[start:])
        return parts

    def anchors(self) -> Anchors:
        return anchors(self.origins)


def join(parts: Sequence[Tracked], separator: str = "") -> Tracked:
    """Concatenate; each separator points just after the part before it."""
    if not parts:
        return Tracked("", (0,))
    texts: list[str] = []
    origins: list[int] = []
    for i, part in enumerate(parts):
        if i and separator:
            texts.append(separator)
            origins.extend((parts[i - 1].end_origin(),) * len(separator))
        texts.append(part.text)
        origins.extend(part.origins[:-1])
    origins.append(parts[-1].end_origin())
    return Tracked("".join(texts), tuple(origins))


def _align(old: str, new: str, origins: Sequence[int]) -> Sequence[int]:
    """Origins for ``new``, which replaces ``old`` (whose origins, plus the end, are given).

    Characters the two share (in order) keep their origin; the others point at the
    position of the first old character not yet accounted for.
    """
    if not old or not new:
        return (origins[0],) * len(new)
    out: list[int] = []
    cursor_old = cursor_new = 0
    for a, b, size in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
        out.extend((origins[cursor_old],) * (b - cursor_new))  # inserted or changed
        out.extend(origins[a:a + size])
        cursor_old, cursor_new = a + size, b + size
    return out


def anchors(origins: Sequence[int]) -> Anchors:
    """The (clean, raw) pairs where ``raw - clean`` changes; the first is always included."""
    pairs = [(0, origins[0])]
    for i in range(1, len(origins)):
        if origins[i] != origins[i - 1] + 1:
            pairs.append((i, origins[i]))
    return tuple(pairs)


def to_raw(anchors: Anchors, offset: int) -> int:
    """The raw offset of clean offset ``offset``."""
    index = bisect_right(anchors, (offset, float("inf"))) - 1
    clean, raw = anchors[max(index, 0)]
    return raw + (offset - clean)


def span_to_raw(anchors: Anchors, start: int, end: int) -> tuple[int, int]:
    """The raw span of the clean span ``[start, end)``: from its first character's origin
    to just after its last character's origin."""
    if end <= start:
        raw = to_raw(anchors, start)
        return raw, raw
    return to_raw(anchors, start), to_raw(anchors, end - 1) + 1
