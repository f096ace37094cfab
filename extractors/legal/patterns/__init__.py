"""Vocabularies and patterns of the legal extractor, kept as data.

Every pattern is a :class:`Rule`: a stable id (it becomes ``Evidence.rule``), a regular
expression, the value it stands for, where the knowledge comes from, and examples and
counter-examples that ``tests/extractors/test_legal_patterns.py`` checks.

Unless a rule says otherwise its regex is matched against *folded* text: lower case, no
accents, whitespace collapsed (see :func:`extractors.legal.text.fold`), so patterns are
written in lower case without accents and tolerate the spelling variants of real rulings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: str
    value: Any = None
    source: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    # folded=True: the pattern runs on folded text (lower case, no accents)
    folded: bool = True
    flags: int = 0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @cached_property
    def rx(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def check(self) -> list[str]:
        """Return a list of problems: examples that do not match, counter-examples that do."""
        from extractors.legal.text import fold

        problems = []
        for ex in self.examples:
            text = fold(ex) if self.folded else ex
            if not self.rx.search(text):
                problems.append(f"{self.id}: example not matched: {ex!r}")
        for ex in self.counter_examples:
            text = fold(ex) if self.folded else ex
            if self.rx.search(text):
                problems.append(f"{self.id}: counter-example matched: {ex!r}")
        return problems


def alternatives(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first (most specific first)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def validate(rules: list[Rule] | tuple[Rule, ...]) -> list[Rule] | tuple[Rule, ...]:
    """Compile every rule and check that ids are unique; raise ValueError otherwise."""
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise ValueError(f"duplicate rule id {r.id}")
        seen.add(r.id)
        try:
            r.rx  # noqa: B018 - compile now, fail at import
        except re.error as exc:  # pragma: no cover - caught by tests
            raise ValueError(f"rule {r.id}: bad regex: {exc}") from exc
    return rules
