"""The counter window's screens, one at a time, each in a scroll area of its own: a screen
taller than a small counter screen (1024×600) scrolls instead of pushing the window past the
screen's edge, and a screen opened once no longer makes the window as big as itself. Callers
see the screens themselves, never the scroll areas."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QStackedWidget, QWidget

from ui.common import TOUCH_MIN_PX


class PageStack(QStackedWidget):
    def addWidget(self, widget: QWidget) -> int:  # noqa: N802 - Qt override
        holder = QScrollArea(self)
        holder.setObjectName(f"scroll_{widget.objectName() or type(widget).__name__}")
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: it scrolls to the focus
        holder.setWidgetResizable(True)
        holder.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        holder.setWidget(widget)
        return super().addWidget(holder)

    def holder_of(self, widget: QWidget) -> QScrollArea | None:
        for index in range(self.count()):
            holder = super().widget(index)
            if isinstance(holder, QScrollArea) and holder.widget() is widget:
                return holder
        return None

    def removeWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        holder = self.holder_of(widget)
        if holder is not None:
            super().removeWidget(holder)
            holder.deleteLater()

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt override
        holder = self.holder_of(widget)
        return -1 if holder is None else super().indexOf(holder)

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt override
        holder = super().currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        holder = self.holder_of(widget)
        if holder is not None:
            super().setCurrentWidget(holder)

    def widget(self, index: int) -> QWidget | None:
        holder = super().widget(index)
        return holder.widget() if isinstance(holder, QScrollArea) else holder


def scrolling(fields: QLayout, page: QWidget) -> QScrollArea:
    """A form's fields in a scroll area of their own within its screen: on a short screen the
    fields scroll, and the buttons and message laid out outside it stay in view."""
    holder = QWidget()
    holder.setLayout(fields)
    scroll = QScrollArea(page)
    scroll.setObjectName("formScroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: it scrolls to the focus
    scroll.setWidgetResizable(True)
    scroll.setWidget(holder)
    return scroll


class UpDownScroll(QScrollArea):
    """A column that scrolls up and down only, so it never sets how tall its screen must be:
    the columns beside it keep what they must show in view. It is as wide as what it holds
    and takes the height it is given."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: it scrolls to the focus
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        content = self.widget()
        wide = content.minimumSizeHint().width() if content is not None else 0
        return QSize(wide + self.verticalScrollBar().sizeHint().width(), TOUCH_MIN_PX)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), TOUCH_MIN_PX)
