"""Lower decisions and inhabilitación (``extract_details``) against the generator's own
record of each case (``samples.case.lower_decisions_truth`` and
``inhabilitacion_truth``), since ``Ruling`` has no field for them yet; and on the wild set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from samples import draft, generate
from samples.case import inhabilitacion_truth, lower_decisions_truth
from extractors.evaluation import names_match
from extractors.legal import extract_details
from schemas import DocumentText, Page

SEED = 23


def _doc(path: Path) -> DocumentText:
    pages = [Page(number=i + 1, text=t, method="text_layer")
             for i, t in enumerate(path.read_text(encoding="utf-8").split("\f"))]
    return DocumentText(path=str(path), sha256="0" * 64, file_type="text", page_count=len(pages),
                        pages=pages, language="es")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    docs = generate(tmp_path_factory.mktemp("details"), count=120, seed=SEED, text_only=True)
    return [(draft(SEED, int(d.name[3:]), scanned=False).case, extract_details(_doc(d.path))[1]) for d in docs]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_lower_decisions_match_the_generated_cases(generated):
    tp = fp = fn = 0
    for case, details in generated:
        truth = {(t["instance"], t["kind"], t["date"]) for t in lower_decisions_truth(case)}
        pred = {(d.instance, d.kind.value if d.kind else None, d.date) for d in details.lower_decisions}
        tp, fp, fn = tp + len(pred & truth), fp + len(pred - truth), fn + len(truth - pred)
    assert tp > 30 and _f1(tp, fp, fn) >= 0.95


def test_inhabilitacion_matches_the_generated_cases(generated):
    tp = fp = fn = 0
    for case, details in generated:
        truth = inhabilitacion_truth(case)
        hits = sum(1 for p in details.inhabilitaciones for t in truth if names_match(p.defendant, t["defendant"])
                   and p.years == t["years"] and p.incisos == t["incisos"])
        tp, fp, fn = tp + hits, fp + len(details.inhabilitaciones) - hits, fn + len(truth) - hits
    assert tp > 5 and _f1(tp, fp, fn) >= 0.95


_CANDIDATES = [Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "wild",
               Path("/work/shared/corpus/wild")]
WILD = next((p for p in _CANDIDATES if p.is_dir()), None)


@pytest.mark.skipif(WILD is None, reason="shared/corpus/wild not found beside the repository")
@pytest.mark.parametrize("name, expected", [
    ("w01", [("apelacion", "revoca", date(2021, 4, 26)), ("primera_instancia", "condena", date(2020, 10, 9))]),
    ("w04", [("primera_instancia", "condena", date(2021, 6, 30))]),
    ("w12", []),  # a first-instance sentencia reviews nothing
])
def test_wild_lower_decisions(name, expected):
    _, details = extract_details(_doc(WILD / f"{name}.txt"))
    assert [(d.instance, d.kind.value, d.date) for d in details.lower_decisions] == expected


@pytest.mark.skipif(WILD is None, reason="shared/corpus/wild not found beside the repository")
def test_wild_inhabilitacion_without_length():
    _, details = extract_details(_doc(WILD / "w04.txt"))  # "e inhabilitación conforme al artículo 36"
    assert [(i.defendant, i.years, i.incisos) for i in details.inhabilitaciones] == [
        ("Nilda Yanet Condori Apaza", None, ()), ("Germán Huanca Pari", None, ())]


def test_an_inhabilitacion_as_long_as_the_prison_term_takes_its_years():
    # CP art. 39: "INHABILITACIÓN por el mismo tiempo de la condena"
    text = ("CORTE\n\nVISTOS: el juicio contra Ana Ruiz Paz.\n\nCONSIDERANDO: x.\n\nFALLO:\n1. CONDENANDO a ANA RUIZ "
            "PAZ a CINCO AÑOS Y SEIS MESES de pena privativa de libertad efectiva e INHABILITACIÓN por el mismo tiempo "
            "de la condena, conforme al artículo 36 incisos 1 y 2 del Código Penal.\n")
    ruling, details = extract_details(DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=1,
                                                   pages=[Page(number=1, text=text, method="text_layer")]))
    [p] = ruling.penalties
    assert (p.prison_years, p.inhabilitacion, p.inhabilitacion_years, p.inhabilitacion_incisos) == (5.5, True, 5.5, [1, 2])
    assert details.inhabilitaciones[0].same_term and details.inhabilitaciones[0].years is None
