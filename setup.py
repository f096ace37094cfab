"""The optional C part of the project; everything else is declared in pyproject.toml.

``search._speedups`` runs the per-token loop of the Spanish analysis chain in C (same
tokens: every decision stays in ``search.query.analysis``) and writes the bigram string of a
ruling in one allocation. It is optional: without a compiler the install goes on and
``search.query.analysis`` uses its pure-Python loops, which cost about a third more CPU per
ruling prepared for the index.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("search._speedups", ["search/_speedups.c"], optional=True)])
