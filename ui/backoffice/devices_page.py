"""The register and its printers (manager): register name and label block, the receipt and tag
printers (URL, profile, paper width) with a test print each, the counter's signing key (its
version, and a new key pair after a confirmation) and its backups (``backup_box.py``). Printer
changes take effect when the counter starts next; the test print goes through this run's print
queue; a new signing key signs the next receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.adapters.key_files import KeyStore
from pos.model.printing import PrinterRole, PrinterSetting
from pos.services import devices, print_queue, signing_keys
from pos.signing import RSA_METHOD
from ui.backoffice.backup_box import BackupBox
from ui.backoffice.page_parts import heading, message_line, say, sized
from ui.common import error_text, touch_button
from ui.pages import PageContext, PageWidget
from ui.window_placement import fill_screen

PROFILES = ("TM-T20II", "TM-T88V", "TM-T88III", "TSP600", "POS-5890", "ZJ-5870", "RP326")


class DevicesPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = ctx.session
        self.register_id = QLabel(self.session.register_id, self)
        self.register_name = QLineEdit(self)
        self.label_block = QSpinBox(self)
        self.label_block.setRange(0, 99)
        self.label_block.setSpecialValueText(self.tr("none"))
        self.window_mode = QComboBox(self)
        self.window_mode.addItem(self.tr("Maximised"), devices.WindowMode.MAXIMISED.value)
        self.window_mode.addItem(
            self.tr("Full screen (covers the desktop)"), devices.WindowMode.FULL_SCREEN.value
        )
        sized(self.register_name, self.label_block, self.window_mode)
        register_form = QFormLayout()
        register_form.addRow(self.tr("Register"), self.register_id)
        register_form.addRow(self.tr("Name"), self.register_name)
        register_form.addRow(self.tr("Label block (1–99)"), self.label_block)
        register_form.addRow(self.tr("Counter window"), self.window_mode)
        save_register = touch_button(self.tr("Save register"), self, "Ctrl+S")
        save_register.clicked.connect(self.save_register)
        register_form.addRow("", save_register)
        register_box = QGroupBox(self.tr("Register"), self)
        register_box.setLayout(register_form)
        self.urls: dict[PrinterRole, QLineEdit] = {}
        self.profiles: dict[PrinterRole, QComboBox] = {}
        self.widths: dict[PrinterRole, QComboBox] = {}
        printers = QHBoxLayout()
        titles = {
            PrinterRole.RECEIPT: self.tr("Receipt printer"),
            PrinterRole.TAG: self.tr("Tag printer"),
        }
        keys = {PrinterRole.RECEIPT: "F6", PrinterRole.TAG: "F7"}
        for role in PrinterRole:
            printers.addWidget(self._printer_box(role, titles[role], keys[role]))
        save_printers = touch_button(self.tr("Save printers"), self, "Ctrl+P")
        save_printers.clicked.connect(self.save_printers)
        self.key_version = QLabel("", self)
        self.key_version.setWordWrap(True)
        self.key_version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rotate_button = touch_button(self.tr("Rotate signing key"), self)
        self.rotate_button.clicked.connect(self.ask_rotate)
        self.rotate_box: QMessageBox | None = None
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_version, 1)
        key_row.addWidget(self.rotate_button)
        key_box = QGroupBox(self.tr("Signing key"), self)
        key_box.setLayout(key_row)
        self.backups = BackupBox(ctx, self)
        self.message = message_line(self)
        body = QWidget(self)
        content = QVBoxLayout(body)
        content.addWidget(register_box)
        content.addLayout(printers)
        content.addWidget(save_printers)
        content.addWidget(key_box)
        content.addWidget(self.backups)
        content.addStretch(1)
        scroll = QScrollArea(self)  # the whole page on a 1024x600 or 1366x768 counter screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into it, it scrolls along
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self, self.tr("Register and printers")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)

    def _printer_box(self, role: PrinterRole, title: str, key: str) -> QWidget:
        url = QLineEdit(self)
        url.setPlaceholderText("tcp://10.0.0.50:9100, usb://04b8:0202, serial:///dev/ttyUSB0")
        profile = QComboBox(self)
        profile.setEditable(True)
        profile.addItems(PROFILES)
        width = QComboBox(self)
        width.addItem(self.tr("80 mm (48 columns)"), 48)
        width.addItem(self.tr("58 mm (32 columns)"), 32)
        sized(url, profile, width)
        self.urls[role], self.profiles[role], self.widths[role] = url, profile, width
        test = touch_button(self.tr("Test print"), self, key)
        test.clicked.connect(lambda: self.test_print(role))
        form = QFormLayout()
        form.addRow(self.tr("Address"), url)
        form.addRow(self.tr("Profile"), profile)
        form.addRow(self.tr("Paper"), width)
        form.addRow("", test)
        box = QGroupBox(title, self)
        box.setLayout(form)
        return box

    def on_shown(self) -> None:
        mine = next(
            r for r in devices.registers(self.session.uow) if r.id == self.session.register_id
        )
        self.register_name.setText(mine.name)
        self.label_block.setValue(mine.label_block or 0)
        mode = devices.window_mode(self.session.uow, self.session.register_id)
        self.window_mode.setCurrentIndex(self.window_mode.findData(mode.value))
        saved = print_queue.printer_settings(self.session.uow, self.session.register_id)
        for role in PrinterRole:
            setting = saved.get(role)
            self.urls[role].setText(setting.url if setting else "")
            self.profiles[role].setCurrentText(setting.profile if setting else PROFILES[0])
            self.widths[role].setCurrentIndex(
                self.widths[role].findData(setting.columns if setting else 48)
            )
        self.show_key()
        self.backups.load()

    def save_register(self) -> None:
        block = self.label_block.value() or None
        try:
            devices.update_register(
                self.session.uow,
                self.session.context(),
                self.session.register_id,
                self.register_name.text(),
                block,
            )
            mode = devices.WindowMode(self.window_mode.currentData())
            devices.save_window_mode(self.session.uow, self.session.context(), mode)
        except Exception as error:  # noqa: BLE001 - shown to the manager
            say(self.message, error_text(error), problem=True)
            return
        fill_screen(self.window(), full_screen=mode is devices.WindowMode.FULL_SCREEN)
        say(self.message, self.tr("Register saved."))

    def save_printers(self) -> None:
        try:
            for role in PrinterRole:
                url = self.urls[role].text().strip()
                if not url:
                    continue
                setting = PrinterSetting(
                    self.session.register_id,
                    role,
                    url,
                    self.profiles[role].currentText().strip(),
                    int(self.widths[role].currentData()),
                )
                print_queue.save_printer_setting(self.session.uow, self.session.context(), setting)
        except Exception as error:  # noqa: BLE001
            say(self.message, error_text(error), problem=True)
            return
        say(self.message, self.tr("Printers saved; they are used from the next start."))

    def test_print(self, role: PrinterRole) -> None:
        if self.ctx.printing is None:
            say(self.message, self.tr("Printing is not running in this window."), problem=True)
            return
        try:
            job = self.ctx.printing.test_print(role)
        except Exception as error:  # noqa: BLE001
            say(self.message, error_text(error), problem=True)
            return
        say(self.message, self.tr("Test page queued (job %1).").replace("%1", job[:8]))

    # -- the signing key -----------------------------------------------------------------------
    def keys(self) -> KeyStore | None:
        found = self.ctx.extras.get("keys")  # the counter's key store (ui.app)
        return found if isinstance(found, KeyStore) else None

    def show_key(self) -> None:
        """The key version receipts are signed with now, and its public key's fingerprint."""
        keys = self.keys()
        self.rotate_button.setEnabled(keys is not None)
        if keys is None:
            self.key_version.setText(self.tr("The signing keys are not available in this window."))
            return
        signer = self.session.signer
        text = self.tr("Receipts are signed with key version %1.").replace("%1", signer.key_version)
        if signer.method == RSA_METHOD:
            printed = signing_keys.fingerprint(keys.public_key_pem(signer.key_version))
            text += "\n" + self.tr("Public key SHA-256: %1").replace("%1", printed)
        self.key_version.setText(text)

    def ask_rotate(self) -> QMessageBox | None:
        """Explain what a new key does before making one (answered in ``_answered``)."""
        keys = self.keys()
        if keys is None:
            return None
        method = self.session.signer.method
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 520px; }")
        box.setWindowTitle(self.tr("Rotate signing key"))
        box.setText(self.tr("Make a new signing key for this counter?"))
        box.setInformativeText(
            self.tr(
                "• New receipts are signed with the new key (version %1).\n"
                "• Receipts signed before stay verifiable: the old key is kept.\n"
                "• The public key is sent to the central server at the next sync.\n"
                "• The product declaration and the system description may need the new public "
                "key (the command export-public-key prints it).\n"
                "The change is recorded in the journal."
            ).replace("%1", keys.next_version(method))
        )
        yes = box.addButton(self.tr("Rotate signing key"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.NoRole)
        for button in (yes, no):
            button.setMinimumHeight(48)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.buttonClicked.connect(lambda clicked: self._answered(clicked, yes))
        self.rotate_box = box
        box.open()
        return box

    def _answered(self, clicked: QAbstractButton, yes: QAbstractButton) -> None:
        keys = self.keys()
        if clicked is not yes or keys is None:
            say(self.message, self.tr("The signing key was not changed."))
            return
        signer = self.session.signer
        try:
            done = signing_keys.rotate_signing_key(
                self.session.uow, self.session.context(), keys, signer.method
            )
        except Exception as error:  # noqa: BLE001 - shown to the manager
            say(self.message, error_text(error), problem=True)
            return
        reload = getattr(signer, "reload", None)
        if callable(reload):
            reload()  # the next receipt is signed with the new key
        self.show_key()
        text = self.tr(
            "New signing key: version %1 (was %2). It is sent to the server at the next sync."
        )
        text = text.replace("%1", done.new_version).replace("%2", done.old_version or "–")
        if signer.key_version != done.new_version:
            text += " " + self.tr("Receipts are signed with it from the next start.")
        say(self.message, text)
