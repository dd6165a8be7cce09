"""Small helpers every counter screen uses: touch-sized buttons, messages for errors, amounts."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget

from pos.errors import DomainError
from pos.money import Ore, format_nok

TOUCH_MIN_PX = 48
"""Touch targets are at least 44 px (WCAG 2.5.5); a little more for gloved counter hands."""


def ui_language() -> str:
    """'en' or 'nb': the language the translator was installed for (see ``ui.i18n``)."""
    return "en" if QLocale().language() == QLocale.Language.English else "nb"


def error_text(error: Exception) -> str:
    """What to tell the cashier: a DomainError's own message; never a traceback."""
    if isinstance(error, DomainError):
        return error.message(ui_language())
    if ui_language() == "en":
        return f"Something went wrong ({type(error).__name__}); nothing was recorded."
    return f"Noe gikk galt ({type(error).__name__}); ingenting ble registrert."


def kr(amount: Ore) -> str:
    return f"{format_nok(amount)} kr"


def touch_button(
    text: str, parent: QWidget, shortcut: str | QKeySequence.StandardKey | None = None
) -> QPushButton:
    """A button big enough for a finger, with its shortcut shown in its label and tooltip."""
    button = QPushButton(parent)
    button.setMinimumHeight(TOUCH_MIN_PX)
    button.setMinimumWidth(TOUCH_MIN_PX)
    button.setAutoDefault(False)  # Enter in a field must not press a button of a dialog
    if shortcut is not None:
        sequence = QKeySequence(shortcut)
        # A QShortcut clicks at once; QPushButton.setShortcut would animate for 100 ms first.
        # Its parent is the button: a hidden or disabled button's shortcut does nothing.
        QShortcut(sequence, button).activated.connect(button.click)
        shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        button.setText(f"{text}\n{shown}" if shown else text)
        button.setToolTip(f"{text} ({shown})")
    else:
        button.setText(text)
    return button


View = TypeVar("View", bound=QAbstractItemView)


def tab_passes(view: View) -> View:
    """Tab goes on to the next control and the arrow keys move within the list: Qt's tables
    keep Tab for themselves, cell after cell, so a person on the keyboard never gets past."""
    view.setTabKeyNavigation(False)
    return view
