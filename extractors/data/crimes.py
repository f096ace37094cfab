"""Crime taxonomy: a stable key, labels as rulings write them, Código Penal articles, family.

Source: Código Penal (Decreto Legislativo 635) and its amendments as listed in
../shared/docs/domain.md: Ley 30251 (2014, art. 153), Ley 31146 (2021, which moved
trafficking to arts. 129-A to 129-C and forced labour to 129-O), Decreto Legislativo 1106
(lavado de activos, written ``DL1106-N``), Decreto Legislativo 1102 (minería ilegal,
arts. 307-A to 307-F). Family keys group crimes for monitoring.

The everyday caseload (Código Penal as in force, text of the Sistema Peruano de
Información Jurídica, SPIJ): lesiones graves 121 and leves 122 (Ley 30364, 2015, added the
family-violence aggravations 121-B and 122-B); omisión de asistencia familiar 149; actos
contra el pudor 176 and, of minors, 176-A, renamed "tocamientos, actos de connotación
sexual o actos libidinosos ..." by Ley 30838 (2018) with the same numbers; hurto simple 185
and agravado 186; apropiación ilícita 190; estafa 196; extorsión 200; usurpación 202 and its
aggravated form 204; tenencia ilegal de armas 279 (the firearms conduct was moved to art.
279-G by Decreto Legislativo 1244, 2016). These are also the crimes of principio de
oportunidad and acuerdo reparatorio (NCPP art. 2.6 lists 122, 185, 187, 189-A first
paragraph, 190 to 193, 196 to 198, 205 and 215) and of the old code's proceso sumario
(Decreto Legislativo 124).

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
    "familia": "Contra la familia",
    "seguridad": "Contra la seguridad pública",
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
    # --- the everyday caseload (module docstring: SPIJ text of the Código Penal) ---
    Crime("hurto_agravado", "patrimonio", ("hurto agravado", "hurto en su forma agravada"),
          ("185", "186"), (), "contra el patrimonio", 0.7,
          examples=(("delito contra el patrimonio, en la modalidad de hurto agravado, previsto en el "
                     "inciso 2 del primer párrafo del artículo 186"),)),
    Crime("hurto_simple", "patrimonio", ("hurto simple",), ("185",), (),
          "contra el patrimonio", 0.2),
    Crime("extorsion", "patrimonio", ("extorsión agravada", "extorsión"), ("200",), (),
          "contra el patrimonio", 0.4),
    Crime("usurpacion_agravada", "patrimonio", ("usurpación agravada",), ("202", "204"), (),
          "contra el patrimonio", 0.3),
    Crime("usurpacion", "patrimonio", ("usurpación",), ("202",), (), "contra el patrimonio", 0.3),
    Crime("apropiacion_ilicita", "patrimonio", ("apropiación ilícita",), ("190",), (),
          "contra el patrimonio", 0.2),
    Crime("estafa", "patrimonio", ("estafa",), ("196",), (), "contra el patrimonio", 0.3),
    Crime("lesiones_graves", "vida", ("lesiones graves",), ("121",), (),
          "contra la vida, el cuerpo y la salud", 0.4),
    Crime("lesiones_leves", "vida", ("lesiones leves",), ("122",), (),
          "contra la vida, el cuerpo y la salud", 0.4),
    Crime("omision_asistencia_familiar", "familia",
          ("omisión de asistencia familiar", "omisión a la asistencia familiar"), ("149",), (),
          "contra la familia", 0.6, True,
          (("delito contra la familia, en la modalidad de omisión de asistencia familiar, en su "
            "forma de incumplimiento de obligación alimentaria"),)),
    Crime("actos_contra_el_pudor_menor", "sexual",
          ("tocamientos, actos de connotación sexual o actos libidinosos en agravio de menores",
           "actos contra el pudor en menor de edad", "actos contra el pudor de menor de edad",
           "actos contra el pudor en agravio de menor"),
          ("176-A",), (), "contra la libertad – violación de la libertad sexual", 0.5, True),
    Crime("actos_contra_el_pudor", "sexual",
          ("tocamientos, actos de connotación sexual o actos libidinosos sin consentimiento",
           "actos contra el pudor"),
          ("176",), (), "contra la libertad – violación de la libertad sexual", 0.3, True),
    Crime("tenencia_ilegal_armas", "seguridad",
          ("tenencia ilegal de armas de fuego", "tenencia ilegal de armas",
           "fabricación, comercialización, uso o porte de armas"),
          ("279",), (), "contra la seguridad pública – peligro común", 0.5),
)

BY_KEY: dict[str, Crime] = {c.key: c for c in CRIMES}

# Ley 31146 (30 March 2021) moved the trafficking and exploitation articles into a chapter
# of their own: old number -> number in force. Source: Ley 31146, arts. 2-3 (El Peruano).
RENUMBERED_2021: dict[str, str] = {"153": "129-A", "153-A": "129-B", "153-B": "129-C", "168-B": "129-O"}


def article_in_force(article: str) -> str:
    """The number a Código Penal article has today ("153-A" -> "129-B"); others unchanged."""
    return RENUMBERED_2021.get(article, article)


def crimes_of_articles(articles: list[str] | tuple[str, ...]) -> list[str]:
    """Crime keys the charged articles stand for, in either numbering of Ley 31146, most
    articles covered first: ["153", "153-A"] and ["129-B"] -> trata_de_personas_agravada,
    ["153"] -> trata_de_personas, ["186"] -> hurto_agravado."""
    have = set(articles)
    scored = []
    for c in CRIMES:
        for numbering in (c.articles, c.other_articles):
            present = set(numbering) & have
            if present:
                scored.append((len(present), len(present) / len(numbering), c, present))
    scored.sort(key=lambda t: (-t[0], -t[1]))
    out: list[str] = []
    covered: set[str] = set()
    for _, _, c, present in scored:
        if not present <= covered and c.key not in out:
            out.append(c.key)
            covered |= present
    return out


def family_of(key: str | None) -> str | None:
    crime = BY_KEY.get(key or "")
    return crime.family if crime else None
