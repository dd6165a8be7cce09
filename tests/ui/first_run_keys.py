"""Driving the counter as started from an empty data directory (``ui.app.CounterApp``) by keys
only: each key goes to the widget that has the focus, as a person's would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from cli.bootstrap import Settings, open_app
from pos.clock import OSLO, SteppingClock
from ui.app import CounterStart, GuiOptions
from ui.first_run.first_run_window import FirstRunWindow
from ui.first_run.step import FOCUS_COLOUR
from ui.main_window import MainWindow
from ui.tasks import ImmediatePool, TaskRunner

from .conftest import TYPING_KEY_DELAY_MS

MANAGER, MANAGER_PIN = "9001", "4711"


@contextmanager
def started_counter(tmp_path: Path, qtbot, clock: SteppingClock) -> Iterator[CounterStart]:  # type: ignore[no-untyped-def]
    """An empty data directory started as ``main.py`` starts it (``cli.bootstrap.run_gui``)
    but for the event loop; every document to a file, the store's work done in line."""
    settings = Settings(tmp_path / "data", printer_url=f"file://{tmp_path / 'printed.escpos'}")
    app = open_app(settings)
    assert app is not None
    tasks = TaskRunner(ImmediatePool())
    options = GuiOptions(idle_minutes=600, clock=clock)
    started = CounterStart(app.counter, lambda: app.window_parts(tasks), tasks, options)
    qtbot.addWidget(started.start())
    try:
        yield started
    finally:
        started.stop()
        window = started.window
        qt = QApplication.instance()
        if window is not None and qt is not None:
            qt.removeEventFilter(window.idle)
            window.close()
        app.close()


def focused() -> QWidget:
    """The widget the next key goes to. The offscreen platform does not give the focus back to
    a window when its dialog closes (an X server does): the window in front is activated."""
    widget, modal = QApplication.focusWidget(), QApplication.activeModalWidget() or _dialog()
    if modal is not None and (widget is None or widget.window() is not modal):
        activate(modal)
        widget = QApplication.focusWidget()
    if widget is None or not widget.isVisible():
        front = modal or next(
            w for w in QApplication.topLevelWidgets()
            if w.isVisible() and isinstance(w, MainWindow | FirstRunWindow)
        )  # fmt: skip
        activate(front)
        widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _dialog() -> QWidget | None:
    """A dialog in front that the offscreen platform has not activated."""
    shown = [
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and w.isModal()
    ]  # fmt: skip
    return shown[-1] if shown else None


def _pace() -> int:
    """A person's pace in the counter window, where the wedge detector would take quick typing
    for a scan; the set-up window has no detector yet, so it is typed quickly."""
    return 1 if isinstance(focused().window(), FirstRunWindow) else TYPING_KEY_DELAY_MS


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text, Qt.KeyboardModifier.NoModifier, _pace())


