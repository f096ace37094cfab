"""Tesseract misreadings that matter for extraction, repaired on OCR'd pages only.

Each fix is one regex with the narrowest context that makes it safe, and a table of cases
in the tests (``test_acquire_cleanup.py``). Measured on Tesseract 5.3 'spa' over court
rulings: the raised º of 'N.º' comes out as '2', '?', '*', '%', '”' or '’'; 'S/.' as 'SI.' or
'5/.'; in numbers, 'l', 'I' and '|' for 1 and 'O' for 0 ('2O19', '27O1-JR-PE-01'); and
en or em dashes for the hyphens of case numbers.
"""

from __future__ import annotations

import re
import unicodedata

from extractors.acquire.sourcemap import Tracked
from extractors.data.districts import DISTRICTS

# 'N.2 123-2019', 'N.? 123', 'N.* 123', 'N.” 123', 'N.% 123', 'N*% 14', 'N? : 01091' →
# 'N.° …'; a bare '2' only after the dot ('N2' alone is too often something else)
OCR_NUMERO_RE = re.compile(
    r"""(?<![^\W\d_])N
        (?: \.\s?[“"”’'*]?[2?*”"’'°º%][?*”"’']?  # N.2  N.?  N.*  N.”  N.%  N. ?  N.“%  N.?*  N.?”
          | \s?[“"”’'*]?[?*”"’'%]          # N?  N *  N”  N%  N*%
        )
        (?=\s+\d|\s*:\s*\d)              # a number follows, or ': ' and a number (a header field)""",
    re.VERBOSE,
)
# 'SI. 1,500.00', 'S|. 1 500', '5/. 200', 'S/, 300' → 'S/ …' (then normalised with S/.)
OCR_SOLES_RE = re.compile(r"(?<![^\W_])(?:S[I|l1]|5/|S/,)[.,]?\s?(?=\d)")
# inside a number: the letters OCR puts for digits, in a run that is mostly digits
NUMBERISH_RE = re.compile(r"(?<![^\W_])[\dOolI|]{2,}(?![^\W_])")
DIGIT_FOR = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}
DASH_IN_NUMBER_RE = re.compile(r"(?<=\d)[–—‐‑‒](?=\d)")
# specks of the scan at the left margin read as a mark before the line's first word ('- CORTE
# SUPREMA', '. JUEZ PONENTE :', '| SALA PENAL'): one or two marks, a space, then a capital or a
# digit. A real dash bullet loses nothing by going; line-anchored reading (the header's first
# line, its labels) needs the word at the start.
STRAY_MARK_RE = re.compile(r"(?m)^[ \t]*[-–—·•.,:;|'‘’\"*_~¬]{1,2}[ \t]+(?=[A-ZÁÉÍÓÚÑ0-9])"
                           # ... an underscore or tilde glued to the first word ('_Núñez Ríos'): no
                           # Spanish word starts with one
                           r"|^[ \t]*[_~¬](?=[A-ZÁÉÍÓÚÑ])"
                           # ... a hyphen glued to a word in capitals ('-JHAIR PAREDES', '-CONDENANDO',
                           # measured on wild/wild2 scans; a dash bullet loses nothing by going)
                           r"|^[ \t]*-(?=[A-ZÁÉÍÓÚÑ]{2})"
                           # ... a quotation mark standing apart before a word in small letters ('de\n\n“
                           # iniciales R.Q.A.', wild2 w27 scanned): a quote is glued to its word
                           r"|^[ \t]*[“”\"‘’'][ \t]+(?=[a-záéíóúñü])"
                           # ... and after the last word, apart from it ('de dos mil  :', 'flagrancia.  ?'):
                           # Spanish puts no space before a closing mark
                           r"|(?<=[\w.,;:)])[ \t]+[.,:;|'‘’\"*_~·•¬?!]{1,2}[ \t]*$"
                           # ... also a quote-like speck after a numero sign read as '?' ('Acuerdo Plenario
                           # N.? \'' / '2-2005/CJ-116', wild w12 scanned; a header's 'N?  :' keeps its colon)
                           r"|(?<=\?)[ \t]+['‘’\"*]{1,2}[ \t]*$"
                           # ... or a lone small letter far from it ('LUJÁN TÚPEZ  i' in a signature column)
                           r"|(?<=[\w.,;:)])[ \t]{2,}[a-zñ][ \t]*$")
