"""Commands of the web room: ``serve`` (the web application and REST API) and ``keys``
(API keys with a role, stored hashed in the data folder)."""

from __future__ import annotations

import ipaddress
from typing import Annotated, Optional

import typer

from expediente.cli_common import IndexOption, err, handle_errors, out, settings_for
from schemas import QueryError, Reason

keys_app = typer.Typer(help="Claves de API de la aplicación web (se guardan cifradas con sha256).",
                       no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command()(handle_errors(serve))
    app.add_typer(keys_app, name="keys")
    for name, command in (("create", keys_create), ("list", keys_list), ("revoke", keys_revoke)):
        keys_app.command(name)(handle_errors(command))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


LOCAL_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def _web_settings(index: str | None, host: str | None = None, **overrides):
    """The web settings; on a loopback address only local Host names are answered, so that
    a web page cannot reach the server through a name of its own (DNS rebinding)."""
    from expediente.web import WebSettings

    hosts = {"allowed_hosts": LOCAL_NAMES} if host is not None and _is_loopback(host) else {}
    return WebSettings.from_settings(settings_for(index), **hosts, **overrides)


def serve(
    index: IndexOption = None,
    host: Annotated[str, typer.Option("--host", help="Dirección de escucha. Por defecto solo este equipo; "
                                                     "0.0.0.0 la abre a la red.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Puerto.")] = 8000,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=1, max=64, help="Procesos que atienden (por defecto, uno por núcleo). El límite de "
        "solicitudes por clave o dirección se reparte entre ellos.")] = None,
    max_upload_mb: Annotated[Optional[float], typer.Option(
        "--max-upload-mb", min=1, help="Mayor envío a la página de ingesta, todos sus archivos (MB; por defecto "
        "200).")] = None,
    max_store_gb: Annotated[Optional[float], typer.Option(
        "--max-store-gb", min=0.1, help="Lo más que guardan las subidas: originales indexados, envíos en curso y "
        "registros de trabajos (GB; por defecto 20). Al llenarse, la subida se rechaza con un mensaje claro.")] = None,
) -> None:
    """Sirve la aplicación web y la API REST (/api/v1/) sobre el índice."""
    from expediente.web.server import default_workers, run

    workers = workers or default_workers()
    limits = {k: int(v * unit) for k, v, unit in (("max_upload_bytes", max_upload_mb, 1e6),
                                                  ("max_store_bytes", max_store_gb, 1e9)) if v is not None}
    settings = _web_settings(index, host, **limits)
    _open_once(settings.index)
    if not _is_loopback(host):
        err.print(f"[yellow]Aviso[/]: escuchando en {host}, accesible desde la red. Los usuarios anónimos "
                  "ven solo el índice público; sirva detrás de HTTPS si sale de una red de confianza.")
    err.print(f"Índice: {settings.index}\nAbra http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/ "
              f"({workers} proceso(s); Ctrl-C para detener)")
    run(settings, host=host, port=port, workers=workers)


def _open_once(location: str) -> None:
    """Open the index here, before the workers start: an engine to rebuild after an upgrade is
    rebuilt once, not inside a worker's first request while the others wait for it; and records
    of an older extractor, served as they were read, are announced."""
    from expediente.render import older_records_note
    from search import open_index

    try:
        with open_index(location, create=False) as idx:
            note = older_records_note(idx.extractor_versions())
    except Exception:  # noqa: BLE001 - a missing or unreachable index is the application's to report
        return
    if note:
        err.print(f"[yellow]Aviso[/]: {note}")


def keys_create(
    role: Annotated[str, typer.Option("--role", help="ingest (puede subir documentos) u originals (ve los nombres "
                                                     "protegidos donde el índice los guarda; queda auditado).")],
    label: Annotated[str, typer.Option("--label", help="Para quién es la clave.")] = "",
) -> None:
    """Crea una clave de API; se muestra una sola vez."""
    from expediente.web.keys import ROLES, KeyStore

    if role not in ROLES:
        raise QueryError(f"Rol desconocido: {role}. Use {' o '.join(ROLES)}.", reason=Reason.QUERY)
    settings = _web_settings(None)
    key, token = KeyStore(settings.keys_file).create(role, label)
    err.print(f"Clave {key.id} ({key.role}) guardada en {settings.keys_file}. Cópiela ahora: no se vuelve a mostrar. "
              "Úsela con la cabecera 'Authorization: Bearer <clave>'.")
    out.print(token, soft_wrap=True)


def keys_list() -> None:
    """Lista las claves (id, rol, etiqueta, fecha), nunca su valor."""
    from expediente.web.keys import KeyStore

    for key in KeyStore(_web_settings(None).keys_file).keys():
        out.print(f"{key.id}\t{key.role}\t{key.created}\t{key.label}", markup=False)


def keys_revoke(key_id: Annotated[str, typer.Argument(metavar="ID", help="Id de la clave (keys list).")]) -> None:
    """Revoca una clave."""
    from expediente.web.keys import KeyStore

    if not KeyStore(_web_settings(None).keys_file).revoke(key_id):
        raise QueryError(f"No hay ninguna clave con id {key_id}.", reason=Reason.NOT_FOUND)
    err.print(f"Clave {key_id} revocada.")
