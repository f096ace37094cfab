"""The crime taxonomy and the districts table: stable keys, well-formed articles, sources."""

from __future__ import annotations

import re

import pytest

import extractors.data.crimes as crimes_module
from extractors.data.crimes import BY_KEY, CRIMES, FAMILIES, family_of
from extractors.data.districts import (
    BY_NAME,
    BY_SEAT,
    DISTRICTS,
    code_in_force,
    district_of_seat,
)

ARTICLE = re.compile(r"^(?:\d{1,3}(?:-[A-ZÑ])?|(?:DL|L)\d{3,5}-\d{1,2}(?:-[A-Z])?)$")

# keys other packages rely on; new crimes may be added, these may not change
STABLE_KEYS = {
    "trata_de_personas_agravada", "trata_de_personas", "explotacion_sexual", "trabajo_forzoso",
    "favorecimiento_prostitucion", "proxenetismo", "rufianismo", "mineria_ilegal", "mineria_ilegal_agravada",
    "trafico_fauna_silvestre", "trafico_productos_forestales_maderables", "violacion_sexual_menor",
    "violacion_sexual", "robo_agravado", "homicidio_calificado", "feminicidio", "trafico_ilicito_drogas",
    "peculado", "colusion", "cohecho_pasivo", "organizacion_criminal", "lavado_de_activos",
}


def test_keys_are_unique_and_stable():
    keys = [c.key for c in CRIMES]
    assert len(keys) == len(set(keys)) and STABLE_KEYS <= set(keys) and set(BY_KEY) == set(keys)


@pytest.mark.parametrize("crime", CRIMES, ids=lambda c: c.key)
def test_crime_rows_are_well_formed(crime):
    assert crime.family in FAMILIES and family_of(crime.key) == crime.family
    assert crime.labels and all(lab == lab.lower() for lab in crime.labels)
    assert all(ARTICLE.match(a) for a in crime.articles + crime.other_articles), crime.articles


@pytest.mark.parametrize("key, articles", [
    ("hurto_agravado", ("185", "186")), ("extorsion", ("200",)), ("tenencia_ilegal_armas", ("279",)),
    ("actos_contra_el_pudor_menor", ("176-A",)), ("usurpacion", ("202",)), ("lesiones_graves", ("121",)),
    ("lesiones_leves", ("122",)), ("omision_asistencia_familiar", ("149",)),
    ("trata_de_personas_agravada", ("153", "153-A")), ("trabajo_forzoso", ("168-B",)),
])
def test_everyday_crimes_and_their_articles(key, articles):
    assert BY_KEY[key].articles == articles


def test_ley_31146_renumbering():
    assert BY_KEY["trata_de_personas"].other_articles == ("129-A",)
    assert BY_KEY["trata_de_personas_agravada"].other_articles == ("129-A", "129-B")
    assert BY_KEY["explotacion_sexual"].other_articles == ("129-C",)
    assert BY_KEY["trabajo_forzoso"].other_articles == ("129-O",)


def test_tables_name_their_sources():
    doc = crimes_module.__doc__
    for source in ("Ley 31146", "Decreto Legislativo 1106", "Ley 30838", "SPIJ", "NCPP art. 2.6"):
        assert source in doc


def test_family_of_unknown_is_none():
    assert family_of(None) is None and family_of("no_such_crime") is None


def test_districts_table():
    assert len({d.name for d in DISTRICTS}) == len(DISTRICTS) and set(BY_NAME) == {d.name for d in DISTRICTS}
    for seat, d in BY_SEAT.items():
        assert d.code is None or seat.startswith(d.code)
    assert district_of_seat("2701").name == "Madre de Dios" and district_of_seat("9999") is None
    assert code_in_force("Huaura", __import__("datetime").date(2006, 7, 1)) == "ncpp"
    assert code_in_force("Nowhere", __import__("datetime").date(2006, 7, 1)) == "desconocido"


@pytest.mark.parametrize("articles, keys", [
    (["153", "153-A"], ["trata_de_personas_agravada"]), (["129-B"], ["trata_de_personas_agravada"]),
    (["153"], ["trata_de_personas"]), (["129-C"], ["explotacion_sexual"]), (["168-B"], ["trabajo_forzoso"]),
    (["186"], ["hurto_agravado"]), (["185"], ["hurto_simple"]), (["188", "189"], ["robo_agravado"]),
    (["DL1106-1"], ["lavado_de_activos"]), (["45-A"], []),
])
def test_crimes_of_articles(articles, keys):
    from extractors.data.crimes import crimes_of_articles
    assert crimes_of_articles(articles) == keys


def test_article_in_force():
    from extractors.data.crimes import article_in_force
    assert [article_in_force(a) for a in ("153", "153-A", "153-B", "168-B", "189")] == \
        ["129-A", "129-B", "129-C", "129-O", "189"]
