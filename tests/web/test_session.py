"""Browser sessions for key holders: a CSRF-checked login form, a signed cookie that
names the key (never holds it), revocation, logout."""

from __future__ import annotations

import json
import re

from expediente.web import session
from expediente.web.keys import KeyStore
from tests.web.conftest import PROTECTED_NAME, protected_record

PROTECTED = protected_record().id


def login(client, token: str, *, csrf: str | None = None):
    form = client.get("/acceso")
    assert form.status_code == 200
    field = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    return client.post("/acceso", data={"csrf": csrf if csrf is not None else field, "clave": token},
                       follow_redirects=False)


def test_an_originals_key_logs_in_sees_the_name_and_is_audited(client, originals_token, settings):
    assert PROTECTED_NAME not in client.get(f"/resoluciones/{PROTECTED}").text
    response = login(client, originals_token)
    assert response.status_code == 303
    cookie = response.cookies[session.SESSION_COOKIE]
    assert originals_token not in cookie and cookie.startswith(originals_token.split("_")[1] + ".")
    set_cookie = response.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=strict" in set_cookie
    page = client.get(f"/resoluciones/{PROTECTED}")
    assert PROTECTED_NAME in page.text and page.headers["cache-control"] == "no-store"
    assert "Salir" in page.text
    lines = [json.loads(line) for line in settings.audit_log.read_text(encoding="utf-8").splitlines()]
    assert [(l["action"], l["key"]) for l in lines if PROTECTED in l["ids"]][0] == \
        ("ruling", originals_token.split("_")[1])


def test_login_without_the_csrf_token_is_refused(client, originals_token):
    response = login(client, originals_token, csrf="otro")
    assert response.status_code == 403 and session.SESSION_COOKIE not in response.cookies
    assert "caducó" in response.text


def test_a_wrong_key_is_refused_in_the_form(client):
    response = login(client, "exp_nope_nope")
    assert response.status_code == 401 and "no es válida" in response.text


def test_a_revoked_key_ends_its_session(client, originals_token, settings):
    login(client, originals_token)
    assert PROTECTED_NAME in client.get(f"/resoluciones/{PROTECTED}").text
    KeyStore(settings.keys_file).revoke(originals_token.split("_")[1])
    assert PROTECTED_NAME not in client.get(f"/resoluciones/{PROTECTED}").text


def test_a_forged_or_expired_cookie_is_anonymous(client, settings):
    key, _ = KeyStore(settings.keys_file).create("originals")
    client.cookies.set(session.SESSION_COOKIE, f"{key.id}.9999999999.{'0' * 64}")
    assert PROTECTED_NAME not in client.get(f"/resoluciones/{PROTECTED}").text
    secret = session.load_secret(settings.session_secret)
    assert session.session_key_id(secret, session.make_session(secret, key.id, now=0)) is None  # expired
    assert session.session_key_id(secret, session.make_session(secret, key.id)) == key.id


def test_logout_needs_the_token_and_clears_the_session(client, originals_token):
    login(client, originals_token)
    page = client.get("/").text
    token = re.search(r'action="/salir">.*?name="csrf" value="([^"]+)"', page, flags=re.S).group(1)
    assert client.post("/salir", data={"csrf": "x"}, follow_redirects=False).status_code == 403
    out = client.post("/salir", data={"csrf": token}, follow_redirects=False)
    assert out.status_code == 303
    client.cookies.delete(session.SESSION_COOKIE)  # as the browser does on the expired Set-Cookie
    assert PROTECTED_NAME not in client.get(f"/resoluciones/{PROTECTED}").text
    assert session.SESSION_COOKIE in out.headers["set-cookie"] and 'max-age=0' in out.headers["set-cookie"].lower()


def test_the_secret_file_is_private(client, settings):
    import stat

    assert stat.S_IMODE(settings.session_secret.stat().st_mode) == 0o600


def test_the_caller_is_looked_up_on_the_event_loop_not_in_a_worker_thread(client, originals_token, monkeypatch):
    """Who is asking (key header or session cookie) is found without a hop to a worker
    thread: the view's own hop is the only one a request pays."""
    import threading

    login(client, originals_token)
    keys = client.app.state.web.keys
    threads = []
    for name in ("get", "verify"):
        method = getattr(keys, name)
        monkeypatch.setattr(keys, name, lambda *a, _m=method: threads.append(threading.current_thread().name) or _m(*a))
    assert PROTECTED_NAME in client.get(f"/resoluciones/{PROTECTED}").text  # by the session cookie
    assert PROTECTED_NAME in client.get(f"/resoluciones/{PROTECTED}", headers={"X-API-Key": originals_token}).text
    assert len(threads) == 2 and not any("worker" in t.lower() for t in threads), threads
