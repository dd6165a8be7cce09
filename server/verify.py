"""Re-checking each tenant's receipts on ingest: signature chain and gap-free numbering.

The chain is per (tenant, device, register): ``sig_nr`` must follow the last one and the RSA-SHA1
signature must verify over ``prev;date;time;nr;in;ex`` with the device's public key for that
key version. Breaks are flagged for review, never rejected: the receipt was printed already.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import Connection, text

from pos.signing import FIRST_PREVIOUS, RSA_METHOD, RsaVerifier, signed_string
from server.auth import Device

Flags = dict[str, list[tuple[str, str]]]


@lru_cache(maxsize=256)
def _verifier(pem: str, key_version: str) -> RsaVerifier | None:
    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, TypeError, UnicodeEncodeError):
        return None
    return RsaVerifier(key, key_version) if isinstance(key, rsa.RSAPublicKey) else None


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
        if found:
            flags[row["event_id"]] = found
    return flags


def save_heads(conn: Connection, device: Device, heads: Heads) -> None:
    _save_heads(conn, device, heads.chains, heads.numbers)


def _check(device: Device, receipt: dict[str, Any], chains: dict, numbers: dict) -> list:
    found: list[tuple[str, str]] = []
    chain_key = (receipt["tenant_id"], receipt["register_id"])
    last_nr, last_signature = chains.get(chain_key, (0, FIRST_PREVIOUS))
    if receipt["sig_nr"] != last_nr + 1:
        found.append(("chain_break", f"sig_nr {receipt['sig_nr']} follows {last_nr}"))
    elif receipt["sig_method"] == RSA_METHOD:
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
    pem = device.public_keys.get(receipt["key_version"])
    verifier = _verifier(pem, receipt["key_version"]) if pem else None
    if verifier is None:
        return ("unknown_key", f"no public key version {receipt['key_version']} for device")
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
