"""Pieces every back-office page shares: a heading with "Back (Esc)", a message line that says
what happened (or what went wrong), and touch-sized fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.common import TOUCH_MIN_PX, touch_button
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


def message_line(parent: QWidget) -> QLabel:
    label = QLabel("", parent)
    label.setWordWrap(True)
    label.setMinimumHeight(32)
    return label


def say(label: QLabel, text: str, *, problem: bool = False) -> None:
    label.setText(text)
    label.setStyleSheet(
        "color: #b00020; font-weight: bold;" if problem else "color: #1b5e20; font-weight: bold;"
    )


def sized(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.setMinimumHeight(TOUCH_MIN_PX)
