"""Two groups on one line, one at each end; the second goes to a line of its own, still at the
right, when both do not fit. The status strip's who/where on the left and printer/sync on the
right are long together on a 1024-px screen once the printer has failed ("2 receipts not
printed · Ctrl+Shift+P", "40 waiting (no server)"): laid out in one row they made the window
wider than its screen, cutting off the sale screen's right-hand buttons."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class TwoEndsLayout(QLayout):
    """Holds exactly two items: the left group, then the right one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hints = [item.sizeHint() for item in self._shown()]
        width = sum(h.width() for h in hints) + self.spacing() * max(0, len(hints) - 1)
        return QSize(width, max((h.height() for h in hints), default=0)).grownBy(
            self.contentsMargins()
        )

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the wider group alone: the groups then stand one above the other."""
        hints = [item.minimumSize() for item in self._shown()]
        width = max((h.width() for h in hints), default=0)
        return QSize(width, max((h.height() for h in hints), default=0)).grownBy(
            self.contentsMargins()
        )

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the groups in ``rect`` (or only measure); the height they take."""
        margins = self.contentsMargins()
        room = rect.marginsRemoved(margins)
        shown = self._shown()
        if not shown:
            return margins.top() + margins.bottom()
        hints = [item.sizeHint() for item in shown]
        one_line = sum(h.width() for h in hints) + self.spacing() * (len(hints) - 1)
        if len(shown) == 1 or one_line <= room.width():
            height = max(h.height() for h in hints)
            if move:
                left = shown[0]
                if len(shown) == 1:
                    left.setGeometry(QRect(room.left(), room.top(), room.width(), height))
                else:
                    wide = hints[1].width()
                    rest = room.width() - wide - self.spacing()
                    left.setGeometry(QRect(room.left(), room.top(), rest, height))
                    shown[1].setGeometry(QRect(room.right() - wide + 1, room.top(), wide, height))
            return height + margins.top() + margins.bottom()
        top, right = hints
        if move:
            shown[0].setGeometry(QRect(room.left(), room.top(), room.width(), top.height()))
            width = min(right.width(), room.width())
            shown[1].setGeometry(QRect(room.right() - width + 1, room.top() + top.height()
                                       + self.spacing(), width, right.height()))  # fmt: skip
        return top.height() + self.spacing() + right.height() + margins.top() + margins.bottom()
