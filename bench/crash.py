"""Crash consistency: a child process sells (mixed tenants, split tenders, returns), prints
through the queue to a ``file://`` printer and syncs with a real server in its own process; it
is killed with SIGKILL at random moments (the server too, now and then) and after each kill the
store is opened as the app does at start and checked. See ``bench/_crash``.

``OMIGJEN_BENCH_CRASH_KILLS`` (default 200) sets the number of kills.
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

KILLS = int(os.environ.get("OMIGJEN_BENCH_CRASH_KILLS", "200"))


def run() -> list[Figure]:
    with PgCluster() as pg, tempfile.TemporaryDirectory() as tmp:
        url = pg.create_database("crash")
        migrate(url)
        result = CrashHarness(Path(tmp), CrashConfig(kills=KILLS, database_url=url)).run()
    for problem in result.problems[:20]:
        print(problem, file=sys.stderr)
    return figures(result)


def figures(result: CrashResult) -> list[Figure]:
    local = result.local
    return [
        Figure(
            "child processes killed (SIGKILL)", result.kills, "n", ">= 200", result.kills >= 200
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
        Figure("problems found", len(result.problems), "n", "0", not result.problems),
        Figure("harness wall time", result.seconds, "s"),
    ]
