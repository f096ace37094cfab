"""Dates in words and digits, and the ruling's own place and date.

"Lima, once de marzo de dos mil veintidós", "primero de junio del año dos mil dieciocho",
"veinticuatro (24) de noviembre", "18 de marzo de 2019", "18/03/2019", "de 20192" (a
footnote digit glued to the year). Publication stamps and digital-signature dates are page
furniture and are not the ruling's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extractors.legal.numbers import words_to_int
from extractors.legal.patterns import Rule, alternatives
from extractors.legal.patterns import numbers as N
from extractors.legal.text import Context
from schemas import Evidence

_NUMWORDS = rf"(?:{alternatives(N.NUMBER_WORDS)})(?:\s+(?:y\s+)?(?:{alternatives(N.NUMBER_WORDS)}))*"

DATE_WORDS = Rule(
    "date.words",
    rf"""(?:\b|(?<=[a-z])(?=\d))(?P<day>\d{{1,2}}|primero|primer|{_NUMWORDS})(?:\s*[o°º]|ro|ero|er)?   # day; OCR glues "el6"
    (?:\s*\(\s*(?P<dd>\d{{1,2}})\s*\))?                                  # "(24)" echo
    (?:\s+dias?\s+del\s+mes)?                                           # "a los doce días del mes de mayo"
    \s+de\s+(?P<month>{N.MONTH_RX})\b                                    # month
    (?:\s*,?\s+(?:de|del)(?:\s+ano)?\s+(?P<year>\d{{4,5}}(?!\d)|{_NUMWORDS}))?  # year
    """,
    source="domain.md (dates)", flags=re.VERBOSE,
    examples=("once de marzo de dos mil veintidós", "primero de junio del año dos mil dieciocho",
              "veinticuatro (24) de marzo\nde dos mil veintidós", "18 de marzo de 2019",
              "22 de julio de 20192", "diecinueve de enero", "El6 de julio del año 2017",
              "a los doce días del mes de mayo de dos mil veintidós", "el 1ro de enero de 2020",
              "el treintaiuno de enero de dos mil veinte"),
    counter_examples=("de marzo de 2019",))

# The Arequipa courts' convention: year first, then month and day ("Arequipa, dos mil
# veintidós, setiembre veintiséis.-"; also "2022, setiembre 26")
DATE_YEAR_FIRST = Rule(
    "date.year_first",
    rf"""(?:\b|(?<=[a-z])(?=\d))(?P<year>(?:19|20)\d{{2}}|dos\s+mil(?:\s+(?:{alternatives(N.NUMBER_WORDS)}))*)\s*,?\s+
    (?P<month>{N.MONTH_RX})\s+(?P<day>\d{{1,2}}|primero|{_NUMWORDS})\b""",
    source="Corte Superior de Justicia de Arequipa, place-date line of its resolutions", flags=re.VERBOSE,
    examples=("Arequipa, dos mil veintidós, setiembre veintiséis.-", "Arequipa, 2021, mayo 3"),
    counter_examples=("dos mil veintidós soles",))

DATE_DIGITS = Rule(
    # a space may follow a slash ('12/ 10/2022', as typed or as OCR spaced it); not a dash or a
    # dot, which join the parts of case numbers
    "date.digits", r"(?:\b|(?<=[a-z]))(?P<d>\d{1,2})(?:[.-]|/[ \t]?)(?P<m>\d{1,2})(?:[.-]|/[ \t]?)(?P<y>(?:19|20)\d{2})(?:\d(?!\d))?\b",
    source="domain.md (dates); a footnote digit glued to the year ('12/11/20171')",
    examples=("18/03/2019", "04/08/2020", "12/11/20171", "12/ 10/2022"),
    counter_examples=("00347-2019-28",))

# The first day of a span whose last day carries the month and year: "entre el 2 y el 25 de
# agosto de 2023", "del 2 al 25 de agosto de 2023", "desde el 2 de julio hasta el 25 de agosto
# de 2023" (facts that ran over days: the span's first day is when they began).
RANGE_START = Rule(
    "date.range_start",
    rf"""\b(?:entre\s+el|del|desde\s+el)\s+(?P<day>\d{{1,2}}|primero|{_NUMWORDS})
    (?:\s+de\s+(?P<month>{N.MONTH_RX}))?(?:\s+|(?<=\d))(?:y\s+el|al|hasta\s+el)\s+$""",  # OCR: "10y el"
    source="how rulings date facts that lasted several days", flags=re.VERBOSE,
    examples=("entre el 2 y el ", "del 2 al ", "desde el dos de julio hasta el "),
    counter_examples=("del expediente al ",))

# "Lima, " before the date: a capitalised place name (raw text, not folded)
PLACE = Rule(
    "place.before_date",
    r"(?P<place>[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[ \t]+(?:de(?:l)?[ \t]+|la[ \t]+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+){0,3})"
    r"[ \t]*,[ \t]*(?:\n[ \t]*)?(?:a[ \t]+los[ \t]+)?$",  # "Piura, a los nueve días del mes de julio …"
    source="domain.md §2", folded=False,
    examples=("Lima, ", "Puerto Maldonado, ", "SENTENCIA Independencia, ", "Piura, a los "),
    counter_examples=("LIMA, ",))

# actas: "En la ciudad de Iñapari, a los veintinueve días del mes de enero de dos mil dieciocho"
ACTA_DATE = Rule(
    "date.acta",
    rf"""\ben\s+la\s+ciudad\s+de\s+(?P<place>[^,\n]{{2,40}}?),\s+(?:siendo\s+[^,]{{0,40}},\s+)?
    (?:a\s+)?(?:los|el)\s+(?P<day>\d{{1,2}}|primer|{_NUMWORDS})\s+dias?\s+del\s+mes\s+de\s+(?P<month>{N.MONTH_RX})
    \s+(?:de|del)(?:\s+ano)?\s+(?P<year>\d{{4}}|{_NUMWORDS})""",
    source="actas and some sentencias", flags=re.VERBOSE,
    examples=("En la ciudad de Iñapari, a los veintinueve días del mes de enero de dos mil dieciocho",))

FECHA_LABEL = Rule("date.label", r"\bfecha\s*:\s*$", source="header tables",
                   examples=("Fecha : ",))


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: date | None  # None when the year is missing
    day: int
    month: int
    year: int | None
    rule: str


def _year(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        if len(text) == 5:  # footnote digit glued to the year: "20192"
            text = text[:4]
        y = int(text)
    else:
        y = words_to_int(text)
    return y if y is not None and 1900 <= y <= 2100 else None


def _day(m: re.Match) -> tuple[int, int | None]:
    """Start and value of the day; a run of number words may swallow a preceding number
    ("a las doce horas del treinta de ...") so the shortest valid suffix is taken."""
    if m["dd"]:
        return m.start(), int(m["dd"])
    text = m["day"]
    if text.isdigit():
        return m.start(), int(text) if 1 <= int(text) <= 31 else None
    value = words_to_int(text)
    if value is not None and 1 <= value <= 31:
        return m.start(), value
    tokens = list(re.finditer(r"\S+", text))
    for i in range(1, len(tokens)):
        if tokens[i].group() == "y":
            continue
        value = words_to_int(text[tokens[i].start():])
        if value is not None and 1 <= value <= 31:
            return m.start("day") + tokens[i].start(), value
    return m.start(), None


def find_dates(low: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every date in folded text, in order; dates without a year have ``value=None``."""
    end = len(low) if end is None else end
    out: list[FoundDate] = []
    for m in DATE_WORDS.rx.finditer(low, start, end):
        s, day = _day(m)
        month = N.MONTHS[m["month"]]
        year = _year(m["year"]) if m["year"] else None
        span_end = m.end() if year is not None else m.end("month")
        value = None
        if day and year:
            try:
                value = date(year, month, day)
            except ValueError:
                value = None
        if day:
            out.append(FoundDate(s, span_end, value, day, month, year, DATE_WORDS.id))
    for m in DATE_YEAR_FIRST.rx.finditer(low, start, end):
        year, day = _year(m["year"]), (int(m["day"]) if m["day"].isdigit() else words_to_int(m["day"]))
        if year and day and 1 <= day <= 31:
            try:
                out.append(FoundDate(m.start(), m.end(), date(year, N.MONTHS[m["month"]], day), day,
                                     N.MONTHS[m["month"]], year, DATE_YEAR_FIRST.id))
            except ValueError:
                pass
    for m in DATE_DIGITS.rx.finditer(low, start, end):
        d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
        try:
            out.append(FoundDate(m.start(), m.end(), date(y, mo, d), d, mo, y, DATE_DIGITS.id))
        except ValueError:
            continue
    return _with_range_starts(low, sorted(out, key=lambda f: f.start))


