"""Crash consistency: a child process sells (mixed tenants, split tenders, returns), prints
through the queue to a ``file://`` printer and syncs with a real server in its own process; it
is killed with SIGKILL at random moments (the server too, now and then) and after each kill the
store is opened as the app does at start and checked. See ``bench/_crash``.

``python -m bench crash`` kills the child ``OMIGJEN_BENCH_CRASH_KILLS`` times (default 200, about
17 minutes); inside the whole suite (``python -m bench`` with no names) it runs a short round of
``SUITE_KILLS`` (40, a few minutes) unless that variable is set. The table names the kill count.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from bench import Figure
from bench._crash.harness import CrashConfig, CrashHarness, CrashResult
from server.db import migrate
from server.pg_cluster import PgCluster

FULL_KILLS = 200
"""What the issue asks of ``python -m bench crash``: at least 200 random SIGKILLs."""
SUITE_KILLS = 40
"""The short round inside ``python -m bench`` (every benchmark in reasonable time)."""


def kills_wanted(in_suite: bool) -> int:
    """``OMIGJEN_BENCH_CRASH_KILLS`` if set (a positive whole number), else 200 or 40."""
    raw = os.environ.get("OMIGJEN_BENCH_CRASH_KILLS", "").strip()
    if not raw:
        return SUITE_KILLS if in_suite else FULL_KILLS
    if not raw.isdigit() or int(raw) < 1:
        raise SystemExit(f"OMIGJEN_BENCH_CRASH_KILLS must be a whole number >= 1, not {raw!r}")
    return int(raw)


def run(kills: int | None = None) -> list[Figure]:
    wanted = kills_wanted(in_suite=False) if kills is None else kills
    with PgCluster() as pg, tempfile.TemporaryDirectory() as tmp:
        url = pg.create_database("crash")
        migrate(url)
        result = CrashHarness(Path(tmp), CrashConfig(kills=wanted, database_url=url)).run()
    for problem in result.problems[:20]:
        print(problem, file=sys.stderr)
    return figures(result, wanted)


def run_in_suite() -> list[Figure]:
    """The short round ``python -m bench`` runs (``python -m bench crash`` runs the full one)."""
    return run(kills_wanted(in_suite=True))


def figures(result: CrashResult, wanted: int = FULL_KILLS) -> list[Figure]:
    local = result.local
    kind = "full run" if wanted >= FULL_KILLS else "short run; full: bench crash"
    return [
        Figure(f"kills planned ({kind})", wanted, "n"),
        Figure(
            "child processes killed (SIGKILL)",
            result.kills,
            "n",
            f">= {wanted}",
            result.kills >= wanted,
        ),
        Figure("server processes killed (SIGKILL)", result.server_kills, "n"),
        Figure("sales completed and logged", result.logged_sales, "n"),
        Figure("sales in the store (incl. killed before log)", local.sales, "n"),
        Figure("tenant receipts", local.receipts, "n"),
        Figure("outbox events", len(local.events), "n"),
        Figure(
            "events pushed by the children between kills", result.server_events_before_final, "n"
        ),  # fmt: skip
        Figure(
            "events on the server after the final sync",
            result.server_events,
            "n",
            "= outbox",
            result.server_events == len(local.events),
        ),  # fmt: skip
        Figure(
            "duplicate events on the server",
            result.server_duplicates,
            "n",
            "0",
            result.server_duplicates == 0,
        ),  # fmt: skip
        Figure(
            "events flagged or quarantined",
            result.server_flags + result.server_quarantined,
            "n",
            "0",
            result.server_flags + result.server_quarantined == 0,
        ),  # fmt: skip
        Figure("print jobs printed", local.jobs_printed, "n"),
        Figure("print jobs interrupted by a kill", local.jobs_interrupted, "n"),
        Figure("print jobs refused by an offline printer", local.jobs_refused, "n"),
        Figure("originals printed by a retry after a refusal", local.originals_again, "n"),
        Figure("problems found", len(result.problems), "n", "0", not result.problems),
        Figure("harness wall time", result.seconds, "s"),
    ]
