"""Hash chaining of the electronic journal: each row's SHA-256 covers the previous row's hash.

Pure functions, shared by the writer (the store) and the verifier (``verify-journal``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS_HASH = "0" * 64

JOURNAL_FIELDS = (
    "seq",
    "uuid",
    "register_id",
    "tenant_id",
    "event_code",
    "created_at",
    "local_date",
    "local_time",
    "staff_id",
    "amount",
    "ref_id",
    "details",
)


def canonical_json(value: Any) -> str:
    """Stable JSON: sorted keys, no spaces, UTF-8 kept (so hashes do not depend on dict order)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def row_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the row's fields, in a fixed order."""
    parts = [prev_hash] + ["" if row[f] is None else str(row[f]) for f in JOURNAL_FIELDS]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def content_digest(value: Any) -> str:
    """SHA-256 of a document's canonical JSON (receipts put it in their journal row)."""
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()
