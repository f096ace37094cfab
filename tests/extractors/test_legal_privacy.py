"""A protected victim's full name is redacted wherever the ruling writes it beside what
identifies her: her code, her initials, or a word for a minor; other people's names stay."""

from __future__ import annotations

import pytest

from extractors.legal import extract
from schemas import Role

from tests.extractors.test_legal_parties import doc_of

HEADER = """CORTE SUPERIOR DE JUSTICIA DE CUSCO
JUZGADO PENAL UNIPERSONAL DE WANCHAQ

EXPEDIENTE N.°   : 00412-2022-0-1001-JR-PE-02
ACUSADO          : QUISPE HUAMÁN, Néstor
AGRAVIADA        : {label}
JUEZ             : Ronald Sullca Ccahuana

SENTENCIA N.° 41-2023

Cusco, dos de mayo de dos mil veintitrés.

VISTOS: el proceso seguido contra Néstor Quispe Huamán por el delito de {crime}, previsto en el
artículo {article} del Código Penal, en agravio de {victim}.

CONSIDERANDO:

PRIMERO: {fact}

SEGUNDO: La defensa técnica, a cargo del abogado Segundo Pacaya Reátegui, alegó inocencia.

FALLA: CONDENANDO a NÉSTOR QUISPE HUAMÁN como autor del delito de {crime}.
"""


def _ruling(label, crime, article, victim, fact):
    return extract(doc_of(HEADER.format(label=label, crime=crime, article=article, victim=victim, fact=fact)))


@pytest.mark.parametrize("label, victim, fact, name, replacement", [
    # a code, and the name beside it (the case of issue 15)
    ("clave 581-2023", "la menor identificada con clave 581-2023",
     "El imputado incumplió la pensión a favor de la menor Noemí Torres Laura (identificada con clave "
     "581-2023).", "Noemí Torres Laura", "clave 581-2023"),
    # the name, then the code after a comma
    ("clave 77-2021", "la agraviada identificada con clave 77-2021",
     "Declaró Rosa Elvira Ccori Mamani, identificada con clave 77-2021, en cámara Gesell.",
     "Rosa Elvira Ccori Mamani", "clave 77-2021"),
    # initials, then the name in brackets
    ("M. Ch. A.", "la adolescente de iniciales M. Ch. A.",
     "La agraviada de iniciales M. Ch. A. (Marisol Chanduví Ancco) relató los hechos.",
     "Marisol Chanduví Ancco", "M. Ch. A."),
    # no identifier beside the name: "la menor" alone protects her
    ("clave 12-2020", "la menor identificada con clave 12-2020",
     "Los hechos ocurrieron cuando el menor Luis Alberto Quispe Soto, hermano de la agraviada, dormía.",
     "Luis Alberto Quispe Soto", "clave 12-2020"),
])
def test_a_name_beside_what_identifies_a_protected_person_is_redacted(label, victim, fact, name, replacement):
    r = _ruling(label, "omisión a la asistencia familiar", "149", victim, fact)
    assert (name, replacement) in [(x.text, x.replacement) for x in r.redactions]
    assert name not in [p.name for p in r.parties]


def test_a_minors_relative_named_after_her_is_redacted_with_her_own_initials():
    # "La madre de la menor, X": the mother, whose name identifies the child (her own initials, not the child's)
    r = _ruling("M.E.C.H.", "violación sexual de menor de edad", "173", "la menor de iniciales M.E.C.H.",
                "La madre de la menor, Rosa Huamán Ccapa, denunció el hecho el 7 de marzo de 2020.")
    assert ("Rosa Huamán Ccapa", "R.H.C.") in [(x.text, x.replacement) for x in r.redactions]


def test_a_life_term_after_a_protected_victim_is_no_victim():
    r = _ruling("M.E.C.H.", "violación sexual de menor de edad", "173",
                "la menor de iniciales M.E.C.H., a CADENA PERPETUA", "El acusado la atacó.")
    assert [p.name for p in r.parties if p.role == Role.AGRAVIADO] == ["M.E.C.H."]


