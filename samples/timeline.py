"""Case timelines: a district and the dated milestones from the facts to this decision.

The procedural code follows from the district and the date of the facts
(``extractors.data.districts.code_in_force``), so the timeline is drawn first: NCPP
variants start on or after the district's NCPP start date, old-code variants before it.
Milestone order and typical gaps follow domain.md ("What monitors measure").
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from extractors.data.districts import GENERATED as DISTRICTS, District

LATEST = date(2024, 10, 31)  # no decision after this date
EARLIEST = date(2001, 1, 1)

# (milestone, min gap, max gap in days after the previous step, share of rulings that recite it).
# Milestones outside ``schemas.EventKind`` (prefixed "x_") are dated steps the text mentions
# but the truth leaves out (incoación, requerimientos, hearings, detention).
_NCPP_TRIAL = (("denuncia", 1, 40, 0.5), ("formalizacion", 20, 300, 0.85),
               ("acusacion", 90, 600, 0.85), ("auto_enjuiciamiento", 30, 200, 0.75),
               ("x_juicio", 30, 150, 0.6))
_INMEDIATO = (("x_incoacion", 1, 3, 1.0), ("acusacion", 5, 20, 1.0),
              ("auto_enjuiciamiento", 3, 15, 0.9), ("x_juicio", 1, 10, 0.5))
_OLD_TRIAL = (("denuncia", 1, 60, 0.7), ("apertura_instruccion", 2, 60, 0.8),
              ("acusacion", 200, 900, 0.85), ("auto_enjuiciamiento", 30, 300, 0.6),
              ("x_juicio", 60, 700, 0.5))
PLANS: dict[str, tuple] = {
    "unipersonal": _NCPP_TRIAL + (("resolution", 10, 120, 1.0),),
    "inmediato": _INMEDIATO + (("resolution", 1, 20, 1.0),),
    "colegiado": _NCPP_TRIAL + (("resolution", 10, 150, 1.0),),
    "sala": _OLD_TRIAL + (("resolution", 10, 90, 1.0),),
    # proceso sumario (D. Leg. 124): the Juzgado Penal instructs and sentences, no oral trial
    "sumario": (("denuncia", 1, 60, 0.8), ("apertura_instruccion", 2, 45, 0.9),
                ("acusacion", 120, 500, 0.85), ("resolution", 20, 200, 1.0)),
    "vista": _NCPP_TRIAL + (("sentencia_primera", 10, 150, 1.0), ("apelacion", 2, 10, 0.8),
                            ("x_audiencia", 60, 300, 0.6), ("resolution", 1, 20, 1.0)),
    "casacion": _NCPP_TRIAL + (("sentencia_primera", 10, 150, 1.0), ("apelacion", 2, 10, 0.7),
                               ("sentencia_vista", 90, 400, 1.0), ("casacion", 7, 15, 0.8),
                               ("x_audiencia", 200, 800, 0.6), ("resolution", 7, 30, 1.0)),
    "rn": _OLD_TRIAL + (("sentencia_primera", 10, 90, 1.0), ("recurso_nulidad", 0, 5, 0.6),
                        ("resolution", 150, 800, 1.0)),
    "sobreseimiento": (("denuncia", 1, 30, 0.5), ("formalizacion", 20, 200, 0.85),
                       ("x_requerimiento", 120, 500, 1.0), ("x_audiencia", 30, 120, 0.8),
                       ("resolution", 1, 20, 1.0)),
    "prision": (("formalizacion", 1, 3, 0.8),
                ("x_requerimiento", 0, 1, 1.0), ("x_audiencia", 1, 3, 0.9),
                ("resolution", 0, 1, 1.0)),
    # principio de oportunidad / acuerdo reparatorio once the investigation is formalised
    # (NCPP art. 2.7): the judge dismisses at the prosecutor's request
    "oportunidad": (("denuncia", 1, 30, 0.6), ("formalizacion", 20, 200, 0.8),
                    ("x_requerimiento", 10, 150, 1.0), ("x_audiencia", 5, 30, 0.8),
                    ("resolution", 0, 10, 1.0)),
    "terminacion": (("denuncia", 1, 30, 0.6), ("formalizacion", 20, 200, 0.85),
                    ("x_requerimiento", 30, 200, 1.0), ("x_audiencia", 5, 30, 0.9),
                    ("resolution", 0, 10, 1.0)),
    # --- the formats of ../shared/corpus/wild2 (formats.py) ---
    # appeal to the Corte Suprema of an auto of a Juzgado Superior de Investigación
    # Preparatoria (NCPP arts. 450 and 454: officials' crimes); "x_calificacion" is the
    # earlier ruling that declared the appeal "bien concedido"
    "apelacion_suprema": (("denuncia", 1, 40, 0.4), ("formalizacion", 20, 300, 0.9),
                          ("x_auto", 30, 300, 1.0), ("apelacion", 2, 5, 0.9),
                          ("x_calificacion", 30, 120, 0.7), ("x_audiencia", 20, 90, 0.8),
                          ("resolution", 1, 20, 1.0)),
    # queja de derecho (NCPP art. 437) against the Sala Superior's auto that refused the casación
    "queja": _NCPP_TRIAL + (("sentencia_primera", 10, 150, 1.0), ("apelacion", 2, 10, 0.8),
                            ("sentencia_vista", 90, 400, 1.0), ("casacion", 7, 15, 0.9),
                            ("x_improcedencia", 15, 60, 1.0), ("x_queja", 3, 5, 0.8),
                            ("resolution", 60, 400, 1.0)),
    # calificación of a casación (NCPP art. 430.6): admitted ("bien concedido") or not
    "calificacion": _NCPP_TRIAL + (("sentencia_primera", 10, 150, 1.0), ("apelacion", 2, 10, 0.8),
                                   ("sentencia_vista", 90, 400, 1.0), ("casacion", 7, 15, 1.0),
                                   ("resolution", 90, 500, 1.0)),
    # auto de vista of a Sala Penal de Apelaciones on an auto of the Juzgado de IP
    "auto_vista": (("denuncia", 1, 30, 0.4), ("formalizacion", 1, 200, 0.85), ("x_auto", 1, 200, 1.0),
                   ("apelacion", 1, 3, 0.8), ("x_audiencia", 10, 60, 0.8), ("resolution", 0, 10, 1.0)),
    # control de legalidad de la detención: the day after the arrest in flagrancia (NCPP art. 264)
    "control_detencion": (("resolution", 0, 1, 1.0),),
    # auto de enjuiciamiento after the audiencia de control de acusación (NCPP arts. 351-353)
    "enjuiciamiento": (("denuncia", 1, 30, 0.5), ("formalizacion", 20, 300, 0.9),
                       ("acusacion", 90, 600, 1.0), ("x_audiencia", 30, 200, 0.8),
                       ("resolution", 0, 15, 1.0)),
}
OLD_CODE_PLANS = {"sala", "rn", "sumario"}
LOWER_COURT_PLANS = {"unipersonal", "inmediato", "colegiado", "sala", "sumario", "vista",
                     "sobreseimiento", "prision", "terminacion", "oportunidad", "auto_vista",
                     "control_detencion", "enjuiciamiento"}


@dataclass
class Timeline:
    plan: str
    hechos: list[date]
    dates: dict[str, date]  # every dated step, in order, "x_" steps included
    recited: set[str] = field(default_factory=set)

    @property
    def resolution(self) -> date:
        return self.dates["resolution"]

    @property
    def start(self) -> date:
        return self.hechos[0]

    def has(self, step: str) -> bool:
        return step in self.dates and (step.startswith("x_") or step in self.recited)

    def events(self) -> list[tuple[str, date]]:
        """Truth events: every fact date, then the recited milestones in order."""
        steps = [("hechos", d) for d in self.hechos]
        steps += [(k, d) for k, d in self.dates.items()
                  if k in self.recited and not k.startswith("x_") and k != "resolution"]
        return steps


def _gaps(rng: random.Random, plan: str, scale: float) -> list[tuple[str, int, bool]]:
    return [(step, round(rng.randint(lo, hi) * scale), rng.random() < share)
            for step, lo, hi, share in PLANS[plan]]


def draw_timeline(rng: random.Random, plan: str, *, district: District | None = None,
                  since: date | None = None) -> tuple[District, Timeline]:
    """A district (``district`` if given) and a timeline consistent with the procedural code
    the plan implies; with ``since``, the facts are not earlier than that date."""
    old = plan in OLD_CODE_PLANS
    pool = [district] if district else [d for d in DISTRICTS if d.seats or plan not in LOWER_COURT_PLANS]
    scale = 1.0
    for attempt in range(40):
        district = rng.choices(pool, weights=[d.weight for d in pool], k=1)[0] if len(pool) > 1 else pool[0]
        second_fact = rng.randint(1, 60) if rng.random() < 0.45 else 0
        gaps = _gaps(rng, plan, scale)
        span = second_fact + sum(g for _, g, _ in gaps)
        if old:
            lo = max(EARLIEST, district.ncpp_start - timedelta(days=8 * 365))
            hi = min(district.ncpp_start - timedelta(days=1 + second_fact), LATEST - timedelta(days=span))
        else:
            lo = max(district.ncpp_start, date(2007, 1, 1), since or EARLIEST)
            hi = LATEST - timedelta(days=span)
        if lo <= hi:
            break
        if attempt % 10 == 9:
            scale *= 0.6
    else:  # pragma: no cover - the plans above always fit Madre de Dios
        raise RuntimeError(f"no district fits plan {plan}")
    start = lo + timedelta(days=rng.randint(0, (hi - lo).days))
    hechos = [start] + ([start + timedelta(days=second_fact)] if second_fact else [])
    current, dates, recited = hechos[-1], {}, set()
    for step, gap, recite in gaps:
        current += timedelta(days=gap)
        dates[step] = current
        if recite or step in ("sentencia_primera", "sentencia_vista"):
            recited.add(step)
    return district, Timeline(plan, hechos, dates, recited)
