"""The login as it first shows, before the store is open.

Opening the store (SQLAlchemy loaded, the schema checked and migrated, every page checked) takes
longer than painting a window, so the login is painted first and the store is opened after it
(``ui.login_first``). Meanwhile the fields take what is typed, so the cashier sees it, and every
key is also kept (``KeyHandover``) and handed in order to the counter window once the store is
open: the login itself, a sale and every journal write wait for the store. A PIN sent early is
answered here and logged in as soon as the store is ready. The touch pad waits (its presses are
not keys that could be handed on). When opening takes longer than a moment (a migration after
an update, a large store), the login says that the store is being prepared.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.login_widget import LoginWidget
from ui.window_placement import roomy

PREPARING_NOTE_MS = 700
"""Opening the store usually takes less; longer, the login says why it waits."""


class EarlyLogin(QWidget):
    """A login with no store behind it yet; ``login=False`` (a counter with no store, set up
    next) shows only that the store is being prepared. ``names``: the centre's and the
    register's, when they could be read before the store is opened."""

    first_painted = Signal()
    """Painted once: the store may be opened now (after this paint is on the screen)."""

    def __init__(self, *, login: bool = True, names: tuple[str, str] | None = None) -> None:
        super().__init__()
        self.setObjectName("earlyLogin")
        # not "Omigjen POS – ...": that names the counter window
        self.setWindowTitle(self.tr("Counter starting – Omigjen POS"))
        roomy(self, 1280, 800)  # until it is fitted to its screen (``fill_screen``)
        self.painted_at: float | None = None
        """``time.perf_counter()`` when first painted (the benchmark's cold start ends there)."""
        centre, register = names or ("Omigjen POS", "")  # as the counter window will say them
        self.login = LoginWidget(register, centre, self)
        self.login.set_pad_enabled(False)
        self.login.login_requested.connect(self._asked_early)
        self.note = self.login.till_note
        """Where the login says why it waits."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.login)
        if not login:  # nobody to log in yet: the set-up follows once the store is made
            self.login.hide()
            self.note = QLabel(self.tr("Preparing the store…"), self)
            self.note.setObjectName("preparingNote")
            self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.note.setWordWrap(True)
            self.note.setStyleSheet("font-size: 20px;")
            layout.addWidget(self.note)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(PREPARING_NOTE_MS)
        self._note_timer.timeout.connect(self.show_preparing)
        self.login.reset()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.painted_at is None:
            self.painted_at = time.perf_counter()
            QTimer.singleShot(0, self, self.first_painted.emit)

    def opening(self) -> None:
        """The store is being opened: say so if it takes more than a moment."""
        self._note_timer.start()

    def opened(self) -> None:
        self._note_timer.stop()

    def show_preparing(self, said: str = "") -> None:
        """Why the login waits: what the store says it is doing (a migration's long step, how
        far it is), else that it is being prepared."""
        self.note.setText(said or self.tr("Preparing the store…"))

    def _asked_early(self, _staff_no: str, _pin: str) -> None:
        """Nothing is checked here: the keys go to the counter's login once the store is open."""
        self.login.message.say(
            self.tr("The counter is getting ready: you are logged in as soon as it is.")
        )
