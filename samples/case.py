"""A random court case, and its ground truth as a ``schemas.Ruling``.

``build_case`` draws everything a ruling states (court, people, dates, charges, outcome,
penalties, citations) from the project's data tables; ``compose`` writes it as text and
``to_ruling`` states the truth. Truth conventions: ../shared/corpus/wild/README.md.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from samples import courts, decide, formats
from samples.model import Case, ChargeText, Defendant, Look, People, Victim
from samples.spanish import initials, latin1
from samples.timeline import draw_timeline
from samples.vocab import FOREST_DISTRICTS, MINING_DISTRICTS
from extractors.data.crimes import BY_KEY, CRIMES, Crime, crime_of_label
from extractors.data.districts import code_in_force
from schemas import (
    CaseNumber,
    Charge,
    Court,
    CourtLevel,
    DefendantOutcome,
    DocKind,
    Event,
    EventKind,
    Outcome,
    OutcomeKind,
    Party,
    Penalty,
    ProceduralCode,
    Redaction,
    Role,
    Ruling,
)

STATE_VICTIM_FAMILIES = {"mineria", "ambiental", "drogas", "corrupcion", "crimen_organizado", "seguridad"}
LEY_31146 = date(2021, 3, 31)  # trafficking articles renumbered (129-A ff.), domain.md
LEY_30838 = date(2018, 8, 4)  # "actos contra el pudor" renamed "tocamientos, actos de connotación sexual ..."
ANONYMOUS_ACCUSED_SHARE = 0.06  # the accused named only by initials (domain.md, "Parties")
# Crimes of the old code's proceso sumario (D. Leg. 124, Ley 26689): the lighter ones.
SUMARIO_CRIMES = {"hurto_agravado", "hurto_simple", "usurpacion", "usurpacion_agravada",
                  "apropiacion_ilicita", "estafa", "lesiones_graves", "lesiones_leves",
                  "omision_asistencia_familiar", "actos_contra_el_pudor", "actos_contra_el_pudor_menor",
                  "tenencia_ilegal_armas", "trafico_fauna_silvestre",
                  "trafico_productos_forestales_maderables", "peculado"}
# Crimes where the prosecutor may ask the judge to dismiss on principio de oportunidad or
# acuerdo reparatorio (NCPP art. 2.1 and 2.6).
OPORTUNIDAD_CRIMES = {"lesiones_leves", "hurto_simple", "apropiacion_ilicita", "estafa",
                      "omision_asistencia_familiar"}
KIND_WEIGHTS = {"sentencia": 0.34, "sentencia_vista": 0.21, "casacion": 0.13,
                "recurso_nulidad": 0.10, "auto": 0.22}
LEAK_SHARE = 0.10  # documents with protected victims that also spell one victim's name

# When each crime entered the Código Penal with the articles the taxonomy gives (approximate
# publication dates of Ley 28950 (trata, 2007), Ley 29263 (delitos ambientales, 2008),
# DL 1102 (minería ilegal, 2012), DL 1106 (lavado, 2012), Ley 30068 (feminicidio, 2013),
# Ley 30077 (organización criminal, 2013), DL 1323 (explotación sexual, trabajo forzoso, 2017)).
CRIME_SINCE = {
    "trata_de_personas_agravada": date(2007, 1, 16), "trata_de_personas": date(2007, 1, 16),
    "trafico_fauna_silvestre": date(2008, 10, 2), "trafico_productos_forestales_maderables": date(2008, 10, 2),
    "mineria_ilegal": date(2012, 2, 29), "mineria_ilegal_agravada": date(2012, 2, 29),
    "lavado_de_activos": date(2012, 4, 19), "feminicidio": date(2013, 7, 18),
    "organizacion_criminal": date(2013, 8, 20), "explotacion_sexual": date(2017, 1, 6),
    "trabajo_forzoso": date(2017, 1, 6),
}


def _pick_kind(rng: random.Random) -> tuple[DocKind, str, str]:
    """Doc kind, court variant and timeline plan."""
    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    if kind == "sentencia":
        roll = rng.random()
        variant = "sala" if roll < 0.2 else "sumario" if roll < 0.3 else rng.choice(
            ("unipersonal", "unipersonal", "colegiado"))
    elif kind == "auto":
        variant = rng.choices(("sobreseimiento", "prision", "terminacion", "oportunidad"),
                              weights=(3, 3.5, 3.5, 2))[0]
    else:
        variant = {"sentencia_vista": "vista", "casacion": "casacion", "recurso_nulidad": "rn"}[kind]
    plan = "inmediato" if variant == "unipersonal" and rng.random() < 0.15 else variant
    return DocKind(kind), variant, plan


def _possible(crime: Crime, district: str, old_code: bool, start: date, plan: str) -> bool:
    if start < CRIME_SINCE.get(crime.key, date(1991, 4, 8)):
        return False
    if old_code and start.year >= 2011 and crime.family in ("corrupcion", "crimen_organizado"):
        return False  # moved to the NCPP nationwide (Ley 29648/29574, Ley 30077: domain.md)
    if plan == "inmediato" and crime.family in ("trata", "crimen_organizado", "corrupcion"):
        return False
    if plan == "sumario" and crime.key not in SUMARIO_CRIMES:
        return False
    if plan == "oportunidad" and crime.key not in OPORTUNIDAD_CRIMES:
        return False
    if (crime.family == "mineria" or crime.key == "trabajo_forzoso") and district not in MINING_DISTRICTS:
        return False
    return not (crime.key == "trafico_productos_forestales_maderables" and district not in FOREST_DISTRICTS)


def _pick_crime(rng: random.Random, district: str, old_code: bool, start: date, plan: str) -> Crime:
    """A crime from the taxonomy, by weight, among those possible for the place and date."""
    pool = [c for c in CRIMES if _possible(c, district, old_code, start, plan)]
    return rng.choices(pool, weights=[c.weight for c in pool])[0]


def _charge(rng: random.Random, crime: Crime, start: date) -> ChargeText:
    articles = list(crime.other_articles if crime.other_articles and start >= LEY_31146
                    else crime.articles)
    labels = crime.sample_labels
    if crime.key.startswith("actos_contra_el_pudor"):  # the name in force at the time of the facts
        labels = labels[:1] if start >= LEY_30838 else labels[1:]
    return ChargeText(crime, latin1(rng.choice(labels)), articles)


def _victims(rng: random.Random, crime: Crime, people: People) -> list[Victim]:
    if crime.family in STATE_VICTIM_FAMILIES:
        return [Victim("Estado", estado=True)]
    if not crime.protected_victims:
        person = people(female=True if crime.key == "feminicidio" else None)
        return [Victim(person.full, person)]
    victims, style = [], rng.choice(("compact", "compact", "compact", "spaced", "double"))
    many = rng.choice((1, 1, 1, 2, 2, 3)) if crime.family == "trata" else rng.choice((1, 1, 1, 2)) \
        if crime.family == "familia" else 1
    for _ in range(many):
        person = people(female=crime.family == "sexual" or rng.random() < (0.85 if crime.family == "trata" else 0.5))
        minor = crime.key in ("violacion_sexual_menor", "actos_contra_el_pudor_menor") \
            or crime.family == "familia" or rng.random() < 0.45
        if rng.random() < 0.15:
            label = f"clave {rng.randint(10, 999)}-{rng.randint(2008, 2023)}"
        else:
            label = initials(person.first.split()[:1] + [person.paternal, person.maternal], style)
        if label not in {v.label for v in victims}:
            victims.append(Victim(label, person, protected=True, minor=minor))
    return victims


def build_case(rng: random.Random, *, length: str = "full", fmt: random.Random | None = None) -> Case:
    """A random case: kind, district, code, dates, people, charges, outcomes, citations.

    ``fmt`` is the document's format stream (formats.py): it may give the document one of
    the real-court formats of wild2 instead of the original kinds, or their page furniture."""
    if fmt is not None and (name := formats.pick(fmt, length)):
        from samples import newcase  # imports this module's helpers
        return newcase.build(rng, fmt, name, length)
    people = People(rng)
    kind, variant, plan = _pick_kind(rng)
    district, timeline = draw_timeline(rng, plan)
    code = ProceduralCode(code_in_force(district.name, timeline.start))
    crime = _pick_crime(rng, district.name, code == ProceduralCode.CDEPP1940, timeline.start, plan)
    charges = [_charge(rng, crime, timeline.start)]
    if crime.family in ("trata", "mineria", "drogas") and timeline.start.year >= 2014 and length == "full" \
            and plan != "inmediato" and rng.random() < 0.08:
        charges.append(_charge(rng, BY_KEY["organizacion_criminal"], timeline.start))
    victims = _victims(rng, crime, people)
    protected = [v for v in victims if v.protected]
    if protected and rng.random() < LEAK_SHARE:
        rng.choice(protected).leak = True

    court = courts.draw_court(rng, variant, district, people, timeline, crime.family,
                              victims[0].estado)
    n_def = {"full": rng.choice((1, 1, 1, 2, 2, 3)), "short": rng.choice((1, 1, 1, 2)), "brief": 1}[length]
    if variant in ("oportunidad", "sumario") or crime.family == "familia":
        n_def = 1 if length == "brief" or rng.random() < 0.8 else 2
    defendants = [Defendant(people(), rng.choice(("autor", "autor", "coautor", "cómplice primario")),
                            people(), rng.random() < 0.3) for _ in range(n_def)]
    if rng.random() < ANONYMOUS_ACCUSED_SHARE:  # a publisher or court that anonymises the accused
        style = rng.choice(("compact", "spaced"))
        for d in defendants:
            p = d.person
            alias = initials(p.first.split() + [p.paternal, p.maternal], style)
            d.person = replace(p, alias=alias)
    witnesses = [people()] if variant in ("unipersonal", "colegiado", "sala", "sumario", "vista") \
        and rng.random() < 0.35 else []
    case = Case(kind=kind, variant=variant, code=code, district=district, charges=charges,
                defendants=defendants, victims=victims, witnesses=witnesses, timeline=timeline,
                **court)
    decide.decide(rng, case)
    if length != "brief":  # one-page scans: no precedents, no web page around them
        case.citations = courts.draw_citations(rng, case, short=length == "short")
        case.furniture = rng.random() < 0.25
    case.truncated = (case.furniture and case.level == CourtLevel.CORTE_SUPREMA
                      and len({d.outcome for d in case.decided}) == 1 and rng.random() < 0.35)
    if case.truncated:  # a web excerpt: decision only in the sumilla, only the ponente named
        case.judges = [case.judges[case.ponente]]
        case.ponente, case.president = 0, None
    case.redactions = [Redaction(text=v.person.full, replacement=v.label) for v in victims if v.leak]
    case.look = formats.look(fmt, supreme=case.level == CourtLevel.CORTE_SUPREMA, superior=False,
                             casacion=variant == "casacion", year=case.timeline.resolution.year) if fmt is not None else Look()
    if case.look.padded:  # the Corte Suprema's six-digit docket numbers: "CASACIÓN N.° 001874-2022"
        corr, year = case.number_norm.split()[1].split("-")
        case.number_raw = case.number_raw.replace(f"{corr}-{year}", f"{int(corr):06d}-{year}", 1)
    return case


def to_ruling(case: Case) -> Ruling:
    """The ground truth of ``case`` as the public ``Ruling`` record."""
    parties = []
    for i in range(len(case.judges)):
        parties.append(Party(name=case.judge_name(i), role=Role.JUEZ))
        if i == case.ponente:
            parties.append(Party(name=case.judge_name(i), role=Role.PONENTE))
    if case.fiscal:
        parties.append(Party(name=case.fiscal.full, role=Role.FISCAL))
    elif case.office_is_fiscal:  # no prosecutor person named: the acting office (wild2 README)
        parties.append(Party(name=case.fiscal_office, role=Role.FISCAL))
    parties += [Party(name=d.person.full, role=Role.IMPUTADO) for d in case.defendants]
    parties += [Party(name=v.label, role=Role.AGRAVIADO, protected=v.protected) for v in case.victims]
    parties += [Party(name=name, role=Role.DEFENSA)
                for name in dict.fromkeys(d.lawyer.full for d in case.defendants)]
    if case.actor_civil:
        parties.append(Party(name=case.procuraduria, role=Role.ACTOR_CIVIL))
    parties += [Party(name=w.full, role=Role.TERCERO) for w in case.witnesses]
    parties += [Party(name=name, role=Role.TERCERO) for name in case.companies]

    decided = case.decided
    kinds = [d.outcome for d in decided]
    penalties = []
    for d in decided if not case.truncated else ():
        if (s := d.penalty) is not None:
            penalties.append(Penalty(
                defendant=d.person.full, prison_years=s.prison_years,
                effective=s.effective if s.prison_years else None,
                probation_years=float(s.probation) if s.probation else None,
                dias_multa=s.dias_multa, reparacion_civil_soles=s.reparacion))
    return Ruling(
        doc_kind=case.kind,
        case_numbers=[CaseNumber(raw=case.number_raw, normalized=case.number_norm,
                                 kind=case.number_kind, district=case.district.name)],
        court=Court(name=case.court_name, level=case.level,
                    district=None if case.level == CourtLevel.CORTE_SUPREMA else case.district.name),
        resolution_date=case.timeline.resolution,
        place=case.city,
        parties=parties,
        # the truth key is the crime the written label names ("colusión agravada" is colusion_agravada)
        charges=[Charge(crime=(crime_of_label(c.label) or c.crime).key, label=c.label, articles=c.articles)
                 for c in case.charges],
        outcome=Outcome(kind=kinds[0] if len(set(kinds)) == 1 else OutcomeKind.MIXTO,
                        by_defendant=[DefendantOutcome(name=d.person.full, kind=d.outcome)
                                      for d in decided]),
        penalties=penalties,
        events=[Event(kind=EventKind(k), date=d) for k, d in case.timeline.events()],
        procedural_code=case.code,
        early_termination=case.early,
        citations=case.citations,
        redactions=case.redactions,
        language="es",
        extractor_version=None,
    )


def lower_decisions_truth(case: Case) -> list[dict]:
    """The lower decisions the generated ruling recites (``Ruling`` has no field for them yet):
    ``instance`` ("primera_instancia" / "apelacion"), ``court``, ``kind`` and ``date``."""
    dates = case.timeline.dates
    lower = case.defendants[0].lower
    if case.variant == "vista":
        return [{"instance": "primera_instancia", "court": case.lower_court, "kind": lower,
                 "date": dates["sentencia_primera"]}]
    if case.variant == "casacion":
        return [{"instance": "apelacion", "court": case.appeal_court,
                 "kind": "confirma" if lower == "condena" else "revoca", "date": dates["sentencia_vista"]},
                {"instance": "primera_instancia", "court": case.lower_court, "kind": "condena",
                 "date": dates["sentencia_primera"]}]
    if case.variant == "rn":
        return [{"instance": "primera_instancia", "court": case.lower_court, "kind": lower,
                 "date": dates["sentencia_primera"]}]
    return []


def inhabilitacion_truth(case: Case) -> list[dict]:
    """Inhabilitación this decision imposes or confirms, per defendant (``Penalty`` has no
    field for it yet): ``years`` (None when the text gives no length) and ``incisos``."""
    if case.truncated:
        return []
    out = []
    for d in case.decided:
        s = d.penalty
        if s is not None and (s.inhab_months or s.inhab_incisos):
            out.append({"defendant": d.person.full,
                        "years": round(s.inhab_months / 12, 4) if s.inhab_months else None,
                        "incisos": tuple(s.inhab_incisos)})
    return out
