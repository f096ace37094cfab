"""Display tables in the terminal with rich (document ids go to --json and --csv instead)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from expediente.report.tables import Table, fmt

PIPE_WIDTH = 160  # when stdout is not a terminal, do not wrap tables at 80 columns


def show(console: Console, tables: Sequence[Table], *, notes: Sequence[str] = ()) -> None:
    if not console.is_terminal:
        console = Console(file=console.file, width=max(console.width, PIPE_WIDTH), no_color=console.no_color)
    for t in tables:
        rich = RichTable(title=escape(t.title), title_justify="left", title_style="bold")
        shown = [(i, c) for i, c in enumerate(t.columns) if c.terminal]
        for i, c in shown:
            header = escape(c.short or c.name)
            if i == 0:
                longest = max((len(str(row.cells[0])) for row in t.rows), default=8)
                rich.add_column(header, no_wrap=True, min_width=min(longest, 38), overflow="ellipsis")
            elif c.kind == "text":
                rich.add_column(header, overflow="fold", min_width=10)
            else:
                rich.add_column(header, justify="right", no_wrap=True)
        for row in t.rows:
            style = "bold" if row.cells and row.cells[0] == "Total" else None
            rich.add_row(*(escape(fmt(row.cells[i], c.kind)) for i, c in shown), style=style)
        console.print(rich)
        if t.note:
            console.print(f"[dim]{escape(t.note)}[/]")
    for note in notes:
        console.print(f"[dim]{escape(note)}[/]")
