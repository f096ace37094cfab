"""Every pattern of the legal extractor matches its examples and none of its counter-examples."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import extractors.legal.patterns as patterns_pkg
from extractors.legal.patterns import Rule


def _rules() -> list[Rule]:
    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(patterns_pkg.__path__):
        module = importlib.import_module(f"extractors.legal.patterns.{info.name}")
        for value in vars(module).values():
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                if isinstance(item, Rule):
                    found[f"{info.name}:{item.id}"] = item
    return list(found.values())


RULES = _rules()


def test_there_are_rules_with_sources():
    assert len(RULES) > 60
    assert all(r.source for r in RULES), [r.id for r in RULES if not r.source]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule: Rule):
    assert rule.check() == []
