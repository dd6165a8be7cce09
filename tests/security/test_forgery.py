"""A complete forgery by someone who has the data directory but not the secret that seals the
signing key: a receipt's amount lowered, every later signature of its chain made again, the
journal digests recomputed and the chain re-hashed. They cannot open the key, so they sign with
one of their own and swap the public key file. ``verify-journal`` on the counter names the
swapped key; the Z printout's anchor names the rewritten journal; and the SAF-T file exported
from the forged store fails openssl against the counter's genuine public key."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from lxml import etree

from pos.adapters.key_files import KeyStore
from pos.adapters.key_vault import SECRET_DIR_ENV, FileVault, KeySecretMissing
from pos.journal import canonical_json, content_digest
from pos.receipt_digest import content_v2, part_digests
from pos.signing import RsaSigner, signed_string
from tests.cli.test_tamper_evidence import rehash
from tests.conftest import PROJECT_ROOT

NS = {"s": "urn:StandardAuditFile-Taxation-CashRegister:NO"}
STAFF = ["--staff", "9001", "--pin", "9999"]


def cli(data_dir: Path, *args: str, secret_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if secret_dir is not None:
        env[SECRET_DIR_ENV] = str(secret_dir)
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300, env=env,
    )  # fmt: skip


@pytest.fixture
def counter_pc(tmp_path):
    """The counter: a day of sales, its Z reports (with the printed anchor), its public key."""
    data = tmp_path / "counter"
    made = cli(data, "simulate", "--days", "1", "--sales-per-day", "20", "--seed", "5", "--start",
               "2026-01-05")
    assert made.returncode == 0
    z = cli(data, "z-report", "--date", "2026-01-05", *STAFF)
    anchor = re.search(r"Journalanker: ([0-9A-F-]+)", z.stdout).group(1)
    genuine = tmp_path / "genuine.pem"
    genuine.write_text(cli(data, "export-public-key").stdout)
    return data, anchor, genuine


def forge(data_dir: Path, secret_dir: Path) -> str:
    """Lower a receipt of tenant 11 to 10,00 and rewrite everything that would show it, with
    only the data directory. Returns the forged receipt's number."""
    with pytest.raises(KeySecretMissing):  # the genuine key does not open without the secret
        KeyStore(data_dir / "keys", [FileVault(secret_dir)]).signer()
    assert not secret_dir.exists() or not any(secret_dir.iterdir())
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    forger = RsaSigner(key, "1")
    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    db.row_factory = sqlite3.Row
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    target = db.execute(
        "SELECT r.* FROM receipts r JOIN tenants t ON t.id = r.tenant_id WHERE t.code = '11' "
        "AND r.kind = 'sale' AND (SELECT count(*) FROM sale_lines l WHERE l.receipt_id = r.id) = 1 "
        "AND (SELECT count(*) FROM receipt_payments p WHERE p.receipt_id = r.id) = 1 "
        "AND (SELECT count(*) FROM receipts o WHERE o.sale_id = r.sale_id) = 1 "
        "ORDER BY sig_nr LIMIT 1"
    ).fetchone()
    new_total, new_vat = 1000, 200
    db.execute("UPDATE sale_lines SET unit_price = ?, amount = ?, qty = 1, discount = 0, "
               "vat_amount = ? WHERE receipt_id = ?",
               (new_total, new_total, new_vat, target["id"]))  # fmt: skip
    db.execute("UPDATE receipts SET total = ?, total_ex_vat = ?, rounding = 0 WHERE id = ?",
               (new_total, new_total - new_vat, target["id"]))  # fmt: skip
    db.execute("UPDATE receipt_payments SET amount = ? WHERE receipt_id = ?",
               (new_total, target["id"]))  # fmt: skip
    db.execute("UPDATE tenders SET amount = ?, tendered = ? WHERE sale_id = ?",
               (new_total, new_total, target["sale_id"]))  # fmt: skip
    db.execute("UPDATE sales SET total = ?, rounding = 0, change = 0, cash_net = 0 WHERE id = ?",
               (new_total, target["sale_id"]))  # fmt: skip
    _resign_chain(db, forger, target)
    first_row = _redigest(db, target)
    rehash(db, first_row)
    db.commit()
    db.close()
    (data_dir / "keys" / "rsa-v1.pub.pem").write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return target["number_text"]


def _resign_chain(db: sqlite3.Connection, forger: RsaSigner, target: sqlite3.Row) -> None:
    chain = db.execute(
        "SELECT * FROM receipts WHERE tenant_id = ? AND register_id = ? ORDER BY sig_nr",
        (target["tenant_id"], target["register_id"]),
    ).fetchall()
    previous = "0"
    for receipt in chain:
        data = signed_string(previous, receipt["local_date"], receipt["local_time"],
                             receipt["sig_nr"], receipt["total"], receipt["total_ex_vat"])
        previous = forger.sign(data)  # fmt: skip
        db.execute("UPDATE receipts SET signature = ? WHERE id = ?", (previous, receipt["id"]))
    db.execute(
        "UPDATE signature_chains SET last_signature = ? WHERE tenant_id = ? AND register_id = ?",
        (previous, target["tenant_id"], target["register_id"]),
    )


