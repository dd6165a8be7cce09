"""Joining a centre that is on the central server: its address and a one-time code from the
server's operator. The counter is enrolled (the server makes it the site's next register with
its own label block) and fetches the centre's tenants, staff, article groups and items; once
it has, the step says what arrived (``JoinedStep``). An enrolled counter whose centre has not
arrived yet keeps its enrolment: Enter fetches again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.services.joining import JoinedCentre
from ui.common import error_text
from ui.first_run.step import SetupStep, hint


class JoinStep(SetupStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = QLineEdit(self)
        self.server.setObjectName("joinServer")
        self.server.setPlaceholderText("https://sentral.example.no")
        self.code = QLineEdit(self)
        self.code.setObjectName("joinCode")
        self.ca_file = QLineEdit(self)
        self.ca_file.setObjectName("joinCaFile")
        self.ca_file.setPlaceholderText(self.tr("only for a private certificate"))
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("One-time code"), self.code)
        form.addRow(self.tr("Certificate (CA file)"), self.ca_file)
        self.explained = hint(
            self.tr(
                "This counter joins a centre that is on the central server: the server makes "
                "it the centre's next register (with its own receipt numbers and label block) "
                "and it fetches the centre's tenants, staff, article groups and items. Staff "
                "then log in with their own PINs. The one-time code comes from the server's "
                "operator (omigjen-server admin enrolment-code --site NAME). Enter joins; "
                "Alt+Left goes back to setting up a new centre."
            ),
            self,
        )
        self.state = QLabel("", self)
        self.state.setObjectName("joinState")
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explained)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addStretch(1)
        self.waiting_as: str | None = None
        self.wire_enter()

    def title(self) -> str:
        return self.tr("Join a centre on the central server")

    def inputs(self) -> list[QWidget]:
        return [self.server, self.code, self.ca_file]

    def check(self) -> None:
        if self.waiting_as is None and not (self.server.text().strip() and self.code.text()):
            raise MissingJoinDetails()

    def refused(self, error: Exception) -> None:
        missing = self.server if not self.server.text().strip() else self.code
        missing.setFocus()

    def problem_text(self, error: Exception) -> str:
        """Why joining did not work, in the UI's language (the server's codes in words)."""
        from sync.enrolment import InsecureServer
        from sync.http import ServerError, SyncError, Unreachable

        if isinstance(error, DomainError):
            return error_text(error)
        if isinstance(error, InsecureServer):
            return self.tr(
                "Use an https:// address: plain http:// to another machine would send the "
                "code and the counter's key unencrypted."
            )
        if isinstance(error, Unreachable):
            return self.tr(
                "The server does not answer: check the address, the network and the "
                "certificate (%1)."
            ).replace("%1", error.reason)
        if isinstance(error, ServerError):
            return self._server_said(error.code) or self.tr("The server refused: %1").replace(
                "%1", error.reason
            )
        if isinstance(error, SyncError):
            return self.tr("The centre could not be fetched: %1").replace("%1", error.reason)
        return error_text(error)

    def _server_said(self, code: str) -> str:
        if code == "enrol_code_invalid":
            return self.tr(
                "The code is unknown, used or expired: ask the server's operator for a new one."
            )
        if code == "register_taken":
            return self.tr(
                "The server refused: another counter of the centre is this register already. "
                "Nothing was changed."
            )
        if code == "rate_limited":
            return self.tr("Too many attempts: wait a minute and try again.")
        if code == "upgrade_required":
            return self.tr("This program is too old for the server: update it first.")
        return ""

    def wait_as(self, register_id: str) -> None:
        """Enrolled already: the address and code are used; Enter fetches the centre again."""
        self.waiting_as = register_id
        for field in (self.server, self.code, self.ca_file):
            field.setReadOnly(True)
        self.state.setText(
            self.tr(
                "This counter is enrolled with the server as register %1. Enter fetches the "
                "centre again (no new code is needed)."
            ).replace("%1", register_id or "?")
        )


class MissingJoinDetails(DomainError):
    code = "join_details_missing"
    nb = "Skriv serverens adresse og engangskoden."
    en = "Enter the server's address and the one-time code."


class JoinedStep(SetupStep):
    """What the counter took from the server, and what to do next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("joinedSummary")
        self.summary.setReadOnly(True)
        self.summary.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        self.wire_enter()

    def title(self) -> str:
        return self.tr("This counter is part of the centre")

    def inputs(self) -> list[QWidget]:
        return [self.summary]

    def show_joined(self, joined: JoinedCentre, printer: str) -> None:
        lines = [
            self.tr("Centre: %1").replace("%1", joined.centre_name),
            self.tr(
                "Register %1 with label block %2: its receipt numbers and labels never collide "
                "with those of the centre's other counters."
            )
            .replace("%1", joined.register_id)
            .replace("%2", str(joined.label_block)),
            self.tr("From the server: %1, %2 (%3), %4, %5.")
            .replace("%1", self.tr("%n tenants", "", joined.tenants))
            .replace("%2", self.tr("%n staff", "", joined.staff))
            .replace("%3", self.tr("%n managers", "", joined.managers))
            .replace("%4", self.tr("%n article groups", "", joined.article_groups))
            .replace("%5", self.tr("%n items", "", joined.items)),
            printer,
            "",
            self.tr(
                "Staff log in with their own PINs. Sales, repairs and items go to the server "
                "and reach the centre's other counters. Enter goes to the login."
            ),
        ]
        self.summary.setPlainText("\n".join(lines))
