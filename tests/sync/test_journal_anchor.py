"""Every sync leaves the counter's journal head on the server (a real PostgreSQL), kept
insert-only; ``verify-journal`` on an enrolled counter checks the journal against the newest
anchor there, so a tail cut cleanly after a sync is named; the next sync of a rewritten journal
is told so (``409 anchor_conflict``). That the app role cannot change or delete an anchor is
in ``tests/server/test_rls.py`` (every insert-only table)."""

from __future__ import annotations

import pytest

import main
from pos.counter import open_counter
from pos.services import sync_state
from pos.services.anchors import current_anchor
from sync.http import ServerApi, ServerError, SyncError
from tests.cli.test_tamper_evidence import cut_tail_cleanly, last_sale_row
from tests.sync.conftest import cycle, sell


def anchors_on_server(central) -> list[tuple[int, str]]:
    from sqlalchemy import text

    with central.admin() as conn:
        rows = conn.execute(text("SELECT seq, hash FROM journal_anchors ORDER BY id")).all()
    return [(int(seq), digest) for seq, digest in rows]


def verify(data_dir, capsys) -> tuple[int, str, str]:
    code = main.main(["--data-dir", str(data_dir), "verify-journal"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_each_sync_sends_the_journal_head_and_verify_journal_checks_it(
    enrolled, central, ctx, shelf, capsys
):
    sell(enrolled, ctx, shelf, 2)
    assert cycle(enrolled).run().drained
    head = current_anchor(enrolled.uow)
    assert anchors_on_server(central)[-1] == (head.seq, head.hash)
    cycle(enrolled).run()  # the same head again: kept once
    assert anchors_on_server(central).count((head.seq, head.hash)) == 1
    enrolled.close()
    code, out, _ = verify(enrolled.data_dir, capsys)
    assert code == 0
    assert f"Journalen har ankeret {head.text} (serveren, " in out


def test_a_tail_cut_cleanly_after_a_sync_is_named_by_the_servers_anchor(
    enrolled, central, ctx, shelf, capsys
):
    sell(enrolled, ctx, shelf, 3)
    assert cycle(enrolled).run().drained
    head = current_anchor(enrolled.uow)
    enrolled.close()
    cut_tail_cleanly(enrolled.data_dir, last_sale_row(enrolled.data_dir))
    code, _, err = verify(enrolled.data_dir, capsys)
    assert code == 1
    assert f"ankeret {head.text} (serveren, " in err and "mangler" in err
    with open_counter(enrolled.data_dir) as again:  # sells on over the cut: numbers reused
        sell(again, ctx.__class__("K1", ctx.operator, again.signer(), ctx.clock), shelf, 2)
        with pytest.raises(SyncError, match="journal was rewritten"):
            cycle(again).run()
        assert sync_state.sync_status(again.uow).unsynced == 0  # the sales still went up
    assert central.scalar(
        "SELECT count(*) FROM (SELECT seq FROM journal_anchors GROUP BY seq "
        "HAVING count(DISTINCT hash) > 1) c"
    ) >= 1


def test_verify_journal_goes_on_without_the_server_and_says_so(enrolled, ctx, shelf, capsys):
    sell(enrolled, ctx, shelf, 1)
    enrolled.close()
    with open_counter(enrolled.data_dir) as counter, counter.uow() as uow:  # the server moved
        uow.store.conn.exec_driver_sql("UPDATE sync_device SET server_url = 'http://127.0.0.1:9'")
        uow.commit()
    code, out, _ = verify(enrolled.data_dir, capsys)
    assert code == 0 and "Serveren svarte ikke" in out and "kontrollert uten" in out


def test_the_anchor_endpoint_refuses_garbage_and_knows_nothing_before_the_first(
    enrolled, server_url
):
    api = ServerApi(server_url, sync_state.enrolment(enrolled.uow).token)
    with pytest.raises(ServerError) as none_yet:
        api.get_json("/v1/anchor")
    assert (none_yet.value.status, none_yet.value.code) == (404, "no_anchor")
    with pytest.raises(ServerError) as bad:
        api.post_json("/v1/anchor", {"seq": 3, "hash": "not-a-hash"}, compress=False)
    assert bad.value.status in (400, 422)
    first = api.post_json("/v1/anchor", {"seq": 3, "hash": "a" * 64}, compress=False)
    assert (first["seq"], first["conflicts"]) == (3, 0)
    with pytest.raises(ServerError) as conflict:
        api.post_json("/v1/anchor", {"seq": 3, "hash": "b" * 64}, compress=False)
    assert (conflict.value.status, conflict.value.code) == (409, "anchor_conflict")
    assert api.get_json("/v1/anchor")["conflicts"] == 1


def test_a_re_enrolled_counter_is_anchored_afresh_and_the_old_anchors_stay(
    enrolled, central, server_url, ctx, shelf
):
    from main import VERSION
    from sync.enrolment import enrol
    from tests.sync.conftest import public_keys

    sell(enrolled, ctx, shelf, 1)
    cycle(enrolled).run()
    before = anchors_on_server(central)
    device = sync_state.enrolment(enrolled.uow).device_id
    enrol(enrolled.uow, server_url, central.enrolment_code(device_id=device), device_name="K1",
          app_version=VERSION, public_keys=public_keys(enrolled))  # fmt: skip
    api = ServerApi(server_url, sync_state.enrolment(enrolled.uow).token)
    with pytest.raises(ServerError) as none_yet:  # epoch 2 has no anchor yet
        api.get_json("/v1/anchor")
    assert none_yet.value.status == 404
    sell(enrolled, ctx, shelf, 1)
    cycle(enrolled).run()
    assert api.get_json("/v1/anchor")["device_epoch"] == 2
    assert anchors_on_server(central)[: len(before)] == before  # kept as evidence
