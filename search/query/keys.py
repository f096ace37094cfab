"""Normal forms of what users type for articles, case numbers and cited precedent.

The extractor writes ``Ruling.citations[].normalized`` as ``casacion 904-2019``,
``recurso_nulidad 2204-2018``, ``acuerdo_plenario 3-2011/CJ-116``, ``sentencia_plenaria 1-2017/CIJ-433`` and
``tribunal_constitucional 00728-2008-PHC/TC``; case numbers as
``00123-2019-45-2701-JR-PE-01`` (long), ``00123-2019-45-2701`` (medium), ``00123-2019``
(short) or a Supreme number in the citation form. Users type "Casación N.° 904-2019/Puno",
"Cas. 904-2019", "R.N. N° 2204-2018-Lima", "Exp. 123-2019", "art. 153 A". The functions here
bring both sides to one form, so a stored value and the user's text compare as equal
strings (``search`` never imports ``extractors``: the patterns are repeated here, small).
"""

from __future__ import annotations

import re
from functools import lru_cache

from search.query.analysis import fold

# "N.°", "N°", "Nº" (folds to "no"), "n.o", "Nro.", "número": the number sign, optional.
_NUM = r"(?:(?:nro|numero|num|n)\s*[.°º]?\s*o?\s*[.°º]?\s*)?"
_DASH = r"\s*[-–—]\s*"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"

# Most specific first; patterns run on folded (lower-case, accent-free) text.
_CITATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(rx)) for kind, rx in (
    # "Sentencia Plenaria Casatoria N.° 1-2017/CIJ-433" (NCPP art. 433.4), "sentencia_plenaria 1-2017/CIJ-433"
    ("sentencia_plenaria",
     rf"\bsentencia[\s_]+plenaria(?:[\s_]+casatoria)?\s*{_NUM}(?P<num>\d{{1,2}}){_DASH}{_YEAR}"
     r"(?:\s*/\s*(?P<body>ci?j)\s*-\s*(?P<code>\d{2,3}))?"),
    # "Acuerdo Plenario N.° 3-2011/CJ-116", "Acuerdo Plenario Extraordinario 2-2016/CIJ-116", "AP 3-2011"
    ("acuerdo_plenario",
     rf"(?:\bacuerdo[\s_]+plenario(?P<extra>\s+extraordinario)?|\ba\.?\s?p\.?)\s*{_NUM}(?P<num>\d{{1,2}}){_DASH}{_YEAR}"
     r"(?:\s*/\s*(?P<body>ci?j)\s*-\s*(?P<code>\d{2,3}))?"),
    # "Exp. N.° 00728-2008-PHC/TC", "STC 728-2008-PHC/TC"
    ("tribunal_constitucional",
     rf"(?:\bexp(?:ediente)?\.?|\bstc|\btribunal[\s_]+constitucional)\s*{_NUM}(?P<num>\d{{1,5}}){_DASH}{_YEAR}"
     r"\s*-\s*(?P<type>phc|pa|hc|aa|ai|hd|pc|cc|pi|q)\s*/\s*tc\b"),
    # "Casación N.° 904-2019/Puno", "Cas. 904-2019", "casacion 904-2019"
    ("casacion", rf"\b(?:casacion(?:es)?|cas\.?)\s*{_NUM}(?P<num>\d{{1,5}}){_DASH}{_YEAR}"),
    # "R.N. N.° 2204-2018-Lima", "RN 2204-2018", "Recurso de Nulidad 2204-2018", "recurso_nulidad 2204-2018"
    ("recurso_nulidad",
     rf"(?:\br\.?\s?n\.?|\brecurso[\s_]+(?:de[\s_]+)?nulidad)\s*{_NUM}(?P<num>\d{{1,5}}){_DASH}{_YEAR}"),
))

# Lower-court numbers: 00123-2019-45-2701-JR-PE-01 and its shorter forms.
_EXPEDIENTE = re.compile(
    r"(?P<num>\d{1,6})-(?P<year>(?:19|20)\d{2})(?!\d)(?:-(?P<inc>\d{1,3})(?!\d))?(?:-(?P<seat>\d{4})(?!\d))?"
    r"(?:-(?P<organ>[a-z]{2})-(?P<spec>[a-z]{2})-(?P<court>\d{1,2})(?!\d))?")


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


