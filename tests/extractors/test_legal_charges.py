"""The charge extractor on the conventions of real rulings: one row per (text, expected)."""

from __future__ import annotations

import pytest

from extractors.data.crimes import CRIMES
from extractors.legal.charges import articles_in, extract_charges
from extractors.legal.text import Context, fold
from schemas import DocumentText, Page

DOC = "CORTE SUPERIOR\n{}\n\nVISTOS: {}\n\nCONSIDERANDO:\n\nPRIMERO. {}"


def charges(header: str = "", vistos: str = "", body: str = "") -> list[tuple[str, list[str]]]:
    text = DOC.format(header, vistos, body)
    doc = DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=1,
                       pages=[Page(number=1, text=text, method="text_layer")])
    return sorted((c.crime, c.articles) for c in extract_charges(Context.of(doc)))


def V(vistos: str, body: str = "") -> tuple[str, str, str]:
    return "", vistos, body


@pytest.mark.parametrize("parts, expected", [
    # crimes the taxonomy did not know
    (V("por el delito de cohecho pasivo específico en agravio del Estado"), [("cohecho_pasivo_especifico", [])]),
    (V("por el delito contra la administración pública, en la modalidad de abuso de autoridad, previsto en el "
       "primer párrafo del artículo 376 del Código Penal"), [("abuso_de_autoridad", ["376"])]),
    (V("condenó como autor del delito de homicidio simple, previsto en el artículo 106 del Código Penal"),
     [("homicidio_simple", ["106"])]),
    (V("por el delito de prevaricato en agravio del Estado"), [("prevaricato", [])]),
    (("DELITO       : Abuso de autoridad", "", ""), [("abuso_de_autoridad", [])]),
    # the older name of art. 122-B in a header, the current one in VISTOS: one crime
    (("DELITO : Lesiones leves por violencia familiar", "por el delito de agresiones en contra de las mujeres o "
      "integrantes del grupo familiar, previsto en el artículo 122-B del Código Penal", ""),
     [("agresiones_mujeres_grupo_familiar", ["122-B"])]),
    # tentativa: art. 16 joins the charge
    (V("acusó por el delito de feminicidio en grado de tentativa, previsto en el artículo 108-B del Código Penal"),
     [("feminicidio", ["16", "108-B"])]),
    # desvinculación (NCPP art. 374): the accused and the requalified crime are both charges
    (V("que, desvinculándose de la acusación por el delito de feminicidio en grado de tentativa, lo condenó "
       "como autor del delito de agresiones en contra de las mujeres o integrantes del grupo familiar"),
     [("agresiones_mujeres_grupo_familiar", []), ("feminicidio", ["16"])]),
    # lists of crimes
    (V("por los delitos de organización criminal (artículo 317 del Código Penal) y cohecho activo genérico "
       "(artículo 397 del Código Penal), en agravio del Estado"),
     [("cohecho_activo_generico", ["397"]), ("organizacion_criminal", ["317"])]),
    (V("por los delitos de conducción en estado de ebriedad, en agravio de la sociedad; y, de uso de documento "
       "público falso, en agravio del Estado"),
     [("conduccion_estado_ebriedad", []), ("falsificacion_documentos", [])]),
    # aggravated forms take the aggravated key
    (V("por el delito de colusión agravada (segundo párrafo del artículo 384 del Código Penal)"),
     [("colusion_agravada", ["384"])]),
    (V("por el delito contra el patrimonio en la modalidad de extorsión agravada"), [("extorsion_agravada", [])]),
    (V("por el delito contra la salud pública, en la modalidad de tráfico ilícito de drogas, previsto en el "
       "artículo 296, con la agravante del inciso 6 del artículo 297 del Código Penal"),
     [("trafico_ilicito_drogas_agravado", ["296", "297"])]),
    (("DELITO : Tráfico ilícito de drogas – forma agravada", "", ""), [("trafico_ilicito_drogas_agravado", [])]),
    # robo: 188 concordado con 189
    (V("por el delito de robo agravado, previsto en el artículo 188 concordado con los numerales 3 y 4 del primer "
       "párrafo del artículo 189 del Código Penal"), [("robo_agravado", ["188", "189"])]),
    # special laws
    # the foreign offence of an extradition, by its name abroad
    (V("para ser procesado por el delito de tráfico de estupefacientes, en agravio del Estado colombiano"),
     [("trafico_ilicito_drogas", [])]),
    (V("por el delito de lavado de activos (artículos 1 y 3 del Decreto Legislativo N.° 1106)"),
     [("lavado_de_activos", ["DL1106-1", "DL1106-3"])]),
    (V("por el delito de lavado de activos, previsto en el artículo 1 de la Ley N.° 27765"),
     [("lavado_de_activos", ["L27765-1"])]),
    (V("por el delito de defraudación tributaria, previsto en el artículo 1 de la Ley Penal Tributaria, Decreto "
       "Legislativo N.° 813"), [("defraudacion_tributaria", ["DL813-1"])]),
    # the old number beside the one in force is not a charge article
    (V("por el delito de trata de personas agravada (artículo 129-A del Código Penal, antes artículo 153, y "
       "artículo 129-B)"), [("trata_de_personas_agravada", ["129-A", "129-B"])]),
    # not charges: the defence's alternative, an office, a predicate crime
    (V("por el delito de homicidio calificado", "La defensa pide que se le condene por homicidio simple."),
     [("homicidio_calificado", [])]),
    (V("la Fiscalía Especializada en Delitos de Tráfico Ilícito de Drogas acusó por el delito de lavado de activos"),
     [("lavado_de_activos", [])]),
    # one-word labels are everyday words outside a charge phrase
    (V("como autor del delito de hurto agravado, y fijó la reparación civil por los daños causados, según el "
       "acta de registro personal y secuestro"), [("hurto_agravado", [])]),
    (V("por los delitos de robo agravado y secuestro, en agravio de X"), [("robo_agravado", []), ("secuestro", [])]),
    (V("por el delito contra la libertad – coacción, en agravio de X"), [("coaccion", [])]),
    # penalty and procedure articles are not charge articles
    (V("por el delito de estafa, previsto en el artículo 196 del Código Penal, conforme a los artículos 45 y 46 "
       "del Código Penal y al artículo 399 del Código Procesal Penal"), [("estafa", ["196"])]),
    # a header's "SECTION – MODALITY" of one family is one charge, the modality ...
    (("DELITO : TRÁFICO ILÍCITO DE DROGAS – MICROCOMERCIALIZACIÓN", "el proceso.", ""),
     [("microcomercializacion_drogas", [])]),
    # ... while two families on either side of a dash are two charges
    (("DELITO : ROBO AGRAVADO – TENENCIA ILEGAL DE ARMAS DE FUEGO", "el proceso.", ""),
     [("robo_agravado", []), ("tenencia_ilegal_armas", [])]),
])
def test_charges(parts, expected):
    assert charges(*parts) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("artículos 1 y 3 del Decreto Legislativo N.° 1106", ["DL1106-1", "DL1106-3"]),
    ("artículo 1 de la Ley N.° 27765", ["L27765-1"]),
    ("artículo 2 del Decreto Ley N.° 25475", ["DL25475-2"]),
    ("inciso 6 del artículo 297 del Código Penal", ["297"]),
    ("artículo 129-O del Código Penal", ["129-O"]),
    ("artículo 45 del Código Penal", []),
    ("artículo 374 del Código Procesal Penal", []),
    ("artículo 3 de la Ley N.° 30364", []),  # not a criminal law of the table
    ("antes artículo 153", []),
    # the law named once after a chain of its articles (an item's "a)" is no break)
    ("artículo 1 concordante con el inciso a) del artículo 2 de la Ley Penal Tributaria, Decreto Legislativo N.° 813",
     ["DL813-1", "DL813-2"]),
])
def test_articles_in(text, expected):
    low = fold(text)
    assert [a for a, _, _ in articles_in(low, 0, len(low))] == expected


EXAMPLES = [(c.key, ex) for c in CRIMES for ex in c.examples]


@pytest.mark.parametrize("key, example", EXAMPLES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(EXAMPLES)])
def test_table_examples_give_their_crime(key, example):
    assert key in [k for k, _ in charges("", example, "")]


COUNTER = [(c.key, ex) for c in CRIMES for ex in c.counter_examples]


@pytest.mark.parametrize("key, example", COUNTER or [("", "")])
def test_table_counter_examples_do_not(key, example):
    assert not key or key not in [k for k, _ in charges("", example, "")]
