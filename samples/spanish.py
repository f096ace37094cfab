"""Spanish surface forms the sample generator writes: number words, dates, money, initials.

Every writer here has a companion that lists *all* the forms it can produce (``date_forms``),
so tests can check that a truth value really appears in the text. The forms follow the
rulings described in ../shared/docs/domain.md ("What rulings look like in the wild"):
dates in words with "del"/"del año", digits in brackets, "setiembre"/"septiembre",
dd/mm/yyyy; money as "S/ 10 000.00", "S/. 5,000.00", "S/1500,00" and in words.
"""

from __future__ import annotations

import random
from datetime import date

# Core PDF fonts (Helvetica, Times, Courier) only encode latin-1. Everything the generator
# writes goes through ``latin1`` first so the truth, the text layer and the page texts agree.
_LATIN1_MAP = str.maketrans({
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2026": "...", "\u2022": "-", "\u203a": ">", "\u2039": "<", "\u00a0": " ",
    "\u2009": " ", "\u202f": " ",
})


def latin1(text: str) -> str:
    """Map typographic characters outside latin-1 to latin-1 equivalents; drop the rest."""
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        return text.translate(_LATIN1_MAP).encode("latin-1", "ignore").decode("latin-1")


_UNITS = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
    "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
).split()
_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta",
         8: "ochenta", 9: "noventa"}
_HUNDREDS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos",
             5: "quinientos", 6: "seiscientos", 7: "setecientos", 8: "ochocientos",
             9: "novecientos"}


