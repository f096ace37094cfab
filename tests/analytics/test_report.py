"""The HTML report: capped id lists, an empty index, well-formed inline charts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

from expediente.report import auto_max_ids, build_report
from search.analytics import Corpus, Dimension, Filters

from tests.analytics import test_outcomes
from tests.analytics.factory import family_of, record


def corpus() -> Corpus:
    return Corpus.from_records([record(r, k) for k, r in test_outcomes.RECORDS], family_of)


def test_capped_id_lists_say_how_many_more_and_where_to_find_them():
    html = build_report(corpus(), dims=[Dimension.CODIGO], max_ids=1, generated=datetime(2024, 1, 1))
    assert "… y 1 más (lista completa con <code>--json</code>)" in html
    assert "Generado el 2024-01-01 00:00" in html


def test_charts_are_well_formed_svg_with_unique_ids():
    html = build_report(corpus(), dims=[Dimension.FAMILIA], generated=datetime(2024, 1, 1))
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert svgs
    for svg in svgs:
        ET.fromstring(svg)
    defined = re.findall(r'<(?:clipPath|path) id="([^"]+)"', html)
    assert len(defined) == len(set(defined))


def test_empty_index_still_reports():
    html = build_report(Corpus([]), dims=[Dimension.ANIO], filters=Filters(district="Puno"))
    assert "0 documentos" in html and "distrito = Puno" in html and "Ningún caso tiene ambas fechas" in html


def test_auto_cap():
    assert auto_max_ids(100) is None and auto_max_ids(100_000) == 25
