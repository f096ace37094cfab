"""Escaping, headers, keys and roles, the audit log, path traversal, rate limits."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from expediente.web import create_app
from tests.web.conftest import PROTECTED_NAME, XSS_NAME, penalty_record, protected_record, xss_record

XSS = xss_record().id
PROTECTED = protected_record().id
PENALTY = penalty_record().id
PAGES = ["/", "/?q=acusado", "/?q=%22roto", "/?q=negó", "/facetas/court", "/panel", f"/resoluciones/{XSS}",
         f"/resoluciones/{XSS}/paginas/1?start=0&end=10", f"/resoluciones/{PENALTY}", "/no-existe", "/acceso",
         "/ingesta"]


class Tags(HTMLParser):
    """The elements of a page as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.script_text, self._in_script = "", False

    @classmethod
    def of(cls, text: str) -> Tags:
        parser = cls()
        parser.feed(text)
        return parser

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data.strip()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("url", [f"/resoluciones/{XSS}", "/?q=acusado", f"/resoluciones/{XSS}/paginas/1",
                                 "/facetas/court"])
def test_document_text_renders_as_text(client, url):
    page = client.get(url).text
    assert '<script>alert' not in page and "<img src=x" not in page and "<b>Juzgado" not in page
    assert "&lt;script&gt;" in page or "&lt;b&gt;Juzgado" in page or "&lt;img src=x" in page


def test_the_xss_party_and_court_are_escaped_in_the_ruling_page(client):
    page = client.get(f"/resoluciones/{XSS}").text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page  # the party's name, as text
    assert "&lt;b&gt;Juzgado&lt;/b&gt;" in page


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_the_security_headers_and_no_inline_script(client, url):
    response = client.get(url)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"
    tags = Tags.of(response.text)
    scripts = [attrs for tag, attrs in tags.elements if tag == "script"]
    assert scripts and all(a.get("src", "").startswith("/static/") for a in scripts), url
    assert tags.script_text == "", url  # nothing between <script …> and </script>
    assert not [(tag, name) for tag, attrs in tags.elements for name in attrs
                if name.startswith("on") or name == "style"], url  # no handlers, no inline styles
    images = [attrs.get("src", "") for tag, attrs in tags.elements if tag == "img"]
    assert all(src.startswith("/panel/graficos/") for src in images), images  # only the app's own charts


