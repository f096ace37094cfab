"""The deciding court: name, level and judicial district.

Supreme Court: "CORTE SUPREMA ... SALA PENAL PERMANENTE" -> "Sala Penal Permanente", no
district (the case's district is in its number). Lower courts: the organ named as the
subject of the decision ("Por estos fundamentos, el Tercer Juzgado Penal Unipersonal de
Piura, ... FALLA"), else the organ in the header block. The name is written as the text
writes it; an organ without a seat of its own keeps "de la Corte Superior de Justicia de X".
"""

from __future__ import annotations

import re

from extractors.data.districts import DISTRICTS, NATIONAL, PROVINCIAL_SEATS, district_of_seat
from extractors.legal.patterns import courts as P
from extractors.legal.text import Context, fold_key
from schemas import CaseNumber, CaseNumberKind, Court, CourtLevel, Evidence

_CSJ_SUFFIX = re.compile(r"\s+de\s+la\s+" + P.CSJ.pattern.replace("\\b", "", 1))
_SMALL = {"de", "del", "la", "las", "los", "y", "en", "e", "a", "el", "o", "para", "con"}


# seats whose name opens with or holds an article, which stays capitalised in a court's name
# ("Juzgado Penal Unipersonal de La Merced", "… de Villa El Salvador", "… de Los Olivos")
_ARTICLED_PLACES = {p.lower(): p for d in DISTRICTS for p in (d.name, *d.aliases, *d.places)
                    if re.search(r"\b(?:La|El|Los|Las)\b", p)} | {
    p.lower(): p for seats in PROVINCIAL_SEATS.values() for p in seats if re.search(r"\b(?:La|El|Los|Las)\b", p)}
_ARTICLED_PLACE_RX = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(_ARTICLED_PLACES, key=len, reverse=True))
                                + r")\b", re.IGNORECASE)


def smart_title(text: str) -> str:
    """"JUZGADO PENAL COLEGIADO DE MAYNAS" -> "Juzgado Penal Colegiado de Maynas"; "… DE LA MERCED"
    -> "… de La Merced" (a seat's article is part of its name)."""
    if not text.isupper():
        return text
    words = text.lower().split(" ")
    out = " ".join(w if (w in _SMALL and i) else w[:1].upper() + w[1:] for i, w in enumerate(words))
    return _ARTICLED_PLACE_RX.sub(lambda m: _ARTICLED_PLACES[m.group().lower()], out)


def district_in(low: str, start: int, end: int) -> tuple[str, int, int] | None:
    m = P.CSJ.rx.search(low, start, end)
    if not m:
        return None
    return P.DISTRICT_BY_FOLDED[" ".join(m["district"].split())], m.start(), m.end()


def _organ(ctx: Context, start: int, end: int, rule: str, skip_other: bool) -> tuple[Court, str | None] | None:
    v = ctx.view
    for m in P.ORGAN_RX.finditer(v.low, start, end):
        line_start = v.low.rfind("\n", 0, m.start()) + 1
        if skip_other and P.OTHER_COURT_LABELS.search(v.low[max(line_start, m.start() - 40):m.start()]):
            continue
        if P.ADDRESSED_COURT.search(v.low, max(start, m.start() - 90), m.start()):
            continue  # "REMITIR los actuados al Juzgado Penal Unipersonal de turno"
        if P.SYSTEM_HEADING.match(v.low, m.end()):
            continue
        name_end = m.end()
        upper = v.raw[m.start():m.end()].isupper()
        pm = (P.ORGAN_PLACE_UPPER if upper else P.ORGAN_PLACE).rx.match(v.raw[name_end:name_end + 80])
        own_place = bool(pm) and not P.CSJ.rx.match(v.low, name_end + pm.start("place"))
        place = None
        if pm and own_place:
            place = pm["place"]
            # stop the place at a lowercase clause ("de Piura, impartiendo") or "de la Corte"
            place = re.split(r"\s+del?\s+la\s+(?:Corte|CORTE)\b", place)[0]
            place = re.sub(r"(?:\s+(?:de|la|del|las|los|DE|LA|DEL))+$", "", place)
            if not re.match(r"(?i)sede\b", place):
                place = P.SEDE_SUFFIX.sub("", place)
            name_end = name_end + pm.start("place") + len(place)
        else:
            suffix = _CSJ_SUFFIX.match(v.low, name_end)
            if suffix:
                name_end = suffix.end()
        # the organ pattern allows line breaks between words ("Juzgado Penal\nUnipersonal")
        matched = " ".join(v.low[m.start():m.end()].split())
        level = next((r.value for r in P.ORGANS if re.search(r.pattern, matched)), None)
        if level is None:
            continue
        name = smart_title(" ".join(v.raw[m.start():name_end].split()))
        return Court(name=name, level=CourtLevel(level), evidence=[ctx.ev(m.start(), name_end, rule)]), place
    return None


def place_district(place: str | None) -> str | None:
    """The district a seat city or province names: "Huancayo" -> Junín, "San Román – Juliaca"
    -> Puno, "Sede Central" -> None."""
    if not place:
        return None
    key = fold_key(place)
    if key in P.PLACE_DISTRICT:
        return P.PLACE_DISTRICT[key]
    for part in re.split(r"\s*[–-]\s*", key):
        if part in P.PLACE_DISTRICT:
            return P.PLACE_DISTRICT[part]
    return None


