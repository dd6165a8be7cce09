"""``python -m bench`` runs every benchmark in reasonable time: inside the whole suite the crash
harness makes a short round (40 kills); ``python -m bench crash`` keeps at least 200."""

from __future__ import annotations

import pytest

import bench.__main__ as bench_main
from bench import crash


@pytest.fixture
def planned(monkeypatch):
    """Record the kill count the crash benchmark is asked for instead of killing anything."""
    asked: list[int] = []

    def fake_run(kills: int | None = None) -> list:
        asked.append(crash.kills_wanted(False) if kills is None else kills)
        return crash.figures(crash.CrashResult(kills=asked[-1]), asked[-1])

    monkeypatch.setattr(crash, "run", fake_run)
    monkeypatch.setattr(bench_main, "available", lambda: ["crash"])
    monkeypatch.delenv("OMIGJEN_BENCH_CRASH_KILLS", raising=False)
    return asked


def test_the_whole_suite_runs_a_short_crash_round_and_says_so(planned, capsys):
    assert bench_main.main([]) == 0
    assert planned == [40]
    table = capsys.readouterr().out
    assert "kills planned (short run" in table and ">= 40" in table


def test_bench_crash_alone_keeps_200_kills(planned, capsys):
    assert bench_main.main(["crash"]) == 0
    assert planned == [200]
    assert "kills planned (full run)" in capsys.readouterr().out


def test_the_environment_sets_the_kill_count_for_both(planned, monkeypatch):
    monkeypatch.setenv("OMIGJEN_BENCH_CRASH_KILLS", "7")
    bench_main.main([])
    bench_main.main(["crash"])
    assert planned == [7, 7]
    monkeypatch.setenv("OMIGJEN_BENCH_CRASH_KILLS", "many")
    with pytest.raises(SystemExit, match="whole number"):
        crash.kills_wanted(True)
