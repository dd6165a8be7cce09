"""A repair job: its statuses and the state machine between them, and the rules on its money.

State machine (``ALLOWED``; anything else raises IllegalTransition)::

    received ──> diagnosing ──> awaiting_approval ──> awaiting_parts ──> in_repair ──> ready
       │             │  ▲             │   ▲                 │   ▲           │  ▲        │
       │             │  └─────────────┘   └─────────────────┘   └───────────┘  └────────┘ (rework)
       └──> in_repair, not_repairable, returned_unrepaired                             │
    ready_for_pickup ──> collected           (only by paying at the till, or nothing to pay)
    not_repairable ──> returned_unrepaired | scrapped
    awaiting_approval ──> returned_unrepaired  (the customer said no)
    collected, returned_unrepaired, scrapped: final

Money: the estimate and the approval limit are agreed at intake. When the actual price of the
labour and parts exceeds the limit, the customer's approval (who, when, how) of at least that
amount must be recorded before the job can be collected.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from pos.errors import DomainError
from pos.money import Ore, format_nok


class RepairStatus(StrEnum):
    RECEIVED = "received"
    DIAGNOSING = "diagnosing"
    AWAITING_APPROVAL = "awaiting_approval"
    AWAITING_PARTS = "awaiting_parts"
    IN_REPAIR = "in_repair"
    READY_FOR_PICKUP = "ready_for_pickup"
    COLLECTED = "collected"
    NOT_REPAIRABLE = "not_repairable"
    RETURNED_UNREPAIRED = "returned_unrepaired"
    SCRAPPED = "scrapped"

    @property
    def label_nb(self) -> str:
        return _LABELS_NB[self]

    @property
    def final(self) -> bool:
        return not ALLOWED[self]

    @property
    def open(self) -> bool:
        """Still at the workshop: counts on the board and for overdue."""
        return not self.final


_LABELS_NB = {
    RepairStatus.RECEIVED: "Mottatt",
    RepairStatus.DIAGNOSING: "Feilsøking",
    RepairStatus.AWAITING_APPROVAL: "Venter på godkjenning",
    RepairStatus.AWAITING_PARTS: "Venter på deler",
    RepairStatus.IN_REPAIR: "Under reparasjon",
    RepairStatus.READY_FOR_PICKUP: "Klar til henting",
    RepairStatus.COLLECTED: "Hentet",
    RepairStatus.NOT_REPAIRABLE: "Kan ikke repareres",
    RepairStatus.RETURNED_UNREPAIRED: "Levert tilbake ureparert",
    RepairStatus.SCRAPPED: "Kassert",
}

S = RepairStatus
ALLOWED: dict[RepairStatus, frozenset[RepairStatus]] = {
    S.RECEIVED: frozenset(
        {S.DIAGNOSING, S.IN_REPAIR, S.AWAITING_APPROVAL, S.NOT_REPAIRABLE, S.RETURNED_UNREPAIRED}
    ),
    S.DIAGNOSING: frozenset(
        {S.AWAITING_APPROVAL, S.AWAITING_PARTS, S.IN_REPAIR, S.READY_FOR_PICKUP, S.NOT_REPAIRABLE}
    ),
    S.AWAITING_APPROVAL: frozenset(
        {S.DIAGNOSING, S.AWAITING_PARTS, S.IN_REPAIR, S.RETURNED_UNREPAIRED}
    ),
    S.AWAITING_PARTS: frozenset({S.AWAITING_APPROVAL, S.IN_REPAIR, S.NOT_REPAIRABLE}),
    S.IN_REPAIR: frozenset(
        {S.AWAITING_APPROVAL, S.AWAITING_PARTS, S.READY_FOR_PICKUP, S.NOT_REPAIRABLE}
    ),
    S.READY_FOR_PICKUP: frozenset({S.IN_REPAIR, S.COLLECTED}),
    S.NOT_REPAIRABLE: frozenset({S.RETURNED_UNREPAIRED, S.SCRAPPED}),
    S.COLLECTED: frozenset(),
    S.RETURNED_UNREPAIRED: frozenset(),
    S.SCRAPPED: frozenset(),
}
REOPEN_TARGETS = frozenset({S.RECEIVED, S.DIAGNOSING, S.IN_REPAIR})
"""Where a manager may reopen a finished job (``repair.reopened``; e.g. a warranty rework)."""


class IllegalTransition(DomainError):
    code = "illegal_transition"
    nb = "En reparasjon med status «{from_nb}» kan ikke settes til «{to_nb}»."
    en = "A repair with status '{from_status}' cannot be set to '{to_status}'."


class ApprovalRequired(DomainError):
    code = "approval_required"
    nb = (
        "Prisen {actual} kr er over det kunden har godkjent ({approved} kr). "
        "Registrer kundens godkjenning først."
    )
    en = (
        "The price {actual} kr is above what the customer approved ({approved} kr). "
        "Record the customer's approval first."
    )


class CollectAtTill(DomainError):
    code = "collect_at_till"
    nb = "Reparasjon {value} hentes ved å betale i kassen (skann lappen)."
    en = "Repair {value} is collected by paying at the till (scan the tag)."


@dataclass(frozen=True)
class RepairTicket:
    """The state of one job that the rules need; the full record lives in the store."""

    id: str
    tenant_id: str
    status: RepairStatus
    approval_limit: Ore
    approved_amount: Ore = 0
    """The highest amount the customer has approved since intake (0 if none recorded)."""
    actual: Ore = 0
    """Labour and parts on the job now."""

    @property
    def next_statuses(self) -> tuple[RepairStatus, ...]:
        """Where the state machine lets the job go from here, in workflow order."""
        return tuple(s for s in RepairStatus if s in ALLOWED[self.status])

    def transition(self, to: RepairStatus) -> RepairTicket:
        """The ticket in status ``to``; IllegalTransition unless the state machine allows it."""
        if to not in ALLOWED[self.status]:
            raise IllegalTransition(
                from_status=self.status.value,
                to_status=to.value,
                from_nb=self.status.label_nb,
                to_nb=to.label_nb,
            )
        return replace(self, status=to)

    @property
    def approved_up_to(self) -> Ore:
        return max(self.approval_limit, self.approved_amount)

    @property
    def needs_approval(self) -> bool:
        return self.actual > self.approved_up_to

    def check_collectable(self) -> None:
        """Pickup is refused while the price is above what the customer approved."""
        if self.needs_approval:
            raise ApprovalRequired(
                actual=format_nok(self.actual), approved=format_nok(self.approved_up_to)
            )
