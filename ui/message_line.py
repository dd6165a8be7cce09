"""A screen's line that says what just happened, or what went wrong. It belongs to the moment:
the counter window clears every message line of a screen the person leaves, and a new person
starts on fresh screens, so nobody reads yesterday's "Sale recorded" or someone else's error
as their own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

PROBLEM_COLOUR = "#b71c1c"
DONE_COLOUR = "#1b5e20"


class MessageLine(QLabel):
    def __init__(self, parent: QWidget | None = None, *, size_px: int = 0) -> None:
        super().__init__("", parent)
        self.setWordWrap(True)
        self.size_px = size_px
        self.problem = False

    def say(self, text: str, *, problem: bool = False, reveal: bool = True) -> None:
        """Red for a problem (something refused or failed), green for what was done or is
        simply so: a hand-over or a lock is news, not an error. ``reveal=False`` for a note a
        page says as it opens: the page stays at its top."""
        self.problem = problem
        size = f" font-size: {self.size_px}px;" if self.size_px else ""
        colour = PROBLEM_COLOUR if problem else DONE_COLOUR
        self.setStyleSheet(f"color: {colour}; font-weight: bold;{size}")
        self.setText(text)
        if reveal:
            QTimer.singleShot(0, self, self._scroll_into_view)  # not after the line is gone

    def _scroll_into_view(self) -> None:
        """A page taller than a small counter screen scrolls to its message: a refusal below the
        fold would look like a key that did nothing."""
        holder = self.parentWidget()
        while holder is not None and not isinstance(holder, QScrollArea):
            holder = holder.parentWidget()
        if holder is not None and self.isVisible():
            # the new text may make the page taller: lay it out first, then scroll
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            holder.ensureWidgetVisible(self)

    def clear(self) -> None:
        self.problem = False
        super().clear()


def clear_messages(screen: QWidget) -> None:
    """Every message line shown in ``screen`` (its dialogs keep theirs until they close)."""
    lines = screen.findChildren(MessageLine)
    if isinstance(screen, MessageLine):
        lines.append(screen)
    for line in lines:
        if line.window() is screen.window():
            line.clear()