def _with_range_starts(low: str, found: list[FoundDate]) -> list[FoundDate]:
    """``found`` with the first day of each span dated by its last day (``RANGE_START``):
    a bare day gains a date of its own, a day and month without a year gains the year."""
    out = list(found)
    for f in found:
        if f.value is None:
            continue
        m = RANGE_START.rx.search(low, max(0, f.start - 60), f.start)
        if not m:
            continue
        day = int(m["day"]) if m["day"].isdigit() else (1 if m["day"] == "primero" else words_to_int(m["day"]))
        month = N.MONTHS[m["month"]] if m["month"] else f.month
        try:
            value = date(f.year if (month, day) <= (f.month, f.day) else f.year - 1, month, day)
        except (ValueError, TypeError):
            continue
        out = [g for g in out if not (m.start("day") <= g.start < f.start)]  # "2 de julio" read without its year
        out.append(FoundDate(m.start("day"), m.end("month") if m["month"] else m.end("day"), value, day, month,
                             value.year, RANGE_START.id))
    return sorted(out, key=lambda f: f.start)


@dataclass(frozen=True)
class PlaceDate:
    place: str | None
    place_ev: list[Evidence]
    value: date | None
    date_ev: list[Evidence]


def resolution_date(ctx: Context) -> PlaceDate:
    """The ruling's own place and date: "Lima, catorce de junio de dos mil veintitrés"."""
    z, v = ctx.zones, ctx.view
    # 1) "Place, <date>" in the header block, then anywhere in the body
    for lo, hi in (z.header, (z.header[1], z.body[1]), (0, len(v.low))):
        for fd in find_dates(v.low, lo, hi):
            if fd.value is None or z.in_furniture(fd.start):
                continue
            line_start = v.raw.rfind("\n", 0, fd.start) + 1
            if line_start > 0 and not v.raw[line_start:fd.start].strip():
                # the date opens its line: the place may end the line before ("Independencia,\n
                # dieciséis de agosto …", a header wrapped by the page width)
                line_start = v.raw.rfind("\n", 0, line_start - 1) + 1
            off = max(line_start, fd.start - 60)
            m = PLACE.rx.search(v.raw[off:fd.start])
            if m:
                return PlaceDate(m["place"], [ctx.ev(off + m.start("place"), off + m.end("place"), PLACE.id)],
                                 fd.value, [ctx.ev(fd.start, fd.end, fd.rule)])
    # 2) "En la ciudad de X, a los N días del mes de M de Y"
    m = ACTA_DATE.rx.search(v.low, z.body[0], z.body[1])
    if m:
        day = int(m["day"]) if m["day"].isdigit() else words_to_int(m["day"])
        year = _year(m["year"])
        if day and year:
            try:
                value = date(year, N.MONTHS[m["month"]], day)
            except ValueError:
                value = None
            if value:
                return PlaceDate(v.raw[m.start("place"):m.end("place")], [ctx.ev(m.start("place"), m.end("place"), ACTA_DATE.id)],
                                 value, [ctx.ev(m.start("day"), m.end("year"), ACTA_DATE.id)])
    # 3) a "Fecha:" label in the header block
    for fd in find_dates(v.low, *z.header):
        if fd.value and FECHA_LABEL.rx.search(v.low[max(0, fd.start - 12):fd.start]) \
                and not z.in_furniture(fd.start):
            return PlaceDate(None, [], fd.value, [ctx.ev(fd.start, fd.end, FECHA_LABEL.id)])
    # 4) the first full date in the header block
    for fd in find_dates(v.low, *z.header):
        if fd.value and not z.in_furniture(fd.start):
            return PlaceDate(None, [], fd.value, [ctx.ev(fd.start, fd.end, "date.first_in_header")])
    return PlaceDate(None, [], None, [])
