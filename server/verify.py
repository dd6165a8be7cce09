"""Re-checking each tenant's receipts on ingest: signature chain, gap-free numbering, and the
lines, payments and VAT against the signed totals.

The chain is per (tenant, device, register): ``sig_nr`` must follow the last one and the
signature must verify over ``prev;date;time;nr;in;ex``: RSA-SHA1 with the device's public key
for that key version, HMAC-SHA1 with the secret it registered; any other method is flagged, as
is a receipt whose lines, payments or VAT do not add up to the totals it signs, and a sale with a
negative total. Everything is flagged for review, never rejected: the receipt was printed.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import Connection, text

from pos.signing import (
    FIRST_PREVIOUS,
    HMAC_METHOD,
    RSA_METHOD,
    HmacSigner,
    RsaVerifier,
    signed_string,
)
from server.auth import Device

Flags = dict[str, list[tuple[str, str]]]


@lru_cache(maxsize=256)
def _verifier(pem: str, key_version: str) -> RsaVerifier | None:
    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, TypeError, UnicodeEncodeError):
        return None
    return RsaVerifier(key, key_version) if isinstance(key, rsa.RSAPublicKey) else None


@lru_cache(maxsize=256)
def _hmac(secret_b64: str, key_version: str) -> HmacSigner | None:
    try:
        return HmacSigner(base64.b64decode(secret_b64, validate=True), key_version)
    except (binascii.Error, ValueError):
        return None


@dataclass
class Heads:
    """The device's chain and numbering heads as read (locked) from the database; checking
    receipts moves them in memory, ``save_heads`` writes them back."""

    chains: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)

    def copy(self) -> Heads:
        return Heads(dict(self.chains), dict(self.numbers))


def read_heads(conn: Connection, device: Device, tenant_ids: Iterable[str]) -> Heads:
    """Lock and read the device's heads for these tenants."""
    chains, numbers = _heads(conn, device, sorted(set(tenant_ids)))
    return Heads(chains, numbers)


def check_receipts(device: Device, rows: list[dict[str, Any]], heads: Heads) -> Flags:
    """Pure: verify each row's receipt against ``heads`` (moved along), no database work, so
    it can run while the database stores the rows."""
    flags: Flags = {}
    chains, numbers = heads.chains, heads.numbers
    for row in rows:
        found = _check(device, row["payload"]["receipt"], chains, numbers)
        found += _sum_problems(row["type"], row["payload"])
        if found:
            flags[row["event_id"]] = found
    return flags


def save_heads(conn: Connection, device: Device, heads: Heads) -> None:
    _save_heads(conn, device, heads.chains, heads.numbers)


def _check(device: Device, receipt: dict[str, Any], chains: dict, numbers: dict) -> list:
    found: list[tuple[str, str]] = []
    chain_key = (receipt["tenant_id"], receipt["register_id"])
    last_nr, last_signature = chains.get(chain_key, (0, FIRST_PREVIOUS))
    if receipt["sig_method"] not in (RSA_METHOD, HMAC_METHOD):
        method = receipt["sig_method"][:40]
        found.append(("signature_unsupported", f"{method!r} is not a signature method in use"))
    if receipt["sig_nr"] != last_nr + 1:
        found.append(("chain_break", f"sig_nr {receipt['sig_nr']} follows {last_nr}"))
    elif receipt["sig_method"] in (RSA_METHOD, HMAC_METHOD):
        problem = _signature_problem(device, receipt, last_signature)
        if problem:
            found.append(problem)
    chains[chain_key] = (receipt["sig_nr"], receipt["signature"])
    number_key = (*chain_key, receipt["kind"])
    last_number = numbers.get(number_key, 0)
    if receipt["number"] != last_number + 1:
        found.append(("numbering_gap", f"number {receipt['number']} follows {last_number}"))
    numbers[number_key] = receipt["number"]
    return found


def _signature_problem(
    device: Device, receipt: dict[str, Any], previous: str
) -> tuple[str, str] | None:
    version = receipt["key_version"]
    verifier: RsaVerifier | HmacSigner | None
    if receipt["sig_method"] == RSA_METHOD:
        pem = device.public_keys.get(version)
        verifier = _verifier(pem, version) if pem else None
    else:
        secret = device.hmac_keys.get(version)
        verifier = _hmac(secret, version) if secret else None
    if verifier is None:
        method = receipt["sig_method"]
        return ("unknown_key", f"no {method} key version {version[:20]} for the device")
    data = signed_string(
        previous,
        receipt["local_date"],
        receipt["local_time"],
        receipt["sig_nr"],
        receipt["total"],
        receipt["total_ex_vat"],
    )
    try:
        ok = verifier.verify(data, receipt["signature"])
    except (UnicodeEncodeError, ValueError):
        ok = False
    return None if ok else ("signature_invalid", f"signature of sig_nr {receipt['sig_nr']}")


