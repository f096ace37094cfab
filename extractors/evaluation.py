"""Compare an extracted ``Ruling`` with its ground truth, field by field.

``score(predicted, truth)`` gives true/false positives and false negatives per field;
``aggregate([...])`` adds them up over documents and computes precision, recall and F1.

Rules (one row per field):
- single-valued fields (doc_kind, court_level, court_district, court_name, resolution_date,
  place, outcome, procedural_code, early_termination): tp when both present and equal; fp
  when a prediction is present but wrong or the truth is absent; fn when the truth is
  present and the prediction is wrong or absent. ``otro``/``desconocido`` count as absent.
  Court names and places compare folded (case, accents, whitespace, the kind of dash).
- sets (case_numbers, charges, articles, citations) compare exactly after normalisation;
  charges compare through the crime table's canonical key (``extractors.data.crimes``: one
  key per crime, basic and aggravated forms apart; a key that names the same crime as
  another, e.g. ``peculado_doloso`` for ``peculado``, is an alias of it and matches it);
  events compare as a multiset of (kind, date).
- people (judges = juez and ponente entries, ponente, defendants, victims, fiscal, defensa,
  actor_civil, terceros (witnesses and experts), outcome_by_defendant): names match after folding with rapidfuzz ratio >= 90, and a
  surname-only truth name ("Chuquimango Arévalo") matches a fuller predicted name whose
  last words are those surnames. Protected victims (initials) compare by their letters.
- redactions (protected victims' names the text spells out): a truth spelling is found when
  a predicted redaction covers it (the same folded name, or one with words read before it,
  or its tail of three words); a predicted one that covers no truth spelling is a false
  positive (an over-redaction: harmless to privacy, but it hides a name).
- penalties: one item per defendant; a predicted penalty is right when its defendant
  matches and prison_years (±0.01), effective and reparacion_civil_soles (±0.01) agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from extractors.data.crimes import canonical_key
from schemas import Party, Role, Ruling

NAME_THRESHOLD = 90
TOLERANCE = 0.01

FIELDS = (
    "doc_kind", "case_numbers", "court_level", "court_district", "court_name", "resolution_date",
    "place", "judges", "ponente", "defendants", "victims", "fiscal", "defensa", "actor_civil", "terceros",
    "charges",
    "articles", "outcome", "outcome_by_defendant", "penalties", "events", "procedural_code",
    "early_termination", "citations", "redactions",
)


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class FieldScore:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def fold(text: str | None) -> str:
    """Lower case, no accents, single spaces."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[–—‐‑‒]", "-", text)  # the kind of dash is typography (and OCR cannot tell)
    return re.sub(r"\s+", " ", text).strip().lower()


_ABSENT = {"otro", "desconocido", ""}


def _present(value: Any) -> bool:
    return value is not None and str(getattr(value, "value", value)) not in _ABSENT


def single(predicted: Any, truth: Any, *, key: Callable[[Any], Any] = lambda v: v) -> Counts:
    p, t = _present(predicted), _present(truth)
    equal = p and t and key(predicted) == key(truth)
    return Counts(tp=int(equal), fp=int(p and not equal), fn=int(t and not equal))


def as_set(predicted: Iterable, truth: Iterable) -> Counts:
    p, t = set(predicted), set(truth)
    return Counts(tp=len(p & t), fp=len(p - t), fn=len(t - p))


def as_multiset(predicted: Iterable, truth: Iterable) -> Counts:
    p, t = Counter(predicted), Counter(truth)
    tp = sum((p & t).values())
    return Counts(tp=tp, fp=sum(p.values()) - tp, fn=sum(t.values()) - tp)


def _initials(text: str) -> str | None:
    """"Y. Ch. C." -> "ycc" when the text is initials, else None."""
    if re.fullmatch(r"(?:[A-Za-zÁÉÍÓÚÑáéíóúñ]{1,3}\.\s*){2,}", text.strip()):
        return "".join(p.strip()[:1] for p in fold(text).split(".") if p.strip())
    return None


def names_match(predicted: str, truth: str) -> bool:
    ip, it = _initials(predicted), _initials(truth)
    if ip or it:
        return ip is not None and ip == it
    p, t = fold(predicted), fold(truth)
    if not p or not t:
        return False
    if fuzz.ratio(p, t) >= NAME_THRESHOLD:
        return True
    pt, tt = p.split(), t.split()
    if len(tt) <= 2 and len(pt) > len(tt):  # surname-only truth name
        return fuzz.ratio(" ".join(pt[-len(tt):]), t) >= NAME_THRESHOLD
    return False


