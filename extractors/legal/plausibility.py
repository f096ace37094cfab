"""Implausible values are caught, not published.

A milestone dated after the ruling that recites it cannot have happened (a computed release
date, a prisión preventiva's expiry, an OCR-damaged year); one older than the longest a
criminal case can last is a misread date. Such events are dropped and reported as
``Ruling.warnings``, which ``eval``, ``show`` and the analytics read.

Limits, as data with their source:
- ``MAX_CASE_YEARS``: the longest prescription of the action (Código Penal art. 80: the
  maximum of the penalty, up to 20 years, or 30 for crimes punished with cadena perpetua),
  doubled for crimes against the State by public officials and criminal organisations (art.
  80, last paragraph, Ley 30077), and extended by one half by interruption (art. 83):
  30 × 2 × 1.5 = 90 years; crimes against humanity do not prescribe, so the limit is only a
  guard against misread years.
- ``MAX_PRISON_YEARS``: the longest temporary pena privativa de libertad, 35 years (Código
  Penal art. 29, as amended by Decreto Legislativo 982, 2007), which is also the cap of
  the penalties summed for a concurso real (art. 50, Ley 28730, 2006); a longer term is a
  misread figure (two penalties added, a date's year) and is dropped. Cadena perpetua is
  not a number of years and never reaches this check.
- ``MAX_SUSPENDED_YEARS``: a pena suspendida can only suspend a penalty of at most five
  years (art. 57, as amended by Decreto Legislativo 1585, 2023; four years before it): a
  longer suspended term is kept, flagged, because the penalty may be right and the
  effective/suspended reading wrong.
"""

from __future__ import annotations

from datetime import date

from schemas import Event, ExtractionWarning, Penalty, WarningCode

MAX_CASE_YEARS = 90
MAX_PRISON_YEARS = 35
MAX_SUSPENDED_YEARS = 5


def check_events(events: list[Event], resolution: date | None) -> tuple[list[Event], list[ExtractionWarning]]:
    """The events a ruling can recite, and a warning for each one dropped."""
    kept: list[Event] = []
    warnings: list[ExtractionWarning] = []
    for e in events:
        if resolution and e.date > resolution:
            warnings.append(ExtractionWarning(
                code=WarningCode.EVENT_AFTER_RULING, field="events",
                message=f"hito «{e.kind.value}» del {e.date.isoformat()} posterior a la resolución "
                        f"({resolution.isoformat()}): descartado",
                evidence=list(e.evidence)))
        elif resolution and (resolution.year - e.date.year) > MAX_CASE_YEARS:
            warnings.append(ExtractionWarning(
                code=WarningCode.EVENT_TOO_OLD, field="events",
                message=f"hito «{e.kind.value}» del {e.date.isoformat()}, más de {MAX_CASE_YEARS} años antes "
                        f"de la resolución: descartado",
                evidence=list(e.evidence)))
        else:
            kept.append(e)
    return kept, warnings


def _years(value: float) -> str:
    years, months = int(value), round((value - int(value)) * 12)
    return f"{years} años" + (f" y {months} meses" if months else "")


def check_penalties(penalties: list[Penalty]) -> tuple[list[Penalty], list[ExtractionWarning]]:
    """The penalties the law makes possible; a prison term over the legal maximum loses its
    years (the rest of the penalty stays), a suspended one over the limit is flagged."""
    kept: list[Penalty] = []
    warnings: list[ExtractionWarning] = []
    for p in penalties:
        who = f" de {p.defendant}" if p.defendant else ""
        if p.prison_years is not None and p.prison_years > MAX_PRISON_YEARS:
            warnings.append(ExtractionWarning(
                code=WarningCode.PENALTY_OVER_MAXIMUM, field="penalties",
                message=f"pena privativa de libertad{who} de {_years(p.prison_years)}, mayor que el máximo "
                        f"legal de {MAX_PRISON_YEARS} años (CP art. 29): descartada",
                evidence=list(p.evidence)))
            p = p.model_copy(update={"prison_years": None, "effective": None})
        elif p.prison_years is not None and p.effective is False and p.prison_years > MAX_SUSPENDED_YEARS:
            warnings.append(ExtractionWarning(
                code=WarningCode.PENALTY_OVER_MAXIMUM, field="penalties", dropped=False,
                message=f"pena suspendida{who} de {_years(p.prison_years)}: el art. 57 del CP solo suspende "
                        f"penas de hasta {MAX_SUSPENDED_YEARS} años; revise si es efectiva",
                evidence=list(p.evidence)))
        kept.append(p)
    return kept, warnings
