"""The login is painted before the store is opened (``ui.login_first``): what is typed meanwhile
is shown, kept and handed to the counter's login in order once the store is open; a PIN sent
early is answered, and checked only then; opening that takes long says the store is being
prepared; a damaged store is still offered for restore. Driven as ``cli.bootstrap.run_gui``
drives it, but for the event loop, with the store opened on the database thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from cli.bootstrap import Settings, open_app
from pos.adapters.db import DB_FILE
from pos.adapters.login_names import names_at_start
from pos.adapters.slow_steps import SlowStep
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.errors import DataDirectoryReadOnly, StoreDamaged
from tests.reliability.damage import flip_bytes_in_table
from ui.app import CounterParts
from ui.early_login import PREPARING_NOTE_MS, EarlyLogin
from ui.login_first import LoginFirst, Opened
from ui.main_window import MainWindow
from ui.qt_start import GuiOptions
from ui.tasks import TaskRunner

from .conftest import TYPING_KEY_DELAY_MS


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A demo centre's data directory, closed (the start opens it)."""
    with open_counter(tmp_path / "data") as counter:
        seed_demo(counter.uow, counter.signer())
    return tmp_path / "data"


def held_open(
    data: Path, tasks: TaskRunner, gate: threading.Event, *, step: SlowStep | None = None
) -> Callable[[Callable[[str], None]], Opened]:
    """The store opened as ``run_gui`` opens it, once ``gate`` is set (a slow open); ``step``:
    a migration's slow step said meanwhile."""

    def open_store(say: Callable[[str], None]) -> Opened:
        if step is not None:
            say(step.said("nb"))
        assert gate.wait(30)
        app = open_app(Settings(data), on_slow_step=lambda step: say(step.said("nb")))
        assert app is not None
        return Opened(app.counter, lambda: app.window_parts(tasks), app.close)

    return open_store


@pytest.fixture
def starting(qtbot) -> Iterator[Callable[..., LoginFirst]]:
    made: list[LoginFirst] = []

    def start(
        open_store: Callable[[Callable[[str], None]], Opened], tasks: TaskRunner, **kwargs: object
    ) -> LoginFirst:
        first = LoginFirst(open_store, tasks, GuiOptions(idle_minutes=600), **kwargs)  # type: ignore[arg-type]
        made.append(first)
        first.show()
        return first

    yield start
    for first in made:
        first.stop()
        window = first.window
        qt = QApplication.instance()
        if isinstance(window, MainWindow) and qt is not None:
            qt.removeEventFilter(window.idle)
            qt.removeEventFilter(window.button_keys)
        if window is not None:
            window.close()
        first.early.close()


def type_into(first: LoginFirst, text: str) -> None:
    """Keys to the early login's focused field, as a person types them."""
    for char in text:
        field = first.early.focusWidget() or first.early
        if char == "\n":
            QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 20)
        else:
            QTest.keyClicks(field, char, Qt.KeyboardModifier.NoModifier, 20)


def never_offered(error: StoreDamaged) -> bool:
    raise AssertionError(f"a restore offered for a sound store: {error}")


def test_keys_typed_before_the_store_is_open_log_in_once_it_is_in_order(data, qtbot, starting):
    tasks, gate = TaskRunner(), threading.Event()
    first = starting(held_open(data, tasks, gate), tasks, offer_restore=never_offered)
    qtbot.waitUntil(lambda: first.early.painted_at is not None)
    type_into(first, "1001\n12")  # the staff number and half the PIN while the store opens
    assert first.early.login.staff_no.text() == "1001"  # shown as typed
    assert first.started is None  # nothing is checked or recorded yet
    gate.set()
    qtbot.waitUntil(lambda: isinstance(first.window, MainWindow), timeout=20_000)
    window = first.window
    assert isinstance(window, MainWindow)
    type_into(first, "34\n")  # still coming for the early login while the window takes over
    qtbot.waitUntil(lambda: window.logged_in, timeout=10_000)  # "1234", not "3412"
    assert window.session.operator is not None
    assert window.session.operator.staff_no == "1001"