def test_a_named_victim_of_a_protected_crime_is_redacted_after_la_agraviada():
    r = _ruling("clave 301-2019", "violación sexual", "170", "la agraviada identificada con clave 301-2019",
                "La agraviada Carmen Rosa Tello Vílchez relató que fue atacada.")
    assert "Carmen Rosa Tello Vílchez" in [x.text for x in r.redactions]
    # the one protected victim, named where the ruling slipped: one person, under her label
    assert [p.name for p in r.parties if p.role == Role.AGRAVIADO] == ["clave 301-2019"]
    assert {x.replacement for x in r.redactions} == {"clave 301-2019"}


def test_other_people_and_unprotected_victims_keep_their_names():
    # a theft: the victim is not protected, so "la agraviada NAME" is a public party
    r = _ruling("Carmen Rosa Tello Vílchez", "hurto", "185", "la agraviada Carmen Rosa Tello Vílchez",
                "La agraviada Carmen Rosa Tello Vílchez denunció el hecho.")
    assert r.redactions == []
    # a protected crime: the defence lawyer and the accused beside "la menor" are not redacted
    r = _ruling("clave 581-2023", "violación sexual de menor de edad", "173",
                "la menor identificada con clave 581-2023",
                "Según la menor, Néstor Quispe Huamán la llevó a su casa; el abogado Segundo Pacaya Reátegui "
                "la contrainterrogó.")
    texts = {x.text for x in r.redactions}
    assert not texts & {"Néstor Quispe Huamán", "Segundo Pacaya Reátegui", "Ronald Sullca Ccahuana"}


def test_a_header_flowed_onto_the_title_line_does_not_make_the_title_a_victim():
    text = ("CORTE SUPERIOR DE JUSTICIA DE MADRE DE DIOS JUZGADO DE INVESTIGACIÓN PREPARATORIA DE MANU "
            "EXPEDIENTE N° : 01441-2021-89-2702-JR-PE-01 JUEZA : Milagros Tapullima Vilca "
            "Investigado : ÑAHUI OJEDA, Rubén Darío MATERIA : Violación sexual de menor de edad "
            "AGRAVIADA : M. Ch. A.  AUTO DE PRISIÓN PREVENTIVA Resolución N.° 13 Salvación, 31 de julio de "
            "2021 AUTOS Y VISTOS: el requerimiento de prisión preventiva contra el imputado RUBÉN DARÍO "
            "ÑAHUI OJEDA, en agravio de la adolescente de iniciales M. Ch. A.; y CONSIDERANDO: Primero: "
            "la menor Marisol Chanduví Ancco (de iniciales M. Ch. A.) se encontraba sola.")
    r = extract(doc_of(text))
    assert [p.name for p in r.parties if p.role.value == "agraviado"] == ["M. Ch. A."]
    assert [(x.text, x.replacement) for x in r.redactions] == [("Marisol Chanduví Ancco", "M. Ch. A.")]


@pytest.mark.parametrize("label", [
    "K.M.C.V. (menor de edad), representada por su madre Luz Marina Vilca Apaza",
    "K.M.C.V., representada legalmente por su progenitora Luz Marina Vilca Apaza",
])
def test_a_minors_representative_is_no_victim_and_her_name_stays_out(label):
    # The representative (NCPP art. 94: the minor acts through her legal representative)
    # shares the child's surnames: her name would identify her. She is a party only when
    # constituted actor civil; here she is not.
    r = _ruling(label, "omisión a la asistencia familiar", "149", "la menor de iniciales K.M.C.V.",
                "El imputado no pagó las pensiones devengadas.")
    victims = [p.name for p in r.parties if p.role == Role.AGRAVIADO]
    assert victims == ["K.M.C.V."]
    assert ("Luz Marina Vilca Apaza", "L.M.V.A.") in [(x.text, x.replacement) for x in r.redactions]


def test_a_representative_in_the_header_is_no_victim():
    r = _ruling("Juan Pérez Rojas, representado por su apoderado Mario Pérez Salas", "hurto", "185",
                "Juan Pérez Rojas", "El imputado sustrajo un celular.")
    assert [p.name for p in r.parties if p.role == Role.AGRAVIADO] == ["Juan Pérez Rojas"]
