"""What every command module shares: consoles, the error handler, settings, JSON output."""

from __future__ import annotations

import functools
from typing import Annotated, Optional

import typer
from rich.console import Console

from expediente.settings import Settings
from schemas import PipelineError

out = Console()
err = Console(stderr=True)

IndexOption = Annotated[
    Optional[str],
    typer.Option("--index", help="Archivo SQLite o URL http(s):// de Elasticsearch "
                 "(por defecto EXPEDIENTE_INDEX o ~/.local/share/expediente/index.sqlite)."),
]


def handle_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PipelineError as exc:
            err.print(f"[bold red]Error[/] ({exc.reason}): {exc}")
            raise typer.Exit(exc.exit_code) from None
    return wrapper


def emit_json(text: str) -> None:
    """JSON to stdout as is (rich would wrap long lines and break it)."""
    typer.echo(text)


def settings_for(index: str | None = None) -> Settings:
    settings = Settings()
    return settings.model_copy(update={"index": index}) if index else settings


