"""Pieces every back-office page shares: a heading with "Back (Esc)", a message line that says
what happened (or what went wrong), and touch-sized fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.common import TOUCH_MIN_PX, touch_button
from ui.message_line import MessageLine
from ui.pages import PageWidget


def heading(page: PageWidget, title: str) -> QHBoxLayout:
    row = QHBoxLayout()
    label = QLabel(title, page)
    label.setStyleSheet("font-size: 22px; font-weight: bold;")
    row.addWidget(label, 1)
    back = touch_button(QCoreApplication.translate("BackOffice", "Back"), page, "Esc")
    back.clicked.connect(page.close_requested.emit)
    row.addWidget(back)
    return row


def message_line(parent: QWidget) -> MessageLine:
    label = MessageLine(parent)
    label.setMinimumHeight(32)
    return label


def say(label: MessageLine, text: str, *, problem: bool = False, reveal: bool = True) -> None:
    label.say(text, problem=problem, reveal=reveal)


def sized(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.setMinimumHeight(TOUCH_MIN_PX)
