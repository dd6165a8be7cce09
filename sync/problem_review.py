"""Letting go of the problems the server has resolved: an event it held in quarantine is
released once the operator approves its tenant or fixes the cause, and the counter would
otherwise list it as refused for ever. After each cycle the counter asks what became of the
events it still lists as held (``POST /v1/sync/event-states``) and keeps only what is still a
problem: a released event with no flag is cleared, one stored with flags stays as flagged."""

from __future__ import annotations

import logging

from pos.services import sync_state
from pos.unit_of_work import UnitOfWorkFactory
from sync.http import ServerApi, ServerError

log = logging.getLogger(__name__)
PER_REQUEST = 500


def review_held(uow_factory: UnitOfWorkFactory, api: ServerApi) -> int:
    """Ask about every event listed as held; returns how many problems were cleared."""
    held = sync_state.held_event_ids(uow_factory)
    cleared = 0
    for start in range(0, len(held), PER_REQUEST):
        chunk = held[start : start + PER_REQUEST]
        try:
            answer = api.post_json("/v1/sync/event-states", {"event_ids": chunk})
        except ServerError as error:
            if error.status != 404:
                raise
            log.warning("the server does not tell what became of held events (an older server)")
            return cleared
        cleared += sync_state.record_event_states(uow_factory, answer.get("events", []))
    return cleared
