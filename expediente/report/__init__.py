"""The monitoring report: one self-contained HTML file (tables, inline SVG charts,
definitions, the filters used and the documents behind every number).

>>> html = build_report(corpus, dims=[Dimension.FAMILIA, Dimension.ANIO], labels=FAMILIES)
>>> write_report(Path("informe"), html)        # informe/informe.html
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from expediente.report import charts, html as H
from expediente.report.tables import (
    DIMENSION_LABELS, Table, appeal_tables, cepej_tables, codes_table, duration_table, durations_summary,
    outcome_tables, pair_title, penalty_tables,
)
from search import analytics
from search.analytics import CaseloadRow, Corpus, Dimension, Filters

REPORT_NAME = "informe.html"
# The code comparison has its own section, so it is not a default breakdown.
DEFAULT_DIMS = (Dimension.FAMILIA, Dimension.DISTRITO, Dimension.ANIO)
DURATION_CHART_DIMS = 2  # box plots for the first two breakdowns of each duration
# Beyond this many documents the id lists of one figure are capped (see ``auto_max_ids``).
LARGE_CORPUS = 5_000
CAPPED_IDS = 25

__all__ = ["DEFAULT_DIMS", "REPORT_NAME", "auto_max_ids", "build_report", "write_report"]


def auto_max_ids(n_docs: int) -> int | None:
    """All ids up to ``LARGE_CORPUS`` documents (a report of a few MB); beyond, the first
    ``CAPPED_IDS`` of each figure, so that the file stays sendable. The complete lists are
    in the ``--json`` and ``--csv`` outputs of ``expediente stats``."""
    return None if n_docs <= LARGE_CORPUS else CAPPED_IDS


class _Page:
    """Collects sections, and the ids of every document a figure cites (for the appendix)."""

    def __init__(self, max_ids: int | None) -> None:
        self.parts: list[str] = []
        self.cited: set[str] = set()
        self.max_ids = max_ids
        self.charts = 0

    def add(self, text: str) -> None:
        self.parts.append(text)

    def table(self, t: Table) -> None:
        for row in t.rows:
            for _, ids in row.ids:
                self.cited.update(ids if self.max_ids is None else ids[:self.max_ids])
        self.add(H.table_html(t, self.max_ids))

    def chart(self, fig, alt: str) -> None:
        self.charts += 1
        self.add(H.chart_html(charts.inline_svg(fig, salt=f"grafico{self.charts}"), alt))


def build_report(
    corpus: Corpus, *, filters: Filters = Filters(), dims: Sequence[Dimension] = DEFAULT_DIMS,
    caseload: Sequence[CaseloadRow] | None = None, caseload_source: str | None = None,
    labels: Mapping[str, str] | None = None, title: str = "Informe de seguimiento de procesos penales",
    source: str | None = None, max_ids: int | None = None, generated: datetime | None = None,
) -> str:
    """The whole report as HTML text. ``labels`` names groups (crime families, crimes);
    ``max_ids`` caps the ids listed per figure (None: all of them)."""
    dims = list(dict.fromkeys(dims)) or [Dimension.NINGUNO]
    p = _Page(max_ids)
    when = (generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
    p.add(f"<h1>{escape(title)}</h1>")
    p.add(f'<p class="meta">Generado el {when} a partir de {len(corpus.docs)} documentos '
          f"({len(corpus.cases)} casos){f' del índice <code>{escape(source)}</code>' if source else ''}.</p>")
    shown = filters.describe()
    p.add("<p><b>Filtros usados:</b> " + ("; ".join(f"{escape(k)} = {escape(v)}" for k, v in shown)
                                          if shown else "ninguno (todo el índice)") + ".</p>")
    p.add("<nav><b>Contenido</b><ul>" + "".join(
        f'<li><a href="#{a}">{t}</a></li>' for a, t in (
            ("definiciones", "Definiciones"), ("duraciones", "Duraciones"), ("resultados", "Resultados"),
            ("apelaciones", "Apelaciones y casación"), ("penas", "Penas"), ("codigos", "NCPP y código de 1940"),
            ("cepej", "CEPEJ"), ("documentos", "Documentos"))) + "</ul></nav>")
    p.add('<h2 id="definiciones">Definiciones</h2>' + H.definitions_html())

    _durations(p, corpus, filters, dims, labels)
    _per_dimension(p, "resultados", "Resultados en primera instancia", dims, labels,
                   lambda d: analytics.outcomes(corpus, by=d, filters=filters), outcome_tables, charts.outcomes_chart)
    _per_dimension(p, "apelaciones", "Apelaciones, casaciones y recursos de nulidad", dims, labels,
                   lambda d: analytics.appeals(corpus, by=d, filters=filters), appeal_tables, charts.appeals_chart)
    _per_dimension(p, "penas", "Penas y reparación civil", dims, labels,
                   lambda d: analytics.penalties(corpus, by=d, filters=filters), penalty_tables, charts.penalties_chart)

    p.add('<h2 id="codigos">NCPP y código de 1940, lado a lado</h2>')
    codes = analytics.compare_codes(corpus, filters=filters)
    p.table(codes_table(codes))
    p.chart(charts.codes_chart(codes), "Duraciones y resultados por código procesal")

    p.add('<h2 id="cepej">Indicadores CEPEJ</h2>')
    cepej = analytics.cepej(caseload, source=caseload_source) if caseload is not None else analytics.cepej(None)
    p.add(f"<p>{escape(cepej.message)}</p>")
    for t in cepej_tables(cepej):
        p.table(t)
    if cepej.available:
        p.chart(charts.cepej_chart(cepej), "Indicadores CEPEJ por año")

    p.add('<h2 id="documentos">Documentos citados</h2><p>Cada id de las tablas enlaza aquí.</p>')
    p.add(H.documents_html(corpus, p.cited))
    return H.page(title, "\n".join(p.parts))


def _durations(p: _Page, corpus: Corpus, filters: Filters, dims: Sequence[Dimension], labels) -> None:
    p.add('<h2 id="duraciones">Duraciones entre hitos</h2>')
    per_pair = [[analytics.durations(corpus, s, e, by=d, filters=filters, per_case=False) for d in dims]
                for s, e in analytics.STANDARD_PAIRS]
    p.table(durations_summary([results[0] for results in per_pair]))
    for results in per_pair:
        first = results[0]
        p.add(f"<h3>{escape(pair_title(first.start, first.end))}</h3>")
        if first.total.completed.n == 0 and first.total.open.n == 0:
            p.add('<p class="note">Ningún caso tiene ambas fechas.</p>')
            continue
        for i, r in enumerate(results):
            p.add(f"<details{' open' if r is first else ''}><summary>Por {DIMENSION_LABELS[r.by]}</summary>")
            table = duration_table(r, labels)
            p.table(table)
            if r.total.completed.n and i < DURATION_CHART_DIMS:
                p.chart(charts.durations_chart(r, labels), table.title)
            p.add("</details>")
        if first.total.km is not None:
            p.chart(charts.km_chart(first, labels), f"Kaplan–Meier: {pair_title(first.start, first.end)}")


def _per_dimension(p: _Page, anchor: str, heading: str, dims, labels, compute, tables, chart) -> None:
    p.add(f'<h2 id="{anchor}">{escape(heading)}</h2>')
    for i, d in enumerate(dims):
        result = compute(d)
        p.add(f"<details{' open' if i == 0 else ''}><summary>Por {DIMENSION_LABELS[d]}</summary>")
        for t in tables(result, labels):
            p.table(t)
        p.chart(chart(result, labels), f"{heading}, por {DIMENSION_LABELS[d]}")
        p.add("</details>")


def write_report(out_dir: Path, html: str, name: str = REPORT_NAME) -> Path:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    path.write_text(html, encoding="utf-8")
    return path
