"""Tab follows the eye on every counter screen and dialog (``tools/screen_tour.py``), walked with
real Tab keys (``tools/tab_check.py``): every field is reached, nothing keeps Tab for itself, and
Tab never goes back up a column or back left along a row. At the repair intake the amount typed
after the contact consent lands in the estimate, below it, not in the item's category."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTableWidget,
    QVBoxLayout,
)

from tools.screen_tour import counter_window, settle, tour
from tools.tab_check import tab_problems, walk
from ui.repairs.intake_page import IntakePage
from ui.tab_order import tab_in_layout_order

from .conftest import log_in, press, type_slowly


def test_every_screen_and_dialog_takes_tab_in_reading_order(qapp, tmp_path):
    found: list[str] = []
    visited = []
    with counter_window(qapp, tmp_path / "data") as (counter, window):
        for name, widget in tour(qapp, window, counter):
            settle(qapp)
            visited.append(name)
            found += [f"{name}: {problem}" for problem in tab_problems(widget)]
    assert not found, "\n".join(found)
    for stop in (
        "page_repairs.intake",
        "payment",
        "returns",
        "float",
        "till_close",
        "ticket",
        "clock_before_record",
    ):
        assert stop in visited


def test_at_the_intake_tab_goes_down_the_customer_column_then_the_items(window):
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    page.consent.setFocus(Qt.FocusReason.TabFocusReason)
    press(page.consent, Qt.Key.Key_Tab)
    type_slowly(QApplication.focusWidget(), "800")
    assert page.estimate.text() == "800" and page.category.text() == ""
    order = [w.objectName() for w in walk(page.window())[0] if w.objectName()]
    customer = ["customer", "phone", "email", "estimate", "limit", "deposit"]
    item = ["category", "brandModel", "serial", "fault", "condition", "accessories"]
    assert [n for n in order if n in customer + item] == customer + item
    assert order[-1] == "extraLabel"


def test_one_tab_leaves_the_promised_date_at_the_intake(window):
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    page.deposit.setFocus(Qt.FocusReason.TabFocusReason)
    press(page.deposit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.promised
    type_slowly(page.promised, "24.12.2026")  # the parts are still typed through, day first
    assert page.promised.date() == QDate(2026, 12, 24)
    press(page.promised, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.technician
    press(page.technician, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.promised
    press(page.promised, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.deposit


def _two_columns(order: tuple[str, ...]) -> QDialog:
    """A form of two columns (a and b), its fields made in ``order``."""
    dialog = QDialog()
    left, right = QFormLayout(), QFormLayout()
    fields = {name: QLineEdit(dialog) for name in order}
    for name in sorted(fields):
        fields[name].setObjectName(name)
        (left if name.startswith("a") else right).addRow(name, fields[name])
    columns = QHBoxLayout(dialog)
    columns.addLayout(left)
    columns.addLayout(right)
    return dialog


def test_the_checker_sees_tab_going_back_to_a_column_it_left(qtbot):
    # Made as the intake's were: part of the first column, the second, the rest of the first.
    jumping = _two_columns(("a1", "a2", "b1", "b2", "b3", "a3"))
    qtbot.addWidget(jumping)
    jumping.show()
    found = "\n".join(tab_problems(jumping))
    assert "Tab from QLineEdit('b3') goes back left along a row to QLineEdit('a3')" in found
    tab_in_layout_order(jumping)  # the fix: the layouts' order, not the creation order
    assert tab_problems(jumping) == []
    assert [w.objectName() for w in walk(jumping)[0]] == ["a1", "a2", "a3", "b1", "b2", "b3"]


def test_the_checker_sees_a_date_that_keeps_tab_for_its_parts(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    before, when, after = QLineEdit(dialog), QDateEdit(dialog), QLineEdit(dialog)
    when.setDisplayFormat("dd.MM.yyyy")
    for name, widget in (("before", before), ("when", when), ("after", after)):
        widget.setObjectName(name)
        form.addRow(name, widget)
    dialog.show()
    assert "QDateEdit('when') keeps Tab for itself" in "\n".join(tab_problems(dialog))
    tab_in_layout_order(dialog)  # the fix: one Tab leaves the date
    assert tab_problems(dialog) == []
    assert [w.objectName() for w in walk(dialog)[0]] == ["before", "when", "after"]


def test_the_checker_sees_a_table_that_keeps_tab_and_a_field_never_reached(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    first, table, after = QLineEdit(dialog), QTableWidget(3, 3, dialog), QCheckBox("x", dialog)
    for widget in (first, table, after):
        layout.addWidget(widget)
    dialog.show()
    found = "\n".join(tab_problems(dialog))
    assert "QTableWidget keeps Tab" in found and "QCheckBox('x') is never reached" in found
    table.setTabKeyNavigation(False)
    assert tab_problems(dialog) == []
