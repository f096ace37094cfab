"""The data a generated ruling is written from: people, sentences, defendants, the case."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from samples import vocab
from samples.timeline import Timeline
from extractors.data.crimes import Crime
from extractors.data.districts import District
from schemas import (
    CaseNumberKind,
    Citation,
    CourtLevel,
    DocKind,
    EarlyTermination,
    OutcomeKind,
    ProceduralCode,
    Redaction,
)


@dataclass(frozen=True)
class Person:
    first: str
    paternal: str
    maternal: str
    female: bool
    # an accused the document names only by initials ("J.C.Q.M."): every form is the initials
    alias: str | None = None

    @property
    def full(self) -> str:
        return self.alias or f"{self.first} {self.paternal} {self.maternal}"

    @property
    def surnames(self) -> str:
        return self.alias or f"{self.paternal} {self.maternal}"

    @property
    def header_form(self) -> str:
        """'CONDORI APAZA, Nilda Yaneth' (surnames first, as in header tables)."""
        return self.alias or f"{self.surnames.upper()}, {self.first}"

    def upper(self) -> str:
        """The name in capitals, as operative parts write it (initials stay as they are)."""
        return self.alias or self.full.upper()


@dataclass
class Sentence:
    years: int
    months: int = 0
    effective: bool | None = True
    probation: int | None = None
    dias_multa: int | None = None
    reparacion: float | None = None
    solidary: bool = False
    base_months: int | None = None  # the agreed/concrete penalty before a reduction
    # inhabilitación (CP art. 36): its length in months and the incisos of art. 36 applied
    inhab_months: int | None = None
    inhab_incisos: tuple[int, ...] = ()

    @property
    def prison_years(self) -> float | None:
        return self.years + self.months / 12 if (self.years or self.months) else None


@dataclass
class Defendant:
    person: Person
    participation: str
    lawyer: Person
    public_defender: bool
    outcome: OutcomeKind | None = None  # None: named, but not decided here
    penalty: Sentence | None = None  # imposed or confirmed by this decision
    lower: str | None = None  # "condena" / "absolucion": the ruling under review
    lower_penalty: Sentence | None = None
    conformed: bool = False
    detail: str = ""  # how the outcome reads: "absuelve", "reduce", "reenvio", ...
    nickname: str | None = None  # "(a) «Chato»" in lists of accused (crimen organizado)
    dni: str | None = None


@dataclass
class Victim:
    label: str  # as written in the text
    person: Person | None = None
    protected: bool = False
    minor: bool = False
    estado: bool = False
    leak: bool = False


@dataclass
class ChargeText:
    crime: Crime
    label: str
    articles: list[str]


@dataclass
class Case:
    kind: DocKind
    variant: str  # unipersonal, colegiado, sala, sumario, vista, casacion, rn, sobreseimiento,
    # prision, terminacion, oportunidad
    code: ProceduralCode
    district: District
    seat: str | None
    city: str
    court_name: str
    level: CourtLevel
    lower_court: str | None
    appeal_court: str | None
    charges: list[ChargeText]
    defendants: list[Defendant]
    victims: list[Victim]
    judges: list[Person]
    judges_full: bool
    ponente: int | None
    director: int | None
    president: int | None
    fiscal: Person | None
    fiscal_office: str
    procuraduria: str | None
    actor_civil: bool
    especialista: Person | None
    witnesses: list[Person]
    timeline: Timeline
    number_raw: str
    number_norm: str
    number_kind: CaseNumberKind
    expediente: str  # the long expediente number (the lower court's, for Supreme rulings)
    resolution_no: int
    early: EarlyTermination | None = None
    recurrent: str = "defensa"  # who appealed: "defensa" or "fiscal"
    citations: list[Citation] = field(default_factory=list)
    furniture: bool = False
    truncated: bool = False
    redactions: list[Redaction] = field(default_factory=list)
    # -- the formats of ../shared/corpus/wild2 (formats.py) --------------------------------
    subject: str = ""  # what an auto decides on appeal: "prision", "cese", "sobreseimiento", ...
    office_is_fiscal: bool = False  # no prosecutor person named: the acting office is the fiscal
    companies: list[str] = field(default_factory=list)  # terceros civilmente responsables
    lower_judge: Person | None = None  # the judge of the auto under review: recited, not a party
    look: "Look" = None  # page furniture of the real formats (signature stamps, "S. S.")

    @property
    def family(self) -> str:
        return self.charges[0].crime.family

    @property
    def decided(self) -> list[Defendant]:
        return [d for d in self.defendants if d.outcome is not None]

    def judge_name(self, i: int) -> str:
        return self.judges[i].full if self.judges_full else self.judges[i].surnames


@dataclass
class Look:
    """How a document looks beyond its kind, drawn from the format stream (formats.py)."""

    stamps: bool = False  # the Poder Judicial's digital-signature stamps as page furniture
    spaced_ss: bool = False  # "S. S." above the Supreme judges' surnames
    padded: bool = False  # zero-padded Supreme number ("CASACIÓN N.° 001874-2022")


class People:
    """Draws distinct invented people for one case."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self, female: bool | None = None) -> Person:
        rng = self.rng
        while True:
            fem = rng.random() < 0.45 if female is None else female
            first = rng.choice(vocab.FEMALE_NAMES if fem else vocab.MALE_NAMES)
            pat, mat = rng.sample(vocab.SURNAMES, 2)
            if pat not in self.used and mat not in self.used:
                self.used.update((pat, mat, first))
                return Person(first, pat, mat, fem)


