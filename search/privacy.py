"""Redaction of protected victims' names before a record reaches a public index.

domain.md (Privacy): trafficking and sexual-violence victims and minors must stay
unidentifiable; where a document spells out such a name, the public index carries it
redacted. ``redact_record`` replaces every spelling listed in ``ruling.redactions`` (and
the name of every party marked ``protected``) in the page texts and in every text field
of the ruling, then drops ``ruling.redactions`` itself (it holds the names). Matching
ignores case and accents and survives a line break or a hyphenation inside the name
("Nan-\\ncy", "María\\nQuispe"). Evidence offsets are moved to point into the redacted
page texts.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from schemas import Evidence, IndexRecord, PageBoxes, Redaction, Ruling

from search.query.analysis import MARKS, char_pattern, fold

# Inside a word: a soft hyphen, or a hyphen and/or a line break (PDF hyphenation, OCR).
_IN_WORD_BREAK = r"(?:\u00ad|-[ \t]*(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*)?"
# Between the words of a name: any run of spaces, line breaks or hyphens.
_BETWEEN_WORDS = r"[\s\u00ad-]+"
_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "vda", "viuda"})


def name_pattern(name: str) -> str:
    """A regex matching ``name`` whatever its case, accents, line breaks or hyphenation."""
    words = [w for w in re.split(r"[\s\u00ad]+", unicodedata.normalize("NFC", name.strip())) if w]
    rendered = []
    for word in words:
        pieces = []
        for ch in word:
            folded = fold(ch)
            if ch.isalnum() and len(folded) == 1:
                pieces.append(char_pattern(folded, enye_is_n=True))
            else:
                pieces.append(re.escape(ch))
        rendered.append(_IN_WORD_BREAK.join(pieces))
    return _LETTER_BEFORE + _BETWEEN_WORDS.join(rendered) + _LETTER_AFTER


def initials(name: str) -> str:
    """``"María Quispe de la Cruz"`` → ``"M.Q.C."``: how a protected party is shown."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if fold(w) not in _PARTICLES]
    return "".join(w[0].upper() + "." for w in words)


def _looks_like_a_name(name: str) -> bool:
    """A spelled-out name (not initials "R.M.C." nor a code "clave 123-2018")."""
    return not any(ch.isdigit() for ch in name) and any(len(w) >= 3 for w in re.findall(r"[^\W\d_]+", name))


def redactions_of(ruling: Ruling) -> list[Redaction]:
    """The ruling's redactions plus one per protected party whose full name is spelled out."""
    found = {fold(r.text.strip()): r for r in ruling.redactions if r.text.strip()}
    for party in ruling.parties:
        if party.protected and _looks_like_a_name(party.name) and fold(party.name.strip()) not in found:
            found[fold(party.name.strip())] = Redaction(text=party.name.strip(), replacement=initials(party.name))
    return list(found.values())


def _folded_view() -> tuple[dict[int, str], re.Pattern[str]]:
    """A translation table that folds text one character for one character (so offsets
    into the folded view are offsets into the text), and what it cannot fold that way:
    combining marks, ligatures, letters that fold to two (``ß``), fullwidth and Latin
    Extended Additional letters. ``ñ`` folds to ``n`` (redaction prefers to over-match)."""
    table, odd = {}, []
    for code in range(0x250):
        ch = chr(code)
        folded = fold(ch).replace("ñ", "n")
        if len(folded) == 1:
            if folded != ch:
                table[code] = folded
        elif ch.isalnum():
            odd.append(re.escape(ch))
    unusual = re.compile(rf"[{MARKS}\u1e00-\u1eff\ufb00-\ufb06\uff10-\uff5a{''.join(odd)}]")
    return table, unusual


_VIEW, _UNUSUAL = _folded_view()


def view_pattern(name: str) -> str:
    """``name_pattern`` for the folded view: plain letters, quick to compile."""
    words = [w for w in re.split(r"[\s\u00ad]+", unicodedata.normalize("NFC", name.strip())) if w]
    rendered = []
    for word in words:
        pieces = [re.escape(ch.translate(_VIEW)) if len(fold(ch)) == 1 else re.escape(ch) for ch in word]
        rendered.append(_IN_WORD_BREAK.join(pieces))
    return _LETTER_BEFORE + _BETWEEN_WORDS.join(rendered) + _LETTER_AFTER


