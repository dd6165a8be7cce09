"""An enrolled counter's settlements are the centre's: it first sends what it has not sent (a
sync cycle: its sales and Z reports, and it pulls the terms), then asks the server to settle
(``POST /v1/settlements``), and turns the server's refusal into the counter's own words."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pos.day_end_errors import (
    CentreDayNotClosed,
    CentreRefusedSettlement,
    CentreRegisterNotSynced,
    CentreSettlementChanged,
    InvalidPeriod,
    SettlementAlreadyCorrected,
    SettlementNeedsServer,
    SettlementOverlaps,
    UnknownSettlement,
)
from pos.errors import DomainError, PermissionDenied
from pos.services import sync_state
from pos.unit_of_work import UnitOfWorkFactory
from sync.http import ServerApi, ServerError, SyncError, Unreachable

log = logging.getLogger(__name__)


class ServerSettler:
    """``pos.services.settlement.CentreSettler`` over HTTP."""

    def __init__(
        self, api: ServerApi, tenant_name: Callable[[str], str], before: Callable[[], Any] | None
    ) -> None:
        self.api, self.tenant_name, self.before = api, tenant_name, before

    def settle(self, request: dict[str, Any]) -> dict[str, Any]:
        if self.before is not None:  # once: the confirming request needs no second sync
            before, self.before = self.before, None
            try:
                before()
            except Unreachable as error:
                raise SettlementNeedsServer(reason=_offline(error)) from error
            except SyncError as error:  # sent what it could; the server judges the rest
                log.warning("sync before the settlement: %s", error.reason)
        try:
            answer = self.api.post_json("/v1/settlements", request)
        except Unreachable as error:
            raise SettlementNeedsServer(reason=_offline(error)) from error
        except ServerError as error:
            raise refusal(error, self.tenant_name(str(request.get("tenant_id")))) from error
        settlement = answer.get("settlement")
        if not isinstance(settlement, dict):
            raise CentreRefusedSettlement(reason="serveren svarte uten oppgjør")
        return settlement


def _offline(error: Unreachable) -> str:
    return "tls" if error.tls else "offline"


def refusal(error: ServerError, tenant: str) -> DomainError:
    """The server's refusal as the counter's own error, in the person's language."""
    body = error.body
    register, day = str(body.get("register") or ""), str(body.get("day") or "")
    if error.code == "settlement_day_not_closed":
        return CentreDayNotClosed(register=register, day=day, tenant=tenant)
    if error.code == "settlement_register_not_synced":
        last = str(body.get("last_sync") or "aldri")
        device = str(body.get("device") or "?")
        return CentreRegisterNotSynced(register=register, day=day, last_sync=last, device=device)
    if error.code == "settlement_overlaps":
        return SettlementOverlaps(tenant=tenant, number=body.get("number"),
                                  period=body.get("period"))  # fmt: skip
    if error.code == "settlement_already_corrected":
        return SettlementAlreadyCorrected(str(body.get("value")), latest=body.get("latest"))
    if error.code == "unknown_settlement":
        return UnknownSettlement(str(body.get("value") or error.detail))
    if error.code == "settlement_changed":
        return CentreSettlementChanged()
    if error.code == "invalid_period":
        return InvalidPeriod(str(body.get("value") or error.detail))
    if error.code == "manager_required":  # the centre knows this person as no manager
        return PermissionDenied(what_nb="oppgjør for senteret", what_en="the centre's settlement")
    if error.status in (401, 403):
        return SettlementNeedsServer(reason=f"{error.status} {error.code}")
    return CentreRefusedSettlement(reason=f"{error.code}: {error.detail}")


def settler_for(
    uow_factory: UnitOfWorkFactory, sync_first: Callable[[], Any] | None = None
) -> ServerSettler | None:
    """The server this counter is enrolled with (None: not enrolled, it settles alone)."""
    enrolled = sync_state.enrolment(uow_factory)
    if enrolled is None:
        return None
    api = ServerApi(enrolled.server_url, enrolled.token, ca_file=enrolled.ca_file)

    def tenant_name(tenant_id: str) -> str:
        with uow_factory.read() as uow:
            found = uow.tenants.tenant(tenant_id)
        return found.name if found is not None else tenant_id

    return ServerSettler(api, tenant_name, sync_first)
