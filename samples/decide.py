"""How a generated case ends: per-defendant outcomes, penalties, early-termination mechanisms.

Outcome vocabulary and reductions follow domain.md ("How cases end"): terminación
anticipada reduces the penalty by one sixth (art. 471 NCPP), conclusión anticipada by up to
one seventh (Acuerdo Plenario 5-2008/CJ-116); suspended penalties need four years or less
(art. 57 CP). Penalties enter the truth only when this decision imposes or confirms them.
"""

from __future__ import annotations

import random
from dataclasses import replace

from samples.model import Case, Defendant, Sentence
from schemas import EarlyTermination
from schemas import OutcomeKind as O

# Approximate statutory ranges (Código Penal) in years, and whether días-multa apply;
# used only to produce plausible penalties.
PENALTY_RANGES: dict[str, tuple[int, int, bool]] = {
    "trata_de_personas_agravada": (12, 20, False), "trata_de_personas": (8, 15, False),
    "explotacion_sexual": (10, 15, False), "trabajo_forzoso": (6, 12, False),
    "favorecimiento_prostitucion": (4, 6, False), "proxenetismo": (3, 6, False),
    "rufianismo": (3, 6, False), "mineria_ilegal": (4, 8, True),
    "mineria_ilegal_agravada": (8, 10, True), "trafico_fauna_silvestre": (3, 5, True),
    "trafico_productos_forestales_maderables": (4, 7, True),
    "violacion_sexual_menor": (20, 35, False), "violacion_sexual": (14, 20, False),
    "robo_agravado": (12, 20, False), "homicidio_calificado": (15, 25, False),
    "feminicidio": (20, 30, False), "trafico_ilicito_drogas": (8, 15, True),
    "peculado": (4, 8, True), "colusion": (6, 15, True), "cohecho_pasivo": (5, 8, True),
    "organizacion_criminal": (8, 15, False), "lavado_de_activos": (8, 15, True),
    "hurto_agravado": (3, 6, False), "hurto_simple": (1, 3, False), "extorsion": (10, 15, False),
    "usurpacion": (2, 5, False), "usurpacion_agravada": (4, 8, False), "apropiacion_ilicita": (2, 4, False),
    "estafa": (1, 6, False), "lesiones_graves": (4, 8, False), "lesiones_leves": (2, 5, False),
    "omision_asistencia_familiar": (1, 3, False), "actos_contra_el_pudor_menor": (6, 12, False),
    "actos_contra_el_pudor": (3, 5, False), "tenencia_ilegal_armas": (6, 10, False),
}
# Inhabilitación (CP art. 36) that the special part attaches to a crime: the incisos most
# often applied (approximate: 1-2 public office, 4-5 profession and parental authority, 6
# firearms licence, 9 teaching); a share of rulings cite art. 36 without any inciso.
INHABILITACION: dict[str, tuple[int, ...]] = {
    "trata_de_personas_agravada": (1, 2, 4, 5), "trata_de_personas": (1, 2, 4, 5),
    "explotacion_sexual": (1, 2, 4, 5), "trabajo_forzoso": (1, 2, 4),
    "violacion_sexual_menor": (5, 9), "violacion_sexual": (5, 9),
    "actos_contra_el_pudor_menor": (5, 9), "actos_contra_el_pudor": (5, 9),
    "peculado": (1, 2), "colusion": (1, 2), "cohecho_pasivo": (1, 2),
    "tenencia_ilegal_armas": (6,),
}
_REPARACION = (500, 1000, 1500, 2000, 3000, 5000, 8000, 10000, 12000, 15000, 20000, 25000,
               30000, 50000)


def sentence(rng: random.Random, crime_key: str) -> Sentence:
    lo, hi, multa = PENALTY_RANGES.get(crime_key, (4, 10, False))
    years = rng.randint(lo, hi)
    months = rng.choice((0, 0, 0, 0, 0, 6, 8, 4, 9)) if years < hi else 0
    s = Sentence(years, months)
    if years + months / 12 <= 4 and rng.random() < 0.65:
        s.effective, s.probation = False, rng.randint(1, 3)
    if multa:
        s.dias_multa = rng.randrange(100, 731, 10)
    s.reparacion = float(rng.choice(_REPARACION))
    incisos = INHABILITACION.get(crime_key)
    if incisos and rng.random() < 0.7:
        s.inhab_incisos = incisos if rng.random() < 0.75 else ()
        s.inhab_months = rng.choice((12, 24, 36, 48, 60, 30, 18)) if rng.random() < 0.8 else None
    return s


