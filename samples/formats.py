"""Which real-court format a generated document takes beyond the original five kinds.

The families are those of ../shared/corpus/wild2 (its README) and issue 12: the Corte
Suprema's autos de apelación, quejas and calificaciones de casación; the Salas de
Apelaciones' autos de vista; the Juzgados de Investigación Preparatoria's actas de control de
legalidad de la detención and autos de enjuiciamiento; and the national specialised system.

The choice is drawn from a stream of its own (``random.Random(f"{seed}:{index}:format")``),
so a document that keeps one of the original kinds keeps the bytes it had before these
formats existed, unless the stream gives it one of the looks below.
"""

from __future__ import annotations

import random

from samples.model import Look

# Share of all documents per new format (a 200-document corpus has a few of each, as the
# courts publish them: the Corte Suprema's autos and quejas, the JIP autos and the national
# system each a few percent). "nacional" is a colegiado sentencia, an auto de prisión
# preventiva or an auto de vista of the Corte Superior Nacional.
SHARES = {
    "apelacion_suprema": 0.03, "queja": 0.03, "calificacion": 0.025,
    "auto_vista": 0.05, "control_detencion": 0.03, "enjuiciamiento": 0.03,
    "nacional": 0.045,
}
NATIONAL_VARIANTS = (("colegiado", 0.45), ("prision", 0.2), ("auto_vista", 0.35))
# Looks of the original kinds, per document of that kind.
SUPREME_STAMPS = 0.35  # Corte Suprema PDFs carry the judges' digital-signature stamps
STAMPS_SINCE = 2018  # the Poder Judicial's firma digital on published rulings (team's reading: from
# about 2018, when born-digital rulings with "FIRMA DIGITAL" stamps appear on its site)
SPACED_SS = 0.4  # "S. S." rather than "S.S."
PADDED = 0.3  # zero-padded casación numbers (the Corte Suprema's docket since ~2019)
COMPANY_SHARE = 0.25  # first-instance mining, environmental and corruption cases with a
# company as tercero civilmente responsable (CP art. 95; NCPP art. 111)


def pick(fmt: random.Random, length: str) -> str | None:
    """A new format for this document, or None for the original kinds."""
    roll = fmt.random()
    if length == "brief":  # one-page scans keep the short original kinds
        return None
    for name, share in SHARES.items():
        if roll < share:
            return name
        roll -= share
    return None


def national_variant(fmt: random.Random) -> str:
    return fmt.choices([v for v, _ in NATIONAL_VARIANTS], weights=[w for _, w in NATIONAL_VARIANTS])[0]


def look(fmt: random.Random, *, supreme: bool, superior: bool, casacion: bool, year: int) -> Look:
    """The page furniture of the real formats for a Supreme or superior document of ``year``."""
    if not (supreme or superior):
        return Look()
    stamps = fmt.random() < (SUPREME_STAMPS if supreme else 0.25) and year >= STAMPS_SINCE
    spaced = supreme and fmt.random() < SPACED_SS
    padded = casacion and fmt.random() < PADDED
    return Look(stamps=stamps, spaced_ss=spaced, padded=padded)
