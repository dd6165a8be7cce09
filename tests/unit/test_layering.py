"""The dependency rules of docs/architecture.md, declared as import-linter contracts in
pyproject.toml and checked here by running ``lint-imports``, on the code and on a copy of it
with a forbidden import or an import cycle put in, so a rule that can no longer fail is noticed.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("pos", "ui", "printers", "pdf", "sync", "server", "cli")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    lint = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(lint), "--no-cache"],
        cwd=root,
        env=os.environ | {"PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_of_the_code(into: Path) -> Path:
    for package in PACKAGES:
        skip = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / package, into / package, ignore=skip)
    shutil.copy2(ROOT / "pyproject.toml", into / "pyproject.toml")
    return into


def test_every_layer_imports_only_what_the_architecture_allows():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_a_forbidden_import_is_caught(tmp_path):
    code = copy_of_the_code(tmp_path)
    (code / "pos" / "bad.py").write_text("import PySide6\nfrom sqlalchemy import select\n")
    (code / "printers" / "bad.py").write_text("from pos.services import checkout\n")
    done = lint_imports(code)
    assert done.returncode == 1
    for contract in (
        "pos has no Qt, no HTTP, no printer or PDF library BROKEN",
        "SQLAlchemy and Alembic only in pos.adapters (direct) BROKEN",
        "printers turn documents into bytes: they call no use-case service BROKEN",
    ):
        assert contract in done.stdout
    assert "3 broken" in done.stdout


def test_an_import_cycle_is_caught(tmp_path):
    code = copy_of_the_code(tmp_path)
    (code / "pos" / "model" / "loop.py").write_text("from pos.services import checkout\n")
    done = lint_imports(code)
    assert done.returncode == 1
    assert "no import cycles between sibling modules or packages BROKEN" in done.stdout


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
