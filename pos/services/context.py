"""What every counter service needs to know about where and by whom it is called."""

from __future__ import annotations

from dataclasses import dataclass, field

from pos.clock import Clock, Stamp, SystemClock
from pos.errors import PermissionDenied
from pos.model.drawer import DrawerSensor
from pos.model.staff import Operator, Permission, permitted
from pos.signing import Signer


@dataclass
class TillContext:
    register_id: str
    operator: Operator
    signer: Signer
    clock: Clock = field(default_factory=SystemClock)
    training: bool = False
    drawer: DrawerSensor | None = None
    """The register's drawer sensor, when a printer that can report it is wired in."""

    def stamp(self) -> Stamp:
        return Stamp.of(self.clock.now())

    def require(self, permission: Permission, approver: Operator | None = None) -> str | None:
        """Raise unless the operator or an approving manager may; returns the approver's id."""
        if not permitted(self.operator, approver, permission):
            raise PermissionDenied(permission.value)
        if self.operator.may(permission) or approver is None:
            return None
        return approver.staff_id
