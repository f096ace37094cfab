"""Charts of the indicators (matplotlib, Agg backend, no pyplot state): Spanish titles and
axis labels, ``n`` on every group.

Box plots are drawn from the figures of the tables, not re-computed: box from the 25th to
the 75th percentile, a line at the median, whiskers to the minimum and maximum, a diamond
at the 90th percentile; so every mark on a chart is a number in its table.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from expediente.report.tables import CATEGORY_LABELS, CODE_ORDER, GROUP_LABELS, label, pair_title  # noqa: E402
from schemas import QueryError, Reason  # noqa: E402
from search.analytics import (  # noqa: E402
    AppealResult, CepejResult, CodesResult, DurationResult, OutcomeResult, PenaltyResult,
)
from search.analytics.models import Breakdown, Distribution  # noqa: E402

MAX_GROUPS = 20  # the largest groups; years are all shown
PALETTE = ("#1b6ca8", "#e07b39", "#3a9d5d", "#c0392b", "#8e6bbf", "#8c564b", "#d17fb6", "#7f7f7f",
           "#b5b83a", "#17becf")
BOX_NOTE = "Caja: p25–p75; línea: mediana; bigotes: mínimo y máximo; rombo: p90."
FORMATS = {".png": "png", ".svg": "svg"}
SHORT = {"sentencia_primera": "sentencia", "apertura_instruccion": "apertura instr.",
         "formalizacion": "formalización", "sentencia_vista": "s. de vista", "casacion": "casación",
         "recurso_nulidad": "R. N."}


def save(fig: Figure, path: Path) -> Path:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"Formato de gráfico no admitido: «{path.suffix or path.name}». Use .png o .svg.",
                         reason=Reason.QUERY)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=fmt, dpi=150, bbox_inches="tight", metadata=_metadata(fmt))
    return path


def inline_svg(fig: Figure, salt: str) -> str:
    """The chart as an ``<svg>`` element to put straight into an HTML page: text kept as
    text (small), ids salted per chart so that several charts on one page never clash."""
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata=_metadata("svg"))
    text = buf.getvalue()
    return _compact(text[text.index("<svg"):])


_METADATA = re.compile(r"<metadata>.*?</metadata>", re.S)
_GROUP_ID = re.compile(r'<g id="[^"]*"')
_DIGITS = re.compile(r"(\d+\.\d{2})\d+")
_SPACE = re.compile(r"\s*\n\s*")


def _compact(svg: str) -> str:
    """Half the size of matplotlib's SVG, same picture: no metadata, no unreferenced group
    ids (they would repeat on a page with several charts), two decimals, no indentation."""
    svg = _GROUP_ID.sub("<g", _METADATA.sub("", svg))
    return _SPACE.sub(" ", _DIGITS.sub(r"\1", svg)).replace("> <", "><")


def _metadata(fmt: str) -> dict:
    return {"Date": None} if fmt == "svg" else {}


def _boxes(ax, dists: Sequence[tuple[str, Distribution]], xlabel: str, *, log: bool = False) -> None:
    items = [(name, d) for name, d in dists if d.n]
    if not items:
        ax.text(0.5, 0.5, "sin datos", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    stats = [{"med": d.median, "q1": d.p25, "q3": d.p75, "whislo": d.min, "whishi": d.max, "fliers": [],
              "label": f"{name} (n={d.n})"} for name, d in items]
    ax.bxp(stats, orientation="horizontal", showfliers=False, patch_artist=True,
           boxprops={"facecolor": "#cfe0f1", "edgecolor": "#1b6ca8"},
           medianprops={"color": "#c0392b", "linewidth": 2})
    ax.plot([d.p90 for _, d in items], range(1, len(items) + 1), "D", color="#333333", markersize=4)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    if log:
        ax.set_xscale("log")
    ax.grid(axis="x", alpha=0.3)


def _figure(rows: int, width: float = 9.0, height_per_row: float = 0.0, n: int = 0) -> Figure:
    return Figure(figsize=(width, max(3.0, 1.2 + height_per_row * n) * rows), layout="constrained")


def durations_chart(r: DurationResult, labels: Mapping[str, str] | None = None) -> Figure:
    groups = r.groups if r.by == "anio" else r.groups[:MAX_GROUPS]
    dists = [(label(g.group, labels), g.completed) for g in groups] + [("Total", r.total.completed)]
    fig = _figure(1, height_per_row=0.38, n=len(dists))
    ax = fig.add_subplot()
    _boxes(ax, dists, "días")
    ax.set_title(f"{pair_title(r.start, r.end)}\n(casos concluidos; {r.total.open.n} abiertos aparte)", fontsize=11)
    fig.text(0.01, 0.0, BOX_NOTE, fontsize=7, color="#555555", va="top")
    return fig


def km_chart(r: DurationResult, labels: Mapping[str, str] | None = None) -> Figure:
    """Kaplan–Meier curves (share of cases still waiting) for the total and the largest groups."""
    fig = _figure(1, height_per_row=0, n=0)
    ax = fig.add_subplot()
    curves = [("Total", r.total)] + [(label(g.group, labels), g) for g in r.groups if g.km][:6]
    for i, (name, g) in enumerate(curves):
        if not g.km:
            continue
        xs = [0.0] + [s.days for s in g.km.curve]
        ys = [1.0] + [s.survival for s in g.km.curve]
        ax.step(xs, ys, where="post", color=PALETTE[i % len(PALETTE)],
                label=f"{name} (n={g.km.n}, abiertos={g.km.censored})")
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("días")
    ax.set_ylabel("proporción de casos aún sin el hito final")
    ax.set_title(f"Kaplan–Meier: {pair_title(r.start, r.end).lower()}", fontsize=11)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return fig


def _stacked(ax, groups: Sequence[tuple[str, Breakdown]], title: str, ylabel: str) -> None:
    groups = [(name, b) for name, b in groups if b.n]
    if not groups:
        ax.text(0.5, 0.5, "sin datos", ha="center", va="center", transform=ax.transAxes)
        ax.set_title(title, fontsize=11)
        ax.set_axis_off()
        return
    cats = [s.category for s in groups[0][1].shares]
    xs = range(len(groups))
    bottom = [0.0] * len(groups)
    for i, cat in enumerate(cats):
        heights = [100 * (b.shares[i].share or 0) for _, b in groups]
        ax.bar(xs, heights, bottom=bottom, color=PALETTE[i % len(PALETTE)], label=CATEGORY_LABELS.get(cat, cat),
               width=0.75)
        bottom = [a + h for a, h in zip(bottom, heights)]
    for x, (_, b) in zip(xs, groups):
        ax.text(x, 101, f"n={b.n}", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(list(xs), [name for name, _ in groups], rotation=45 if len(groups) > 6 else 0,
                  ha="right" if len(groups) > 6 else "center", fontsize=8)
    ax.set_ylim(0, 110)
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=11)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _grouped(r, attr: str, labels) -> list[tuple[str, Breakdown]]:
    groups = r.groups if r.by == "anio" else r.groups[:MAX_GROUPS]
    return [(label(g.group, labels), getattr(g, attr)) for g in groups] + [("Total", getattr(r.total, attr))]


def outcomes_chart(r: OutcomeResult, labels: Mapping[str, str] | None = None) -> Figure:
    from expediente.report.tables import DIMENSION_LABELS

    fig = _figure(2, width=10)
    by = DIMENSION_LABELS[r.by]
    _stacked(fig.add_subplot(2, 1, 1), _grouped(r, "first_instance", labels),
             f"Resultados en primera instancia, por {by}", "% de imputados con decisión")
    _stacked(fig.add_subplot(2, 1, 2), _grouped(r, "mechanisms", labels),
             f"Mecanismos de simplificación procesal, por {by}", "% de resoluciones")
    return fig


def appeals_chart(r: AppealResult, labels: Mapping[str, str] | None = None) -> Figure:
    fig = _figure(3, width=10)
    for i, (attr, title) in enumerate((("apelacion", "Apelación"), ("casacion", "Casación"),
                                       ("nulidad", "Recurso de nulidad"))):
        _stacked(fig.add_subplot(3, 1, i + 1), _grouped(r, attr, labels), title, "% de imputados")
    return fig


def penalties_chart(r: PenaltyResult, labels: Mapping[str, str] | None = None) -> Figure:
    groups = r.groups[:MAX_GROUPS]
    n = len(groups) + 1
    fig = _figure(1, width=11, height_per_row=0.38, n=n)
    left, right = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    _boxes(left, [(label(g.group, labels), g.prison_effective) for g in groups]
           + [("Total", r.total.prison_effective)], "años")
    left.set_title("Pena privativa de libertad efectiva", fontsize=11)
    _boxes(right, [(label(g.group, labels), g.reparacion) for g in groups] + [("Total", r.total.reparacion)],
           "soles (escala logarítmica)", log=True)
    right.set_title("Reparación civil", fontsize=11)
    fig.text(0.01, 0.0, BOX_NOTE, fontsize=7, color="#555555", va="top")
    return fig


def codes_chart(r: CodesResult) -> Figure:
    fig = _figure(2, width=10)
    ax = fig.add_subplot(2, 1, 1)
    width = 0.8 / len(CODE_ORDER)
    for j, code in enumerate(CODE_ORDER):
        xs, heights, ns = [], [], []
        for i, d in enumerate(r.durations):
            g = next((g for g in d.groups if g.group == code), None)
            if g is not None and g.completed.median is not None:
                xs.append(i + (j - 1) * width)
                heights.append(g.completed.median)
                ns.append(g.completed.n)
        if not xs:
            continue
        bars = ax.bar(xs, heights, width=width, color=PALETTE[j], label=GROUP_LABELS[code])
        for bar, n in zip(bars, ns):
            ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), f"n={n}", ha="center",
                    va="bottom", fontsize=6)
    ax.set_xticks(range(len(r.durations)), [f"{SHORT.get(d.start, d.start)}\n→ {SHORT.get(d.end, d.end)}"
                                            for d in r.durations], fontsize=8)
    ax.set_ylabel("mediana de días (casos concluidos)")
    ax.set_title("Duraciones por código procesal", fontsize=11)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)
    by = {g.group: g for g in r.outcomes.groups}
    _stacked(fig.add_subplot(2, 1, 2), [(GROUP_LABELS[c], by[c].first_instance) for c in CODE_ORDER if c in by],
             "Resultados en primera instancia por código procesal", "% de imputados con decisión")
    return fig


def cepej_chart(r: CepejResult) -> Figure:
    fig = _figure(1, width=9)
    ax = fig.add_subplot()
    if not r.available or not r.by_year:
        ax.text(0.5, 0.5, "sin carga procesal cargada", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    years = [str(x.year) for x in r.by_year]
    bars = ax.bar(years, [100 * (x.clearance_rate or 0) for x in r.by_year], color=PALETTE[0],
                  label="tasa de resolución (%)")
    for bar, x in zip(bars, r.by_year):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), f"n={x.filed}", ha="center",
                va="bottom", fontsize=7)
    ax.axhline(100, color="#555555", linewidth=0.8, linestyle="--")
    ax.set_xlabel("año")
    ax.set_ylabel("resueltos ÷ ingresados (%)")
    twin = ax.twinx()
    twin.plot(years, [x.disposition_time_days for x in r.by_year], "o-", color=PALETTE[1],
              label="tiempo de disposición (días)")
    twin.set_ylabel("tiempo de disposición (días)")
    ax.set_title("Indicadores CEPEJ por año (todos los órganos)", fontsize=11)
    fig.legend(fontsize=8, loc="outside lower center", ncols=2)
    return fig
