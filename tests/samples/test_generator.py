"""The sample corpus generator: determinism, truth validity, truth-in-text, variety, privacy."""

from __future__ import annotations

import collections
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from rapidfuzz import fuzz
from text_to_num import alpha2digit

from samples import GeneratedDoc, draft, generate
from samples.spanish import (
    date_forms,
    format_date,
    latin1,
    money_digits,
    number_words,
)
from extractors.data.districts import BY_SEAT, code_in_force
from schemas import CourtLevel, DocKind, ProceduralCode, Role, Ruling

SEED = 7
PAGE_NUMBER = re.compile(r"^(Página \d+ de \d+|- \d+ -|\d+|Pág\. \d+/\d+)$")
FLOWED_PAGE_NUMBER = re.compile(r" (Página \d+ de \d+|- \d+ -|\d+|Pág\. \d+/\d+)$")
DOC_KINDS = {DocKind.SENTENCIA, DocKind.SENTENCIA_VISTA, DocKind.CASACION, DocKind.RECURSO_NULIDAD,
             DocKind.AUTO}


# -- helpers ---------------------------------------------------------------------------

def _index(doc: GeneratedDoc) -> int:
    return int(doc.name.removeprefix("doc"))


def _truth(doc: GeneratedDoc) -> Ruling:
    return Ruling.model_validate_json(doc.truth_path.read_text(encoding="utf-8"))


def _pages_json(doc: GeneratedDoc) -> list[str]:
    return json.loads(doc.path.with_name(f"{doc.name}.pages.json").read_text(encoding="utf-8"))


def _pdf_pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n").replace("\ufffe", "-")
                for page in pdf]
    finally:
        pdf.close()


def _body(pages: list[str], seed: int, index: int, scanned: bool = False) -> str:
    """Pages joined without their running header, signature stamp and page number."""
    chrome = draft(seed, index, scanned=scanned).composed.chrome
    stamp_lines = {line for stamp in chrome.stamps for line in stamp.split("\n")}
    kept = []
    for page in pages:
        page = page[:-1] if page.endswith(("\n", " ")) else page  # the .txt page end
        if "\n" not in page:  # a page extracted without line breaks: strip furniture at its ends
            for stamp in chrome.stamps:  # signature stamps anywhere in the page
                page = page.replace(" ".join(stamp.split("\n")), "")
            if chrome.header and page.startswith(chrome.header):
                page = page[len(chrome.header):]
            page = FLOWED_PAGE_NUMBER.sub("", page)
            if chrome.stamp and page.rstrip().endswith(chrome.stamp):
                page = page.rstrip()[: -len(chrome.stamp)]
        lines = [line for line in page.split("\n") if line not in stamp_lines]
        if chrome.header and lines and lines[0].strip() == chrome.header.strip():
            lines = lines[1:]
        if lines and PAGE_NUMBER.match(lines[-1].strip()):
            lines = lines[:-1]
        if chrome.stamp and lines and " ".join(lines[-1].split()) == " ".join(chrome.stamp.split()):
            lines = lines[:-1]
        kept += lines
    return "\n".join(kept)


_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")


def _squash(text: str, *, join_hyphens: bool = False) -> str:
    """Lower case without any whitespace: PDF text extraction adds and drops spaces. With
    ``join_hyphens`` words hyphenated across lines ("Huarca-\nya", names too) are joined, as
    the extractor joins them."""
    if join_hyphens:
        text = _HYPHEN_BREAK.sub("", text)
    return "".join(text.lower().split())


def missing_from(truth: Ruling, text: str) -> list[str]:
    """Truth values (case numbers, names, dates, citations, redactions) not found in ``text``."""
    flat = _squash(text, join_hyphens=True)
    wanted = [("case", cn.raw) for cn in truth.case_numbers]
    wanted += [(p.role.value, p.name) for p in truth.parties]
    wanted += [("cite", c.raw) for c in truth.citations]
    wanted += [("redaction", r.text) for r in truth.redactions]
    out = [f"{what}: {value}" for what, value in wanted if _squash(value) not in flat]
    for d in [e.date for e in truth.events] + [truth.resolution_date]:
        if not any(_squash(form) in flat for form in date_forms(d)):
            out.append(f"date: {d}")
    return out