def test_static_files_are_served_by_the_app_itself(client):
    for path in ("/static/app.js", "/static/style.css"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["x-content-type-options"] == "nosniff"
    assert "http" not in client.get("/").text.split("<main>")[0].replace('http-equiv', '')  # no CDN in the head


def test_anonymous_never_sees_a_protected_name(client):
    views = [client.get("/api/v1/search", params={"q": "captación", "facets": "all"}),
             client.get("/", params={"q": "captación"}),
             client.get(f"/api/v1/rulings/{PROTECTED}"), client.get(f"/resoluciones/{PROTECTED}"),
             client.get(f"/api/v1/rulings/{PROTECTED}/record.json"),
             client.get(f"/resoluciones/{PROTECTED}/paginas/1"), client.get("/api/v1/export.csv"),
             client.get(f"/api/v1/rulings/{PENALTY}/precedent")]
    for response in views:
        assert response.status_code == 200
        assert "Nancy" not in response.text and "Huamán" not in response.text
    assert "N.H.Q." in views[3].text


def test_an_originals_key_sees_the_name_and_the_audit_log_gets_a_line(client, originals_token, settings):
    response = client.get(f"/api/v1/rulings/{PROTECTED}", headers=bearer(originals_token))
    assert PROTECTED_NAME in response.text
    assert response.headers["cache-control"] == "no-store"
    html = client.get(f"/resoluciones/{PROTECTED}", headers={"X-API-Key": originals_token})
    assert PROTECTED_NAME in html.text
    lines = [json.loads(line) for line in settings.audit_log.read_text(encoding="utf-8").splitlines()]
    assert [(l["action"], l["path"]) for l in lines[:2]] == [("ruling", f"/api/v1/rulings/{PROTECTED}"),
                                                             ("ruling", f"/resoluciones/{PROTECTED}")]
    key_id = originals_token.split("_")[1]
    assert all(l["key"] == key_id and l["role"] == "originals" and PROTECTED in l["ids"] for l in lines[:2])
    assert PROTECTED_NAME not in settings.audit_log.read_text(encoding="utf-8")
    assert oct(settings.audit_log.stat().st_mode & 0o777) == "0o600"


def test_anonymous_views_are_not_audited_and_an_ingest_key_sees_no_originals(client, settings):
    from expediente.web.keys import KeyStore

    _, token = KeyStore(settings.keys_file).create("ingest")
    response = client.get(f"/api/v1/rulings/{PROTECTED}", headers=bearer(token))
    assert response.status_code == 200 and "Nancy" not in response.text
    client.get(f"/api/v1/rulings/{PROTECTED}")
    assert not settings.audit_log.exists()


def test_keys_are_stored_hashed_and_a_wrong_or_revoked_key_is_refused(client, originals_token, settings):
    stored = settings.keys_file.read_text(encoding="utf-8")
    assert originals_token not in stored and originals_token.split("_")[2] not in stored
    assert oct(settings.keys_file.stat().st_mode & 0o777) == "0o600"
    wrong = client.get("/api/v1/search", headers=bearer(originals_token + "x"))
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "unauthorized"
    from expediente.web.keys import KeyStore

    assert KeyStore(settings.keys_file).revoke(originals_token.split("_")[1])
    assert client.get("/api/v1/search", headers=bearer(originals_token)).status_code == 401


def test_the_original_file_needs_the_originals_role_and_is_audited(client, originals_token, settings):
    anonymous = client.get(f"/api/v1/rulings/{PENALTY}/original")
    assert anonymous.status_code == 403 and "originals" in anonymous.json()["error"]["message"]
    allowed = client.get(f"/api/v1/rulings/{PENALTY}/original", headers=bearer(originals_token))
    assert allowed.status_code == 200 and allowed.text == "texto original"
    assert json.loads(settings.audit_log.read_text().splitlines()[-1])["action"] == "original"
    gone = client.get(f"/api/v1/rulings/{XSS}/original", headers=bearer(originals_token))
    assert gone.status_code == 404  # its path (/corpus/…) is not on this disk


@pytest.mark.parametrize("url", [
    "/api/v1/rulings/..%2F..%2F..%2Fetc%2Fpasswd/original",
    "/api/v1/rulings/../../etc/passwd/original",
    "/api/v1/rulings/%2Fetc%2Fpasswd/original",
    "/api/v1/rulings/x/original?path=/etc/passwd",
    "/resoluciones/..%2F..%2Fetc%2Fpasswd/paginas/1",
    "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/static/../app.py",
])
def test_no_path_traversal(client, originals_token, url):
    response = client.get(url, headers=bearer(originals_token))
    assert response.status_code in (400, 404, 422)
    assert "root:" not in response.text and "create_app" not in response.text


def test_rate_limit_per_caller_is_429_in_spanish(settings, originals_token):
    app = create_app(settings.model_copy(update={"rate_burst": 3, "rate_per_second": 0.01}))
    with TestClient(app) as c:
        codes = [c.get("/api/v1/search").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = c.get("/api/v1/search")
        assert limited.json()["error"]["code"] == "rate_limited" and "espere" in limited.json()["error"]["message"]
        assert int(limited.headers["retry-after"]) >= 1
        assert c.get("/api/v1/search", headers=bearer(originals_token)).status_code == 200  # its own bucket
        assert c.get("/static/app.js").status_code == 200  # assets are not counted


def test_serve_listens_on_loopback_by_default():
    import inspect

    from expediente import cli_web

    assert inspect.signature(cli_web.serve).parameters["host"].default == "127.0.0.1"
    assert cli_web._is_loopback("127.0.0.1") and cli_web._is_loopback("::1") and cli_web._is_loopback("localhost")
    assert not cli_web._is_loopback("0.0.0.0")


def test_unexpected_errors_are_json_500_without_details(settings, monkeypatch):
    from expediente.web import api

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(api, "run_search", boom)
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        response = c.get("/api/v1/search")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal" and "secret" not in response.text


def test_on_loopback_only_local_host_names_are_answered(settings):
    from expediente import cli_web

    local = cli_web._web_settings(settings.index, "127.0.0.1").model_copy(update={"data_dir": settings.data_dir})
    with TestClient(create_app(local), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding refused
    assert cli_web._web_settings(settings.index, "0.0.0.0").allowed_hosts == ("*",)


def test_the_original_file_link_shows_only_to_an_originals_key(client, originals_token):
    link = f'href="/api/v1/rulings/{PENALTY}/original"'
    assert link not in client.get(f"/resoluciones/{PENALTY}").text
    assert link in client.get(f"/resoluciones/{PENALTY}", headers=bearer(originals_token)).text
    refused = client.get(f"/resoluciones/{PENALTY}", headers=bearer("exp_nope_nope"))
    assert refused.status_code == 401 and "clave de API" in refused.text


def test_head_is_answered_like_get_without_a_body(client):
    get, head = client.get("/?q=sentencia"), client.head("/?q=sentencia")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["content-security-policy"] == get.headers["content-security-policy"]
    assert client.head("/api/v1/rulings/0000000000000000").status_code == 404
