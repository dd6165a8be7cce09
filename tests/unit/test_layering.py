"""The dependency rules of DESIGN.md, read from the imports of every module."""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FORBIDDEN = {
    "pos": {
        "PySide6",
        "requests",
        "fastapi",
        "httpx",
        "ui",
        "printers",
        "sync",
        "server",
        "escpos",
        "reportlab",
        "serial",
        "cli",
    },
    "printers": {"PySide6", "ui", "sync", "server", "requests", "sqlalchemy", "fastapi", "cli"},
    "sync": {"PySide6", "ui", "printers", "server", "sqlalchemy", "cli"},
    "server": {"PySide6", "ui", "printers", "sync", "cli"},
    "ui": {"sqlalchemy", "alembic", "fastapi", "server", "requests", "cli"},
}
"""``cli`` (the command line and the composition root) sits on top: nothing imports it."""
ONLY_IN_ADAPTERS = {"sqlalchemy", "alembic"}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def violations(layer: str) -> list[str]:
    problems = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        relative = path.relative_to(ROOT)
        in_adapters = relative.parts[:2] == ("pos", "adapters")
        for line, module in imported_modules(path):
            top = module.split(".")[0]
            if top in FORBIDDEN[layer] or (
                layer == "pos" and top in ONLY_IN_ADAPTERS and not in_adapters
            ):
                problems.append(f"{relative}:{line} imports {module}")
    return problems


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_design_allows(layer):
    assert violations(layer) == []


def test_the_rule_catches_a_forbidden_import(tmp_path, monkeypatch):
    fake = tmp_path / "pos"
    fake.mkdir()
    (fake / "bad.py").write_text("import PySide6\nfrom sqlalchemy import select\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert len(violations("pos")) == 2


def test_every_outbox_event_type_the_counter_writes_is_known_to_the_sync_protocol():
    """A type the server does not know is quarantined: every type written must be declared."""
    import re

    from pos.sync_protocol import KNOWN_EVENT_TYPES

    written = set()
    for path in (ROOT / "pos").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'append_outbox\(\s*"([a-z_.]+)"', text))
        written |= set(re.findall(r'"([a-z_]+\.[a-z_]+)"\s*(?:if|,|$)', text)) & {
            t for t in re.findall(r'"([a-z_]+\.completed)"', text)
        }
    assert written, "no outbox writes found"
    assert written <= KNOWN_EVENT_TYPES, written - KNOWN_EVENT_TYPES
