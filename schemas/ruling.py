"""The ``Ruling`` record: the public JSON contract of everything extracted from a document.

Every extracted value carries ``evidence``: where in the ``DocumentText`` it was found
(page number, character offsets into that page's text) and the id of the rule or model
that found it. Ground-truth files (``*.truth.json``) use the same shape with empty
evidence.

Schema versions (``RULING_SCHEMA_VERSION``; migration notes for stored records):
- 1: the first public contract.
- 2: the Corte Suprema's and the Juzgados de Investigación Preparatoria's own decisions get
  values of their own instead of ``otro``: ``DocKind.QUEJA``; ``CaseNumberKind.APELACION``
  and ``QUEJA`` (Corte Suprema "APELACIÓN N.° 437-2025/AYACUCHO", "QUEJA N.° 118-2019"), with
  ``COMPETENCIA`` and ``EXTRADICION``; ``OutcomeKind`` gains ``improcedente`` and ``inadmisible`` (a recurso de apelación or an
  incidental request so declared), ``bien_concedido`` (a calificación that admits the
  recurso), ``queja_fundada`` / ``queja_infundada``, ``detencion_legal`` /
  ``detencion_ilegal`` (control de legalidad de la detención), ``auto_enjuiciamiento``,
  ``cese_prision_fundado`` / ``cese_prision_infundado`` and
  ``prolongacion_prision_fundada`` / ``prolongacion_prision_infundada``; ``Ruling.warnings``
  lists the implausible values the extractor dropped or flagged. Every version-1
  record is a valid version-2 record (values were only added); an index built by version 1
  keeps working, and re-ingesting with the new extractor version gives the new values.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

_Date = date  # for fields named ``date`` that may be None

RULING_SCHEMA_VERSION = 2


class DocKind(StrEnum):
    SENTENCIA = "sentencia"
    SENTENCIA_VISTA = "sentencia_vista"
    CASACION = "casacion"
    RECURSO_NULIDAD = "recurso_nulidad"
    AUTO = "auto"
    QUEJA = "queja"  # recurso de queja (NCPP art. 437; old code art. 297)
    ACUERDO_PLENARIO = "acuerdo_plenario"
    OTRO = "otro"


class CaseNumberKind(StrEnum):
    EXPEDIENTE = "expediente"
    CASACION = "casacion"
    RECURSO_NULIDAD = "recurso_nulidad"
    APELACION = "apelacion"  # recurso de apelación before the Corte Suprema (NCPP arts. 415-426)
    QUEJA = "queja"  # recurso de queja (NCPP art. 437)
    COMPETENCIA = "competencia"  # contienda de competencia before the Corte Suprema (NCPP arts. 42-45)
    EXTRADICION = "extradicion"  # the Corte Suprema's consultative ruling (NCPP art. 521)
    OTRO = "otro"


class CourtLevel(StrEnum):
    CORTE_SUPREMA = "corte_suprema"
    CORTE_SUPERIOR = "corte_superior"
    JUZGADO = "juzgado"


class Role(StrEnum):
    JUEZ = "juez"
    PONENTE = "ponente"
    FISCAL = "fiscal"
    IMPUTADO = "imputado"
    AGRAVIADO = "agraviado"
    DEFENSA = "defensa"
    ACTOR_CIVIL = "actor_civil"
    TERCERO = "tercero"


class ProceduralCode(StrEnum):
    NCPP = "ncpp"
    CDEPP1940 = "cdepp1940"
    DESCONOCIDO = "desconocido"


class OutcomeKind(StrEnum):
    CONDENA = "condena"
    ABSOLUCION = "absolucion"
    SOBRESEIMIENTO = "sobreseimiento"
    RESERVA_FALLO = "reserva_fallo"
    # the proceso de seguridad (NCPP arts. 456-458; CP arts. 20.1, 71-77): the accused did the
    # act but is exempt from penalty as inimputable, and a medida de internación or tratamiento
    # ambulatorio is imposed instead - neither a conviction nor an acquittal
    MEDIDA_SEGURIDAD = "medida_seguridad"
    TERMINACION_ANTICIPADA_APROBADA = "terminacion_anticipada_aprobada"
    CONCLUSION_ANTICIPADA = "conclusion_anticipada"
    PRISION_PREVENTIVA_FUNDADA = "prision_preventiva_fundada"
    PRISION_PREVENTIVA_INFUNDADA = "prision_preventiva_infundada"
    CASACION_FUNDADA = "casacion_fundada"
    CASACION_INFUNDADA = "casacion_infundada"
    CASACION_IMPROCEDENTE = "casacion_improcedente"
    CASACION_INADMISIBLE = "casacion_inadmisible"
    CONFIRMA = "confirma"
    REVOCA = "revoca"
    NULA = "nula"
    HABER_NULIDAD = "haber_nulidad"
    NO_HABER_NULIDAD = "no_haber_nulidad"
    IMPROCEDENTE = "improcedente"  # a recurso or request rejected without the merits
    INADMISIBLE = "inadmisible"
    BIEN_CONCEDIDO = "bien_concedido"  # calificación: the recurso is admitted (NCPP art. 428)
    QUEJA_FUNDADA = "queja_fundada"
    QUEJA_INFUNDADA = "queja_infundada"
    DETENCION_LEGAL = "detencion_legal"  # control de legalidad de la detención
    DETENCION_ILEGAL = "detencion_ilegal"
    AUTO_ENJUICIAMIENTO = "auto_enjuiciamiento"  # NCPP art. 353: the case goes to trial
    CESE_PRISION_FUNDADO = "cese_prision_fundado"  # NCPP art. 283
    CESE_PRISION_INFUNDADO = "cese_prision_infundado"
    PROLONGACION_PRISION_FUNDADA = "prolongacion_prision_fundada"  # NCPP art. 274
    PROLONGACION_PRISION_INFUNDADA = "prolongacion_prision_infundada"
    MIXTO = "mixto"  # defendants with different outcomes; see ``by_defendant``


class EventKind(StrEnum):
    """Dated procedural milestones (domain.md, "What monitors measure")."""

    HECHOS = "hechos"
    DENUNCIA = "denuncia"
    FORMALIZACION = "formalizacion"
    APERTURA_INSTRUCCION = "apertura_instruccion"
    ACUSACION = "acusacion"
    AUTO_ENJUICIAMIENTO = "auto_enjuiciamiento"
    SENTENCIA_PRIMERA = "sentencia_primera"
    APELACION = "apelacion"
    SENTENCIA_VISTA = "sentencia_vista"
    CASACION = "casacion"
    RECURSO_NULIDAD = "recurso_nulidad"


class EarlyTermination(StrEnum):
    TERMINACION_ANTICIPADA = "terminacion_anticipada"
    CONCLUSION_ANTICIPADA = "conclusion_anticipada"
    PRINCIPIO_OPORTUNIDAD = "principio_oportunidad"
    ACUERDO_REPARATORIO = "acuerdo_reparatorio"
    PROCESO_INMEDIATO = "proceso_inmediato"


class CitationKind(StrEnum):
    CASACION = "casacion"
    RECURSO_NULIDAD = "recurso_nulidad"
    ACUERDO_PLENARIO = "acuerdo_plenario"
    # the Salas Penales' plenary casación rulings (NCPP art. 433.4), binding like an Acuerdo
    # Plenario and numbered like one: "Sentencia Plenaria Casatoria N.° 1-2017/CIJ-433"
    SENTENCIA_PLENARIA = "sentencia_plenaria"
    TRIBUNAL_CONSTITUCIONAL = "tribunal_constitucional"
    NCPP_ARTICLE = "ncpp_articulo"
    CP_ARTICLE = "cp_articulo"


class Evidence(BaseModel):
    """Where a value came from: 1-based page, offsets into that page's text, rule id."""

    model_config = ConfigDict(frozen=True)

    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str


