"""Indicator results as display tables (Spanish), shared by the terminal, CSV and HTML.

A ``Table`` holds raw values and a kind per column (how to format it), and for every row
the labelled lists of document ids behind it. No statistics here: only layout and words.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from search.analytics import (
    EXCLUSION_LABELS, MILESTONE_LABELS, REASON_LABELS, AppealResult, CepejResult, CodesResult,
    DurationResult, Milestone, OutcomeResult, PenaltyResult,
)
from search.analytics.models import Breakdown, Distribution, DurationGroup, OutcomeGroup, PenaltyGroup

CATEGORY_LABELS = {
    "condena": "condena", "terminacion_anticipada_aprobada": "terminación anticipada",
    "conclusion_anticipada": "conclusión anticipada", "reserva_fallo": "reserva del fallo",
    "medida_seguridad": "medida de seguridad",
    "absolucion": "absolución", "sobreseimiento": "sobreseimiento",
    "confirma": "confirma", "revoca": "revoca", "nula": "nula",
    "casacion_fundada": "fundada", "casacion_infundada": "infundada",
    "casacion_improcedente": "improcedente", "casacion_inadmisible": "inadmisible",
    "no_haber_nulidad": "no haber nulidad", "haber_nulidad": "haber nulidad",
    "terminacion_anticipada": "terminación anticipada", "principio_oportunidad": "principio de oportunidad",
    "acuerdo_reparatorio": "acuerdo reparatorio", "proceso_inmediato": "proceso inmediato",
    "ninguno": "ninguno",
}
GROUP_LABELS = {
    "total": "Total", "ncpp": "NCPP (2004)", "cdepp1940": "C. de Procedimientos Penales (1940)",
    "desconocido": "código sin determinar", "corte_suprema": "Corte Suprema",
    "corte_superior": "Corte Superior", "juzgado": "Juzgado",
}
DIMENSION_LABELS = {"ninguno": "total", "distrito": "distrito judicial", "familia": "familia de delito",
                    "delito": "delito", "codigo": "código procesal", "anio": "año", "nivel": "nivel del órgano"}


@dataclass
class Column:
    name: str
    kind: str = "text"  # text | int | days | pct | years | soles | nshare (a (n, share) pair)
    terminal: bool = True  # False: only in CSV and HTML (the terminal is narrow)
    short: str | None = None  # header in the terminal


SHORT_LABELS = {
    "terminacion_anticipada_aprobada": "t. anticip.", "conclusion_anticipada": "c. anticip.",
    "reserva_fallo": "reserva", "medida_seguridad": "m. segur.", "sobreseimiento": "sobreseim.", "terminacion_anticipada": "t. anticip.",
    "principio_oportunidad": "p. oportun.", "acuerdo_reparatorio": "ac. repar.",
    "proceso_inmediato": "p. inmediato", "casacion_improcedente": "improced.", "casacion_inadmisible": "inadmis.",
    "no_haber_nulidad": "no haber", "haber_nulidad": "haber",
}


def share_column(category: str) -> Column:
    return Column(CATEGORY_LABELS.get(category, category), "nshare", short=SHORT_LABELS.get(category))


@dataclass
class Row:
    cells: list
    ids: list[tuple[str, list[str]]] = field(default_factory=list)  # labelled document ids


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[Row]
    note: str = ""


def fmt(value, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "nshare":
        n, share = value
        return f"{n}" if share is None else f"{n} ({share * 100:.0f} %)"
    if kind == "int":
        return f"{value:,}"
    if kind == "days":
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if kind == "pct":
        return f"{value * 100:.1f} %"
    if kind == "years":
        return f"{value:.1f}"
    if kind == "soles":
        return f"S/ {value:,.2f}"
    return str(value)


def label(group: str, labels: Mapping[str, str] | None = None) -> str:
    return (labels or {}).get(group) or GROUP_LABELS.get(group, group)


# -- durations ---------------------------------------------------------------------------

def _reasons(g: DurationGroup) -> str:
    return ", ".join(f"{e.reason} {e.n}" for e in g.excluded)


def _duration_row(g: DurationGroup, name: str) -> Row:
    c, km = g.completed, g.km
    ids = [("concluidos", c.doc_ids), ("abiertos (censurados)", g.open.doc_ids)]
    ids += [(f"excluidos: {REASON_LABELS.get(e.reason, e.reason)}", e.doc_ids) for e in g.excluded]
    return Row([name, g.cases, c.n, c.median, c.p25, c.p75, c.p90, c.min, c.max, g.open.n,
                km.median if km else None, km.p25 if km else None, km.p75 if km else None,
                sum(e.n for e in g.excluded), _reasons(g)], ids)


DURATION_COLUMNS = [
    Column("grupo"), Column("casos", "int"), Column("concluidos", "int"), Column("mediana", "days"),
    Column("p25", "days"), Column("p75", "days"), Column("p90", "days"), Column("mín.", "days", False),
    Column("máx.", "days", False), Column("abiertos", "int"), Column("KM mediana", "days"),
    Column("KM p25", "days", False), Column("KM p75", "days", False), Column("excluidos", "int"),
    Column("motivos de exclusión"),
]
REASONS_NOTE = "Motivos: " + "; ".join(f"{k} = {v}" for k, v in REASON_LABELS.items()) + "."


def pair_title(start: str, end: str) -> str:
    return f"Días desde {MILESTONE_LABELS[Milestone(start)]} hasta {MILESTONE_LABELS[Milestone(end)]}"


def duration_table(r: DurationResult, labels: Mapping[str, str] | None = None) -> Table:
    rows = [_duration_row(g, label(g.group, labels)) for g in r.groups] + [_duration_row(r.total, "Total")]
    return Table(f"duraciones-{r.start}-{r.end}", f"{pair_title(r.start, r.end)}, por "
                 f"{DIMENSION_LABELS[r.by]}", DURATION_COLUMNS, rows,
                 note="Días. Cuartiles de los casos concluidos (tipo 7); KM: Kaplan–Meier con los casos "
                      "abiertos censurados en su última fecha conocida. " + REASONS_NOTE)


def durations_summary(results: Sequence[DurationResult]) -> Table:
    """One row per milestone pair: the totals."""
    rows = []
    for r in results:
        row = _duration_row(r.total, f"{r.start} → {r.end}")
        rows.append(row)
    return Table("duraciones-resumen", "Duraciones entre hitos (todos los casos)", DURATION_COLUMNS, rows,
                 note=REASONS_NOTE)


# -- outcomes ----------------------------------------------------------------------------

def _shares(b: Breakdown) -> list:
    return [(s.n, s.share) for s in b.shares]


def _share_ids(b: Breakdown) -> list[tuple[str, list[str]]]:
    return [(CATEGORY_LABELS.get(s.category, s.category), s.doc_ids) for s in b.shares if s.n]


def outcome_tables(r: OutcomeResult, labels: Mapping[str, str] | None = None) -> list[Table]:
    groups: list[tuple[str, OutcomeGroup]] = [(label(g.group, labels), g) for g in r.groups]
    groups.append(("Total", r.total))
    cats = [s.category for s in r.total.first_instance.shares]
    outcome_cols = [Column("grupo"), Column("decididos", "int"),
                    *(share_column(c) for c in cats),
                    Column("condenas ÷ (condenas + absoluciones)", "pct", short="cond.÷(cond.+abs.)"),
                    Column("condenas ÷ decididos", "pct", short="cond.÷decid.")]
    outcome_rows = [Row([name, g.first_instance.n, *_shares(g.first_instance), g.conviction_vs_acquittal.value,
                         g.conviction_of_decided.value], _share_ids(g.first_instance)) for name, g in groups]
    mech = [s.category for s in r.total.mechanisms.shares]
    mech_cols = [Column("grupo"), Column("resoluciones", "int"), *(share_column(m) for m in mech)]
    mech_rows = [Row([name, g.mechanisms.n, *_shares(g.mechanisms)], _share_ids(g.mechanisms)) for name, g in groups]
    by = DIMENSION_LABELS[r.by]
    return [
        Table("resultados", f"Resultados en primera instancia (imputados), por {by}", outcome_cols, outcome_rows,
              note="Condenas: condena, terminación anticipada y conclusión anticipada. " + _excluded_note(r.excluded)),
        Table("mecanismos", f"Mecanismos de simplificación del NCPP (resoluciones de primera instancia), por {by}",
              mech_cols, mech_rows),
    ]


def _excluded_note(excluded) -> str:
    if not excluded:
        return "Nada excluido."
    return "Excluidos: " + "; ".join(f"{e.n} {EXCLUSION_LABELS.get(e.reason, e.reason)}" for e in excluded) + "."


def appeal_tables(r: AppealResult, labels: Mapping[str, str] | None = None) -> list[Table]:
    groups = [(label(g.group, labels), g) for g in r.groups] + [("Total", r.total)]
    by = DIMENSION_LABELS[r.by]
    out = []
    for attr, slug, title in (("apelacion", "apelacion", "Apelación: sentencias de vista"),
                              ("casacion", "casacion", "Casación"),
                              ("nulidad", "nulidad", "Recurso de nulidad (código de 1940)")):
        cats = [s.category for s in getattr(r.total, attr).shares]
        cols = [Column("grupo"), Column("imputados", "int"), *(share_column(c) for c in cats)]
        rows = [Row([name, getattr(g, attr).n, *_shares(getattr(g, attr))], _share_ids(getattr(g, attr)))
                for name, g in groups if getattr(g, attr).n or g is r.total]
        out.append(Table(slug, f"{title}, por {by}", cols, rows,
                         note=_excluded_note(r.excluded) if attr == "apelacion" else ""))
    return out


# -- penalties ---------------------------------------------------------------------------

def _dist_cells(d: Distribution, quartiles_only: bool = False) -> list:
    return [d.n, d.median, d.p25, d.p75] + ([] if quartiles_only else [d.p90])


def penalty_tables(r: PenaltyResult, labels: Mapping[str, str] | None = None) -> list[Table]:
    groups: list[tuple[str, PenaltyGroup]] = [(label(g.group, labels), g) for g in r.groups] + [("Total", r.total)]
    by = DIMENSION_LABELS[r.by]
    prison_cols = [Column("grupo"), Column("efectiva: n", "int", short="efect. n"),
                   Column("efectiva: mediana", "years", short="mediana"), Column("efectiva: p25", "years", short="p25"),
                   Column("efectiva: p75", "years", short="p75"), Column("efectiva: p90", "years", short="p90"),
                   Column("suspendida: n", "int", short="susp. n"),
                   Column("suspendida: mediana", "years", short="mediana"),
                   Column("suspendida: p25", "years", short="p25"), Column("suspendida: p75", "years", short="p75"),
                   Column("sin precisar: n", "int", short="s/prec. n"),
                   Column("sin precisar: mediana", "years", short="mediana"),
                   Column("cadena perpetua: n", "int", short="perpetua n")]
    prison_rows = [Row([name, *_dist_cells(g.prison_effective), *_dist_cells(g.prison_suspended, True),
                        g.prison_unstated.n, g.prison_unstated.median, g.cadena_perpetua],
                       [("efectiva", g.prison_effective.doc_ids), ("suspendida", g.prison_suspended.doc_ids),
                        ("sin precisar", g.prison_unstated.doc_ids),
                        ("cadena perpetua", g.cadena_perpetua_ids)]) for name, g in groups]
    rep_cols = [Column("grupo"), Column("n", "int"), Column("mediana", "soles"), Column("p25", "soles"),
                Column("p75", "soles"), Column("p90", "soles"), Column("mín.", "soles"), Column("máx.", "soles")]
    rep_rows = [Row([name, *_dist_cells(g.reparacion), g.reparacion.min, g.reparacion.max],
                    [("reparación civil", g.reparacion.doc_ids)]) for name, g in groups]
    return [
        Table("penas", f"Pena privativa de libertad (años), por {by}", prison_cols, prison_rows,
              note="Una pena por imputado y caso: la de la decisión más reciente. " + _excluded_note(r.excluded)),
        Table("reparacion", f"Reparación civil (soles), por {by}", rep_cols, rep_rows,
              note="Una reparación solidaria se repite para cada imputado, como la fijan las resoluciones."),
    ]


# -- NCPP vs 1940 ------------------------------------------------------------------------

CODE_ORDER = ("ncpp", "cdepp1940", "desconocido")


def codes_table(r: CodesResult) -> Table:
    """Indicators as rows, procedural codes as columns: each cell's documents are listed per code."""
    cols = [Column("indicador"), *(Column(GROUP_LABELS[c]) for c in CODE_ORDER)]
    rows: list[Row] = []

    def add(name: str, groups: Mapping[str, object], cell, ids) -> None:
        cells, lists = [name], []
        for code in CODE_ORDER:
            g = groups.get(code)
            cells.append(cell(g) if g is not None else "—")
            if g is not None:
                lists.append((GROUP_LABELS[code], ids(g)))
        rows.append(Row(cells, lists))

    for d in r.durations:
        by = {g.group: g for g in d.groups}
        add(f"días {d.start} → {d.end}: mediana (n) [KM]", by,
            lambda g: f"{fmt(g.completed.median, 'days')} ({g.completed.n})"
                      + (f" [{fmt(g.km.median, 'days')}; {g.open.n} abiertos]" if g.km else ""),
            lambda g: g.completed.doc_ids + g.open.doc_ids)
    by = {g.group: g for g in r.outcomes.groups}
    add("condenas ÷ (condenas + absoluciones)", by,
        lambda g: f"{fmt(g.conviction_vs_acquittal.value, 'pct')} (n={g.conviction_vs_acquittal.denominator})",
        lambda g: g.conviction_vs_acquittal.doc_ids)
    add("condenas ÷ decididos", by,
        lambda g: f"{fmt(g.conviction_of_decided.value, 'pct')} (n={g.conviction_of_decided.denominator})",
        lambda g: g.conviction_of_decided.doc_ids)
    for i, cat in enumerate(s.category for s in r.outcomes.total.first_instance.shares):
        add(f"{CATEGORY_LABELS[cat]} (% de imputados)", by,
            lambda g, i=i: fmt((g.first_instance.shares[i].n, g.first_instance.shares[i].share), "nshare"),
            lambda g, i=i: g.first_instance.shares[i].doc_ids)
    for i, cat in enumerate(s.category for s in r.outcomes.total.mechanisms.shares):
        add(f"{CATEGORY_LABELS[cat]} (% de resoluciones)", by,
            lambda g, i=i: fmt((g.mechanisms.shares[i].n, g.mechanisms.shares[i].share), "nshare"),
            lambda g, i=i: g.mechanisms.shares[i].doc_ids)
    ap = {g.group: g for g in r.appeals.groups}
    for attr in ("apelacion", "casacion", "nulidad"):
        for i, cat in enumerate(s.category for s in getattr(r.appeals.total, attr).shares):
            add(f"{attr}: {CATEGORY_LABELS[cat]}", ap,
                lambda g, i=i, a=attr: fmt((getattr(g, a).shares[i].n, getattr(g, a).shares[i].share), "nshare"),
                lambda g, i=i, a=attr: getattr(g, a).shares[i].doc_ids)
    pen = {g.group: g for g in r.penalties.groups}
    add("pena efectiva: mediana de años (n)", pen,
        lambda g: f"{fmt(g.prison_effective.median, 'years')} ({g.prison_effective.n})",
        lambda g: g.prison_effective.doc_ids)
    add("pena suspendida: mediana de años (n)", pen,
        lambda g: f"{fmt(g.prison_suspended.median, 'years')} ({g.prison_suspended.n})",
        lambda g: g.prison_suspended.doc_ids)
    add("reparación civil: mediana (n)", pen,
        lambda g: f"{fmt(g.reparacion.median, 'soles')} ({g.reparacion.n})", lambda g: g.reparacion.doc_ids)
    return Table("codigos", "NCPP y código de 1940, lado a lado", cols, rows,
                 note="Cada caso o documento cuenta en el código que declara (o el de su caso).")


