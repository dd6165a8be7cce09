"""Screenshots of printing again for the README, with the printer offline
(``tcp://127.0.0.1:9``): the warning that a receipt was not printed, the failed print jobs and
the receipt look-up. Run under Xvfb at 1366x768 (``make screenshots`` does); the whole screen is
grabbed, as a person sees it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from pos.counter import open_counter  # noqa: E402
from pos.demo.centre import seed_demo  # noqa: E402
from pos.model.payment import TenderKind  # noqa: E402
from printers.printing import Printing  # noqa: E402
from ui.i18n import install_translator  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.pages import PageContext  # noqa: E402
from ui.printer_output import QueuedPrinterOutput  # noqa: E402
from ui.tasks import ImmediatePool, TaskRunner  # noqa: E402
from ui.till_session import TillSession  # noqa: E402
from ui.window_placement import DialogFitter, fill_screen  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
OFFLINE = "tcp://127.0.0.1:9"


def settle(app: QApplication, rounds: int = 40) -> None:
    for _ in range(rounds):
        app.processEvents()


def grab_screen(app: QApplication, name: str) -> None:
    settle(app)
    app.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
    print(f"wrote {OUT / name}.png")


def wait_for(app: QApplication, condition, what: str) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + 20
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"waited 20 s for {what}")
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    app = QApplication(sys.argv)
    translator = install_translator(app, sys.argv[1] if len(sys.argv) > 1 else "nb")  # noqa: F841
    fitter = DialogFitter()
    app.installEventFilter(fitter)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp) / "data") as counter:
        seed_demo(counter.uow, counter.signer())
        printing = Printing(counter.uow, "K1", override_url=OFFLINE)
        output = QueuedPrinterOutput(printing)
        output.start()
        session = TillSession(counter.uow, "K1", counter.signer(), output=output)
        tasks = TaskRunner(ImmediatePool())
        overview = session.overview()
        window = MainWindow(
            session, tasks, centre_name=overview.centre_name,
            register_name=overview.register_name,
            page_context=PageContext(session, tasks, printing, counter.data_dir),
        )  # fmt: skip
        fill_screen(window)
        window.show()
        window.login.staff_no.setText("1001")
        window.login.pin.setText("1234")
        window.login.submit()
        window.sale.handle_scan("KAFFE-MED")
        window.sale.pay()
        payment = window.sale.dialog
        assert payment is not None
        payment.add_tender(TenderKind.CARD)
        with_number: list[str] = []
        window.sale.sale_completed.connect(lambda done: with_number.append(done.receipts[0].number))
        payment.confirm()  # type: ignore[attr-defined]
        wait_for(app, lambda: not window.print_warning.isHidden(), "the warning")
        grab_screen(app, "print_not_printed_warning")
        window.show_print_jobs()
        grab_screen(app, "print_failed_jobs")
        window.print_dialog.accept()  # type: ignore[union-attr]
        page = window.show_page("receipts")
        page.handle_scan(with_number[0])  # type: ignore[attr-defined]
        grab_screen(app, "print_receipt_lookup")
        output.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
