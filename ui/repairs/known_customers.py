"""Earlier repair customers that fit what is typed into the intake's name or phone, shown under
them as they are typed (after a short pause, looked up off the GUI thread). Down from either
field goes into the list; Enter or a tap picks one. The rule of who fits is the core's
(``repair_customers.find_customers``); this only shows it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

from pos.services.repair_customers import KnownCustomer, find_customers
from ui.repairs.desk import RepairDesk
from ui.tasks import TaskRunner

PAUSE_MS = 250
"""The pause in typing after which earlier customers are looked up."""


class KnownCustomersList(QListWidget):
    chosen = Signal(object)
    """A returning customer was picked: (their KnownCustomer)."""

    def __init__(
        self,
        desk: RepairDesk,
        tasks: TaskRunner,
        name: QLineEdit,
        phone: QLineEdit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("knownCustomers")
        self.setMaximumHeight(110)
        self.setWordWrap(True)  # a long e-mail wraps rather than scrolling out of sight
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Down or a tap, never Tab: the form typed from the keyboard goes on past the list
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.desk, self.tasks, self.name, self.phone = desk, tasks, name, phone
        self.found: tuple[KnownCustomer, ...] = ()
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.look_up)
        for field in (name, phone):
            field.textEdited.connect(lambda _text: self._pause.start())
            field.installEventFilter(self)
        self.itemActivated.connect(lambda item: self._choose(self.row(item)))
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.isVisible()
        ):
            self.setCurrentRow(0)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def look_up(self) -> None:
        self._pause.stop()
        name, phone = self.name.text(), self.phone.text()
        self.tasks.run(
            lambda: find_customers(self.desk.uow, name=name, phone=phone),
            self.show_found,
            lambda _error: self.show_found(()),
        )

    def show_found(self, found: tuple[KnownCustomer, ...]) -> None:
        self.found = found
        self.clear()
        for known in found:
            shown = " · ".join(part for part in (known.name, known.phone, known.email) if part)
            jobs = self.tr("Jobs here: %1, the last %2").replace("%1", str(known.jobs))
            self.addItem(f"{shown}\n{jobs.replace('%2', known.last_job)}")
        self.setVisible(bool(found))

    def forget(self) -> None:
        self._pause.stop()
        self.show_found(())

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.found):
            known = self.found[row]
            self.forget()
            self.chosen.emit(known)
