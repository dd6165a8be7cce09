"""Every counter screen and dialog once, as a cashier, a technician and a manager reach them, on
a fresh demo centre with real data in it (a mixed basket, a split payment with change, a repair
job, parked baskets). The screen-size test checks each stop with ``tools.fit_check``; the
screenshot tool (``tools/screen_sizes.py``) photographs them.

Run alone it checks one screen size and prints what is cut off or out of reach:
``QT_QPA_PLATFORM=offscreen:configfile=screen.json python tools/screen_tour.py [nb|en]`` (exit
1 if anything is)."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from pos.counter import Counter, open_counter  # noqa: E402
from pos.demo.centre import seed_demo  # noqa: E402
from pos.identifiers import make_in_store_ean13  # noqa: E402
from pos.model.payment import Tender, TenderKind  # noqa: E402
from printers.printing import Printing  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.pages import PageContext  # noqa: E402
from ui.tasks import ImmediatePool, TaskRunner  # noqa: E402
from ui.till_session import TillSession  # noqa: E402
from ui.window_placement import DialogFitter, fill_screen  # noqa: E402

Stop = tuple[str, QWidget]
"""A screen to look at: its name and the window (or dialog) it is shown in."""
BASKET = (make_in_store_ean13("11", 1), "7310750000018", "KAFFE-MED", "BOLLE-INNE")


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


@contextmanager
def counter_window(app: QApplication, data: Path) -> Iterator[tuple[Counter, MainWindow]]:
    """The real counter window on a fresh demo centre, filling the screen it is on."""
    with open_counter(data) as counter:
        seed_demo(counter.uow, counter.signer())
        printing = Printing(counter.uow, "K1", override_url=f"file://{data}/printer.bin")
        session = TillSession(counter.uow, "K1", counter.signer())
        overview = session.overview()
        tasks = TaskRunner(ImmediatePool())
        context = PageContext(session, tasks, printing, counter.data_dir)
        context.extras["keys"] = counter.keys
        window = MainWindow(
            session,
            tasks,
            centre_name=overview.centre_name,
            register_name=overview.register_name,
            page_context=context,
        )
        fill_screen(window)
        window.show()
        settle(app)
        try:
            yield counter, window
        finally:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.reject()
            if session.operator is not None:
                session.log_out()
            window.close()


def tour(app: QApplication, window: MainWindow, counter: Counter) -> Iterator[Stop]:
    """The stops, in the order a day meets them."""
    yield "login", window
    yield _dialog(app, window, "recovery", window.open_recovery)  # a manager's forgotten PIN
    _close(app)
    window.log_in("1001", "1234")
    yield from _cashier(app, window)
    window.log_out()
    window.log_in("9001", "9999")
    yield from _manager(app, window, counter)


def _dialog(
    app: QApplication, window: MainWindow, name: str, open_it: Callable[[], object]
) -> Stop:
    """Open a dialog as the screen does, and return the one that came up."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    open_it()
    settle(app)
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and id(w) not in before
    ]
    if not shown:
        raise RuntimeError(f"{name}: no dialog came up")
    return name, shown[-1]


def _close(app: QApplication) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    settle(app)


