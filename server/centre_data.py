"""Staff and article groups a counter brings (``staff.registered``, ``article_group.registered``),
and the centre's company a manager changes (``centre.company_set``, ``server/centre_name.py``),
published as reference changes so the site's other counters pull them.

Staff are the site's: the counter sends the member with the PIN's scrypt hash (the PIN itself
never leaves the counter), and the server publishes it for the device's site only. A staff id
that another site holds is never moved by a counter (``staff_other_site``). Article groups are
shared by every site, so a counter only adds groups the server lacks; one it has is left as it
is (``ON CONFLICT DO NOTHING``).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection

from pos.sync_protocol import (
    ARTICLE_GROUP_REGISTERED,
    CENTRE_COMPANY_SET,
    MAX_TEXT,
    STAFF_REGISTERED,
)
from server import centre_name, refdata
from server.auth import Device
from server.db import Scope, apply_scope
from server.verify import Flags

ROLES = ("cashier", "technician", "manager")
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_STAFF_NO = re.compile(r"^[0-9]{1,10}$")
_SAFT_CODE = re.compile(r"^[0-9]{5}$")
MAX_HASH = 300


def _text(value: Any, limit: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= limit


def payload_problem(kind: str, payload: dict[str, Any]) -> tuple[str, str] | None:
    """A staff member or article group the server could never publish (quarantined)."""
    if kind == STAFF_REGISTERED:
        staff = payload.get("staff")
        if not isinstance(staff, dict) or not _ID.match(str(staff.get("id", ""))):
            return ("malformed", "staff must be an object with an id")
        if not _STAFF_NO.match(str(staff.get("staff_no", ""))) or not _text(staff.get("name")):
            return ("malformed", "staff needs a staff_no of 1-10 digits and a name")
        if staff.get("role") not in ROLES or not isinstance(staff.get("active"), bool):
            return ("malformed", "staff role must be cashier, technician or manager")
        if not _text(staff.get("pin_hash"), MAX_HASH):
            return ("malformed", "staff needs the PIN's hash")
        return None
    if kind == CENTRE_COMPANY_SET:
        problem = centre_name.company_problem(payload.get("company"))
        return ("malformed", problem) if problem else None
    group = payload.get("group")
    if not isinstance(group, dict) or not _ID.match(str(group.get("id", ""))):
        return ("malformed", "group must be an object with an id")
    if not _text(group.get("name")) or not _SAFT_CODE.match(str(group.get("saft_code", ""))):
        return ("malformed", "an article group needs a name and a 5-digit SAF-T code")
    return None


def apply(conn: Connection, device: Device, rows: list[dict[str, Any]]) -> Flags:
    """Publish the batch's staff and article groups in device order; returns review flags."""
    flags: Flags = {}
    apply_scope(conn, Scope.admin())  # staff are written for the site, groups for all sites
    try:
        groups = [r for r in rows if r["type"] == ARTICLE_GROUP_REGISTERED]
        refdata.put_new(conn, "article_group", [
            (r["payload"]["group"]["id"], None, _group_data(r["payload"]["group"]))
            for r in groups
        ])  # fmt: skip
        for row in rows:
            if row["type"] == CENTRE_COMPANY_SET:
                centre_name.set_company(conn, device.site_id, row["payload"]["company"],
                                        if_none=row["payload"].get("if_none") is True)  # fmt: skip
            if row["type"] == STAFF_REGISTERED and not _put_staff(conn, device, row):
                flags[row["event_id"]] = [
                    ("staff_other_site", "another site has a staff member with this id")
                ]
    finally:
        apply_scope(conn, device.scope)
    return flags


def _group_data(group: dict[str, Any]) -> dict[str, Any]:
    return {"name": group["name"], "saft_code": group["saft_code"]}


def _put_staff(conn: Connection, device: Device, row: dict[str, Any]) -> bool:
    staff = row["payload"]["staff"]
    found = refdata.current(conn, "staff", staff["id"])
    if found is not None and found["site_id"] not in (None, device.site_id):
        return False
    data = {k: staff[k] for k in ("staff_no", "name", "role", "pin_hash", "active")}
    if found is None or found.get("data") != data:
        refdata.put(conn, "staff", staff["id"], None, data, device.site_id)
    return True
