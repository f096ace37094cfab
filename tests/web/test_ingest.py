"""Uploads for the ingest role: who may, CSRF, limits, refused types, safe names; jobs kept
on disk across a restart, an interrupted job reported and run again; and uploads ingested
for real by ``expediente ingest`` in its own process (slow: Prefect, the model)."""

from __future__ import annotations

import contextlib
import re
import time
import uuid

import pytest
from fastapi.testclient import TestClient

from expediente.web import WebSettings, create_app
from expediente.web.ingest import INTERRUPTED
from expediente.web.keys import KeyStore

XSS_FILE = '"><img src=x onerror=alert(1)>.txt'
RULING_TEXT = ("CORTE SUPERIOR DE JUSTICIA DE PUNO\nEXPEDIENTE N.° 00123-2019-45-2101-JR-PE-01\n"
               "SENTENCIA. Puno, once de marzo de dos mil veintidós. El acusado Juan Pérez Soto, por el delito "
               "de robo agravado. FALLO: CONDENA a Juan Pérez Soto a doce años de pena privativa de libertad.\n")


def fresh(text: str = RULING_TEXT) -> bytes:
    """A ruling no test has indexed yet (the web tests' index outlives one test)."""
    return f"{text}Registro {uuid.uuid4().hex}.\n".encode()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@contextlib.contextmanager
def running(settings: WebSettings):
    """The app, and at the end its ingest command stopped (as a machine that goes down would)."""
    app = create_app(settings)
    try:
        with TestClient(app) as c:
            yield c
    finally:
        app.state.web.jobs.stop()


@pytest.fixture
def web(settings):
    with running(settings) as c:
        yield c


@pytest.fixture
def ingest_token(settings):
    return KeyStore(settings.keys_file).create("ingest")[1]