# The colon of a header label, standing apart at the end of its line over the value below it, read
# as ']' ('ACUSADOS  ]' over a numbered list: wild2 w28 scanned with another seed, which lost seven
# defendants): a colon, glued to the label so that the speck rule below does not take it. A label is
# one to three words in capitals. (A colon read as a colon is left to that rule: after a signature's
# name it is as often a speck.)
LABEL_COLON_RE = re.compile(r"(?m)^([ \t]*[A-ZÁÉÍÓÚÑ]{2}[A-ZÁÉÍÓÚÑ.]*(?:[ \t][A-ZÁÉÍÓÚÑ.]+){0,2})[ \t]+\](?=[ \t]*$)")
# The "S.S." (señores) over the judges' names as Tesseract read it ('SS;', '$5:', 'S$:', measured
# on wild2 w04 and w14 scanned with another seed, which lost the judges under it): a line of two
# S-like marks ('S', '$', '5'; one of them an 'S' or '$'), with dots or one closing mark, and a name
# in capitals on the next line.
# ('85.' too, where the first S took an 8's shape: without an S, only with its closing mark,
# since a bare '55' over a name may be a page's number)
SS_LOOKALIKE_RE = re.compile(r"(?m)^[ \t]*(?=[^\n]*[S$]|[^\n]*[.:;,][ \t]*\n)[S$58]\.?[ \t]?[S$5][.:;,]?[ \t]*"
                             r"(?=\n(?:[ \t]*\n)?[ \t]*[A-ZÁÉÍÓÚÑ]{2,}(?:[ \t]+[A-ZÁÉÍÓÚÑ]{2,})+[ \t]*(?:\n|$))")
# a roman numeral of a list read with '|' for I ('|. Declararon', '||. CASARON', '|V. DISPUSIERON'):
# at the start of a line or after a colon, before '.' or ')' and a space
ROMAN_BAR_RE = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[:;]\s))[|IVX]*\|[|IVX]*(?=[.)]\s)")
# The number of a paragraph or an item with its dot read as a comma or a semicolon ('4,3. El
# testigo', '4.4, Concurren', '3.4, Reparación civil', '3; Notifíquese', '4, AQUINO PALACIOS',
# measured on wild2 and generated scans): at the start of a line, one or two levels of one or two
# digits, each closed by a mark, then a capital. (An amount has groups of three digits.)
NUMBERING_RE = re.compile(r"(?m)^([ \t]*)(\d{1,2})[.,;](?:(\d{1,2})[.,;])?(?=[ \t]+[A-ZÁÉÍÓÚÑ«“\"])")
# The roman number of a section heading or of a decision's item as Tesseract read it, measured on
# wild and wild2 printed and scanned (eval --scan): 'I.' as 'l.'; 'II.' as 'Il.', 'll.', 'IT.',
# 'IH.'; 'III.' as 'IM.', 'TI.', 'Ill.'; 'IV.' as 'TV.', 'lV.'. None of these is a Spanish word, so
# at the start of a line, before '.' and a capital ('IT. ITINERARIO DEL PROCESO'), it is the number;
# the digit forms ('111.', '11.') are left alone, since an arabic 11 is as likely there.
ROMAN_LOOKALIKES = {
    "l": "I", "Il": "II", "ll": "II", "lI": "II", "IT": "II", "IH": "II", "I1": "II", "1I": "II",
    "IM": "III", "TI": "III", "Ill": "III", "IIl": "III", "lll": "III", "IlI": "III",
    "TV": "IV", "lV": "IV", "Vl": "VI", "Vll": "VII", "VIl": "VII",
}
ROMAN_LOOKALIKE_RE = re.compile(
    r"(?m)^([ \t]*)(" + "|".join(sorted(ROMAN_LOOKALIKES, key=len, reverse=True)) + r")(?=\.[ \t]+[A-ZÁÉÍÓÚÑ])")
