"""Every counter screen and dialog on a 1024×600, 1366×768 and 1920×1080 screen: nothing cut
off, nothing out of reach (``tools/screen_tour.py`` in a Qt of that screen size, in bokmål and in
English); the checker itself sees a clipped text, a control off the window and one too big a
window; the window mode is a manager's setting the window follows."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from pos.services import devices
from tests.conftest import PROJECT_ROOT
from tools.fit_check import problems
from ui.window_placement import DialogFitter, fill_screen

from .conftest import log_in


@pytest.mark.parametrize(
    ("width", "height", "lang"),
    [(1024, 600, "nb"), (1024, 600, "en"), (1366, 768, "nb"), (1920, 1080, "nb")],
)
def test_every_screen_fits_and_reads_whole(tmp_path, width, height, lang):
    config = tmp_path / "screen.json"
    screen = {"name": "counter", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [screen | {"logicalDpi": 96, "dpr": 1}]}))
    run = subprocess.run(
        [sys.executable, "tools/screen_tour.py", lang],
        cwd=PROJECT_ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr[-2000:]


def test_the_checker_sees_what_a_person_could_not_read_or_reach(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    row = QHBoxLayout()
    squeezed = QLabel("Vekslepenger: 43,00 kr (øreavrunding 0,20 kr)")
    squeezed.setMaximumWidth(120)
    field = QLineEdit()
    field.setPlaceholderText("Kortterminalens referanse, slik den står på slippen")
    field.setMaximumWidth(100)
    row.addWidget(squeezed)
    row.addWidget(field)
    layout.addLayout(row)
    off = QPushButton("Fullfør", dialog)  # outside any layout, placed beyond the edge
    dialog.resize(400, 200)
    dialog.show()
    off.move(380, 190)
    found = "\n".join(problems(dialog))
    assert "øreavrunding" in found and "placeholder" in found
    assert "outside the window" in found
    dialog.resize(5000, 200)
    assert "does not fit the screen" in "\n".join(problems(dialog))


def test_a_dialog_bigger_than_the_screen_is_fitted_to_it_as_it_shows(qtbot, qapp):
    fitter = DialogFitter()
    qapp.installEventFilter(fitter)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        room = dialog.screen().availableGeometry()
        dialog.resize(room.width() + 400, room.height() + 300)
        dialog.show()
        assert dialog.width() <= room.width() and dialog.height() <= room.height()
    finally:
        qapp.removeEventFilter(fitter)


def test_full_screen_is_the_managers_setting_and_the_window_follows_it(window, qtbot):
    log_in(window, "9001", "9999")
    fill_screen(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    page = window.show_page("devices")
    page.window_mode.setCurrentIndex(page.window_mode.findData("full_screen"))
    page.save_register()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert devices.window_mode(window.session.uow, "K1") is devices.WindowMode.FULL_SCREEN
    with window.session.uow.read() as uow:
        rows = [r for r in uow.queries.journal_rows() if "window" in str(r["details"] or "")]
    assert rows  # the change is journaled
    window.show_sale()
    window.log_out()
    log_in(window)  # a cashier may not change it
    with pytest.raises(PermissionError):
        window.show_page("devices")


def test_the_counter_starts_in_the_window_mode_saved_for_its_register(tmp_path, qtbot, qapp, clock):
    from cli.bootstrap import Settings, open_app
    from pos.counter import open_counter
    from pos.demo.centre import seed_demo
    from pos.services import auth
    from pos.services.context import TillContext
    from ui.app import CounterStart, GuiOptions
    from ui.tasks import ImmediatePool, TaskRunner

    with open_counter(tmp_path / "data") as counter:
        seed_demo(counter.uow, counter.signer(), clock=clock)
        manager = auth.authenticate(counter.uow, "9001", "9999")
        boss = TillContext("K1", manager, counter.signer(), clock)
        devices.save_window_mode(counter.uow, boss, devices.WindowMode.FULL_SCREEN)
    app = open_app(Settings(tmp_path / "data", printer_url=f"file://{tmp_path / 'p.bin'}"))
    assert app is not None
    tasks = TaskRunner(ImmediatePool())
    options = GuiOptions(idle_minutes=600, clock=clock)
    started = CounterStart(app.counter, lambda: app.window_parts(tasks), tasks, options)
    try:
        window = started.start()
        qtbot.addWidget(window)
        assert window.windowState() & Qt.WindowState.WindowFullScreen
        assert window.geometry() == window.screen().geometry()
    finally:
        started.stop()
        if started.window is not None:
            qapp.removeEventFilter(started.window.idle)
            started.window.close()
        app.close()