def until(check, seconds: float = 300):
    """Poll ``check`` until it returns something true (a guard against hanging, not a timing)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.2)
    raise AssertionError("no llegó a tiempo")


def finished(c, job_id: str, token: str) -> dict:
    def done():
        job = c.get(f"/api/v1/ingest/{job_id}", headers=bearer(token)).json()
        return job if job["status"] not in ("en_cola", "en_curso") else None
    return until(done)


def kept(settings) -> list[str]:
    """Files under the uploads folder, besides the job records."""
    root = settings.data_dir / "uploads"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p.parent.name != "jobs")


def test_only_an_ingest_key_may_upload(client, originals_token):
    files = {"archivos": ("a.txt", b"texto", "text/plain")}
    assert client.post("/api/v1/ingest", files=files).status_code == 401
    refused = client.post("/api/v1/ingest", files=files, headers=bearer(originals_token))
    assert refused.status_code == 403 and "ingest" in refused.json()["error"]["message"]
    assert client.get("/ingesta").status_code == 401
    assert client.get("/api/v1/ingest", headers=bearer(originals_token)).status_code == 403


def test_limits_and_types_are_refused_in_spanish_and_leave_no_files(settings, ingest_token):
    small = settings.model_copy(update={"max_upload_bytes": 1000})
    with running(small) as c:
        big = c.post("/api/v1/ingest", files={"archivos": ("a.txt", b"x" * 5000, "text/plain")},
                     headers=bearer(ingest_token))
        assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
        assert "MB" in big.json()["error"]["message"]
        exe = c.post("/api/v1/ingest", files=[("archivos", ("a.exe", b"MZ", "application/octet-stream")),
                                              ("archivos", ("b.docx", b"PK", "application/octet-stream"))],
                     headers=bearer(ingest_token))
        assert exe.status_code == 400 and exe.json()["error"]["code"] == "unsupported_type"
        assert "«a.exe»" in exe.json()["error"]["message"] and "«b.docx»" in exe.json()["error"]["message"]
        empty = c.post("/api/v1/ingest", data={"x": "1"}, headers=bearer(ingest_token))
        assert empty.status_code == 400 and empty.json()["error"]["code"] == "no_files"
    full = settings.model_copy(update={"max_store_bytes": 100})
    with running(full) as c:
        refused = c.post("/api/v1/ingest", files={"archivos": ("a.txt", b"x" * 500, "text/plain")},
                         headers=bearer(ingest_token))
        assert refused.status_code == 507 and refused.json()["error"]["code"] == "storage_full"
        assert c.get("/api/v1/ingest", headers=bearer(ingest_token)).json() == {"jobs": []}
    assert kept(settings) == []


def test_the_browser_form_needs_its_csrf_token(web, ingest_token, settings):
    page = web.get("/ingesta", headers={"X-API-Key": ingest_token})
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    files = {"archivos": ("a.txt", RULING_TEXT.encode(), "text/plain")}
    for data in ({"csrf": "otro"}, {}):
        forged = web.post("/ingesta", files=files, data=data, headers={"X-API-Key": ingest_token})
        assert forged.status_code == 403 and "formulario caducó" in forged.text
    scripted = web.post("/ingesta", files=files, headers={"X-API-Key": ingest_token, "Accept": "application/json"})
    assert scripted.status_code == 403 and scripted.json()["error"]["code"] == "csrf"
    assert "formulario caducó" in scripted.json()["error"]["message"]
    assert kept(settings) == [] and web.get("/api/v1/ingest", headers=bearer(ingest_token)).json() == {"jobs": []}
    sent = web.post("/ingesta", files=files, data={"csrf": token}, headers={"X-API-Key": ingest_token},
                    follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"].startswith("/ingesta/")
    job_id = sent.headers["location"].rsplit("/", 1)[1]
    shown = web.get(sent.headers["location"], headers={"X-API-Key": ingest_token}).text
    assert "a.txt" in shown and 'id="ingest-job"' in shown and "<script>" not in shown.split("</head>")[1]
    listed = web.get("/api/v1/ingest", headers=bearer(ingest_token)).json()["jobs"]
    assert [j["id"] for j in listed] == [job_id]


def test_a_refused_type_is_named_and_the_others_go_on(web, ingest_token, settings):
    files = [("archivos", ("../../etc/pass wd.txt", RULING_TEXT.encode(), "text/plain")),
             ("archivos", ("macro.exe", b"MZ", "application/octet-stream"))]
    response = web.post("/api/v1/ingest", files=files, headers=bearer(ingest_token))
    assert response.status_code == 202, response.text
    first, refused = response.json()["files"]
    assert first["name"] == "../../etc/pass wd.txt" and first["stored"].endswith("/pass_wd.txt")
    assert refused == {"name": "macro.exe", "stored": None, "size": 0, "stage": "terminado", "pages": 0,
                       "status": "rejected", "id": None, "reason": "unsupported_type", "warnings": [],
                       "message": "«macro.exe» no es un tipo admitido (.pdf, .tif, .tiff, .png, .jpg, .jpeg, "
                                  ".txt); no se ingirió."}
    assert kept(settings) == [first["stored"]]  # stored where the index will point; nothing else
    other = KeyStore(settings.keys_file).create("ingest")[1]
    assert web.get(f"/api/v1/ingest/{response.json()['id']}", headers=bearer(other)).status_code == 404


def test_too_many_files_is_a_clear_400(client, ingest_token):
    files = [("archivos", (f"{i}.txt", b"t", "text/plain")) for i in range(21)]
    response = client.post("/api/v1/ingest", files=files, headers=bearer(ingest_token))
    assert response.status_code == 400 and "hasta 20 archivos" in response.json()["error"]["message"]


def interrupt_a_job(settings, token: str) -> str:
    """Upload two files, and stop the server and its command while the job runs."""
    with running(settings) as c:
        files = [("archivos", (XSS_FILE, fresh(), "text/plain")),
                 ("archivos", ("b.txt", fresh(RULING_TEXT.replace("Puno", "Cusco")), "text/plain"))]
        job_id = c.post("/api/v1/ingest", files=files, headers=bearer(token)).json()["id"]
        until(lambda: c.get(f"/api/v1/ingest/{job_id}", headers=bearer(token)).json()["pid"])
    return job_id


def test_a_job_whose_command_is_gone_is_interrupted_after_a_restart(settings, ingest_token):
    job_id = interrupt_a_job(settings, ingest_token)
    with running(settings) as c:  # a new server on the same data folder
        job = c.get(f"/api/v1/ingest/{job_id}", headers=bearer(ingest_token)).json()
        assert job["status"] == "interrumpido" and job["pid"] is None and "ya no está" in job["message"]
        assert [(f["status"], f["reason"], f["message"]) for f in job["files"]] == \
            [("interrupted", "interrupted", INTERRUPTED)] * 2
        assert kept(settings) == sorted(f["stored"] for f in job["files"])  # kept for the re-run
        assert [j["status"] for j in c.get("/api/v1/ingest", headers=bearer(ingest_token)).json()["jobs"]] == \
            ["interrumpido"]
        page = c.get(f"/ingesta/{job_id}", headers={"X-API-Key": ingest_token}).text
        assert "&lt;img src=x onerror=alert(1)&gt;.txt" in page and "<img src=x" not in page
        assert f'action="/ingesta/{job_id}/reintentar"' in page
        listing = c.get("/ingesta", headers={"X-API-Key": ingest_token}).text
        assert f'href="/ingesta/{job_id}"' in listing and "(2 sin ingerir)" in listing
        refused = c.post(f"/ingesta/{job_id}/reintentar", data={"csrf": "x"}, headers={"X-API-Key": ingest_token})
        assert refused.status_code == 403
        assert c.get(f"/api/v1/ingest/{job_id}", headers=bearer(ingest_token)).json()["status"] == "interrumpido"


def test_a_command_refused_as_a_whole_keeps_the_files_to_run_again(settings, ingest_token, tmp_path, monkeypatch):
    (tmp_path / "archivo").write_text("no es una carpeta")
    monkeypatch.setenv("EXPEDIENTE_SCRATCH_DIR", str(tmp_path / "archivo" / "ocr"))  # the command stops early
    with running(settings) as c:
        sent = c.post("/api/v1/ingest", files={"archivos": ("a.txt", fresh(), "text/plain")},
                      headers=bearer(ingest_token))
        job = finished(c, sent.json()["id"], ingest_token)
        assert job["status"] == "fallido" and "carpeta temporal del OCR" in job["message"], job
        [f] = job["files"]
        assert (f["status"], f["reason"]) == ("interrupted", "ingest") and "carpeta temporal" in f["message"]
        assert kept(settings) == [f["stored"]]  # nothing was tried: the file stays for the re-run
        page = c.get(f"/ingesta/{job['id']}", headers={"X-API-Key": ingest_token}).text
        assert f'action="/ingesta/{job["id"]}/reintentar"' in page


@pytest.mark.slow
def test_an_interrupted_job_runs_again_and_finishes(settings, ingest_token):
    job_id = interrupt_a_job(settings, ingest_token)
    with running(settings) as c:
        again = c.post(f"/api/v1/ingest/{job_id}/retry", headers=bearer(ingest_token))
        assert again.status_code == 202 and again.json()["status"] == "en_cola"
        job = finished(c, job_id, ingest_token)
        assert job["status"] == "terminado", job
        assert [(f["stage"], f["status"]) for f in job["files"]] == [("terminado", "ingested")] * 2
        assert c.post(f"/api/v1/ingest/{job_id}/retry", headers=bearer(ingest_token)).status_code == 409
        for f in job["files"]:
            assert c.get(f"/api/v1/rulings/{f['id']}").status_code == 200


@pytest.mark.slow
@pytest.mark.parametrize("ended_alone", [False, True], ids=["still-running", "ended-alone"])
def test_a_command_that_outlives_its_server_is_followed_by_the_next(settings, ingest_token, ended_alone):
    first = create_app(settings)
    with TestClient(first) as c:
        files = [("archivos", ("a.txt", fresh(), "text/plain"))]
        job_id = c.post("/api/v1/ingest", files=files, headers=bearer(ingest_token)).json()["id"]
        until(lambda: c.get(f"/api/v1/ingest/{job_id}", headers=bearer(ingest_token)).json()["pid"])
    first.state.web.jobs.stop(end_command=False)  # the server goes; its command runs on
    if ended_alone:  # ... and ends, its summary written, before a server starts again
        until(lambda: (settings.data_dir / "uploads" / "jobs" / f"{job_id}.out").stat().st_size)
    with running(settings) as c:
        job = finished(c, job_id, ingest_token)
        assert job["status"] == "terminado", job
        [f] = job["files"]
        assert (f["stage"], f["status"]) == ("terminado", "ingested")
        assert c.get(f"/api/v1/rulings/{f['id']}").status_code == 200


@pytest.mark.slow
def test_uploads_are_ingested_for_real_with_each_files_outcome(tmp_path, settings, ingest_token, originals_token):
    from samples import generate
    from tests.extractors.test_acquire import encrypted_pdf

    settings = settings.model_copy(update={"index": str(tmp_path / "nuevo.sqlite")})
    good = generate(tmp_path / "corpus", count=1, seed=3, scanned_ratio=0.0)[0].path
    files = [("archivos", (good.name, good.read_bytes(), "application/pdf")),
             ("archivos", ("roto.pdf", b"%PDF-1.4\n1 0 obj <<", "application/pdf")),
             ("archivos", ("cifrado.pdf", encrypted_pdf(tmp_path / "c.pdf").read_bytes(), "application/pdf")),
             ("archivos", ("otra vez.pdf", good.read_bytes(), "application/pdf"))]
    with running(settings) as c:
        sent = c.post("/api/v1/ingest", files=files, headers=bearer(ingest_token))
        assert sent.status_code == 202, sent.text
        job_id = sent.json()["id"]
        job = finished(c, job_id, ingest_token)
        assert job["status"] == "terminado", job
        ok, broken, locked, twice = job["files"]
        assert (ok["stage"], ok["status"]) == ("terminado", "ingested") and ok["pages"] > 0 and ok["id"]
        assert (broken["status"], broken["reason"]) == ("failed", "corrupt") and "dañado" in broken["message"]
        assert (locked["status"], locked["reason"]) == ("failed", "encrypted")
        assert twice["status"] == "skipped" and good.name in twice["message"]
        # the corrupt and encrypted uploads are gone; the ingested one stays where the index points
        assert kept(settings) == [ok["stored"]]
        image = c.get(f"/resoluciones/{ok['id']}/paginas/1/imagen", headers=bearer(originals_token))
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"
        page = c.get(f"/ingesta/{job_id}", headers={"X-API-Key": ingest_token}).text
        assert "encrypted:" in page and f'href="/resoluciones/{ok["id"]}"' in page
    with running(settings) as c:  # a restart: the job and its results are still there
        assert c.get(f"/api/v1/ingest/{job_id}", headers=bearer(ingest_token)).json() == job
