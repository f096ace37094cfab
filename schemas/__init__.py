"""The one vocabulary every stage speaks: documents, rulings, errors."""

from schemas.document import BOX_SCALE, DocumentText, FileType, Page, PageBoxes, PageMethod
from schemas.record import IndexRecord
from schemas.errors import (
    IndexUnavailable,
    OcrError,
    PipelineError,
    QueryError,
    Reason,
    UnreadableDocument,
)
from schemas.ruling import (
    CaseNumber,
    CaseNumberKind,
    Charge,
    Citation,
    CitationKind,
    Court,
    CourtLevel,
    DefendantOutcome,
    DocKind,
    EarlyTermination,
    Event,
    EventKind,
    ExtractionWarning,
    Evidence,
    FieldEvidence,
    LowerDecision,
    LowerInstance,
    Outcome,
    OutcomeKind,
    Party,
    Penalty,
    ProceduralCode,
    Redaction,
    Role,
    WarningCode,
    RULING_SCHEMA_VERSION,
    Ruling,
)

__all__ = [name for name in dir() if not name.startswith("_")]
