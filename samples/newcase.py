"""Cases of the formats in formats.py: who decides, the numbers, the people, the outcome.

Legal conventions (NCPP): an appeal reaches the Corte Suprema from the first-instance autos of
a Juzgado Superior de Investigación Preparatoria in officials' crimes (arts. 450, 454); the
queja de derecho attacks the Sala Superior's refusal of a casación (art. 437); the
calificación admits a casación ("bien concedido") or rejects it (art. 428, 430.6); a Sala de
Apelaciones confirms or revokes the autos of the Juzgado de IP per appellant (arts. 278, 284,
347, 468); the control de legalidad de la detención follows an arrest in flagrancia (art. 264);
the auto de enjuiciamiento sends an accusation to trial (art. 353). Truth conventions:
../shared/corpus/wild2/README.md.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from samples import courts, decide, formats, vocab
from samples.case import _charge, _pick_crime, _possible, _victims
from samples.model import Case, Defendant, People, Sentence
from samples.spanish import latin1
from samples.timeline import draw_timeline
from extractors.data.crimes import BY_KEY
from extractors.data.districts import BY_NAME
from schemas import CaseNumberKind, CourtLevel, DocKind, EarlyTermination, ProceduralCode
from schemas import OutcomeKind as O

SUPREME = {"apelacion_suprema", "queja", "calificacion"}
OFFICIALS_CRIMES = ("cohecho_pasivo", "peculado", "colusion")  # delitos de función of jueces and fiscales
NATIONAL_CRIMES = {"5001": ("organizacion_criminal", "organizacion_criminal", "lavado_de_activos"),
                   "5002": ("colusion", "peculado", "cohecho_pasivo")}
NATIONAL_SECOND = ("extorsion", "trafico_ilicito_drogas", "lavado_de_activos")
KINDS = {"apelacion_suprema": DocKind.AUTO, "queja": DocKind.QUEJA, "calificacion": DocKind.CASACION,
         "auto_vista": DocKind.AUTO, "control_detencion": DocKind.AUTO, "enjuiciamiento": DocKind.AUTO,
         "colegiado": DocKind.SENTENCIA, "prision": DocKind.AUTO}
_ORD = ("", "", "Primer ", "Segundo ", "Tercer ")


def _crime(rng: random.Random, variant: str, district: str, start: date, seat: str | None):
    if seat in NATIONAL_CRIMES:
        return BY_KEY[rng.choice(NATIONAL_CRIMES[seat])]
    keys = {"apelacion_suprema": OFFICIALS_CRIMES, "control_detencion": tuple(vocab.FLAGRANCIA_CRIMES)}.get(variant)
    if keys:
        pool = [BY_KEY[k] for k in sorted(keys) if _possible(BY_KEY[k], district, False, start, variant)]
        return rng.choices(pool, weights=[c.weight for c in pool])[0]
    return _pick_crime(rng, district, False, start, variant)


def _supreme_number(rng: random.Random, variant: str, district: str, year: int, padded: bool):
    corr = rng.randint(20, 2900)
    n = f"{corr}-{year}"
    d = district.upper() if rng.random() < 0.75 else district
    if variant == "calificacion":
        shown = f"{corr:06d}-{year}" if padded else n
        raw = rng.choice((f"CASACIÓN N.° {shown}/{d}", f"CASACIÓN N.° {shown}", f"Casación N° {shown}, {d}",
                          f"CASACIÓN N.° {shown}, {d}"))
        return raw, f"casacion {n}", CaseNumberKind.CASACION
    if variant == "queja":
        raw = rng.choice((f"QUEJA N.° {n}/{d}", f"RECURSO DE QUEJA N.° {n}/{d}", f"QUEJA N.° {n}, {d}",
                          f"RECURSO DE QUEJA N.° {n}", f"QUEJA N.° {n}"))
        return raw, f"queja {n}", CaseNumberKind.QUEJA
    raw = rng.choice((f"APELACIÓN N.° {n}/{d}", f"RECURSO DE APELACIÓN N.° {n}/{d}", f"APELACIÓN N.° {n}, {d}",
                      f"APELACIÓN N.° {n}", f"Apelación N.° {n}/{d}"))
    return raw, f"apelacion {n}", CaseNumberKind.APELACION


def _court(rng: random.Random, case_args: dict, variant: str, district, seat: str | None, people: People,
           timeline, family: str, national: bool, padded: bool) -> dict:
    seat_name = latin1(district.seats[seat]) if seat else district.name
    csj = courts.superior_court(district, timeline.resolution.year)
    year = timeline.resolution.year
    lower_court = appeal_court = lower_judge = None
    fiscal, office_is_fiscal = None, False
    sub = vocab.NATIONAL_SUBSYSTEMS.get(seat, "")
    if variant in SUPREME:
        name, level, city = rng.choice(vocab.SUPREME_CHAMBERS), CourtLevel.CORTE_SUPREMA, "Lima"
        if variant == "apelacion_suprema":
            lower_court = rng.choice((f"Juzgado Superior de Investigación Preparatoria de la {csj}",
                                      f"Juzgado Superior de Investigación Preparatoria Especializado en Delitos "
                                      f"de Corrupción de Funcionarios de la {csj}"))
            lower_judge = people()
            office = rng.choice(("Fiscalía Suprema en lo Penal", "Segunda Fiscalía Suprema en lo Penal",
                                 "Fiscalía Suprema Transitoria Especializada en Delitos Cometidos por "
                                 "Funcionarios Públicos"))
            fiscal = people() if rng.random() < 0.6 else None
        else:
            lower_court = courts._first_instance(rng, rng.choice(("unipersonal", "colegiado")), seat_name, csj)
            appeal_court = courts._first_instance(rng, "vista", seat_name, csj)
            template = vocab.PROSECUTOR_OFFICES.get(family, vocab.PROSECUTOR_OFFICES["default"])
            office = template.format(district=district.name, seat=seat_name)
            fiscal = people() if rng.random() < 0.35 else None
        n_judges = 5
    elif variant == "auto_vista":
        name = (rng.choice(vocab.NATIONAL_ORGANS["auto_vista"]).format(o=rng.choice(("", "Primera ", "Segunda ")),
                                                                       s=sub)
                if national else courts._first_instance(rng, "vista", seat_name, csj))
        level, city = CourtLevel.CORTE_SUPERIOR, vocab.SEAT_CITY[seat]
        lower_court = (rng.choice(vocab.NATIONAL_ORGANS["prision"]).format(o=rng.choice(_ORD), s=sub)
                       if national else courts._first_instance(rng, "jip", seat_name, csj))
        lower_judge = people()
        office = (f"{rng.choice(('Primera ', 'Segunda ', ''))}Fiscalía Superior Nacional Especializada contra la "
                  f"Criminalidad Organizada" if national else
                  rng.choice((f"Segunda Fiscalía Superior Penal de {district.name}",
                              f"Fiscalía Superior Penal de Apelaciones de {seat_name}",
                              f"Primera Fiscalía Superior Penal de {seat_name}")))
        fiscal = people() if rng.random() < 0.6 else None
        n_judges = 3
    else:  # juzgados: control de detención, enjuiciamiento, national colegiado and prisión
        level, city = CourtLevel.JUZGADO, vocab.SEAT_CITY[seat]
        o = rng.choice(_ORD)
        if national:
            name = rng.choice(vocab.NATIONAL_ORGANS[variant]).format(o=o, s=sub)
            office = vocab.NATIONAL_FISCALIAS[seat]
        else:
            template = vocab.PROSECUTOR_OFFICES.get(family, vocab.PROSECUTOR_OFFICES["default"])
            office = template.format(district=district.name, seat=seat_name)
            if variant == "control_detencion":
                form = next(f for since, f in vocab.FLAGRANCIA_COURTS if year >= since)
                name = form.format(o=o, seat=seat_name)
                office = f"Fiscalía Provincial Penal de Flagrancia de {seat_name}" if year >= 2022 else office
            else:
                name = courts._first_instance(rng, "jip", seat_name, csj)
                lower_court = courts._first_instance(rng, rng.choice(("unipersonal", "colegiado")), seat_name, csj)
        fiscal = people() if rng.random() < (0.8 if variant != "colegiado" else 0.95) else None
        n_judges = 3 if variant == "colegiado" else 1
    office_is_fiscal = fiscal is None
    judges = [people() for _ in range(n_judges)]
    full = n_judges == 1 or variant == "colegiado"
    ponente = director = president = None
    if n_judges > 1:
        president = 0 if variant in SUPREME else rng.randrange(n_judges)
        if variant == "colegiado":
            director = rng.randrange(n_judges)
            ponente = director if rng.random() < 0.6 else None
        else:
            ponente = rng.randrange(n_judges) if variant in SUPREME or rng.random() < 0.75 else None
    procuraduria = vocab.PROCURADURIAS.get(family) if case_args["victims"][0].estado else None
    filing = timeline.dates.get("formalizacion") or timeline.dates.get("denuncia") or timeline.start
    incident = 0 if variant == "colegiado" and rng.random() < 0.6 else rng.randint(1, 99)
    organ = "SP" if variant == "auto_vista" and rng.random() < 0.2 else "JR"
    expediente = courts._expediente(rng, district, seat, filing.year, incident, organ)
    if variant in SUPREME:
        filed = timeline.dates.get("casacion") or timeline.dates.get("apelacion") or timeline.dates["x_auto"]
        raw, norm, kind = _supreme_number(rng, variant, district.name, filed.year + (rng.random() < 0.3), padded)
    else:
        raw, norm, kind = expediente, expediente, CaseNumberKind.EXPEDIENTE
    return courts.court_facts(
        rng, people, seat=seat, city=city, name=name, level=level, lower_court=lower_court,
        appeal_court=appeal_court, judges=judges, full=full, ponente=ponente, director=director,
        president=president, fiscal=fiscal, fiscal_office=office, procuraduria=procuraduria, actor_civil_odds=0.6,
        actor_civil_possible=variant not in SUPREME | {"control_detencion"}, supreme=variant in SUPREME,
        number=(raw, norm, kind), expediente=expediente, resolution_max=25,
        office_is_fiscal=office_is_fiscal, lower_judge=lower_judge)


def company(rng: random.Random) -> str:
    stem = rng.choice(vocab.COMPANY_STEMS).format(w=rng.choice(vocab.COMPANY_WORDS))
    return latin1(f"{stem} {rng.choice(vocab.COMPANY_FORMS)}")


def _decide(rng: random.Random, case: Case) -> None:
    """Outcomes of the new formats, per defendant (penalties only when imposed here)."""
    v, key = case.variant, case.charges[0].crime.key
    ds = case.defendants
    rolls = decide._rolls(rng, len(ds))
    if v == "apelacion_suprema":
        case.subject = rng.choice(("excepcion", "excepcion", "prision", "prescripcion"))
        case.recurrent = "fiscal" if case.subject == "prescripcion" else "defensa"
        for d, r in zip(ds, rolls):
            d.outcome = O.CONFIRMA if r < 0.65 else O.REVOCA
    elif v == "queja":
        fundada = rng.random() < 0.2
        for i, d in enumerate(ds):
            d.lower, d.lower_penalty = "condena", decide.sentence(rng, key)
            if i and rng.random() < 0.5:
                continue  # a co-defendant who did not complain: named, no outcome here
            d.outcome = O.QUEJA_FUNDADA if fundada else O.QUEJA_INFUNDADA
    elif v == "calificacion":
        kind = rng.choices((O.BIEN_CONCEDIDO, O.CASACION_INADMISIBLE, O.CASACION_IMPROCEDENTE),
                           weights=(0.45, 0.4, 0.15))[0]
        for d in ds:
            d.lower, d.lower_penalty, d.outcome = "condena", decide.sentence(rng, key), kind
    elif v == "auto_vista":
        national = case.district.name == "Nacional"
        case.subject = rng.choices(("prision", "cese", "sobreseimiento", "terminacion"),
                                   weights=(4, 1.5, 0 if national else 2, 0 if national else 2.5))[0]
        case.recurrent = "agraviado" if case.subject == "sobreseimiento" else "defensa"
        for d, r in zip(ds, rolls):
            d.outcome = O.CONFIRMA if r < 0.6 else O.REVOCA
            if len(ds) > 2 and rng.random() < 0.12:
                d.outcome, d.detail = O.IMPROCEDENTE, "extemporaneo"
            if case.subject == "terminacion" and d.outcome == O.REVOCA:  # the Sala approves the deal
                d.penalty = decide.reduced(decide.sentence(rng, key), 1 / 6, rng)
                case.early = EarlyTermination.TERMINACION_ANTICIPADA
        decide._solidary(rng, case.decided)
    elif v == "control_detencion":
        for d in ds:
            d.outcome = O.DETENCION_LEGAL if rng.random() < 0.85 else O.DETENCION_ILEGAL
    elif v == "enjuiciamiento":
        for d in ds:
            d.outcome = O.AUTO_ENJUICIAMIENTO
            d.lower_penalty = decide.sentence(rng, key)  # what the fiscal asks for: not imposed
    else:
        decide.decide(rng, case)


def build(rng: random.Random, fmt: random.Random, name: str, length: str) -> Case:
    """A case of format ``name`` (a key of ``formats.SHARES``)."""
    people = People(rng)
    national = name == "nacional"
    variant = formats.national_variant(fmt) if national else name
    plan = variant
    district, seat = None, None
    if national:
        district = BY_NAME["Nacional"]
        seat = rng.choice(("5001", "5001", "5002"))
    district, timeline = draw_timeline(rng, plan, district=district,
                                       since=date(2014, 1, 1) if national else None)
    if variant == "control_detencion":
        timeline.hechos = timeline.hechos[-1:]  # the arrest in flagrancia
    if seat is None and district.seats:
        seats = sorted(district.seats)
        if variant == "auto_vista":
            seats = [s for s in seats if s in vocab.SALA_SEATS] or seats
        seat = rng.choice(seats)
    crime = _crime(rng, variant, district.name, timeline.start, seat)
    charges = [_charge(rng, crime, timeline.start)]
    if national and crime.key == "organizacion_criminal" and rng.random() < 0.6:
        charges.append(_charge(rng, BY_KEY[rng.choice(NATIONAL_SECOND)], timeline.start))
    victims = _victims(rng, crime, people)
    n_def = {"colegiado": rng.randint(4, 10) if national else 2, "control_detencion": rng.choice((1, 1, 1, 2)),
             "apelacion_suprema": rng.choice((1, 1, 2)), "auto_vista": rng.choice((1, 1, 2, 3, 4, 6))}.get(
        variant, rng.choice((1, 1, 2, 3)))
    if length == "short":
        n_def = min(n_def, 3)
    defendants = [Defendant(people(), rng.choice(("autor", "autor", "coautor", "cómplice primario")),
                            people(), rng.random() < 0.3) for _ in range(n_def)]
    if national and variant == "colegiado":
        nicks = rng.sample(vocab.NICKNAMES, n_def)
        for d, nick in zip(defendants, nicks):
            d.nickname, d.dni = nick, str(rng.randint(40000000, 76999999))
    padded = variant == "calificacion" and fmt.random() < 0.5
    args = dict(victims=victims)
    court = _court(rng, args, variant, district, seat, people, timeline, crime.family, national, padded)
    witnesses = [people() for _ in range(rng.randint(2, 4))] if variant == "enjuiciamiento" else []
    case = Case(kind=KINDS[variant], variant=variant, code=ProceduralCode.NCPP, district=district,
                charges=charges, defendants=defendants, victims=victims, witnesses=witnesses,
                timeline=timeline, **court)
    _decide(rng, case)
    if crime.family in ("mineria", "ambiental", "corrupcion") and variant in ("enjuiciamiento", "colegiado") \
            and rng.random() < 0.4:
        case.companies = [company(rng)]
    if length == "full" and variant not in ("control_detencion",):
        case.citations = courts.draw_citations(rng, case, short=False)
        case.furniture = (variant in ("auto_vista", "colegiado") or variant in SUPREME) and rng.random() < 0.25
    case.look = formats.look(fmt, supreme=variant in SUPREME, superior=variant == "auto_vista",
                             casacion=False, year=case.timeline.resolution.year)
    if padded:
        case.look = replace(case.look, padded=True)
    return case


__all__ = ["build", "company", "SUPREME", "Sentence"]
