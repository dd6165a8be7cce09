"""A closed till is said at login, not at payment: right after a login the float is asked for
(``FloatDialog``); "Not now" leaves the sale screen saying the till is closed, and the sale
screen says so again whenever it comes back while the till is closed."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget

from ui.pages import PageContext
from ui.sale_widget import SaleWidget
from ui.tasks import TaskRunner
from ui.till_day.float_dialog import FloatDialog, float_opened
from ui.till_session import TillSession


class CounterWindow(Protocol):
    """What the flow uses of the main window (which creates it; typed here without importing
    it, so the two modules do not import each other)."""

    session: TillSession
    tasks: TaskRunner
    sale: SaleWidget
    page_context: PageContext

    @property
    def stack(self) -> QStackedWidget: ...

    @property
    def logged_in(self) -> bool: ...

    def log_out(self, message: str = "") -> None: ...

    def refresh_status(self) -> None: ...


class TillDayFlow(QObject):
    def __init__(self, window: CounterWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        window.page_context.extras.setdefault("log_out", window.log_out)
        window.stack.currentChanged.connect(self._screen_changed)

    def logged_in(self) -> FloatDialog | None:
        """Ask for the float when the till is closed; returns the dialog (None when open)."""
        session, sale = self.window.session, self.window.sale
        status = session.till_status()
        if status.is_open:
            return None
        dialog = FloatDialog(session, self.window.tasks, status, sale)
        dialog.till_opened.connect(lambda amount: sale.say(float_opened(session, amount)))
        dialog.till_opened.connect(lambda _amount: self.window.refresh_status())
        dialog.rejected.connect(self.say_closed)
        sale._open(dialog)
        return dialog

    def say_closed(self) -> None:
        self.window.sale.say(
            self.tr("The till is closed: nothing can be sold. Open it with the float: F1 → Till."),
            problem=True,
        )

    def _screen_changed(self, _index: int) -> None:
        """Back on the sale screen (after a page, or the login): said once the float is not
        being asked for (the login asks it right after this)."""
        QTimer.singleShot(0, self._say_if_closed)

    def _say_if_closed(self) -> None:
        window = self.window
        if not window.logged_in or window.stack.currentWidget() is not window.sale:
            return
        asking = window.sale.dialog
        if isinstance(asking, FloatDialog) and asking.isVisible():
            return
        if not window.session.till_status().is_open:
            self.say_closed()
