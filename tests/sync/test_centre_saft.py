"""A tenant's SAF-T Cash Register file from the central server covers every register of the
centre: two counters sell for the same tenant, take their Z reports and sync, and the file
from ``omigjen-server admin saft`` and the web back office's download validates against
Skatteetaten's XSD, holds each register's receipts and Z reports, and each register's
signatures verify with openssl on that counter's own public key. The counter's own export
says it covers only its register."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

import base64
import contextlib
import io
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from pos.counter import Counter
from pos.services import auth, reports, till
from pos.services.context import TillContext
from pos.services.saft_export import export_saft
from server import admin_ops
from server.cli import main as server_main
from server.web import users
from tests.day_end.test_saft_export import NS, SCHEMA_FILE
from tests.sync.conftest import sell
from tests.sync.test_ticket_sync import counter_b, ctx_b, sync  # noqa: F401  (fixtures)
from tests.web.test_sign_in_and_bad_input import sign_in

DAY = "2026-03-02"
PASSWORD = "et langt passord"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


def manager_at(counter: Counter, register: str, clock) -> TillContext:  # type: ignore[no-untyped-def]
    return TillContext(register, auth.authenticate(counter.uow, "9001", "9999"),
                       counter.signer(), clock)  # fmt: skip


@pytest.fixture
def centre(enrolled, counter_b, ctx, ctx_b, shelf, clock):  # type: ignore[no-untyped-def]
    """Both counters sell coffee and buns (the café's), take their Z reports and sync."""
    till.open_till(counter_b.uow, manager_at(counter_b, "K2", clock), 50000)
    sell(enrolled, ctx, shelf, 3)
    sell(counter_b, ctx_b, shelf, 2)
    for counter, register in ((enrolled, "K1"), (counter_b, "K2")):
        reports.z_reports(counter.uow, manager_at(counter, register, clock))
    sync(enrolled, counter_b)
    return enrolled, counter_b


def cafe_id(counter: Counter) -> str:
    with counter.uow.read() as uow:
        return next(t.id for t in uow.store.tenants() if t.code == "15")


def admin_saft(central, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = server_main(["admin", "--database-url", central.url, "saft", *args])
    return code, out.getvalue(), err.getvalue()


def receipts(counter: Counter, tenant_id: str) -> list[str]:
    with counter.uow.read() as uow:
        rows = uow.store.rows(
            "SELECT number_text FROM receipts WHERE tenant_id = ? ORDER BY sig_nr", (tenant_id,)
        )
    return [r["number_text"] for r in rows]


def verify_chain(register: etree._Element, pem: bytes, work: Path) -> int:
    """Each transaction's signature over ``previous;date;time;nr;in;ex`` verifies with the
    counter's public key (openssl, independent of the signing code)."""
    work.mkdir(exist_ok=True)
    (work / "key.pem").write_bytes(pem)
    previous, checked = "0", 0
    for trans in register.iterfind("s:cashtransaction", NS):
        fields = ("transDate", "transTime", "nr", "transAmntIn", "transAmntEx")
        data = ";".join([previous, *(trans.findtext(f"s:{f}", namespaces=NS) for f in fields)])
        signature = trans.findtext("s:signature", namespaces=NS)
        (work / "data").write_bytes(data.encode("ascii"))
        (work / "sig").write_bytes(base64.b64decode(signature))
        run = subprocess.run(["openssl", "dgst", "-sha1", "-verify", str(work / "key.pem"),
                              "-signature", str(work / "sig"), str(work / "data")],
                             capture_output=True, text=True)  # fmt: skip
        assert run.returncode == 0 and "Verified OK" in run.stdout, (data, run.stderr)
        previous, checked = signature, checked + 1
    return checked


def check_file(doc: etree._ElementTree, schema, centre, tenant_id: str, work: Path) -> None:  # type: ignore[no-untyped-def]
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
    registers = {r.findtext("s:registerID", namespaces=NS): r
                 for r in doc.iterfind(".//s:cashregister", NS)}  # fmt: skip
    assert set(registers) == {"K1", "K2"}
    location = doc.findtext(".//s:location/s:name", namespaces=NS)
    assert location == "Omigjen ombrukssenter (demo)"  # the centre's name, not the site's
    for counter, name in zip(centre, ("K1", "K2"), strict=True):
        register = registers[name]
        listed = [t.findtext("s:transID", namespaces=NS)
                  for t in register.iterfind("s:cashtransaction", NS)]  # fmt: skip
        assert listed == receipts(counter, tenant_id) and listed
        assert all(f"-{name}-" in number for number in listed)
        z = [e.findtext("s:eventReport/s:reportID", namespaces=NS)
             for e in register.iterfind("s:event", NS)]  # fmt: skip
        assert z == [f"Z-15-{name}-1"]
        pem = counter.keys.public_key_pem()
        assert verify_chain(register, pem, work / "openssl") == len(listed)
        # each register's own key: K1's first key and K2's first key are not one "1"
        versions = {t.findtext("s:keyVersion", namespaces=NS)
                    for t in register.iterfind("s:cashtransaction", NS)}  # fmt: skip
        assert versions == {f"{name}-1"}
    # the staff who made the transactions are the file's employees, with their names
    employees = {e.findtext("s:empID", namespaces=NS): e.findtext("s:surName", namespaces=NS)
                 for e in doc.iterfind(".//s:employees/s:employee", NS)}  # fmt: skip
    used = {e.text for e in doc.iterfind(".//s:cashtransaction/s:empID", NS)}
    assert used and used <= set(employees) and "-" not in {employees[u] for u in used}


def key_versions(doc: etree._ElementTree, register: str) -> list[str | None]:
    return [t.findtext("s:keyVersion", namespaces=NS)
            for r in doc.iterfind(".//s:cashregister", NS)
            if r.findtext("s:registerID", namespaces=NS) == register
            for t in r.iterfind("s:cashtransaction", NS)]  # fmt: skip


def test_the_servers_file_covers_every_register_and_its_signatures_verify(
    centre, central, schema, clock, tmp_path
):
    tenant_id = cafe_id(centre[0])
    code, said, err = admin_saft(central, "--tenant", "15", "--from", DAY, "--to", DAY,
                                 "--out", str(tmp_path))  # fmt: skip
    assert code == 0, err
    path = Path(said.splitlines()[0])
    assert path.parent == tmp_path and path.name.startswith("SAF-T Cash Register_")
    assert "5 transactions from registers K1, K2" in said
    server_file = etree.parse(str(path))
    check_file(server_file, schema, centre, tenant_id, tmp_path)
    # each counter's own file names its transactions' keys as the centre's file does
    for counter, name in zip(centre, ("K1", "K2"), strict=True):
        (tmp_path / name).mkdir()
        own = export_saft(counter.uow, manager_at(counter, name, clock), "15", DAY, DAY,
                          tmp_path / name)  # fmt: skip
        own_file = etree.parse(str(own.path))
        assert schema.validate(own_file), schema.error_log.filter_from_errors()[:3]
        assert key_versions(own_file, name) == key_versions(server_file, name) == [f"{name}-1"] * (
            3 if name == "K1" else 2
        )
    assert [p.name for p in tmp_path.glob("*.part")] == []


def test_the_web_download_is_the_same_file_for_the_centre_manager(
    centre, central, schema, tmp_path
):
    tenant_id = cafe_id(centre[0])
    with central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, "Asker")
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
    client = central.client()
    assert sign_in(client, "leder").status_code in (200, 303)
    answer = client.get(f"/saft/file?tenant={tenant_id}&from={DAY}&to={DAY}")
    assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
    check_file(etree.fromstring(answer.content).getroottree(), schema, centre, tenant_id, tmp_path)


def test_the_tenants_own_download_names_the_staff_who_sold(centre, central, schema, tmp_path):
    tenant_id = cafe_id(centre[0])
    with central.admin() as conn:
        users.add_user(conn, users.NewUser("kafe", "Kafeen", "tenant", PASSWORD,
                                           tenant_id=tenant_id))  # fmt: skip
    client = central.client()
    assert sign_in(client, "kafe").status_code in (200, 303)
    answer = client.get(f"/saft/file?tenant={tenant_id}&from={DAY}&to={DAY}")
    assert answer.status_code == 200
    check_file(etree.fromstring(answer.content).getroottree(), schema, centre, tenant_id, tmp_path)


def test_bad_requests_are_refused_with_a_clear_message_and_no_file(central, enrolled, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for args, said in (
        (["--tenant", "99", "--from", DAY, "--to", DAY], "no tenant '99'"),
        (["--tenant", "15", "--from", "2026-03-31", "--to", DAY], "is after --to"),
        (["--tenant", "15", "--from", "2.3.2026", "--to", DAY], "must be a date YYYY-MM-DD"),
        (["--tenant", "15", "--from", "2020-01-01", "--to", DAY], "at most 3 years"),
    ):
        code, _, err = admin_saft(central, *args, "--out", str(out))
        assert code == 2 and said in err and "Traceback" not in err, (args, err)
    assert list(out.iterdir()) == []


def test_the_counters_own_export_says_it_covers_only_this_register(enrolled, ctx, shelf, clock,
                                                                    tmp_path):  # fmt: skip
    sell(enrolled, ctx, shelf)
    done = export_saft(enrolled.uow, manager_at(enrolled, "K1", clock), "15", DAY, DAY, tmp_path)
    comment = etree.parse(str(done.path)).findtext("s:header/s:headerComment", namespaces=NS)
    assert "Gjelder bare denne kassen (K1)" in comment and "sentrale tjeneren" in comment
    assert done.register_id == "K1"
