"""Person names: their shapes in text, the spaCy model that proposes them, normalisation.

A name is read at a position with :func:`name_at` (rules: capitalised words, "SURNAMES,
Given names" header form) or, when the rules find nothing, taken from a PER entity of the
spaCy model. Names are shown in their natural order and case ("CONDORI APAZA, Nilda Yaneth"
-> "Nilda Yaneth Condori Apaza"); footnote digits glued to a name are dropped. Spellings of
one person are merged with rapidfuzz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractors.legal.patterns import roles as R
from extractors.legal.text import fold_key

_U = "A-ZÁÉÍÓÚÑÜ"
_L = "a-záéíóúñü"
# "GuiIlén": OCR reads a lower-case l as a capital I inside a word (restored by display).
# Surnames of Italian or Irish origin keep their apostrophe ("D'Angelo", "O'Connor"), and
# compound surnames their hyphen ("Pérez-Albela", "García-Belaúnde"): one word each.
TITLE_TOKEN = rf"(?:[{_U}]['’](?=[{_U}]))?[{_U}][{_L}]+(?:['’][{_U}]?[{_L}]+)?(?:-[{_U}][{_L}]+)?(?:I[{_L}]+)?\d{{0,2}}"
UPPER_TOKEN = rf"(?:[{_U}]['’](?=[{_U}]))?[{_U}]{{2,}}(?:-[{_U}]{{2,}})?\d{{0,2}}"
_PART_T = r"(?:de|del|De|Del)(?:[ \t]+(?:la|La|los|las))?"
_PART_U = r"(?:DE|DEL)(?:[ \t]+(?:LA|LOS|LAS))?"
TITLE_NAME = re.compile(rf"{TITLE_TOKEN}(?:\s{{1,3}}(?:{_PART_T}\s+)?{TITLE_TOKEN}){{1,5}}")
# a line may break after a particle too ("contra MARÍA ELENA DEL\nCASTILLO VIUDA DE APAZA")
UPPER_NAME = re.compile(rf"{UPPER_TOKEN}(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:{_PART_U}(?:[ \t]+|[ \t]*\n[ \t]*))?{UPPER_TOKEN}){{1,5}}")
UPPER_LINE_NAME = re.compile(rf"{UPPER_TOKEN}(?:[ \t]+(?:{_PART_U}[ \t]+)?{UPPER_TOKEN}){{1,5}}")
# header form: "CONDORI APAZA, Nilda Yaneth", "SHAPIAMA TANANTA, Wilder"
COMMA_NAME = re.compile(rf"(?P<sur>{UPPER_TOKEN}(?:[ \t]+(?:{_PART_U}[ \t]+)?{UPPER_TOKEN}){{0,3}}),[ \t]*"
                        rf"(?P<given>{TITLE_TOKEN}(?:[ \t]+(?:{_PART_T}[ \t]+)?{TITLE_TOKEN}){{0,3}})")

_SMALL = {"de", "del", "la", "los", "las"}
PARTICLES_U = {"DE", "DEL", "LA", "LOS", "LAS"}  # a name's particles in capitals (a line ending in one goes on)


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    name: str  # display form
    rule: str


def _clean_tokens(tokens: list[str]) -> list[str]:
    out = []
    for t in tokens:
        t = re.sub(r"\d+$", "", t)  # footnote digits glued to a name
        if _name_word(t, out):
            out.append(t)
            continue
        if fold_key(t) in R.NOT_NAME and not (not out and fold_key(t) in R.FIRST_NAME_OK):
            if fold_key(t) in _SMALL and out:
                out.append(t)
                continue
            break
        out.append(t)
    while out and fold_key(out[-1]) in _SMALL:
        out.pop()
    return out


def _name_word(t: str, before: list[str]) -> bool:
    """A word that folds to a common word but is a surname here: "Peña" (folding drops the
    ñ that tells it from "pena"), "Lima" after a given name and a surname."""
    if t.lower() in R.SURNAME_SPELLED:
        return True
    return len(before) >= 2 and fold_key(t) in R.SURNAME_OK


_CAPITALS = re.compile(r"^\w|(?<=['’-])\w")  # "D'ANGELO" -> "D'Angelo", "PÉREZ-ALBELA" -> "Pérez-Albela"
_OCR_I = re.compile(r"(?<=[a-záéíóúñü])I(?=[a-záéíóúñü])")


def display(text: str) -> str:
    """Natural order and case of a name as written; words in capitals are title-cased."""
    tokens = [_OCR_I.sub("l", t) for t in text.split()]
    upper = text.isupper()
    out = []
    for i, t in enumerate(tokens):
        if t.isupper() and (len(t) > 1 or upper):
            t = t.lower() if t.lower() in _SMALL and i else _CAPITALS.sub(lambda m: m.group().upper(), t.lower())
        out.append(t)
    return " ".join(out)


_GAP = re.compile(r"[ \t\n]*")  # spaces, and the blank lines OCR may put between a header's rows
# a header's label of one to four words before its colon, at the start of a line
_NEXT_LABEL = re.compile(r"[^\W\d_][\w.°º]*(?:[ \t]+[\w.°º]+){0,3}[ \t]*:(?![\d/])")


def name_at(raw: str, pos: int, *, rule: str = "name.rule") -> NameSpan | None:
    """The person name that starts at ``pos`` in ``raw`` (after leading spaces), if any."""
    m0 = re.compile(r"[ \t\n]*").match(raw, pos)
    p = m0.end()
    m = COMMA_NAME.match(raw, p)
    if m and not fold_key(m["sur"]).split()[0] in R.NOT_NAME:
        sur = _clean_tokens(m["sur"].split())
        given = _clean_tokens(m["given"].split())
        if sur and given:
            return NameSpan(p, m.end(), display(" ".join(given + sur)), rule + ".comma")
    for rx in (UPPER_NAME, TITLE_NAME):
        m = rx.match(raw, p)
        if not m:
            continue
        text = m.group()
        first, nl, rest = text.partition("\n")
        below = m.start() + len(first) + 1
        if nl and len(first.split()) >= 3 and len(rest.split()) >= 2 and first.split()[-1] not in PARTICLES_U:
            # a whole name on its line and more capitals below: two names, one per line (a
            # header cell "MANUEL JESÚS CHUNGA SANDOVAL\n ROSA MARÍA YARLEQUÉ ECA"), not one
            # name wrapped ("JUAN CARLOS PÉREZ\nQUISPE" still is)
            text = first
        elif nl and (_NEXT_LABEL.match(raw, _GAP.match(raw, below).end())
                     or ((label := R.LABEL_RX.match(raw, _GAP.match(raw, below).end())) and label["colon"])):
            # the next line is the header's next label ("JUEZ : X\nESP. : Y"), one we know or
            # not ("Juez: X\nSolicitante: Fiscalía ..."): no name holds a colon
            text = first
        tokens = _clean_tokens(text.split())
        if len(tokens) < 2:
            continue
        # end of the kept tokens in the raw text
        end, q = p, p
        for t in tokens:
            q = raw.index(t, q) + len(t)
            end = q
        return NameSpan(p, end, display(" ".join(tokens)), rule)
    return None


_AFTER_DASH = re.compile(r"[-–—][ \t]*$")


def names_in(raw: str, start: int, end: int) -> list[NameSpan]:
    """Every name-shaped span of three or more words in a region (for full-name lookups)."""
    out = []
    for rx in (COMMA_NAME, UPPER_LINE_NAME, TITLE_NAME):
        for m in rx.finditer(raw, start, end):
            # skip leading words that are not names ("Respecto de Marcos Tuesta Ríos")
            for tok in re.finditer(r"\S+", m.group()):
                if fold_key(tok.group()) in R.NOT_NAME or fold_key(tok.group()) in _SMALL:
                    continue
                ns = name_at(raw, m.start() + tok.start(), rule="name.mention")
                if ns and rx is UPPER_LINE_NAME and "\n" in raw[ns.start:ns.end]:
                    ns = None  # names in capitals do not run over lines here (signature lists)
                if ns and _AFTER_DASH.search(raw, max(start, ns.start - 4), ns.start):
                    ns = None  # "… de La Convención – Quillabamba\nVargas Ccoa": a seat after its dash
                # (six words without a particle are no one's name: three surname pairs side by side,
                # a signature row whose gaps a PDF's text layer lost)
                if ns and 3 <= len(ns.name.split()) <= 6 and len(tokens_of(ns.name)) <= 5:
                    out.append(ns)
                break
    return out


# --- spaCy: person entities where the rules find none ---------------------------------

def ner_pipeline():
    """The spaCy pipeline (``extractors.legal.nlp``), built once per process."""
    from extractors.legal.nlp import pipeline

    return pipeline()


def person_entities(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of person names the model finds in ``text``, shifted by ``offset``
    (PER entities trimmed by the ``expediente_person_names_v1`` component)."""
    from extractors.legal.nlp import PERSONS

    doc = ner_pipeline()(text)
    return [(offset + s.start_char, offset + s.end_char) for s in doc.spans[PERSONS]]


