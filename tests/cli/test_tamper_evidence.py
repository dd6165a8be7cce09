"""Tampering an insider could do with a SQLite tool: drop the triggers, change a fact, re-hash the
journal where that hides it. Each case runs the raw SQL on a real store made by the commands a
user has (``simulate``, a copy receipt, ``z-report``), then ``verify-journal`` must exit 1 and
name what is wrong."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from pos.journal import row_hash
from tests.cli.test_cli import run

ANCHOR = re.compile(r"Journalanker: ([0-9A-F-]+)")
PRINTED: dict[str, str] = {}
"""The journal anchor the Z reports of ``pristine`` printed."""


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A day of sales with a copy receipt and the day's Z reports; verifies as made."""
    from pos.counter import open_counter
    from pos.services import auth, copies
    from pos.services.context import TillContext

    data_dir = tmp_path_factory.mktemp("tamper") / "data"
    run(data_dir, "simulate", "--days", "1", "--sales-per-day", "20", "--seed", "5", "--start",
        "2026-01-05")
    with open_counter(data_dir) as counter:
        manager = auth.authenticate(counter.uow, "9001", "9999")
        with counter.uow.read() as uow:
            number = uow.reports.rows("SELECT number_text FROM receipts LIMIT 1 OFFSET 3")[0]
        till = TillContext("K1", manager, counter.signer())
        copies.make_copy(counter.uow, till, number["number_text"])
    z = run(data_dir, "z-report", "--date", "2026-01-05", "--staff", "9001", "--pin", "9999")
    PRINTED["z"] = re.search(r"Journalanker: ([0-9A-F-]+)", z.stdout).group(1)
    assert run(data_dir, "verify-journal").returncode == 0
    return data_dir


