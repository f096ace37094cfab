"""Courts, judges, prosecutors, case numbers and cited precedents of a generated case.

Court names follow the organs of domain.md ("Kinds, with the deciding court") as they are
written in the wild corpus; case-number shapes follow domain.md ("Case numbers"). All
numbers are invented.
"""

from __future__ import annotations

import random

from samples import vocab
from samples.model import People
from samples.spanish import latin1
from samples.timeline import Timeline
from extractors.data.districts import GENERATED as DISTRICTS, District
from schemas import CaseNumberKind, Citation, CitationKind, CourtLevel

_ORD = ("", "", "Primer ", "Segundo ", "Tercer ")
_SALA_ORD = ("", "", "Primera ", "Segunda ")


def superior_court(district: District, year: int = 2024) -> str:
    if district.name == "Nacional":
        return next(name for since, name in vocab.NATIONAL_COURT_NAMES if year >= since)
    return f"Corte Superior de Justicia {vocab.DISTRICT_ARTICLE.get(district.name, 'de ')}{district.name}"


def _first_instance(rng: random.Random, kind: str, seat_name: str, csj: str, *,
                    liquidadora: bool = True) -> str:
    o = rng.choice(_ORD)
    if kind == "unipersonal":
        return rng.choice((f"{o}Juzgado Penal Unipersonal de {seat_name}",
                           f"{o}Juzgado Penal Unipersonal Supraprovincial de {seat_name}",
                           f"{o}Juzgado Penal Unipersonal de la {csj}"))
    if kind == "colegiado":
        return rng.choice((f"Juzgado Penal Colegiado Supraprovincial de {seat_name}",
                           f"{o}Juzgado Penal Colegiado de {seat_name}"))
    if kind == "sala":  # "Liquidadora" only once the NCPP is in force in the district
        old = (f"Sala Penal de la {csj}", f"Sala Mixta Descentralizada de {seat_name}",
               f"{rng.choice(_SALA_ORD)}Sala Penal de {seat_name}")
        new = (f"Sala Penal Liquidadora de {seat_name}", f"{rng.choice(_SALA_ORD)}Sala Penal Liquidadora de la {csj}")
        return rng.choice(old + new if liquidadora else old)
    if kind == "sumario":  # old-code Juzgado Penal (proceso sumario, D. Leg. 124)
        return rng.choice((f"{o}Juzgado Penal de {seat_name}", f"{o}Juzgado Mixto de {seat_name}",
                           f"{o}Juzgado Penal de la {csj}", f"{o}Juzgado Especializado en lo Penal de {seat_name}"))
    if kind == "vista":
        return rng.choice((f"Sala Penal de Apelaciones de {seat_name}",
                           f"{rng.choice(_SALA_ORD)}Sala Penal de Apelaciones de la {csj}"))
    return rng.choice((f"{o}Juzgado de Investigación Preparatoria de {seat_name}",
                       f"Juzgado de Investigación Preparatoria Supraprovincial de {seat_name}"))


def short_number(expediente: str) -> str:
    """Local short form of an expediente: '00874-2013-52-2701-JR-PE-01' -> '874-2013-52'."""
    parts = expediente.split("-")
    return "-".join([parts[0].lstrip("0") or "0"] + parts[1:3])


def _expediente(rng: random.Random, district: District, seat: str | None, year: int,
                incident: int, organ: str = "JR") -> str:
    corr = rng.randint(1, 4999)
    if seat is None:  # no verified seat code for this district: a short local form
        return f"{corr}-{year}"
    return f"{corr:05d}-{year}-{incident}-{seat}-{organ}-PE-{rng.randint(1, 4):02d}"


def _supreme_number(rng: random.Random, variant: str, district: District, year: int):
    n = f"{rng.randint(40, 3600)}-{year}"
    d = district.name.upper() if rng.random() < 0.7 else district.name
    if variant == "casacion":
        raw = rng.choice((f"CASACIÓN N.° {n}/{d}", f"Casación N.° {n}/{d}", f"CASACIÓN N° {n} {d}",
                          f"CASACIÓN N.º {n}-{d}", f"CASACIÓN {n}, {d}", f"CASACIÓN N.° {n}",
                          f"CASACIÓN N.° {n}{d.upper()}"))
        return raw, f"casacion {n}", CaseNumberKind.CASACION
    raw = rng.choice((f"R. N. N° {n}", f"R.N. N.° {n}-{d}", f"RECURSO DE NULIDAD N.° {n}",
                      f"R.N. N.° {n}/{d}", f"R. N. N.° {n}", f"RN {n} {d}", f"R.N. N.° {n}{d.upper()}"))
    return raw, f"recurso_nulidad {n}", CaseNumberKind.RECURSO_NULIDAD