def _below_1000(n: int, apocope: bool) -> str:
    if n == 100:
        return "cien"
    parts = []
    if n >= 100:
        parts.append(_HUNDREDS[n // 100])
        n %= 100
    if n:
        if n < 30:
            word = _UNITS[n]
        else:
            word = _TENS[n // 10] + (f" y {_UNITS[n % 10]}" if n % 10 else "")
        if apocope and word.endswith("uno"):
            word = word[:-3] + ("ún" if word.endswith("veintiuno") else "un")
        parts.append(word)
    return " ".join(parts)


def number_words(n: int, *, apocope: bool = False) -> str:
    """Cardinal in words: 21 -> "veintiuno"; with ``apocope`` (before a noun) "veintiún"."""
    if n < 0 or n >= 1_000_000_000:
        raise ValueError(n)
    if n == 0:
        return "cero"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("un millón" if millions == 1 else _below_1000(millions, True) + " millones")
    if thousands:
        parts.append("mil" if thousands == 1 else _below_1000(thousands, True) + " mil")
    if units:
        parts.append(_below_1000(units, apocope))
    return " ".join(parts)


_ORD_UNITS = "PRIMERO SEGUNDO TERCERO CUARTO QUINTO SEXTO SÉTIMO OCTAVO NOVENO".split()
_ORD_TEENS = ("DÉCIMO UNDÉCIMO DUODÉCIMO DECIMOTERCERO DECIMOCUARTO DECIMOQUINTO DECIMOSEXTO "
              "DECIMOSÉTIMO DECIMOCTAVO DECIMONOVENO").split()
_ORD_TENS = {2: "VIGÉSIMO", 3: "TRIGÉSIMO", 4: "CUADRAGÉSIMO", 5: "QUINCUAGÉSIMO", 6: "SEXAGÉSIMO",
             7: "SEPTUAGÉSIMO", 8: "OCTOGÉSIMO", 9: "NONAGÉSIMO"}


def ordinal(n: int) -> str:
    """Ordinal heading word, 1 -> 'PRIMERO', 13 -> 'DECIMOTERCERO', 21 -> 'VIGÉSIMO PRIMERO',
    104 -> 'CENTÉSIMO CUARTO' (a long ruling may have a hundred considerandos)."""
    if not 1 <= n < 200:
        raise ValueError(f"ordinal heading out of range: {n}")
    if n >= 100:
        return "CENTÉSIMO" + (f" {ordinal(n - 100)}" if n > 100 else "")
    if n < 10:
        return _ORD_UNITS[n - 1]
    if n < 20:
        return _ORD_TEENS[n - 10]
    tens, units = divmod(n, 10)
    return _ORD_TENS[tens] + (f" {_ORD_UNITS[units - 1]}" if units else "")


ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()

MONTHS = ("enero febrero marzo abril mayo junio julio agosto setiembre octubre noviembre "
          "diciembre").split()

# Date styles. Words: "once de marzo de dos mil veintidós"; the joiners before the year
# vary ("de", "del", "del año"); a day may carry its digits in brackets; "primero" is day 1.
_YEAR_JOINERS = ("de", "del", "del año")
DATE_STYLES = ("words", "words_digits", "long_digits", "slash", "dias_del_mes")


def _day_words(day: int) -> str:
    return "primero" if day == 1 else number_words(day)


def format_date(d: date, style: str, *, joiner: str = "de", sept: str = "setiembre",
                zero_pad: bool = False) -> str:
    """One written form of ``d``; ``date_forms`` lists every form this can return."""
    month = MONTHS[d.month - 1] if d.month != 9 else sept
    if style == "words":
        return f"{_day_words(d.day)} de {month} {joiner} {number_words(d.year)}"
    if style == "words_digits":
        return f"{_day_words(d.day)} ({d.day:02d}) de {month} {joiner} {number_words(d.year)}"
    if style == "long_digits":
        day = f"{d.day:02d}" if zero_pad else str(d.day)
        return f"{day} de {month} {joiner} {d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dias_del_mes":  # "a los dieciocho días del mes de marzo del año dos mil diecinueve"
        return f"{number_words(d.day)} días del mes de {month} {joiner} {number_words(d.year)}"
    raise ValueError(style)


def date_forms(d: date) -> set[str]:
    """Every string ``format_date`` can produce for ``d`` (for tests and evaluation)."""
    forms = set()
    for style in DATE_STYLES:
        for joiner in _YEAR_JOINERS:
            for sept in ("setiembre", "septiembre"):
                for zero_pad in (False, True):
                    forms.add(format_date(d, style, joiner=joiner, sept=sept, zero_pad=zero_pad))
    return forms


class DateWriter:
    """Writes dates in one document's habits: a preferred style, with some variation."""

    def __init__(self, rng: random.Random, *, prefer_words: float | None = None):
        self.rng = rng
        p_words = rng.random() if prefer_words is None else prefer_words
        self.styles = (["words"] * 6 + ["words_digits"]) if p_words > 0.35 else ["long_digits"] * 4
        self.styles += ["long_digits", "slash"] if rng.random() < 0.5 else ["words"]
        self.joiner = rng.choice(("de", "de", "de", "del", "del año"))
        self.sept = "septiembre" if rng.random() < 0.3 else "setiembre"
        self.zero_pad = rng.random() < 0.2

    def __call__(self, d: date, style: str | None = None) -> str:
        style = style or self.rng.choice(self.styles)
        joiner = self.joiner if self.rng.random() < 0.85 else "de"
        return format_date(d, style, joiner=joiner, sept=self.sept, zero_pad=self.zero_pad)


def money_digits(amount: float, style: int) -> str:
    """'S/ 10 000.00', 'S/. 5,000.00', 'S/ 600.00', 'S/1500,00', 'S/ 15,000.00'."""
    whole = int(amount)
    cents = round((amount - whole) * 100)
    if style == 0:
        return f"S/ {whole:,}.{cents:02d}".replace(",", " ")
    if style == 1:
        return f"S/. {whole:,}.{cents:02d}"
    if style == 2:
        return f"S/{whole},{cents:02d}"
    return f"S/ {whole:,}.{cents:02d}"


def money_words(amount: float, *, upper: bool = False) -> str:
    words = number_words(int(amount), apocope=True) + " soles"
    return words.upper() if upper else words


def money(amount: float, rng: random.Random, *, style: int | None = None) -> str:
    """Money in digits, often followed by the amount in words, or in words alone."""
    style = rng.randrange(4) if style is None else style
    pick = rng.random()
    if pick < 0.15:
        return money_words(amount)
    digits = money_digits(amount, style)
    if pick < 0.65:
        return f"{digits} ({money_words(amount, upper=rng.random() < 0.3)})"
    return digits


def years_words(years: int, months: int, *, upper: bool, digits: bool) -> str:
    """'QUINCE (15) AÑOS', 'siete años y seis meses', 'TRES AÑOS Y NUEVE MESES'."""
    def unit(n: int, sing: str, plur: str) -> str:
        word = number_words(n, apocope=True)
        text = f"{word} ({n}) " if digits else f"{word} "
        return text + (sing if n == 1 else plur)

    parts = []
    if years:
        parts.append(unit(years, "año", "años"))
    if months:
        parts.append(unit(months, "mes", "meses"))
    text = " y ".join(parts)
    return text.upper() if upper else text


def initials(names: list[str], style: str) -> str:
    """Initials of a protected person: 'R.M.Q.', 'R. M. Q.', 'S.M.H.Ch.', 'NO. FA. PA.'."""
    def head(word: str) -> str:
        return "Ch" if word.startswith("Ch") and style != "double" else word[0].upper()

    if style == "double":
        return " ".join(w[:2].upper() + "." for w in names)
    letters = [head(w) + "." for w in names]
    return " ".join(letters) if style == "spaced" else "".join(letters)
