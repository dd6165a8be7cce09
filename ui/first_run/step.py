"""One step of the first-run set-up: its fields in tab order; Enter in a field moves on to the
next field and, in the last one, asks for the next step (so the whole set-up is keyboard-only)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QWidget

from pos.errors import DomainError
from ui.common import TOUCH_MIN_PX, error_text

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

FOCUS_COLOUR = "#1565c0"
FOCUS_STYLE = f"""
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QAbstractItemView:focus {{
    border: 3px solid {FOCUS_COLOUR}; border-radius: 4px; background: #e8f1fd; padding: 0 4px;
}}
QCheckBox:focus {{ border: 3px solid {FOCUS_COLOUR}; border-radius: 4px; padding: 2px; }}
"""
"""The field Enter is in is plainly marked (a thick blue frame): with Enter walking the
fields, a drop-down or a tick box that looks the same focused or not would leave the person
pressing Enter without seeing anything move."""


class SetupStep(QWidget):
    next_requested = Signal()
    """Enter in the step's last field: go on to the next step."""
    problem = Signal(str)
    """Something typed was refused: (the message, in the UI's language)."""
    told = Signal(str)
    """Something typed was taken (e.g. a tenant added): (what, in the UI's language)."""

    def title(self) -> str:
        raise NotImplementedError

    def inputs(self) -> list[QWidget]:
        """The fields in the order Tab and Enter walk them."""
        return []

    def check(self) -> None:
        """Raise a DomainError unless the step is complete (its message is shown)."""

    def refused(self, error: Exception) -> None:
        """The step's check refused it: put the focus where the fix is typed."""

    def entered(self) -> None:
        """The step came to the front: focus its first field."""
        fields = self.inputs()
        if fields:
            fields[0].setFocus(Qt.FocusReason.TabFocusReason)

    def wire_enter(self) -> None:
        """Call once the fields exist: tab order and Enter handling in ``inputs()`` order."""
        fields = self.inputs()
        for first, second in zip(fields, fields[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for field in fields:
            field.setMinimumHeight(TOUCH_MIN_PX)
            field.installEventFilter(self)

    def enter_pressed(self, field: QWidget) -> None:
        fields = self.inputs()
        if field is fields[-1]:
            self.next_requested.emit()
        else:
            fields[fields.index(field) + 1].setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(watched, QWidget)
            and watched in self.inputs()
        ):
            try:
                self.enter_pressed(watched)
            except DomainError as error:
                self.problem.emit(error_text(error))
            return True
        return super().eventFilter(watched, event)


def hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label
