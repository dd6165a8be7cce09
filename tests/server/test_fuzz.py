"""API fuzzing from the published OpenAPI document (schemathesis strategies driven by
hypothesis): whatever the input, with the right or a wrong token, never a 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

EXAMPLES = 10


def token_for(path: str, world) -> str:
    if path.startswith("/v1/admin"):
        return world.admin_token
    if path.startswith("/v1/tenant"):
        return world.a.tenant_token
    return world.a.device_token


def test_no_input_makes_any_endpoint_fail_with_a_5xx(world):
    schema = schemathesis.openapi.from_asgi("/openapi.json", world.client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        fuzz_operation(operation, token_for(operation.path, world))


def fuzz_operation(operation, token: str) -> None:
    """Hypothesis drives schemathesis' strategy for one operation."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case) -> None:
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:300]}"
        )

    fuzz()
