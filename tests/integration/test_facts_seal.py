"""Receipts recorded by an earlier version journaled a digest of lines and payment amounts only.
At the first start of this version their other facts are sealed in one journal row, by day;
afterwards a changed payment means on such a receipt is caught and its day named."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pos.counter import open_counter
from pos.journal import canonical_json, content_digest
from pos.receipt_digest import content_v1
from pos.services.verification import verify_store
from tests.cli.test_cli import run
from tests.cli.test_tamper_evidence import rehash, tamper


def as_earlier_version(data_dir: Path) -> None:
    """Rewrite the receipts' journal rows the way the earlier version wrote them (content
    version 1, no part digests), the chain re-hashed: a store from before the upgrade."""
    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    db.row_factory = sqlite3.Row
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    rows = db.execute("SELECT * FROM journal WHERE details LIKE '%\"parts\"%'").fetchall()
    for row in rows:
        found = db.execute("SELECT * FROM receipts WHERE id = ?", (row["ref_id"],))
        receipt = dict(found.fetchone())
        lines = [dict(r) for r in db.execute("SELECT * FROM sale_lines WHERE receipt_id = ?",
                                             (receipt["id"],))]  # fmt: skip
        pays = [dict(r) for r in db.execute("SELECT * FROM receipt_payments WHERE receipt_id = ?",
                                            (receipt["id"],))]  # fmt: skip
        details = json.loads(row["details"])
        for key in ("facts", "parts"):
            del details[key]
        details["digest"] = content_digest(content_v1(receipt, lines, pays))
        db.execute("UPDATE journal SET details = ? WHERE seq = ?",
                   (canonical_json(details), row["seq"]))  # fmt: skip
    rehash(db, 1)
    db.execute("DELETE FROM meta WHERE key = 'receipt_facts_sealed'")  # not known back then
    db.commit()
    db.close()


def test_earlier_receipts_are_sealed_once_and_a_changed_fact_names_its_day(tmp_path):
    data_dir = tmp_path / "data"
    run(data_dir, "simulate", "--days", "2", "--sales-per-day", "10", "--seed", "5", "--start",
        "2026-01-05")
    as_earlier_version(data_dir)
    with open_counter(data_dir) as counter:  # the first start of this version seals them
        with counter.uow.read() as uow:
            rows = [json.loads(r["details"]) for r in uow.queries.journal_rows()]
        (seal,) = [r for r in rows if r.get("kind") == "facts_sealed"]
        assert sorted(seal["by_day"]) == ["2026-01-05", "2026-01-06"]
        assert seal["receipts"] == sum(1 for r in rows if "digest" in r)
        assert verify_store(counter.uow, counter.keys.verifiers()).ok
    with open_counter(data_dir):  # not sealed twice
        pass
    assert run(data_dir, "verify-journal").returncode == 0
    tamper(
        data_dir,
        "UPDATE tenders SET kind = 'cash', reference = '' WHERE id = (SELECT t.id FROM tenders t "
        "JOIN sales s ON s.id = t.sale_id WHERE t.kind = 'card' AND s.local_date = '2026-01-06' "
        "LIMIT 1)",
    )
    result = run(data_dir, "--lang", "en", "verify-journal", check=False)
    assert result.returncode == 1
    assert "receipts of 2026-01-06: payment means, terminal references" in result.stderr
    assert "2026-01-05" not in result.stderr
