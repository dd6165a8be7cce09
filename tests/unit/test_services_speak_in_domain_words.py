"""Services speak to the unit of work's repositories by concern (``uow.tenants``, ``uow.journal``
…), never to the joined store underneath them or its connection, and hold no SQL (queries live
in ``pos/adapters/``): checked on the code, and each check itself on a service that breaks it."""

import ast
import re
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "pos" / "services"
BEYOND_THE_REPOSITORIES = {"store", "conn", "_raw"}
SQL = re.compile(
    r"^\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WITH\s+\w+\s+AS|SAVEPOINT|"
    r"RELEASE|ROLLBACK\s+TO|PRAGMA|CREATE|DROP|ALTER)\b"
)
"""How a statement starts, in capitals as the store's SQL is written (a docstring's "Delete
the …" is prose)."""


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


def sql_in(source: str) -> list[int]:
    """Lines where a string (or an f-string's first part) starts like an SQL statement."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr) and node.values:
            node = node.values[0]
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL.match(node.value):
                found.append(node.lineno)
    return sorted(set(found))


def test_no_service_holds_sql():
    found = {
        path.name: lines
        for path in sorted(SERVICES.rglob("*.py"))
        if (lines := sql_in(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_check_sees_sql_in_a_service_and_leaves_prose_alone():
    source = (
        "def head(uow):\n"
        '    """Delete the old ones; select the newest."""\n'
        '    uow.reports.rows("SELECT seq FROM journal ORDER BY seq DESC LIMIT 1")\n'
        '    uow.reports.rows(f"UPDATE items SET price = {0}")\n'
        '    return "update"\n'
    )
    assert sql_in(source) == [3, 4]


def tables_named_to_the_unit(source: str, tables: set[str]) -> list[int]:
    """Lines where a call on the unit of work (``uow.….method(...)``) is given a table's name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        root = node.func.value
        while isinstance(root, ast.Attribute):
            root = root.value
        if not (isinstance(root, ast.Name) and root.id in ("uow", "unit")):
            continue
        given = [*node.args, *(k.value for k in node.keywords)]
        if any(isinstance(a, ast.Constant) and a.value in tables for a in given):
            found.append(node.lineno)
    return found


def the_stores_tables() -> set[str]:
    from pos.adapters.tables import metadata

    return set(metadata.tables)


def test_no_service_names_a_table_to_its_repositories():
    tables = the_stores_tables()
    found = {
        path.name: lines
        for path in sorted(SERVICES.rglob("*.py"))
        if (lines := tables_named_to_the_unit(path.read_text(encoding="utf-8"), tables))
    }
    assert found == {}


def test_the_check_sees_a_table_named_to_the_unit_and_not_a_word_elsewhere():
    source = (
        "def join(uow, needs):\n"
        "    uow.queries.count('items')\n"
        "    needs.get('items')\n"
        "    uow.items.catalogue_size()\n"
        "    uow.repairs.known_ids(table='staff', ids=set())\n"
    )
    assert tables_named_to_the_unit(source, the_stores_tables()) == [2, 5]
