"""Crime labels as rulings write them, built from ``extractors.data.crimes``, and the
phrases around a charge.

Source: extractors/data/crimes.py (labels, articles); domain.md ("Crimes that matter most
here": "delito contra ..., en la modalidad de ..., en su forma de ...", "previsto en el
artículo 153-A, numerales 4 y 5", "articles cited for penalty rules (45, 46) or procedure
are not the charge"). Código Penal, Libro Primero (Parte General, arts. 1–105) holds the
general rules (penalty, reparación civil, tentativa...), Libro Segundo (arts. 106 ff.) the
crimes: only articles of the special part, or of a special law, can be a charge.
"""

from __future__ import annotations

import re

from extractors.data.crimes import CRIMES
from extractors.legal.patterns import Rule


def _fold(s: str) -> str:
    from extractors.legal.text import fold_key

    return fold_key(s)


def _norm_word(w: str) -> str:
    """A label word as compared: plural "s" of a long word dropped ("personas" = "persona")."""
    return w[:-1] if w.endswith("s") and len(w) > 4 else w


def label_key(text: str) -> str:
    """The comparison key of a label or of the text a label matched."""
    return " ".join(_norm_word(w) for w in _fold(text).replace("-", " ").split())


def _units(label: str) -> list[str]:
    """A label as regex units: one per character, flexible whitespace, optional plural "s"."""
    out: list[str] = []
    words = _fold(label).replace("-", " ").split()
    for i, w in enumerate(words):
        if i:
            out.append(r"\s+")
        stem = _norm_word(w)
        out += [re.escape(ch) for ch in stem]
        if stem != w:
            out.append("s?")
    return out