class _Extracted(BaseModel):
    model_config = ConfigDict(frozen=True)

    evidence: list[Evidence] = Field(default_factory=list)


class CaseNumber(_Extracted):
    raw: str
    normalized: str
    kind: CaseNumberKind
    district: str | None = None


class Court(_Extracted):
    name: str | None = None
    level: CourtLevel | None = None
    district: str | None = None


class Party(_Extracted):
    name: str
    role: Role
    protected: bool = False


class Charge(_Extracted):
    crime: str | None = Field(description="key of the crime taxonomy, None if not recognised")
    label: str
    articles: list[str] = Field(default_factory=list)


class DefendantOutcome(_Extracted):
    name: str
    kind: OutcomeKind


class Outcome(_Extracted):
    kind: OutcomeKind
    by_defendant: list[DefendantOutcome] = Field(default_factory=list)


class Penalty(_Extracted):
    defendant: str | None = None
    prison_years: float | None = None
    cadena_perpetua: bool | None = Field(
        default=None, description="cadena perpetua (CP art. 29) imposed or confirmed: a life term, no number of "
                                  "years (prison_years is then None); None if the ruling imposes no such penalty"
    )
    effective: bool | None = None
    probation_years: float | None = None
    dias_multa: int | None = None
    reparacion_civil_soles: float | None = None
    inhabilitacion: bool | None = Field(
        default=None, description="inhabilitación (CP art. 36) imposed or confirmed; None if not stated"
    )
    inhabilitacion_years: float | None = Field(
        default=None, description="inhabilitación (CP art. 36) in years + months/12, when a length is given"
    )
    inhabilitacion_incisos: list[int] = Field(default_factory=list, description="incisos of CP art. 36")


