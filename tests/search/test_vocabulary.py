"""The filter vocabularies: the snapshot ``search`` reads is its source's, and the resolver
accepts every spelling a user may type and refuses the rest with the closest values.

Rewrite the snapshot after changing the crime taxonomy or the districts:
``.venv/bin/python -m tests.search.test_vocabulary``.
"""

from __future__ import annotations

import json

import pytest

from schemas import QueryError
from search.query import vocabulary as v


def snapshot() -> dict:
    """What ``search/query/data/vocabulary.json`` must hold, from ``extractors.data``."""
    from extractors.data.crimes import ALIASES, CRIMES, FAMILIES
    from extractors.data.districts import DISTRICTS

    return {
        "source": "extractors/data/crimes/ (keys, first labels, aliases, families) and "
                  "extractors/data/districts.py (names, aliases); written by tests/search/test_vocabulary.py",
        "crimes": {c.key: c.labels[0] for c in CRIMES},
        "aliases": dict(ALIASES),
        "families": {f: {"label": label, "members": [c.key for c in CRIMES if c.family == f]}
                     for f, label in FAMILIES.items()},
        "districts": {d.name: list(d.aliases) for d in DISTRICTS},
    }


def write_snapshot() -> None:
    v.SNAPSHOT.write_text(json.dumps(snapshot(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_snapshot_is_its_sources():
    assert json.loads(v.SNAPSHOT.read_text(encoding="utf-8")) == snapshot(), \
        "search/query/data/vocabulary.json is stale: run .venv/bin/python -m tests.search.test_vocabulary"


@pytest.mark.parametrize("typed, name, keys", [
    ("trata_de_personas", "trata_de_personas", {"trata_de_personas"}),
    ("Trata de Personas", "trata_de_personas", {"trata_de_personas"}),  # the label, any case
    ("peculado_doloso", "peculado", {"peculado", "peculado_doloso"}),  # an alias
    ("peculado", "peculado", {"peculado", "peculado_doloso"}),
    ("mineria", "mineria", {"mineria_ilegal", "mineria_ilegal_agravada"}),  # a family: its members
    ("Minería", "mineria", {"mineria_ilegal", "mineria_ilegal_agravada"}),
])
def test_crime_spellings(typed, name, keys):
    choice = v.crime(typed)
    assert choice.name == name and keys <= set(choice.keys)


def test_every_family_has_crimes():
    """A family without crimes would filter on an empty set of keys."""
    assert all(v.vocabulary().families.values())


def test_a_family_holds_its_members():
    choice = v.crime("trata")
    assert choice.is_family and {"trata_de_personas", "trata_de_personas_agravada", "proxenetismo"} <= set(choice.keys)


@pytest.mark.parametrize("typed, suggested", [
    ("trata_personas", "trata_de_personas"),
    ("trata de persona", "trata_de_personas"),
    ("minería ilegall", "mineria_ilegal"),
    ("ambientl", "ambiental"),
])
def test_unknown_crime_suggests(typed, suggested):
    with pytest.raises(QueryError, match=f"¿Quiso decir {suggested}") as exc:
        v.crime(typed)
    assert f"«{typed}»" in str(exc.value)


def test_unknown_crime_without_anything_close():
    with pytest.raises(QueryError, match="Delito desconocido: «xyzzy»\\. Escriba una clave"):
        v.crime("xyzzy")


@pytest.mark.parametrize("typed, name", [
    ("Madre de Dios", "Madre de Dios"), ("MADRE  DE DIOS", "Madre de Dios"), ("junin", "Junín"),
    ("Cuzco", "Cusco"), ("ventanilla", "Lima Noroeste"), ("Áncash", "Áncash"), ("ancash", "Áncash"),
])
def test_district_spellings(typed, name):
    assert v.district(typed) == name


@pytest.mark.parametrize("typed, suggested", [("Madre de Diso", "Madre de Dios"), ("Pnuo", "Puno"),
                                              ("lima nortee", "Lima Norte")])
def test_unknown_district_suggests(typed, suggested):
    with pytest.raises(QueryError, match=f"Distrito judicial desconocido: «{typed}»\\. ¿Quiso decir {suggested}"):
        v.district(typed)


if __name__ == "__main__":
    write_snapshot()
    print(f"escrito {v.SNAPSHOT}")