def _redigest(db: sqlite3.Connection, target: sqlite3.Row) -> int:
    """The journal rows of every re-signed receipt get digests of their new facts."""
    first = None
    rows = db.execute(
        "SELECT j.seq, j.details, r.id FROM journal j JOIN receipts r ON r.id = j.ref_id "
        "WHERE r.tenant_id = ? AND j.details LIKE '%\"parts\"%' ORDER BY j.seq",
        (target["tenant_id"],),
    ).fetchall()
    for seq, details, receipt_id in rows:
        receipt = _one(db, "SELECT * FROM receipts WHERE id = ?", receipt_id)
        sale = _one(db, "SELECT * FROM sales WHERE id = ?", receipt["sale_id"])
        lines = _all(db, "SELECT * FROM sale_lines WHERE receipt_id = ?", receipt_id)
        pays = _all(
            db,
            "SELECT p.tender_id, p.amount, t.kind, t.reference, t.credit_note_id, "
            "t.amount AS tender_amount, t.tendered FROM receipt_payments p "
            "JOIN tenders t ON t.id = p.tender_id WHERE p.receipt_id = ?",
            receipt_id,
        )
        content = content_v2(receipt, sale, lines, pays)
        changed = json.loads(details)
        changed["digest"], changed["parts"] = content_digest(content), part_digests(content)
        db.execute("UPDATE journal SET details = ?, amount = ? WHERE seq = ?",
                   (canonical_json(changed), receipt["total"], seq))  # fmt: skip
        first = seq if first is None else first
    assert first is not None
    return first


def _one(db: sqlite3.Connection, sql: str, value: str) -> dict:
    return dict(db.execute(sql, (value,)).fetchone())


def _all(db: sqlite3.Connection, sql: str, value: str) -> list[dict]:
    return [dict(r) for r in db.execute(sql, (value,))]


def openssl_verifies(pem: Path, data: str, signature: str, tmp: Path) -> bool:
    (tmp / "data").write_bytes(data.encode("ascii"))
    (tmp / "sig").write_bytes(base64.b64decode(signature))
    done = subprocess.run(
        ["openssl", "dgst", "-sha1", "-verify", str(pem), "-signature", str(tmp / "sig"),
         str(tmp / "data")], capture_output=True, text=True,
    )  # fmt: skip
    return done.returncode == 0


def test_a_complete_forgery_without_the_secret_fails_verification(counter_pc, tmp_path):
    data, anchor, genuine = counter_pc
    copy = tmp_path / "insiders-copy"
    shutil.copytree(data, copy)
    number = forge(copy, tmp_path / "insiders-pc-secrets")
    shutil.rmtree(data)
    shutil.copytree(copy, data)  # and put back on the counter
    said = cli(data, "verify-journal")
    assert said.returncode == 1
    assert "offentlig nøkkel rsa-v1 hører ikke til signeringsnøkkelen" in said.stderr
    refused = cli(data, "export-public-key")  # the swapped key is not handed out
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("FEIL: offentlig nøkkel rsa-v1 hører ikke til")
    with_anchor = cli(data, "verify-journal", "--anchor", anchor)
    assert f"er ikke raden som ble forankret som {anchor}" in with_anchor.stderr
    export = tmp_path / "saft"
    export.mkdir()
    made = cli(data, "export-saft", "--tenant", "11", "--from", "2026-01-01", "--to",
               "2026-01-31", "--out", str(export), *STAFF)  # fmt: skip
    assert made.returncode == 0, made.stderr
    (saft,) = export.glob("*.xml")
    doc = etree.parse(str(saft))
    forged = next(
        t for t in doc.iterfind(".//s:cashtransaction", NS)
        if t.findtext("s:transID", namespaces=NS) == number
        or t.findtext("s:receiptNum", namespaces=NS) == number
    )  # fmt: skip
    assert forged.findtext("s:transAmntIn", namespaces=NS) == "10.00"
    previous = forged.getprevious()
    before = previous.findtext("s:signature", namespaces=NS) if previous is not None and (
        previous.tag.endswith("cashtransaction")) else "0"  # fmt: skip
    fields = ("transDate", "transTime", "nr", "transAmntIn", "transAmntEx")
    signed = ";".join([before, *(forged.findtext(f"s:{f}", namespaces=NS) for f in fields)])
    signature = forged.findtext("s:signature", namespaces=NS)
    assert not openssl_verifies(genuine, signed, signature, tmp_path)
    assert openssl_verifies(copy / "keys" / "rsa-v1.pub.pem", signed, signature, tmp_path)
