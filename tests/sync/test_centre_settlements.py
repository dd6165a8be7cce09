"""A settlement in an enrolled centre is the centre's: the server settles a tenant over every
register of the site with the terms set at any counter, numbers it in one series per tenant
(never a duplicate), and refuses, naming the register and day, while a register's day with
sales has no Z. An offline counter settles nothing and says it needs the server."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

from datetime import UTC

import pytest
from sqlalchemy import text

from pos.day_end_errors import (
    CentreDayNotClosed,
    CentreRegisterNotSynced,
    CentreSettlementChanged,
    SettlementAlreadyCorrected,
    SettlementNeedsServer,
    SettlementOverlaps,
    SettlementPeriodNotClosed,
)
from pos.model.settlement import registers_text
from pos.services import reports, settlement, tenant_terms, till
from pos.services.verification import verify_store
from server import admin_ops
from server.web import users
from sync.http import ServerApi
from sync.settlements import ServerSettler, settler_for
from tests.sync.conftest import cycle, sell
from tests.sync.test_centre_saft import manager_at
from tests.sync.test_ticket_sync import counter_b, ctx_b, sync  # noqa: F401  (fixtures)
from tests.web.test_sign_in_and_bad_input import PASSWORD, sign_in

DAY = "2026-03-02"


def settler(counter):  # type: ignore[no-untyped-def]
    found = settler_for(counter.uow, lambda: cycle(counter).run())
    assert found is not None
    return found


def z_totals(counter, register: str) -> int:  # type: ignore[no-untyped-def]
    return sum(z.total_cash_sales for z in reports.stored_z_reports(counter.uow, "15", DAY, DAY,
                                                                     register))  # fmt: skip


def local_numbers(counter) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.number_text for d in settlement.settlement_docs(counter.uow, "15")]


def test_the_server_settles_every_register_once_numbered_for_the_centre(
    enrolled, counter_b, ctx, ctx_b, shelf, clock, central
):
    a, b = enrolled, counter_b
    tenant_terms.set_terms(a.uow, manager_at(a, "K1", clock), "15", commission_bp=2000,
                           monthly_rent=0, bank_account="1234.56.78903")  # fmt: skip
    till.open_till(b.uow, manager_at(b, "K2", clock), 50000)
    sell(a, ctx, shelf, 3)
    sell(b, ctx_b, shelf, 2)
    reports.z_reports(a.uow, manager_at(a, "K1", clock))
    sync(a, b)
    boss_b = manager_at(b, "K2", clock)
    with pytest.raises(CentreDayNotClosed) as refused:  # K2 sold that day and has no Z yet
        settlement.make_settlement(b.uow, boss_b, "15", "2026-03-01", DAY, centre=settler(b))
    assert (refused.value.params["register"], refused.value.params["day"]) == ("K2", DAY)
    assert "kasse K2" in refused.value.message("nb") and DAY in refused.value.message("nb")
    assert local_numbers(b) == [] and central.scalar("SELECT count(*) FROM site_settlements") == 0
    reports.z_reports(b.uow, boss_b)
    sync(b)
    doc = settlement.make_settlement(b.uow, boss_b, "15", "2026-03-01", DAY, centre=settler(b))
    both = z_totals(a, "K1") + z_totals(b, "K2")
    assert z_totals(a, "K1") and z_totals(b, "K2")
    assert doc.number_text == "OPPGJ-15-00001" and doc.line_amount("info:net_sales") == both
    assert (doc.registers, doc.centre_wide) == ("K1, K2", True)
    assert registers_text(doc) == "Kasser: K1, K2 (alle kassene i senteret)"
    commission = -doc.amount_of("commission:")
    assert commission == (both * 2000 + 5000) // 10000  # K1's terms, at K2
    assert doc.bank_account == "12345678903"
    assert local_numbers(b) == ["OPPGJ-15-00001"]  # kept, shown and filed at the counter
    # the next one, asked at K1, continues the centre's series; the same period is refused
    boss_a = manager_at(a, "K1", clock)
    with pytest.raises(SettlementOverlaps):
        settlement.make_settlement(a.uow, boss_a, "15", DAY, DAY, centre=settler(a))
    second = settlement.make_settlement(a.uow, boss_a, "15", "2026-02-01", "2026-02-28",
                                        centre=settler(a))  # fmt: skip
    assert second.number_text == "OPPGJ-15-00002" and second.net_payable == 0
    fix = settlement.correct_settlement(a.uow, boss_a, "15", "OPPGJ-15-00001", "Glemt gebyr",
                                        -5000, centre=settler(a))  # fmt: skip
    assert fix.number_text == "OPPGJ-15-00003" and fix.corrects_number == "OPPGJ-15-00001"
    assert fix.net_payable == -5000 and fix.registers == "K1, K2"
    assert local_numbers(a) == ["OPPGJ-15-00001", "OPPGJ-15-00002", "OPPGJ-15-00003"]  # 1 pulled
    numbers = central.scalar("SELECT string_agg(number::text, ',' ORDER BY number) "
                             "FROM site_settlements")  # fmt: skip
    assert numbers == "1,2,3"
    sync(a, b)  # nothing of them goes up again: the server holds each once
    assert central.scalar("SELECT count(*) FROM events WHERE type = 'settlement.made'") == 0
    for counter in (a, b):  # journaled at the counter that asked; the journals verify whole
        report = verify_store(counter.uow, counter.keys.verifiers())
        assert report.ok, report.problems


def test_an_enrolled_counter_offline_settles_nothing_and_says_it_needs_the_server(
    enrolled, ctx, shelf, clock
):
    sell(enrolled, ctx, shelf, 1)
    boss = manager_at(enrolled, "K1", clock)
    reports.z_reports(enrolled.uow, boss)
    offline = ServerSettler(ServerApi("http://127.0.0.1:9"), lambda _: "Kafé", None)
    for centre in (offline, None):
        with pytest.raises(SettlementNeedsServer) as refused:
            settlement.make_settlement(enrolled.uow, boss, "15", DAY, DAY, centre=centre)
        assert "sentrale serveren" in refused.value.message("nb")
        english = refused.value.message("en")  # all of it in English, the reason too
        assert "central server" in english and "serveren" not in english
        assert "forbindelse" not in english and "Oppgjør" not in english
    assert "(serveren svarer ikke)" in SettlementNeedsServer(reason="offline").message("nb")
    assert "(the server does not answer)" in SettlementNeedsServer(reason="offline").message("en")
    assert local_numbers(enrolled) == []


def test_the_web_lists_each_statement_once_and_a_tenant_only_its_own(
    enrolled, counter_b, ctx, ctx_b, shelf, clock, central
):
    a, b = enrolled, counter_b
    till.open_till(b.uow, manager_at(b, "K2", clock), 50000)
    sell(a, ctx, shelf, 2)
    sell(b, ctx_b, shelf, 1)
    for counter, register in ((a, "K1"), (b, "K2")):
        reports.z_reports(counter.uow, manager_at(counter, register, clock))
    sync(a, b)
    doc = settlement.make_settlement(b.uow, manager_at(b, "K2", clock), "15", DAY, DAY,
                                     centre=settler(b))  # fmt: skip
    cafe = settlement_tenant(b)
    with central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, "Asker")
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
        users.add_user(conn, users.NewUser("kafe", "Kafeen", "tenant", PASSWORD, tenant_id=cafe))
        bua = conn.execute(text("SELECT id FROM tenants WHERE code = '11'")).scalar()
        users.add_user(conn, users.NewUser("bua", "Bua", "tenant", PASSWORD, tenant_id=bua))
    for login in ("leder", "kafe"):
        client = central.client()
        assert sign_in(client, login).status_code in (200, 303)
        page = client.get(f"/settlements?from={DAY}&to={DAY}").text
        assert page.count('data-settlement="OPPGJ-15-00001"') == 1
        assert "K1, K2" in page and kr_text(doc.net_payable) in page
        csv = client.get(f"/settlements/{doc.settlement_id}.csv")
        assert csv.status_code == 200 and "OPPGJ-15-00001" in csv.text
    other = central.client()
    assert sign_in(other, "bua").status_code in (200, 303)
    assert "OPPGJ-15" not in other.get(f"/settlements?from={DAY}&to={DAY}").text
    assert other.get(f"/settlements/{doc.settlement_id}.pdf").status_code == 404


def settlement_tenant(counter) -> str:  # type: ignore[no-untyped-def]
    with counter.uow.read() as uow:
        return next(t.id for t in uow.store.tenants() if t.code == "15")


def kr_text(amount: int) -> str:
    from pos.money import format_nok

    return format_nok(amount)


def test_a_register_not_synced_through_the_period_is_named_and_a_day_to_come_refused(
    enrolled, counter_b, ctx_b, shelf, clock, central
):
    a, b = enrolled, counter_b
    till.open_till(b.uow, manager_at(b, "K2", clock), 50000)
    sell(b, ctx_b, shelf, 1)
    boss_b = manager_at(b, "K2", clock)
    reports.z_reports(b.uow, boss_b)
    sync(b)
    # K1 sold nothing, but the server last heard from it before the period ended
    central.scalar("UPDATE devices SET last_seen_at = '2026-03-01 12:00+01', last_pull_at = "
                   "'2026-03-01 11:00+01' WHERE id = "
                   "(SELECT device_id FROM site_registers WHERE register_id = 'K1') "
                   "RETURNING 1")  # fmt: skip
    with pytest.raises(CentreRegisterNotSynced) as refused:
        settlement.make_settlement(b.uow, boss_b, "15", DAY, DAY, centre=settler(b))
    assert refused.value.params == {"register": "K1", "day": DAY, "last_sync": "2026-03-01 12:00",
                                    "device": central.scalar("SELECT device_id FROM "
                                    "site_registers WHERE register_id = 'K1'")}  # fmt: skip
    assert "kasse K1" in refused.value.message("nb")
    with pytest.raises(SettlementPeriodNotClosed):  # a day to come is never settled
        settlement.make_settlement(b.uow, boss_b, "15", DAY, "2026-03-03", centre=settler(b))
    sync(a)  # K1 pulls again, its outbox drained: nothing of the period can be missing
    doc = settlement.make_settlement(b.uow, boss_b, "15", DAY, DAY, centre=settler(b))
    assert doc.registers == "K1, K2" and doc.line_amount("info:net_sales") == z_totals(b, "K2")


def test_a_retired_register_blocks_until_revoked_and_the_refusal_names_the_command(
    enrolled, counter_b, ctx_b, shelf, clock, central
):
    b = counter_b
    till.open_till(b.uow, manager_at(b, "K2", clock), 50000)
    sell(b, ctx_b, shelf, 1)
    boss_b = manager_at(b, "K2", clock)
    reports.z_reports(b.uow, boss_b)
    sync(b)
    # K1 was put away before the period and never synced again
    k1 = central.scalar("UPDATE devices SET last_seen_at = '2026-02-01 12:00+01', last_pull_at "
                        "= NULL WHERE id = (SELECT device_id FROM site_registers WHERE "
                        "register_id = 'K1') RETURNING id")  # fmt: skip
    with pytest.raises(CentreRegisterNotSynced) as refused:
        settlement.make_settlement(b.uow, boss_b, "15", DAY, DAY, centre=settler(b))
    assert refused.value.params["device"] == k1
    for lang in ("nb", "en"):
        said = refused.value.message(lang)
        assert "K1" in said and f"omigjen-server admin revoke-device --device {k1}" in said
    assert "ikke lenger brukes stopper alle oppgjør" in refused.value.message("nb")
    assert "no longer used blocks every settlement" in refused.value.message("en")
    with central.admin() as conn:
        assert admin_ops.revoke_device(conn, k1)
    doc = settlement.make_settlement(b.uow, boss_b, "15", DAY, DAY, centre=settler(b))
    assert doc.registers == "K2"


def test_whole_or_nothing_the_server_keeps_it_only_with_the_counters_files(
    enrolled, counter_b, ctx, clock, shelf, central
):
    a, b = enrolled, counter_b
    sell(a, ctx, shelf, 1)
    boss = manager_at(a, "K1", clock)
    reports.z_reports(a.uow, boss)
    sync(a, b)

    def files_fail(doc, payment_file):  # type: ignore[no-untyped-def]
        raise OSError("disken er full")

    with pytest.raises(OSError):
        settlement.make_settlement(a.uow, boss, "15", DAY, DAY, centre=settler(a),
                                   stage=files_fail)  # fmt: skip
    assert central.scalar("SELECT count(*) FROM site_settlements") == 0 and not local_numbers(a)

    def terms_change_meanwhile(doc, payment_file):  # type: ignore[no-untyped-def]
        tenant_terms.set_terms(b.uow, manager_at(b, "K2", clock), "15", commission_bp=1500,
                               monthly_rent=0)  # fmt: skip
        sync(b)

    with pytest.raises(CentreSettlementChanged):
        settlement.make_settlement(a.uow, boss, "15", DAY, DAY, centre=settler(a),
                                   stage=terms_change_meanwhile)  # fmt: skip
    assert central.scalar("SELECT count(*) FROM site_settlements") == 0 and not local_numbers(a)
    made: list[str] = []
    doc = settlement.make_settlement(a.uow, boss, "15", DAY, DAY, centre=settler(a),
                                     stage=lambda d, f: made.append(d.number_text))  # fmt: skip
    assert made == [doc.number_text] == ["OPPGJ-15-00001"] and local_numbers(a) == made
    assert central.scalar("SELECT id FROM site_settlements") == doc.settlement_id
    rates = [ln.description for ln in doc.lines if ln.kind.startswith("commission:")]
    assert rates and all(rate.endswith("15,00 %") for rate in rates)  # the terms as they are now


def test_a_person_the_centre_knows_as_no_manager_settles_nothing(enrolled, ctx, shelf, clock):
    from pos.errors import PermissionDenied
    from sync.http import ServerError
    from sync.settlements import refusal

    said = refusal(ServerError(403, "manager_required", "no", None, {}), "Kafé")
    assert isinstance(said, PermissionDenied) and "leder" in said.message("nb")
    sell(enrolled, ctx, shelf, 1)
    boss = manager_at(enrolled, "K1", clock)
    reports.z_reports(enrolled.uow, boss)
    forged = settler(enrolled)
    asked = forged.settle  # as if this counter's manager were a cashier at the centre

    def as_cashier(request):  # type: ignore[no-untyped-def]
        return asked({**request, "staff_id": ctx.operator.staff_id})

    forged.settle = as_cashier  # type: ignore[method-assign]
    with pytest.raises(PermissionDenied):
        settlement.make_settlement(enrolled.uow, boss, "15", DAY, DAY, centre=forged)
    assert local_numbers(enrolled) == []


def alone(counter, register: str, received: int, clock):  # type: ignore[no-untyped-def]
    """A statement this counter made alone before the centre settled on the server (as the
    trial's two counters each made OPPGJ-…-00001), pushed as ``settlement.made``."""
    from dataclasses import asdict

    from pos.model.settlement import SettlementDoc, SettlementLine

    tenant = settlement_tenant(counter)
    line = SettlementLine("received:cash", "Mottatt kontant", 0, received)
    doc = SettlementDoc(f"alone-{register}", 1, "OPPGJ-15-00001", tenant, "Kafé Kvisten SA",
                        "921100663", "", DAY, DAY, DAY, "", (line,))  # fmt: skip
    stamp = manager_at(counter, register, clock).stamp()
    with counter.uow() as uow:
        uow.store.append_outbox("settlement.made", tenant, stamp, asdict(doc))
        uow.commit()


def test_one_number_two_counters_made_alone_is_corrected_once_for_the_centre(
    enrolled, counter_b, ctx, shelf, clock, central
):
    a, b = enrolled, counter_b
    sell(a, ctx, shelf, 1)
    boss = manager_at(a, "K1", clock)
    reports.z_reports(a.uow, boss)
    alone(a, "K1", 1000, clock)
    alone(b, "K2", 2000, clock)
    sync(a, b)
    with pytest.raises(SettlementOverlaps):
        settlement.make_settlement(a.uow, boss, "15", DAY, DAY, centre=settler(a))
    why = "To kasser gjorde opp hver for seg"
    fix = settlement.correct_settlement(a.uow, boss, "15", "OPPGJ-15-00001", why,
                                        centre=settler(a))  # fmt: skip
    assert fix.number_text == "OPPGJ-15-00002" and fix.corrects_number == "OPPGJ-15-00001"
    taken_back = [ln.amount for ln in fix.lines if ln.kind == "reversal:received:cash"]
    assert sorted(taken_back) == [-2000, -1000]  # both counters' statements taken back
    assert fix.net_payable == fix.amount_of("received:") + fix.amount_of("commission") - 3000 + (
        fix.line_amount("rent") + fix.line_amount("rent_vat")
    )
    with pytest.raises(SettlementAlreadyCorrected):
        settlement.correct_settlement(a.uow, boss, "15", "1", "igjen", centre=settler(a))


def test_the_webs_statement_pdf_names_the_issuer_as_the_counters_does(
    enrolled, counter_b, ctx, shelf, clock, central, tmp_path
):
    """The statement charges commission with VAT: the web's copy names the centre's company
    and org.no. (changed at K1, settled at K2) word for word as the counter's PDF does."""
    from pdf.reports import settlement_pdf
    from pos.services import centre_company
    from tests.day_end.test_pdfs import pdf_text

    a, b = enrolled, counter_b
    centre_company.set_centre_company(a.uow, manager_at(a, "K1", clock), "Omigjen Asker AS",
                                      "923 456 783", "9710.05.12347")  # fmt: skip
    sell(a, ctx, shelf, 1)
    reports.z_reports(a.uow, manager_at(a, "K1", clock))
    sync(a, b)
    doc = settlement.make_settlement(b.uow, manager_at(b, "K2", clock), "15", DAY, DAY,
                                     centre=settler(b))  # fmt: skip
    issuer = centre_company.statement_issuer(b.uow)
    assert issuer == "Omigjen Asker AS, org.nr. 923456783"
    counter_pdf = pdf_text(settlement_pdf(doc, tmp_path / "counter.pdf", issuer))
    with central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, "Asker")
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
        users.add_user(conn, users.NewUser("kafe", "Kafeen", "tenant", PASSWORD,
                                           tenant_id=settlement_tenant(b)))  # fmt: skip
    for login in ("leder", "kafe"):
        client = central.client()
        assert sign_in(client, login).status_code in (200, 303)
        answer = client.get(f"/settlements/{doc.settlement_id}.pdf")
        assert answer.status_code == 200
        (tmp_path / f"{login}.pdf").write_bytes(answer.content)
        assert pdf_text(tmp_path / f"{login}.pdf") == counter_pdf
    assert f"Fra {issuer}" in counter_pdf


