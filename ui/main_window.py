"""The counter window: the status strip, training banner, unprinted-receipt warning and
refused-scan banner always on top, then either the login screen or the sale screen. Routes
every scan to whatever is in front (``ScanRouter``), and locks when idle."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from pos.errors import StoreDamaged
from pos.model.legal_time import ClockBehind, ClockUnconfirmed
from pos.model.printing import JobKind, JobStatus, PrintJob
from pos.model.staff import Operator, Role
from pos.services import recovery
from pos.services.legal_time import ClockState
from ui.button_keys import ButtonKeysFirst
from ui.common import error_text, touch_button
from ui.drawer_kick_text import drawer_not_opened, drawer_opened
from ui.idle_watcher import IdleWatcher
from ui.login_widget import LoginWidget
from ui.message_line import clear_messages
from ui.page_stack import PageStack
from ui.pages import PageContext, PageSpec, PageWidget, all_pages
from ui.print_warning import PrintWarning
from ui.refusal_banner import RefusalBanner
from ui.sale_widget import SaleWidget
from ui.scan_router import ScanRouter
from ui.scanner.sound import RefusalSound
from ui.scanner.wedge_filter import WedgeScannerFilter
from ui.status_reading import StatusReading, read_status
from ui.status_strip import PRINT_JOBS_KEY, StatusStrip
from ui.tasks import TaskRunner
from ui.till_day.login_flow import TillDayFlow
from ui.till_session import TillSession
from ui.window_placement import roomy

if TYPE_CHECKING:  # the dialogs are loaded when first opened, not before the login shows
    from ui.print_jobs_dialog import PrintJobsDialog
    from ui.recovery_dialog import RecoveryDialog

CONFIRM_TIME_KEY = "Ctrl+Shift+T"
DEFAULT_IDLE_MS = 5 * 60 * 1000
STATUS_REFRESH_MS = 15_000


class MainWindow(QMainWindow):
    time_confirmed = Signal()
    """A manager confirmed the real time: what waited for a valid time may be recorded now."""

    def __init__(
        self,
        session: TillSession,
        tasks: TaskRunner,
        *,
        centre_name: str,
        register_name: str,
        idle_ms: int = DEFAULT_IDLE_MS,
        page_context: PageContext | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.tasks = tasks
        self.page_context = page_context or PageContext(session, tasks)
        self.page_specs: list[PageSpec] = all_pages()
        self.pages: dict[str, QWidget] = {}
        self.recovery_dialog: RecoveryDialog | None = None
        self.setWindowTitle(self.tr("Omigjen POS – %1").replace("%1", register_name))
        roomy(self, 1280, 800)  # until it is fitted to its screen (``fill_screen``)
        self.status = StatusStrip(self)
        self.banner = QLabel(self.tr("TRAINING MODE – receipts are not real sales"), self)
        self.banner.setObjectName("trainingBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "background: repeating-linear-gradient(45deg, #ff6f00, #ff6f00 10px, #000 10px);"
            "background-color: #ff6f00; color: white; font-size: 22px; font-weight: bold;"
            "padding: 8px;"
        )
        self.banner.hide()
        self.clock_banner = QFrame(self)
        self.clock_banner.setObjectName("clockBanner")
        self.clock_text = QLabel(self.clock_banner)
        self.clock_text.setWordWrap(True)
        # A key, as every action has: nobody can log in while the clock is behind.
        self.clock_button = touch_button(
            self.tr("Confirm the right time…"), self.clock_banner, CONFIRM_TIME_KEY
        )
        self.clock_button.clicked.connect(self.confirm_time)
        row = QHBoxLayout(self.clock_banner)
        row.addWidget(self.clock_text, 1)
        row.addWidget(self.clock_button)
        self.clock_banner.hide()
        self.damage_warning = QLabel(self)  # over every screen: the till records nothing more
        self.damage_warning.setObjectName("damageWarning")
        self.damage_warning.setWordWrap(True)
        self.damage_warning.setStyleSheet(
            "background: #b71c1c; color: white; font-size: 20px; font-weight: bold; padding: 8px;"
        )
        self.damage_warning.hide()
        self.print_warning = PrintWarning(self)
        self.print_dialog: PrintJobsDialog | None = None
        self.refusals = RefusalBanner(self)
        self.login = LoginWidget(register_name, centre_name, self)
        self.sale = SaleWidget(session, tasks, self)
        self.refusals.bind_key(self.sale)
        self.sound = RefusalSound(parent=self)
        self.page_context.extras.setdefault("refusal_sound", self.sound)
        self.scans = ScanRouter(self, self.refusals, self.sound)
        self.stack = PageStack(self)
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.sale)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.banner)
        layout.addWidget(self.clock_banner)
        layout.addWidget(self.damage_warning)
        layout.addWidget(self.print_warning)
        layout.addWidget(self.refusals)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.screen_in_front: QWidget = self.login
        self.stack.currentChanged.connect(self._screen_changed)
        self.till_day = TillDayFlow(self, self)
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)
        self.button_keys = ButtonKeysFirst(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.installEventFilter(self.button_keys)  # before the scanner's: it runs after it
        self.login.login_requested.connect(self.log_in)
        self.login.recovery_requested.connect(self.open_recovery)
        self.sale.logout_requested.connect(self.log_out)
        self.sale.menu_requested.connect(self.open_menu)
        self.sale.refused.connect(self.scans.action_refused)
        self.sale.basket_changed.connect(self._basket_changed)
        self.sale.training_changed.connect(self._training_changed)
        self.sale.sale_completed.connect(lambda _result: self.refresh_status())
        self.status.print_jobs_requested.connect(self.show_print_jobs)
        self.print_warning.print_jobs_requested.connect(self.show_print_jobs)
        QShortcut(QKeySequence(PRINT_JOBS_KEY), self).activated.connect(self.show_print_jobs)
        events = getattr(session.output, "events", None)
        if events is not None:  # the real print queue tells when a job ends
            events.job_finished.connect(self._print_finished)
            events.probed.connect(lambda _online: self.refresh_status())
        self.sale.sale_completed.connect(lambda _result: self.refusals.basket_done())
        self._status_reading = self._status_again = False
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start(STATUS_REFRESH_MS)
        self.refresh_status()
        self.login.reset()

    @property
    def logged_in(self) -> bool:
        return self.session.operator is not None

    # -- login and lock --------------------------------------------------------------------
    def log_in(self, staff_no: str, pin: str) -> None:
        self.tasks.run(lambda: self.session.log_in(staff_no, pin), self._logged_in, self._refused)

    def _logged_in(self, operator: Operator) -> None:
        self.stack.setCurrentWidget(self.sale)
        self.sale.start()
        self.idle.start()
        self.refresh_status()
        asking = self.till_day.logged_in()  # the float, when the till is closed
        if operator.role is Role.MANAGER and asking is None:
            self.tasks.run(
                lambda: recovery.has_recovery_code(self.session.uow),
                self._remind_recovery_code,
                lambda _error: None,  # a reminder only: the login itself went through
            )

    def _remind_recovery_code(self, exists: bool) -> None:
        """Until a recovery code is made, every manager is told at login: without one, a last
        manager's forgotten PIN locks everyone out of the back office for good."""
        if not exists:
            reminder = self.tr(
                "No recovery code has been made. Without one, nobody gets back in if the "
                "managers' PINs are lost. Make one now: F1 → Staff → New recovery code "
                "(Ctrl+K), and keep it away from the till."
            )
            said = self.sale.message.text()  # e.g. a basket found after a crash: keep it
            self.sale.say(f"{said}\n{reminder}" if said else reminder, problem=True)

    def _refused(self, error: Exception) -> None:
        self.login.refused(error_text(error))
        if isinstance(error, ClockBehind | ClockUnconfirmed):
            self.refresh_clock()

    # -- the clock of the legal record -----------------------------------------------------
    def refresh_clock(self) -> None:
        self.show_clock(self.session.clock_state())

    def show_clock(self, state: ClockState | None) -> None:
        """Say at once, on the login and the sale screen, when nothing can be recorded because
        the clock is behind the journal; and when a confirmed correction is in use."""
        if state is None or (state.ok and state.offset_seconds is None):
            self.clock_banner.hide()
            return
        if state.problem is not None:
            text = error_text(state.problem)
            colour = "#b71c1c"
        else:
            text = self._offset_text(state.offset_seconds or 0)
            colour = "#8d6e00"
        self.clock_text.setText(text)
        self.clock_banner.setStyleSheet(
            f"#clockBanner {{ background-color: {colour}; }} "
            "#clockBanner QLabel { color: white; font-size: 16px; font-weight: bold; }"
        )
        self.clock_banner.show()

    def _offset_text(self, seconds: int) -> str:
        """A positive offset: the confirmed time is ahead of the PC, whose clock is slow."""
        if seconds >= 0:
            text = self.tr(
                "The PC's clock is %1 slow; the till uses the time a manager confirmed. "
                "Have the PC's clock corrected."
            )
        else:
            text = self.tr(
                "The PC's clock is %1 fast; the till uses the time a manager confirmed. "
                "Have the PC's clock corrected."
            )
        return text.replace("%1", self._duration(abs(seconds)))

    def _duration(self, seconds: int) -> str:
        """``1 d 2 h 5 min`` (bokmål ``1 d 2 t 5 min``), rounded to the minute."""
        days, rest = divmod(round(seconds / 60), 24 * 60)
        hours, minutes = divmod(rest, 60)
        parts = [self.tr("%1 d").replace("%1", str(days))] if days else []
        parts += [self.tr("%1 h").replace("%1", str(hours))] if hours else []
        if minutes or not parts:
            parts.append(self.tr("%1 min").replace("%1", str(minutes)))
        return " ".join(parts)

    def confirm_time(self) -> None:
        state = self.session.clock_state()
        if state is None:
            return
        problem = error_text(state.problem) if state.problem is not None else ""
        asks = state.behind_record
        from ui.clock_dialog import ClockDialog

        dialog = ClockDialog(
            self.session, self.tasks, problem, state.suggested, self,
            pc_time=state.system_time if asks else None,
            last_record=state.last_record if asks else None,
            server_says=self.session.server_clock_says() if asks else None,
        )  # fmt: skip
        dialog.time_confirmed.connect(lambda _offset: self._time_confirmed(dialog.declared))
        dialog.open()

    def _time_confirmed(self, declared: bool = False) -> None:
        self.refresh_clock()
        if declared:
            said = self.tr(
                "The records stamped ahead are declared; the till goes on from the right time. "
                "Log in."
            )
        else:
            said = self.tr("The time is confirmed. Log in.")
        self.login.reset(said)
        self.time_confirmed.emit()

    def open_recovery(self) -> RecoveryDialog:
        """The recovery code path for a manager who cannot log in (shown, not waited for)."""
        from ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(
            self.session.uow, self.session.register_id, self.tasks, self.session.clock, self
        )
        dialog.recovered.connect(lambda staff_no: self.login.reset(
            self.tr("Staff member %1 has a new PIN.").replace("%1", staff_no)))  # fmt: skip
        dialog.finished.connect(dialog.deleteLater)
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    def log_out(self, message: str = "") -> None:
        """Back to the login for the next person; ``message`` is news for them (a hand-over,
        a lock), never an error, and is shown so."""
        self.idle.stop()
        dialog = self.sale.dialog
        if dialog is not None and dialog.isVisible():
            dialog.reject()
        problem = False
        try:
            if self.session.log_out():
                parked = self.tr("The basket was parked: F7 brings it back.")
                message = f"{message} {parked}".strip()
        except Exception as error:  # noqa: BLE001 - the lock must happen whatever
            message, problem = error_text(error), True
        self._training_changed(False)
        self.refusals.clear()
        for page in self.pages.values():  # the next person gets fresh pages for their role
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.stack.setCurrentWidget(self.login)
        self.login.reset(message, problem=problem)
        self.refresh_status()

    def lock(self) -> None:
        if self.logged_in:
            self.log_out(self.tr("Locked after a quiet spell."))

    def _training_changed(self, on: bool) -> None:
        self.banner.setVisible(on)
        self.refresh_status()

    def _screen_changed(self, _index: int) -> None:
        """What a screen said belongs to it: leaving it clears its messages, and the refused
        scans shown over it (each was heard, and seen on the screen it was refused at)."""
        left, self.screen_in_front = self.screen_in_front, self.stack.currentWidget() or self.login
        if left is not self.screen_in_front:
            clear_messages(left)
            self.refusals.clear()
            self.refresh_status()  # damage a page's backup found shows on the screen in front

    # -- pages -----------------------------------------------------------------------------
    def open_menu(self) -> None:
        """F1: the pages this person may open; the choice replaces the sale screen."""
        if not self.logged_in:
            return
        allowed = [spec for spec in self.page_specs if spec.allowed(self.session.operator)]
        from ui.menu_dialog import MenuDialog, menu_keys

        dialog = MenuDialog(allowed, self, keys=menu_keys(self.page_specs))
        if dialog.exec() and dialog.chosen is not None:
            self.show_page(dialog.chosen.key)

    def show_page(self, key: str) -> QWidget:
        spec = next(s for s in self.page_specs if s.key == key)
        if not spec.allowed(self.session.operator):
            raise PermissionError(key)
        page = self.pages.get(key)
        if page is None:
            page = spec.make(self.page_context)
            if isinstance(page, PageWidget):
                page.close_requested.connect(self.show_sale)
            self.stack.addWidget(page)
            self.pages[key] = page
        self.stack.setCurrentWidget(page)
        if isinstance(page, PageWidget):
            page.on_shown()
        return page

    def show_sale(self) -> None:
        if self.logged_in:
            self.stack.setCurrentWidget(self.sale)
            self.refresh_status()

    # -- printing --------------------------------------------------------------------------
    def show_print_jobs(self) -> None:
        """The failed print jobs, to retry (status bar, the warning's button, Ctrl+Shift+P)."""
        if not self.logged_in:
            return
        if self.print_dialog is not None and self.print_dialog.isVisible():
            self.print_dialog.refresh()
            return
        from ui.print_jobs_dialog import PrintJobsDialog

        dialog = PrintJobsDialog(self.session, self.tasks, self.page_context.printing, self)
        dialog.finished.connect(lambda _code: self.refresh_status())
        dialog.listed.connect(self.refresh_status)
        self.print_dialog = dialog
        dialog.open()

    def _print_finished(self, job: PrintJob) -> None:
        """A job ended: a receipt that did not print, or a drawer that did not open, is said at
        once, on the sale screen too, and so is the printout that ends the warning."""
        was_warning = not self.print_warning.isHidden()
        self.refresh_status()
        page = self.stack.currentWidget()
        if isinstance(page, PageWidget):
            page.print_finished(job)
        if self.print_dialog is not None and self.print_dialog.isVisible():
            self.print_dialog.job_finished(job)
        not_opened = drawer_not_opened(job)
        if not_opened is not None:  # stays over the sale screen until seen
            QApplication.beep()
            self.refusals.alert(not_opened)
        elif job.opens_drawer is not None and job.opens_drawer.reason == "no_sale":
            self.sale.say(drawer_opened(job) or "")
        failed_receipt = job.status is JobStatus.FAILED and job.kind is JobKind.RECEIPTS
        if failed_receipt and not self.print_warning.isHidden():
            QApplication.beep()
            self.sale.say(self.print_warning.text.text(), problem=True)
        elif was_warning and self.print_warning.isHidden():
            self.sale.say(self.tr("The receipts that had not printed are printed now."))

    # -- scans -----------------------------------------------------------------------------
    def listen_to(self, wedge: WedgeScannerFilter) -> None:
        """Take the keyboard-wedge filter's scans, and its refused (garbled) bursts."""
        wedge.scanned.connect(lambda code, aim: self.scans.route(code, aim, wedge.typed_before))
        wedge.garbled.connect(self.scan_garbled)

    def route_scan(self, code: str, symbology: str = "") -> None:
        """Send a scan where the person meant it (see ``ScanRouter``)."""
        self.scans.route(code, symbology)

    def scan_garbled(self, arrived: str) -> None:
        """A burst came through a keyboard layout that is not the scanner's: nothing of it was
        typed anywhere; refused as any scan is."""
        self.scans.garbled(arrived)

    # -- status ----------------------------------------------------------------------------
    def _basket_changed(self) -> None:
        """Per scan: no database work, just what the session already knows (the unsynced
        count and printer state follow on the status timer and after each sale)."""
        self.status.tenants.setText(
            self.tr("Tenants in basket: %1").replace("%1", str(len(self.session.basket.tenant_ids)))
        )

    def refresh_status(self) -> None:
        """Read the state on the database thread and show it when it comes back. Asked again
        while a reading runs, it reads once more after it: never two waiting at once."""
        if self._status_reading:
            self._status_again = True
            return
        self._status_reading = True
        self.tasks.run(
            lambda: read_status(self.session),
            self._show_status,
            self._status_unread,
            background=True,
        )

    def _show_damage(self, damage: str | None) -> None:
        """The store found damaged while the till runs: nothing more can be recorded in it
        until a manager restores the newest good backup (at the next start)."""
        if damage is None:
            self.damage_warning.hide()
            return
        data_dir = self.session.uow.data_dir
        self.damage_warning.setText(error_text(StoreDamaged(str(data_dir), reason=damage)))
        self.damage_warning.show()

    def _status_unread(self, _error: Exception) -> None:
        self._status_read()  # the runner logged it; the next tick reads again

    def _status_read(self) -> None:
        self._status_reading = False
        if self._status_again:
            self._status_again = False
            self.refresh_status()

    def _show_status(self, reading: StatusReading) -> None:
        self.show_clock(reading.clock)
        operator = self.session.operator
        overview, sync, printer = reading.overview, reading.sync, reading.printer
        self.login.show_till_closed(not overview.till_open)
        self.print_warning.show_waiting(printer.waiting, printer.again)
        self._show_damage(reading.damage)
        self.status.show_state(
            user=f"{operator.name} ({operator.staff_no})" if operator else None,
            register=overview.register_name,
            tenant_count=len(self.session.basket.tenant_ids),
            training=self.session.training,
            printer=printer,
            unsynced=sync.unsynced,
            online=sync.online if sync.enrolled else None,
            sync_problems=sync.problems,
            clock_offset_ms=sync.clock_offset_ms,
        )
        self._status_read()
