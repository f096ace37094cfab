"""Milestones of a case: which dates the duration indicators measure between.

A case's dates come from two sources (domain.md, "What monitors measure"):

- **the decision itself**: a document's ``resolution_date`` is the date of the milestone
  its ``doc_kind`` (and, for autos, its outcome) stands for: a sentencia is
  ``sentencia_primera``, a sentencia de vista ``sentencia_vista``, a casación ruling
  ``casacion``, an ejecutoria of a recurso de nulidad ``recurso_nulidad``, an auto de
  sobreseimiento ``sobreseimiento``, an auto approving a terminación anticipada
  ``terminacion_anticipada``;
- **the procedural history it recites** (``Ruling.events``). There ``apelacion``,
  ``casacion`` and ``recurso_nulidad`` are the dates the appeal was *filed*: they become
  ``apelacion``, ``casacion_interpuesta`` and ``recurso_nulidad_interpuesto``, distinct
  from the dates of the rulings that decide them.

``disposicion`` is derived: the first of ``sentencia_primera``, ``sobreseimiento`` and
``terminacion_anticipada``, i.e. the decision that ends the first instance however it ends.
"""

from __future__ import annotations

from enum import StrEnum

from schemas import CourtLevel, DocKind, EventKind, OutcomeKind, QueryError, Reason

from search.query.analysis import normalize_key


class Milestone(StrEnum):
    HECHOS = "hechos"
    DENUNCIA = "denuncia"
    FORMALIZACION = "formalizacion"
    APERTURA_INSTRUCCION = "apertura_instruccion"
    ACUSACION = "acusacion"
    AUTO_ENJUICIAMIENTO = "auto_enjuiciamiento"
    SENTENCIA_PRIMERA = "sentencia_primera"
    SOBRESEIMIENTO = "sobreseimiento"
    TERMINACION_ANTICIPADA = "terminacion_anticipada"
    DISPOSICION = "disposicion"
    APELACION = "apelacion"
    SENTENCIA_VISTA = "sentencia_vista"
    CASACION_INTERPUESTA = "casacion_interpuesta"
    CASACION = "casacion"
    RECURSO_NULIDAD_INTERPUESTO = "recurso_nulidad_interpuesto"
    RECURSO_NULIDAD = "recurso_nulidad"


M = Milestone

LABELS: dict[Milestone, str] = {
    M.HECHOS: "hechos", M.DENUNCIA: "denuncia",
    M.FORMALIZACION: "formalización de la investigación preparatoria",
    M.APERTURA_INSTRUCCION: "auto de apertura de instrucción", M.ACUSACION: "acusación",
    M.AUTO_ENJUICIAMIENTO: "auto de enjuiciamiento",
    M.SENTENCIA_PRIMERA: "sentencia de primera instancia", M.SOBRESEIMIENTO: "sobreseimiento",
    M.TERMINACION_ANTICIPADA: "terminación anticipada aprobada",
    M.DISPOSICION: "fin de la primera instancia (sentencia, sobreseimiento o terminación anticipada)",
    M.APELACION: "apelación interpuesta", M.SENTENCIA_VISTA: "sentencia de vista",
    M.CASACION_INTERPUESTA: "recurso de casación interpuesto", M.CASACION: "sentencia de casación",
    M.RECURSO_NULIDAD_INTERPUESTO: "recurso de nulidad interpuesto",
    M.RECURSO_NULIDAD: "ejecutoria suprema (recurso de nulidad)",
}

# Spanish ways of naming a milestone on the command line, folded (see ``parse_milestone``).
ALIASES: dict[str, Milestone] = {
    "hecho": M.HECHOS, "hechos": M.HECHOS, "fecha de los hechos": M.HECHOS,
    "denuncia": M.DENUNCIA,
    "formalizacion": M.FORMALIZACION, "formalizacion de la investigacion": M.FORMALIZACION,
    "investigacion preparatoria": M.FORMALIZACION,
    "apertura": M.APERTURA_INSTRUCCION, "instruccion": M.APERTURA_INSTRUCCION,
    "apertura de instruccion": M.APERTURA_INSTRUCCION, "auto de apertura": M.APERTURA_INSTRUCCION,
    "acusacion": M.ACUSACION, "requerimiento acusatorio": M.ACUSACION,
    "enjuiciamiento": M.AUTO_ENJUICIAMIENTO, "auto de enjuiciamiento": M.AUTO_ENJUICIAMIENTO,
    "sentencia": M.SENTENCIA_PRIMERA, "primera instancia": M.SENTENCIA_PRIMERA,
    "sentencia de primera instancia": M.SENTENCIA_PRIMERA,
    "sobreseimiento": M.SOBRESEIMIENTO,
    "terminacion": M.TERMINACION_ANTICIPADA,
    "fin": M.DISPOSICION, "fin de primera instancia": M.DISPOSICION, "disposicion": M.DISPOSICION,
    "apelacion": M.APELACION, "recurso de apelacion": M.APELACION,
    "vista": M.SENTENCIA_VISTA, "sentencia de vista": M.SENTENCIA_VISTA,
    "segunda instancia": M.SENTENCIA_VISTA,
    "sentencia de casacion": M.CASACION, "recurso de casacion": M.CASACION_INTERPUESTA,
    "nulidad": M.RECURSO_NULIDAD, "recurso de nulidad": M.RECURSO_NULIDAD, "rn": M.RECURSO_NULIDAD, "r n": M.RECURSO_NULIDAD,
    "ejecutoria": M.RECURSO_NULIDAD, "ejecutoria suprema": M.RECURSO_NULIDAD,
    "nulidad interpuesta": M.RECURSO_NULIDAD_INTERPUESTO,
}

