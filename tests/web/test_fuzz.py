"""Bounded fuzzing of the API from its own OpenAPI document (schemathesis + hypothesis):
whatever the parameters, never a 500, and every error is the JSON error shape.

Driven by hand (``operation.as_strategy()``) rather than by schemathesis' pytest plugin,
which does not run on this pytest."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from expediente.web import create_app

EXAMPLES = 15  # per operation


def test_api_never_fails_with_a_server_error(settings):
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(settings))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:
        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                             database=None)
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.path_parameters, case.query, response.text[:300])
            if response.status_code >= 400:
                error = response.json()["error"]
                assert error["code"] and error["message"], response.text

        check()