def _trie_rx(labels: list[str]) -> str:
    """One regex for many labels: a character trie, so that a position is tried once, not once
    per label; optional tails are greedy, so the longest label wins."""
    root: dict = {}
    for lab in labels:
        node = root
        for u in _units(lab):
            node = node.setdefault(u, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [u + build(child) for u, child in sorted(node.items(), key=lambda kv: -len(kv[0])) if u]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


# every label and variant of the table -> its crime key
LABEL_KEYS: dict[str, tuple[str, str]] = {}
for _c in CRIMES:
    for _lab in _c.all_labels:
        LABEL_KEYS.setdefault(label_key(_lab), (_c.key, _lab))
LABEL = re.compile(r"\b(?:" + _trie_rx([lab for c in CRIMES for lab in c.all_labels]) + r")\b")

# (crime key, label, regex) for every label, most specific (longest) first
LABELS: list[tuple[str, str, str]] = sorted(
    ((c.key, lab, "".join(_units(lab))) for c in CRIMES for lab in c.all_labels),
    key=lambda t: len(t[1]), reverse=True)

# "<base label>, en su forma agravada" / "<base> – forma agravada" -> the aggravated crime
AGGRAVATED = re.compile(r"\s*[,–—-]?\s*(?:en\s+(?:su|la)\s+(?:forma|modalidad)\s+|(?:forma|modalidad)\s+)?agravad[oa]\b")
AGGRAVATED_OF: dict[str, str] = {c.aggravates: c.key for c in CRIMES if c.aggravates}

# crime A subsumes crime B when a label of B is contained in a label of A
SUBSUMES: dict[str, set[str]] = {}
_KEYS = [(c.key, [f" {label_key(lab)} " for lab in c.labels]) for c in CRIMES]
for _ak, _al in _KEYS:
    for _bk, _bl in _KEYS:
        if _ak != _bk and any(bl in al for al in _al for bl in _bl):
            SUBSUMES.setdefault(_ak, set()).add(_bk)

# a charge mention: "delito de X", "delito contra ..., en la modalidad de X", header "DELITO : X"
CHARGE_CONTEXT = Rule(
    "charge.context",
    r"(?:\bdelitos?\b|\bmodalidad(?:es)?\s+de\b|\bforma\s+de\b|\bpor\s+el\s+de\b|\btipo\s+penal\s+de\b"
    r"|\bcomision\s+del?\b|\bautor(?:a|es)?\s+del?\b|\bmateria\s+de\s+acusacion\b)"
    # within the sentence: "N.°" is no full stop, and "X; y, Y" goes on listing crimes
    r"(?:[^.;]|\.(?!\s)|;\s*y\b,?){0,160}$",
    source="domain.md", examples=("como autor del delito contra la libertad – ",
                                  "en la modalidad de violación de la libertad personal, en su forma de "))

# "previsto en el primer párrafo del artículo 153-B del Código Penal"
ARTICLE = re.compile(
    r"\bart(?:iculos?|s?\.)\s+(?P<list>\d{1,3}(?:(?:\s*-\s*[a-o]|\s*[a-h])\b)?"
    r"(?:\s*(?:,|\by\b|\be\b)\s*\d{1,3}(?:(?:\s*-\s*[a-o]|\s*[a-h])\b)?)*)")
# the law follows the article, or the chain it opens ("artículo 1 concordante con el inciso a)
# del artículo 2 de la Ley Penal Tributaria": an item's letter and its parenthesis are no break)
ARTICLE_CODE = re.compile(
    r"(?:(?:[^.;()]|(?<![\w)])[a-z]\))){0,60}?\b(?:del?\s+(?:mismo\s+)?(?:codigo\s+penal|cp\b|mismo\s+(?:cuerpo\s+legal|codigo))"
    r"|del?\s+(?:codigo\s+(?:procesal|de\s+procedimientos)|nuevo\s+codigo)"
    r"|del?\s+(?:decreto\s+legislativo|decreto\s+ley|d\.\s?(?:leg\.?|l\.)|dl)\s*(?:n\W{0,3})?\s*(?P<dl>\d{3,5})"
    r"|de\s+la\s+(?P<lpt>ley\s+penal\s+tributaria)"  # D. Leg. 813
    r"|de\s+la\s+ley\s*(?:n\W{0,3})?\s*(?P<ley>\d{4,5})?"
    r"|de\s+la\s+constitucion)")
# "(artículo 129-A del Código Penal, antes artículo 153)": the earlier number, not a charge
OLD_NUMBER = re.compile(r"\b(?:antes|antigu[oa]s?|anterior(?:es|mente)?|otrora|derogad[oa]s?|ex)\b[^.;()]{0,14}$")
# "feminicidio en grado de tentativa": Código Penal art. 16 (tentativa) joins the charge's articles
TENTATIVA = re.compile(r"\s*,?\s*(?:en\s+(?:grado\s+de\s+)?|en\s+su\s+forma\s+de\s+)tentativa\b")
TENTATIVA_ARTICLE = "16"
# a one-word label ("secuestro", "daños", "coacción", "tortura") is also an everyday word ("acta
# de secuestro", "los daños causados"): it is a charge only right after "delito de",
# "modalidad de", a dash of a "delito contra ... – X" phrase, or within a list of crimes
STRICT_CONTEXT = re.compile(
    r"(?:\bdelitos?\s+(?:de\s+)?|\bmodalidad(?:es)?\s+de\s+|\bforma\s+de\s+|\btipo\s+penal\s+de\s+"
    r"|\bpor\s+el\s+de\s+|[-–—:]\s*|\bdelitos?\s+(?:de\s+)?[a-z ,]{3,80}?\s*(?:\by|\be|,)\s+(?:de\s+)?)$")
# what may follow a crime alone on a header line: "y otro(s)", an aggravation, punctuation
VALUE_REST = re.compile(r"[\s,;.:–—-]*(?:(?:en\s+su\s+forma\s+|forma\s+)?agravad[oa]|y\s+otros?)?[\s,;.]*")
# an article cited where the text states the charge ("la calificación jurídica comprendió el
# artículo 1 de la Ley N.° 27765", "acusó por el delito previsto en el artículo 129-A")
ARTICLE_CHARGED = re.compile(
    r"(?:\bdelitos?\b|\bcalificacion\s+juridica\b|\bagravantes?\b|\b(?:acus|imput|conden|formaliz|subsum|calific|tipific|encuadr|previst|contemplad)\w*)(?:[^.;]|\.(?!\s)){0,160}$"
    # "artículo 189 ..., en relación con el artículo 188": the basic type of an aggravated charge
    r"|\b(?:en\s+relacion\s+con|concordad[oa]s?\s+con|concordantes?\s+con|en\s+concordancia\s+con)\s+(?:el|los|la|las|su|sus)\b[^.;]{0,60}$")
# a crime named as what the charge is not: "no fue objeto de acusación", the defence's
# alternative ("pide que se le condene por ..."), the predicate crime of lavado
NOT_CHARGED = re.compile(
    r"(?:\bpide\s+que\s+se\s+le\s+condene\s+por|\bsolicita\s+(?:la\s+)?(?:recalificacion|desvinculacion)\s+(?:a|al|por)"
    r"|\bdelitos?\s+(?:fuente|precedente|previos?)\b|\bactividad(?:es)?\s+criminal(?:es)?\s+(?:previas?\s+)?(?:de|del|como)"
    r"|\ba\s+lo\s+sumo\b|\bno\s+(?:fue|ha\s+sido)\s+(?:objeto\s+de\s+)?acusad)[^.;]{0,60}$")
# the charge clause ends at these words (folded)
CLAUSE_END = re.compile(r"\bdel?\s+delito\b|\ben\s+agravio\b|\ben\s+perjuicio\b|[;]|\.\s|\ba\s+(?:\w+\s+){0,3}anos\b|\by\s+(?:le|les)\s+impuso")
PREVISTO = re.compile(r"\b(?:previst[oa]s?|tipificad[oa]s?|sancionad[oa]s?|descrit[oa]s?|calificad[oa]s?|"
                      r"subsumen?|contemplad[oa]s?)\b|\(\s*art")

SPECIAL_PART_FROM = 106  # Código Penal, Libro Segundo

# a sentence that gives today's numbering ("Actualmente, tras la Ley N.° 31146, ... prevista en
# el artículo 129-C") does not state the charge
CURRENT_NUMBERING = re.compile(r"\b(?:actualmente|en la actualidad|hoy en dia|hoy)\b(?:[^.]|\.(?!\s))*$")

# "Fiscalía Especializada en Delitos de Trata de Personas": an office's name, not a charge
OFFICE_NAME = re.compile(r"\b(?:especializad[oa]s?|fiscalia|procuraduria|division|unidad|direccion)\b[^.;,]{0,40}$")
# "delito contra la libertad – proxenetismo, en la modalidad de favorecimiento a la
# prostitución": the first label names the chapter, the one after "modalidad" the charge
REFINED_BY = re.compile(r"\s*[,–—-]?\s*(?:en\s+(?:la|su)\s+(?:modalidad|forma)\s+de|en\s+la\s+forma\s+de)\s+")
# "TRÁFICO ILÍCITO DE DROGAS – MICROCOMERCIALIZACIÓN" (a header's DELITO value): a dash
# between two labels of one family names the section, then the modality charged (labels
# of different families on either side of a dash are two charges)
REFINED_BY_DASH = re.compile(r"[ \t]*[–—-][ \t]*")
