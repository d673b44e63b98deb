"""Property-based API tests from the OpenAPI spec (schemathesis, in-process ASGI): no server
error, responses match the documented status codes and content types. Bounded examples."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings


@pytest.fixture()
def api_schema(app):
    # Every documented route, the HTML pages included.
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_spec(case) -> None:
    case.call_and_validate()
