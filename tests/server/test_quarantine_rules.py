"""Releasing from quarantine re-checks every event: what still fails stays held, and the app
role may mark a row released but never change what was received."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from server import quarantine
from server.db import Scope, scoped
from tests.server.conftest import sale_event


def test_events_that_still_fail_stay_and_facts_stay_unchangeable(world):
    stranger = sale_event(4, world.b.tenant_id, "ALPHASECRET")
    assert world.a.push(world.client, [stranger]).json()["results"][0]["code"] == (
        "tenant_forbidden"
    )
    done = quarantine.release(world.central.engine, quarantine.Filter())
    assert (done.stored, dict(done.held)) == (0, {"tenant_forbidden": 1})
    with pytest.raises(DBAPIError, match="permission denied"):
        with scoped(world.central.engine, Scope.admin()) as conn:
            conn.execute(text("UPDATE quarantine SET code = 'ok'"))