class LowerInstance(StrEnum):
    PRIMERA_INSTANCIA = "primera_instancia"
    APELACION = "apelacion"


class LowerDecision(_Extracted):
    """A lower-court decision the ruling recites (the ruling under review and its own)."""

    instance: LowerInstance
    court: str | None = Field(default=None, description="as written")
    kind: OutcomeKind | None = None
    date: _Date | None = None


class Event(_Extracted):
    kind: EventKind
    date: date


class Citation(_Extracted):
    kind: CitationKind
    raw: str
    normalized: str


class Redaction(BaseModel):
    """A protected victim's name as spelled in the text, to be replaced on output."""

    model_config = ConfigDict(frozen=True)

    text: str
    replacement: str


class WarningCode(StrEnum):
    """Values the extractor read but did not publish, or published with a doubt."""

    EVENT_AFTER_RULING = "event_after_ruling"  # a milestone dated after the ruling's own date
    EVENT_TOO_OLD = "event_too_old"  # a milestone older than any case the law lets last
    PENALTY_OVER_MAXIMUM = "penalty_over_maximum"  # over the legal maximum (CP art. 29)


class ExtractionWarning(BaseModel):
    """An implausible value, dropped from the record (or kept and flagged), with where it was."""

    model_config = ConfigDict(frozen=True)

    code: WarningCode
    field: str
    message: str = Field(description="in Spanish, for users")
    dropped: bool = True
    evidence: list[Evidence] = Field(default_factory=list)


class FieldEvidence(BaseModel):
    """Evidence of the scalar fields of a ``Ruling``."""

    model_config = ConfigDict(frozen=True)

    doc_kind: list[Evidence] = Field(default_factory=list)
    resolution_date: list[Evidence] = Field(default_factory=list)
    place: list[Evidence] = Field(default_factory=list)
    procedural_code: list[Evidence] = Field(default_factory=list)
    early_termination: list[Evidence] = Field(default_factory=list)


class Ruling(BaseModel):
    model_config = ConfigDict(frozen=True)

    doc_kind: DocKind = DocKind.OTRO
    case_numbers: list[CaseNumber] = Field(default_factory=list)
    court: Court = Field(default_factory=Court)
    resolution_date: date | None = None
    place: str | None = None
    parties: list[Party] = Field(default_factory=list)
    charges: list[Charge] = Field(default_factory=list)
    outcome: Outcome | None = None
    penalties: list[Penalty] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    procedural_code: ProceduralCode = ProceduralCode.DESCONOCIDO
    early_termination: EarlyTermination | None = None
    citations: list[Citation] = Field(default_factory=list)
    lower_decisions: list[LowerDecision] = Field(default_factory=list)
    redactions: list[Redaction] = Field(default_factory=list)
    evidence: FieldEvidence = Field(default_factory=FieldEvidence)
    warnings: list[ExtractionWarning] = Field(default_factory=list)
    language: str | None = None
    extractor_version: str | None = None