# Tesseract starts a new block (a blank line) inside a sentence where the line spacing of the
# scan varies ("La acusación se\n\npresentó el 7 de setiembre"): a blank line after a word or a
# comma and before a lower-case word is one line break (a paragraph never opens in lower case)
BROKEN_PARAGRAPH_RE = re.compile(r"(?<=[a-záéíóúñü\d,-])[ \t]*\n(?:[ \t]*\n)+(?=[ \t]*[a-záéíóúñü])"
                                 # ... also with a speck apart before that word, which goes too ('pena
                                 # privativa de\n\n- libertad', wild w09 scanned with another seed)
                                 r"|(?<=[a-záéíóúñü\d,])[ \t]*\n(?:[ \t]*\n)+[ \t]*[-–.,:;|'‘’\"*·•][ \t]+(?=[a-záéíóúñü])"
                                 # ... and inside an amount wrapped at its thousands ("S/ 15\n\n000.00")
                                 r"|(?<=\d)[ \t]*\n(?:[ \t]*\n)+(?=[ \t]*\d{3}(?:[.,]\d{2})?\b)")
# the I of a word in capitals misread (measured on wild2 scanned): read twice, as '!I' ('CÓNDOR
# YAUR!I', 'HUARACH!I'), or as a small 'l' or a bar between two capitals ('5-2016/ClJ-116'). No
# Spanish word in capitals holds a '!' or a small 'l'. (A digit 1 between capitals is left: vehicle
# plates and police codes have them.)
# ... or as '!' alone at the end of a surname before a colon or a comma ('CÓNDOR YAUR!:', wild2 w28
# scanned with another seed), unless a '¡' opened an exclamation on that line
CAPITALS_I_RE = re.compile(r"(?<=[A-ZÁÉÍÓÚÑ])(?:!(?=I)|[l|](?=[A-ZÁÉÍÓÚÑ]))|(?<=[A-ZÁÉÍÓÚÑ]{3})!(?=[:,;])")
# a protected victim's initials with one dot read as a colon, a semicolon or a comma, or with a
# space before it ('A:S.Q.V.', 'Y .F.Ch.Q.', measured on wild2 w29 and w27 scanned): a lone
# capital (or capital and small letter, 'Ch') before two or more initials is one of them
INITIALS_SPECK_RE = re.compile(r"(?<![^\W\d_])([A-ZÑ][a-z]?)(?:[:;,]|[ \t]\.)(?=(?:[A-ZÑ][a-z]?\.){2,})")
# ... and inside a name in capitals that a sentence carries over the line ("impuso a KEVIN\n\nJHAIR
# PAREDES SOTO", "contra TEODORO MÁXIMO\n\nCCENTE HUAMANÍ", wild2 w04 and w26 scanned): the gap
# between a line of prose (it has a word in small letters) that ends on a word in capitals, with
# no mark after it, and a line that opens with one. (A heading stands on a line of capitals.)
BROKEN_CAPITALS_RE = re.compile(r"(?<=[A-ZÁÉÍÓÚÑ]{2})[ \t]*\n(?:[ \t]*\n)+(?=[ \t]*-?[A-ZÁÉÍÓÚÑ]{2,}\b)")
PROSE_WORD_RE = re.compile(r"\b[a-záéíóúñü]{2,}\b")
# Words that never end a sentence nor take a mark after them, whatever the ruling says (Spanish
# prepositions, articles, conjunctions and clitic 'se'; 'un/una', 'sobre' and 'lo' can end one).
FUNCTION_WORDS = ("de", "del", "la", "las", "el", "los", "al", "en", "con", "por", "para", "su", "sus",
                  "y", "e", "que", "se", "según", "sin", "hacia", "desde", "mediante")
