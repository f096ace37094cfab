"""A cleaned, searchable view of a document, with a map back to page offsets.

Extractors never match the raw page text directly: page numbers and running headers are
removed, words hyphenated across lines are re-joined, whitespace runs are collapsed, and
a *folded* twin of the text (lower case, no accents, same length) is kept for matching.
Every character of the view remembers where it came from, so a match in the view becomes
``Evidence(page, start, end, rule)`` in the original page text.

:class:`Zones` then splits the view into the regions the extractors care about: publisher
furniture, the header block, VISTOS, the decision, the sumilla.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass

from extractors.legal.patterns import layout
from schemas import DocumentText, Evidence, PageMethod


# the line after a sumilla that ends it: the ruling's title or its VISTOS (folded text)
_AFTER_SUMILLA = re.compile(r"(?<=[.:;])[ \t]*\n(?=[ \t]*[–—-]?[ \t]*(?:auto|sentencia|resolucion|ejecutoria|vistos|"
                            r"autos|vista|visto)\b)")

def fold_char(c: str) -> str:
    lo = c.lower()
    if len(lo) != 1:
        lo = c
    base = unicodedata.normalize("NFD", lo)[0]
    return base if base.isascii() or not base.isalpha() else lo


# fold_char for the Basic Multilingual Plane, as one translation table (str.translate is C)
_FOLD_TABLE = {i: fold_char(chr(i)) for i in range(0x3000) if fold_char(chr(i)) != chr(i)}


def fold(text: str) -> str:
    """Lower case, accents removed, one character out for each character in."""
    out = text.translate(_FOLD_TABLE)
    if out.isascii():
        return out
    return "".join(c if ord(c) < 0x3000 else fold_char(c) for c in out)


def fold_key(text: str) -> str:
    """Folded with whitespace collapsed: a comparison key for names and labels."""
    return re.sub(r"\s+", " ", fold(text)).strip()


_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])"
                           # the same break in text extracted without line breaks: "SOTOMA- YOR"
                           r"|(?<=[a-záéíóúñü])- (?=[a-záéíóúñü])|(?<=[A-ZÁÉÍÓÚÑ]{2})- (?=[A-ZÁÉÍÓÚÑ]{2})")
_WS = re.compile(r"\s+")
# OCR specks: a line of one to three punctuation marks ("*", "e", "—") left by a stain or a stamp
_SPECK_LINE = re.compile(r"(?m)^[ \t]*[^\w\s]{1,3}[ \t]*$")
# OCR and PDF glue between words: "dos mil'dieciocho", "del-dos mil"; in the folded twin only
# (hyphens only between words of three letters or more: "-jr-pe-" in case numbers stays)
_GLUE = re.compile(r"(?<=[a-z])['’‘`´](?=[a-z])|(?<=[a-z]{3})-(?=[a-z]{3})")


def match_text(low: str) -> str:
    """The folded text patterns run on: apostrophes and hyphens between two letters become
    spaces (same length, so offsets still map back)."""
    return _GLUE.sub(" ", low) if ("'" in low or "-" in low or "’" in low or "‘" in low
                                   or "`" in low or "´" in low) else low


@dataclass(frozen=True)
class Stamp:
    """A digital-signature stamp removed from the view: offsets into the joined document
    text of the whole stamp and of the signer's name; ``staff`` for a court officer's
    ("Secretaria de Sala: …") rather than a judge's signature."""

    start: int
    end: int
    name_start: int
    name_end: int
    staff: bool
    office: str | None = None


@dataclass
class View:
    raw: str  # cleaned text, original case
    low: str  # folded twin of ``raw``
    src: list[int]  # src[i]: offset in the joined document text of raw[i]
    doc_text: str
    page_starts: list[int]
    stamps: tuple[Stamp, ...] = ()

    def stamp_name(self, stamp: Stamp) -> str:
        """The signer's name as the stamp prints it, on one line."""
        return " ".join(self.doc_text[stamp.name_start:stamp.name_end].split())

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        """Evidence for the view span [start, end)."""
        if end <= start:
            end = start + 1
        a = self.src[min(start, len(self.src) - 1)]
        b = self.src[min(end - 1, len(self.src) - 1)] + 1
        return self.doc_evidence(a, b, rule)

    def doc_evidence(self, a: int, b: int, rule: str) -> Evidence:
        """Evidence for the span [a, b) of the joined document text."""
        page = bisect.bisect_right(self.page_starts, a) - 1
        base = self.page_starts[page]
        page_len = (self.page_starts[page + 1] - 1 if page + 1 < len(self.page_starts)
                    else len(self.doc_text)) - base
        return Evidence(page=page + 1, start=a - base, end=min(b - base, page_len), rule=rule)

    def line_bounds(self, pos: int) -> tuple[int, int]:
        s = self.raw.rfind("\n", 0, pos) + 1
        e = self.raw.find("\n", pos)
        return s, (len(self.raw) if e < 0 else e)


