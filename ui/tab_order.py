"""Tab in the order the eye reads a form: the order its layouts place the controls (down a
column of a form, then the next column; along a row of buttons), not the order the code happened
to create them in. ``tools/tab_check.py`` checks the result on every screen by pressing Tab."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLayout, QScrollArea, QWidget


def tab_in_layout_order(root: QWidget) -> list[QWidget]:
    """Chain the Tab stops of ``root`` as its layouts lay them out; returns the chain. Call it
    again after adding controls (Qt skips hidden and disabled ones as Tab goes)."""
    layout = root.layout()
    chain = list(_stops(layout)) if layout is not None else []
    for before, after in pairwise(chain):
        QWidget.setTabOrder(before, after)
    return chain


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