_FW = "|".join(sorted(FUNCTION_WORDS, key=len, reverse=True))
# A speck of the scan read as a mark where the space between two words was: after a function word
# ('cuatro de. / setiembre', 'la:sola', 'según.su'), or glued before one ('criterios\'del',
# 'extremo.y'); measured on wild and wild2 scanned. The function word must follow a word (a list's
# 'a.' or 'e.' opens a line), and what follows the mark must be a word in small letters.
WORD_SPECK_RE = re.compile(
    rf"(?<=[^\W\d_][ \t])(?P<fw>{_FW})(?P<mark>[.:;'’])(?P<gap>[ \t]*\n?[ \t]*)(?=[a-záéíóúñü])"
    rf"|(?<=[a-záéíóúñü]{{2}})(?P<glued>[.:;'’])(?=(?:{_FW})[ \t\n])")
# ... or as a hyphen glued to a function word, in small letters or capitals ('ACTA DE-REGISTRO DE
# AUDIENCIA', 'efectiva-y', 'se-mantiene', wild/wild2 scanned): no compound starts or ends with one
# ('e' is left out: 'e-mail'). Not at a line's end, where the hyphen splits a word ('de-' / 'recho').
_FW_HYPHEN = "|".join(w for w in sorted(FUNCTION_WORDS, key=len, reverse=True) if w != "e")
HYPHEN_SPECK_RE = re.compile(
    rf"(?<![^\W\d_])(?:{_FW_HYPHEN}|{_FW_HYPHEN.upper()})-(?=[^\W\d_]{{2}})"
    rf"|(?<=[^\W\d_]{{2}})-(?=(?:{_FW_HYPHEN}|{_FW_HYPHEN.upper()})[ \t])")
# ... or as a dot after a word of five letters or more that ends in a vowel, before a word in small
# letters ('se formalizó. el nueve de agosto', wild2 w19 scanned with another seed): a sentence does
# not go on in small letters, and the abbreviations of rulings end in a consonant ('aprox.', 'párr.').
LONG_WORD_SPECK_RE = re.compile(r"(?<=[^\W\d_]{4}[aeiouáéíóú])\.(?=[ \t]+[a-záéíóúñü]{2})")
# ... or between two number words of a date or an amount in words ('dos mil.' / 'veintiuno',
# wild2 w17 scanned with another seed, which dated the ruling 2000): no mark stands inside a number
NUMBER_WORD = (r"(?:un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
               r"|quince|dieci[a-záéíóúñ]+|veinte|veinti[a-záéíóúñ]+|treinta|cuarenta|cincuenta|sesenta"
               r"|setenta|ochenta|noventa|cien|ciento|[a-z]+cientos|[a-z]+cientas|quinient[oa]s|mil)")
NUMBER_SPECK_RE = re.compile(rf"(?<![^\W\d_])(?P<nw>{NUMBER_WORD})[.:;'’](?P<gap>[ \t]*\n?[ \t]*)(?={NUMBER_WORD}\b)")
# ... or as a quotation mark glued to the start of a word in small letters that no closing mark
# follows ('dos \'mil diecinueve', 'e\n“inhabilitación', 'pena priva-\n“tiva', measured on wild and
# wild2 scanned): a real quotation closes within a few lines ("el denominado 'pago'")
GLUED_QUOTE_RE = re.compile(r"(?<=\s)['‘’\"“](?=[a-záéíóúñü]{2})")
CLOSING_QUOTE_RE = re.compile(r"[^\W\d_][.,;:!?)]?['’\"”]")
QUOTE_REACH = 300  # characters within which a real quotation closes
# A name in capitals that Tesseract split where the letters kern ('437-2025/AY ACUCHO',
# 'PJFS-A Y ACUCHO', measured on wild2 w01 scanned; 'Y' then reads as the conjunction): pieces in
# capitals, one of them of one or two letters, that together spell a district or a place of one
# (extractors.data.districts) of five letters or more are the name.
def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.upper()) if not unicodedata.combining(c))