# --- merging spellings -------------------------------------------------------------------

def tokens_of(name: str) -> list[str]:
    return [t for t in fold_key(name).replace("-", " ").split() if t not in _SMALL]


def same_person(a: str, b: str, *, loose: bool = True) -> bool:
    """Same person spelled differently: fuzzy match, reversed surnames, or surnames only.
    ``loose`` also accepts a name cut short to two words or missing one surname ("Katty
    Paola" / "Marisol Ñahui"); judges' surname pairs are compared without it, since a panel
    signed in one line ("S.S. RÍOS TTITO CUTIPA ÑIQUE") reads as one long name."""
    ta, tb = tokens_of(a), tokens_of(b)
    if not ta or not tb:
        return False
    ka, kb = " ".join(ta), " ".join(tb)
    if ka == kb:
        return True
    if len(ta) == len(tb) and (fuzz.ratio(ka, kb) >= 90 or fuzz.token_sort_ratio(ka, kb) >= 95):
        return True
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(short) >= 2 and len(short) < len(long_):
        tail = " ".join(long_[-len(short):])
        if fuzz.ratio(" ".join(short), tail) >= 90:
            return True
        # a middle name left out: "Flor Reátegui Luque" / "Flor de María Reátegui Luque"
        if len(short) >= 3 and short[0] == long_[0] and short[-2:] == long_[-2:]:
            return True
        # a name cut short at a line break: "Luz Marina Tapullima" / "... Tapullima Sangama"
        if (len(short) >= 3 or (loose and len(long_) <= 4)) \
                and fuzz.ratio(" ".join(short), " ".join(long_[:len(short)])) >= 95:
            return True
        # the same given name and some of the surnames, in order: "Marisol Ñahui" (a header
        # value read from its second surname) / "Marisol Sullca Ñahui"
        if loose and len(long_) - len(short) == 1 and len(long_) <= 4 and short[0] == long_[0] \
                and _subsequence(short[1:], long_[1:]):
            return True
    return False


def _subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return bool(short) and all(any(fuzz.ratio(t, u) >= 90 for u in it) for t in short)


def initials_of(name: str) -> str:
    """"Sonia María Huanca Choque" -> "S.M.H.C." (used to match a spelled-out protected name)."""
    return "".join(t[0].upper() + "." for t in name.split() if t.lower() not in _SMALL)


def initials_key(initials: str) -> str:
    """"Y. Ch. C." -> "ycc": one letter per initial, folded."""
    return "".join(p.strip()[:1] for p in fold_key(initials).split(".") if p.strip())


_INITIALS_ONLY = re.compile(r"(?:[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ]?\.\s*){2,6}")


def is_initials(name: str) -> bool:
    """"R.M.Q.", "Y. Ch. C.", "NO. FA. PA.": a name written only as initials."""
    return bool(_INITIALS_ONLY.fullmatch(name.strip()))
