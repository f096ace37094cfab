"""``/acceso`` and ``/salir``: a key holder opens a browser session with the key, and
closes it. Forms are CSRF-checked (``expediente.web.session``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from expediente.web import session
from expediente.web.pages import render
from expediente.web.state import AppState

router = APIRouter(include_in_schema=False)
CSRF_AGE = 24 * 3600


def _form(request: Request, status: int = 200, error: str | None = None) -> Response:
    token = session.csrf_token(request)
    response = render(request, "login.html", status, csrf=token, error=error)
    session.set_cookie(response, request, session.CSRF_COOKIE, token, CSRF_AGE)
    return response


@router.get("/acceso")
def login_form(request: Request) -> Response:
    return _form(request)


@router.post("/acceso")
async def login(request: Request) -> Response:
    state: AppState = request.app.state.web
    form = await session.read_form(request)
    if form is None:
        return _form(request, 403, "El formulario caducó o no vino de esta página: vuelva a intentarlo.")
    key = state.keys.verify(form.get("clave", "").strip())
    if key is None:
        return _form(request, 401, "La clave de API no es válida o fue revocada.")
    response = RedirectResponse("/", status_code=303)
    session.set_cookie(response, request, session.SESSION_COOKIE, session.make_session(state.secret, key.id),
                       session.LIFETIME)
    return response


@router.post("/salir")
async def logout(request: Request) -> Response:
    if await session.read_form(request) is None:
        return _form(request, 403, "El formulario caducó o no vino de esta página: vuelva a intentarlo.")
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(session.SESSION_COOKIE, path="/")
    return response
