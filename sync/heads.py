"""Catching up with the server's numbering: at enrolment and at the first sync of every
enrolment epoch (a restored counter enrols again), the counter asks what the server holds for
its register and continues every receipt series, signature chain and Z number after it (a day
the server holds a Z for stays closed). So a store
restored on a new PC, where the high-water mark of the old one is gone, still never gives a
receipt number out twice."""

from __future__ import annotations

import logging
from typing import Any

from pos.clock import Clock
from pos.numbering import Heads, day_value, z_day_counter
from pos.services import continuity
from pos.unit_of_work import UnitOfWorkFactory
from sync.http import ServerApi, ServerError

log = logging.getLogger(__name__)


def heads_from_answer(answer: dict[str, Any], register_id: str) -> Heads:
    """The server's answer as the counter's own heads (series names as the store counts)."""
    chains = {
        (c["tenant_id"], register_id): (int(c["last_nr"]), str(c["last_signature"]))
        for c in answer.get("chains", [])
    }
    counters = {
        f"receipt:{n['kind']}:{n['tenant_id']}:{register_id}": int(n["last_number"])
        for n in answer.get("numbers", [])
    }
    for z in answer.get("z_reports", []):  # an older server does not say
        counters[f"z:{z['tenant_id']}:{register_id}"] = int(z["last_z_number"])
        counters[z_day_counter(z["tenant_id"], register_id)] = day_value(z["business_date"])
    return Heads(counters, chains)


def catch_up(
    uow_factory: UnitOfWorkFactory, api: ServerApi, epoch: int, clock: Clock | None = None
) -> int | None:
    """Learn the server's heads if due; returns the signature numbers skipped (None: not due,
    or a server too old to say, which leaves a waiting restore waiting). Any rows it journals
    are stamped by the counter's clock over ``clock`` (default: the system's)."""
    if not continuity.server_heads_due(uow_factory, epoch):
        return None
    with uow_factory.read() as uow:
        register_id = uow.meta.get_meta("register_id") or "K1"
    try:
        answer = api.get_json("/v1/sync/heads", {"register_id": register_id})
    except ServerError as error:
        if error.status != 404:
            raise
        log.warning("the server does not tell its numbering heads (an older server)")
        return None
    heads = heads_from_answer(answer, register_id)
    return continuity.learn_server_heads(uow_factory, register_id, heads, epoch, clock)
