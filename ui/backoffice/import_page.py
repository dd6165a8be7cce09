"""Importing a tenant's items from a spreadsheet saved as CSV (manager): a preview of every row
with per-row errors first; nothing is imported until confirmed, and never half a file (or, if
the manager chooses, only the good rows). Categories the catalogue does not know are listed
with the group their rows go to, which the manager may change before importing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from pos.model.catalogue import Item
from pos.services import item_import
from pos.services.item_import import ImportPreview
from ui.backoffice.category_table import CategoryTable
from ui.backoffice.import_model import ImportPreviewModel
from ui.backoffice.page_parts import heading, message_line, say, sized
from ui.common import error_text, tab_passes, touch_button, ui_language
from ui.pages import PageContext, PageWidget


class ImportPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = ctx.session
        self.preview: ImportPreview | None = None
        self.mapping: dict[str, str] = {}
        """A category of the file -> the group id the manager chose for it."""
        self._data = b""
        self.tenant = QComboBox(self)
        for tenant in sorted(self.session.tenants().values(), key=lambda t: t.code):
            self.tenant.addItem(f"{tenant.code}  {tenant.name}", tenant.code)
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("CSV file (; or , separated, UTF-8 or Windows)"))
        self.path.returnPressed.connect(self.read_file)
        sized(self.tenant, self.path)
        choose = touch_button(self.tr("Choose file…"), self, "Ctrl+O")
        choose.clicked.connect(self.choose_file)
        read = touch_button(self.tr("Preview"), self, "F5")
        read.clicked.connect(self.read_file)
        top = QHBoxLayout()
        top.addWidget(self.tenant, 2)
        top.addWidget(self.path, 3)
        top.addWidget(choose)
        top.addWidget(read)
        self.model = ImportPreviewModel()
        self.view = tab_passes(QTableView(self))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(  # a mapped group names the category
            4, QHeaderView.ResizeMode.ResizeToContents
        )
        self.categories = CategoryTable(self)
        self.categories.group_chosen.connect(self.choose_group)
        self.summary = QLabel("", self)
        self.skip_errors = QCheckBox(self.tr("Import only the good rows"), self)
        sized(self.skip_errors)
        self.import_button = touch_button(self.tr("Import"), self, "Ctrl+I")
        self.import_button.clicked.connect(self.confirm)
        self.import_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.skip_errors)
        bottom.addWidget(self.import_button)
        self.message = message_line(self)
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self, self.tr("Import items (CSV)")))
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.categories)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.tenant.currentIndexChanged.connect(self._forget)

    def _forget(self) -> None:
        self.preview = None
        self.mapping = {}
        self.model.show(None, ui_language())
        self.categories.show_choices(None)
        self.import_button.setEnabled(False)
        self.summary.clear()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Items file"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if path:
            self.path.setText(path)
            self.read_file()

    def read_file(self) -> None:
        """Read and check the whole file (off the GUI thread); nothing is written."""
        self._forget()
        path, code = Path(self.path.text().strip()), self.tenant.currentData()
        say(self.message, self.tr("Reading %1 …").replace("%1", path.name))

        def read() -> tuple[bytes, ImportPreview]:
            data = path.read_bytes()
            return data, item_import.preview(self.session.uow, code, data)

        self.ctx.tasks.run(read, self._read, self._unreadable)

    def choose_group(self, category: str, group_id: str) -> None:
        """Check the file again with the rows of ``category`` in the chosen group."""
        if self.preview is None:
            return
        self.mapping[category] = group_id
        code, data, mapping = self.preview.tenant_code, self._data, dict(self.mapping)
        self.import_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda: item_import.preview(self.session.uow, code, data, mapping=mapping),
            self._previewed,
            self._unreadable,
        )

    def _read(self, read: tuple[bytes, ImportPreview]) -> None:
        self._data = read[0]
        self._previewed(read[1])

    def _unreadable(self, error: Exception) -> None:
        say(self.message, error_text(error), problem=True)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.show(preview, ui_language())
        self.categories.show_choices(preview)
        good, bad = len(preview.rows), len(preview.errors)
        self.summary.setText(
            self.tr("%1, %2 with errors (%3, %4).")
            .replace("%1", self.tr("%n rows ready", "", good))
            .replace("%2", str(bad))
            .replace("%3", preview.parsed.encoding)
            .replace("%4", repr(preview.parsed.delimiter))
        )
        self.import_button.setEnabled(good > 0)
        if bad:
            first = preview.errors[0].message(ui_language())
            say(
                self.message,
                self.tr("Nothing is imported yet. First problem: %1").replace("%1", first),
                problem=True,
            )
        elif preview.categories:
            say(
                self.message,
                self.tr(
                    "Not in the catalogue: %1. Their rows go to the article group shown below; "
                    "choose another if it fits better. Ctrl+I imports."
                ).replace("%1", ", ".join(f"«{c.category}»" for c in preview.categories)),
            )
        else:
            say(self.message, self.tr("The file is clean. Ctrl+I imports it."))

    def confirm(self) -> None:
        if self.preview is None:
            return
        preview, skip = self.preview, self.skip_errors.isChecked()
        till = self.session.context()
        self.import_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda: item_import.confirm(self.session.uow, till, preview, skip_errors=skip),
            self._imported,
            self._failed,
        )

    def _imported(self, made: list[Item]) -> None:
        self._forget()
        say(self.message, self.tr("%n items imported.", "", len(made)))

    def _failed(self, error: Exception) -> None:
        self.import_button.setEnabled(True)
        say(self.message, error_text(error), problem=True)
