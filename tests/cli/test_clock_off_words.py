"""The command line says how far the clock is off by the status strip's rule (minutes, hours,
days), so the operator reads the same figure at the command line and in the window."""

from __future__ import annotations

from cli.sync_words import clock_off

MINUTE = 60_000


def test_the_skew_is_said_in_the_unit_the_window_uses() -> None:
    assert "kassens klokke går 5 minutter foran" in clock_off("nb", -5 * MINUTE)
    assert "går 1 minutt etter" in clock_off("nb", MINUTE)
    assert "går 47 timer foran" in clock_off("nb", -2809 * MINUTE)  # the strip: "47 t"
    assert "går 3 døgn etter" in clock_off("nb", 3 * 1440 * MINUTE)
    assert "clock is 47 hours ahead of" in clock_off("en", -2809 * MINUTE)
    assert "clock is 1 day behind" not in clock_off("en", 1440 * MINUTE)  # 24 h: hours
    assert "clock is 24 hours behind" in clock_off("en", 1440 * MINUTE)