def reduced(s: Sentence, fraction: float, rng: random.Random) -> Sentence:
    """``s`` reduced by ``fraction`` of its length (in whole months); keeps the base."""
    base = s.years * 12 + s.months
    months = max(1, round(base * (1 - fraction)))
    new = replace(s, years=months // 12, months=months % 12, base_months=base)
    if new.years * 12 + new.months <= 48 and s.effective and rng.random() < 0.5:
        new.effective, new.probation = False, rng.randint(1, 3)
    if s.dias_multa:
        new.dias_multa = round(s.dias_multa * (1 - fraction) / 10) * 10 or 10
    return new


def _rolls(rng: random.Random, n: int) -> list[float]:
    """One random draw per defendant; co-defendants usually share the first one's fate."""
    first = rng.random()
    return [first] + [first if rng.random() < 0.7 else rng.random() for _ in range(n - 1)]


def _solidary(rng: random.Random, defendants: list[Defendant]) -> None:
    sentenced = [d.penalty for d in defendants if d.penalty is not None]
    if len(sentenced) > 1 and rng.random() < 0.5:
        amount = sentenced[0].reparacion
        for s in sentenced:
            s.reparacion, s.solidary = amount, True


def _first_instance(rng: random.Random, case: Case) -> None:
    key = case.charges[0].crime.key
    light = PENALTY_RANGES.get(key, (9, 0, 0))[0] <= 4
    if case.timeline.plan == "inmediato":
        del case.defendants[1:]
        case.early = EarlyTermination.PROCESO_INMEDIATO
    elif rng.random() < 0.14:
        case.early = EarlyTermination.CONCLUSION_ANTICIPADA
        everyone = len(case.defendants) == 1 or rng.random() < 0.5
        for i, d in enumerate(case.defendants):
            d.conformed = everyone or i == 0
    for d, r in zip(case.defendants, _rolls(rng, len(case.defendants))):
        if d.conformed:
            # a sentencia conformada convicts: the mechanism is ``case.early`` (wild and wild2 READMEs)
            d.outcome = O.CONDENA
            d.penalty = reduced(sentence(rng, key), 1 / 7, rng)
        elif r < 0.68:
            d.outcome, d.penalty = O.CONDENA, sentence(rng, key)
        elif r < 0.93 or not light:
            d.outcome = O.ABSOLUCION
        else:
            d.outcome = O.RESERVA_FALLO
            d.penalty = Sentence(0, 0, effective=None, probation=rng.randint(1, 3),
                                 reparacion=float(rng.choice(_REPARACION[:6])))
    _solidary(rng, case.defendants)


def _oportunidad(rng: random.Random, case: Case) -> None:
    """Dismissal after principio de oportunidad or acuerdo reparatorio (NCPP art. 2.7): the
    reparación the parties agreed is paid, so no penalty; the amount is in ``detail``."""
    key = case.charges[0].crime.key
    reparatorio = key in ("lesiones_leves", "hurto_simple", "apropiacion_ilicita", "estafa") \
        and rng.random() < 0.5
    case.early = EarlyTermination.ACUERDO_REPARATORIO if reparatorio else EarlyTermination.PRINCIPIO_OPORTUNIDAD
    for d in case.defendants:
        d.outcome = O.SOBRESEIMIENTO
        d.detail = str(rng.choice(_REPARACION[:8]))


def _appeal(rng: random.Random, case: Case) -> None:
    key = case.charges[0].crime.key
    lower = "condena" if rng.random() < 0.85 else "absolucion"
    case.recurrent = "defensa" if lower == "condena" else "fiscal"
    for d, r in zip(case.defendants, _rolls(rng, len(case.defendants))):
        d.lower = lower
        if lower == "condena":
            d.lower_penalty = sentence(rng, key)
            if r < 0.55:
                d.outcome, d.penalty = O.CONFIRMA, d.lower_penalty
            elif r < 0.85:
                d.outcome = O.REVOCA
                if rng.random() < 0.4 and d.lower_penalty.years > 2:
                    d.detail, d.penalty = "reduce", reduced(d.lower_penalty, rng.choice((1 / 6, 1 / 4, 1 / 3)), rng)
                else:
                    d.detail = "absuelve"
            else:
                d.outcome, d.detail = O.NULA, "nuevo juicio"
        else:
            if r < 0.5:
                d.outcome = O.CONFIRMA
            elif r < 0.85:
                d.outcome, d.detail, d.penalty = O.REVOCA, "condena", sentence(rng, key)
            else:
                d.outcome, d.detail = O.NULA, "nuevo juicio"
    _solidary(rng, case.defendants)


def _casacion(rng: random.Random, case: Case) -> None:
    key = case.charges[0].crime.key
    lower = "condena" if rng.random() < 0.75 else "absolucion"
    case.recurrent = "defensa" if lower == "condena" else "fiscal"
    kind = rng.choices((O.CASACION_FUNDADA, O.CASACION_INFUNDADA, O.CASACION_IMPROCEDENTE,
                        O.CASACION_INADMISIBLE), weights=(0.35, 0.4, 0.2, 0.05))[0]
    detail = "absuelve" if kind == O.CASACION_FUNDADA and lower == "condena" and rng.random() < 0.4 \
        else "reenvio"
    for d in case.defendants:
        d.lower, d.outcome, d.detail = lower, kind, detail
        d.lower_penalty = sentence(rng, key) if lower == "condena" else None


def _nulidad(rng: random.Random, case: Case) -> None:
    key = case.charges[0].crime.key
    lower = "condena" if rng.random() < 0.8 else "absolucion"
    case.recurrent = "defensa" if lower == "condena" else "fiscal"
    for d, r in zip(case.defendants, _rolls(rng, len(case.defendants))):
        d.lower = lower
        if lower == "absolucion":
            d.outcome = O.NO_HABER_NULIDAD if r < 0.6 else O.HABER_NULIDAD
            d.detail = "nuevo juicio" if d.outcome == O.HABER_NULIDAD else ""
            continue
        d.lower_penalty = sentence(rng, key)
        if r < 0.55:
            d.outcome, d.penalty = O.NO_HABER_NULIDAD, d.lower_penalty
        elif rng.random() < 0.6 or d.lower_penalty.years <= 2:
            d.outcome, d.detail = O.HABER_NULIDAD, "absuelve"
        else:
            d.outcome, d.detail = O.HABER_NULIDAD, "reduce"
            d.penalty = reduced(d.lower_penalty, rng.choice((1 / 6, 1 / 4, 1 / 3)), rng)
    _solidary(rng, case.defendants)


def _auto(rng: random.Random, case: Case) -> None:
    key = case.charges[0].crime.key
    if case.variant == "sobreseimiento":
        for d in case.defendants:
            d.outcome = O.SOBRESEIMIENTO
    elif case.variant == "prision":
        for d, r in zip(case.defendants, _rolls(rng, len(case.defendants))):
            fundada = r < 0.75
            d.outcome = O.PRISION_PREVENTIVA_FUNDADA if fundada else O.PRISION_PREVENTIVA_INFUNDADA
            d.detail = str(rng.choice((9, 9, 12, 18, 24, 36)))  # months of prisión preventiva
    else:
        case.early = EarlyTermination.TERMINACION_ANTICIPADA
        continuing = len(case.defendants) > 1 and rng.random() < 0.4
        for i, d in enumerate(case.defendants):
            if continuing and i == len(case.defendants) - 1:
                continue  # "la investigación prosigue en su contra": no outcome here
            d.outcome = O.TERMINACION_ANTICIPADA_APROBADA
            d.penalty = reduced(sentence(rng, key), 1 / 6, rng)
        _solidary(rng, case.decided)


def decide(rng: random.Random, case: Case) -> None:
    """Fill in outcomes, penalties, ``case.early`` and ``case.recurrent``."""
    if case.variant in ("unipersonal", "colegiado", "sala", "sumario"):
        _first_instance(rng, case)
    elif case.variant == "oportunidad":
        _oportunidad(rng, case)
    elif case.variant == "vista":
        _appeal(rng, case)
    elif case.variant == "casacion":
        _casacion(rng, case)
    elif case.variant == "rn":
        _nulidad(rng, case)
    else:
        _auto(rng, case)
