"""Enrolling a counter with the central server: a one-time code for a device id and token.

The counter sends the public keys of its signing keys (so the server can verify every receipt
signature), where its outbox stands (so a re-enrolled, restored counter resumes there) and the
tenants it sells for: the server registers them for the site or holds them for the operator,
and answers with the site's tenants and what became of each one offered. It also says which
register it has sold as (none for a fresh store); the server answers with the register id and
label block this counter is at the site (``pos.services.centre_share``). Then it continues its
numbering after what the server holds for that register (``sync/heads.py``).

The code and the token travel in the request, so plain ``http://`` is refused unless the
server is on this machine (loopback) or the caller says ``insecure``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pos.clock import Clock
from pos.services import centre_company, centre_share, signing_keys, sync_state
from pos.services.setup import tenant_offer
from pos.signing import HMAC_METHOD
from pos.unit_of_work import UnitOfWorkFactory
from sync.heads import catch_up
from sync.http import ServerApi, SyncError


@dataclass(frozen=True)
class TenantOutcome:
    """One offered tenant: ``known``, ``registered``, ``pending`` (the operator decides) or
    ``refused`` (not a tenant the server can take), and why."""

    tenant_id: str
    code: str
    name: str
    status: str
    reason: str


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    device_epoch: int
    site_id: str
    tenants: tuple[str, ...]
    """The site's tenants as the server has them: "code name"."""
    offered: tuple[TenantOutcome, ...] = field(default=())
    register_id: str = ""
    label_block: int = 0
    shared: int = 0
    """Article groups, staff and items queued for the site's other counters."""


class InsecureServer(SyncError):
    """An ``http://`` address of another machine: the code and token would cross in clear."""


def check_transport(server_url: str, insecure: bool = False) -> None:
    """Refuse plain HTTP to anything but this machine, unless ``insecure``."""
    parts = urlsplit(server_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(f"{server_url!r} is not an http(s):// server address")
    if parts.scheme == "https" or insecure or _loopback(parts.hostname):
        return
    raise InsecureServer(
        f"{server_url} is plain http to another machine: the enrolment code and the device "
        "token would cross the network unencrypted; use https:// (or --insecure on a network "
        "you trust)"
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    insecure: bool = False,
    api: ServerApi | None = None,
    clock: Clock | None = None,
) -> Enrolled:
    check_transport(server_url, insecure)
    ca_file = str(Path(ca_file).resolve()) if ca_file else ""  # later syncs run from anywhere
    api = api or ServerApi(server_url, ca_file=ca_file)
    offered = _tenants(uow_factory)
    register_id, label_block = centre_share.claimed_register(uow_factory)
    answer = api.post_json(
        "/v1/enrol",
        {
            "enrol_code": code.strip(),
            "device_name": device_name,
            "app_version": app_version,
            "public_keys": public_keys,
            "hmac_keys": hmac_keys or {},
            "resume_after_seq": sync_state.acked_through(uow_factory),
            "tenants": offered,
            "register_id": register_id,
            "label_block": label_block,
            "centre_name": centre_share.centre_name(uow_factory),
            "centre_company": centre_company.shared(centre_company.centre_company(uow_factory)),
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
        site_name=str(answer.get("site_name") or ""),
    )
    signing_keys.mark_on_server(uow_factory, set(public_keys))
    signing_keys.mark_on_server(uow_factory, set(hmac_keys or {}), HMAC_METHOD)
    register = str(answer["register_id"]), int(answer["label_block"])
    centre_share.take_register(uow_factory, *register, clock)
    first = int(answer["device_epoch"]) == 1
    shared = centre_share.queue_centre(uow_factory, clock) if first else 0
    api.token = answer["device_token"]
    try:
        catch_up(uow_factory, api, int(answer["device_epoch"]), clock)
    except SyncError:  # enrolled all the same: the first sync cycle catches up instead
        pass
    names = tuple(f"{t['code']} {t['name']}" for t in answer.get("tenants", []))
    return Enrolled(
        answer["device_id"],
        int(answer["device_epoch"]),
        answer["site_id"],
        names,
        _outcomes(offered, answer.get("offered", [])),
        *register,
        shared,
    )


def _tenants(uow_factory: UnitOfWorkFactory) -> list[dict[str, object]]:
    with uow_factory.read() as uow:
        tenants = uow.tenants.tenants()
    return [tenant_offer(t) for t in tenants]


def _outcomes(
    offered: list[dict[str, object]], answers: list[dict[str, str]]
) -> tuple[TenantOutcome, ...]:
    names = {str(t["id"]): str(t["name"]) for t in offered}
    return tuple(
        TenantOutcome(
            str(a.get("id")),
            str(a.get("code", "")),
            names.get(str(a.get("id")), ""),
            str(a.get("status", "")),
            str(a.get("reason", "")),
        )
        for a in answers
    )
