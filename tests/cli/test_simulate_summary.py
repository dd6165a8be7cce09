"""``simulate`` says what it made in readable lines, in the interface's language: each kind of
refusal by the rules on its own line with the counter's own message (never a Python dict), and
a ``--start`` before the store's history names the store's real last record."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime

import pytest

from pos.clock import OSLO
from tests.faketime import main_at

EVENING = "2026-03-04 18:00:00"  # UTC: 19:00 in Oslo, after the demo's opening hours
LATER = "2026-03-04 18:30:00"


@pytest.mark.parametrize(
    ("lang", "refused", "each"),
    [("nb", r"(\d+) avvist av reglene", r"^  avvist (\d+) gang"),
     ("en", r"(\d+) refused by the rules", r"^  refused (\d+) time")],
)  # fmt: skip
def test_the_summary_is_readable_lines_with_each_refusal_said(tmp_path, lang, refused, each):
    done = main_at(EVENING, tmp_path, "--lang", lang, "simulate", "--days", "3",
                   "--sales-per-day", "150", "--seed", "2")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "{" not in done.stdout and "}" not in done.stdout and "'" not in done.stdout
    total = int(re.search(refused, done.stdout).group(1))  # type: ignore[union-attr]
    said = [int(n) for n in re.findall(each, done.stdout, re.MULTILINE)]
    assert total > 0 and sum(said) == total  # every refusal is accounted for, by kind
    first_kind = next(line for line in done.stdout.splitlines() if re.match(each, line))
    assert "_" not in first_kind.split(":", 1)[1]  # the counter's message, not an error code


def test_a_start_before_the_history_names_the_real_last_record(tmp_path):
    made = main_at(EVENING, tmp_path, "simulate", "--days", "2", "--sales-per-day", "20")
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(tmp_path / "omigjen.sqlite3") as db:
        (stamp,) = db.execute("SELECT created_at FROM journal ORDER BY seq DESC").fetchone()
    last = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(OSLO)
    shown = f"{last:%Y-%m-%d %H:%M:%S}"
    for lang, said in (("nb", f"siste registrering er fra {shown}"),
                       ("en", f"last record is from {shown}")):  # fmt: skip
        refused = main_at(LATER, tmp_path, "--lang", lang, "simulate", "--start", "2026-03-01")
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
        assert "2026-03-05 09:00" in refused.stderr  # the earliest start: the next morning
