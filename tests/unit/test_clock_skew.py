"""The last sync's reading of the server's clock holds while the PC's clock runs as it did then:
set the PC's clock (its wall time moves otherwise than its monotonic clock) or restart it, and
the offset is unknown until the next sync. Over two minutes is a skew the counter shows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pos.model.clock_skew import CHANGED_MS, SKEW_LIMIT_MS, SkewReading, skewed

HOUR_MS = 3_600_000
READ = SkewReading(offset_ms=-3 * HOUR_MS, wall_ms=1_800_000_000_000, monotonic_s=5_000.0)


@given(st.floats(min_value=0, max_value=30 * 86400), st.integers(-CHANGED_MS + 10, CHANGED_MS - 10))
def test_a_reading_holds_while_the_pcs_clock_runs_as_it_did(elapsed_s, drift_ms):
    wall = READ.wall_ms + int(elapsed_s * 1000) + drift_ms
    assert READ.offset_now(wall, READ.monotonic_s + elapsed_s) == -3 * HOUR_MS


def test_a_pc_clock_set_since_or_a_restart_makes_the_offset_unknown():
    corrected = READ.wall_ms - 3 * HOUR_MS + 60_000  # set right a minute later
    assert READ.offset_now(corrected, READ.monotonic_s + 60) is None
    assert READ.offset_now(READ.wall_ms + 1000, READ.monotonic_s - 100) is None  # restarted


def test_a_reading_survives_its_text_and_bad_text_is_no_reading():
    assert SkewReading.from_json(READ.to_json()) == READ
    for text in (None, "", "{}", "[1]", '{"offset_ms": "x", "wall_ms": 1, "monotonic_s": 1}'):
        assert SkewReading.from_json(text) is None


def test_over_two_minutes_either_way_is_a_skew():
    assert not skewed(None) and not skewed(SKEW_LIMIT_MS) and not skewed(-SKEW_LIMIT_MS)
    assert skewed(SKEW_LIMIT_MS + 1) and skewed(-SKEW_LIMIT_MS - 1)