SPLIT_NAMES = frozenset(_folded(w) for d in DISTRICTS for name in (d.name, *d.aliases, *d.places)
                        for w in re.split(r"[\s–-]+", name) if len(w) >= 5)
SPLIT_CAPITALS_RE = re.compile(r"(?<![^\W\d_])[A-ZÁÉÍÓÚÑ]+(?: [A-ZÁÉÍÓÚÑ]+)+(?![^\W\d_])")
# the raised ordinal of a chamber or court read as '?', '2', '*' ('1? SALA', '2* JUZGADO') → '1°'
OCR_ORDINAL_RE = re.compile(r"(?<![\w.])([1-9])(?:[?*”\"’'%]|\s?[?*])(?=\s+(?:SALA|Sala|JUZGADO|Juzgado|FISCAL[IÍ]A|Fiscal[ií]a)\b)"
                            # ... and the first of a month, '1°' ('el 1? de septiembre de 2015')
                            r"|(?<![\w.])(1)[?*”\"’'%](?=\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
                            r"setiembre|septiembre|octubre|noviembre|diciembre)\b)")
# The legal forms of Peruvian companies (Ley General de Sociedades, Ley 26887: S.A., S.A.C.,
# S.A.A., S.R.L.; D. Leg. 21621: E.I.R.L.) as Tesseract misreads them: the I as 'l', 'L', '1' or a
# bar, the S as '5' or '$', a dot lost ('INVERSIONES EL CHAVO E.L.R.L.' and 'E.lR.L.' made a
# victim of initials). Only after a company's name (a word that opens with a capital), never
# after a word that introduces a protected person, whose initials may be any letters.
LEGAL_FORM_LOOKALIKES = ((r"E\.\s?[IlL1|]\.?\s?R\.\s?L\.", "E.I.R.L."), (r"[S5$]\.\s?A\.\s?C\.", "S.A.C."),
                         (r"[S5$]\.\s?A\.\s?A\.", "S.A.A."), (r"[S5$]\.\s?R\.\s?L\.", "S.R.L."),
                         (r"[S5$]\.\s?A\.", "S.A."))
_PROTECTED_LEAD = r"(?i:iniciales|menor|agraviad[oa]|v[ií]ctima|adolescente|ni[ñn][oa]|clave)"
LEGAL_FORM_RE = re.compile(rf"(?P<pre>(?<![\w.])(?!{_PROTECTED_LEAD}\b)[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ]+ )(?P<form>"
                           + "|".join(f"(?P<f{i}>{rx})" for i, (rx, _) in enumerate(LEGAL_FORM_LOOKALIKES)) + r")(?![\w.])")


def fix_ocr_numero(text: str | Tracked) -> str | Tracked:
    """'N.2 123-2019', 'N.? 123', 'N* 123', 'N? : 0109' (OCR misreadings) → 'N.° …'."""
    return _sub(text, OCR_NUMERO_RE, "N.°")


def fix_ocr_soles(text: str | Tracked) -> str | Tracked:
    """'SI. 1,500.00', '5/. 200' → 'S/ 1,500.00', 'S/ 200'."""
    return _sub(text, OCR_SOLES_RE, "S/ ")


def fix_stray_marks(text: str | Tracked) -> str | Tracked:
    """'- CORTE SUPREMA', '. JUEZ PONENTE :' at the start of a line → 'CORTE SUPREMA', …; a label's
    colon read as ']' apart at the end of its line is a colon ('ACUSADOS  ]' → 'ACUSADOS:')."""
    return _sub(_sub(text, LABEL_COLON_RE, lambda m: m.group(1) + ":"), STRAY_MARK_RE, "")


