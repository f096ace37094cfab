"""Every command has help text and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from expediente.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _commands(group=None, prefix=()):
    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield from _commands(command, path)
        else:
            yield path, command


COMMANDS = list(_commands())


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_and_is_documented(path, command):
    assert command.help, f"{' '.join(path)} has no help text"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert f"expediente {' '.join(path)}" in README, f"`expediente {' '.join(path)}` is not in the README"


def test_unknown_text_layer_mode_is_a_usage_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Lima, uno de enero de dos mil veinte", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--text-layer", "magic"])
    assert result.exit_code != 0


def test_unreadable_file_gets_a_reason_and_an_exit_code(tmp_path):
    f = tmp_path / "vacio.pdf"
    f.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(f), "--json"])
    assert result.exit_code == 3
    assert "empty" in result.stderr and "vacio.pdf" in result.stderr
