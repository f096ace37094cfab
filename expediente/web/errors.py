"""Errors as an interface: every failure leaves as ``{"error": {"code", "message"}}`` (API,
or a page's URL asked for JSON) or as an error page (HTML), with a Spanish message and the
right status.

One place maps exceptions to responses (``install``); views raise ``ApiError`` or let the
library's ``QueryError`` through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from schemas import PipelineError, QueryError

log = logging.getLogger(__name__)

API_PREFIX = "/api/"


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)


def no_ruling(id: str) -> ApiError:
    return not_found(f"No hay ninguna resolución con id {id} en el índice.")


# pydantic error types → Spanish; ``{…}`` are filled from the error's context.
_MESSAGES = {
    "missing": "es obligatorio",
    "int_parsing": "debe ser un número entero",
    "int_from_float": "debe ser un número entero",
    "float_parsing": "debe ser un número",
    "bool_parsing": "debe ser true o false",
    "date_parsing": "debe ser una fecha AAAA-MM-DD",
    "date_from_datetime_parsing": "debe ser una fecha AAAA-MM-DD",
    "date_from_datetime_inexact": "debe ser una fecha AAAA-MM-DD",
    "enum": "no es un valor válido; use uno de: {expected}",
    "literal_error": "no es un valor válido; use uno de: {expected}",
    "less_than_equal": "debe ser como máximo {le}",
    "greater_than_equal": "debe ser al menos {ge}",
    "less_than": "debe ser menor que {lt}",
    "greater_than": "debe ser mayor que {gt}",
    "string_too_long": "admite como máximo {max_length} caracteres",
    "string_type": "debe ser un texto",
    "extra_forbidden": "no es un parámetro conocido",
}


def spanish(errors: list[dict]) -> str:
    """One sentence naming each refused parameter and why, in Spanish."""
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
        where = ".".join(loc) or "consulta"
        template = _MESSAGES.get(e.get("type", ""))
        ctx = {k: str(v).replace("'", "").replace(" or ", ", ") for k, v in (e.get("ctx") or {}).items()}
        if template is not None:
            try:
                text = template.format(**ctx)
            except KeyError:
                text = template.split(";")[0]
        elif e.get("type") == "value_error":
            text = str((e.get("ctx") or {}).get("error", "valor no válido"))
        else:
            text = "valor no válido"
        parts.append(f"{where}: {text}")
    return "Parámetros no válidos: " + "; ".join(parts) + "."


_HTTP_MESSAGES = {404: "No existe esa dirección.", 405: "Método no permitido en esta dirección.",
                  401: "Se requiere una clave de API válida.", 403: "No tiene permiso para ver esto."}


def wants_json(request: Request) -> bool:
    """A script that asks for JSON (``Accept: application/json``, not HTML) of a page's
    form, such as an upload to ``/ingesta``, gets its error as JSON too."""
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def install(app: FastAPI, render_html: Callable[[Request, int, str], Response]) -> None:
    """Register the handlers; ``render_html(request, status, message)`` draws the HTML error page."""

    def respond(request: Request, status: int, code: str, message: str,
                headers: dict[str, str] | None = None) -> Response:
        if request.url.path.startswith(API_PREFIX) or wants_json(request):
            return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)
        response = render_html(request, status, message)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return respond(request, 400, "query", exc.message)

    @app.exception_handler(PipelineError)
    async def pipeline_error(request: Request, exc: PipelineError) -> Response:
        log.warning("pipeline error on %s: %s", request.url.path, exc)
        return respond(request, 503 if exc.retryable else 500, str(exc.reason), exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, "validation", spanish(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = _HTTP_MESSAGES.get(exc.status_code, "Solicitud no válida.")
        return respond(request, exc.status_code, {404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, "http_error"), message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, 500, "internal", "Error interno del servidor; el registro tiene el detalle.")
