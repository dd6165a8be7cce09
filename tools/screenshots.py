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
from pos.demo.centre import seed_demo  # noqa: E402
from pos.identifiers import make_in_store_ean13  # noqa: E402
from pos.model.payment import Tender, TenderKind  # noqa: E402
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
        window.sale.model.flash(None)
        window.route_scan(make_in_store_ean13("11", 1))  # the coat again: a one-off, refused
        window.route_scan("7038010001658")  # a wrong check digit
        window.sale.handle_scan("BOLLE-MED")  # a good scan after them lights up its line
        grab(app, window, "sale_refused")
        window.refusals.acknowledge()
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
        window.sale.toggle_training()
        session.log_out()
        window.page_context.data_dir = counter.data_dir
        window.page_context.extras["keys"] = counter.keys  # the signing key on "devices"
        window._logged_in(session.log_in("9001", "9999"))  # noqa: SLF001 - skip the PIN pad
        backoffice(app, window, Path(tmp))
        QTimer.singleShot(0, app.quit)
        app.exec()
        session.log_out()
    return 0


def backoffice(app: QApplication, window: MainWindow, tmp: Path) -> None:
    """One picture per back-office page, each with something on it."""
    from ui.scanner.symbology import analyse

    entry = window.show_page("item_entry")
    entry.batch.setChecked(True)  # type: ignore[attr-defined]
    for text, price in (("Ullkåpe, grå, str. M", "349"), ("Skinnjakke, brun", "599")):
        entry.description.setText(text)  # type: ignore[attr-defined]
        entry.price.setText(price)  # type: ignore[attr-defined]
        entry.register()  # type: ignore[attr-defined]
    entry.description.setText("Strikkegenser, håndlaget")  # type: ignore[attr-defined]
    entry.price.setText("249,50")  # type: ignore[attr-defined]
    grab(app, window, "backoffice_item_entry")
    items = window.show_page("items")
    items.view.selectRow(1)  # type: ignore[attr-defined]
    items.price.setText("299")  # type: ignore[attr-defined]
    items.change_price()  # type: ignore[attr-defined]
    grab(app, window, "backoffice_items")
    csv_file = tmp / "varer.csv"
    csv_file.write_text(
        "Beskrivelse;Pris;MVA;Kategori;Tilstand\n"
        "Genser, ull;149,50;25;Klær;Som ny\nBukse;;25;Klær;Brukt\n"
        "Jakke;299;30;Klær;Brukt\nSkjorte,99,25,Klær,Brukt\n"
        "Kåpe «Åsne»;1 299;25;Klær;Pent brukt\nStekepanne;120;25;Husholdning;Brukt\n",
        encoding="cp1252",
    )
    importer = window.show_page("item_import")
    importer.path.setText(str(csv_file))  # type: ignore[attr-defined]
    importer.read_file()  # type: ignore[attr-defined]
    grab(app, window, "backoffice_import")
    window.show_page("tenants")
    grab(app, window, "backoffice_tenants")
    window.show_page("staff")
    grab(app, window, "backoffice_staff")
    window.show_page("devices")
    grab(app, window, "backoffice_devices")
    scanner = window.show_page("scanner")
    gaps = [0.0] + [8.0 + (n % 3) for n in range(16)]
    scanner.show_analysis(analyse(b"]E02110000000011\r", gaps))  # type: ignore[attr-defined]
    grab(app, window, "backoffice_scanner")


if __name__ == "__main__":
    sys.exit(main())
