"""Session-wide fixtures: one Prefect test harness for every flow run, quiet telemetry."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
# the CLI's logs and default index go to a throw-away folder, not the user's home
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="expediente-tests-")

import pytest  # noqa: E402

from expediente.runtime import filter_known_warnings  # noqa: E402

filter_known_warnings()


@pytest.fixture(scope="session")
def prefect_harness():
    """Start Prefect's temporary server once for the whole session (it costs 10-20 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
