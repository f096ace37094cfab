"""The web room's commands: keys create / list / revoke (serve is checked in test_security)."""

from __future__ import annotations

from typer.testing import CliRunner

from expediente.cli import app
from expediente.web.keys import KeyStore

runner = CliRunner()


def test_keys_create_list_revoke(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    created = runner.invoke(app, ["keys", "create", "--role", "originals", "--label", "fiscalía"])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip()
    assert token.startswith("exp_")
    store = KeyStore(tmp_path / "expediente" / "api-keys.json")
    key = store.verify(token)
    assert key is not None and key.role == "originals" and key.label == "fiscalía"
    listed = runner.invoke(app, ["keys", "list"])
    assert key.id in listed.stdout and token not in listed.stdout
    assert runner.invoke(app, ["keys", "revoke", key.id]).exit_code == 0
    assert store.verify(token) is None
    assert runner.invoke(app, ["keys", "revoke", key.id]).exit_code != 0


def test_an_unknown_role_is_refused_in_spanish(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    result = runner.invoke(app, ["keys", "create", "--role", "admin"])
    assert result.exit_code == 2 and "Rol desconocido" in result.output
