"""The menu (F1) gives a page the same key whoever is logged in: a technician who learnt 7 for
registering items from the manager's menu opens it with 7 in their own, and a page a role may
not open leaves its key unused rather than moving the next ones up."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.backoffice.item_entry_page import ItemEntryPage
from ui.menu_dialog import MenuDialog

from .conftest import log_in, press


def keys_in_menu(window, qtbot, staff_no: str, pin: str, then: Qt.Key | None) -> dict[str, str]:
    """F1 as ``staff_no``: each page's key as its button shows it; then press ``then`` (None:
    back to the sale)."""
    log_in(window, staff_no, pin)
    seen: dict[str, str] = {}

    def read_and_choose() -> None:  # the menu runs its own loop: act from inside it
        menu = QApplication.activeModalWidget()
        if not isinstance(menu, MenuDialog):
            return
        poll.stop()
        seen.update({page: b.text().rsplit("\n", 1)[-1] for page, b in menu.buttons.items()})
        if then is not None:
            QTest.keyClick(menu, then)
        if menu.isVisible():  # no page has that key: back to the sale
            menu.reject()

    poll = QTimer(window)
    poll.timeout.connect(read_and_choose)
    poll.start(20)
    press(window.sale, Qt.Key.Key_F1)
    poll.stop()
    return seen


def test_a_page_keeps_its_menu_key_in_every_role(window, qtbot):
    window.wedge.enabled = False  # a key typed into the menu at once, not held as a scan's
    manager = keys_in_menu(window, qtbot, "9001", "9999", None)
    window.log_out()
    technician = keys_in_menu(window, qtbot, "2001", "2345", Qt.Key(ord(manager["item_entry"])))
    assert isinstance(window.stack.currentWidget(), ItemEntryPage)
    assert technician["item_entry"] == manager["item_entry"] == "7"
    assert set(technician) < set(manager)
    assert all(technician[page] == manager[page] for page in technician)
    assert technician["sync"] == manager["sync"]  # after the manager's pages: a gap, not moved up


def test_the_user_guide_lists_each_menu_key_as_the_menu_gives_it(bokmal):
    from pos.model.staff import Operator, Role
    from tests.conftest import PROJECT_ROOT
    from ui.menu_dialog import menu_keys
    from ui.pages import all_pages

    guide = (PROJECT_ROOT / "docs" / "brukerveiledning.md").read_text(encoding="utf-8")
    table = guide[guide.index("| Tast | Valg | Hvem |") :].split("\n\n", 1)[0].splitlines()[2:]
    listed = [tuple(cell.strip() for cell in row.strip("|").split("|")) for row in table]
    cashier = Operator("", "1", "", Role.CASHIER)
    keys = menu_keys(all_pages())
    expected = [
        (keys[spec.key], spec.label(), "alle" if spec.allowed(cashier) else "leder")
        for spec in all_pages()
    ]
    assert listed == expected
