"""The values a filter may take, and the one resolver the CLI, the web API and analytics share.

A user types ``--crime trata``, ``--crime peculado_doloso`` or ``--district "madre de dios"``;
the index stores crime keys and district keys. :func:`crime` and :func:`district` turn what
was typed into what is stored, and refuse a value that is in no vocabulary with the closest
valid ones ("¿quiso decir trata_de_personas?") instead of answering zero documents.

The vocabularies are data: ``search/query/data/vocabulary.json``, a snapshot of the crime taxonomy
(``extractors/data/crimes/``: keys, their first label, aliases, families) and of the judicial
districts (``extractors/data/districts.py``: names and aliases). ``search`` never imports
``extractors`` (see ``search/keys.py``), so the snapshot is checked against its source by
``tests/search/test_vocabulary.py``, which also rewrites it
(``python -m tests.search.test_vocabulary``).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from schemas import QueryError, Reason

from search.models import NOT_UTF8, encodable
from search.query.analysis import fold, normalize_key

SNAPSHOT = Path(__file__).parent / "data" / "vocabulary.json"
SUGGESTIONS = 3  # closest values offered for an unknown one
CUTOFF = 0.6  # difflib similarity below which a value is not offered


@dataclass(frozen=True)
class CrimeChoice:
    """A ``--crime`` value resolved: ``name`` is the crime key or family it stands for
    (what analytics filters take), ``keys`` every stored crime key it matches."""

    name: str
    keys: tuple[str, ...]
    is_family: bool = False


@dataclass(frozen=True)
class Vocabulary:
    crimes: dict[str, str]  # crime key -> its first label
    aliases: dict[str, str]  # alias key -> crime key
    families: dict[str, tuple[str, ...]]  # family -> its crime keys
    districts: dict[str, tuple[str, ...]]  # district name -> its aliases
    _by_label: dict[str, str] = field(init=False, repr=False, compare=False)  # written label -> key
    _by_district: dict[str, str] = field(init=False, repr=False, compare=False)  # folded spelling -> name

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_label", {_crime_key(label): key for key, label in self.crimes.items()})
        object.__setattr__(self, "_by_district", {normalize_key(spelling): name
                                                   for name, aliases in self.districts.items()
                                                   for spelling in (name, *aliases)})

    @classmethod
    def from_json(cls, data: dict) -> Vocabulary:
        return cls(crimes=dict(data["crimes"]), aliases=dict(data["aliases"]),
                   families={f: tuple(v["members"]) for f, v in data["families"].items()},
                   districts={d: tuple(a) for d, a in data["districts"].items()})

    # ---------------------------------------------------------------- crimes

    def crime(self, text: str) -> CrimeChoice:
        """A crime key, an alias, a family or a crime's label, as typed (any case, accents,
        spaces for underscores). Raises ``QueryError`` naming the closest valid values."""
        _check_readable("El delito", text)
        wanted = _crime_key(text)
        if wanted in self.families:  # a family first: 'terrorismo' is both, the family holds the key
            keys = tuple(k for key in self.families[wanted] for k in self._spellings(key))
            return CrimeChoice(wanted, keys, is_family=True)
        key = self.aliases.get(wanted) or (wanted if wanted in self.crimes else self._by_label.get(wanted))
        if key is not None:
            return CrimeChoice(key, self._spellings(key))
        raise _unknown("Delito", text, _closest(wanted, self._crime_names),
                       "una clave de delito (p. ej. trata_de_personas) o una familia "
                       f"({', '.join(list(self.families)[:6])}…)")

    def _spellings(self, key: str) -> tuple[str, ...]:
        return (key, *(a for a, k in self.aliases.items() if k == key))

    @property
    def _crime_names(self) -> list[str]:
        return [*self.families, *self.crimes, *self.aliases]

    # ---------------------------------------------------------------- districts

    def district(self, text: str) -> str:
        """The district's name for a name or alias typed in any case, with or without accents."""
        _check_readable("El distrito", text)
        wanted = normalize_key(text)
        names = self._by_district
        if wanted in names:
            return names[wanted]
        close = _closest(wanted, list(names))
        raise _unknown("Distrito judicial", text, list(dict.fromkeys(names[c] for c in close)),
                       f"uno de los {len(self.districts)} distritos judiciales (p. ej. Madre de Dios, Puno)")


_SEPARATORS = re.compile(r"[\s\-]+")


def _crime_key(text: str) -> str:
    """'Trata de Personas' and 'trata-de-personas' are written ``trata_de_personas``."""
    return _SEPARATORS.sub("_", fold(text.strip())).strip("_")


def _check_readable(what: str, text: str) -> None:
    if not encodable(text):
        raise QueryError(f"{what} {NOT_UTF8}.", reason=Reason.QUERY)


def _closest(wanted: str, candidates: list[str]) -> list[str]:
    return difflib.get_close_matches(wanted, candidates, n=SUGGESTIONS, cutoff=CUTOFF)


def closest(text: str, candidates: Iterable[str]) -> list[str]:
    """The candidates (free-text values such as a facet's judges or courts) closest to
    ``text``, compared without case, accents or extra spaces; at most ``SUGGESTIONS``."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(normalize_key(candidate), candidate)
    return [by_key[k] for k in _closest(normalize_key(text), list(by_key))]


def _unknown(what: str, text: str, close: list[str], expected: str) -> QueryError:
    hint = f" ¿Quiso decir {' o '.join(close)}?" if close else ""
    return QueryError(f"{what} desconocido: «{text}».{hint} Escriba {expected}.", reason=Reason.QUERY)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabularies of this version (``search/query/data/vocabulary.json``)."""
    return Vocabulary.from_json(json.loads(SNAPSHOT.read_text(encoding="utf-8")))


def crime(text: str) -> CrimeChoice:
    return vocabulary().crime(text)


def district(text: str) -> str:
    return vocabulary().district(text)