def _page_marker_spans(text: str, low: str) -> list[tuple[int, int]]:
    spans = []
    for rule in layout.PAGE_MARKERS:
        spans += [m.span() for m in rule.rx.finditer(low)]
    return sorted(spans)


def _stamps(low: str) -> tuple[Stamp, ...]:
    out = []
    for m in layout.SIGNATURE_STAMP.rx.finditer(low):
        group = "name" if m["name"] else "staff"
        out.append(Stamp(m.start(), m.end(), m.start(group), m.end(group), staff=group == "staff",
                         office=" ".join(m["cargo"].split()) if m["cargo"] else None))
    return tuple(out)


_DIGITS = re.compile(r"\d+")


def _paged_header_lines(text: str, low: str) -> list[tuple[int, int]]:
    """Running headers printed without a page break before them: a line that carries a page
    number ("Exp. 3517-2023-41 – Prisión preventiva   Pág. 2 de 3") and recurs, its
    numbers aside, on other pages. The first occurrence stays (it opens the document)."""
    seen: dict[str, int] = {}
    spans = []
    for m in re.finditer(r"[^\n]+", low):
        line = m.group()
        if len(line.strip()) < 20 or not any(r.rx.search(line) for r in layout.PAGE_MARKERS[:2]):
            continue
        key = _DIGITS.sub("#", " ".join(line.split()))
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            spans.append(m.span())
    return spans


