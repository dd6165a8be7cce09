"""The planned move of ``pos/services/`` into sub-packages (docs/architecture.md), as one
mechanical step: ``git mv`` each module, rewrite every import and docs path, then ruff sorts the
imports. Run once from the project root on a clean tree, check (make lint, make test), commit,
and delete this script in the same commit.

First, in a small commit of its own: ``reports.find_tenant`` (a tenant by code, org.no or id)
moves to ``setup.py``, or the back office (``tenant_terms``) would import the day end, which
imports the sale, which imports the back office (``catalogue`` uses ``setup``): a cycle the
layer contracts refuse. The script stops while ``reports.py`` still defines it.

    python tools/move_services.py [--dry-run]
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ROOT / "pos" / "services"

PLAN: dict[str, dict[str, str]] = {
    "sale": {
        "checkout": "checkout",
        "recording": "recording",
        "returns": "returns",
        "parking": "parking",
        "copies": "copies",
        "catalogue": "catalogue",
        "till": "till",
        "overview": "overview",
        "item_entry": "item_entry",
    },
    "printing": {
        "print_queue": "print_queue",
        "print_journal": "print_journal",
        "paper": "paper",
        "reprint": "reprint",
        "receipt_lookup": "receipt_lookup",
    },
    "repairs": {
        "repair_board": "board",
        "repair_common": "common",
        "repair_detail": "detail",
        "repair_documents": "documents",
        "repair_edit": "edit",
        "repair_intake": "intake",
        "repair_money": "money",
        "repair_outcome": "outcome",
        "repair_status": "status",
        "repair_work": "work",
        "notifications": "notifications",
        "ticket_clock": "ticket_clock",
        "ticket_merge": "ticket_merge",
    },
    "day_end": {
        "reports": "reports",
        "report_builder": "report_builder",
        "saft_export": "saft_export",
        "saft_report": "saft_report",
        "settlement": "settlement",
        "settlement_files": "settlement_files",
        "day_end": "summary",
        "till_close": "till_close",
        "verification": "verification",
        "backups": "backups",
    },
    "back_office": {
        "setup": "setup",
        "tenants": "tenants",
        "tenant_terms": "tenant_terms",
        "staff": "staff",
        "devices": "devices",
        "item_import": "item_import",
        "labels": "labels",
        "signing_keys": "signing_keys",
        "recovery": "recovery",
    },
    "sync": {"sync_state": "state", "reference_pull": "reference_pull"},
}
"""Sub-package -> {module today: module there}. ``auth``, ``context`` and ``settings_journal``
stay in ``pos/services/``: every group uses them."""

PACKAGE_DOCS = {
    "sale": "The sale at the till: basket to receipts, returns, parking, copies, the till session.",
    "printing": "What the till puts on paper: the print queue, its journal rows, reprints.",
    "repairs": "The repair counter: intake, work, status and messages, deposits and pickup.",
    "day_end": "Day end and the books: X/Z reports, till close, SAF-T, settlements, backups.",
    "back_office": "The back office: centre set-up, tenants, staff, devices, items, keys.",
    "sync": "The counter's sync state: enrolment, outbox batches, pulled reference data.",
}

WHERE = {old: (pkg, new) for pkg, modules in PLAN.items() for old, new in modules.items()}
FROM_SERVICES = re.compile(r"^(\s*)from pos\.services import (\(([^)]*)\)|[^\n]*)$", re.M)


def _moved(name: str) -> tuple[str, str] | None:
    return WHERE.get(name)


def rewrite_grouped_imports(text: str) -> str:
    """``from pos.services import a, b as c`` -> one import per moved module, the local names
    unchanged (``from pos.services.repairs import board as repair_board``)."""

    def one(match: re.Match[str]) -> str:
        indent, names = match.group(1), match.group(3) or match.group(2)
        comment = ""
        if match.group(3) is None and "#" in names:  # a trailing noqa comment: on every line
            names, _, rest = names.partition("#")
            comment = "  #" + rest
        kept, lines = [], []
        for part in (p.strip() for p in names.replace("\n", " ").split(",")):
            if not part:
                continue
            name, _, alias = (s.strip() for s in part.partition(" as "))
            moved = _moved(name)
            if moved is None:
                kept.append(part)
                continue
            pkg, new = moved
            local = alias or name
            suffix = "" if local == new else f" as {local}"
            lines.append(f"{indent}from pos.services.{pkg} import {new}{suffix}{comment}")
        if kept:
            lines.insert(0, f"{indent}from pos.services import {', '.join(kept)}{comment}")
        return "\n".join(lines)

    return FROM_SERVICES.sub(one, text)


def rewrite_dotted(text: str) -> str:
    """``pos.services.repair_board`` (imports, strings, docs) -> ``pos.services.repairs.board``;
    ``pos/services/repair_board.py`` -> ``pos/services/repairs/board.py``. One pass each, so a
    rewritten name is never rewritten again (``day_end`` is both a module and a package)."""

    def dotted(match: re.Match[str]) -> str:
        moved = _moved(match.group(1))
        return match.group(0) if moved is None else f"pos.services.{moved[0]}.{moved[1]}"

    def path(match: re.Match[str]) -> str:
        moved = _moved(match.group(1))
        return match.group(0) if moved is None else f"pos/services/{moved[0]}/{moved[1]}.py"

    text = re.sub(r"\bpos\.services\.(\w+)\b", dotted, text)
    return re.sub(r"\bpos/services/(\w+)\.py\b", path, text)


def tracked(*patterns: str) -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", *patterns], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    return [ROOT / p for p in listed]


def main(argv: list[str]) -> int:
    dry = "--dry-run" in argv
    for modules in PLAN.values():
        missing = [m for m in modules if not (SERVICES / f"{m}.py").is_file()]
        if missing:
            print(f"not in pos/services: {missing}", file=sys.stderr)
            return 1
    if "def find_tenant" in (SERVICES / "reports.py").read_text(encoding="utf-8"):
        print("move reports.find_tenant to setup.py first (see the docstring)", file=sys.stderr)
        return 1
    if dry:
        for old, (pkg, new) in sorted(WHERE.items()):
            print(f"pos/services/{old}.py -> pos/services/{pkg}/{new}.py")
        return 0
    for pkg, modules in PLAN.items():
        (SERVICES / pkg).mkdir(exist_ok=True)
        (SERVICES / pkg / "__init__.py").write_text(f'"""{PACKAGE_DOCS[pkg]}"""\n')
        for old, new in modules.items():
            subprocess.run(
                ["git", "mv", f"pos/services/{old}.py", f"pos/services/{pkg}/{new}.py"],
                cwd=ROOT,
                check=True,
            )
    for path in tracked("*.py", "*.md", "*.toml"):
        text = path.read_text(encoding="utf-8")
        new_text = rewrite_dotted(text)  # first: the grouped rewrite writes new dotted names
        if path.suffix == ".py":
            new_text = rewrite_grouped_imports(new_text)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
    subprocess.run(["git", "add", "-A", "pos/services"], cwd=ROOT, check=True)
    subprocess.run([sys.executable, "-m", "ruff", "check", "--fix", "-q", "."], cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
