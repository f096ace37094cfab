"""The web application in a real headless Chromium (Debian's, driven by Playwright; no
browser is downloaded), served by uvicorn on a free loopback port over a real index: a
generated born-digital ruling ingested by the flow's own tasks, beside the XSS and
protected records of the API tests."""

from __future__ import annotations

import os

import pytest

from samples import generate
from expediente.web import WebSettings
from expediente.web.keys import KeyStore
from extractors.acquire import acquire
from flows.ingest import extract_task
from search import open_index
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, serving
from tests.web.conftest import XSS_TEXT, bulk_records, protected_record, xss_record

pytestmark = pytest.mark.slow  # a browser, OCR-free ingestion and a server: ~15 s

TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def site_settings(tmp_path_factory):
    """The settings of the server's index and data folder, and the generated ruling."""
    folder = tmp_path_factory.mktemp("browser")
    generate(folder / "corpus", count=2, seed=3, scanned_ratio=0.5)
    ruling = extract_task.fn(acquire(folder / "corpus" / "doc0002.pdf"))  # born digital
    index = folder / "index.sqlite"
    with open_index(str(index), originals=True) as idx:
        idx.upsert([ruling, xss_record(), protected_record(), *bulk_records()])
    return WebSettings(index=str(index), data_dir=folder / "data", rate_burst=10_000), ruling


@pytest.fixture(scope="module")
def site(site_settings):
    """``(base URL, originals key, the generated ruling)`` of a running server."""
    settings, ruling = site_settings
    _, token = KeyStore(settings.keys_file).create("originals", label="navegador")
    with serving(settings) as base:
        yield base, token, ruling


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} no está instalado (make system-deps instala el paquete chromium de Debian)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.dialogs = dialogs
    errors: list[str] = []
    # script errors and CSP refusals (a missing /favicon.ico is the one 404 a browser asks for)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text
           else None)
    tab.console_errors = errors
    yield tab
    context.close()


def log_in(page, base: str, token: str) -> None:
    page.goto(f"{base}/acceso")
    page.fill("input[name=clave]", token)
    page.click("form.login button[type=submit]")
    page.wait_for_load_state()


def test_search_facet_ruling_fact_and_its_box_on_the_page_image(site, page):
    base, token, ruling = site
    log_in(page, base, token)
    page.goto(f"{base}/")
    district = ruling.ruling.court.district
    page.locator("#faceta-district a", has_text=district).first.click()
    page.wait_for_url("**district=*")
    assert page.locator(".active li", has_text=district).count() == 1
    page.locator(f'a[href="/resoluciones/{ruling.id}"]').first.click()
    page.wait_for_url(f"**/resoluciones/{ruling.id}")
    number = ruling.ruling.case_numbers[0].normalized
    fact = page.locator("dd", has_text=number).locator("a.evidence").first
    fact.click()
    page.wait_for_url("**/paginas/*start=*")
    assert number.split("-")[0] in page.locator("mark#marca").inner_text()
    image = page.locator(".page-frame img")
    page.wait_for_function("() => { const i = document.querySelector('.page-frame img');"
                           " return i && i.complete && i.naturalWidth > 0; }")
    box = page.locator(".evidence-box").first
    assert box.is_visible()
    b, i = box.bounding_box(), image.bounding_box()
    assert b["width"] > 10 and b["height"] > 5  # placed and sized by app.js
    assert i["x"] <= b["x"] and b["x"] + b["width"] <= i["x"] + i["width"]
    assert i["y"] <= b["y"] and b["y"] + b["height"] <= i["y"] + i["height"]
    # where the text layer puts the case number: the stored box, scaled to the image shown
    ev = ruling.ruling.case_numbers[0].evidence[0]
    x0, y0, *_ = ruling.page_boxes[ev.page - 1].rects(ev.start, ev.end)[0]
    assert b["x"] == pytest.approx(i["x"] + x0 * i["width"], abs=2)
    assert b["y"] == pytest.approx(i["y"] + y0 * i["height"], abs=2)
    assert not page.console_errors  # no CSP violation, no script error


