"""Benchmarks that print figures (``expediente bench ...``); never run as timed tests.

Each module exposes ``register(app: typer.Typer)`` adding its command(s) to the ``bench``
group of the CLI.
"""