def matched(predicted: list, truth: list, same: Callable[[Any, Any], bool]) -> Counts:
    """Greedy one-to-one matching of two lists under ``same``."""
    used: set[int] = set()
    tp = 0
    for t in truth:
        for i, p in enumerate(predicted):
            if i not in used and same(p, t):
                used.add(i)
                tp += 1
                break
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(truth) - tp)


def _people(r: Ruling, roles: set[Role]) -> list[Party]:
    return [p for p in r.parties if p.role in roles]


def _party_match(p: Party, t: Party) -> bool:
    return p.role == t.role and names_match(p.name, t.name)


def _penalty_ok(p, t) -> bool:
    def close(a, b):
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= TOLERANCE)

    return (names_match(p.defendant or "", t.defendant or "") and close(p.prison_years, t.prison_years)
            and p.effective == t.effective and close(p.reparacion_civil_soles, t.reparacion_civil_soles))


def _covers(a: str, b: str) -> bool:
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _redactions(p: Ruling, t: Ruling) -> Counts:
    pred, truth = [fold(r.text) for r in p.redactions], [fold(r.text) for r in t.redactions]
    tp = sum(any(_covers(x, y) for x in pred) for y in truth)
    fp = sum(not any(_covers(x, y) for y in truth) for x in pred)
    return Counts(tp=tp, fp=fp, fn=len(truth) - tp)


def score(predicted: Ruling, truth: Ruling) -> dict[str, Counts]:
    """Counts per field for one document."""
    p, t = predicted, truth
    people = {
        "judges": {Role.JUEZ, Role.PONENTE}, "ponente": {Role.PONENTE}, "defendants": {Role.IMPUTADO},
        "victims": {Role.AGRAVIADO}, "fiscal": {Role.FISCAL}, "defensa": {Role.DEFENSA},
        "actor_civil": {Role.ACTOR_CIVIL}, "terceros": {Role.TERCERO},
    }
    out = {
        "doc_kind": single(p.doc_kind, t.doc_kind),
        "case_numbers": as_set((c.normalized for c in p.case_numbers), (c.normalized for c in t.case_numbers)),
        "court_level": single(p.court.level, t.court.level),
        "court_district": single(p.court.district, t.court.district, key=fold),
        "court_name": single(p.court.name, t.court.name, key=fold),
        "resolution_date": single(p.resolution_date, t.resolution_date),
        "place": single(p.place, t.place, key=fold),
        "charges": as_set((canonical_key(c.crime) for c in p.charges if c.crime),
                          (canonical_key(c.crime) for c in t.charges if c.crime)),
        "articles": as_set((a for c in p.charges for a in c.articles), (a for c in t.charges for a in c.articles)),
        "outcome": single(p.outcome.kind if p.outcome else None, t.outcome.kind if t.outcome else None),
        "outcome_by_defendant": matched(
            p.outcome.by_defendant if p.outcome else [], t.outcome.by_defendant if t.outcome else [],
            lambda a, b: a.kind == b.kind and names_match(a.name, b.name)),
        "penalties": matched(p.penalties, t.penalties, _penalty_ok),
        "events": as_multiset(((e.kind, e.date) for e in p.events), ((e.kind, e.date) for e in t.events)),
        "procedural_code": single(p.procedural_code, t.procedural_code),
        "early_termination": single(p.early_termination, t.early_termination),
        "citations": as_set((c.normalized for c in p.citations), (c.normalized for c in t.citations)),
        "redactions": _redactions(p, t),
    }
    for name, roles in people.items():
        out[name] = matched(_people(p, roles), _people(t, roles), _party_match)
    return {f: out[f] for f in FIELDS}


def _field_score(c: Counts) -> FieldScore:
    precision = c.tp / (c.tp + c.fp) if c.tp + c.fp else 1.0
    recall = c.tp / (c.tp + c.fn) if c.tp + c.fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return FieldScore(round(precision, 4), round(recall, 4), round(f1, 4), c.tp, c.fp, c.fn)


def aggregate(scores: list[dict[str, Counts]]) -> dict[str, FieldScore]:
    """Micro-averaged precision, recall and F1 per field over many documents."""
    total: dict[str, Counts] = {}
    for doc in scores:
        for name, c in doc.items():
            total[name] = total.get(name, Counts()) + c
    return {name: _field_score(c) for name, c in total.items()}