def test_an_idle_registers_empty_sync_after_the_day_counts_by_the_servers_clock(
    enrolled, counter_b, ctx, shelf, clock, central, monkeypatch
):
    """A register that sold nothing cannot take a Z; its sync once the day is over, with
    nothing to send or fetch, is what tells the server it holds everything. "Synced through the
    period" is judged by the server's clock, the one that says which day it is, not the
    database's (a server run on a faked day, or its PostgreSQL on another host's clock)."""
    from datetime import datetime as real_datetime

    import server.routes_sync
    import server.settlements

    at = {"now": real_datetime(2026, 3, 2, 19, 0, tzinfo=UTC)}  # DAY, evening in Oslo

    class ServerClock(real_datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
            return at["now"].astimezone(tz)

    for module in (server.routes_sync, server.settlements):
        monkeypatch.setattr(module, "datetime", ServerClock)
    a, b = enrolled, counter_b
    sell(a, ctx, shelf, 1)
    boss = manager_at(a, "K1", clock)
    reports.z_reports(a.uow, boss)
    sync(a, b)
    pulled = central.scalar("SELECT last_pull_at FROM devices WHERE id = (SELECT device_id "
                            "FROM site_registers WHERE register_id = 'K2')")  # fmt: skip
    assert pulled == at["now"]  # the server's clock stamps the sync, as it dates "today"
    with pytest.raises(CentreRegisterNotSynced) as refused:  # K2 could still sell today
        settlement.make_settlement(a.uow, boss, "15", DAY, DAY, centre=settler(a))
    said = refused.value.message("nb")
    assert "kasse K2" in said and "har den ikke, holder det å synkronisere den" in said
    assert "syncing it once the day is over is enough" in refused.value.message("en")
    at["now"] = real_datetime(2026, 3, 3, 6, 0, tzinfo=UTC)  # the next morning
    report = cycle(b).run()  # nothing to send, nothing new to fetch
    assert (report.pushed, report.pulled) == (0, 0)
    doc = settlement.make_settlement(a.uow, boss, "15", DAY, DAY, centre=settler(a))
    assert doc.registers == "K1, K2"