@pytest.fixture
def store(pristine, tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(pristine, copy)
    return copy


def tamper(data_dir: Path, *statements: str, rehash_from: int | None = None) -> None:
    """What an insider with a SQLite tool does: no triggers, then the change, then (if it
    would show) the journal's hash chain recomputed from a row on."""
    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    for sql in statements:
        db.execute(sql)
    if rehash_from is not None:
        rehash(db, rehash_from)
    db.commit()
    db.close()


def rehash(db: sqlite3.Connection, first: int) -> None:
    db.row_factory = sqlite3.Row
    rows = [dict(r) for r in db.execute("SELECT * FROM journal WHERE seq >= ? ORDER BY seq",
                                        (first,))]  # fmt: skip
    previous = db.execute("SELECT hash FROM journal WHERE seq = ?", (first - 1,)).fetchone()
    prev = previous[0] if previous else "0" * 64
    for row in rows:
        row["prev_hash"] = prev
        row["hash"] = prev = row_hash(prev, row)
        db.execute("UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?",
                   (row["prev_hash"], row["hash"], row["seq"]))  # fmt: skip
    db.row_factory = None


def one(data_dir: Path, sql: str) -> tuple:
    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    try:
        return db.execute(sql).fetchone()
    finally:
        db.close()


def refused(data_dir: Path, *args: str, lang: str = "en") -> str:
    """What verify-journal says on stderr, in English unless ``lang`` says otherwise."""
    result = run(data_dir, "verify-journal", "--lang", lang, *args, check=False)
    assert result.returncode == 1, result.stdout
    said = "FEIL: " if lang == "nb" else "FAILED: "
    assert result.stderr.startswith(said) and "Traceback" not in result.stderr
    return result.stderr


def test_payment_means_changed_from_card_to_cash(store):
    tender, number = one(
        store,
        "SELECT t.id, r.number_text FROM tenders t JOIN receipt_payments p ON p.tender_id = t.id "
        "JOIN receipts r ON r.id = p.receipt_id WHERE t.kind = 'card' LIMIT 1",
    )
    tamper(store, f"UPDATE tenders SET kind = 'cash', reference = '' WHERE id = '{tender}'")
    said = refused(store)
    assert f"receipt {number}: payment means, terminal references or amounts paid differ" in said


def test_what_verify_journal_finds_is_said_in_bokmal_on_a_bokmal_counter(store):
    tender, number = one(
        store,
        "SELECT t.id, r.number_text FROM tenders t JOIN receipt_payments p ON p.tender_id = t.id "
        "JOIN receipts r ON r.id = p.receipt_id WHERE t.kind = 'card' LIMIT 1",
    )
    tamper(store, f"UPDATE tenders SET kind = 'cash', reference = '' WHERE id = '{tender}'")
    said = refused(store, lang="nb")
    assert said.startswith("FEIL: kvittering ")
    assert (
        f"kvittering {number}: betalingsmidler, terminalreferanser eller betalte beløp "
        "avviker fra det som ble journalført"
    ) in said
    assert "dessuten: Z-rapport Z-" in said and "avviker fra salgene og hendelsene" in said
    assert "receipt" not in said and "differ" not in said


def test_a_terminal_reference_changed(store):
    tender, number = one(
        store,
        "SELECT t.id, r.number_text FROM tenders t JOIN receipt_payments p ON p.tender_id = t.id "
        "JOIN receipts r ON r.id = p.receipt_id WHERE t.reference <> '' LIMIT 1",
    )
    tamper(store, f"UPDATE tenders SET reference = '000000' WHERE id = '{tender}'")
    assert f"receipt {number}: payment means, terminal references" in refused(store)


def test_an_article_group_changed(store):
    line, number = one(
        store,
        "SELECT l.id, r.number_text FROM sale_lines l JOIN receipts r ON r.id = l.receipt_id "
        "WHERE l.article_group_id <> 'DIV' LIMIT 1",
    )
    tamper(store, f"UPDATE sale_lines SET article_group_id = 'DIV' WHERE id = '{line}'")
    said = refused(store)
    assert f"receipt {number}: lines (items, prices, VAT or article groups) differ" in said
    assert "Z report Z-" in said  # the Z's article group figures no longer come out


def test_the_operator_changed(store):
    sale, number = one(
        store,
        "SELECT s.id, r.number_text FROM sales s JOIN receipts r ON r.sale_id = s.id "
        "JOIN staff st ON st.id = s.staff_id WHERE st.staff_no <> '9001' LIMIT 1",
    )
    tamper(
        store,
        f"UPDATE sales SET staff_id = (SELECT id FROM staff WHERE staff_no = '9001') "
        f"WHERE id = '{sale}'",
    )
    assert f"receipt {number}: operator differs from journal row" in refused(store)


def test_a_copy_record_deleted(store):
    (number,) = one(
        store, "SELECT r.number_text FROM receipt_copies c JOIN receipts r ON r.id = c.receipt_id"
    )
    tamper(store, "DELETE FROM receipt_copies")
    assert f"copy receipt of {number} (journal row" in refused(store)
    assert "is missing from the copies" in refused(store)


def test_stored_z_content_changed(store):
    z_id, content = one(store, "SELECT id, content FROM z_reports LIMIT 1")
    changed = json.loads(content)
    changed["total_cash_sales"] -= 10000
    text = json.dumps(changed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    tamper(store, f"UPDATE z_reports SET content = '{text}' WHERE id = '{z_id}'")
    assert "the stored report differs from journal row" in refused(store)


def test_z_content_changed_with_its_journal_row_and_the_chain_rehashed(store):
    z_id, content, seq = one(store, "SELECT id, content, journal_seq FROM z_reports LIMIT 1")
    changed = json.loads(content)
    changed["total_cash_sales"] -= 10000
    changed["payments"][0]["amount"] -= 10000
    text = json.dumps(changed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    tamper(
        store,
        f"UPDATE z_reports SET content = '{text}' WHERE id = '{z_id}'",
        f"UPDATE journal SET details = '{text}' WHERE seq = {seq}",
        rehash_from=seq,
    )
    said = refused(store)
    assert "figures (payments, total_cash_sales) differ from the sales and events it covers" in said


def without_mark(data_dir: Path) -> None:
    """The insider also deletes the high-water mark beside the store (a new one is then made
    from the store as it is)."""
    (data_dir / "high-water.mark").unlink()


def test_the_last_journal_rows_deleted(store):
    """The high-water mark beside the store still knows the journal's head: the next start
    continues after it (declared, so no number comes back), and verify-journal names the rows
    the store lost and the Z reports whose rows went with them."""
    (last,) = one(store, "SELECT MAX(seq) FROM journal")
    tamper(store, f"DELETE FROM journal WHERE seq > {last - 3}")
    said = refused(store)
    assert f"journal rows {last - 2}–{last} are missing from the store: the store was" in said
    assert "Z report Z-" in said


def test_the_last_journal_rows_deleted_with_the_high_water_mark(store):
    (last,) = one(store, "SELECT MAX(seq) FROM journal")
    tamper(store, f"DELETE FROM journal WHERE seq > {last - 3}")
    without_mark(store)
    assert f"journal row nrs {last - 2}–{last} are missing" in refused(store)


@pytest.mark.parametrize("mark", ["kept", "deleted too"])
def test_the_last_sale_and_its_journal_tail_deleted(store, mark):
    (last,) = one(store, "SELECT MAX(seq) FROM journal")
    sale, first_row = one(
        store,
        "SELECT s.id, MIN(j.seq) FROM sales s JOIN journal j ON j.ref_id IN "
        "(SELECT id FROM receipts WHERE sale_id = s.id) GROUP BY s.id ORDER BY s.created_at DESC "
        "LIMIT 1",
    )
    receipts = f"(SELECT id FROM receipts WHERE sale_id = '{sale}')"
    tamper(
        store,
        f"DELETE FROM receipt_payments WHERE receipt_id IN {receipts}",
        f"DELETE FROM sale_lines WHERE sale_id = '{sale}'",
        f"DELETE FROM tenders WHERE sale_id = '{sale}'",
        f"DELETE FROM receipt_copies WHERE receipt_id IN {receipts}",
        f"DELETE FROM receipts WHERE sale_id = '{sale}'",
        f"DELETE FROM sales WHERE id = '{sale}'",
        f"DELETE FROM z_reports WHERE journal_seq >= {first_row}",
        f"DELETE FROM journal WHERE seq >= {first_row}",
    )
    if mark == "kept":  # the next start continues after it; what the store lost is named
        said = refused(store)
        assert f"journal rows {first_row}–{last} are missing from the store" in said
        assert re.search(r"\d\d/K1: sale receipt nr \d+ is missing \(numbered", said)
        return
    without_mark(store)
    said = refused(store)
    assert f"journal row nrs {first_row}–{last} are missing" in said
    assert re.search(r"\d\d/K1: sale receipt nr \d+ is missing \(numbered", said)
    assert re.search(r"signature chain \d\d/K1: signature nr \d+ is missing", said)


@pytest.mark.parametrize("mark", ["kept", "deleted too"])
def test_the_signature_chain_head_rewound(store, mark):
    tenant, code, nr = one(
        store,
        "SELECT c.tenant_id, t.code, c.last_nr FROM signature_chains c "
        "JOIN tenants t ON t.id = c.tenant_id WHERE c.last_nr > 1 LIMIT 1",
    )
    (previous,) = one(
        store, f"SELECT signature FROM receipts WHERE tenant_id = '{tenant}' AND sig_nr = {nr - 1}"
    )
    tamper(
        store,
        f"UPDATE signature_chains SET last_nr = {nr - 1}, last_signature = '{previous}' "
        f"WHERE tenant_id = '{tenant}'",
    )
    if mark == "kept":  # the next start moves the head up to the mark again, and says why
        said = refused(store)
        assert f"signature chain {code}/K1: signatures {nr}–{nr} had been given out" in said
        return
    without_mark(store)
    assert f"signature chain {code}/K1: the head was set back to {nr - 1}" in refused(store)


def cut_tail_cleanly(data_dir: Path, first_row: int) -> None:
    """Delete every journal row from ``first_row`` on and every sale they journaled, and set
    the counters and signature chain heads back to match: a store that is consistent in
    itself, as if the tail had never happened."""
    sales = (
        f"(SELECT sale_id FROM receipts WHERE id IN (SELECT ref_id FROM journal "
        f"WHERE seq >= {first_row} AND details LIKE '%\"digest\"%'))"
    )
    receipts = f"(SELECT id FROM receipts WHERE sale_id IN {sales})"
    tamper(
        data_dir,
        f"DELETE FROM receipt_payments WHERE receipt_id IN {receipts}",
        f"DELETE FROM sale_lines WHERE sale_id IN {sales}",
        f"DELETE FROM receipt_copies WHERE receipt_id IN {receipts} OR receipt_id IN "
        f"(SELECT ref_id FROM journal WHERE seq >= {first_row} AND event_code = 13014)",
        f"DELETE FROM tenders WHERE sale_id IN {sales}",
        f"DELETE FROM z_reports WHERE journal_seq >= {first_row}",
        f"DELETE FROM outbox WHERE occurred_at >= (SELECT created_at FROM journal "
        f"WHERE seq = {first_row})",
        "UPDATE counters SET value = (SELECT COALESCE(MAX(device_seq), 0) FROM outbox) "
        "WHERE name = 'device_seq'",
        f"DELETE FROM receipts WHERE id IN {receipts}",
        "DELETE FROM sales WHERE id NOT IN (SELECT sale_id FROM receipts)",
        f"DELETE FROM journal WHERE seq >= {first_row}",
        f"UPDATE counters SET value = {first_row - 1} WHERE name = 'journal'",
        "UPDATE counters SET value = (SELECT COALESCE(MAX(number), 0) FROM receipts r "
        "WHERE counters.name = 'receipt:' || r.kind || ':' || r.tenant_id || ':' || r.register_id)"
        " WHERE name LIKE 'receipt:%'",
        "UPDATE signature_chains SET last_nr = (SELECT MAX(sig_nr) FROM receipts r "
        "WHERE r.tenant_id = signature_chains.tenant_id "
        "AND r.register_id = signature_chains.register_id), last_signature = (SELECT signature "
        "FROM receipts r WHERE r.tenant_id = signature_chains.tenant_id AND r.register_id = "
        "signature_chains.register_id ORDER BY sig_nr DESC LIMIT 1)",
    )


def last_sale_row(data_dir: Path) -> int:
    (first,) = one(
        data_dir,
        "SELECT MIN(j.seq) FROM journal j JOIN receipts r ON r.id = j.ref_id WHERE r.sale_id = "
        "(SELECT id FROM sales ORDER BY created_at DESC LIMIT 1)",
    )
    return int(first)


def test_a_tail_cut_cleanly_is_named_by_the_high_water_mark(store):
    first = last_sale_row(store)
    (last,) = one(store, "SELECT MAX(seq) FROM journal")
    cut_tail_cleanly(store, first)
    said = refused(store, "--anchor", PRINTED["z"])
    assert f"journal rows {first}–{last} are missing from the store" in said
    assert f"the anchor {PRINTED['z']} (the printout) was taken at journal row" in said


def test_a_tail_cut_cleanly_with_the_mark_deleted_passes_alone_and_is_named_by_the_printout(
    store,
):
    cut_tail_cleanly(store, last_sale_row(store))
    without_mark(store)
    alone = run(store, "verify-journal")
    assert alone.returncode == 0  # the limit of what a store and its folder can tell
    said = refused(store, "--anchor", PRINTED["z"])
    seq = int(PRINTED["z"].split("-")[0])
    assert f"was taken at row {seq}" in said and "are missing" in said
    assert "(the printout)" in said


def test_a_row_rewritten_and_rehashed_is_named_by_the_high_water_mark(store):
    (seq,) = one(store, "SELECT MIN(seq) FROM journal WHERE details LIKE '%\"digest\"%'")
    (last,) = one(store, "SELECT MAX(seq) FROM journal")
    tamper(store, f"UPDATE journal SET local_time = '23:59:59' WHERE seq = {seq}",
           rehash_from=seq)  # fmt: skip
    said = refused(store)
    assert f"journal row {last} is not the row anchored as" in said
    assert "(the high-water mark)" in said


def test_a_row_rewritten_and_rehashed_is_named_by_the_printed_anchor(store):
    (seq,) = one(store, "SELECT MIN(seq) FROM journal WHERE details LIKE '%\"digest\"%'")
    tamper(store, f"UPDATE journal SET local_time = '23:59:59' WHERE seq = {seq}",
           rehash_from=seq)  # fmt: skip
    without_mark(store)
    assert run(store, "verify-journal").returncode == 0  # re-hashed: the chain alone holds
    anchor = PRINTED["z"]
    said = refused(store, "--anchor", anchor.lower().replace("-", " "))  # typed loosely
    assert f"journal row {anchor.split('-')[0]} is not the row anchored as {anchor}" in said


def test_an_anchor_that_is_not_one_gets_a_message(store):
    result = run(store, "verify-journal", "--anchor", "hello", check=False)
    assert result.returncode == 2 and "journalanker" in result.stderr.lower()


def test_an_anchor_in_the_rows_a_restore_replaced_is_named_and_a_wrong_one_still_fails(tmp_path):
    """A restore replaces the journal after its backup and declares the jump: an anchor printed
    in between names those rows as replaced (they are in the restore's export), not as tampering;
    an anchor of a row the restored journal still has must match it as before."""
    from tests.cli.test_backup_cli import MANAGER, sell

    run(tmp_path, "demo")
    before = ANCHOR.search(run(tmp_path, "x-report", *MANAGER).stdout).group(1)
    run(tmp_path, "backup")
    sell(tmp_path, 2)
    printed = ANCHOR.search(run(tmp_path, "x-report", *MANAGER).stdout).group(1)
    run(tmp_path, "restore-backup", *MANAGER)
    checked = run(tmp_path, "verify-journal", "--anchor", printed)
    assert checked.returncode == 0, checked.stderr
    replaced = f"Ankeret {printed} (utskriften): raden er blant dem en gjenoppretting erstattet"
    assert replaced in checked.stdout
    assert "Forklart i journalen: journalrad" in checked.stdout  # the restore's declared jump
    assert f"Journalen har ankeret {before}" in run(
        tmp_path, "verify-journal", "--anchor", before
    ).stdout
    seq, *groups = before.split("-")
    forged = "-".join([seq, *groups[:-1], "0000" if groups[-1] != "0000" else "1111"])
    said = refused(tmp_path, "--anchor", forged)
    assert f"journal row {seq} is not the row anchored as {forged}" in said
