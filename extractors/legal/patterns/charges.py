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


def _label_rx(label: str) -> str:
    """A label as a tolerant regex: flexible whitespace, "personas"/"persona"."""
    words = [re.escape(w) for w in _fold(label).split()]
    words = [w + "?" if w.endswith("s") and len(w) > 4 else w for w in words]
    return r"\s+".join(words)


# (crime key, regex) for every label, most specific (longest) first
LABELS: list[tuple[str, str, str]] = sorted(
    ((c.key, lab, _label_rx(lab)) for c in CRIMES for lab in c.labels),
    key=lambda t: len(t[1]), reverse=True)

# "<base label>, en su forma agravada" / "<base> agravada" -> the aggravated crime
AGGRAVATED = re.compile(r"^\s*,?\s*(?:en\s+su\s+forma\s+|en\s+la\s+modalidad\s+)?agravad[oa]\b")
AGGRAVATED_OF: dict[str, str] = {}
for _c in CRIMES:
    for _b in CRIMES:
        if _c.key != _b.key and any(_fold(lab) == _fold(bl) + " agravada" for lab in _c.labels for bl in _b.labels):
            AGGRAVATED_OF[_b.key] = _c.key

# crime A subsumes crime B when a label of B is contained in a label of A
SUBSUMES: dict[str, set[str]] = {}
for _a in CRIMES:
    for _b in CRIMES:
        if _a.key != _b.key and any(_fold(bl) in _fold(al) for al in _a.labels for bl in _b.labels):
            SUBSUMES.setdefault(_a.key, set()).add(_b.key)

# a charge mention: "delito de X", "delito contra ..., en la modalidad de X", header "DELITO : X"
CHARGE_CONTEXT = Rule(
    "charge.context",
    r"(?:\bdelitos?\b|\bmodalidad(?:es)?\s+de\b|\bforma\s+de\b|\bpor\s+el\s+de\b|\btipo\s+penal\s+de\b"
    r"|\bcomision\s+del?\b|\bautor(?:a|es)?\s+del?\b|\bmateria\s+de\s+acusacion\b)[^.;]{0,160}$",
    source="domain.md", examples=("como autor del delito contra la libertad – ",
                                  "en la modalidad de violación de la libertad personal, en su forma de "))

# "previsto en el primer párrafo del artículo 153-B del Código Penal"
ARTICLE = re.compile(
    r"\bart(?:iculos?|s?\.)\s+(?P<list>\d{1,3}(?:\s*-?\s*[a-h]\b)?(?:\s*(?:,|\by\b|\be\b)\s*\d{1,3}(?:\s*-?\s*[a-h]\b)?)*)")
ARTICLE_CODE = re.compile(
    r"^(?:[^.;()]{0,60}?)\b(?:del?\s+(?:mismo\s+)?(?:codigo\s+penal|cp\b|mismo\s+(?:cuerpo\s+legal|codigo))"
    r"|del?\s+(?:codigo\s+(?:procesal|de\s+procedimientos)|nuevo\s+codigo)"
    r"|del?\s+(?:decreto\s+legislativo|d\.\s?leg\.?|dl)\s*(?:n\W{0,3})?\s*(?P<dl>\d{3,4})"
    r"|de\s+la\s+(?:ley|constitucion))")
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
REFINED_BY = re.compile(r"^\s*[,–—-]?\s*(?:en\s+(?:la|su)\s+(?:modalidad|forma)\s+de|en\s+la\s+forma\s+de)\s+")
