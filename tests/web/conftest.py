"""A real SQLite index built for the web tests, and clients of the ASGI app over it."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from fastapi.testclient import TestClient

from expediente.web import WebSettings, create_app
from expediente.web.keys import KeyStore
from schemas import (
    CourtLevel, DefendantOutcome, DocKind, Event, EventKind, Evidence, Outcome, OutcomeKind, Party, Penalty, Role,
)
from search import open_index
from tests.search.conftest import BACKENDS, ES_URL, drop_backend
from tests.search.factory import accused, make_record, victim

XSS_NAME = '"><img src=x onerror=alert(1)>'
XSS_TEXT = 'El acusado <script>alert("x")</script> fue oído. ' + XSS_NAME + " negó los cargos."
PROTECTED_NAME = "Nancy Huamán Quispe"
DISTRICTS = ("Puno", "Madre de Dios", "Cusco")
CRIMES = ("trata_de_personas", "mineria_ilegal", "robo_agravado")


def _span(page: str, text: str, n: int = 1) -> Evidence:
    start = page.index(text)
    return Evidence(page=n, start=start, end=start + len(text), rule="test")


def xss_record():
    page = XSS_TEXT
    party = Party(name=XSS_NAME, role=Role.IMPUTADO, evidence=[_span(page, XSS_NAME)])
    record = make_record(page, key="xss", district="Puno", court='<b>Juzgado</b> "Penal"', crimes=("robo_agravado",),
                         day=date(2021, 3, 1), case_numbers=("00123-2019-45-2101-JR-PE-01",), parties=(party,))
    return record


def penalty_record():
    page1 = "SENTENCIA. Lima, once de marzo de dos mil veintidós. Vistos: el acusado Juan Pérez Soto."
    page2 = ("FALLO: CONDENA a Juan Pérez Soto a DOCE AÑOS Y OCHO MESES de pena privativa de libertad efectiva, "
             "y fija en S/ 10,000.00 la reparación civil. Casación N.° 904-2019/Puno. Formalizada el 3 de mayo "
             "de 2019.")
    pages = [page1, page2]
    ruling_parts = dict(
        parties=(Party(name="Juan Pérez Soto", role=Role.IMPUTADO, evidence=[_span(page1, "Juan Pérez Soto")]),),
        penalties=(Penalty(defendant="Juan Pérez Soto", prison_years=12 + 8 / 12, effective=True,
                           reparacion_civil_soles=10000.0,
                           evidence=[_span(page2, "DOCE AÑOS Y OCHO MESES", 2)]),),
    )
    record = make_record(pages, key="penalty", district="Puno", level=CourtLevel.JUZGADO, crimes=("trata_de_personas",),
                         articles=("153-A",), day=date(2022, 3, 11), outcome=OutcomeKind.CONDENA,
                         case_numbers=("00456-2019-0-2101-JR-PE-02",), citations=("Casación N.° 904-2019/Puno",),
                         **ruling_parts)
    ruling = record.ruling.model_copy(update={
        "events": [Event(kind=EventKind.FORMALIZACION, date=date(2019, 5, 3), evidence=[_span(page2, "3 de mayo", 2)])],
        "outcome": Outcome(kind=OutcomeKind.CONDENA, by_defendant=[DefendantOutcome(
            name="Juan Pérez Soto", kind=OutcomeKind.CONDENA, evidence=[_span(page2, "CONDENA", 2)])]),
    })
    return record.model_copy(update={"ruling": ruling})


def protected_record():
    return make_record([f"La agraviada {PROTECTED_NAME} declaró sobre la captación en el campamento minero."],
                       key="protected", district="Madre de Dios", crimes=("trata_de_personas",), day=date(2020, 6, 1),
                       parties=(victim(PROTECTED_NAME), accused("Pedro Quispe Mamani")),
                       redactions=((PROTECTED_NAME, "N.H.Q."),), outcome=OutcomeKind.CONDENA)


def bulk_records(n: int = 30):
    out = []
    for i in range(n):
        out.append(make_record(
            f"Sentencia número {i} sobre el delito investigado en el distrito; reparación civil fijada.",
            key=f"bulk{i}", district=DISTRICTS[i % 3], crimes=(CRIMES[i % 3],), day=date(2010 + i % 10, 1 + i % 12, 1 + i),
            outcome=OutcomeKind.CONDENA if i % 2 else OutcomeKind.ABSOLUCION,
            doc_kind=DocKind.SENTENCIA if i % 4 else DocKind.SENTENCIA_VISTA,
            parties=(Party(name=JUDGES[i % len(JUDGES)], role=Role.JUEZ),)))
    return out


JUDGES = ("Rocío Cárdenas Mallma", "Edwin Ochoa Ramos", "Jhony Pérez Llanco", "Ana Ruiz Castillo")


@pytest.fixture(scope="session", params=BACKENDS)
def index_location(request, tmp_path_factory):
    """Every web test runs on both SQLite engines, and on Elasticsearch when ES_URL is set;
    the index is written by a caller allowed to keep originals."""
    folder = tmp_path_factory.mktemp("web")
    original = folder / "originals" / "penalty.txt"
    original.parent.mkdir()
    original.write_text("texto original", encoding="utf-8")
    records = [xss_record(), penalty_record().model_copy(update={"path": str(original)}), protected_record(),
               *bulk_records()]
    if request.param == "elastic":
        if not ES_URL:
            pytest.skip("ES_URL no definido: las pruebas de Elasticsearch necesitan un clúster")
        location, engine = f"{ES_URL.rstrip('/')}/expediente-web-test-{uuid.uuid4().hex[:12]}", {}
    else:
        location, engine = str(folder / "index.sqlite"), {"engine": request.param}
    with open_index(location, originals=True, **engine) as idx:
        idx.upsert(records)
    yield location
    if request.param == "elastic":
        drop_backend(open_index(location))


@pytest.fixture
def settings(index_location, tmp_path):
    return WebSettings(index=index_location, data_dir=tmp_path / "data", rate_burst=10_000)


@pytest.fixture
def client(settings):
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture
def originals_token(settings):
    _, token = KeyStore(settings.keys_file).create("originals", label="prueba")
    return token