@lru_cache(maxsize=4096)
def normalize_citation(text: str) -> str | None:
    """``"Casación N.° 904-2019/Puno"`` → ``"casacion 904-2019"``; None when ``text`` cites
    no Casación, R.N., Acuerdo Plenario or Tribunal Constitucional ruling."""
    low = _folded(text)
    for kind, rx in _CITATIONS:
        m = rx.search(low)
        if not m:
            continue
        num, year = int(m["num"]), m["year"]
        if kind == "sentencia_plenaria":
            return f"sentencia_plenaria {num}-{year}/{(m['body'] or 'cij').upper()}-{m['code'] or '433'}"
        if kind == "acuerdo_plenario":
            body = (m["body"] or ("cij" if m["extra"] else "cj")).upper()
            return f"acuerdo_plenario {num}-{year}/{body}-{m['code'] or '116'}"
        if kind == "tribunal_constitucional":
            return f"tribunal_constitucional {num:05d}-{year}-{m['type'].upper()}/TC"
        return f"{kind} {num}-{year}"
    return None


def citation_key(normalized: str) -> str:
    """The key a stored ``Citation.normalized`` is indexed under (itself, re-normalised so
    that a hand-written truth file and the extractor agree)."""
    return normalize_citation(normalized) or _folded(normalized)


@lru_cache(maxsize=4096)
def normalize_article(text: str) -> str | None:
    """``"art. 153 a"``, ``"153A"``, ``"153-a"`` → ``"153-A"``; ``"DL1106-1"`` stays; None if
    ``text`` holds no article number."""
    low = _folded(text)
    low = re.sub(r"^(?:articulos?|arts?\.?)\s*", "", low)
    m = re.fullmatch(r"(?:(?P<dl>dl|d\.\s?l\.|decreto legislativo)\s*(?P<law>\d{3,4})\s*-\s*)?"
                     r"(?P<num>\d{1,3})\s*[-–]?\s*(?P<letter>[a-z])?", low)
    if not m:
        return None
    article = m["num"] + (f"-{m['letter'].upper()}" if m["letter"] else "")
    return f"DL{m['law']}-{article}" if m["dl"] else article


def _expediente_keys(m: re.Match[str]) -> list[str]:
    parts = [str(int(m["num"])), m["year"]]
    keys = ["-".join(parts)]
    for name in ("inc", "seat"):
        if m[name] is None:
            return keys
        parts.append(str(int(m[name])) if name == "inc" else m[name])
        keys.append("-".join(parts))
    if m["organ"]:
        keys.append("-".join([*parts, m["organ"], m["spec"], str(int(m["court"]))]))
    return keys


@lru_cache(maxsize=8192)
def case_keys(normalized: str) -> tuple[str, ...]:
    """Every key a stored case number answers to, shortest first: a long number answers to
    ``123-2019``, ``123-2019-45``, ``123-2019-45-2701`` and its full form; a Supreme number
    to ``casacion 904-2019`` and ``904-2019``."""
    cited = normalize_citation(normalized)
    if cited:
        kind, _, number = cited.partition(" ")
        return (cited, number) if kind in ("casacion", "recurso_nulidad") else (cited,)
    m = _EXPEDIENTE.fullmatch(_folded(normalized))
    return tuple(_expediente_keys(m)) if m else (_folded(normalized),)


@lru_cache(maxsize=4096)
def case_query_key(text: str) -> str | None:
    """The one key the user's case number means: ``"Exp. N.° 00123-2019"`` → ``123-2019``,
    ``"Casación 904-2019/Puno"`` → ``casacion 904-2019``; None if ``text`` holds none."""
    cited = normalize_citation(text)
    if cited:
        return cited
    m = _EXPEDIENTE.search(_folded(text))
    return _expediente_keys(m)[-1] if m else None


def case_identity(normalized: str) -> str:
    """What two rulings of the same case share: the Supreme number, or the lower-court
    file up to its seat (``123-2019-45-2701``: the Juzgado's and the Sala's rulings)."""
    keys = case_keys(normalized)
    if normalize_citation(normalized):
        return keys[0]
    return keys[min(2, len(keys) - 1)]


def keyword_token(value: str) -> str:
    """A keyword as one FTS5 token (``tokenchars '_'``): ``"153-A"`` → ``153_a``."""
    return re.sub(r"[^0-9a-zñ]+", "_", fold(value)).strip("_")


def fts_keyword(field: str, value: str) -> str:
    """A keyword as the one token of the FTS5 ``keys`` column: ``article_153_a``."""
    return f"{field}_{keyword_token(value)}"
