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


# --- the whole Código Penal and the special laws (extractors/data/crimes/*.yaml) ----------

@pytest.mark.parametrize("key, article", [
    ("abuso_de_autoridad", "376"), ("agresiones_mujeres_grupo_familiar", "122-B"), ("cohecho_activo_generico", "397"),
    ("cohecho_pasivo_especifico", "395"), ("colusion_agravada", "384"), ("colusion", "384"),
    ("conduccion_estado_ebriedad", "274"), ("contaminacion_ambiental", "304"), ("extorsion_agravada", "200"),
    ("falsificacion_documentos", "427"), ("homicidio_simple", "106"), ("negociacion_incompatible", "399"),
    ("trafico_de_influencias_agravado", "400"), ("trafico_ilicito_drogas_agravado", "297"),
    ("tenencia_ilegal_armas", "279-G"), ("peculado", "387"), ("prevaricato", "418"), ("sicariato", "108-C"),
    ("parricidio", "107"), ("homicidio_culposo", "111"), ("concusion", "382"), ("peculado_de_uso", "388"),
    ("malversacion", "389"), ("enriquecimiento_ilicito", "401"), ("falsedad_ideologica", "428"),
    ("falsedad_generica", "438"), ("microcomercializacion_drogas", "298"), ("banda_criminal", "317-B"),
    ("financiamiento_mineria_ilegal", "307-C"), ("encubrimiento_real", "405"), ("esclavitud", "129-Ñ"),
    ("lavado_de_activos", "DL1106-3"), ("lavado_de_activos", "L27765-1"), ("contrabando", "L28008-1"),
    ("defraudacion_tributaria", "DL813-1"), ("fraude_informatico", "L30096-8"), ("terrorismo", "DL25475-2"),
])
def test_crimes_of_the_law(key, article):
    assert article in BY_KEY[key].all_articles


def test_aggravated_forms_name_their_basic_crime():
    for agg, basic in [("colusion_agravada", "colusion"), ("extorsion_agravada", "extorsion"),
                       ("trafico_ilicito_drogas_agravado", "trafico_ilicito_drogas"),
                       ("trafico_de_influencias_agravado", "trafico_de_influencias")]:
        assert BY_KEY[agg].aggravates == basic


def test_aliases_resolve_to_one_crime():
    from extractors.data.crimes import canonical_key
    assert canonical_key("peculado_doloso") == "peculado" and canonical_key("peculado") == "peculado"
    assert family_of("peculado_doloso") == "corrupcion" and canonical_key(None) is None


def test_every_crime_has_a_source_and_every_label_one_crime():
    assert all(c.source for c in CRIMES)
    labels = [lab for c in CRIMES for lab in c.all_labels]
    assert len(labels) == len(set(labels))


def test_the_table_is_validated():
    from extractors.data.crimes import Crime, _validate
    with pytest.raises(ValueError, match="unknown family"):
        _validate(list(CRIMES) + [Crime("x", "nope", ("x",), ("106",))])
    with pytest.raises(ValueError, match="bad article"):
        _validate(list(CRIMES) + [Crime("x", "vida", ("x",), ("art. 106",))])
    with pytest.raises(ValueError, match="duplicate key"):
        _validate(list(CRIMES) + [CRIMES[0]])


def test_ley_31146_renumbering_map():
    from extractors.data.crimes import RENUMBERED_2021
    assert {k: RENUMBERED_2021[k] for k in ("153", "153-A", "153-B", "153-C", "168-B")} == \
        {"153": "129-A", "153-A": "129-B", "153-B": "129-C", "153-C": "129-Ñ", "168-B": "129-O"}


def test_the_sample_generator_draws_what_it_always_drew():
    """The generator's crimes keep their order, weights, written labels, articles and bien
    jurídico (snapshot of the table before the Código Penal was added); new crimes weigh 0."""
    import json
    from pathlib import Path
    snapshot = json.loads((Path(__file__).parent / "data" / "sample_crimes_2024.json").read_text())
    now = [dict(key=c.key, family=c.family, labels=list(c.sample_labels), articles=list(c.articles),
                other_articles=list(c.other_articles), bien_juridico=c.bien_juridico, weight=c.weight,
                protected_victims=c.protected_victims) for c in CRIMES[:len(snapshot)]]
    assert now == snapshot
    assert all(c.weight == 0 for c in CRIMES[len(snapshot):])