def _cashier(app: QApplication, window: MainWindow) -> Iterator[Stop]:
    sale = window.sale
    session = window.session
    for code in BASKET:
        sale.handle_scan(code)
    odd = session.quick_items()[0]
    sale.add_item(odd, 1, 12345)  # an amount in øre: the cash is rounded
    yield "sale", window
    yield from _banners(window)
    yield _dialog(app, window, "payment", sale.pay)
    payment = sale.dialog
    assert payment is not None
    payment.amount.setText("200")  # type: ignore[attr-defined]
    payment.add_tender(TenderKind.CARD)  # type: ignore[attr-defined]
    payment.amount.setText("1000")  # type: ignore[attr-defined]
    payment.add_tender(TenderKind.CASH)  # type: ignore[attr-defined]
    yield "payment_change", payment
    payment.remove_last()  # type: ignore[attr-defined]
    payment.amount.setText("5000")  # type: ignore[attr-defined]
    payment.add_tender(TenderKind.CARD)  # type: ignore[attr-defined]
    yield "payment_refused", payment
    _close(app)
    yield _dialog(app, window, "search", sale.search)
    search = sale.dialog
    search.text.setText("a")  # type: ignore[union-attr]
    search.search()  # type: ignore[union-attr]
    yield "search_results", search  # type: ignore[misc]
    _close(app)
    yield _dialog(app, window, "discount", sale.discount)
    _close(app)
    yield _dialog(app, window, "quantity", sale.change_quantity)
    _close(app)
    yield _dialog(app, window, "open_price", lambda: sale.ask_price(odd))
    _close(app)
    yield _dialog(app, window, "void_confirm", sale.void)
    _close(app)
    sale.with_approval(sale._void)  # noqa: SLF001 - a cashier's void: the manager's approval
    yield "approval", sale.dialog  # type: ignore[misc]
    _close(app)
    yield _dialog(app, window, "drawer_reason", sale.no_sale)
    _close(app)
    sale.park()
    for code in BASKET[1:3]:
        sale.handle_scan(code)
    sale.park()
    yield _dialog(app, window, "resume", sale.resume)
    _close(app)
    sale.handle_scan("KAFFE-MED")
    result = session.pay([Tender(TenderKind.CASH, 10000)])
    sale.model.reset()
    yield _dialog(app, window, "returns", lambda: sale.start_return(result.receipts[0].number))
    _close(app)


def _banners(window: MainWindow) -> Iterator[Stop]:
    """The sale screen under each banner that can come over it, long texts and all: none may
    push the window wider than its screen."""
    from pos.model.legal_time import ClockBehind
    from pos.services.legal_time import ClockState
    from ui.receipt_output import PrinterState

    receipts = ("10-K1-000003", "11-K1-000004", "12-K1-000005", "13-K1-000006", "14-K1-000007")
    window.print_warning.show_waiting(receipts)
    printer = PrinterState(False, "offline", failed=len(receipts) + 1, waiting=receipts)
    window.status.show_state(
        user="Kari Kasserer (1100)", register="Kasse 1", tenant_count=4, training=False,
        printer=printer, unsynced=140, online=None,
    )  # fmt: skip
    yield "sale_not_printed", window
    window.print_warning.show_waiting(())
    window.refusals.add("Strekkoden «2110100000011» har feil kontrollsiffer.")
    window.refusals.add("Varen «Vinterjakke dame, ull, str. 42» er allerede solgt.")
    window.refusals.alert("Skuffen åpnet seg ikke: skriveren svarte ikke (tcp://10.0.0.17:9100).")
    yield "sale_refusals", window
    window.refusals.acknowledge()
    window.show_clock(ClockState(ok=True, problem=None, offset_seconds=-3 * 3600 - 17 * 60))
    yield "sale_clock_offset", window
    behind = ClockBehind(now="08.12.2026 07:58", last="08.12.2026 16:41")
    window.show_clock(ClockState(ok=False, problem=behind))
    yield "sale_clock_behind", window
    window.show_clock(None)


def _manager(app: QApplication, window: MainWindow, counter: Counter) -> Iterator[Stop]:
    from ui.menu_dialog import MenuDialog, menu_keys

    operator = window.session.operator
    allowed = [spec for spec in window.page_specs if spec.allowed(operator)]
    yield _dialog(
        app,
        window,
        "menu",
        lambda: MenuDialog(allowed, window, keys=menu_keys(window.page_specs)).open(),
    )
    _close(app)
    for spec in allowed:
        window.show_page(spec.key)
        settle(app)
        yield f"page_{spec.key}", window
    till = window.show_page("till")
    yield _dialog(app, window, "cash_out", lambda: till.move_cash(out=True))  # type: ignore[attr-defined]
    _close(app)
    from ui.till_close_dialog import TillCloseDialog

    session = window.session
    closing = TillCloseDialog(session.uow, session.context(), parent=window.show_page("day_end"))
    yield _dialog(app, window, "till_close", closing.open)
    _close(app)
    yield from _till_dialogs(app, window)
    yield from _repair_dialogs(app, window, counter)
    window.show_sale()


