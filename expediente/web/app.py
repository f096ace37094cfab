"""The application factory: ``create_app(WebSettings(index=...))``.

Everything is served by the application itself (templates, CSS, JavaScript; no CDN), with
security headers on every response (a Content-Security-Policy that allows no inline
script), a token-bucket rate limit per API key or address, and JSON errors in Spanish.
"""

from __future__ import annotations

import hashlib
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from expediente.web import api, errors, login, pages, uploads
from expediente.web.config import WebSettings
from expediente.web.limits import RateLimiter
from expediente.web.session import SESSION_COOKIE
from expediente.web.state import AppState, address_of, token_of

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def create_app(settings: WebSettings) -> FastAPI:
    state = AppState(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if settings.warm_stats:
            state.warm()
        yield
        state.jobs.stop(end_command=False)  # its command, if any, runs on; another worker may follow it
        state.close()

    app = FastAPI(
        title="expediente", version="1", lifespan=lifespan,
        description="Resoluciones penales del Perú: búsqueda, datos con su evidencia, precedentes e indicadores. "
                    "Errores: {\"error\": {\"code\", \"message\"}} con el mensaje en castellano.",
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,  # their pages load a CDN
    )
    app.state.web = state
    if settings.allowed_hosts != ("*",):
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    app.state.templates = pages.make_templates(str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(login.router)
    app.include_router(uploads.router)
    app.include_router(uploads.api_router)
    errors.install(app, pages.error_page)

    @app.get("/api/v1", include_in_schema=False)
    def api_root() -> RedirectResponse:
        return RedirectResponse("/api/v1/openapi.json")

    app.add_middleware(Guard, state=state)  # added last: the outermost, so every answer gets its headers

    return app


class Guard:
    """Pure ASGI middleware: the rate limit, then the security headers on every response
    (streamed ones included, untouched); HEAD is answered as GET without the body."""

    def __init__(self, app: ASGIApp, state: AppState) -> None:
        self.app, self.state = app, state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if not scope["path"].startswith("/static/"):
            wait = self.state.limiter.take(_caller(request))
            if wait:
                after = RateLimiter.retry_after(wait)
                response = JSONResponse({"error": {"code": "rate_limited", "message": "Demasiadas solicitudes: "
                                                   f"espere {after} s y vuelva a intentarlo."}},
                                        status_code=429, headers={"Retry-After": after, **SECURITY_HEADERS})
                await response(scope, receive, send)
                return
        keyed = token_of(request) is not None or SESSION_COOKIE in request.cookies
        head = scope["method"] == "HEAD"  # answered as GET without the body (probes, link checkers)
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if keyed:
                    headers["Cache-Control"] = "no-store"  # a key may see originals: keep no copies
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _caller(request: Request) -> str:
    """The bucket of a request: its API key (hashed), else its address."""
    token = token_of(request)
    if token:
        return "key:" + hashlib.sha256(token.encode()).hexdigest()[:16]
    return "ip:" + address_of(request)