# Order of the stages a case passes; milestones of one rank are alternatives.
RANK: dict[Milestone, int] = {
    M.HECHOS: 0, M.DENUNCIA: 1, M.FORMALIZACION: 2, M.APERTURA_INSTRUCCION: 2, M.ACUSACION: 3,
    M.AUTO_ENJUICIAMIENTO: 4, M.SENTENCIA_PRIMERA: 5, M.SOBRESEIMIENTO: 5,
    M.TERMINACION_ANTICIPADA: 5, M.DISPOSICION: 5, M.APELACION: 6, M.SENTENCIA_VISTA: 7,
    M.CASACION_INTERPUESTA: 8, M.RECURSO_NULIDAD_INTERPUESTO: 8, M.CASACION: 9,
    M.RECURSO_NULIDAD: 9,
}

# A case that reached one of these did not, and will not, reach the key: it took another path.
OTHER_PATHS: dict[Milestone, frozenset[Milestone]] = {
    M.FORMALIZACION: frozenset({M.APERTURA_INSTRUCCION}),
    M.APERTURA_INSTRUCCION: frozenset({M.FORMALIZACION}),
    M.ACUSACION: frozenset({M.SOBRESEIMIENTO, M.TERMINACION_ANTICIPADA}),
    M.AUTO_ENJUICIAMIENTO: frozenset({M.SOBRESEIMIENTO, M.TERMINACION_ANTICIPADA}),
    M.SENTENCIA_PRIMERA: frozenset({M.SOBRESEIMIENTO, M.TERMINACION_ANTICIPADA}),
    M.SOBRESEIMIENTO: frozenset({M.SENTENCIA_PRIMERA, M.TERMINACION_ANTICIPADA}),
    M.TERMINACION_ANTICIPADA: frozenset({M.SENTENCIA_PRIMERA, M.SOBRESEIMIENTO}),
    # the 1940 code's ordinary process goes from the sentencia to the recurso de nulidad
    M.APELACION: frozenset({M.RECURSO_NULIDAD_INTERPUESTO, M.RECURSO_NULIDAD}),
    M.SENTENCIA_VISTA: frozenset({M.RECURSO_NULIDAD_INTERPUESTO, M.RECURSO_NULIDAD}),
    M.CASACION_INTERPUESTA: frozenset({M.RECURSO_NULIDAD_INTERPUESTO, M.RECURSO_NULIDAD}),
    M.CASACION: frozenset({M.RECURSO_NULIDAD_INTERPUESTO, M.RECURSO_NULIDAD}),
    M.RECURSO_NULIDAD_INTERPUESTO: frozenset({M.CASACION_INTERPUESTA, M.CASACION}),
    M.RECURSO_NULIDAD: frozenset({M.CASACION_INTERPUESTA, M.CASACION}),
}

# An appeal milestone is awaited only once the appeal is known to have been filed: a case
# with no filing on record is not an open case of that stage (most rulings are never appealed).
APPEAL_ENTRY: dict[Milestone, Milestone] = {
    M.APELACION: M.APELACION, M.SENTENCIA_VISTA: M.APELACION,
    M.CASACION_INTERPUESTA: M.CASACION_INTERPUESTA, M.CASACION: M.CASACION_INTERPUESTA,
    M.RECURSO_NULIDAD_INTERPUESTO: M.RECURSO_NULIDAD_INTERPUESTO,
    M.RECURSO_NULIDAD: M.RECURSO_NULIDAD_INTERPUESTO,
}

FIRST_INSTANCE_ENDS = (M.SENTENCIA_PRIMERA, M.SOBRESEIMIENTO, M.TERMINACION_ANTICIPADA)

