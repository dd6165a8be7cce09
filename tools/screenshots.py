"""Screenshots of the counter for the README: run under Xvfb (``xvfb-run -a python
tools/screenshots.py``); drives the real window on a fresh demo centre and grabs each screen."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pos.counter import open_counter  # noqa: E402
from pos.identifiers import make_in_store_ean13  # noqa: E402
from pos.model.payment import Tender, TenderKind  # noqa: E402
from pos.services.demo import seed_demo  # noqa: E402
from ui.i18n import install_translator  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.tasks import ImmediatePool, TaskRunner  # noqa: E402
from ui.till_session import TillSession  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


def grab(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"wrote {OUT / name}.png")


def main() -> int:
    app = QApplication(sys.argv)
    translator = install_translator(app, sys.argv[1] if len(sys.argv) > 1 else "nb")  # noqa: F841
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp) / "data") as counter:
        seed_demo(counter.uow, counter.signer())
        session = TillSession(counter.uow, "K1", counter.signer())
        overview = session.overview()
        window = MainWindow(
            session,
            TaskRunner(ImmediatePool()),
            centre_name=overview.centre_name,
            register_name=overview.register_name,
        )
        window.resize(1280, 800)
        window.show()
        window.login.staff_no.setText("1001")
        window.login.pin.setText("1234")
        grab(app, window, "login")
        window.login.submit()
        for code in (make_in_store_ean13("11", 1), "7310750000018", "KAFFE-MED", "BOLLE-INNE"):
            window.sale.handle_scan(code)
        grab(app, window, "sale")
        window.sale.pay()
        payment = window.sale.dialog
        assert payment is not None
        payment.amount.setText("700")
        payment.add_tender(TenderKind.CARD)
        payment.amount.setText("200")
        payment.add_tender(TenderKind.CASH)
        grab(app, payment, "payment")
        payment.reject()
        result = session.pay([Tender(TenderKind.CASH, 100000)])
        window.sale.model.reset()
        window.sale.start_return(result.receipts[0].number)
        grab(app, window.sale.dialog, "returns")  # type: ignore[arg-type]
        window.sale.dialog.reject()  # type: ignore[union-attr]
        window.sale.toggle_training()
        window.sale.handle_scan("KAFFE-INNE")
        grab(app, window, "training")
        QTimer.singleShot(0, app.quit)
        app.exec()
        session.log_out()
    return 0


if __name__ == "__main__":
    sys.exit(main())
