"""The Poder Judicial's digital-signature stamps, as page furniture of born-digital rulings.

Each judge who signs leaves a stamp ("Firmado digitalmente por: SURNAMES Given FAU
20159981216 soft / Fecha: 11/06/2025 09:14:33,Razón: RESOLUCIÓN JUDICIAL,D.Judicial: CORTE
SUPREMA / LIMA,FIRMA DIGITAL"), one line or wrapped, dated on or after the ruling; the Secretaria
de Sala certifies last. Text extraction puts the stamps wherever they sit on the page, also
inside a sentence (issue 12). The signers are this decision's judges; the secretary is staff,
not a party (wild2 README). Templates: vocab.STAMP_SIGNED and vocab.STAMP_SECRETARY.
"""

from __future__ import annotations

import textwrap
import unicodedata
from datetime import timedelta

from samples import vocab
from samples.courts import superior_court
from samples.writer import Writer


def _plain(text: str) -> str:
    """Stamps drop accents ("CARDENAS VILLANUEVA Julio")."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")


def _stamp(w: Writer, lines: tuple[str, str], name: str, title: str, day: int, seat: str) -> str:
    when = w.case.timeline.resolution + timedelta(days=day)
    stamp = (f"{when.day:02d}/{when.month:02d}/{when.year} {w.rng.randint(8, 19):02d}:{w.rng.randint(0, 59):02d}:"
             f"{w.rng.randint(0, 59):02d}")
    text = "\n".join(line.format(name=name, when=stamp, seat=seat, title=title) for line in lines)
    if w.chance(0.5):  # the stamp box wrapped in a narrow column
        text = "\n".join(textwrap.wrap(" ".join(text.split("\n")), width=w.rng.randint(28, 36)))
    return text


def stamps(w: Writer) -> tuple[str, ...]:
    """One stamp per judge, in signing order, then the secretary's."""
    c = w.case
    supreme = c.level.value == "corte_suprema"
    seat = "CORTE SUPREMA / LIMA" if supreme else \
        f"{superior_court(c.district, c.timeline.resolution.year).upper()} / {c.city.upper()}"
    out, day = [], 0
    for judge in c.judges:
        day += w.rng.choice((0, 0, 1))
        name = _plain(f"{judge.paternal.upper()} {judge.maternal.upper()} {judge.first}")
        out.append(_stamp(w, vocab.STAMP_SIGNED, name, "", day, seat))
    female = w.chance(0.6)
    first = w.pick(*(vocab.FEMALE_NAMES if female else vocab.MALE_NAMES))
    pat, mat = w.rng.sample(vocab.SURNAMES, 2)
    title = ("Secretaria de Sala" if female else "Secretario de Sala") if supreme else \
        ("Especialista Judicial" if w.chance(0.5) else "Secretario de Sala")
    out.append(_stamp(w, vocab.STAMP_SECRETARY, _plain(f"{pat.upper()} {mat.upper()} {first}"), title, day + 1, seat))
    return tuple(out)