def _till_dialogs(app: QApplication, window: MainWindow) -> Iterator[Stop]:
    """The float as the first login of a closed day asks it, cash in, the failed print jobs and
    the manager's confirmation of the time."""
    from ui.clock_dialog import ClockDialog
    from ui.till_day.float_dialog import FloatDialog

    session, tasks = window.session, window.tasks
    till = window.show_page("till")
    status = session.till_status()
    yield _dialog(app, window, "float", lambda: FloatDialog(session, tasks, status, till).open())
    _close(app)
    yield _dialog(app, window, "cash_in", lambda: till.move_cash(out=False))  # type: ignore[attr-defined]
    _close(app)
    yield _dialog(app, window, "print_jobs", window.show_print_jobs)
    _close(app)
    yield _dialog(app, window, "clock", lambda: ClockDialog(session, tasks, "", None, till).open())
    _close(app)
    yield _dialog(app, window, "clock_before_record", lambda: _clock_before_record(session, till))
    _close(app)


def _clock_before_record(session: TillSession, parent: QWidget) -> None:
    """The dialog as a PC clock before the last record opens it: the manager chooses first."""
    from datetime import timedelta

    from pos.model.legal_time import ClockBehind, shown
    from ui.clock_dialog import ClockDialog
    from ui.common import error_text

    last = session.clock.now()
    pc = last - timedelta(hours=23, minutes=30)
    problem = error_text(ClockBehind(now=shown(pc), last=shown(last)))
    dialog = ClockDialog(session, TaskRunner(ImmediatePool()), problem, last, parent, pc_time=pc,
                         last_record=last)  # fmt: skip
    dialog.open()


def _repair_dialogs(app: QApplication, window: MainWindow, counter: Counter) -> Iterator[Stop]:
    from pos.model.repair import RepairStatus
    from pos.services import repair_status
    from tests.integration.repair_helpers import ready_job, take_in
    from ui.repairs.deposit_dialog import DepositDialog

    ctx = window.session.context()
    ticket = ready_job(counter, ctx)
    board = window.show_page("repairs.board")
    yield _dialog(app, window, "ticket", lambda: board.open_ticket(ticket))  # type: ignore[attr-defined]
    dialog = board.dialog  # type: ignore[attr-defined]
    desk = dialog.desk
    for name, opener in (
        ("ticket_status", dialog.change_status),
        ("ticket_details", dialog.edit_details),
        ("ticket_outcome", dialog.record_outcome),
        ("ticket_deposit", lambda: DepositDialog(desk, window.tasks, ticket, 20000, dialog).open()),
    ):
        yield _dialog(app, window, name, opener)
        for widget in QApplication.topLevelWidgets():
            if widget is not dialog and isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        settle(app)
    _close(app)
    given_back = take_in(counter, ctx)
    repair_status.change_status(counter.uow, ctx, given_back, RepairStatus.RETURNED_UNREPAIRED)
    yield _dialog(app, window, "ticket_finished", lambda: board.open_ticket(given_back))  # type: ignore[attr-defined]
    yield _dialog(app, window, "ticket_reopen", board.dialog.reopen)  # type: ignore[attr-defined]
    _close(app)


def main() -> int:
    from tools.fit_check import problems
    from ui.i18n import install_translator

    app = QApplication(sys.argv[:1])
    translator = install_translator(app, sys.argv[1] if len(sys.argv) > 1 else "nb")  # noqa: F841
    fitter = DialogFitter()
    app.installEventFilter(fitter)
    screen = app.primaryScreen().availableGeometry()
    found = 0
    with (
        tempfile.TemporaryDirectory() as tmp,
        counter_window(app, Path(tmp) / "data") as (
            counter,
            window,
        ),
    ):
        for name, widget in tour(app, window, counter):
            settle(app)
            for problem in problems(widget):
                found += 1
                print(f"{screen.width()}x{screen.height()} {name}: {problem}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