def draw_court(rng: random.Random, variant: str, district: District, people: People,
               timeline: Timeline, family: str, state_victim: bool) -> dict:
    """The deciding court, its judges and staff, the prosecutor and this case's number."""
    supreme = variant in ("casacion", "rn")
    seats = sorted(district.seats)
    if variant in ("sala", "vista", "casacion", "rn"):
        seats = [s for s in seats if s in vocab.SALA_SEATS] or seats
    seat = rng.choice(seats) if seats else None
    seat_name = latin1(district.seats[seat]) if seat else district.name
    csj = superior_court(district)
    first_kind = "sala" if variant in ("sala", "rn") else rng.choice(("unipersonal", "colegiado"))
    first_date = timeline.dates.get("sentencia_primera", timeline.dates["resolution"])
    liquidadora = first_date >= district.ncpp_start
    lower_court = appeal_court = None
    if supreme:
        name, level, city = rng.choice(vocab.SUPREME_CHAMBERS), CourtLevel.CORTE_SUPREMA, "Lima"
        lower_court = _first_instance(rng, first_kind, seat_name, csj, liquidadora=liquidadora)
        if variant == "casacion":
            appeal_court = _first_instance(rng, "vista", seat_name, csj)
    else:
        court_kind = variant if variant in ("unipersonal", "colegiado", "sala", "sumario", "vista") else "jip"
        name = _first_instance(rng, court_kind, seat_name, csj, liquidadora=liquidadora)
        level = CourtLevel.CORTE_SUPERIOR if variant in ("sala", "vista") else CourtLevel.JUZGADO
        city = vocab.SEAT_CITY[seat]
        if variant == "vista":
            lower_court = _first_instance(rng, first_kind, seat_name, csj)

    n_judges = {"colegiado": 3, "sala": 3, "vista": 3, "casacion": 5, "rn": 5}.get(variant, 1)
    judges = [people() for _ in range(n_judges)]
    full = variant not in ("sala", "vista", "casacion", "rn")
    ponente = director = president = None
    if n_judges > 1:
        president = rng.randrange(n_judges) if variant != "casacion" else 0
        if variant in ("colegiado", "vista"):
            director = rng.randrange(n_judges)
        if variant == "colegiado":
            ponente = director if rng.random() < 0.6 else None
        elif variant == "vista":
            ponente = rng.randrange(n_judges) if rng.random() < 0.75 else None
        else:
            ponente = rng.randrange(n_judges)

    # prosecutor
    if supreme:
        fiscal_office = "Fiscalía Suprema en lo Penal"
    elif variant == "vista":
        fiscal_office = rng.choice((f"Fiscalía Superior Penal de Apelaciones de {district.name}",
                                    f"Primera Fiscalía Superior Penal de {district.name}"))
    elif variant == "sala":
        fiscal_office = rng.choice((f"Fiscalía Superior Mixta de {seat_name}",
                                    f"Primera Fiscalía Superior Penal de {district.name}"))
    elif variant == "sumario":
        fiscal_office = rng.choice((f"Fiscalía Provincial Penal de {seat_name}",
                                    f"Fiscalía Provincial Mixta de {seat_name}",
                                    f"Segunda Fiscalía Provincial Penal de {seat_name}"))
    else:
        template = vocab.PROSECUTOR_OFFICES.get(family, vocab.PROSECUTOR_OFFICES["default"])
        fiscal_office = template.format(district=district.name, seat=seat_name)
    fiscal = people() if rng.random() < (0.4 if supreme else 0.9) else None
    procuraduria = vocab.PROCURADURIAS.get(family) if state_victim else None

    # case number
    filing = (timeline.dates.get("formalizacion") or timeline.dates.get("apertura_instruccion")
              or timeline.dates.get("denuncia") or timeline.start)
    incident = 0 if variant in ("unipersonal", "colegiado", "sala", "sumario") and rng.random() < 0.6 \
        else rng.randint(1, 99)
    organ = "SP" if variant in ("sala", "rn") and rng.random() < 0.4 else "JR"
    expediente = _expediente(rng, district, seat, filing.year, incident, organ)
    if supreme:
        filed = timeline.dates.get("casacion") or timeline.dates.get("recurso_nulidad") \
            or timeline.dates["sentencia_primera"]
        year = filed.year + (1 if rng.random() < 0.3 and filed.year < timeline.resolution.year else 0)
        raw, norm, kind = _supreme_number(rng, variant, district, year)
    else:
        raw, norm, kind = expediente, expediente, CaseNumberKind.EXPEDIENTE
    return court_facts(rng, people, seat=seat, city=city, name=name, level=level, lower_court=lower_court,
                       appeal_court=appeal_court, judges=judges, full=full, ponente=ponente, director=director,
                       president=president, fiscal=fiscal, fiscal_office=fiscal_office, procuraduria=procuraduria,
                       actor_civil_odds=0.5, supreme=supreme, number=(raw, norm, kind), expediente=expediente,
                       resolution_max=35)


