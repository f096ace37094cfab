"""The results of the indicators: every figure carries its ``n`` and the documents behind it.

Plain pydantic models, so that a result is its own JSON export (``model_dump_json``).
``doc_ids`` are index record ids (``IndexRecord.id``), sorted.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from schemas import CourtLevel, ProceduralCode


class Dimension(StrEnum):
    """What a result is broken down by."""

    NINGUNO = "ninguno"  # only the total
    DISTRITO = "distrito"
    FAMILIA = "familia"  # crime family; a case with charges of two families counts in both
    DELITO = "delito"  # crime key; likewise
    CODIGO = "codigo"  # procedural code
    ANIO = "anio"  # year of the (ending) decision
    NIVEL = "nivel"  # court level


UNKNOWN = "sin dato"  # the group of records that do not state the dimension's value


class Filters(BaseModel):
    """Which cases or documents an indicator looks at; ``None`` means any."""

    model_config = ConfigDict(frozen=True)

    crime: str | None = Field(default=None, description="crime key or crime family key")
    district: str | None = None
    code: ProceduralCode | None = None
    level: CourtLevel | None = None
    year_from: int | None = None
    year_to: int | None = None

    def describe(self) -> list[tuple[str, str]]:
        """``(name, value)`` of the filters that are set, for the reader."""
        out = []
        for name, value in (("delito", self.crime), ("distrito", self.district),
                            ("código", self.code), ("nivel", self.level)):
            if value is not None:
                out.append((name, str(value)))
        if self.year_from is not None or self.year_to is not None:
            out.append(("años", f"{self.year_from or '…'}–{self.year_to or '…'}"))
        return out


class Figure(BaseModel):
    n: int
    doc_ids: list[str] = Field(default_factory=list)


class Share(BaseModel):
    category: str
    n: int
    share: float | None = Field(description="n ÷ the breakdown's n; None when that is 0")
    doc_ids: list[str] = Field(default_factory=list)


class Rate(BaseModel):
    numerator: int
    denominator: int
    value: float | None
    doc_ids: list[str] = Field(default_factory=list)


class Breakdown(BaseModel):
    """Counts of categories that add up to ``n``."""

    n: int
    shares: list[Share]
    doc_ids: list[str] = Field(default_factory=list)


class Distribution(BaseModel):
    n: int
    median: float | None
    p25: float | None
    p75: float | None
    p90: float | None
    min: float | None
    max: float | None
    doc_ids: list[str] = Field(default_factory=list)


class KmStep(BaseModel):
    days: float
    at_risk: int
    events: int
    censored: int
    survival: float


class KaplanMeier(BaseModel):
    n: int
    events: int
    censored: int
    median: float | None
    p25: float | None
    p75: float | None
    p90: float | None
    curve: list[KmStep]
    doc_ids: list[str] = Field(default_factory=list)


class Exclusion(BaseModel):
    reason: str
    n: int
    doc_ids: list[str] = Field(default_factory=list)


class DurationGroup(BaseModel):
    group: str
    cases: int = Field(description="every case of the group, excluded ones included")
    completed: Distribution = Field(description="days, cases that reached both milestones")
    open: Figure = Field(description="cases still open: censored at their latest known date")
    km: KaplanMeier | None = Field(default=None, description="only when the group has open cases")
    excluded: list[Exclusion] = Field(default_factory=list)


class CaseDuration(BaseModel):
    """One case's contribution: traceable to the documents that gave each date."""

    case: str
    groups: list[str]
    start: date
    end: date | None = Field(description="None for an open (censored) case")
    days: int = Field(description="to the end milestone, or to the censoring date")
    censored: bool
    start_doc: str
    end_doc: str
    doc_ids: list[str]


class DurationResult(BaseModel):
    start: str
    end: str
    by: Dimension
    filters: Filters
    total: DurationGroup
    groups: list[DurationGroup]
    cases: list[CaseDuration]
    dropped_events: Figure = Field(
        default_factory=lambda: Figure(n=0),
        description="documents of the counted cases with milestones dropped as implausible (Ruling.warnings)")


class OutcomeGroup(BaseModel):
    group: str
    first_instance: Breakdown = Field(description="decided defendants at first instance")
    conviction_vs_acquittal: Rate = Field(description="convictions ÷ (convictions + acquittals)")
    conviction_of_decided: Rate = Field(description="convictions ÷ every decided defendant")
    mechanisms: Breakdown = Field(description="first-instance decisions by early-resolution tool")


class OutcomeResult(BaseModel):
    by: Dimension
    filters: Filters
    total: OutcomeGroup
    groups: list[OutcomeGroup]
    excluded: list[Exclusion]


class AppealGroup(BaseModel):
    group: str
    apelacion: Breakdown
    casacion: Breakdown
    nulidad: Breakdown


class AppealResult(BaseModel):
    by: Dimension
    filters: Filters
    total: AppealGroup
    groups: list[AppealGroup]
    excluded: list[Exclusion]


class PenaltyGroup(BaseModel):
    group: str
    prison_effective: Distribution = Field(description="years of pena privativa efectiva")
    prison_suspended: Distribution = Field(description="years of pena suspendida")
    prison_unstated: Distribution = Field(description="years, effective or suspended not stated")
    cadena_perpetua: int = Field(default=0, description="life terms (CP art. 29): no years, counted apart")
    cadena_perpetua_ids: list[str] = Field(default_factory=list, description="the rulings behind cadena_perpetua")
    reparacion: Distribution = Field(description="reparación civil, soles")


class PenaltyResult(BaseModel):
    by: Dimension
    filters: Filters
    total: PenaltyGroup
    groups: list[PenaltyGroup]
    excluded: list[Exclusion]


class CodesResult(BaseModel):
    """The same indicators broken down by procedural code, to read side by side."""

    filters: Filters
    durations: list[DurationResult]
    outcomes: OutcomeResult
    appeals: AppealResult
    penalties: PenaltyResult


class CaseloadRow(BaseModel):
    court: str
    year: int
    filed: int = Field(ge=0)
    resolved: int = Field(ge=0)
    pending: int = Field(ge=0)


class CepejRow(BaseModel):
    court: str
    year: int | None = Field(description="None in the all-years total of a court")
    filed: int
    resolved: int
    pending: int
    clearance_rate: float | None = Field(description="resolved ÷ filed")
    disposition_time_days: float | None = Field(description="365 × pending ÷ resolved")


class CepejResult(BaseModel):
    available: bool
    message: str
    source: str | None = None
    rows: list[CepejRow] = Field(default_factory=list)
    by_year: list[CepejRow] = Field(default_factory=list, description="every court, per year")