def test_anonymous_readers_of_a_protected_ruling_get_the_text_only(site, page):
    base, _, _ = site
    record = protected_record()
    page.goto(f"{base}/resoluciones/{record.id}/paginas/1")
    assert page.locator(".page-frame img").count() == 0
    assert "originals" in page.locator(".image-note").inner_text()


def test_the_dashboard_draws_its_charts(site, page):
    base, _, _ = site
    page.goto(f"{base}/panel")
    charts = page.locator(".charts img")
    assert charts.count() == 5
    for k in range(charts.count()):
        charts.nth(k).scroll_into_view_if_needed()
    page.wait_for_function("() => [...document.querySelectorAll('.charts img')]"
                           ".every(i => i.complete && i.naturalWidth > 100)")


def test_a_malformed_query_shows_its_spanish_message(site, page):
    base, _, _ = site
    page.goto(f"{base}/")
    page.fill("form.search input[name=q]", '"trata de')
    page.locator("form.search input[name=q]").press("Enter")
    error = page.locator("#query-error")
    error.wait_for()
    assert "comillas" in error.inner_text()


def test_the_xss_documents_render_as_text(site, page):
    base, _, _ = site
    record = xss_record()
    page.goto(f"{base}/?q=acusado")
    page.goto(f"{base}/resoluciones/{record.id}")
    assert '"><img src=x onerror=alert(1)>' in page.locator("body").inner_text()
    page.goto(f"{base}/resoluciones/{record.id}/paginas/1")
    assert XSS_TEXT.split(" fue")[0] in page.locator("pre.page-text").inner_text()
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.locator("img[src=x]").count() == 0


def test_an_upload_shows_each_files_progress_until_its_outcome(site, site_settings, page, tmp_path):
    """Runs the real ``expediente ingest`` in its own process (~15 s), so it goes last: it
    adds to the index the other tests read."""
    base, _, _ = site
    settings, _ = site_settings
    _, token = KeyStore(settings.keys_file).create("ingest", label="navegador")
    text = ("SENTENCIA. Cusco, once de marzo de dos mil veintidós. El acusado Juan Pérez Soto, por el delito de "
            "robo agravado. FALLO: CONDENA a Juan Pérez Soto a doce años de pena privativa de libertad.\n")
    log_in(page, base, token)
    page.goto(f"{base}/ingesta")
    page.set_input_files("input[name=archivos]", files=[
        {"name": '"><img src=x onerror=alert(1)>.txt', "mimeType": "text/plain", "buffer": text.encode()},
        {"name": "roto.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n1 0 obj <<"}])
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/ingesta/*")
    page.evaluate("() => { window.sameDocument = true; }")  # gone if the page were reloaded
    rows = page.locator("#job-files tbody tr")
    assert rows.count() == 2
    page.wait_for_function("() => document.getElementById('ingest-job').dataset.status === 'terminado'",
                           timeout=180_000)
    assert page.evaluate("() => window.sameDocument === true")  # updated by app.js, not by a reload
    # shown as text (browsers send the quote as %22 in a multipart file name, as HTML says)
    assert rows.nth(0).locator(".name").inner_text() == '%22><img src=x onerror=alert(1)>.txt'
    assert rows.nth(0).locator(".result").inner_text() == "ingerido"
    assert rows.nth(0).locator(".detail a").get_attribute("href").startswith("/resoluciones/")
    assert rows.nth(1).locator(".result").inner_text() == "falló"
    assert rows.nth(1).locator(".detail").inner_text().startswith("corrupt: ")
    assert page.locator("#job-status").inner_text() == "terminado"
    assert page.dialogs == [] and page.locator("img[src=x]").count() == 0
    assert not page.console_errors
