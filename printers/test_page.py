"""Pages sent straight to a printer, not through a register's print queue: while a counter is
being set up its register does not exist yet, and the person wants to know at once whether the
printer answers (``PrinterError`` says why not). The test page, and the recovery code's slip."""

from __future__ import annotations

from pos.model.documents import SlipDoc
from pos.model.printing import PrinterSetting, check_setting
from printers.layout import Layout
from printers.slip import check_page, render_slip
from printers.transports import transport_for


def send_test_page(setting: PrinterSetting, when: str) -> None:
    """Render the check page for ``setting`` and send it; raises PrinterError if it fails."""
    check_setting(setting)
    layout = Layout.of(setting)
    send_slip(setting, check_page(layout, setting.register_id, setting.url, when))


def send_slip(setting: PrinterSetting, doc: SlipDoc) -> None:
    check_setting(setting)
    transport_for(setting.url).send(render_slip(doc, Layout.of(setting)))
