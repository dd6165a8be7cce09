"""Journal anchors and the server: the counter's journal head is sent at every sync
(``POST /v1/anchor``), and ``verify-journal`` reads back the newest the server holds
(``GET /v1/anchor``) to check the journal against evidence the counter cannot rewrite."""

from __future__ import annotations

import logging
from datetime import datetime

from pos.clock import OSLO
from pos.journal_anchor import Anchor
from pos.services import anchors
from pos.services.anchors import current_anchor
from pos.unit_of_work import UnitOfWorkFactory
from sync.http import ServerApi, ServerError

log = logging.getLogger(__name__)


def send_anchor(uow_factory: UnitOfWorkFactory, api: ServerApi) -> str | None:
    """Send the journal head; returns a problem a person must see, if any.

    Only a transient failure is raised (the cycle backs off). A server without the endpoint
    (404) is logged and ignored: the sales matter more than the anchor."""
    anchor = current_anchor(uow_factory)
    if anchor.seq == 0 or anchors.sent_already(uow_factory, anchor):
        return None
    body: dict[str, object] = {"seq": anchor.seq, "hash": anchor.hash}
    known = anchors.server_anchor_seq(uow_factory)
    if known is not None:  # our own view of the row the server anchored last
        body["previous"] = {"seq": known, "hash": anchors.row_hash_at(uow_factory, known)}
    try:
        answer = api.post_json("/v1/anchor", body, compress=False)
    except ServerError as error:
        if error.transient:
            raise
        if error.code == "anchor_conflict":
            return f"{error.detail}; run verify-journal"
        log.warning("journal anchor not accepted: %s", error.reason)
        return None
    anchors.mark_server_anchor(uow_factory, int(answer["seq"]), anchor)
    return None


def server_anchor(api: ServerApi) -> Anchor | None:
    """The newest anchor the server holds for this counter, None before the first."""
    try:
        answer = api.get_json("/v1/anchor")
    except ServerError as error:
        if error.status == 404:
            return None
        raise
    received = oslo_minute(str(answer["received_at"]))
    return Anchor(int(answer["seq"]), str(answer["hash"]), f"the server, {received}")


def oslo_minute(stamp: str) -> str:
    """The server's time (ISO, UTC) in Norwegian time, as the counter says every other time
    (``admin devices`` and the web do too); the text as given when it is no time."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:16].replace("T", " ")
    if moment.tzinfo is None:
        return stamp[:16].replace("T", " ")
    return moment.astimezone(OSLO).strftime("%Y-%m-%d %H:%M")