# Recited events: appeals are filing dates (the truth convention of the corpus).
FROM_EVENT: dict[EventKind, Milestone] = {
    EventKind.HECHOS: M.HECHOS, EventKind.DENUNCIA: M.DENUNCIA,
    EventKind.FORMALIZACION: M.FORMALIZACION, EventKind.APERTURA_INSTRUCCION: M.APERTURA_INSTRUCCION,
    EventKind.ACUSACION: M.ACUSACION, EventKind.AUTO_ENJUICIAMIENTO: M.AUTO_ENJUICIAMIENTO,
    EventKind.SENTENCIA_PRIMERA: M.SENTENCIA_PRIMERA, EventKind.APELACION: M.APELACION,
    EventKind.SENTENCIA_VISTA: M.SENTENCIA_VISTA, EventKind.CASACION: M.CASACION_INTERPUESTA,
    EventKind.RECURSO_NULIDAD: M.RECURSO_NULIDAD_INTERPUESTO,
}

_BY_DOC_KIND = {DocKind.SENTENCIA: M.SENTENCIA_PRIMERA, DocKind.SENTENCIA_VISTA: M.SENTENCIA_VISTA,
                DocKind.CASACION: M.CASACION, DocKind.RECURSO_NULIDAD: M.RECURSO_NULIDAD}
_AUTO_BY_OUTCOME = {
    OutcomeKind.SOBRESEIMIENTO: M.SOBRESEIMIENTO,
    OutcomeKind.TERMINACION_ANTICIPADA_APROBADA: M.TERMINACION_ANTICIPADA,
    OutcomeKind.CONCLUSION_ANTICIPADA: M.SENTENCIA_PRIMERA,
    OutcomeKind.CONDENA: M.SENTENCIA_PRIMERA, OutcomeKind.ABSOLUCION: M.SENTENCIA_PRIMERA,
    OutcomeKind.RESERVA_FALLO: M.SENTENCIA_PRIMERA,
    OutcomeKind.MEDIDA_SEGURIDAD: M.SENTENCIA_PRIMERA,
    OutcomeKind.CASACION_FUNDADA: M.CASACION, OutcomeKind.CASACION_INFUNDADA: M.CASACION,
    OutcomeKind.CASACION_IMPROCEDENTE: M.CASACION, OutcomeKind.CASACION_INADMISIBLE: M.CASACION,
}


def own_milestone(doc_kind: DocKind, outcomes: list[OutcomeKind], level: CourtLevel | None) -> Milestone | None:
    """The milestone a decision is: by its kind; an auto by what it decides (the first of
    its outcomes, or its defendants' outcomes, that names a milestone). Autos that decide
    nothing about the merits (prisión preventiva, appeals of autos) are not milestones."""
    if doc_kind in _BY_DOC_KIND:
        return _BY_DOC_KIND[doc_kind]
    if doc_kind != DocKind.AUTO:
        return None
    for kind in outcomes:
        milestone = _AUTO_BY_OUTCOME.get(kind)
        if milestone is M.CASACION and level not in (None, CourtLevel.CORTE_SUPREMA):
            continue
        if milestone is not None:
            return milestone
    return None


def parse_milestone(text: str | Milestone) -> Milestone:
    """A milestone from its name or a Spanish alias: ``sentencia`` → ``sentencia_primera``,
    "Sentencia de vista" → ``sentencia_vista``. Raises ``QueryError`` (Spanish) otherwise."""
    if isinstance(text, Milestone):
        return text
    key = normalize_key(text.replace("_", " "))
    for m in Milestone:
        if key == normalize_key(m.value.replace("_", " ")):
            return m
    if key in ALIASES:
        return ALIASES[key]
    names = ", ".join(m.value for m in Milestone)
    raise QueryError(f"Hito desconocido: «{text}». Use uno de: {names} (o alias como "
                     "«sentencia», «vista», «nulidad»).", reason=Reason.QUERY)


def check_pair(start: Milestone, end: Milestone) -> None:
    """Durations run forward: the end milestone must come at a later stage than the start."""
    if RANK[end] <= RANK[start]:
        raise QueryError(f"El hito final ({end.value}) debe ser posterior al inicial "
                         f"({start.value}) en el proceso.", reason=Reason.QUERY)


# Durations the domain asks for (domain.md, "What monitors measure"), in report order.
STANDARD_PAIRS: tuple[tuple[Milestone, Milestone], ...] = (
    (M.HECHOS, M.SENTENCIA_PRIMERA),
    (M.DENUNCIA, M.SENTENCIA_PRIMERA),
    (M.FORMALIZACION, M.SENTENCIA_PRIMERA),
    (M.APERTURA_INSTRUCCION, M.SENTENCIA_PRIMERA),
    (M.SENTENCIA_PRIMERA, M.SENTENCIA_VISTA),
    (M.SENTENCIA_VISTA, M.CASACION),
    (M.SENTENCIA_PRIMERA, M.RECURSO_NULIDAD),
)