def key(which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Pressed and let go at once: a key that closes its window must not be let go into a
    widget deleted meanwhile (an X server sends the release wherever the focus is then)."""
    widget, pace = focused(), _pace()
    QTest.keyPress(widget, which, modifier, pace)
    QTest.keyRelease(widget, which, modifier, 0)
    QTest.qWait(pace)


def enter(text: str = "") -> None:
    if text:
        type_text(text)
    key(Qt.Key.Key_Return)


def marked(widget: QWidget) -> bool:
    """Whether the widget, as drawn, wears the set-up's focus frame (``FOCUS_COLOUR``): read
    from the pixels of a column through its middle, not from its state."""
    image = widget.grab().toImage()
    frame = QColor(FOCUS_COLOUR)
    x = image.width() // 2
    near = [
        y for y in range(image.height())
        if all(abs(a - b) <= 20 for a, b in zip(
            QColor(image.pixel(x, y)).getRgb()[:3], frame.getRgb()[:3], strict=True))
    ]  # fmt: skip
    return len(near) >= 4  # top and bottom of the frame, 3 px each where it is drawn whole


def activate(window: QWidget) -> None:
    window.activateWindow()
    QTest.qWaitForWindowActive(window)


REPAIR_SHOP = ("13", "Sykkelfikseren Asker AS", "921100442")


def set_up_by_keys(  # type: ignore[no-untyped-def]
    started: CounterStart, printer_url: str, qtbot, *, repairs: bool = False
) -> MainWindow:
    """The whole first-run set-up from the keyboard: a centre with two tenants (and with
    ``repairs`` a third, ``REPAIR_SHOP``, ticked as taking in repairs)."""
    setup = started.first_run
    assert isinstance(setup, FirstRunWindow)
    activate(setup)
    enter("Omigjen Asker")
    enter()  # register id K1 as offered
    enter()  # register name as offered
    enter()  # label block 1
    enter("Omigjen Asker AS")  # the centre's company, which pays the tenants
    enter("923 456 783")
    enter("9710.05.12347")  # its account: the last field goes on
    assert setup.current is setup.manager, setup.message.text()
    for text in (MANAGER, "Mona Leder", MANAGER_PIN, MANAGER_PIN):
        enter(text)
    assert setup.current is setup.groups, setup.message.text()
    enter()  # the default groups, ticked
    assert setup.current is setup.tenants
    assert setup.tenants.code.text() == "10" and focused() is setup.tenants.name  # code offered
    enter("Omigjen Ombruk AS")
    enter("921 100 116")
    assert setup.tenants.code.text() == "11"  # the next code is offered, the name focused
    assert focused() is setup.tenants.name
    enter("Bua Brukte Klær AS")
    enter("921100221")
    if repairs:
        code, name, org_no = REPAIR_SHOP
        key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # back to the code offered
        key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        enter(code)
        enter(name)
        type_text(org_no)
        key(Qt.Key.Key_Tab)  # VAT registered, as ticked
        key(Qt.Key.Key_Tab)
        assert focused() is setup.tenants.repairs
        key(Qt.Key.Key_Space)  # takes in repairs
        enter()  # adds the tenant
        assert [t.takes_repairs for t in setup.tenants.tenants] == [False, False, True]
    enter()  # nothing typed: go on
    assert setup.current is setup.printer, setup.message.text()
    type_text(printer_url)
    key(Qt.Key.Key_F6)  # the test page
    assert "sent" in setup.printer.result.text() or "sendt" in setup.printer.result.text()
    fields = (setup.printer.url, setup.printer.profile, setup.printer.paper)
    for field in fields:  # one Enter per field, and the field Enter is in can be seen
        assert focused() is field and marked(field), focused().objectName()
        assert not any(marked(other) for other in fields if other is not field)
        enter()  # the profile and paper as offered; the paper's goes on
    assert setup.current is setup.summary, setup.message.text()
    if repairs:  # said before anything is written, and after
        lines = setup.summary.summary.toPlainText().splitlines()
        (line,) = [t for t in lines if REPAIR_SHOP[1] in t]
        assert line.endswith(("takes in repairs", "tar inn reparasjoner")), line
    enter()  # set the centre up
    assert setup.current is setup.finish, setup.message.text()
    assert len(setup.finish.code.text()) == 24  # the recovery code, shown once
    if repairs:
        done = setup.finish.text.toPlainText()
        assert f"for {REPAIR_SHOP[1]};" in done and "REP" in done, done
    key(Qt.Key.Key_F6)  # printed straight to the set-up's printer
    enter()  # to the login
    window = started.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    activate(window)
    return window


def log_in_by_keys(window: MainWindow, staff_no: str = MANAGER, pin: str = MANAGER_PIN) -> None:
    activate(window)
    window.login.staff_no.setFocus()
    enter(staff_no)
    enter(pin)
    assert window.session.operator is not None, window.login.message.text()


def day(year: int, month: int, dom: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, dom, hour, minute, tzinfo=OSLO)
