"""What a person cannot read or reach on a screen: texts wider (or taller) than the widget that
shows them, and controls outside the window. Used by the screen-size test and the screenshot
tool; measures with each widget's own font, as Qt paints it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QWidget,
)

SLACK = 2
"""Pixels of rounding allowed between a measured text and its widget."""
CELL_ROWS = 30
"""Table rows checked per table (the rows a person sees first)."""


def problems(root: QWidget) -> list[str]:
    """Every clipped text and out-of-reach control among the visible widgets of ``root``."""
    found: list[str] = []
    screen = root.screen().availableGeometry()
    if root.isWindow() and not screen.contains(root.frameGeometry()):
        found.append(f"{_name(root)} {root.frameGeometry()} does not fit the screen {screen}")
    for widget in [root, *_own_widgets(root)]:
        if not widget.isVisible() or widget.width() <= 0 or _hidden_in_scroll(widget):
            continue
        found.extend(_clipped(widget))
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox) and widget is not root:
            found.extend(_out_of_reach(widget, root))
    return found + _overlaps(root)


def _out_of_reach(widget: QWidget, root: QWidget) -> list[str]:
    """A control must lie in its window, or in what its scroll area can scroll to."""
    scroll = _scrolled_in(widget)
    holder = root if scroll is None else scroll.widget()
    place = QRect(widget.mapTo(holder, QPoint(0, 0)), widget.size())
    if holder.rect().contains(place):
        return []
    return [f"{_name(widget)} lies outside the window ({place} in {holder.rect()})"]


def _overlaps(root: QWidget) -> list[str]:
    """Controls painted over one another (a layout squeezed below its minimum)."""
    controls = [
        (w, QRect(w.mapTo(root, QPoint(0, 0)), w.size()))
        for w in _own_widgets(root)
        if isinstance(w, QAbstractButton | QLineEdit | QComboBox)
        and w.isVisible()
        and _scrolled_in(w) is None
        and not _hidden_in_scroll(w)
    ]
    found = []
    for index, (first, place) in enumerate(controls):
        for second, other in controls[index + 1 :]:
            if first.isAncestorOf(second) or second.isAncestorOf(first):
                continue
            if (
                place.intersected(other).width() > SLACK
                and place.intersected(other).height() > SLACK
            ):
                found.append(f"{_name(first)} and {_name(second)} overlap ({place}, {other})")
    return found


def _own_widgets(root: QWidget) -> list[QWidget]:
    """The widgets shown in ``root`` itself, not in the dialogs it is the parent of."""
    return [w for w in root.findChildren(QWidget) if w.window() is root]


def _clipped(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return _label(widget)
    if isinstance(widget, QPushButton):
        return _lines(widget, widget.text(), widget.width() - 12, widget.height() - 4)
    if isinstance(widget, QCheckBox | QRadioButton):
        needed = widget.sizeHint().width()
        return [_say(widget, widget.text())] if needed > widget.width() + SLACK else []
    if isinstance(widget, QLineEdit):
        return _line_edit(widget)
    if isinstance(widget, QComboBox):
        room = widget.width() - 28  # the arrow
        text = widget.currentText()
        return [_say(widget, text)] if _advance(widget, text) > room + SLACK else []
    if isinstance(widget, QTableView):
        return _table(widget)
    return []


def _label(label: QLabel) -> list[str]:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return []
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        return [_say(label, label.text())] if needed > label.height() + SLACK else []
    hint = label.sizeHint()
    if hint.width() > label.width() + SLACK or hint.height() > label.height() + SLACK:
        return [_say(label, label.text())]
    return []


def _line_edit(edit: QLineEdit) -> list[str]:
    """A placeholder must be read whole; typed text may scroll."""
    if edit.text() or not edit.placeholderText():
        return []
    margins = edit.textMargins()
    room = edit.width() - 10 - margins.left() - margins.right()
    text = edit.placeholderText()
    return [_say(edit, f"placeholder {text}")] if _advance(edit, text) > room + SLACK else []


def _table(view: QTableView) -> list[str]:
    found: list[str] = []
    model = view.model()
    if model is None:
        return found
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if (
            header.isVisible()
            and header.sectionSizeHint(column) > header.sectionSize(column) + SLACK
        ):
            found.append(f"{_name(view)} column header {title!r} is cut off")
        found.extend(_cells(view, column))
    return found


def _cells(view: QTableView, column: int) -> list[str]:
    """A cell's text must fit its column, or wrap within its row when the view wraps."""
    model = view.model()
    width = view.columnWidth(column) - 8
    for row in range(min(model.rowCount(), CELL_ROWS)):
        value = model.data(model.index(row, column))
        if value is None or isinstance(value, bool) or not str(value):
            continue
        text = str(value)
        metrics = QFontMetrics(view.font())
        if view.wordWrap():
            flags = int(Qt.TextFlag.TextWordWrap)
            rect = metrics.boundingRect(QRect(0, 0, max(width, 1), 10_000), flags, text)
            if rect.height() <= view.rowHeight(row) - 2 and rect.width() <= width + SLACK:
                continue
        elif metrics.horizontalAdvance(text) <= width + SLACK:
            continue
        return [f"{_name(view)} cell {text!r} is cut off (column {column})"]
    return []


def _lines(widget: QWidget, text: str, width: int, height: int) -> list[str]:
    if not text:
        return []
    metrics = widget.fontMetrics()
    lines = text.replace("&&", "&").split("\n")
    wide = max(metrics.horizontalAdvance(line.replace("&", "")) for line in lines)
    if wide > width + SLACK or metrics.height() * len(lines) > height + SLACK:
        return [_say(widget, text)]
    return []


def _advance(widget: QWidget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text)


def _scrolled_in(widget: QWidget) -> QScrollArea | None:
    """The scroll area a widget can be scrolled into view in, if any."""
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow():
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            return parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None


def _hidden_in_scroll(widget: QWidget) -> bool:
    """Inside a scroll area, what can be scrolled to is reachable: only its width counts."""
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow():
        if isinstance(parent, QAbstractItemView | QHeaderView):
            return True  # an editor or header inside a view: the view is checked as a whole
        if parent.isWindow():
            return False
        parent = parent.parentWidget()
    return False


def _say(widget: QWidget, text: str) -> str:
    return f"{_name(widget)} text {text!r} is cut off ({widget.width()}x{widget.height()})"


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '-'})"
