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
"""

from __future__ import annotations

from datetime import date

from schemas import Event, ExtractionWarning, WarningCode

MAX_CASE_YEARS = 90


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
