"""Screenshots of a centre's first start and the till's day for the README: run under Xvfb
(``xvfb-run -a python tools/till_day_screenshots.py``). Starts the counter as ``main.py`` does
on an empty data directory, types the set-up, logs in, opens the till and grabs each screen."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from cli.bootstrap import Settings, open_app  # noqa: E402
from ui.app import CounterStart, GuiOptions  # noqa: E402
from ui.i18n import install_translator  # noqa: E402
from ui.tasks import ImmediatePool, TaskRunner  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def grab(widget: QWidget, name: str) -> None:
    for _ in range(20):
        QApplication.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"wrote {OUT / name}.png")


def typed(widget: QWidget, text: str, enter: bool = True) -> None:
    """Into a line edit, then Enter (the text is set: QTest types no 'æøå')."""
    widget.setFocus()
    widget.setText(text)  # type: ignore[attr-defined]
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


def set_up(start: CounterStart) -> None:
    setup = start.first_run
    assert setup is not None
    setup.resize(1366, 768)
    typed(setup.centre.centre_name, "Omigjen ombrukssenter Asker")
    setup.go_next()
    for field, text in zip(setup.manager.inputs(), ("9001", "Mona Leder", "4711", "4711"),
                           strict=True):  # fmt: skip
        typed(field, text, enter=False)
    setup.go_next()
    setup.go_next()  # the default article groups
    tenants = setup.tenants
    for name, org_no in (("Omigjen Ombruk AS", "921100116"), ("Bua Brukte Klær AS", "921100221"),
                         ("Kafé Kvisten SA", "921100663")):  # fmt: skip
        typed(tenants.name, name, enter=False)
        typed(tenants.org_no, org_no)
    typed(tenants.name, "Sykkelfikseren Asker AS", enter=False)  # a repair workshop
    typed(tenants.org_no, "921100442", enter=False)
    tenants.repairs.setChecked(True)
    tenants.add_tenant()
    typed(tenants.name, "Småfolk Gjenbruk", enter=False)
    typed(tenants.org_no, "921100337", enter=False)
    tenants.vat.setChecked(False)
    grab(setup, "first_run_tenants")
    tenants.add_tenant()
    setup.go_next()
    setup.go_next()  # no printer yet
    setup.go_next()  # set it up
    setup.go_next()  # to the login


def main() -> int:
    app = QApplication(sys.argv)
    translator = install_translator(app, sys.argv[1] if len(sys.argv) > 1 else "nb")  # noqa: F841
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        opened = open_app(Settings(Path(tmp) / "data"))
        assert opened is not None
        tasks = TaskRunner(ImmediatePool())
        start = CounterStart(opened.counter, lambda: opened.window_parts(tasks), tasks,
                             GuiOptions(idle_minutes=600))  # fmt: skip
        start.start()
        set_up(start)
        window = start.window
        assert window is not None
        window.resize(1366, 768)
        typed(window.login.staff_no, "9001")
        typed(window.login.pin, "4711")
        dialog = window.sale.dialog
        assert dialog is not None
        typed(dialog.findChild(QWidget, "floatAmount"), "1500", enter=False)  # type: ignore[arg-type]
        grab(dialog, "till_float")
        QTest.keyClick(dialog.findChild(QWidget, "floatAmount"), Qt.Key.Key_Return)  # type: ignore[arg-type]
        page = window.show_page("till")
        window.session.move_cash(-30000, "Bankinnskudd")
        page.on_shown()  # type: ignore[attr-defined]
        grab(window, "till_page")
        start.stop()
        opened.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
