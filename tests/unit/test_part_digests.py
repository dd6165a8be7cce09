"""A receipt's journal row names each part of its facts by the first 16 hex digits of the
part's SHA-256 (the whole digest beside them is what proves nothing changed); rows written
with the full 64 digits compare the same way."""

from __future__ import annotations

from pos.journal import content_digest
from pos.receipt_digest import PART_HEX, PART_NAMES, part_digests, part_matches

CONTENT = {
    "v": 2,
    "receipt": {"number_text": "11-K1-000001", "total": 19900},
    "sale": {"id": "s1", "staff_id": "k1"},
    "lines": [[1, "i1", "Genser", 1, 19900, 0, 19900, "25", 3980]],
    "payments": [["t1", 19900, "card", "T1", None, 19900, 19900]],
}


def test_each_part_is_named_by_64_bits_of_its_digest():
    parts = part_digests(CONTENT)
    assert set(parts) == set(PART_NAMES)
    for name, digest in parts.items():
        assert len(digest) == PART_HEX == 16
        assert content_digest(CONTENT[name]).startswith(digest)


def test_a_part_journaled_cut_or_whole_matches_and_a_changed_part_does_not():
    whole = content_digest(CONTENT["payments"])
    assert part_matches(whole[:PART_HEX], whole)
    assert part_matches(whole, whole)  # a row written before the digests were cut
    changed = content_digest([["t1", 19900, "cash", "", None, 19900, 20000]])
    assert not part_matches(whole[:PART_HEX], changed)
    assert not part_matches(None, whole) and not part_matches("", whole)