def court_facts(rng: random.Random, people, *, seat: str, city: str, name: str, level: CourtLevel,
                lower_court: str | None, appeal_court: str | None, judges: list, full: bool,
                ponente: int | None, director: int | None, president: int | None, fiscal,
                fiscal_office: str, procuraduria: str | None, actor_civil_odds: float, supreme: bool,
                number: tuple, expediente: str, resolution_max: int, actor_civil_possible: bool = True,
                **extra) -> dict:
    """The court's part of a case as ``Case`` takes it, for both generators (``court`` here
    and ``newcase``). It draws, in this order, whether the procuraduría is actor civil (only
    when there is one), the especialista (none at the Supreme Court) and the resolution's
    number: the order keeps every seed's documents byte for byte."""
    raw, norm, kind = number
    return dict(
        seat=seat, city=city, court_name=latin1(name), level=level,
        lower_court=latin1(lower_court) if lower_court else None,
        appeal_court=latin1(appeal_court) if appeal_court else None,
        judges=judges, judges_full=full, ponente=ponente, director=director, president=president,
        fiscal=fiscal, fiscal_office=latin1(fiscal_office), procuraduria=procuraduria,
        actor_civil=procuraduria is not None and rng.random() < actor_civil_odds and actor_civil_possible,
        especialista=None if supreme else people(),
        number_raw=latin1(raw), number_norm=norm, number_kind=kind, expediente=expediente,
        resolution_no=rng.randint(2, resolution_max), **extra,
    )


def _ap_year(number: str) -> int:
    return int(number.split("/")[0].split("-")[1])


def acuerdo_citation(rng: random.Random, number: str) -> Citation:
    extra = "Extraordinario " if number.startswith("Extraordinario ") else ""
    bare = number.removeprefix("Extraordinario ")
    raw = rng.choice(vocab.AP_RAW).format(n=bare).replace("Plenario ", f"Plenario {extra}", 1)
    return Citation(kind=CitationKind.ACUERDO_PLENARIO, raw=raw, normalized=f"acuerdo_plenario {bare}")


def precedent(rng: random.Random, kind: CitationKind, year_max: int) -> Citation | None:
    """An invented Casación, R.N. or TC ruling decided before ``year_max``."""
    district = rng.choice(DISTRICTS).name
    if kind == CitationKind.CASACION and year_max > 2010:
        n = f"{rng.randint(20, 2999)}-{rng.randint(2010, year_max - 1)}"
        return Citation(kind=kind, raw=rng.choice(vocab.CASACION_RAW).format(n=n, d=district),
                        normalized=f"casacion {n}")
    if kind == CitationKind.RECURSO_NULIDAD and year_max > 2003:
        n = f"{rng.randint(100, 4200)}-{rng.randint(2002, year_max - 1)}"
        return Citation(kind=kind, raw=rng.choice(vocab.RN_RAW).format(n=n, d=district),
                        normalized=f"recurso_nulidad {n}")
    if kind == CitationKind.TRIBUNAL_CONSTITUCIONAL and year_max > 2003:
        n = (f"{rng.randint(100, 9999):05d}-{rng.randint(2002, year_max - 1)}-"
             f"{rng.choice(('PHC', 'PHC', 'PA', 'AA'))}/TC")
        return Citation(kind=kind, raw=rng.choice(vocab.TC_RAW).format(n=n),
                        normalized=f"tribunal_constitucional {n}")
    return None


def citation_topics(case) -> list[str]:
    topics = []
    crime = case.charges[0].crime.key
    family = case.family
    if family == "trata":
        topics.append("trata")
    if family == "sexual" or crime in ("explotacion_sexual",):
        topics.append("sexual")
    if crime == "lavado_de_activos":
        topics.append("lavado")
    if crime == "feminicidio":
        topics.append("feminicidio")
    topics += {"terminacion": ["terminacion"], "prision": ["prision"],
               "sobreseimiento": ["acusacion", "imputacion"]}.get(case.variant, [])
    if case.timeline.plan == "inmediato":
        topics.append("inmediato")
    if case.early is not None and case.early.value == "conclusion_anticipada":
        topics.append("conformidad")
    topics += ["testimonio", "reparacion", "pena"]
    return topics


def draw_citations(rng: random.Random, case, *, short: bool) -> list[Citation]:
    year = case.timeline.resolution.year
    numbers = [n for t in citation_topics(case) for n in vocab.ACUERDOS[t]]
    numbers = [n for n in dict.fromkeys(numbers) if _ap_year(n.removeprefix("Extraordinario ")) < year]
    wanted = rng.randint(1, 2 if short else 3)
    # the topic-specific acuerdos come first in ``numbers``; keep most of them
    chosen = [n for n in numbers[:2] if rng.random() < 0.8][:wanted]
    rest = [n for n in numbers if n not in chosen]
    chosen += rng.sample(rest, min(len(rest), wanted - len(chosen)))
    cites = [acuerdo_citation(rng, n) for n in chosen]
    for kind, share in ((CitationKind.CASACION, 0.6), (CitationKind.CASACION, 0.25),
                        (CitationKind.RECURSO_NULIDAD, 0.3), (CitationKind.TRIBUNAL_CONSTITUCIONAL, 0.2)):
        if rng.random() < share * (0.6 if short else 1.0):
            cite = precedent(rng, kind, year)
            if cite and cite.normalized not in {c.normalized for c in cites} | {case.number_norm}:
                cites.append(cite)
    return cites
