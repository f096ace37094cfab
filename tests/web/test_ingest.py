"""Uploads for the ingest role: who may, CSRF, limits, safe file names, job progress; and
one upload ingested for real by ``expediente ingest`` (slow: Prefect, the model)."""

from __future__ import annotations

import json
import re
import time

import pytest
from fastapi.testclient import TestClient

from expediente.web import create_app
from expediente.web.keys import KeyStore


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def ingest_token(settings):
    return KeyStore(settings.keys_file).create("ingest")[1]


def fake_runner(calls: list):
    def run(paths, index):
        calls.append(([p.name for p in paths], index, [p.read_bytes() for p in paths]))
        outcomes = [{"path": str(p), "status": "ingested", "id": "abcdef0123456789", "warnings": []} for p in paths]
        return 0, json.dumps({"index": index, "outcomes": outcomes}), ""
    return run


def wait(client, url: str, headers=None) -> dict:
    for _ in range(100):
        job = client.get(url, headers=headers).json()
        if job["status"] in ("terminado", "fallido"):
            return job
        time.sleep(0.05)
    raise AssertionError(job)


def test_only_an_ingest_key_may_upload(client, originals_token):
    files = {"archivos": ("a.txt", b"texto", "text/plain")}
    assert client.post("/api/v1/ingest", files=files).status_code == 401
    refused = client.post("/api/v1/ingest", files=files, headers=bearer(originals_token))
    assert refused.status_code == 403 and "ingest" in refused.json()["error"]["message"]
    assert client.get("/ingesta").status_code == 401


def test_api_upload_runs_a_job_with_safe_names(client, ingest_token, settings):
    calls: list = []
    client.app.state.web.jobs.runner = fake_runner(calls)
    files = [("archivos", ("../../etc/pass wd.txt", b"uno", "text/plain")),
             ("archivos", ("Sentencia Nº 5.PDF", b"%PDF-1.4", "application/pdf"))]
    response = client.post("/api/v1/ingest", files=files, headers=bearer(ingest_token))
    assert response.status_code == 202, response.text
    job = wait(client, f"/api/v1/ingest/{response.json()['id']}", bearer(ingest_token))
    assert job["status"] == "terminado" and [r["status"] for r in job["results"]] == ["ingested", "ingested"]
    names, index, contents = calls[0]
    assert names == ["pass_wd.txt", "Sentencia_No_5.PDF"] and index == settings.index and contents[0] == b"uno"
    saved = list((settings.data_dir / "uploads").rglob("*"))
    assert all(str(p).startswith(str(settings.data_dir / "uploads")) for p in saved)
    other = KeyStore(settings.keys_file).create("ingest")[1]
    assert client.get(f"/api/v1/ingest/{job['id']}", headers=bearer(other)).status_code == 404  # not its job


def test_limits_and_types_are_refused_in_spanish(settings, ingest_token):
    small = settings.model_copy(update={"max_upload_bytes": 1000})
    with TestClient(create_app(small)) as c:
        big = c.post("/api/v1/ingest", files={"archivos": ("a.txt", b"x" * 5000, "text/plain")},
                     headers=bearer(ingest_token))
        assert big.status_code == 413 and "MB" in big.json()["error"]["message"]
        exe = c.post("/api/v1/ingest", files={"archivos": ("a.exe", b"MZ", "application/octet-stream")},
                     headers=bearer(ingest_token))
        assert exe.status_code == 400 and exe.json()["error"]["code"] == "unsupported_type"
        empty = c.post("/api/v1/ingest", data={"x": "1"}, headers=bearer(ingest_token))
        assert empty.status_code == 400 and empty.json()["error"]["code"] == "no_files"


def test_the_browser_form_needs_its_csrf_token(client, ingest_token):
    calls: list = []
    client.app.state.web.jobs.runner = fake_runner(calls)
    page = client.get("/ingesta", headers={"X-API-Key": ingest_token})
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    files = {"archivos": ("a.txt", b"texto", "text/plain")}
    forged = client.post("/ingesta", files=files, data={"csrf": "otro"}, headers={"X-API-Key": ingest_token})
    assert forged.status_code == 403 and not calls
    sent = client.post("/ingesta", files=files, data={"csrf": token}, headers={"X-API-Key": ingest_token},
                       follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"].startswith("/ingesta/")
    job_id = sent.headers["location"].rsplit("/", 1)[1]
    wait(client, f"/api/v1/ingest/{job_id}", bearer(ingest_token))
    shown = client.get(sent.headers["location"], headers={"X-API-Key": ingest_token}).text
    assert "a.txt" in shown and "ingerido" in shown and 'href="/resoluciones/abcdef0123456789"' in shown


def test_a_failed_command_is_reported_with_its_reason(client, ingest_token):
    client.app.state.web.jobs.runner = lambda paths, index: (5, "", "Error (index): no se pudo abrir el índice")
    response = client.post("/api/v1/ingest", files={"archivos": ("a.txt", b"t", "text/plain")},
                           headers=bearer(ingest_token))
    job = wait(client, f"/api/v1/ingest/{response.json()['id']}", bearer(ingest_token))
    assert job["status"] == "fallido" and "no se pudo abrir el índice" in job["message"]


@pytest.mark.slow
def test_an_uploaded_ruling_is_ingested_for_real_and_searchable(tmp_path):
    from samples import generate
    from expediente.web import WebSettings

    doc = generate(tmp_path / "corpus", count=1, seed=3, text_only=True)[0]
    settings = WebSettings(index=str(tmp_path / "index.sqlite"), data_dir=tmp_path / "data", warm_stats=False)
    token = KeyStore(settings.keys_file).create("ingest")[1]
    with TestClient(create_app(settings)) as c:
        response = c.post("/api/v1/ingest", headers=bearer(token),
                          files={"archivos": (doc.path.name, doc.path.read_bytes(), "text/plain")})
        assert response.status_code == 202
        for _ in range(600):
            job = c.get(f"/api/v1/ingest/{response.json()['id']}", headers=bearer(token)).json()
            if job["status"] in ("terminado", "fallido"):
                break
            time.sleep(0.5)
        assert job["status"] == "terminado", job
        [result] = job["results"]
        assert result["status"] == "ingested" and result["id"]
        assert c.get(f"/api/v1/rulings/{result['id']}").status_code == 200


def test_too_many_files_is_a_clear_400(client, ingest_token):
    files = [("archivos", (f"{i}.txt", b"t", "text/plain")) for i in range(21)]
    response = client.post("/api/v1/ingest", files=files, headers=bearer(ingest_token))
    assert response.status_code == 400 and "hasta 20 archivos" in response.json()["error"]["message"]
