"""More like this: the terms that characterise a ruling, to find others on the same crime
and reasoning.

A ruling's stemmed text (stop words out, as indexed) gives each term a frequency; the
index gives its document frequency. The ``MAX_TERMS`` terms with the highest tf-idf, plus
the ruling's crime keys, become one OR query with a boost per term (bounded: at most
``MAX_TERMS`` clauses, whatever the length of the ruling). Rulings of the same case (a
shared case identity, see ``search.query.keys.case_identity``) and the ruling itself are excluded.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from schemas import IndexRecord

from search.fields import fields_of
from search.query.analysis import stem_terms

MAX_TERMS = 25
CANDIDATES = 200  # most frequent terms of the ruling whose document frequency is looked up
MIN_TERM_FREQ = 2
MAX_DOC_SHARE = 0.5  # a term in more than half the rulings says nothing about this one
CRIME_BOOST = 2.0  # relative to the best term's weight of 1


@dataclass(frozen=True)
class Similar:
    terms: tuple[tuple[str, float], ...]  # (stem, weight in (0, 1])
    crimes: tuple[str, ...]
    exclude_id: str
    exclude_cases: tuple[str, ...]

    @property
    def top_terms(self) -> tuple[str, ...]:
        return tuple(t for t, _ in self.terms[:8])


def term_frequencies(record: IndexRecord) -> Counter[str]:
    """Stem → occurrences in the pages, without numbers and one- or two-letter stems."""
    counts: Counter[str] = Counter()
    for page in record.pages:
        counts.update(t for t in stem_terms(page) if len(t) > 2 and not t.isdigit())
    return counts


def similar_to(record: IndexRecord, doc_freqs: Callable[[Iterable[str]], tuple[int, dict[str, int]]]) -> Similar:
    """``doc_freqs(terms)`` → ``(number of documents, {term: documents containing it})``."""
    tf = term_frequencies(record)
    common = tf.most_common(CANDIDATES)
    candidates = [t for t, n in common if n >= MIN_TERM_FREQ] or [t for t, _ in common]
    n_docs, df = doc_freqs(candidates)
    scored = []
    for term in candidates:
        d = df.get(term, 0)
        if d <= 1 or d > max(2, n_docs * MAX_DOC_SHARE):  # only this ruling, or nearly every ruling
            continue
        idf = math.log(1 + (n_docs - d + 0.5) / (d + 0.5))
        scored.append((term, (1 + math.log(tf[term])) * idf))
    scored.sort(key=lambda ts: (-ts[1], ts[0]))
    top = scored[:MAX_TERMS]
    best = top[0][1] if top else 1.0
    fields = fields_of(record)
    return Similar(terms=tuple((t, round(s / best, 4)) for t, s in top), crimes=tuple(fields.crimes),
                   exclude_id=record.id, exclude_cases=tuple(fields.case_ids))