# -- fixtures --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[GeneratedDoc]:
    return generate(tmp_path_factory.mktemp("corpus"), count=12, seed=SEED, scanned_ratio=0.25)


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[GeneratedDoc]:
    return generate(tmp_path_factory.mktemp("texts"), count=300, seed=SEED, text_only=True)


# -- determinism -----------------------------------------------------------------------

def test_same_seed_gives_identical_bytes(tmp_path):
    a = generate(tmp_path / "a", count=4, seed=5, scanned_ratio=0.5)  # two scans: worker processes
    b = generate(tmp_path / "b", count=4, seed=5, scanned_ratio=0.5)
    assert [d.scanned for d in a] == [d.scanned for d in b] and sum(d.scanned for d in a) == 2
    files_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files_a == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_other_seed_gives_other_documents(tmp_path):
    a = generate(tmp_path / "a", count=2, seed=5, scanned_ratio=0.0)
    b = generate(tmp_path / "b", count=2, seed=6, scanned_ratio=0.0)
    for x, y in zip(a, b):
        assert x.truth_path.read_bytes() != y.truth_path.read_bytes()
        assert x.path.read_bytes() != y.path.read_bytes()


def test_documents_do_not_depend_on_count_or_processes(tmp_path):
    few = generate(tmp_path / "few", count=3, seed=5, text_only=True)  # one process
    many = generate(tmp_path / "many", count=600, seed=5, text_only=True)  # worker processes
    for x, y in zip(few, many):
        assert x.name == y.name
        assert x.path.read_bytes() == y.path.read_bytes()
        assert x.truth_path.read_bytes() == y.truth_path.read_bytes()


@pytest.mark.parametrize("kwargs", [{"count": -1, "seed": 1}, {"count": 1, "seed": 1, "scanned_ratio": 1.5}])
def test_bad_arguments_are_refused(tmp_path, kwargs):
    with pytest.raises(ValueError):
        generate(tmp_path, **kwargs)


# -- the born-digital and scanned corpus ---------------------------------------------------

def test_truth_files_validate_as_rulings(corpus):
    for doc in corpus:
        truth = _truth(doc)
        assert truth.language == "es" and truth.extractor_version is None
        assert truth.case_numbers and truth.outcome and truth.resolution_date
        assert truth.procedural_code in (ProceduralCode.NCPP, ProceduralCode.CDEPP1940)


def test_truth_appears_in_born_digital_text(corpus):
    born_digital = [d for d in corpus if not d.scanned]
    assert len(born_digital) == 9
    for doc in born_digital:
        text = _body(_pdf_pages(doc.path), SEED, _index(doc))
        assert missing_from(_truth(doc), text) == [], doc.name


def test_pages_json_is_the_printed_text(corpus):
    for doc in corpus:
        if doc.scanned:
            continue
        printed, extracted = _pages_json(doc), _pdf_pages(doc.path)
        assert len(printed) == len(extracted) >= 2
        for page, text in zip(printed, extracted):
            assert _squash(page) == _squash(text), doc.name
            assert latin1(page) == page