def _sum_problems(kind: str, payload: dict[str, Any]) -> list[tuple[str, str]]:
    """What does not add up between the lines, payments and VAT and the totals signed (one
    pass over each list: this runs for every receipt a counter pushes)."""
    receipt = payload["receipt"]
    total = receipt["total"]
    found: list[tuple[str, str]] = []
    if total < 0 and receipt["kind"] == "sale":
        found.append(("negative_sale", f"a sale with total {total}"))
    try:
        lines, odd_line = _lines_sum(payload["lines"])
        paid = _sum_of(payload["payments"], "amount")
        vat = payload.get("vat")
        vat_total = None if vat is None else _sum_of(vat, "vat")
    except (TypeError, KeyError, AttributeError):
        return [*found, ("totals_mismatch", "lines, payments or VAT are not lists of amounts")]
    rounding = receipt.get("rounding", 0)
    if type(rounding) is not int:
        rounding = 0
    if lines is None:
        if kind != "deposit.completed":
            found.append(("totals_mismatch", "a receipt without lines"))
    elif lines != total:
        found.append(("totals_mismatch", f"the lines add up to {lines}, not {total}"))
    if odd_line:
        found.append(("totals_mismatch", "a line is not quantity x price - discount"))
    if paid != total + rounding:
        found.append(("totals_mismatch", f"the payments add up to {paid}, not {total + rounding}"))
    if vat_total is not None and vat and vat_total != total - receipt["total_ex_vat"]:
        found.append(("totals_mismatch", "the VAT does not add up to total - total_ex_vat"))
    return found


def _lines_sum(lines: list[dict[str, Any]]) -> tuple[int | None, bool]:
    """The lines' amounts added up (None: no lines), and whether a line with a quantity and
    price is not ``qty * unit_price - discount``. Raises TypeError for a value not whole."""
    total, odd = 0, False
    for line in lines:
        amount = line["amount"]
        if type(amount) is not int:
            raise TypeError("amount")
        total += amount
        qty = line.get("qty")
        if qty is not None or "unit_price" in line:
            price, discount = line.get("unit_price"), line.get("discount", 0)
            if type(qty) is not int or type(price) is not int or type(discount) is not int:
                raise TypeError("line")
            odd = odd or qty * price - discount != amount
    return (total if lines else None), odd


def _sum_of(items: list[dict[str, Any]], name: str) -> int:
    total = 0
    for item in items:
        value = item[name]
        if type(value) is not int:
            raise TypeError(name)
        total += value
    return total


def _heads(conn: Connection, device: Device, tenants: list[str]) -> tuple[dict, dict]:
    params = {"d": device.id, "t": tenants}
    chains = {
        (r[0], r[1]): (r[2], r[3])
        for r in conn.execute(
            text(
                "SELECT tenant_id, register_id, last_nr, last_signature FROM chain_heads "
                "WHERE device_id = :d AND tenant_id = ANY(:t) FOR UPDATE"
            ),
            params,
        )
    }
    numbers = {
        (r[0], r[1], r[2]): r[3]
        for r in conn.execute(
            text(
                "SELECT tenant_id, register_id, kind, last_number FROM number_heads "
                "WHERE device_id = :d AND tenant_id = ANY(:t) FOR UPDATE"
            ),
            params,
        )
    }
    return chains, numbers


_SAVE_HEADS = """
WITH chains AS (
    INSERT INTO chain_heads (tenant_id, device_id, register_id, last_nr, last_signature)
    SELECT c.t, :d, c.r, c.n, c.s FROM jsonb_to_recordset(CAST(:chains AS jsonb))
        AS c(t text, r text, n int, s text)
    ON CONFLICT (tenant_id, device_id, register_id) DO UPDATE
        SET last_nr = excluded.last_nr, last_signature = excluded.last_signature
)
INSERT INTO number_heads (tenant_id, device_id, register_id, kind, last_number)
SELECT n.t, :d, n.r, n.k, n.n FROM jsonb_to_recordset(CAST(:numbers AS jsonb))
    AS n(t text, r text, k text, n int)
ON CONFLICT (tenant_id, device_id, register_id, kind) DO UPDATE
    SET last_number = excluded.last_number
"""


def _save_heads(conn: Connection, device: Device, chains: dict, numbers: dict) -> None:
    """Both kinds of heads in one statement (one round trip per push)."""
    chain_rows = [{"t": t, "r": r, "n": n, "s": s} for (t, r), (n, s) in chains.items()]
    number_rows = [{"t": t, "r": r, "k": k, "n": n} for (t, r, k), n in numbers.items()]
    if not chain_rows and not number_rows:
        return
    conn.execute(
        text(_SAVE_HEADS),
        {"d": device.id, "chains": json.dumps(chain_rows), "numbers": json.dumps(number_rows)},
    )
