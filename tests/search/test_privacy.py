import pytest

from schemas import Evidence, Party, Role
from search.privacy import initials, redact_record

from tests.search.factory import make_record, victim


def redact(text: str, name: str, replacement: str = "[X]") -> str:
    record = make_record(text, redactions=((name, replacement),))
    return redact_record(record).pages[0]


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("agraviada Nancy Quispe, de 15 años", "Nancy Quispe", "agraviada [X], de 15 años"),
    ("agraviada NANCY QUISPE.", "Nancy Quispe", "agraviada [X]."),                   # case
    ("agraviada Nancy Quíspe.", "Nancy Quispe", "agraviada [X]."),                   # accents in the text
    ("agraviada Nancy Quispe.", "Náncy Quispe", "agraviada [X]."),                   # accents in the name
    ("agraviada Nancy\nQuispe.", "Nancy Quispe", "agraviada [X]."),                  # line break
    ("agraviada Nan-\ncy Quispe.", "Nancy Quispe", "agraviada [X]."),                # hyphenated
    ("agraviada Nan\u00adcy Quispe.", "Nancy Quispe", "agraviada [X]."),             # soft hyphen
    ("agraviada Nancy   Quispe2 declaró", "Nancy Quispe", "agraviada [X]2 declaró"),  # footnote digit
    ("agraviada Rosa Ñahui", "Rosa Nahui", "agraviada [X]"),                        # ñ or n: both go
    ("agraviada Rosa Nahui", "Rosa Ñahui", "agraviada [X]"),
    ("Mariana y Ana", "Ana", "Mariana y [X]"),                                        # whole words only
    ("sin nombres aquí", "Nancy Quispe", "sin nombres aquí"),
])
def test_redacts_page_text(text, name, expected):
    assert redact(text, name) == expected


def test_longest_spelling_first():
    record = make_record("Rosa Quispe Mamani y Rosa Quispe",
                         redactions=(("Rosa Quispe", "R.Q."), ("Rosa Quispe Mamani", "R.Q.M.")))
    assert redact_record(record).pages == ["R.Q.M. y R.Q."]


def test_redacts_every_text_field_and_drops_the_redaction_list():
    record = make_record("en agravio de Nancy Quispe", parties=(victim("NANCY QUISPE"),),
                         redactions=(("Nancy Quispe", "N.Q."),))
    out = redact_record(record)
    assert out.ruling.parties[0].name == "N.Q."
    assert out.ruling.redactions == []
    assert "nancy" not in out.model_dump_json().lower()


def test_protected_party_without_redaction_entry_is_redacted_by_initials():
    record = make_record("la agraviada Rosa María Quispe de la Cruz declaró",
                         parties=(victim("Rosa María Quispe de la Cruz"), Party(name="Juan Pérez", role=Role.IMPUTADO)))
    out = redact_record(record)
    assert out.pages == ["la agraviada R.M.Q.C. declaró"]
    assert [p.name for p in out.ruling.parties] == ["R.M.Q.C.", "Juan Pérez"]


@pytest.mark.parametrize("name", ["R.M.C.", "clave 123-2018", "Y. Ch. C."])
def test_initials_and_codes_are_left_alone(name):
    record = make_record(f"agraviada {name} declaró", parties=(victim(name),))
    assert redact_record(record).pages == [f"agraviada {name} declaró"]


def test_evidence_offsets_follow_the_redacted_text():
    text = "En agravio de Nancy Quispe Mamani, el acusado Juan Pérez."
    start = text.index("Juan")
    name_start = text.index("Nancy")
    record = make_record(text, redactions=(("Nancy Quispe Mamani", "N.Q.M."),))
    ruling = record.ruling.model_copy(update={"parties": [
        Party(name="Juan Pérez", role=Role.IMPUTADO,
              evidence=[Evidence(page=1, start=start, end=start + 10, rule="r")]),
        Party(name="Nancy Quispe Mamani", role=Role.AGRAVIADO, protected=True,
              evidence=[Evidence(page=1, start=name_start, end=name_start + 19, rule="r")]),
    ]})
    out = redact_record(record.model_copy(update={"ruling": ruling}))
    page = out.pages[0]
    juan, nancy = (p.evidence[0] for p in out.ruling.parties)
    assert page[juan.start:juan.end] == "Juan Pérez"
    assert page[nancy.start:nancy.end] == "N.Q.M."


def test_idempotent_and_untouched_without_names():
    record = make_record("texto", redactions=(("Nancy Quispe", "N.Q."),))
    once = redact_record(record)
    assert redact_record(once) == once
    plain = make_record("nada que ocultar")
    assert redact_record(plain) is plain


@pytest.mark.parametrize(("name", "expected"), [
    ("María Quispe Mamani", "M.Q.M."),
    ("Rosa de la Cruz", "R.C."),
    ("ñahui huaman", "Ñ.H."),
])
def test_initials(name, expected):
    assert initials(name) == expected
