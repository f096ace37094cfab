"""Implausible values are dropped with a warning that eval, show and the analytics see."""

from __future__ import annotations

from datetime import date

from extractors.legal import extract
from extractors.legal.plausibility import MAX_CASE_YEARS, check_events
from schemas import DocumentText, Event, EventKind, Page, WarningCode


def test_events_after_the_ruling_or_too_old_are_dropped():
    events = [Event(kind=EventKind.HECHOS, date=date(2019, 3, 1)),
              Event(kind=EventKind.APELACION, date=date(2024, 1, 1)),
              Event(kind=EventKind.DENUNCIA, date=date(2020 - MAX_CASE_YEARS - 1, 1, 1))]
    kept, warnings = check_events(events, date(2020, 5, 1))
    assert kept == events[:1]
    assert [w.code for w in warnings] == [WarningCode.EVENT_AFTER_RULING, WarningCode.EVENT_TOO_OLD]
    assert all(w.dropped and w.field == "events" for w in warnings)
    assert check_events(events, None) == (events, [])


def test_a_birth_date_is_not_the_date_of_the_facts():
    text = ("JUZGADO PENAL UNIPERSONAL DE TAMBOPATA\nEXPEDIENTE : 01158-2023-0-2701-JR-PE-02\n\n"
            "Tambopata, dos de mayo de dos mil veintitrés\n\nVISTOS: el proceso.\n\nCONSIDERANDO: Primero. HECHOS. "
            "La agraviada, nacida el 3 de marzo de 2008, fue captada el 5 de enero de 2022 en Mazuko.\n")
    r = extract(DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=1,
                             pages=[Page(number=1, text=text, method="text_layer")]))
    assert [(e.kind, e.date) for e in r.events] == [(EventKind.HECHOS, date(2022, 1, 5))]


def test_penalties_over_the_legal_maximum_are_dropped_or_flagged():
    from extractors.legal.plausibility import MAX_PRISON_YEARS, check_penalties
    from schemas import Penalty

    penalties = [Penalty(defendant="A", prison_years=12.0, effective=True, reparacion_civil_soles=500.0),
                 Penalty(defendant="B", prison_years=MAX_PRISON_YEARS + 5, effective=True, dias_multa=200),
                 Penalty(defendant="C", prison_years=8.0, effective=False)]
    kept, warnings = check_penalties(penalties)
    assert kept[0] == penalties[0] and kept[2] == penalties[2]
    assert kept[1].prison_years is None and kept[1].effective is None and kept[1].dias_multa == 200
    assert [(w.code, w.dropped) for w in warnings] == [(WarningCode.PENALTY_OVER_MAXIMUM, True),
                                                       (WarningCode.PENALTY_OVER_MAXIMUM, False)]
    assert "40 años" in warnings[0].message and "de B" in warnings[0].message
