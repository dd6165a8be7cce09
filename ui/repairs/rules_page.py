"""The manager's notification rules: per status, whether the customer is told, by which channel,
and in which words (placeholders {kunde} {billett} {vare} {beløp} {rest} {butikk} {status}
{frist}). Technicians see the result in the status change preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.notification import PLACEHOLDERS, ChannelChoice, NotifyRule
from pos.model.repair import RepairStatus
from pos.services import repair_status
from ui.common import error_text, touch_button
from ui.message_line import MessageLine
from ui.pages import PageWidget
from ui.repairs.desk import RepairDesk
from ui.repairs.labels import status_label


class RulesPage(PageWidget):
    def __init__(self, desk: RepairDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repairRules")
        self.desk = desk
        self.rules: list[NotifyRule | None] = []
        heading = QLabel(self.tr("Customer messages per status"), self)
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.statuses = QListWidget(self)
        self.statuses.setMaximumWidth(260)
        for status in RepairStatus:
            self.statuses.addItem(status_label(status))
        self.enabled = QCheckBox(self.tr("Tell the customer when a job gets this status"), self)
        self.channel = QComboBox(self)
        for choice, text in (
            (ChannelChoice.AUTO, self.tr("SMS to a mobile, else e-mail")),
            (ChannelChoice.SMS, self.tr("SMS only")),
            (ChannelChoice.EMAIL, self.tr("E-mail only")),
        ):
            self.channel.addItem(text, choice.value)
        self.subject = QLineEdit(self)
        self.subject.setMinimumHeight(44)
        self.body = QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        help_text = self.tr("Fields: %1").replace(
            "%1", " ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
        )
        self.help = QLabel(help_text, self)
        self.help.setWordWrap(True)
        self.message = MessageLine(self)
        form = QFormLayout()
        form.addRow("", self.enabled)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("E-mail subject"), self.subject)
        form.addRow(self.tr("Text"), self.body)
        form.addRow("", self.help)
        save = touch_button(self.tr("Save rule"), self, "Ctrl+S")
        back = touch_button(self.tr("Back"), self, "Esc")
        for button in (save, back):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(save)
        bottom.addWidget(back)
        columns = QHBoxLayout()
        columns.addWidget(self.statuses)
        columns.addLayout(form, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        self.statuses.currentRowChanged.connect(self.show_rule)
        save.clicked.connect(self.save)
        back.clicked.connect(self.close_requested.emit)

    @property
    def status(self) -> RepairStatus:
        return list(RepairStatus)[max(self.statuses.currentRow(), 0)]

    def on_shown(self) -> None:
        self.rules = repair_status.notify_rules(self.desk.uow)
        if self.statuses.currentRow() < 0:
            self.statuses.setCurrentRow(0)
        self.show_rule(self.statuses.currentRow())

    def show_rule(self, row: int) -> None:
        rule = self.rules[row] if 0 <= row < len(self.rules) else None
        self.enabled.setChecked(bool(rule and rule.enabled))
        choice = rule.channel if rule else ChannelChoice.AUTO
        self.channel.setCurrentIndex(self.channel.findData(choice.value))
        self.subject.setText(rule.subject if rule else "")
        self.body.setPlainText(rule.body if rule else "")
        self.message.clear()

    def save(self) -> None:
        try:
            rule = NotifyRule(
                self.status,
                self.enabled.isChecked(),
                ChannelChoice(self.channel.currentData()),
                self.subject.text().strip(),
                self.body.toPlainText().strip(),
            )
            repair_status.set_notify_rule(self.desk.uow, self.desk.session.context(), rule)
        except DomainError as error:
            self.message.say(error_text(error), problem=True)
            return
        self.rules = repair_status.notify_rules(self.desk.uow)
        self.message.say(
            self.tr("Saved: «%1» from now on.").replace("%1", status_label(self.status))
        )
