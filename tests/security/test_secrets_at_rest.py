"""Secrets at rest: the counter keeps PINs only as scrypt hashes; the server keeps device, admin
and tenant tokens and enrolment codes only as SHA-256 hashes (a stolen database logs no one in);
the sync client verifies TLS certificates unless told which authority to trust instead."""

from __future__ import annotations

import hashlib
import sqlite3

from main import VERSION
from pos.adapters.db import DB_FILE
from pos.services import staff, sync_state
from pos.services.context import TillContext
from sync.enrolment import enrol
from sync.http import ServerApi
from tests.central import live_server
from tests.sync.conftest import public_keys

PIN = "97531864"


def everything_in(counter) -> str:
    db = sqlite3.connect(counter.data_dir / DB_FILE)
    try:
        return "\n".join(db.iterdump())
    finally:
        db.close()


def server_dump(central) -> str:
    tables = central.scalar(  # a partitioned table read whole (its months are not granted)
        "SELECT string_agg(quote_ident(c.relname), ',') FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    ).split(",")
    return "\n".join(
        str(central.scalar(f"SELECT coalesce(json_agg(t)::text, '') FROM {name} t"))  # noqa: S608
        for name in tables
    )


def test_pins_are_stored_only_as_scrypt_hashes(counter, manager, clock):
    staff.set_pin(counter.uow, TillContext("K1", manager, counter.signer(), clock), "1001", PIN)
    dump = everything_in(counter)
    assert PIN not in dump
    with counter.uow.read() as uow:
        assert uow.store.staff_by_no("1001")["pin_hash"].startswith("scrypt$16384$8$1$")


def test_the_server_stores_tokens_and_enrolment_codes_only_as_hashes(counter, central):
    code = central.enrolment_code()
    admin = central.admin_token()
    with live_server(central) as url:
        enrol(counter.uow, url, code, device_name="K1", app_version=VERSION,
              public_keys=public_keys(counter))  # fmt: skip
    tenant = central.tenant_token(central.scalar("SELECT id FROM tenants LIMIT 1"))
    device = sync_state.enrolment(counter.uow).token
    dump = server_dump(central)
    for secret in (code, admin, tenant, device):
        assert secret not in dump
    assert hashlib.sha256(device.encode()).hexdigest() in dump


def test_the_sync_client_verifies_certificates_by_default():
    assert ServerApi("https://sync.example").verify is True
    assert ServerApi("https://sync.example", ca_file="/etc/omigjen/ca.pem").verify == (
        "/etc/omigjen/ca.pem"
    )
