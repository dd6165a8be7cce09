"""The banner of refusals, over the basket: a refused scan, every other refusal at the sale
screen (a code typed by hand, a basket that cannot be resumed, a payment on a closed till), and
alerts as urgent (a drawer that did not open). It stays until the cashier acknowledges it (its
button, or Esc on the sale screen) or the basket is done (a sale or return recorded), so a
refusal among fast scans is never replaced by the next scan's message. Several refusals are
listed, newest first.

While a dialog is in front of the window (a repair job, the payment), the same refusals are also
shown over the top of that dialog (``RefusalOverlay``), where the person is looking; the banner
under it keeps them after the dialog closes, until they are seen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QWidget
from shiboken6 import isValid

from ui.common import touch_button

MAX_SHOWN = 4
"""Refusals listed at once; older ones are counted."""
STYLE = (
    "#refusalBanner, #refusalOverlay { background: #b71c1c; border-radius: 4px; }"
    "#refusalBanner QLabel, #refusalOverlay QLabel "
    "{ color: white; font-size: 17px; font-weight: bold; }"
)


class _RefusalFrame(QFrame):
    """The red frame with the refusals' text and a "Seen" button."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(STYLE)
        self.text = QLabel(self)
        self.text.setObjectName("refusalText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.ok_button = touch_button(self.tr("Seen") + "\nEsc", self)
        self.ok_button.setObjectName("refusalSeen")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.ok_button)
        self.hide()


class RefusalOverlay(_RefusalFrame):
    """The banner's refusals laid over the top of a dialog in front of the window (not in its
    layout: the dialog's own widgets stay where they are, under it until it is seen). Esc says
    "seen" here as on the sale screen: while it shows, the first Esc is its own, and the next
    is the dialog's again."""

    def __init__(self, banner: RefusalBanner, front: QWidget) -> None:
        super().__init__("refusalOverlay", front)
        self.banner = banner
        self.ok_button.clicked.connect(banner.acknowledge)
        front.installEventFilter(self)

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        front = self.parentWidget()
        if front is None:
            return
        width = front.width()
        height = max(self.heightForWidth(width), self.sizeHint().height())
        self.setGeometry(0, 0, width, min(height, max(front.height() // 2, 60)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Kept across the dialog's top as it is resized; Esc in the dialog is "seen"."""
        kind = event.type()
        if watched is self.parentWidget() and kind == QEvent.Type.Resize:
            self._place()
        elif kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and self._is_esc(
            watched, event
        ):
            # Key events the focused field leaves come up to the dialog; a ShortcutOverride
            # accepted here keeps the dialog's own Esc shortcut (Back, Close) from taking it.
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.banner.acknowledge()
            return True
        return super().eventFilter(watched, event)

    def _is_esc(self, watched: QObject, event: QEvent) -> bool:
        return (
            self.isVisible()
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
            and isinstance(watched, QWidget)
            and watched.window() is self.window()
        )


class RefusalBanner(_RefusalFrame):
    acknowledged = Signal()
    """The cashier saw the refusals (pressed the button or Esc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("refusalBanner", parent)
        self.refusals: list[str] = []
        """Newest first."""
        self._kinds: list[str] = []
        """Per refusal, newest first: ``scan``, ``refusal`` (something done) or ``alert``."""
        self.ok_button.clicked.connect(self.acknowledge)
        self.overlays: list[RefusalOverlay] = []

    def bind_key(self, scope: QWidget) -> QShortcut:
        """Esc acknowledges while focus is in ``scope`` (the sale screen): on a page, Esc is
        that page's Back, and one key must not mean two things."""
        shortcut = QShortcut(QKeySequence("Esc"), scope)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.acknowledge)
        return shortcut

    def add(self, text: str, *, scan: bool = True) -> None:
        """A refusal: of a scan, or (``scan=False``) of something the person did."""
        self._show(text, "scan" if scan else "refusal")

    def alert(self, text: str) -> None:
        """Something else the cashier must see now, said as it is (a drawer that did not
        open); it stays as a refusal does. The same alert again is said once, on top."""
        for index, (said, kind) in enumerate(zip(self.refusals, self._kinds, strict=True)):
            if kind == "alert" and said == text:
                del self.refusals[index], self._kinds[index]
                break
        self._show(text, "alert")

    def _show(self, text: str, kind: str) -> None:
        self.refusals.insert(0, text)
        self._kinds.insert(0, kind)
        shown = list(zip(self.refusals, self._kinds, strict=True))[:MAX_SHOWN]
        first = {"scan": self.tr("Scan refused: %1"), "refusal": self.tr("Refused: %1")}
        lines = [first.get(k, "%1").replace("%1", t) for t, k in shown[:1]]
        lines += [
            t if k == "alert" else self.tr("Also refused: %1").replace("%1", t)
            for t, k in shown[1:]
        ]
        if len(self.refusals) > MAX_SHOWN:
            more = len(self.refusals) - MAX_SHOWN
            lines.append(self.tr("and %1 more").replace("%1", str(more)))
        self.text.setText("\n".join(lines))
        self.show()
        self._show_over_front()

    def _show_over_front(self) -> None:
        """Over the dialog in front of this window, if one is: the banner is under it."""
        front = QApplication.activeModalWidget() or QApplication.activeWindow()
        if front is None or front is self.window() or not front.isVisible():
            return
        overlay = front.findChild(
            RefusalOverlay, "refusalOverlay", Qt.FindChildOption.FindDirectChildrenOnly
        )
        if overlay is None:
            overlay = RefusalOverlay(self, front)
            self.overlays.append(overlay)
        overlay.show_text(self.text.text())

    def shown_over(self) -> list[RefusalOverlay]:
        """The overlays showing the refusals now, over dialogs in front."""
        self.overlays = [o for o in self.overlays if isValid(o)]  # a closed dialog's are gone
        return [o for o in self.overlays if o.isVisible()]

    def acknowledge(self) -> None:
        if self.refusals:
            self.clear()
            self.acknowledged.emit()

    def basket_done(self) -> None:
        """A sale completed: the basket's refusals go, an alert stays until it is seen. The
        sale's own drawer kick may fail before the sale's completion reaches the window; its
        alert must not be cleared by the very sale it is about."""
        alerts = [(t, k) for t, k in zip(self.refusals, self._kinds, strict=True) if k == "alert"]
        self.clear()
        for text, _kind in reversed(alerts):
            self._show(text, "alert")

    def clear(self) -> None:
        self.refusals.clear()
        self._kinds.clear()
        self.text.clear()
        self.hide()
        self.overlays = [o for o in self.overlays if isValid(o)]
        for overlay in self.overlays:
            overlay.hide()
