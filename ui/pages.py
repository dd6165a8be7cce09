"""Screens beyond the sale screen (repairs, back office, day end) plug in as pages: each area
package lists its ``PageSpec``s, the menu (F1) shows those the logged-in role may open, and the
main window builds a page the first time it is opened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from pos.model.printing import PrintJob
from pos.model.staff import Operator, Permission
from ui.tasks import TaskRunner
from ui.till_session import TillSession

if TYPE_CHECKING:
    from printers.printing import Printing


SYNC_NOW = "sync_now"
"""``PageContext.extras`` key of a callable that asks the background sync to push now (absent
while the counter has no central server)."""


@dataclass
class PageContext:
    """What a page may use: the till session (operator, services), the task runner for slow
    work, the register's printing (None when the queue is not wired, e.g. in some tests) and
    the data directory (photos, exports)."""

    session: TillSession
    tasks: TaskRunner
    printing: Printing | None = None
    data_dir: Path | None = None
    extras: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PageSpec:
    key: str
    label: Callable[[], str]
    """Translated label, read when the menu is shown (so the language may change)."""
    make: Callable[[PageContext], QWidget]
    permission: Permission | None = None
    """None: anyone logged in may open it."""
    shortcut: str = ""
    """The page's own key in the menu (a letter); pages without one get the next free key."""

    def allowed(self, operator: Operator | None) -> bool:
        if operator is None:
            return False
        return self.permission is None or operator.may(self.permission)


class PageWidget(QWidget):
    """Base for pages: emits ``close_requested`` to go back to the sale screen."""

    close_requested = Signal()
    """The page is done; show the sale screen again."""

    def on_shown(self) -> None:
        """Called each time the page is brought to the front (refresh lists here)."""

    def print_finished(self, job: PrintJob) -> None:
        """A print job ended (printed or failed) while the page is in front."""


def all_pages() -> list[PageSpec]:
    """Every area's pages, in menu order. One import per area keeps this the only join."""
    specs: list[PageSpec] = []
    areas = (
        "ui.till_day", "ui.receipts", "ui.repairs", "ui.backoffice", "ui.day_end",
        "ui.sync_screen",
    )  # fmt: skip
    for module_name in areas:
        try:
            module = __import__(module_name, fromlist=["pages"])
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        specs.extend(module.pages())
    return specs