def test_a_pin_sent_before_the_store_is_open_is_answered_then_checked(data, qtbot, starting):
    tasks, gate = TaskRunner(), threading.Event()
    first = starting(held_open(data, tasks, gate), tasks, offer_restore=never_offered)
    qtbot.waitUntil(lambda: first.early.painted_at is not None)
    type_into(first, "1001\n9999\n")  # a wrong PIN, sent at once
    said = first.early.login.message.text()
    assert "logged in as soon as" in said or "logges inn" in said
    assert first.started is None
    gate.set()
    qtbot.waitUntil(lambda: isinstance(first.window, MainWindow), timeout=20_000)
    window = first.window
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.login.message.text() not in ("", "Checking…", "Sjekker …"))
    QTest.qWait(TYPING_KEY_DELAY_MS)
    assert not window.logged_in  # the PIN was checked against the store, and refused
    assert window.login.message.text() != said


def test_a_long_open_says_on_the_login_that_the_store_is_being_prepared(
    data, qtbot, starting, bokmal
):
    tasks, gate = TaskRunner(), threading.Event()
    first = starting(held_open(data, tasks, gate), tasks, offer_restore=never_offered)
    note = first.early.note
    qtbot.waitUntil(lambda: first.early.painted_at is not None)
    assert note.text() == ""
    qtbot.waitUntil(lambda: note.text() != "", timeout=PREPARING_NOTE_MS + 5_000)
    assert "databasen" in note.text()  # in bokmål, the person's language
    assert first.early.isVisible() and first.started is None
    gate.set()
    qtbot.waitUntil(lambda: isinstance(first.window, MainWindow), timeout=20_000)


def test_a_damaged_store_is_offered_for_restore_and_nothing_starts_without_it(
    data, qtbot, starting
):
    flip_bytes_in_table(data / DB_FILE, "staff")
    offered: list[StoreDamaged] = []

    def decline(error: StoreDamaged) -> bool:
        offered.append(error)
        return False

    tasks, gate = TaskRunner(), threading.Event()
    gate.set()
    first = starting(held_open(data, tasks, gate), tasks, offer_restore=decline)
    qtbot.waitUntil(lambda: first.exit_code is not None, timeout=20_000)
    assert first.exit_code == 2 and len(offered) == 1
    assert first.started is None and not first.early.isVisible()


def test_a_migration_s_slow_step_is_said_on_the_login_as_it_runs(data, qtbot, starting):
    tasks, gate = TaskRunner(), threading.Event()
    step = SlowStep("items_trigram", 400_000, 1_000_000, 146)
    first = starting(held_open(data, tasks, gate, step=step), tasks, offer_restore=never_offered)
    note = first.early.note
    qtbot.waitUntil(lambda: note.text() == step.said("nb"), timeout=10_000)
    assert "40 % ferdig" in note.text()
    gate.set()
    qtbot.waitUntil(lambda: isinstance(first.window, MainWindow), timeout=20_000)


def test_a_window_that_cannot_be_built_on_the_open_store_is_said_and_the_store_closed(
    data, qtbot, starting, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr("ui.login_first.show_error", lambda error, _lang: shown.append(str(error)))

    def refused() -> CounterParts:
        raise DataDirectoryReadOnly(str(data), reason="read-only file system")

    def open_store(_say: Callable[[str], None]) -> Opened:
        app = open_app(Settings(data))
        assert app is not None
        return Opened(app.counter, refused, app.close)

    first = starting(open_store, TaskRunner(), offer_restore=never_offered)
    qtbot.waitUntil(lambda: first.exit_code is not None, timeout=20_000)
    assert first.exit_code == 2 and len(shown) == 1 and first.window is None
    with open_counter(data):  # closed and unlocked again
        pass


def test_the_login_painted_first_names_the_centre_and_register(data, qtbot, starting):
    tasks, gate = TaskRunner(), threading.Event()
    names = names_at_start(data)
    assert names is not None
    first = starting(held_open(data, tasks, gate), tasks, offer_restore=never_offered, names=names)
    title = first.early.login.findChild(QLabel).text()
    assert names[0] in title and names[1] in title
    gate.set()
    qtbot.waitUntil(lambda: isinstance(first.window, MainWindow), timeout=20_000)


def test_a_counter_with_no_store_yet_is_shown_preparing_it_with_no_login(qtbot, bokmal):
    early = EarlyLogin(login=False)
    qtbot.addWidget(early)
    early.show()
    assert early.note.isVisible() and "databasen" in early.note.text()
    assert not early.login.isVisible()  # nobody to log in before the set-up
