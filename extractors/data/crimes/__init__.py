"""Crime taxonomy: a stable key, labels as rulings write them, articles, family.

The table is data, in two YAML files beside this module, loaded and validated once at
import:

- ``codigo_penal.yaml``: the Código Penal (Decreto Legislativo 635) as in force, text of the
  Sistema Peruano de Información Jurídica (SPIJ): every crime of the Libro Segundo (arts.
  106 ff.) and the faltas of the Libro Tercero (arts. 440 ff.), block by block (Título,
  Capítulo, article range) with its bien jurídico title and family. It carries the
  amendments the caseload needs: Ley 30364 (2015, arts. 121-B and 122-B), Ley 30838 (2018,
  the "tocamientos ..." names of arts. 176 and 176-A), Decreto Legislativo 1102 (2012,
  minería ilegal 307-A to 307-F), Decreto Legislativo 1244 (2016, firearms moved to art.
  279-G), Ley 31146 (2021, trafficking and exploitation moved to arts. 129-A to 129-O).
- ``leyes_especiales.yaml``: the special criminal laws, articles written with the law's
  prefix (``DL1106-1``, ``L27765-1``): lavado de activos (Decreto Legislativo 1106 and Ley
  27765), delitos aduaneros (Ley 28008), tributarios (Decreto Legislativo 813),
  informáticos (Ley 30096), terrorismo (Decreto Ley 25475).

The everyday caseload (hurto 185/186, lesiones 121/122, omisión de asistencia familiar
149, usurpación 202/204 ...) is also that of principio de oportunidad and acuerdo
reparatorio (NCPP art. 2.6 lists 122, 185, 187, 189-A first paragraph, 190 to 193, 196 to
198, 205 and 215) and of the old code's proceso sumario (Decreto Legislativo 124).

**One key per crime.** A key names one tipo penal: an article, or the paragraph of an
article that has its own penalty. Basic and aggravated forms are distinct keys
(``colusion`` / ``colusion_agravada``, ``trafico_ilicito_drogas`` (296) /
``trafico_ilicito_drogas_agravado`` (297), ``extorsion`` / ``extorsion_agravada``) and an
aggravated crime names the crime it aggravates (``aggravates``). Modalities that share an
article, paragraph and penalty ("peculado doloso por apropiación" and "por utilización")
are the same crime: their phrasings are labels of one key. A key that other data use for
the same crime is an ``alias`` (``peculado_doloso`` -> ``peculado``); ``canonical_key``
resolves it, and evaluation compares charges through it. Every label belongs to one crime
only.

``labels`` are lower-case Spanish phrases, the first is the canonical one; ``variants`` are
further phrasings to recognise; ``sample_labels`` are what the sample generator writes
(kept as they were so that existing seeds generate the same documents). ``weight`` is the
crime's share in the sample generator: 0 for crimes the generator does not write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Crime:
    key: str
    family: str
    labels: tuple[str, ...]
    articles: tuple[str, ...]
    # articles the same conduct carries in the numbering of Ley 31146 (the generator writes
    # these for facts after 2021)
    other_articles: tuple[str, ...] = ()
    # the "delito contra ..." bien jurídico phrase that often precedes the label
    bien_juridico: str = ""
    # weight in the sample generator (trafficking and the mining-region crimes dominate)
    weight: float = 0.0
    protected_victims: bool = False
    examples: tuple[str, ...] = field(default=())
    counter_examples: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    sample_labels: tuple[str, ...] = ()
    # earlier numbers of the same conduct, and further articles of the same crime
    former_articles: tuple[str, ...] = ()
    also_articles: tuple[str, ...] = ()
    aggravates: str | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""

    @property
    def all_labels(self) -> tuple[str, ...]:
        return self.labels + tuple(v for v in self.variants if v not in self.labels)

    @property
    def all_articles(self) -> tuple[str, ...]:
        """Every article number this crime is charged under, in any numbering."""
        return tuple(dict.fromkeys(self.articles + self.other_articles + self.former_articles
                                   + self.also_articles))


FAMILIES = {
    "trata": "Trata de personas y explotación",
    "mineria": "Minería ilegal",
    "ambiental": "Ambientales: contaminación, fauna, flora y bosques",
    "sexual": "Violencia sexual",
    "patrimonio": "Contra el patrimonio",
    "vida": "Contra la vida, el cuerpo y la salud",
    "drogas": "Tráfico ilícito de drogas",
    "corrupcion": "Corrupción de funcionarios",
    "crimen_organizado": "Crimen organizado y lavado",
    "familia": "Contra la familia",
    "seguridad": "Contra la seguridad pública",
    "honor": "Contra el honor",
    "libertad": "Contra la libertad",
    "negocios": "Contra la confianza y la buena fe en los negocios",
    "intelectuales": "Contra los derechos intelectuales",
    "cultural": "Contra el patrimonio cultural",
    "orden_economico": "Contra el orden económico",
    "orden_financiero": "Contra el orden financiero y monetario",
    "tributario": "Tributarios y aduaneros",
    "salud_publica": "Contra la salud pública",
    "tranquilidad": "Contra la tranquilidad pública",
    "humanidad": "Contra la humanidad",
    "estado": "Contra el Estado y la defensa nacional",
    "orden_constitucional": "Contra los poderes del Estado y el orden constitucional",
    "electoral": "Contra la voluntad popular",
    "administracion_publica": "Contra la administración pública (particulares)",
    "justicia": "Contra la administración de justicia",
    "fe_publica": "Contra la fe pública",
    "informaticos": "Delitos informáticos",
    "terrorismo": "Terrorismo",
    "faltas": "Faltas",
}

# The crimes the sample generator draws from, in the order it always drew them: the
# generator picks by weight over this order, so it must not change.
SAMPLE_ORDER = (
    "trata_de_personas_agravada", "trata_de_personas", "explotacion_sexual", "trabajo_forzoso",
    "favorecimiento_prostitucion", "proxenetismo", "rufianismo", "mineria_ilegal", "mineria_ilegal_agravada",
    "trafico_fauna_silvestre", "trafico_productos_forestales_maderables", "violacion_sexual_menor",
    "violacion_sexual", "robo_agravado", "homicidio_calificado", "feminicidio", "trafico_ilicito_drogas",
    "peculado", "colusion", "cohecho_pasivo", "organizacion_criminal", "lavado_de_activos", "hurto_agravado",
    "hurto_simple", "extorsion", "usurpacion_agravada", "usurpacion", "apropiacion_ilicita", "estafa",
    "lesiones_graves", "lesiones_leves", "omision_asistencia_familiar", "actos_contra_el_pudor_menor",
    "actos_contra_el_pudor", "tenencia_ilegal_armas",
)

# Código Penal articles (arts. 106 ff., with an optional letter, Ñ included) and articles of
# a special law (DL1106-1, L27765-1, DL813-5-A)
ARTICLE_FORMAT = re.compile(r"^(?:\d{3}(?:-[A-ZÑ])?|(?:DL|L)\d{3,5}-\d{1,2}(?:-[A-Z])?)$")

_FILES = ("codigo_penal.yaml", "leyes_especiales.yaml")
_STRS = ("labels", "variants", "sample_labels", "examples", "counter")
_ARTS = ("art", "other", "former", "also")


def _tuple(value) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


def _crime(row: dict, block: dict, source: str) -> Crime:
    unknown = set(row) - {"key", "family", "bien", "weight", "protected", "aggravates", "aliases", *_STRS, *_ARTS}
    if unknown:
        raise ValueError(f"{source}: {row.get('key')}: unknown fields {sorted(unknown)}")
    labels = _tuple(row.get("labels"))
    return Crime(
        key=row["key"], family=row.get("family", block["family"]), labels=labels,
        articles=_tuple(row.get("art")), other_articles=_tuple(row.get("other")),
        bien_juridico=row.get("bien", block["title"]), weight=float(row.get("weight", 0.0)),
        protected_victims=bool(row.get("protected", block.get("protected", False))),
        examples=_tuple(row.get("examples")), counter_examples=_tuple(row.get("counter")),
        variants=_tuple(row.get("variants")), sample_labels=_tuple(row.get("sample_labels")) or labels,
        former_articles=_tuple(row.get("former")), also_articles=_tuple(row.get("also")),
        aggravates=row.get("aggravates"), aliases=_tuple(row.get("aliases")), source=f"{source}: {block['block']}")


def _validate(crimes: list[Crime]) -> None:
    problems: list[str] = []
    keys = [c.key for c in crimes]
    problems += [f"duplicate key {k}" for k in {k for k in keys if keys.count(k) > 1}]
    aliases = [a for c in crimes for a in c.aliases]
    problems += [f"alias {a} clashes" for a in aliases if a in keys or aliases.count(a) > 1]
    owner: dict[str, str] = {}
    for c in crimes:
        if c.family not in FAMILIES:
            problems.append(f"{c.key}: unknown family {c.family}")
        if not c.labels or not c.articles or any(lab != lab.lower() for lab in c.all_labels):
            problems.append(f"{c.key}: labels must be lower case, and a crime needs labels and articles")
        problems += [f"{c.key}: bad article {a!r}" for a in c.all_articles if not ARTICLE_FORMAT.match(a)]
        if c.aggravates and c.aggravates not in keys:
            problems.append(f"{c.key}: aggravates unknown {c.aggravates}")
        for lab in c.all_labels:
            if owner.setdefault(lab, c.key) != c.key:
                problems.append(f"label {lab!r} of both {owner[lab]} and {c.key}")
    problems += [f"sample crime {k} missing" for k in SAMPLE_ORDER if k not in keys]
    if problems:
        raise ValueError("crime table: " + "; ".join(problems))


@lru_cache(maxsize=1)
def _load() -> tuple[Crime, ...]:
    here = Path(__file__).parent
    crimes: list[Crime] = []
    for name in _FILES:
        for block in yaml.load((here / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader):
            crimes += [_crime(row, block, name) for row in block["crimes"]]
    _validate(crimes)
    order = {k: i for i, k in enumerate(SAMPLE_ORDER)}
    return tuple(sorted(crimes, key=lambda c: order.get(c.key, len(order))))  # stable: file order after


CRIMES: tuple[Crime, ...] = _load()
BY_KEY: dict[str, Crime] = {c.key: c for c in CRIMES}
ALIASES: dict[str, str] = {a: c.key for c in CRIMES for a in c.aliases}
BY_LABEL: dict[str, Crime] = {lab: c for c in CRIMES for lab in c.all_labels}

# Ley 31146 (30 March 2021) moved the trafficking and exploitation articles into the new
# Título I-A (Delitos contra la dignidad humana): old number -> number in force. Source: Ley
# 31146, arts. 2-4 (El Peruano); built from the table's ``other``/``former`` numbers.
RENUMBERED_2021: dict[str, str] = {"153": "129-A", "153-A": "129-B", "153-B": "129-C", "168-B": "129-O"}
RENUMBERED_2021.update({old: c.articles[0] for c in CRIMES if c.articles[0].startswith("129-")
                        for old in c.former_articles})


def canonical_key(key: str | None) -> str | None:
    """The table's key for a crime key or one of its aliases ("peculado_doloso" -> "peculado")."""
    if key is None:
        return None
    return ALIASES.get(key, key)


def crime_of_label(label: str) -> Crime | None:
    """The crime a label (lower case, as in the table) names, if any."""
    return BY_LABEL.get(label.lower())


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
        for numbering in (c.articles, c.other_articles, c.former_articles, c.also_articles):
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
    crime = BY_KEY.get(canonical_key(key) or "")
    return crime.family if crime else None