def extract_court(ctx: Context) -> Court:
    """The deciding court and the district its own name (or the header) states; the other
    signals of the district are weighed by :func:`resolve_district`."""
    v, z = ctx.view, ctx.zones
    head = (z.body[0], max(z.header[1], z.body[0] + 400))
    sup = P.SUPREME.rx.search(v.low, *head)
    if sup and not z.in_furniture(sup.start()):
        ch = P.SUPREME_CHAMBER.rx.search(v.low, *head)
        if ch:
            name = smart_title(v.raw[ch.start():ch.end()])
            return Court(name=name, level=CourtLevel.CORTE_SUPREMA, district=None,
                         evidence=[ctx.ev(ch.start(), ch.end(), P.SUPREME_CHAMBER.id),
                                   ctx.ev(sup.start(), sup.end(), P.SUPREME.id)])
        return Court(name=None, level=CourtLevel.CORTE_SUPREMA,
                     evidence=[ctx.ev(sup.start(), sup.end(), P.SUPREME.id)])
    found = None
    if z.decision[1] > z.decision[0]:
        found = _organ(ctx, z.decision[0], min(z.decision[1], z.decision[0] + 500),
                       "court.decision_subject", skip_other=False)
    header_found = _organ(ctx, *head, "court.header", skip_other=True)
    if found is None or (header_found and _longer_same_organ(header_found[0], found[0])):
        found = header_found
    court, seat = found if found else (None, None)
    district = None
    ev: list[Evidence] = []
    national = P.NATIONAL_SYSTEM.rx.search(v.low, *head)
    if national and not z.in_furniture(national.start()):
        district, ev = NATIONAL, [ctx.ev(national.start(), national.end(), P.NATIONAL_SYSTEM.id)]
    else:
        for lo, hi in (head, z.decision):
            hit = district_in(v.low, lo, hi)
            if hit:
                district, s, e = hit
                ev = [ctx.ev(s, e, P.CSJ.id)]
                break
    if district is None and seat:
        district = place_district(seat)
        if district and court:
            ev = [court.evidence[0].model_copy(update={"rule": "court.seat_place"})]
    if court is None:
        return Court(name=None, level=CourtLevel.CORTE_SUPERIOR if district else None,
                     district=district, evidence=ev)
    return court.model_copy(update={"district": district, "evidence": court.evidence + ev})


# Only the Corte Suprema decides casaciones (NCPP arts. 427-436; LOPJ art. 33) and recursos de
# nulidad (Código de Procedimientos Penales de 1940, arts. 292-301): a ruling whose own number
# is one of them is the Supreme's even when its header leaves out "Corte Suprema" and names
# only the chamber ("SALA PENAL PERMANENTE / R. N. N.° 1234-2017 / LIMA").
SUPREME_NUMBER_KINDS = {CaseNumberKind.CASACION, CaseNumberKind.RECURSO_NULIDAD}


def supreme_by_number(ctx: Context, court: Court, case_numbers: list[CaseNumber]) -> Court:
    """``court`` as the Corte Suprema when this ruling's own number says only it decides it
    and no lower organ is named."""
    if court.level == CourtLevel.CORTE_SUPREMA or not any(c.kind in SUPREME_NUMBER_KINDS for c in case_numbers):
        return court
    if court.name and not P.SUPREME_CHAMBER.rx.fullmatch(fold_key(court.name)):
        return court  # a named lower organ: its own number is not a Supreme one
    v, z = ctx.view, ctx.zones
    ch = P.SUPREME_CHAMBER.rx.search(v.low, z.body[0], max(z.header[1], z.body[0] + 400))
    ev = [e.model_copy(update={"rule": "court.supreme_number"}) for c in case_numbers
          if c.kind in SUPREME_NUMBER_KINDS for e in c.evidence[:1]]
    if ch:
        return Court(name=smart_title(v.raw[ch.start():ch.end()]), level=CourtLevel.CORTE_SUPREMA,
                     district=None, evidence=[ctx.ev(ch.start(), ch.end(), P.SUPREME_CHAMBER.id), *ev])
    return Court(name=court.name, level=CourtLevel.CORTE_SUPREMA, district=None, evidence=ev)


def _longer_same_organ(header: Court, decision: Court) -> bool:
    """The header writes the organ's full name ("... Especializado en Delitos de Corrupción de
    Funcionarios de Huamanga") where the decision abbreviates it ("este Juzgado")."""
    h, d = fold_key(header.name or ""), fold_key(decision.name or "")
    return len(h) > len(d) and (h.startswith(d) or d.split(" de ")[0] in h)


def resolve_district(ctx: Context, court: Court, case_numbers: list[CaseNumber], place: str | None,
                     place_ev: list[Evidence]) -> Court:
    """The court's district from every signal a ruling gives, strongest first: the court's
    own name (Corte Superior de Justicia de X, the national system), the seat code of this
    ruling's expediente number (two digits: extractors/data/districts.py), the seat its
    name gives ("de Tambopata"), the place-date line; the Corte Suprema has none."""
    if court.level == CourtLevel.CORTE_SUPREMA or court.district:
        return court
    district, ev = None, []
    for cn in case_numbers:
        if cn.kind == CaseNumberKind.EXPEDIENTE:
            parts = cn.normalized.split("-")  # number-year-incident-SEAT-organ-specialty-court
            d = district_of_seat(parts[3]) if len(parts) >= 4 and len(parts[3]) == 4 else None
            if d is not None:
                district, ev = d.name, [e.model_copy(update={"rule": "court.seat_code"}) for e in cn.evidence[:1]]
                break
    if district is None and place:
        district = place_district(place)
        ev = [e.model_copy(update={"rule": "court.place_date"}) for e in place_ev]
    if district is None:
        return court
    level = court.level or CourtLevel.CORTE_SUPERIOR
    return court.model_copy(update={"district": district, "level": level, "evidence": court.evidence + ev})