# -- CEPEJ -------------------------------------------------------------------------------

def cepej_tables(r: CepejResult) -> list[Table]:
    if not r.available:
        return []
    cols = [Column("órgano"), Column("año"), Column("ingresados", "int"), Column("resueltos", "int"),
            Column("pendientes", "int"), Column("tasa de resolución", "pct"),
            Column("tiempo de disposición (días)", "days")]

    def rows(items):
        return [Row([x.court, x.year, x.filed, x.resolved, x.pending, x.clearance_rate,
                     x.disposition_time_days]) for x in items]

    return [Table("cepej", "CEPEJ por órgano y año", cols, rows(r.rows), note=r.message),
            Table("cepej-anual", "CEPEJ por año (todos los órganos)", cols, rows(r.by_year))]


# -- CSV ---------------------------------------------------------------------------------

def write_csv(tables: Sequence[Table], path: Path) -> list[Path]:
    """The first table to ``path``, the others beside it as ``<stem>-<slug>.csv``. Shares
    become two columns (n, proportion); each labelled id list a column of space-separated ids."""
    written = []
    for i, t in enumerate(tables):
        target = path if i == 0 else path.with_name(f"{path.stem}-{t.slug}{path.suffix or '.csv'}")
        id_labels = list(dict.fromkeys(name for row in t.rows for name, _ in row.ids))
        header = []
        for c in t.columns:
            header += [f"{c.name} (n)", f"{c.name} (proporción)"] if c.kind == "nshare" else [c.name]
        header += [f"documentos: {name}" for name in id_labels]
        with target.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            for row in t.rows:
                values = []
                for c, v in zip(t.columns, row.cells):
                    values += list(v) if c.kind == "nshare" else [v]
                lists = dict(row.ids)
                values += [" ".join(lists.get(name, [])) for name in id_labels]
                w.writerow(["" if v is None else round(v, 4) if isinstance(v, float) else v for v in values])
        written.append(target)
    return written
