"""The README's screenshots: the search page, a ruling's page with a fact's box on the page
image, and the monitoring panel, taken by Playwright in Debian's Chromium from the demo
index (``make screenshots``). A temporary originals key (in a scratch data folder, not the
user's) lets the page image of any ruling be shown.

    python -m tests.web.screenshots demo/index.sqlite docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from expediente.web import WebSettings
from expediente.web.keys import KeyStore
from search import open_index
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, serving


def a_ruling_with_boxes(index: str):
    """The first ruling whose case number has stored word boxes (born digital first)."""
    with open_index(index) as idx:
        for record in sorted(idx.iter_records(), key=lambda r: r.file_type != "pdf"):
            for number in record.ruling.case_numbers:
                for ev in number.evidence:
                    boxes = record.page_boxes[ev.page - 1] if ev.page <= len(record.page_boxes) else None
                    if boxes is not None and boxes.rects(ev.start, ev.end):
                        return record, ev
    raise SystemExit("ninguna resolución del índice tiene cajas de palabras: vuelva a ingerir la demostración")


def take(index: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    record, ev = a_ruling_with_boxes(index)
    shots = []
    with tempfile.TemporaryDirectory() as data, sync_playwright() as p:
        settings = WebSettings(index=index, data_dir=Path(data), rate_burst=10_000)
        _, token = KeyStore(settings.keys_file).create("originals", label="capturas")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        with serving(settings) as base:
            page.goto(f"{base}/acceso")
            page.fill("input[name=clave]", token)
            page.click("form.login button[type=submit]")
            for name, url in (("busqueda", "/?q=robo"),
                              ("resolucion", f"/resoluciones/{record.id}/paginas/{ev.page}?start={ev.start}"
                                             f"&end={ev.end}"),
                              ("panel", "/panel")):
                page.goto(base + url)
                page.wait_for_load_state("networkidle")
                if name == "panel":
                    page.evaluate("document.querySelectorAll('.charts img').forEach(i => i.loading = 'eager')")
                    page.wait_for_function("[...document.querySelectorAll('.charts img')].every(i => i.complete)")
                if name == "resolucion":
                    page.locator(".evidence-box").first.scroll_into_view_if_needed()
                path = out / f"{name}.png"
                page.screenshot(path=str(path))
                shots.append(path)
        browser.close()
    return shots


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    for shot in take(sys.argv[1], Path(sys.argv[2])):
        print(shot)
