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


def test_a_change_of_tenant_terms_held_by_the_server_is_named_in_bokmal(window, bokmal) -> None:
    log_in(window, "9001", "9999")
    page = window.show_page("sync")
    assert page.words.event_type("tenant.terms_set") == "Leietakervilkår"


def kinds_said(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from pos.sync_protocol import KNOWN_EVENT_TYPES

    log_in(window, "9001", "9999")
    words = window.show_page("sync").words
    return {kind: words.event_type(kind) for kind in sorted(KNOWN_EVENT_TYPES)}


def test_every_kind_a_counter_pushes_is_named_in_bokmal(window, bokmal) -> None:
    said = kinds_said(window)
    assert said["centre.company_set"] == "Senterets firma"
    assert [kind for kind, words in said.items() if words == kind] == []


def test_every_kind_a_counter_pushes_is_named_in_english(window, english) -> None:
    said = kinds_said(window)
    assert said["centre.company_set"] == "The centre's company"
    assert [kind for kind, words in said.items() if words == kind] == []


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


def test_a_one_off_sold_at_two_counters_names_its_receipt_and_item(
    window, counter, ctx, shelf, bokmal
) -> None:
    from pos.model.basket import Basket
    from pos.model.payment import Tender, TenderKind
    from pos.services import checkout, sync_state

    one_off = shelf.one_off("11", 1)
    basket = Basket()
    basket.add(one_off)
    basket.add(shelf("KAFFE-MED"))  # another tenant's receipt, and no one-off
    paid = [Tender(TenderKind.CARD, basket.total)]
    sold = checkout.complete_sale(counter.uow, ctx, basket, paid)
    with counter.uow() as uow:
        [(seq, event_id, kind, *_)] = [
            e for e in uow.sync.outbox_after(0, 1000)
            if e[2] == "sale.completed" and e[3] == one_off.tenant_id
        ]  # fmt: skip
        uow.sync.add_problems([{"event_id": event_id, "device_seq": seq, "type": kind,
                                "status": "flagged", "code": "one_off_sold_twice"}])  # fmt: skip
        uow.commit()
    [problem] = sync_state.sync_problems(counter.uow)
    assert problem["items"] == [one_off.description]
    log_in(window, "9001", "9999")
    said = window.show_page("sync").problems.item(0, 3).text()
    assert said.startswith("Denne enkeltstående varen ble også solgt i en annen kasse")
    assert said.endswith(f" Kvittering {problem['receipt']}: {one_off.description}.")
    [receipt] = [r for r in sold.receipts if r.tenant_id == one_off.tenant_id]
    assert problem["receipt"] == receipt.number
