"""Which register each counter of a site is: a register id (K1, K2, ...) and a label block
(1-99), both unique within the site, given at enrolment and kept across re-enrolments.

Receipt numbers carry the register id and in-store labels the block, so two counters of one
site can never hand out the same number or label. A counter that already holds history
(``claimed``: it has sold as register R with block B) keeps R and B if no other counter of the
site has them; a fresh counter gets the lowest free ones. Two counters claiming one register
(a second centre enrolled with this site's code, a counter restored from another counter's
backup) are refused, so nothing is mixed; so is a counter set up as a centre of its own (none
of its tenants is the site's) where a counter has brought the site its centre already, even one
that has never sold (``refuse_other_centre``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from server.problems import Problem

MAX_BLOCK = 99
_REGISTER_ID = re.compile(r"^[A-Za-z0-9_-]{1,20}$")


@dataclass(frozen=True)
class Register:
    register_id: str
    label_block: int


def valid_claim(register_id: str | None, label_block: int | None) -> bool:
    ok_id = register_id is None or _REGISTER_ID.match(register_id) is not None
    return ok_id and (label_block is None or 1 <= label_block <= MAX_BLOCK)


def assign(
    conn: Connection, site_id: str, device_id: str, claimed: str | None, block: int | None
) -> Register:
    """The device's register at the site: the one it has, the one it claims, or a new one."""
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:s, 11))"), {"s": site_id})
    taken = _site_registers(conn, site_id)
    held = next((r for r, (_, d) in taken.items() if d == device_id), None)
    if held is not None:
        if claimed not in (None, held):
            raise _refused(f"this device is register {held} of the site, but the counter "
                           f"has sold as register {claimed}")  # fmt: skip
        return Register(held, taken[held][0])
    if claimed is not None:
        return _claim(conn, site_id, device_id, taken, claimed, block)
    number = next(n for n in range(1, MAX_BLOCK + 2) if f"K{n}" not in taken)
    return _insert(conn, site_id, device_id, f"K{number}", _free_block(taken, number))


def refuse_other_centre(
    conn: Connection, site_id: str, device_id: str, centre: str | None, offered: list[Any]
) -> None:
    """A counter that brings a centre (its name and tenants) to a site whose centre another
    counter brought, with none of the tenants the site has: another centre's counter enrolled
    with this site's code. Refused (``centre_other``) before anything is stored, so its tenants,
    staff and items never reach this centre's counters. A counter of this centre (set up from
    the server, or re-enrolled) offers the site's own tenants; an empty one offers none."""
    ids = [o["id"] for o in offered if isinstance(o, dict) and isinstance(o.get("id"), str)]
    centre = (centre or "").strip()
    if not ids or not centre:
        return
    site_centre = conn.execute(
        text(
            "SELECT c.data->>'name' FROM ref_current c WHERE c.entity = 'centre' "
            "AND c.entity_id = :s AND NOT c.deleted"
        ),
        {"s": site_id},
    ).scalar()
    if not site_centre:
        return  # no counter has brought the centre yet: this one may be its first
    known = conn.execute(
        text(
            "SELECT 1 FROM site_tenants WHERE site_id = :s AND tenant_id = ANY(:ids) UNION ALL "
            "SELECT 1 FROM tenant_requests WHERE site_id = :s AND tenant_id = ANY(:ids) "
            "AND device_id IS DISTINCT FROM :d LIMIT 1"
        ),
        {"s": site_id, "ids": ids, "d": device_id},
    ).first()
    if known is None:
        raise Problem(
            409,
            "centre_other",
            f"this site's centre is {site_centre}, and this counter is set up as another "
            f"centre ({centre}) with tenants the site does not have: enrol it with a "
            "code of its own centre's site; a second counter of this centre starts from an "
            "empty data directory",
        )


def _claim(
    conn: Connection,
    site_id: str,
    device_id: str,
    taken: dict[str, tuple[int, str]],
    claimed: str,
    block: int | None,
) -> Register:
    if claimed in taken:
        raise _refused(
            f"another counter of this site is register {claimed} already: this counter has "
            f"sold as {claimed} (a counter of another centre, or one restored from another "
            "counter's backup?). Re-enrol a restored counter with the code made for its own "
            "device (enrolment-code --device ID)"
        )
    blocks = {b for b, _ in taken.values()}
    if block is not None and block in blocks:
        raise _refused(f"label block {block} belongs to another counter of this site")
    return _insert(conn, site_id, device_id, claimed, block or _free_block(taken, 1))


def _free_block(taken: dict[str, tuple[int, str]], wanted: int) -> int:
    blocks = {b for b, _ in taken.values()}
    if 1 <= wanted <= MAX_BLOCK and wanted not in blocks:
        return wanted
    free = [b for b in range(1, MAX_BLOCK + 1) if b not in blocks]
    if not free:
        raise _refused("the site has no free label block left (99 counters)")
    return free[0]


def _site_registers(conn: Connection, site_id: str) -> dict[str, tuple[int, str]]:
    found = conn.execute(
        text("SELECT register_id, label_block, device_id FROM site_registers WHERE site_id = :s"),
        {"s": site_id},
    )
    return {r: (b, d) for r, b, d in found}


def _insert(
    conn: Connection, site_id: str, device_id: str, register_id: str, block: int
) -> Register:
    conn.execute(
        text(
            "INSERT INTO site_registers (site_id, register_id, label_block, device_id) "
            "VALUES (:s, :r, :b, :d)"
        ),
        {"s": site_id, "r": register_id, "b": block, "d": device_id},
    )
    return Register(register_id, block)


def name_device(conn: Connection, device_id: str, name: str) -> None:
    conn.execute(text("UPDATE devices SET name = :n WHERE id = :d"), {"n": name, "d": device_id})


def _refused(detail: str) -> Problem:
    return Problem(409, "register_taken", detail)
