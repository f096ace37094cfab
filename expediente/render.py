"""Terminal rendering with rich: progress, summaries, results, records. No logic of its own."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

STATUS_LABEL = {"ingested": "ingeridos", "skipped": "sin cambios", "failed": "fallidos",
                "excluded": "excluidos"}
HIGHLIGHT = re.compile(r"\*\*(.+?)\*\*")


class _StagedProgress(Progress):
    """A progress bar with a second line under it: counts per stage and the last file."""

    stages = Text()

    def get_renderables(self):
        yield self.make_tasks_table(self.tasks)
        yield self.stages


@contextmanager
def ingest_progress(console: Console, *, total: int):
    """A progress bar that moves as each document finishes (read and extracted, or refused),
    with counts per stage, pages per second and time left; yields the listener for the
    flow's ``IngestEvent``s."""
    counts: Counter = Counter()
    finished: set[str] = set()
    started: list[float] = []  # the first event: Prefect's start-up is not reading time
    with _StagedProgress(
        TextColumn("[bold]Ingesta"), BarColumn(bar_width=24), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("quedan"), TimeRemainingColumn(),
        TextColumn("{task.fields[rate]}"), console=console, transient=False,
    ) as progress:
        task_id = progress.add_task("", total=total, rate="")

        def on_event(event) -> None:
            started[:] = started or [time.monotonic()]
            stage = str(event.stage)
            if stage == "done":
                counts[event.outcome.status] += 1
            else:
                counts[stage] += 1
                counts["pages"] += event.pages if stage == "acquired" else 0
            first = event.path not in finished and stage in ("extracted", "done")
            if first:
                finished.add(event.path)
            others = "".join(f" · {label} {counts[key]}" for key, label in STATUS_LABEL.items()
                             if key != "ingested" and counts[key])
            progress.stages = Text(f"  leídos {counts['acquired']} · extraídos {counts['extracted']}"
                                   f" · indexados {counts['ingested']}{others}  "
                                   f"{Path(event.path).name}", overflow="ellipsis", no_wrap=True)
            rate = counts["pages"] / max(time.monotonic() - started[0], 1e-6)
            progress.update(task_id, advance=1 if first else 0,
                            rate=f"{rate:.1f} pág/s" if counts["pages"] else "")

        yield on_event


def ingest_summary(console: Console, summary, *, seconds: float, log_file: Path) -> None:
    counts = Counter(o.status for o in summary.outcomes)
    parts = [f"{counts.get(k, 0)} {label}" for k, label in STATUS_LABEL.items()]
    console.print(f"[bold]Resumen[/]: {', '.join(parts)} en {seconds:.1f} s → {escape(summary.index)}")
    for status, mark in (("failed", "[red]✗[/]"), ("excluded", "[yellow]–[/]")):
        for o in summary.by_status(status):
            console.print(f"{mark} {escape(o.path)}: [bold]{o.reason}[/] — {escape(o.message or '')}",
                          soft_wrap=True)
    for o in summary.outcomes:
        for warning in o.warnings:
            console.print(f"[yellow]Aviso[/] {escape(Path(o.path).name)}: {escape(warning)}")
    console.print(f"[dim]Registro de Prefect: {escape(str(log_file))}[/]")


def _highlight(snippet: str) -> str:
    return HIGHLIGHT.sub(lambda m: f"[bold yellow]{m.group(1)}[/]", escape(snippet))


def search_results(console: Console, query: str, results) -> None:
    console.print(f"\n[bold]Búsqueda[/] {escape(query) or '(todo)'} — {results.total} resultado(s)")
    for n, hit in enumerate(results.hits, 1):
        numbers = ", ".join(hit.case_numbers[:2]) or "sin número"
        date = hit.resolution_date.isoformat() if hit.resolution_date else "s/f"
        console.print(
            f" {n}. [cyan]{hit.id}[/] {escape(numbers)} · {hit.doc_kind or '?'} · "
            f"{escape(hit.district or '?')} · {date} · {', '.join(hit.crimes) or '—'} · "
            f"{hit.outcome or '—'}"
        )
        if hit.snippet:
            console.print(f"    {_highlight(hit.snippet)}")