def test_scanned_share_and_file_types(corpus):
    scanned = [d for d in corpus if d.scanned]
    assert len(scanned) == 3
    for doc in scanned:
        pages = _pages_json(doc)
        assert doc.file_type in ("pdf", "tiff", "png") and doc.path.suffix == f".{doc.file_type}"
        assert 1 <= len(pages) <= 4
        assert missing_from(_truth(doc), _body(pages, SEED, _index(doc), scanned=True)) == []
        if doc.file_type == "pdf":
            assert all(not t.strip() for t in _pdf_pages(doc.path)), "a scan has no text layer"
            assert len(_pdf_pages(doc.path)) == len(pages)
        else:
            with Image.open(doc.path) as img:
                assert getattr(img, "n_frames", 1) == len(pages)
                assert img.info.get("dpi", (300, 300))[0] == pytest.approx(300, abs=1)
        if doc.file_type == "png":
            assert len(pages) == 1


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs the tesseract binary")
def test_scans_stay_readable_by_tesseract(corpus):
    import pytesseract

    doc = next(d for d in corpus if d.scanned)
    if doc.file_type == "pdf":
        pdf = pdfium.PdfDocument(doc.path)
        image = pdf[0].render(scale=300 / 72, grayscale=True).to_pil()
        pdf.close()
    else:
        image = Image.open(doc.path).convert("L")
    top = image.crop((0, 0, image.width, image.height * 2 // 5))
    ocr = " ".join(pytesseract.image_to_string(top, lang="spa").split())
    page = " ".join(_pages_json(doc)[0].split())
    assert len(ocr) > 300
    assert fuzz.partial_ratio(ocr, page) > 85


# -- text-only mode ----------------------------------------------------------------------

def test_text_only_writes_text_and_truth_only(tmp_path):
    docs = generate(tmp_path, count=20, seed=SEED, text_only=True)
    assert {p.suffix for p in tmp_path.iterdir()} == {".txt", ".json"}
    assert not list(tmp_path.glob("*.pages.json"))
    for doc in docs:
        assert doc.file_type == "txt" and not doc.scanned and doc.path.suffix == ".txt"
        pages = doc.path.read_text(encoding="utf-8").split("\f")
        assert len(pages) >= 2
        assert missing_from(_truth(doc), _body(pages, SEED, _index(doc))) == [], doc.name


def test_every_text_contains_its_truth(texts):
    for doc in texts:
        pages = doc.path.read_text(encoding="utf-8").split("\f")
        assert missing_from(_truth(doc), _body(pages, SEED, _index(doc))) == [], doc.name


# -- variety and consistency ---------------------------------------------------------------

def test_kinds_codes_and_outcomes_vary(texts):
    truths = [_truth(d) for d in texts[:60]]
    assert {t.doc_kind for t in truths} >= DOC_KINDS
    assert {t.procedural_code for t in truths} == {ProceduralCode.NCPP, ProceduralCode.CDEPP1940}
    assert len({t.outcome.kind for t in truths}) >= 8
    everything = [_truth(d) for d in texts]
    assert len({t.early_termination for t in everything}) >= 4
    assert any(p.effective is False and p.probation_years for t in everything for p in t.penalties)
    assert any(t.redactions for t in everything)
    assert len({t.court.district for t in everything}) >= 8
    assert len({c.crime for t in everything for c in t.charges}) >= 15


def test_page_furniture_and_header_layouts_vary(texts):
    heads = [d.path.read_text(encoding="utf-8")[:2500] for d in texts]
    assert 0.15 < sum(bool(re.search(r"\d \d{3} vistas", h)) for h in heads) / len(heads) < 0.35  # web page
    assert any(re.search(r"^\S[^\n:]*\S {2,}: ", h, re.M) for h in heads)  # aligned table
    assert any(re.search(r"^(EXPEDIENTE|EXP\.|Expediente)[^\n:]*\n[A-Z]", h, re.M) for h in heads)  # flat
    assert any(" y otros" in h for h in heads)
    assert any("SUMILLA" in h.upper() for h in heads)


def test_codes_courts_and_numbers_are_consistent(texts):
    for doc in texts:
        truth, case = _truth(doc), draft(SEED, _index(doc), scanned=False).case
        number = truth.case_numbers[0]
        assert truth.procedural_code.value == code_in_force(number.district, case.timeline.start)
        if truth.doc_kind == DocKind.CASACION:
            assert truth.procedural_code == ProceduralCode.NCPP and number.normalized.startswith("casacion ")
        if truth.doc_kind == DocKind.RECURSO_NULIDAD:
            assert truth.procedural_code == ProceduralCode.CDEPP1940
            assert number.normalized.startswith("recurso_nulidad ")
        if truth.court.level == CourtLevel.CORTE_SUPREMA:
            assert truth.court.district is None and truth.place == "Lima"
        else:
            seat = number.normalized.split("-")[3]
            assert BY_SEAT[seat].name == number.district == truth.court.district
        assert all(e.date <= truth.resolution_date for e in truth.events)
        assert [e.date for e in truth.events] == sorted(e.date for e in truth.events)


def test_parties_penalties_and_outcomes_agree(texts):
    for doc in texts:
        truth = _truth(doc)
        roles = collections.defaultdict(set)
        for p in truth.parties:
            roles[p.role].add(p.name)
        assert roles[Role.PONENTE] <= roles[Role.JUEZ]
        assert {o.name for o in truth.outcome.by_defendant} <= roles[Role.IMPUTADO]
        assert {p.defendant for p in truth.penalties} <= {o.name for o in truth.outcome.by_defendant}
        kinds = {o.kind for o in truth.outcome.by_defendant}
        assert truth.outcome.kind.value == (kinds.pop().value if len(kinds) == 1 else "mixto")
        for p in truth.penalties:
            assert p.prison_years is None or p.prison_years > 0


def test_protected_victims_named_only_with_a_redaction(texts):
    leaks = 0
    for doc in texts:
        truth = _truth(doc)
        text = _squash(doc.path.read_text(encoding="utf-8"))
        redacted = {r.text for r in truth.redactions}
        for victim in draft(SEED, _index(doc), scanned=False).case.victims:
            if not victim.protected:
                continue
            named = _squash(victim.person.full) in text
            assert named == (victim.person.full in redacted), doc.name
            leaks += named
        protected = {p.name for p in truth.parties if p.protected}
        assert {r.replacement for r in truth.redactions} <= protected
    assert leaks > 0


# -- Spanish surface forms -------------------------------------------------------------------

@pytest.mark.parametrize("n, words", [
    (1, "uno"), (16, "dieciséis"), (21, "veintiuno"), (100, "cien"), (101, "ciento uno"),
    (1500, "mil quinientos"), (25000, "veinticinco mil"), (2019, "dos mil diecinueve"),
])
def test_number_words(n, words):
    assert number_words(n) == words
    assert alpha2digit(words, "es") == str(n) or n in (1, 101)  # text2num leaves "uno" alone


@pytest.mark.parametrize("d, style, expected", [
    (date(2018, 6, 1), "words", "primero de junio del año dos mil dieciocho"),
    (date(2022, 3, 11), "words", "once de marzo del año dos mil veintidós"),
    (date(2019, 11, 24), "words_digits", "veinticuatro (24) de noviembre del año dos mil diecinueve"),
    (date(2019, 9, 18), "long_digits", "18 de setiembre del año 2019"),
    (date(2019, 3, 18), "slash", "18/03/2019"),
])
def test_date_forms(d, style, expected):
    assert format_date(d, style, joiner="del año") == expected
    assert expected in date_forms(d)


@pytest.mark.parametrize("amount, style, expected", [
    (10000, 0, "S/ 10 000.00"), (5000, 1, "S/. 5,000.00"), (1500, 2, "S/1500,00"), (600, 3, "S/ 600.00"),
])
def test_money_digits(amount, style, expected):
    assert money_digits(amount, style) == expected


def test_latin1_mapping():
    assert latin1("contra la libertad – trata “agravada” — ‘x’…") == 'contra la libertad - trata "agravada" - \'x\'...'
    assert latin1("Ñahui Ushiñahua «El Tigrillo» N.° 3") == "Ñahui Ushiñahua «El Tigrillo» N.° 3"


# -- what the generator was extended with, and the text bugs it must not have ---------------

def test_new_kinds_of_case_appear_with_their_truth(texts):
    cases = [(draft(SEED, _index(d), scanned=False).case, _truth(d), d) for d in texts]
    variants = {c.variant for c, _, _ in cases}
    assert {"sumario", "oportunidad"} <= variants
    for case, truth, doc in cases:
        text = doc.path.read_text(encoding="utf-8")
        if case.variant == "sumario":  # old-code Juzgado Penal, proceso sumario
            assert truth.procedural_code == ProceduralCode.CDEPP1940 and truth.court.level == CourtLevel.JUZGADO
            assert "proceso sumario" in text and "Juzgado" in truth.court.name
        if case.variant == "oportunidad":  # principio de oportunidad / acuerdo reparatorio
            assert truth.early_termination.value in ("principio_oportunidad", "acuerdo_reparatorio")
            assert truth.outcome.kind.value == "sobreseimiento" and not truth.penalties
    keys = {c.crime for _, t, _ in cases for c in t.charges}
    assert len(keys & {"hurto_agravado", "extorsion", "tenencia_ilegal_armas", "actos_contra_el_pudor_menor",
                       "usurpacion", "lesiones_leves", "omision_asistencia_familiar"}) >= 4


def test_accused_by_initials_and_inhabilitacion(texts):
    from samples.case import inhabilitacion_truth
    anonymous = inhabilitated = 0
    for doc in texts:
        truth, case = _truth(doc), draft(SEED, _index(doc), scanned=False).case
        text = doc.path.read_text(encoding="utf-8")
        for d in case.defendants:
            if d.person.alias:
                anonymous += 1
                assert d.person.alias in {p.name for p in truth.parties if p.role == Role.IMPUTADO}
                assert d.person.first not in text  # the full name never appears
        if inhabilitacion_truth(case):
            inhabilitated += 1
            assert re.search(r"(?i)inhabilitaci[oó]n", text)
    assert anonymous >= 5 and inhabilitated >= 5


def test_state_victim_with_procuraduria_as_actor_civil(texts):
    seen = 0
    for doc in texts:
        truth = _truth(doc)
        civil = [p.name for p in truth.parties if p.role == Role.ACTOR_CIVIL]
        if civil:
            seen += 1
            text = " ".join(doc.path.read_text(encoding="utf-8").split())
            assert civil[0].startswith("Procuraduría") and "constituida en actor civil" in text
            assert any(p.name == "Estado" for p in truth.parties if p.role == Role.AGRAVIADO)
    assert seen >= 10


def test_names_are_hyphenated_across_lines_sometimes(texts):
    names = 0
    for doc in texts:
        text = doc.path.read_text(encoding="utf-8")
        people = [p.name for p in _truth(doc).parties]
        for m in re.finditer(r"([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})-\n([a-záéíóúñ]{2,})", text):
            names += any(m.group(1) + m.group(2) in name for name in people)
    assert names >= 3


def test_panels_with_director_de_debates_are_slash_separated(texts):
    assert any(re.search(r"\w+ \w+ \(DD\) / \w+", d.path.read_text(encoding="utf-8")) for d in texts)


def test_no_text_bugs(texts):
    from samples.vocab import MALE_NAMES
    male = {n.split()[0] for n in MALE_NAMES} - {"Segundo"}
    for doc in texts:
        text = doc.path.read_text(encoding="utf-8")
        flat = " ".join(text.split())
        assert not re.search(r"\b(?:[Dd]e|[Aa]) el\b", flat), doc.name  # contractions: del, al
        assert not re.search(r"\bel Sala\b", flat), doc.name
        for m in re.finditer(r"JUEZA\s*:\s*(\w+)", text):
            assert m.group(1) not in male, doc.name  # "JUEZA:" before a man's name
        # a page number never runs into the next page's text ("Pág. 1/2SEGUNDO")
        assert not re.search(r"(?:Página \d+ de \d+|Pág\. \d+/\d+)\f?\S", text), doc.name


@pytest.mark.parametrize("text, expected", [
    ("a favor de el Estado", "a favor del Estado"), ("(de el Juzgado", "(del Juzgado"),
    ("A el respecto", "Al respecto"), ("ORDENA DE EL ESTADO", "ORDENA DEL ESTADO"),
    ("del local El Tigrillo", "del local El Tigrillo"), ("a El Tigrillo", "a El Tigrillo"), ("de él", "de él"),
])
def test_contractions(text, expected):
    from samples.writer import contract
    assert contract(text) == expected


def test_syllable_split():
    from samples.layout import syllable_split
    assert syllable_split("Huarcaya") == "Huarca-ya" and syllable_split("Chuquimango") == "Chuquiman-go"
    assert syllable_split("Pillco") is None


# -- the real-court formats of ../shared/corpus/wild2 (formats.py) ---------------------------

# variant -> (doc_kind, court level, number kind, outcome kinds allowed, a phrase of the text)
FORMATS = {
    "apelacion_suprema": ("auto", "corte_suprema", "apelacion", {"confirma", "revoca"}, "recurso de apelación"),
    "queja": ("queja", "corte_suprema", "queja", {"queja_infundada", "queja_fundada"}, "recurso de queja"),
    "calificacion": ("casacion", "corte_suprema", "casacion",
                     {"bien_concedido", "casacion_inadmisible", "casacion_improcedente"}, "recurso de casación"),
    "auto_vista": ("auto", "corte_superior", "expediente", {"confirma", "revoca", "improcedente"}, "AUTO"),
    "control_detencion": ("auto", "juzgado", "expediente", {"detencion_legal", "detencion_ilegal"},
                          "CONTROL DE LEGALIDAD DE LA DETENCIÓN"),
    "enjuiciamiento": ("auto", "juzgado", "expediente", {"auto_enjuiciamiento"}, "AUTO DE ENJUICIAMIENTO"),
}


@pytest.fixture(scope="module")
def formats_seen(texts):
    return [(draft(SEED, _index(d), scanned=False).case, _truth(d), d) for d in texts]


@pytest.mark.parametrize("variant", sorted(FORMATS))
def test_new_formats_appear_with_consistent_truth(formats_seen, variant):
    kind, level, number_kind, outcomes, phrase = FORMATS[variant]
    seen = [(c, t, d) for c, t, d in formats_seen if c.variant == variant]
    assert 3 <= len(seen) <= 30, len(seen)  # a few percent of 300 documents
    for case, truth, doc in seen:
        text = " ".join(doc.path.read_text(encoding="utf-8").split())
        assert truth.doc_kind.value == kind and truth.court.level.value == level, doc.name
        number = truth.case_numbers[0]
        assert number.kind.value == number_kind, doc.name
        assert number_kind == "expediente" or number.normalized.startswith(number_kind + " "), doc.name
        assert {o.kind.value for o in truth.outcome.by_defendant} <= outcomes, doc.name
        assert truth.procedural_code == ProceduralCode.NCPP and phrase in text, doc.name
        if level == "corte_suprema":
            assert truth.court.district is None and number.normalized.split()[1][0] != "0"
        if variant != "auto_vista" or truth.early_termination is None:
            assert not truth.penalties, doc.name  # nothing imposed or confirmed here


def test_national_system_and_long_lists_of_accused(formats_seen):
    national = [(c, t, d) for c, t, d in formats_seen if t.court.district == "Nacional"]
    assert len(national) >= 5
    for case, truth, doc in national:
        seat = truth.case_numbers[0].normalized.split("-")[3]
        assert seat in ("5001", "5002") and truth.case_numbers[0].district == "Nacional"
        assert "Nacional" in truth.court.name or "Supraprovincial" in truth.court.name
    listed = [d for c, _, d in national if any(x.nickname for x in c.defendants)]
    for doc in listed:  # "SURNAMES, Given, (a) «alias», DNI N.° ..." with a penalty each
        truth = _truth(doc)
        assert re.search(r", \(a\) «[^»]+», DNI N\.° \d{8}", doc.path.read_text(encoding="utf-8"))
        convicted = {o.name for o in truth.outcome.by_defendant if o.kind.value == "condena"}
        assert {p.defendant for p in truth.penalties} == convicted


def test_fiscal_office_as_fiscal_and_companies_as_terceros(formats_seen):
    offices = companies = 0
    for case, truth, doc in formats_seen:
        fiscales = [p.name for p in truth.parties if p.role == Role.FISCAL]
        if case.office_is_fiscal:
            offices += 1
            assert fiscales == [case.fiscal_office] and case.fiscal is None
        for name in case.companies:
            companies += 1
            assert name in {p.name for p in truth.parties if p.role == Role.TERCERO}
            assert "tercero civilmente responsable" in " ".join(doc.path.read_text(encoding="utf-8").split())
    assert offices >= 5 and companies >= 1


def test_signature_stamps_and_the_secretary_are_furniture(formats_seen):
    stamped = 0
    for case, truth, doc in formats_seen:
        chrome = draft(SEED, _index(doc), scanned=False).composed.chrome
        if not chrome.stamps:
            continue
        stamped += 1
        text = " ".join(doc.path.read_text(encoding="utf-8").split())
        assert text.count("FAU 20159981216 soft") == len(case.judges) and "Servicio Digital" in text
        assert truth.resolution_date.year >= 2018
        assert "".join(chrome.stamps[-1].split("\n")).replace(" ", "")[:12] not in {
            p.name.replace(" ", "") for p in truth.parties}  # the secretary is not a party
    assert stamped >= 5


def test_sentencia_conformada_is_a_condena(texts):
    conformed = 0
    for doc in texts:
        truth = _truth(doc)
        assert all(o.kind.value != "conclusion_anticipada" for o in truth.outcome.by_defendant)
        if truth.early_termination is not None and truth.early_termination.value == "conclusion_anticipada":
            conformed += 1
            assert {o.kind.value for o in truth.outcome.by_defendant} <= {"condena", "absolucion"}
    assert conformed >= 3


def test_old_kinds_keep_their_bytes_unless_the_format_stream_changes_them(tmp_path, monkeypatch):
    """The format stream is separate: documents it leaves alone are what they were without it."""
    import random as _random

    from samples import formats
    from samples.model import Look
    docs = generate(tmp_path / "with", count=40, seed=SEED, text_only=True)
    untouched = [d for d in docs if formats.pick(_random.Random(f"{SEED}:{_index(d)}:format"), "full") is None
                 and draft(SEED, _index(d), scanned=False).case.look == Look()]
    monkeypatch.setattr(formats, "pick", lambda fmt, length: None)
    monkeypatch.setattr(formats, "look", lambda fmt, **kw: Look())
    plain = {d.name: d for d in generate(tmp_path / "without", count=40, seed=SEED, text_only=True)}
    assert len(untouched) >= 20
    for doc in untouched:
        assert doc.path.read_bytes() == plain[doc.name].path.read_bytes(), doc.name


@pytest.mark.parametrize("n, word", [(1, "PRIMERO"), (13, "DECIMOTERCERO"), (21, "VIGÉSIMO PRIMERO"),
                                     (60, "SEXAGÉSIMO"), (67, "SEXAGÉSIMO SÉTIMO"), (99, "NONAGÉSIMO NOVENO"),
                                     (100, "CENTÉSIMO"), (104, "CENTÉSIMO CUARTO")])
def test_ordinal_headings_go_past_fifty_nine(n, word):
    # a generated ruling with more than 59 headings crashed the generator (KeyError: 6)
    from samples.spanish import ordinal

    assert ordinal(n) == word