@dataclass
class _Redactor:
    redactions: list[Redaction]
    fast: re.Pattern[str] = field(init=False)
    _full: re.Pattern[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # Longest first, so "María Quispe Mamani" wins over "María Quispe".
        self.redactions.sort(key=lambda r: len(r.text), reverse=True)
        self.fast = re.compile("|".join(f"(?P<r{i}>{view_pattern(r.text)})" for i, r in enumerate(self.redactions)))

    @property
    def full(self) -> re.Pattern[str]:
        """The pattern for text the folded view cannot hold (slow to compile: only if needed)."""
        if self._full is None:
            self._full = re.compile("|".join(f"(?P<r{i}>{name_pattern(r.text)})"
                                             for i, r in enumerate(self.redactions)))
        return self._full

    def _finditer(self, value: str) -> Iterator[re.Match[str]]:
        if _UNUSUAL.search(value):
            return self.full.finditer(value)
        return self.fast.finditer(value.translate(_VIEW))

    def _replacement(self, match: re.Match[str]) -> str:
        return self.redactions[int(match.lastgroup[1:])].replacement

    def text(self, value: str) -> str:
        return self.page(value)[0]

    def page(self, value: str) -> tuple[str, _OffsetMap]:
        out, edits, last, length = [], [], 0, 0
        for m in self._finditer(value):
            replacement = self._replacement(m)
            out.append(value[last:m.start()])
            new_start = length + m.start() - last
            out.append(replacement)
            length = new_start + len(replacement)
            edits.append((m.start(), m.end(), new_start, length))
            last = m.end()
        if not edits:
            return value, _OffsetMap(edits)
        out.append(value[last:])
        return "".join(out), _OffsetMap(edits)


@dataclass
class _OffsetMap:
    """Moves offsets of the original page text to the redacted one."""

    edits: list[tuple[int, int, int, int]]  # (old start, old end, new start, new end)

    def __call__(self, offset: int, *, is_end: bool) -> int:
        i = bisect_right(self.edits, offset, key=lambda e: e[0]) - 1
        if i < 0:
            return offset
        old_start, old_end, new_start, new_end = self.edits[i]
        if offset >= old_end:
            return new_end + (offset - old_end)
        if offset == old_start:
            return new_start
        return new_end if is_end else new_start  # inside a redacted name: snap to it


def _walk(value: object, on_str: Callable[[str], str], on_evidence: Callable[[Evidence], Evidence]) -> object:
    """Rebuild ``value`` with every plain string and every ``Evidence`` transformed."""
    if isinstance(value, Evidence):
        return on_evidence(value)
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _walk(old, on_str, on_evidence)
            if new is not old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, list):
        new_list = [_walk(v, on_str, on_evidence) for v in value]
        return value if all(a is b for a, b in zip(new_list, value, strict=True)) else new_list
    if type(value) is str:  # not enum members, which are str too
        return on_str(value)
    return value


def redact_record(record: IndexRecord) -> IndexRecord:
    """``record`` with protected names replaced everywhere and ``ruling.redactions`` emptied."""
    redactions = redactions_of(record.ruling)
    if not redactions:
        return record if not record.ruling.redactions else record.model_copy(
            update={"ruling": record.ruling.model_copy(update={"redactions": []})})
    redactor = _Redactor(redactions)
    pages, maps = [], []
    for text in record.pages:
        new_text, offsets = redactor.page(text)
        pages.append(new_text)
        maps.append(offsets)

    def move(ev: Evidence) -> Evidence:
        if not 1 <= ev.page <= len(maps) or not maps[ev.page - 1].edits:
            return ev
        offsets = maps[ev.page - 1]
        return ev.model_copy(update={"start": offsets(ev.start, is_end=False), "end": offsets(ev.end, is_end=True)})

    ruling = record.ruling.model_copy(update={"redactions": []})
    ruling = _walk(ruling, redactor.text, move)
    boxes = [_move_boxes(b, m) for b, m in zip(record.page_boxes, maps)]
    return record.model_copy(update={"pages": pages, "ruling": ruling, "page_boxes": boxes})


def _move_boxes(boxes: PageBoxes | None, offsets: _OffsetMap) -> PageBoxes | None:
    """Word boxes moved as evidence is: their spans point into the redacted text (boxes hold
    no text; a word of a redacted name keeps its rectangle and spans the replacement)."""
    if boxes is None or not offsets.edits:
        return boxes
    return PageBoxes.of(boxes.width, boxes.height, [(offsets(start, is_end=False), offsets(end, is_end=True), *rect)
                                                   for start, end, *rect in boxes.word_boxes()])
