"""What every command module shares: consoles, the error handler, settings, JSON output."""

from __future__ import annotations

import contextlib
import errno
import functools
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from typer._click import Context as ClickContext
from typer._click import HelpFormatter as ClickHelpFormatter
from typer._click import exceptions as click  # Typer's own copy of Click: its errors are these
from typer.core import TyperArgument, TyperGroup

from expediente.settings import Settings
from schemas import PipelineError, Reason

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
            err.print(f"[bold red]Error[/] ({exc.reason}): {escape(str(exc))}", soft_wrap=True)  # paths unbroken
            raise typer.Exit(exc.exit_code) from None
    return wrapper


class OutputError(PipelineError):
    """A file the user asked to write cannot be written (a folder, no permission, a full disk)."""

    exit_code = 2


# What the system says when it refuses to write, in Spanish (errno -> reason).
_WRITE_ERRORS = {
    errno.EACCES: "no tiene permiso", errno.EPERM: "no tiene permiso",
    errno.EEXIST: "una parte de la ruta es un archivo, no una carpeta",
    errno.ENOTDIR: "una parte de la ruta es un archivo, no una carpeta",
    errno.EISDIR: "es una carpeta", errno.ENOSPC: "el disco está lleno", errno.EROFS: "el disco es de solo lectura",
    errno.ENAMETOOLONG: "el nombre es demasiado largo",
}


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Around writing ``path`` (and files beside it): its folders are created as ``report
    --out`` does; a folder given as the file, or what the system refuses (no permission, a
    file where a folder should be, a full disk), is an ``OutputError`` naming it."""
    if path.is_dir():
        raise OutputError(f"{path} es una carpeta: indique un archivo, p. ej. {path / 'resultados.csv'}.",
                          reason=Reason.OUTPUT)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield
    except OSError as exc:
        where = exc.filename or path
        why = _WRITE_ERRORS.get(exc.errno, exc.strerror or str(exc))
        raise OutputError(f"No se puede escribir {where}: {why}.", reason=Reason.OUTPUT) from None


@contextlib.contextmanager
def open_output(path: Path) -> Iterator[TextIO]:
    """``path`` open for writing UTF-8 text with a BOM (spreadsheets read it as UTF-8)."""
    with writing(path), path.open("w", encoding="utf-8-sig", newline="") as fh:
        yield fh


def emit_json(text: str) -> None:
    """JSON to stdout as is (rich would wrap long lines and break it)."""
    typer.echo(text)


def settings_for(index: str | None = None) -> Settings:
    settings = Settings()
    return settings.model_copy(update={"index": index}) if index else settings



# -- usage errors in Spanish ---------------------------------------------------------------
# Click writes its usage errors in English ("No such option", "Missing argument", "Invalid
# value for '--from'"). The app's group (cli.py) shows every one of them through
# ``usage_error_message``: the exception's own data (option name, parameter, possibilities)
# in Spanish, and what Click says about a bad value translated by the table below.

# What Typer says about one bad value (its own messages and pydantic's), as pattern -> Spanish;
# ``{v}`` is the value as typed when the message names it.
_BAD_VALUES = (
    (r"(?P<v>'.*') does not match the formats? (?P<f>.+)\.", "{v} no tiene la forma {f}"),
    (r"(?P<v>'.*') is not one of (?P<c>.+)\.", "{v} no es uno de {c}"),
    (r"(?P<v>'.*') is not (?P<c>'[^']*')\.", "{v} no es {c}"),
    (r"Input should be less than or equal to (?P<n>.+)", "debe ser como máximo {n}"),
    (r"Input should be greater than or equal to (?P<n>.+)", "debe ser al menos {n}"),
    (r"Input should be less than (?P<n>.+)", "debe ser menor que {n}"),
    (r"Input should be greater than (?P<n>.+)", "debe ser mayor que {n}"),
    (r"Input should be a valid integer.*", "debe ser un número entero"),
    (r"Input should be a valid number.*", "debe ser un número"),
    (r"Input should be a valid boolean.*", "debe ser sí o no (true/false)"),
    (r"Input should be a valid string.*", "contiene caracteres que no son UTF-8 válido"),
)
_DATE_FORMATS = {"'%Y-%m-%d'": "AAAA-MM-DD"}
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", re.S)
_NO_SUCH_COMMAND = re.compile(r"No such command (?P<name>'.*?')\.(?: Did you mean (?P<close>.*)\?)?", re.S)


def _bad_value(exc: click.BadParameter) -> str:
    message = exc.message.removeprefix("Value error, ").strip()
    for pattern, spanish in _BAD_VALUES:
        if m := re.fullmatch(pattern, message, re.S):
            text = spanish.format(**{k: _DATE_FORMATS.get(v, v) for k, v in m.groupdict().items()})
            break
    else:
        return message
    errors = getattr(exc.__cause__, "errors", None)  # pydantic's: it kept the value typed
    if "{v}" not in spanish and errors and "input" in errors()[0]:
        text = f"«{errors()[0]['input']}» {text}"
    return text


def _param_name(exc: click.BadParameter) -> str:
    if exc.param_hint:
        hint = exc.param_hint
        return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint)
    return exc.param.get_error_hint() if exc.param is not None else "un parámetro"


def usage_error_message(exc: click.ClickException) -> str:
    """A Click usage error in Spanish; the option or argument it is about stays named."""
    if isinstance(exc, click.NoSuchOption):
        close = f" ¿Quiso decir {' o '.join(sorted(exc.possibilities))}?" if exc.possibilities else ""
        return f"No existe la opción {exc.option_name}.{close}"
    if isinstance(exc, click.BadOptionUsage):
        if "does not take a value" in exc.message:
            return f"La opción {exc.option_name} no lleva valor."
        return f"La opción {exc.option_name} necesita un valor."
    if isinstance(exc, click.MissingParameter):
        kind = "el argumento" if isinstance(exc.param, TyperArgument) else "la opción"
        return f"Falta {kind} {_param_name(exc)}."
    if isinstance(exc, click.BadParameter):
        return f"Valor no válido para {_param_name(exc)}: {_bad_value(exc)}."
    if m := _NO_SUCH_COMMAND.fullmatch(exc.message):
        close = f" ¿Quiso decir {m['close'].replace(', ', ' o ')}?" if m["close"] else ""
        return f"No existe la orden {m['name']}.{close}"
    if m := _EXTRA_ARGUMENTS.fullmatch(exc.message):
        return (f"Sobra el argumento {m['args']}. Varias palabras van entre comillas ('trata de personas'); "
                "un valor que empieza por - va tras -- (expediente search -- '-menor').")
    if exc.message == "Missing command.":
        return "Falta la orden."
    return exc.format_message()


def show_usage_error(exc: click.ClickException) -> None:
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        pieces = " ".join(ctx.command.collect_usage_pieces(ctx)).replace("[OPTIONS]", "[OPCIONES]")
        err.print(escape(f"Uso: {ctx.command_path} {pieces}"), highlight=False)
        err.print(escape(f"Ayuda: {ctx.command_path} --help"), highlight=False)
    err.print(f"[bold red]Error[/]: {escape(usage_error_message(exc))}", highlight=False)


# The words of Typer's help screens that are not ours (Typer 0.29 and its own Click carry
# no Spanish catalog): the panel titles, the usage line's prefix and the help option's text.
HELP_WORDS = {"arguments": "Argumentos", "options": "Opciones", "commands": "Órdenes",
              "usage": "Uso: ", "help": "Muestra esta ayuda y termina."}


class SpanishHelpFormatter(ClickHelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("[OPTIONS]", "[OPCIONES]").replace("[ARGS]", "[ARGUMENTOS]")
                            .replace("COMMAND", "ORDEN"), HELP_WORDS["usage"] if prefix is None else prefix)


class SpanishContext(ClickContext):
    formatter_class = SpanishHelpFormatter


def spanish_help(command) -> None:
    """Every help screen of ``command`` and its subcommands in Spanish (``HELP_WORDS``)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = HELP_WORDS["arguments"]
    rich_utils.OPTIONS_PANEL_TITLE = HELP_WORDS["options"]
    rich_utils.COMMANDS_PANEL_TITLE = HELP_WORDS["commands"]
    pending = [command]
    while pending:
        cmd = pending.pop()
        cmd.context_class = SpanishContext
        option = cmd.get_help_option(SpanishContext(cmd))  # created once and kept by the command
        if option is not None:
            option.help = HELP_WORDS["help"]
        pending.extend(getattr(cmd, "commands", {}).values())


class SpanishGroup(TyperGroup):
    """The app's group: Click's usage errors shown in Spanish (``show_usage_error``), and
    its help screens (``spanish_help``)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        spanish_help(self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help(), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            show_usage_error(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            err.print("Interrumpido.")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)
