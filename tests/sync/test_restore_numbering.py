"""A backup restored on a new PC, where the old PC's high-water mark is gone: sales wait until
the counter has enrolled again and learnt the server's heads, then continue after them, so the
server sees one unbroken chain and no number twice; verify-journal passes in the new folder."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from main import VERSION
from pos.clock import OSLO
from pos.counter import open_counter
from pos.day_end_errors import ZReportBeforeRestore
from pos.errors import NumberingCheckPending
from pos.services import auth, reports, sync_state
from pos.services.context import TillContext
from pos.services.restore import RestoreSession
from pos.services.verification import verify_store
from sync.enrolment import enrol
from tests.conftest import Shelf
from tests.sync.conftest import cycle, public_keys, sell


def test_a_restore_on_a_new_pc_continues_after_the_servers_numbers(
    enrolled, central, server_url, ctx, shelf, clock, tmp_path
):
    sell(enrolled, ctx, shelf, 1)
    backup = enrolled.backup("z").path
    sell(enrolled, ctx, shelf, 2)  # the café's receipts 2 and 3: on the server only
    assert cycle(enrolled).run().drained
    device_id = sync_state.enrolment(enrolled.uow).device_id
    enrolled.close()  # the old PC is gone

    new_pc = tmp_path / "new-pc"
    with RestoreSession(new_pc, backup, clock=clock) as session:
        assert session.preview.new_pc
        result = session.run(session.authenticate("9001", "9999"))
    assert result.new_key_version == "2" and result.wait_for_server

    with open_counter(new_pc, clock) as restored:
        cashier = auth.authenticate(restored.uow, "1001", "1234")
        till = TillContext("K1", cashier, restored.signer(), clock)
        with pytest.raises(NumberingCheckPending) as waiting:
            sell(restored, till, Shelf(restored), 1)
        assert "serveren" in waiting.value.message("nb")
        enrol(
            restored.uow,
            server_url,
            central.enrolment_code(device_id=device_id),
            device_name="K1",
            app_version=VERSION,
            public_keys=public_keys(restored),
        )
        clock.current = datetime.now(UTC)  # after the catch-up, journaled at the real time
        sell(restored, till, Shelf(restored), 1)
        with restored.uow.read() as uow:
            numbers = [r["number_text"] for r in uow.store.rows(
                "SELECT number_text FROM receipts ORDER BY number_text")]  # fmt: skip
        assert [n[-6:] for n in numbers] == ["000001", "000004"]
        assert verify_store(restored.uow, restored.keys.verifiers()).ok
        assert cycle(restored).run().drained
    flags = central.scalar(
        "SELECT count(*) FROM event_flags WHERE code IN ('chain_break', 'numbering_gap', "
        "'signature_invalid', 'unknown_key')"
    )
    assert flags == 0  # one unbroken chain on the server: 4 follows 3, signed with key 2


def test_a_day_the_server_holds_a_z_for_stays_closed_after_a_restore_on_a_new_pc(
    enrolled, central, server_url, ctx, boss, shelf, clock, tmp_path
):
    sell(enrolled, ctx, shelf, 1)
    backup = enrolled.backup("manual").path
    sell(enrolled, ctx, shelf, 1)
    taken = {z.tenant_id: z.z_number for z in reports.z_reports(enrolled.uow, boss)}
    day = clock.now().astimezone(OSLO).date().isoformat()
    assert cycle(enrolled).run().drained  # the Z reports are on the server only
    device_id = sync_state.enrolment(enrolled.uow).device_id
    enrolled.close()

    new_pc = tmp_path / "new-pc"
    with RestoreSession(new_pc, backup, clock=clock) as session:
        assert session.preview.enrolled and not session.preview.needs_confirmation
        session.run(session.authenticate("9001", "9999"))
    with open_counter(new_pc, clock) as restored:
        enrol(restored.uow, server_url, central.enrolment_code(device_id=device_id),
              device_name="K1", app_version=VERSION, public_keys=public_keys(restored))  # fmt: skip
        clock.current = datetime.now(UTC)  # after the catch-up, journaled at the real time
        manager = auth.authenticate(restored.uow, "9001", "9999")
        back_office = TillContext("K1", manager, restored.signer(), clock)
        with pytest.raises(ZReportBeforeRestore):
            reports.z_reports(restored.uow, back_office, day)
        assert not [
            d for d in reports.open_days(restored.uow, back_office) if d.business_date == day
        ]
        sell(restored, TillContext("K1", auth.authenticate(restored.uow, "1001", "1234"),
                                   restored.signer(), clock), Shelf(restored), 1)  # fmt: skip
        again = {z.tenant_id: z.z_number for z in reports.z_reports(restored.uow, back_office)}
    assert again == {t: n + 1 for t, n in taken.items() if t in again}