def _running_header_spans(text: str, low: str, markers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Text repeated right after every page break (page marker or form feed): a running header."""
    anchors = [e for _, e in markers] + [m.end() for m in re.finditer("\f", text)]
    starts = []
    for a in sorted(set(anchors)):
        m = re.compile(r"\s*").match(text, a)
        if m.end() < len(text):
            starts.append(m.end())
    starts = sorted(set(starts))
    if len(starts) < 2:
        return []
    # group the anchors by their first 12 folded characters and keep the common prefix
    spans: list[tuple[int, int]] = []
    groups: dict[str, list[int]] = {}
    for s in starts:
        groups.setdefault(low[s:s + 12], []).append(s)
    for key, group in groups.items():
        if len(group) < 2 or len(key.strip()) < 12:
            continue
        n = 320
        for s in group[1:]:
            k = 0
            while k < n and s + k < len(low) and low[group[0] + k] == low[s + k]:
                k += 1
            n = k
        prefix = low[group[0]:group[0] + n]
        if "\n" in prefix:  # the text has lines: the running header is its whole lines shared
            # by every page (court and number lines), at most three
            ends = [i for i, c in enumerate(prefix) if c == "\n"][:3]
            cut = ends[-1]
        else:  # inline text: cut back to a word boundary shared by all occurrences
            cut = n
            while cut > 0 and not all(s + cut >= len(low) or low[s + cut].isspace() for s in group):
                cut -= 1
        if cut < 12:
            continue
        # the first occurrence stays: on the first page the "running header" is the ruling's
        # own header (a signature stamp before it on every page makes it look repeated)
        first_copy = low.find(low[group[0]:group[0] + cut])
        spans += [(s, s + cut) for s in (group if first_copy < group[0] else group[1:])]
    return spans


# a page that ends inside a sentence: a word or a comma before the break, a lower-case word
# or a number after it
_SENTENCE_GOES_ON = re.compile(r"[a-záéíóúñü\d,]")
_SENTENCE_GOES_ON_AFTER = re.compile(r"[a-záéíóúñü\d]")


def build_view(doc: DocumentText) -> View:
    text = doc.text
    page_starts = doc.page_offsets()
    low0 = fold(text)
    markers = _page_marker_spans(text, low0)
    specks = [m.span() for m in _SPECK_LINE.finditer(text)]
    removed = sorted(markers + specks + _running_header_spans(text, low0, markers)
                     + _paged_header_lines(text, low0))
    stamps = _stamps(low0)
    keep = bytearray(b"\x01") * len(text)
    for s, e in removed:
        keep[s:e] = b"\x00" * (e - s)
    # a stamp flowed into a sentence is cut out with the line breaks around it (value 2:
    # the whitespace run that holds it is at most one line break)
    for st in stamps:
        keep[st.start:st.end] = b"\x02" * (st.end - st.start)
    # hyphenated line breaks inside a word: drop the hyphen and the break
    for m in _HYPHEN_BREAK.finditer(text):
        keep[m.start():m.end()] = b"\x00" * (m.end() - m.start())
    # also across removed furniture: "inhabilita-\n<furniture>\nción" is rare; not handled
    raw_chars: list[str] = []
    src: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if keep[i] != 1:
            i += 1
            continue
        c = text[i]
        if c.isspace():
            j, newlines, stamp = i, 0, False
            while j < n and (text[j].isspace() or keep[j] != 1):
                if keep[j] == 2 and not stamp:  # line breaks on either side of a stamp count once
                    stamp, newlines = True, 0
                if keep[j] == 1 and text[j] in "\n\f":
                    newlines += 2 if text[j] == "\f" else 1
                j += 1
            if raw_chars and newlines >= 2 and _SENTENCE_GOES_ON.match(raw_chars[-1]) and j < n \
                    and _SENTENCE_GOES_ON_AFTER.match(text[j]) and "\f" in text[i:j]:
                newlines = 1  # a page break inside a sentence ("dictó auto de enjuiciamiento el\f veintiuno …")
            if raw_chars:  # no leading whitespace
                sep = "\n\n" if newlines >= 2 else ("\n" if newlines == 1 else " ")
                for ch in sep:
                    raw_chars.append(ch)
                    src.append(i)
            i = j
            continue
        raw_chars.append(c)
        src.append(i)
        i += 1
    raw = "".join(raw_chars)
    if any(p.method == PageMethod.OCR for p in doc.pages):
        raw = repair_ocr(raw)
    return View(raw=raw, low=match_text(fold(raw)), src=src, doc_text=text, page_starts=page_starts,
                stamps=stamps)


# OCR confusions repaired one character for one character (offsets still map back): a digit
# or "!" inside a word is a letter ("A1ipio", "Mariso! Vilca"), a letter inside a number is
# a digit ("2O19", "l5"). Only pages read by OCR get it.
_L = "a-záéíóúñü"
_OCR_IN_WORD = re.compile(rf"(?<=[A-ZÁÉÍÓÚÑ{_L}])[1!I](?=[{_L}])|(?<=[{_L}]{{3}})!(?=\s)|(?<=[{_L}])0(?=[{_L}])")
_OCR_IN_NUMBER = re.compile(r"(?<=\d)[OoIl](?=\d)")
_OCR_MAP = {"1": "l", "!": "l", "I": "l", "0": "o", "O": "0", "o": "0", "l": "1"}


def repair_ocr(raw: str) -> str:
    def sub(m: re.Match) -> str:
        if m.group() == "!" and "¡" in m.string[max(0, m.start() - 40):m.start()]:
            return "!"  # a real exclamation: "¡Basta!"
        return _OCR_MAP[m.group()]
    return _OCR_IN_NUMBER.sub(sub, _OCR_IN_WORD.sub(sub, raw))


@dataclass
class Zones:
    """Regions of a :class:`View`, as [start, end) offsets in the view."""

    view: View
    furniture: list[tuple[int, int]]
    body: tuple[int, int]
    header: tuple[int, int]
    vistos: tuple[int, int]
    decision: tuple[int, int]
    sumilla: tuple[int, int]
    tail: int  # where trailing publisher furniture starts

    def in_furniture(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.furniture)

    def text(self, zone: tuple[int, int], folded: bool = False) -> str:
        src = self.view.low if folded else self.view.raw
        return src[zone[0]:zone[1]]


def _lines(view: View):
    pos = 0
    for line in view.raw.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


_SIGNATURE = next(i for i, r in enumerate(layout.FURNITURE_LINES) if r.id == "furn.signature")


def _flowed_split(low: str, lines):
    """Lines, with very long lines (text extracted without line breaks, wild w12) cut where
    the ruling's own header starts and where trailing publisher furniture begins, so that a
    page-long line is not taken whole for furniture or for body."""
    for s, e in lines:
        if e - s < 400:
            yield s, e
            continue
        cuts = [s]
        m = layout.FLOWED_BODY_START.rx.search(low, s, e)
        if m and m.start() > s:
            cuts.append(m.start())
        for t in layout.FLOWED_TAIL.rx.finditer(low, cuts[-1], e):
            cuts.append(t.start())
            break
        cuts.append(e)
        for a, b in itertools.pairwise(cuts):
            if b > a:
                yield a, b


def find_zones(view: View) -> Zones:
    low = view.low
    furniture: list[tuple[int, int]] = []
    starts: list[int] = []  # lines that may open the ruling
    lines = [(s, e) for s, e in _flowed_split(low, _lines(view)) if low[s:e].strip()]
    for s, e in lines:
        line = low[s:e].strip()
        if layout.ANY_FURNITURE.search(line):
            furniture.append((s, e))
            continue
        if (len(line) < 130 and layout.BODY_START[0].rx.search(line)) or \
                (len(line) >= 130 and (layout.FLOWED_BODY_START.rx.match(line)
                                       or layout.BODY_START[0].rx.search(line))):
            starts.append(s)
    # the ruling opens at the first such line after the publisher's page (a running header
    # such as "PODER JUDICIAL DEL PERÚ" may stand above the publisher's headline)
    first_vistos = layout.VISTOS.rx.search(low)
    limit = first_vistos.start() if first_vistos else len(low)
    last_furn = max((s for s, _ in furniture if s < limit), default=-1)
    after = [s for s in starts if s > last_furn and s < limit]
    body_start = after[0] if after else (starts[0] if starts else 0)
    if last_furn >= 0 and body_start > last_furn:
        # lines between furniture lines before the ruling are furniture too (wrapped headlines,
        # the rest of a "Lea también" link), unless they are the sumilla
        first_furn = min(s for s, _ in furniture)
        for s, e in lines:
            if first_furn < s < body_start and (s, e) not in furniture \
                    and not layout.SUMILLA.rx.search(low, s, e) and not layout.FUNDAMENTO_DESTACADO.rx.search(low[s:e]):
                furniture.append((s, e))
        furniture.sort()
    # everything before the body that is not a sumilla / fundamento destacado is furniture
    sumilla = (0, 0)
    m = layout.SUMILLA.rx.search(low)
    if m:
        # the sumilla is one paragraph: it ends at the first blank line after a full stop (a scan
        # may break a sentence with a blank line: "corresponde declarar HABER\n\nNULIDAD")
        end = low.find("\n\n", m.end())
        while 0 <= end < m.start() + 2500 and low[max(0, end - 80):end].rstrip()[-1:] not in ".:;":
            end = low.find("\n\n", end + 2)
        end = len(low) if end < 0 else end
        # ... or at the title or the VISTOS that follows it on the next line (a PDF's text layer
        # keeps no blank line: "… con restricciones.\nAUTO DE APELACIÓN\nRESOLUCIÓN N.° 5")
        title = _AFTER_SUMILLA.search(low, m.end(), end)
        end = title.start() if title else end
        # a sumilla inside the body header may be long; cap it
        sumilla = (m.start(), min(end, m.start() + 2500))
    # trailing publisher furniture ("Etiquetas", "Comparte", ...) after the ruling
    tail = len(low)
    after = [s for s, e in furniture if s > body_start
             and not layout.FURNITURE_LINES[_SIGNATURE].rx.search(low[s:e].strip())]
    if after and after[0] > len(low) * 0.6:
        tail = after[0]
    body = (body_start, tail)
    mv = None
    for m in layout.VISTOS.rx.finditer(low, body_start, tail):
        word = view.raw[m.start():m.end()]
        if word[:1].isupper():
            mv = m
            break
    if mv:
        header = (body_start, mv.start())
        mr = layout.REASONING.rx.search(low, mv.end(), tail)
        vend = mr.start() if mr else min(tail, mv.end() + 2500)
        vistos = (mv.start(), min(vend, mv.end() + 4000))
    else:  # no VISTOS: the header runs to the reasoning (CONSIDERANDO), at most 1,500 characters
        mr = layout.REASONING.rx.search(low, body_start, tail)
        header = (body_start, min(tail, body_start + 1500, mr.start() if mr else tail))
        vistos = (header[1], header[1])
    # the court's decision stands before a judge's separate vote, which has its own "Por estos
    # fundamentos, MI VOTO es …"; the vote stays in the body (its judge signs it)
    vote = layout.SEPARATE_VOTE.rx.search(low, vistos[0] + 1, tail)
    dec_tail = vote.start() if vote and any(r.rx.search(low, vistos[0] + 1, vote.start()) for r in layout.DECISION) \
        else tail
    dec_start = None
    for rule in layout.DECISION:
        last = None
        for m in rule.rx.finditer(low, vistos[0] + 1, dec_tail):
            last = m
        if last and (dec_start is None or last.start() > dec_start) and rule.id == "decision.por_estos":
            dec_start = last.start()
    if dec_start is None:
        for rule in layout.DECISION[1:]:
            for m in rule.rx.finditer(low, vistos[0] + 1, dec_tail):
                dec_start = m.start() if dec_start is None else max(dec_start, m.start())
    decision = (dec_start, max(dec_tail, dec_start)) if dec_start is not None else (tail, tail)
    return Zones(view=view, furniture=furniture, body=body, header=header, vistos=vistos,
                 decision=decision, sumilla=sumilla, tail=tail)


@dataclass
class Context:
    """What every field extractor receives: the view and its zones."""

    view: View
    zones: Zones
    language: str | None = None

    @classmethod
    def of(cls, doc: DocumentText) -> Context:
        view = build_view(doc)
        return cls(view=view, zones=find_zones(view), language=doc.language)

    def ev(self, start: int, end: int, rule: str) -> Evidence:
        return self.view.evidence(start, end, rule)