def ruling(console: Console, r, pages, *, title: str) -> None:
    """Each fact of ``r`` with the page, the span and the text it was read from."""
    from expediente.facts import quoted_facts

    table = Table("dato", "valor", "pág.", "posición", "texto", title=escape(title), title_justify="left")
    section = None
    for f in quoted_facts(r, pages):
        if f.section != section:
            section = f.section
            table.add_row(f"[bold]{escape(section)}[/]", "", "", "", "")
        table.add_row(escape(f.label), escape(f.value), str(f.page or "—"),
                      f"{f.start}–{f.end}" if f.page else "—", escape(f"«{f.quote}»") if f.quote else "—")
    console.print(table)


def eval_report(console: Console, report) -> None:
    console.print(f"[bold]Evaluación[/]: {report.documents} documentos en {report.seconds:.1f} s")
    if report.extract_seconds:
        console.print(f"Extracción: {report.words / report.extract_seconds:,.0f} palabras/s")
    if report.scanned:
        console.print("Documentos de texto impresos y escaneados antes de leerlos (--scan)")
    if report.printed:
        console.print("Documentos de texto compuestos como PDF nacido digital antes de leerlos (--pdf)")
    for name, error in report.failures:
        console.print(f"[red]No leído[/] {escape(name)}: {escape(error)}")
    if report.warnings:
        console.print("Valores inverosímiles descartados: " + ", ".join(
            f"{code} {n}" for code, n in report.warnings.most_common()))
    fields_f1 = [s.f1 for s in report.groups.get("todos", {}).values()]
    if fields_f1:
        console.print(f"F1 macro (media de los campos): {sum(fields_f1) / len(fields_f1):.3f}")
    for group, fields in report.groups.items():
        table = Table("campo", "P", "R", "F1", "VP", "FP", "FN", title=f"{group}", title_justify="left")
        for field_name, s in fields.items():
            table.add_row(field_name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                          str(s.tp), str(s.fp), str(s.fn))
        console.print(table)


def overview(console: Console, records) -> None:
    """A small table: documents by district and crime family, with outcomes; and a warning
    when records were extracted by an older extractor (re-ingesting the folder re-reads them)."""
    from extractors.data.crimes import family_of

    by_district: Counter = Counter()
    by_family: Counter = Counter()
    convictions: Counter = Counter()
    versions: Counter = Counter()
    for rec in records:
        versions[rec.extractor_version] += 1
        district = rec.ruling.court.district or next(
            (c.district for c in rec.ruling.case_numbers if c.district), None) or "?"
        by_district[district] += 1
        families = {family_of(c.crime) or "otro" for c in rec.ruling.charges} or {"sin delito"}
        for fam in families:
            by_family[fam] += 1
            if rec.ruling.outcome and rec.ruling.outcome.kind.value == "condena":
                convictions[fam] += 1
    table = Table("distrito", "documentos", title="Documentos por distrito", title_justify="left")
    for name, n in by_district.most_common():
        table.add_row(name, str(n))
    console.print(table)
    table = Table("familia de delito", "documentos", "condenas", title="Por familia de delito",
                  title_justify="left")
    for name, n in by_family.most_common():
        table.add_row(name, str(n), str(convictions[name]))
    console.print(table)
    note = older_records_note(versions)
    if note:
        console.print(f"[yellow]{note}[/yellow]")


def older_records_note(versions: Mapping[str, int]) -> str | None:
    """What to tell a user whose index holds records of an older extractor (``summary``, ``serve``)."""
    from extractors.legal import EXTRACTOR_VERSION

    older = sum(n for version, n in versions.items() if version != EXTRACTOR_VERSION)
    if not older:
        return None
    listed = ", ".join(f"{v} ({n})" for v, n in sorted(versions.items()) if v != EXTRACTOR_VERSION)
    return (f"{older} documento(s) se extrajeron con una versión anterior del extractor ({listed}; la actual es "
            f"{EXTRACTOR_VERSION}): vuelva a ejecutar expediente ingest sobre sus carpetas para releerlos.")
