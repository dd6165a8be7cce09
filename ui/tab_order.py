"""Tab in the order the eye reads a form: the order its layouts place the controls (down a
column of a form, then the next column; along a row of buttons), not the order the code happened
to create them in. ``tools/tab_check.py`` checks the result on every screen by pressing Tab."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDateTimeEdit,
    QLayout,
    QScrollArea,
    QWidget,
)


def tab_in_layout_order(root: QWidget) -> list[QWidget]:
    """Chain the Tab stops of ``root`` as its layouts lay them out; returns the chain. Call it
    again after adding controls (Qt skips hidden and disabled ones as Tab goes)."""
    layout = root.layout()
    chain = list(_stops(layout)) if layout is not None else []
    for before, after in pairwise(chain):
        QWidget.setTabOrder(before, after)
    for stop in chain:
        if isinstance(stop, QDateTimeEdit):
            tab_leaves(stop)
    return chain


def tab_leaves(field: QDateTimeEdit) -> None:
    """One Tab (or Shift+Tab) leaves a date field, as it leaves any other field; Qt's own walks
    through the day, the month and the year first. Arrow keys and typing a separator still move
    between the parts (installing it twice is harmless: Qt keeps one)."""
    field.installEventFilter(_LEAVE_ON_TAB)


class _LeaveOnTab(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        mods = event.modifiers()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        shifted = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        forward = event.key() == Qt.Key.Key_Tab and not shifted
        # A plain widget's step to the window's next stop, not the date's step to its next part.
        return QWidget.focusNextPrevChild(watched, forward)


_LEAVE_ON_TAB = _LeaveOnTab()


def _stops(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if inner is not None:
            yield from _stops(inner)
        elif widget is not None:
            yield from _stops_in(widget)


def _stops_in(widget: QWidget) -> Iterator[QWidget]:
    """A control is a stop; a container (a panel, a button box, a scrolled page) is walked."""
    content = widget.widget() if isinstance(widget, QScrollArea) else None
    scrolled = content.layout() if content is not None else None
    if scrolled is not None:
        yield from _stops(scrolled)
        return
    takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    own = widget.layout()
    if own is not None and not isinstance(widget, QAbstractScrollArea) and not takes_tab:
        yield from _stops(own)
    elif takes_tab:
        yield widget
