"""Enrolling a counter with the central server: a one-time code for a device id and token.

The counter sends the public keys of its signing keys, so the server can verify every receipt
signature, and where its outbox stands, so a re-enrolled (restored) counter resumes there.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.services import signing_keys, sync_state
from pos.signing import HMAC_METHOD
from pos.unit_of_work import UnitOfWorkFactory
from sync.http import ServerApi


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    device_epoch: int
    site_id: str
    tenants: tuple[str, ...]


def enrol(
    uow_factory: UnitOfWorkFactory,
    server_url: str,
    code: str,
    *,
    device_name: str,
    app_version: str,
    public_keys: dict[str, str],
    hmac_keys: dict[str, str] | None = None,
    ca_file: str = "",
    api: ServerApi | None = None,
) -> Enrolled:
    api = api or ServerApi(server_url, ca_file=ca_file)
    answer = api.post_json(
        "/v1/enrol",
        {
            "enrol_code": code.strip(),
            "device_name": device_name,
            "app_version": app_version,
            "public_keys": public_keys,
            "hmac_keys": hmac_keys or {},
            "resume_after_seq": sync_state.acked_through(uow_factory),
        },
        compress=False,
    )
    sync_state.save_enrolment(
        uow_factory,
        server_url=server_url,
        ca_file=ca_file,
        device_id=answer["device_id"],
        device_epoch=int(answer["device_epoch"]),
        token=answer["device_token"],
        site_id=answer["site_id"],
    )
    signing_keys.mark_on_server(uow_factory, set(public_keys))
    signing_keys.mark_on_server(uow_factory, set(hmac_keys or {}), HMAC_METHOD)
    names = tuple(f"{t['code']} {t['name']}" for t in answer.get("tenants", []))
    return Enrolled(answer["device_id"], int(answer["device_epoch"]), answer["site_id"], names)