def fix_roman_bars(text: str | Tracked) -> str | Tracked:
    """'Por estos fundamentos: |. Declararon' → '… I. Declararon'; '||. CASARON' → 'II. CASARON';
    'IT. ITINERARIO' → 'II. ITINERARIO' (``ROMAN_LOOKALIKES``)."""
    text = _sub(text, ROMAN_BAR_RE, lambda m: m.group().replace("|", "I"))
    return _sub(text, ROMAN_LOOKALIKE_RE, lambda m: m.group(1) + ROMAN_LOOKALIKES[m.group(2)])


def join_broken_paragraphs(text: str | Tracked) -> str | Tracked:
    """'La acusación se\n\npresentó el …' → 'La acusación se\npresentó el …'; 'impuso a KEVIN\n\nJHAIR
    PAREDES' → 'impuso a KEVIN\nJHAIR PAREDES'."""
    def capitals(m: re.Match[str]) -> str:
        line = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
        return "\n" if PROSE_WORD_RE.search(line) else m.group()

    return _sub(_sub(text, BROKEN_PARAGRAPH_RE, "\n"), BROKEN_CAPITALS_RE, capitals)


def fix_ocr_ordinal(text: str | Tracked) -> str | Tracked:
    """'1? SALA PENAL DE APELACIONES' → '1° SALA PENAL DE APELACIONES'; 'el 1? de septiembre' →
    'el 1° de septiembre'."""
    return _sub(text, OCR_ORDINAL_RE, lambda m: (m.group(1) or m.group(2)) + "°")


def fix_legal_forms(text: str | Tracked) -> str | Tracked:
    """'INVERSIONES EL CHAVO E.L.R.L.' → '… E.I.R.L.' (``LEGAL_FORM_LOOKALIKES``)."""
    def fix(m: re.Match[str]) -> str:
        form = next(f for i, (_, f) in enumerate(LEGAL_FORM_LOOKALIKES) if m[f"f{i}"])
        return m["pre"] + form

    return _sub(text, LEGAL_FORM_RE, fix)


def fix_capitals_i(text: str | Tracked) -> str | Tracked:
    """'CÓNDOR YAUR!I' and 'CÓNDOR YAUR!:' → 'CÓNDOR YAURI…'; '5-2016/ClJ-116' → '5-2016/CIJ-116'."""
    def fix(m: re.Match[str]) -> str:
        if m.group() != "!":
            return "I"
        if m.string.startswith("I", m.end()):
            return ""
        exclaimed = "¡" in m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
        return m.group() if exclaimed else "I"

    return _sub(text, CAPITALS_I_RE, fix)


def fix_word_specks(text: str | Tracked) -> str | Tracked:
    """'cuatro de.\nsetiembre' → 'cuatro de\nsetiembre'; 'la:sola' → 'la sola'; 'criterios'del' →
    'criterios del'; 'dos \'mil' → 'dos mil'; 'dos mil.\nveintiuno' → 'dos mil\nveintiuno'."""
    def fix(m: re.Match[str]) -> str:
        if m["glued"]:
            return " "
        return m["fw"] + (m["gap"] or " ")

    def quote(m: re.Match[str]) -> str:
        return m.group() if CLOSING_QUOTE_RE.search(m.string, m.end(), m.end() + QUOTE_REACH) else ""

    text = _sub(text, NUMBER_SPECK_RE, lambda m: m["nw"] + (m["gap"] or " "))
    text = _sub(text, HYPHEN_SPECK_RE, lambda m: m.group().replace("-", " ") if m.group() != "-" else " ")
    text = _sub(text, LONG_WORD_SPECK_RE, "")
    return _sub(_sub(text, WORD_SPECK_RE, fix), GLUED_QUOTE_RE, quote)


