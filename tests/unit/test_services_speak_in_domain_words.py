"""Services speak to the unit of work's repositories by concern (``uow.tenants``, ``uow.journal``
…), never to the joined store underneath them or its connection: checked on the code, and the
check itself on a service that does."""

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "pos" / "services"
BEYOND_THE_REPOSITORIES = {"store", "conn", "_raw"}


def reaches_past_the_repositories(source: str) -> list[int]:
    """Lines where the code reads ``.store``, ``.conn`` or ``._raw`` off anything."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr in BEYOND_THE_REPOSITORIES
    ]


def test_no_service_reaches_past_the_repositories_to_the_store_or_its_connection():
    found = {
        path.name: lines
        for path in sorted(SERVICES.rglob("*.py"))
        if (lines := reaches_past_the_repositories(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_check_sees_a_service_that_reaches_for_the_store():
    source = (
        "def close(uow):\n"
        "    uow.till.close_session('S1', stamp)\n"
        "    uow.store.append_journal(event_code=1)\n"
        "    uow.items.conn.execute('UPDATE items SET price = 0')\n"
    )
    assert reaches_past_the_repositories(source) == [3, 4]
