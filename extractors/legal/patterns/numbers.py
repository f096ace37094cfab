"""Spanish number words and month names, as rulings write them.

Source: Real Academia Española, "Ortografía" (2010) §§ on numerals; domain.md ("Primero
is day 1; del and del año appear freely"; "setiembre and septiembre"). Cardinals are
converted by text2num; this table only says which words may form a number, and repairs
what text2num does not read: accents lost to OCR, "un mil", "primero", "veintiún".
Patterns run on folded text (no accents).
"""

from __future__ import annotations

from extractors.legal.patterns import Rule, alternatives

# the ordinals of courts and chambers ("Primera Sala", "Sexto Juzgado", "Décimo Juzgado")
ORDINALS = ["primer", "primera", "segundo", "segunda", "tercer", "tercera", "cuarto", "cuarta",
            "quinto", "quinta", "sexto", "sexta", "septimo", "setimo", "septima", "setima",
            "octavo", "octava", "noveno", "novena", "decimo", "decima"]

MONTHS: dict[str, int] = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "setiembre": 9, "septiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    # abbreviations seen in stamps and tables
    "ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "set": 9,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dic": 12,
}
FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m == "mayo"]

# Number words (folded). text2num needs the accented spelling of some of them.
UNITS = ["cero", "uno", "una", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
         "nueve"]
TEENS = ["diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete",
         "dieciocho", "diecinueve"]
TWENTIES = ["veinte", "veintiuno", "veintiuna", "veintiun", "veintidos", "veintitres",
            "veinticuatro", "veinticinco", "veintiseis", "veintisiete", "veintiocho",
            "veintinueve"]
TENS = ["treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
# the one-word spelling the Ortografía (2010) admits for 31 to 99: "treintaiuno" (the day 31
# of a month; amounts are written "treinta y cinco")
TENS_JOINED = [f"{t}i{u}" for t in TENS for u in ("uno", "un", "una", "dos", "tres", "cuatro", "cinco", "seis",
                                                   "siete", "ocho", "nueve")]
HUNDREDS = ["cien", "ciento", "doscientos", "doscientas", "trescientos", "trescientas",
            "cuatrocientos", "cuatrocientas", "quinientos", "quinientas", "seiscientos",
            "seiscientas", "setecientos", "setecientas", "ochocientos", "ochocientas",
            "novecientos", "novecientas"]
SCALES = ["mil", "millon", "millones"]
NUMBER_WORDS = UNITS + TEENS + TWENTIES + TENS + TENS_JOINED + HUNDREDS + SCALES

# folded spelling -> spelling text2num accepts
TEXT2NUM_SPELLING = {
    "dieciseis": "dieciséis", "veintidos": "veintidós", "veintitres": "veintitrés",
    "veintiseis": "veintiséis", "veintiun": "veintiuno", "veintiuna": "veintiuno",
    "una": "uno", "millon": "millón",
    **{j: f"{j[:j.index('i', 5)]} y {j[j.index('i', 5) + 1:]}" for j in TENS_JOINED},  # "treintaiuno" -> "treinta y uno"
}

ORDINAL_DAY = {"primero": 1, "primer": 1, "1o": 1, "1ro": 1, "1ero": 1, "1er": 1}

_WORD = rf"(?:{alternatives(NUMBER_WORDS)})"
# a run of number words: "dos mil veintidos", "treinta y uno", "ciento cincuenta"
NUMBER_RUN = Rule(
    "number.words", rf"\b{_WORD}(?:\s+(?:y\s+)?{_WORD})*\b",
    source="RAE numerals", examples=("dos mil veintidós", "treinta y uno", "CIENTO CINCUENTA"),
    counter_examples=("doctor", "unidad"))

MONTH_RX = rf"(?:{alternatives(FULL_MONTHS)})"
