"""Every flag or refusal the server can give an event has words on the sync page, in bokmål:
a cashier is never left with a bare code such as ``chain_break``."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ui.conftest import log_in

SERVER = Path(__file__).resolve().parents[2] / "server"
# How the server names a problem: found.append(("code", ...)), return ("code", ...),
# reject = ("code", ...), ... else ("code", ...), conflict = ("code", ...),
# out.add(event, "rejected", "code").
SHAPES = (
    re.compile(
        r'(?:append\(\s*|return |reject = |conflict = |else )\(\s*"([a-z]+_[a-z_]+|malformed)",'
    ),
    re.compile(r'\.add\(\w+, "(?:rejected|flagged)", "([a-z_]+)"'),
)


def server_codes() -> set[str]:
    codes: set[str] = set()
    for source in SERVER.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        for shape in SHAPES:
            codes.update(shape.findall(text))
    return codes


def test_the_scan_finds_the_codes_it_should() -> None:
    codes = server_codes()
    expected = {"chain_break", "signature_invalid", "clock_ahead", "status_conflict"}
    assert expected | {"tenant_forbidden", "seq_conflict"} <= codes


def test_every_server_code_has_bokmal_words(window, bokmal) -> None:
    log_in(window, "9001", "9999")
    page = window.show_page("sync")
    english = {}
    for code in sorted(server_codes()):
        words = page.reason(code)
        assert words != code, f"no words for {code}"
        english[code] = words
    assert english["chain_break"].startswith("Kvitteringens"), english["chain_break"]


def test_a_record_dated_ahead_is_named_by_its_kind(window, bokmal) -> None:
    log_in(window, "9001", "9999")
    page = window.show_page("sync")
    kinds = (
        "sale.completed",
        "z_report.taken",
        "till.closed",
        "settlement.made",
        "item.registered",
    )
    page.show_problems([
        {"event_id": f"e{n}", "device_seq": n, "type": kind, "status": "flagged",
         "code": "clock_ahead"}
        for n, kind in enumerate(kinds, start=1)
    ])  # fmt: skip
    said = [page.problems.item(row, 3).text() for row in range(len(kinds))]
    ahead = " er datert mer enn fem minutter foran serverens klokke."
    assert said == [f"{what}{ahead}" for what in ("Salget", "Z-rapporten", "Kasselukkingen",
                                                  "Oppgjøret", "Registreringen")]  # fmt: skip