def join_split_names(text: str | Tracked) -> str | Tracked:
    """'APELACIÓN N.° 437-2025/AY ACUCHO' → '… 437-2025/AYACUCHO' (``SPLIT_NAMES``)."""
    def join(m: re.Match[str]) -> str:
        words, out, i = m.group().split(" "), [], 0
        while i < len(words):
            for n in (3, 2):
                pieces = words[i:i + n]
                if (len(pieces) == n and min(map(len, pieces)) <= 2
                        and _folded("".join(pieces)) in SPLIT_NAMES):
                    out.append("".join(pieces))
                    i += n
                    break
            else:
                out.append(words[i])
                i += 1
        return " ".join(out)

    return _sub(text, SPLIT_CAPITALS_RE, join)


def fix_numbering(text: str | Tracked) -> str | Tracked:
    """'4,3. El testigo' → '4.3. El testigo'; '3; Notifíquese' → '3. Notifíquese'."""
    def fix(m: re.Match[str]) -> str:
        return m.group(1) + m.group(2) + "." + (m.group(3) + "." if m.group(3) else "")

    return _sub(text, NUMBERING_RE, fix)


def fix_ss(text: str | Tracked) -> str | Tracked:
    """'SS;' / '$5:' over 'RAMOS CISNEROS' → 'S.S.' over it."""
    return _sub(text, SS_LOOKALIKE_RE, "S.S.")


def fix_initials(text: str | Tracked) -> str | Tracked:
    """'iniciales A:S.Q.V.' → 'iniciales A.S.Q.V.'; 'Y .F.Ch.Q.' → 'Y.F.Ch.Q.'."""
    return _sub(text, INITIALS_SPECK_RE, lambda m: m.group(1) + ".")


def fix_digits_in_numbers(text: str | Tracked) -> str | Tracked:
    """'2O19' → '2019', 'l23-2O19-45-27O1-JR-PE-O1' → '123-2019-45-2701-JR-PE-01'.

    Only runs of digits and look-alikes (O, o, l, I, |) standing alone or between the
    separators of a code, with at least as many digits as look-alikes; a lowercase 'o' only
    between two digits (so the ordinal '1o' stays).
    """
    def fix(m: re.Match[str]) -> str:
        run = m.group()
        digits = sum(c.isdigit() for c in run)
        if digits * 2 < len(run) or not digits:
            return run
        return "".join(_digit_for(run, i) for i in range(len(run)))

    return _sub(text, NUMBERISH_RE, fix)


def fix_dashes_in_numbers(text: str | Tracked) -> str | Tracked:
    """'00123–2019' → '00123-2019': OCR reads the hyphens of case numbers as dashes."""
    return _sub(text, DASH_IN_NUMBER_RE, "-")


# Order matters: roman numbers before the specks ('|. INICIO' is the number I, not a speck before
# the heading); numbering after them ('- 4, AQUINO' loses its speck first).
OCR_FIXES = (fix_roman_bars, fix_ss, fix_stray_marks, fix_numbering, join_broken_paragraphs, fix_ocr_ordinal,
             fix_legal_forms, fix_initials, fix_capitals_i, join_split_names, fix_word_specks, fix_ocr_numero, fix_ocr_soles,
             fix_digits_in_numbers, fix_dashes_in_numbers)


def fix_ocr(text: Tracked) -> Tracked:
    for fix in OCR_FIXES:
        text = fix(text)
    return text


def _digit_for(run: str, i: int) -> str:
    c = run[i]
    if c == "o":
        between = 0 < i < len(run) - 1 and run[i - 1].isdigit() and run[i + 1].isdigit()
        return "0" if between else c
    return DIGIT_FOR.get(c, c)


def _sub(text: str | Tracked, pattern: re.Pattern[str], repl) -> str | Tracked:
    if isinstance(text, str):
        return Tracked.of(text).sub(pattern, repl).text
    return text.sub(pattern, repl)
