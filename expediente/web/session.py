"""Browser sessions for key holders: the key is typed once in a form (``/acceso``) and the
browser keeps a signed cookie that names it, so that an ``originals`` user can read the
pages with the names a browser could not ask for with a header.

The cookie is ``<key id>.<expiry>.<HMAC-SHA256>`` under a secret kept in the data folder
(mode 0600): HttpOnly, SameSite=Strict, Secure over HTTPS. The key itself is never stored
in it, and a revoked key ends its sessions at once (the id is looked up on every request).
Forms carry a CSRF token that must equal the ``csrf`` cookie (double submit), on top of
SameSite.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "expediente_sesion"
CSRF_COOKIE = "expediente_csrf"
CSRF_FIELD = "csrf"
LIFETIME = 8 * 3600  # seconds: one working day
MAX_FORM = 4096  # bytes of a form body


def load_secret(path: Path) -> bytes:
    """The signing secret, created (0600) on first use. Server processes starting together
    all end up with the same one: it is written whole beside the file, then linked into
    place only if no other process got there first."""
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    except ValueError:  # unreadable (damaged): replaced
        path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_bytes(32)
    draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(value.hex())
        try:
            os.link(draft, path)
        except FileExistsError:  # another process wrote it first: use that one
            return bytes.fromhex(path.read_text(encoding="ascii").strip())
    finally:
        draft.unlink(missing_ok=True)
    return value


def _sign(secret: bytes, text: str) -> str:
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def make_session(secret: bytes, key_id: str, *, now: float | None = None) -> str:
    payload = f"{key_id}.{int((time.time() if now is None else now) + LIFETIME)}"
    return f"{payload}.{_sign(secret, payload)}"


def session_key_id(secret: bytes, value: str | None, *, now: float | None = None) -> str | None:
    """The key id a session cookie names, if its signature holds and it has not expired."""
    if not value or value.count(".") != 2:
        return None
    key_id, expires, signature = value.split(".")
    if not hmac.compare_digest(signature, _sign(secret, f"{key_id}.{expires}")):
        return None
    if not expires.isdigit() or int(expires) < (time.time() if now is None else now):
        return None
    return key_id


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser (the cookie's, or a new one to set)."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)


def set_cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


def csrf_matches(request: Request, value: str) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return bool(cookie) and hmac.compare_digest(value, cookie)


async def read_form(request: Request) -> dict[str, str] | None:
    """A small urlencoded form whose CSRF field equals the CSRF cookie; None otherwise."""
    body = await request.body()
    if len(body) > MAX_FORM:
        return None
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}
    return form if csrf_matches(request, form.get(CSRF_FIELD, "")) else None
