"""Crime taxonomy: a stable key, labels as rulings write them, Código Penal articles, family.

Source: Código Penal (Decreto Legislativo 635) and its amendments as listed in
../shared/docs/domain.md: Ley 30251 (2014, art. 153), Ley 31146 (2021, which moved
trafficking to arts. 129-A to 129-C and forced labour to 129-O), Decreto Legislativo 1106
(lavado de activos, written ``DL1106-N``), Decreto Legislativo 1102 (minería ilegal,
arts. 307-A to 307-F). Family keys group crimes for monitoring.

``labels`` are lower-case Spanish phrases, most specific first; the first is the canonical
label the sample generator writes most often.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Crime:
    key: str
    family: str
    labels: tuple[str, ...]
    articles: tuple[str, ...]
    # articles the same conduct carried under another numbering (pre/post Ley 31146)
    other_articles: tuple[str, ...] = ()
    # the "delito contra ..." bien jurídico phrase that often precedes the label
    bien_juridico: str = ""
    # weight in the sample generator (trafficking and the mining-region crimes dominate)
    weight: float = 1.0
    protected_victims: bool = False
    examples: tuple[str, ...] = field(default=())


FAMILIES = {
    "trata": "Trata de personas y explotación",
    "mineria": "Minería ilegal",
    "ambiental": "Fauna, flora y bosques",
    "sexual": "Violencia sexual",
    "patrimonio": "Contra el patrimonio",
    "vida": "Contra la vida",
    "drogas": "Tráfico ilícito de drogas",
    "corrupcion": "Corrupción de funcionarios",
    "crimen_organizado": "Crimen organizado y lavado",
}

CRIMES: tuple[Crime, ...] = (
    Crime("trata_de_personas_agravada", "trata",
          ("trata de personas agravada", "trata de personas en su forma agravada"),
          ("153", "153-A"), ("129-A", "129-B"),
          "contra la libertad – violación de la libertad personal", 3.0, True,
          ("delito de trata de personas agravada, previsto en el artículo 153-A",)),
    Crime("trata_de_personas", "trata",
          ("trata de personas",), ("153",), ("129-A",),
          "contra la libertad – violación de la libertad personal", 2.0, True),
    Crime("explotacion_sexual", "trata",
          ("explotación sexual",), ("153-B",), ("129-C",),
          "contra la libertad – violación de la libertad personal", 1.5, True),
    Crime("trabajo_forzoso", "trata",
          ("trabajo forzoso",), ("168-B",), ("129-O",),
          "contra la libertad – violación de la libertad de trabajo", 1.5, True),
    Crime("favorecimiento_prostitucion", "trata",
          ("favorecimiento a la prostitución",), ("179",), (),
          "contra la libertad – proxenetismo", 0.6, True),
    Crime("proxenetismo", "trata", ("proxenetismo",), ("181",), (),
          "contra la libertad – proxenetismo", 0.5, True),
    Crime("rufianismo", "trata", ("rufianismo",), ("180",), (),
          "contra la libertad – proxenetismo", 0.3, True),
    Crime("mineria_ilegal", "mineria", ("minería ilegal",), ("307-A",), (),
          "contra los recursos naturales", 2.5),
    Crime("mineria_ilegal_agravada", "mineria",
          ("minería ilegal agravada", "minería ilegal en su forma agravada"),
          ("307-A", "307-B"), (), "contra los recursos naturales", 1.0),
    Crime("trafico_fauna_silvestre", "ambiental",
          ("tráfico ilegal de especies de flora y fauna silvestre",
           "tráfico ilegal de especies de fauna silvestre"),
          ("308",), (), "contra los recursos naturales", 1.5),
    Crime("trafico_productos_forestales_maderables", "ambiental",
          ("tráfico ilegal de productos forestales maderables",),
          ("310-A",), (), "contra los bosques o formaciones boscosas", 1.0),
    Crime("violacion_sexual_menor", "sexual",
          ("violación sexual de menor de edad",), ("173",), (),
          "contra la libertad – violación de la libertad sexual", 1.0, True),
    Crime("violacion_sexual", "sexual", ("violación sexual",), ("170",), (),
          "contra la libertad – violación de la libertad sexual", 0.8, True),
    Crime("robo_agravado", "patrimonio", ("robo agravado",), ("188", "189"), (),
          "contra el patrimonio", 1.0),
    Crime("homicidio_calificado", "vida", ("homicidio calificado",), ("108",), (),
          "contra la vida, el cuerpo y la salud", 0.5),
    Crime("feminicidio", "vida", ("feminicidio",), ("108-B",), (),
          "contra la vida, el cuerpo y la salud", 0.5),
    Crime("trafico_ilicito_drogas", "drogas",
          ("tráfico ilícito de drogas", "promoción o favorecimiento al tráfico ilícito de drogas"),
          ("296",), (), "contra la salud pública", 1.0),
    Crime("peculado", "corrupcion", ("peculado doloso", "peculado"), ("387",), (),
          "contra la administración pública", 0.4),
    Crime("colusion", "corrupcion", ("colusión agravada", "colusión"), ("384",), (),
          "contra la administración pública", 0.3),
    Crime("cohecho_pasivo", "corrupcion", ("cohecho pasivo propio",), ("393",), (),
          "contra la administración pública", 0.3),
    Crime("organizacion_criminal", "crimen_organizado", ("organización criminal",), ("317",), (),
          "contra la tranquilidad pública", 0.4),
    Crime("lavado_de_activos", "crimen_organizado", ("lavado de activos",),
          ("DL1106-1", "DL1106-2"), (), "", 0.5),
)

BY_KEY: dict[str, Crime] = {c.key: c for c in CRIMES}


def family_of(key: str | None) -> str | None:
    crime = BY_KEY.get(key or "")
    return crime.family if crime else None
