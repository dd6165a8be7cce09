"""Where Tab goes on a screen, walked with real Tab keys: every field a person can type in or
choose from is reached, one Tab leaves any field (a date's parts included), and Tab reads the
screen as a person does (down a column, along a row, then on to the next column; never back up
a column it has left, never back left along a row).
Used by the tab-order test over every stop of ``tools/screen_tour.py``."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QWidget,
)

SLACK = 4
"""Pixels two widgets may be out of line and still count as one row or one column."""
MAX_STEPS = 120


@dataclass(frozen=True)
class Stop:
    widget: QWidget
    place: QRect
    """Where it lies in the window, as laid out before the walk (scrolled to the top)."""
    scroll: QWidget | None = None
    """The scroll area it is in (the innermost), whose fields a person reads before what lies
    below the scroll area, however far down its content goes."""
    scroll_place: QRect | None = None


def tab_problems(root: QWidget) -> list[str]:
    """What is wrong with the Tab order of the window ``root`` (empty: nothing)."""
    places = {id(w): _place(w, root) for w in _focusable(root)}
    if not places:
        return []
    walked, stuck = walk(root)
    found = [_say(stuck, "keeps Tab for itself")] if stuck is not None else []
    found += [_say(w, "is never reached by Tab") for w in _focusable(root) if w not in walked]
    stops = [_stop(w, places.get(id(w), _place(w, root)), root) for w in walked]
    if stuck is None and stops:  # a round: it starts where a person starts reading
        first = min(range(len(stops)), key=lambda i: _reading_key(stops[i].place))
        stops = stops[first:] + stops[:first]
    for before, after in zip(stops, stops[1:], strict=False):
        problem = _out_of_order(before, after)
        if problem:
            found.append(problem)
    return found


def walk(root: QWidget) -> tuple[list[QWidget], QWidget | None]:
    """Press Tab from the first field until focus comes back round: the widgets in the order
    Tab gave them focus, and the widget that kept Tab for itself (None: a round was made)."""
    _activate(root)
    start = _first(root)
    if start is None:
        return [], None
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    current = _focused(root)
    while current is not None and current not in seen and len(seen) < MAX_STEPS:
        seen.append(current)
        current = _tab_out_of(current, root)
        if current is seen[-1]:
            alone = len(_focusable(root)) == 1  # the only stop: Tab has nowhere else to go
            return seen, None if alone else current
    return seen, None


def _tab_out_of(widget: QWidget, root: QWidget) -> QWidget | None:
    """One Tab: where focus goes. A field that keeps it (a date walking its day, month and
    year) keeps Tab for itself."""
    QTest.keyClick(widget, Qt.Key.Key_Tab)
    QApplication.processEvents()
    return _focused(root)


def _activate(root: QWidget) -> None:
    if QApplication.activeWindow() is not root:
        root.activateWindow()
        QTest.qWaitForWindowActive(root, 1000)


def _focused(root: QWidget) -> QWidget | None:
    widget = QApplication.focusWidget()
    if widget is None or widget.window() is not root:
        return None
    return _owner(widget)


def _owner(widget: QWidget) -> QWidget:
    """The control a person sees for a focused part (a spin box's or combo box's own line)."""
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow():
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return parent
        parent = parent.parentWidget()
    return widget


def _first(root: QWidget) -> QWidget | None:
    focusable = _focusable(root)
    return min(focusable, key=lambda w: _reading_key(_place(w, root))) if focusable else None


def _reading_key(place: QRect) -> tuple[int, int]:
    return (place.top(), place.left())


def _focusable(root: QWidget) -> list[QWidget]:
    """What Tab should reach: visible, enabled controls that take focus by Tab, in ``root``
    itself (not in its dialogs), their inner parts left out."""
    found = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root or not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            continue
        if isinstance(widget, QScrollBar | QTabBar) or _inner_part(widget):
            continue
        found.append(widget)
    return found


def _inner_part(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractSpinBox | QComboBox | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _stop(widget: QWidget, place: QRect, root: QWidget) -> Stop:
    parent = widget.parentWidget()
    while parent is not None and parent is not root and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if not isinstance(parent, QScrollArea):
        return Stop(widget, place)
    return Stop(widget, place, parent, _place(parent, root))


def _place(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def _out_of_order(before: Stop, after: Stop) -> str | None:
    a, b = before.place, after.place
    scroll, scrolled = before.scroll, before.scroll_place
    if scroll is not None and scrolled is not None and not scroll.isAncestorOf(after.widget):
        if b.top() >= scrolled.bottom() - SLACK:
            return None  # from the end of a scrolled form down to what lies below it
    same_row = a.top() <= b.center().y() <= a.bottom() or b.top() <= a.center().y() <= b.bottom()
    if same_row:
        if b.center().x() < a.center().x() - SLACK:
            return _pair(before, after, "goes back left along a row")
        return None
    if b.top() >= a.bottom() - SLACK or b.center().y() > a.center().y():
        return None  # further down
    if b.left() >= a.right() - SLACK:
        return None  # up to the top of the next column on the right
    return _pair(before, after, "goes back up")


def _pair(before: Stop, after: Stop, what: str) -> str:
    return f"Tab from {_name(before.widget)} {what} to {_name(after.widget)}"


def _say(widget: QWidget, what: str) -> str:
    return f"{_name(widget)} {what}"


def _name(widget: QWidget) -> str:
    label = widget.objectName() or getattr(widget, "text", lambda: "")() or ""
    if not label and hasattr(widget, "placeholderText"):
        label = widget.placeholderText()
    return f"{type(widget).__name__}({label!r})" if label else type(widget).__name__
