"""The article groups step: the defaults for a reuse centre offered ticked (Space unticks the
one selected), and the centre's own groups added with a SAF-T code. Every item and every X/Z
line belongs to one of these groups."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.model.catalogue import ArticleGroup
from pos.services.first_run import (
    DEFAULT_ARTICLE_GROUPS,
    SAFT_GROUP_NAMES,
    check_article_group,
    check_article_groups,
)
from ui.first_run.step import SetupStep, hint

GROUP_ROLE = Qt.ItemDataRole.UserRole


class GroupsStep(SetupStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("groupList")
        for group in DEFAULT_ARTICLE_GROUPS:
            self._add_row(group)
        self.list.setCurrentRow(0)
        self.group_id = QLineEdit(self)
        self.group_id.setObjectName("groupId")
        self.group_id.setPlaceholderText(self.tr("e.g. BOOKS"))
        self.group_name = QLineEdit(self)
        self.group_name.setObjectName("groupName")
        self.saft = QComboBox(self)
        self.saft.setObjectName("groupSaft")
        for code, name in SAFT_GROUP_NAMES.items():
            self.saft.addItem(f"{code} {name}", code)
        form = QFormLayout()
        form.addRow(self.tr("Own group: code"), self.group_id)
        form.addRow(self.tr("Name"), self.group_name)
        form.addRow(self.tr("SAF-T code"), self.saft)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Ticked groups are set up. Space ticks or unticks the selected one. To add "
                    "a group of your own, fill in the fields below and press Enter; with the "
                    "fields empty, Enter goes on."
                ),
                self,
            )
        )
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        self.wire_enter()

    def _add_row(self, group: ArticleGroup, checked: bool = True) -> None:
        row = QListWidgetItem(f"{group.id} – {group.name} ({group.saft_code})", self.list)
        row.setData(GROUP_ROLE, group)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def title(self) -> str:
        return self.tr("Article groups")

    def inputs(self) -> list[QWidget]:
        return [self.list, self.group_id, self.group_name, self.saft]

    def enter_pressed(self, field: QWidget) -> None:
        """Enter with the own-group fields empty goes on; with them filled adds the group."""
        if not (self.group_id.text().strip() or self.group_name.text().strip()):
            self.next_requested.emit()
        elif field is self.saft or field is self.group_name:
            self.add_group()
        else:
            super().enter_pressed(field)

    def add_group(self) -> None:
        group = check_article_group(
            self.group_id.text(), self.group_name.text(), str(self.saft.currentData())
        )
        check_article_groups([*self.all_groups(), group])
        self._add_row(group)
        self.list.setCurrentRow(self.list.count() - 1)
        self.group_id.clear()
        self.group_name.clear()
        self.group_id.setFocus()
        self.told.emit(self.tr("Added: %1 %2.").replace("%1", group.id).replace("%2", group.name))

    def all_groups(self) -> list[ArticleGroup]:
        return [self.list.item(i).data(GROUP_ROLE) for i in range(self.list.count())]

    def groups(self) -> tuple[ArticleGroup, ...]:
        """The ticked groups, checked."""
        ticked = [
            self.list.item(i).data(GROUP_ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return check_article_groups(ticked)

    def check(self) -> None:
        self.groups()
