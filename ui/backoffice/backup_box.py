"""Backups on the register page (manager): the second place every backup is also copied to (a
USB disk or a network folder, so a dead disk or a stolen PC does not take the backups with
it), and a backup taken now with the result said in plain words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
)

from pos.services import backups
from pos.services.backups import Taken
from ui.backoffice.page_parts import message_line, say, sized
from ui.common import error_text, touch_button
from ui.pages import PageContext, PageWidget


class BackupBox(QGroupBox):
    def __init__(self, ctx: PageContext, parent: PageWidget) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backups"))
        self.ctx = ctx
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("e.g. /media/usb/omigjen or a network folder"))
        sized(self.place)
        choose = touch_button(self.tr("Choose folder…"), self)
        choose.clicked.connect(self.choose_folder)
        self.save_button = touch_button(self.tr("Save backup place"), self)
        self.save_button.clicked.connect(self.save_place)
        self.now_button = touch_button(self.tr("Back up now"), self, "Ctrl+B")
        self.now_button.clicked.connect(self.back_up_now)
        self.message = message_line(self)
        row = QHBoxLayout()
        row.addWidget(self.place, 1)
        row.addWidget(choose)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.now_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Second place"), row)
        form.addRow("", buttons)
        form.addRow(self.message)

    def load(self) -> None:
        self.place.setText(backups.second_place(self.ctx.session.uow))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Second place for backups"))
        if folder:
            self.place.setText(folder)

    def save_place(self) -> None:
        try:
            saved = backups.set_second_place(
                self.ctx.session.uow, self.ctx.session.context(), self.place.text()
            )
        except Exception as error:  # noqa: BLE001 - shown, never a traceback
            say(self.message, error_text(error), problem=True)
            return
        say(
            self.message,
            self.tr("Every backup is also copied to %1.").replace("%1", saved)
            if saved
            else self.tr("Backups are kept in the data directory only."),
        )

    def back_up_now(self) -> None:
        data_dir = self.ctx.data_dir
        if data_dir is None:
            say(self.message, self.tr("No data directory in this window."), problem=True)
            return
        self.now_button.setEnabled(False)
        self._tell(self.tr("Backing up…"))
        self.ctx.tasks.run(lambda: backups.take(data_dir, "manual"), self._taken, self._failed)

    def _taken(self, taken: Taken) -> None:
        self.now_button.setEnabled(True)
        text = self.tr("Backup saved: %1").replace("%1", str(taken.path))
        if taken.second is not None:
            text += "\n" + self.tr("Copied to %1").replace("%1", str(taken.second))
        if taken.second_problem:
            text += "\n" + self.tr("Not copied to the second place: %1").replace(
                "%1", error_text(taken.second_problem)
            )
        self._tell(text, problem=bool(taken.second_problem))

    def _failed(self, error: Exception) -> None:
        self.now_button.setEnabled(True)
        self._tell(error_text(error), problem=True)

    def _tell(self, text: str, *, problem: bool = False) -> None:
        """The backup's result; the page scrolls to it (the message line does that)."""
        say(self.message, text, problem=problem)
