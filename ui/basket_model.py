"""The basket as a table model: one row per line, marked by its tenant (code and colour); the
line just scanned flashes for a moment, so the cashier sees which line a scan made."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from pos.model.basket import Basket, BasketLine
from pos.model.catalogue import Item
from pos.model.tenant import Tenant
from pos.money import Ore, format_nok
from ui.till_session import TillSession

FLASH_COLOUR = QColor("#66bb6a")
FLASH_MS = 700
TENANT_COLOURS = ("#e3f2fd", "#fff3e0", "#e8f5e9", "#fce4ec", "#ede7f6", "#fffde7", "#e0f7fa")
_Index = QModelIndex | QPersistentModelIndex


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


class BasketTableModel(QAbstractTableModel):
    TENANT, ITEM, QTY, PRICE, DISCOUNT, TOTAL = range(6)

    flashed = Signal(object)
    """A line lit up after its scan, or the light went out: (line id or None)."""

    def __init__(self, session: TillSession) -> None:
        super().__init__()
        self._session = session
        self._colours: dict[str, QColor] = {}
        self.tenant_names = True
        """Whether the tenant column names the tenant, or gives its code only (a narrow
        screen: the name is in the tooltip and under the basket with its total)."""
        self.flashing: str | None = None
        """The line id lit up after its scan (None when no line is)."""
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.flash(None))
        self._headers = [
            QCoreApplication.translate("BasketTableModel", "Tenant"),
            QCoreApplication.translate("BasketTableModel", "Item"),
            QCoreApplication.translate("BasketTableModel", "Qty"),
            QCoreApplication.translate("BasketTableModel", "Price"),
            QCoreApplication.translate("BasketTableModel", "Discount"),
            QCoreApplication.translate("BasketTableModel", "Total"),
        ]

    @property
    def lines(self) -> list[BasketLine]:
        return self._session.basket.lines

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A repaint asks each visible cell for ~8 roles; most are answered None, at once.
        if role not in _ROLES or not index.isValid() or index.row() >= len(self.lines):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.line_id == self.flashing:
                return FLASH_COLOUR
            return self._colour(line.tenant_id)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TENANT:
            tenant = self._tenant(line.tenant_id)
            return tenant.name if tenant else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.QTY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, line: BasketLine, column: int) -> str | None:
        if column == self.TENANT:
            tenant = self._tenant(line.tenant_id)
            if tenant is None:
                return line.tenant_id
            return f"{tenant.code} {tenant.name}" if self.tenant_names else tenant.code
        if column == self.ITEM:
            reason = f" ({line.discount_reason})" if line.discount_reason else ""
            return line.description + reason
        if column == self.QTY:
            return str(line.qty)
        if column == self.PRICE:
            return format_nok(line.unit_price)
        if column == self.DISCOUNT:
            return f"-{format_nok(line.discount)}" if line.discount else ""
        if column == self.TOTAL:
            return format_nok(line.amount)
        return None

    def _tenant(self, tenant_id: str) -> Tenant | None:
        return self._session.tenants().get(tenant_id)

    def _colour(self, tenant_id: str) -> QColor:
        """One colour per tenant, by its place among the tenants (cached: painted per cell)."""
        colour = self._colours.get(tenant_id)
        if colour is None:
            order = sorted(self._session.tenants())
            position = order.index(tenant_id) if tenant_id in order else 0
            colour = QColor(TENANT_COLOURS[position % len(TENANT_COLOURS)])
            self._colours[tenant_id] = colour
        return colour

    def line_at(self, row: int) -> BasketLine | None:
        return self.lines[row] if 0 <= row < len(self.lines) else None

    # -- changes go through the model, so views hear of them in Qt's begin/end order --------
    def add(self, item: Item, qty: int = 1, price: Ore | None = None) -> BasketLine:
        """Ring up an item; a DomainError leaves basket and views untouched."""
        Basket(lines=list(self.lines)).add(item, qty, price)  # the rules, on a copy
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        try:
            return self._session.ring_up(item, qty, price)
        finally:
            self.endInsertRows()
            if len(self.lines) == row:  # refused after the rules (the store): no row came
                self.reset()

    def delete(self, line_id: str) -> BasketLine:
        """Delete a line (journaled by the session)."""
        row = next(i for i, ln in enumerate(self.lines) if ln.line_id == line_id)
        self.beginRemoveRows(QModelIndex(), row, row)
        try:
            return self._session.delete_line(line_id)
        finally:
            self.endRemoveRows()
            if any(ln.line_id == line_id for ln in self.lines):  # the journal refused it
                self.reset()

    def flash(self, line_id: str | None) -> None:
        """Light up a line for ``FLASH_MS`` (None: put the light out)."""
        previous, self.flashing = self.flashing, line_id
        for changed in {previous, line_id} - {None}:
            assert changed is not None
            self.line_changed(changed)
        if line_id is None:
            self._flash_timer.stop()
        else:
            self._flash_timer.start()
        self.flashed.emit(line_id)

    def line_changed(self, line_id: str) -> None:
        row = next((i for i, ln in enumerate(self.lines) if ln.line_id == line_id), None)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def reset(self) -> None:
        self._colours.clear()
        self.beginResetModel()
        self.endResetModel()
