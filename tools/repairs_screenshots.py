"""Screenshots of the repair screens for the README: run under Xvfb (``xvfb-run -a python
tools/repairs_screenshots.py``): intake form, ticket board, ticket with the status preview."""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from pos.counter import open_counter  # noqa: E402
from pos.demo.centre import seed_demo  # noqa: E402
from pos.model.payment import Tender, TenderKind  # noqa: E402
from pos.model.repair import RepairStatus  # noqa: E402
from pos.services import repair_money, repair_status, repair_work  # noqa: E402
from pos.services.repair_intake import IntakeForm  # noqa: E402
from printers.printing import Printing  # noqa: E402
from tools.screenshots import OUT, grab  # noqa: E402
from ui.i18n import install_translator  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.pages import PageContext  # noqa: E402
from ui.repairs.board_page import BoardPage  # noqa: E402
from ui.repairs.intake_page import IntakePage  # noqa: E402
from ui.tasks import ImmediatePool, TaskRunner  # noqa: E402
from ui.till_session import TillSession  # noqa: E402

CUSTOMERS = [
    ("Kari Nordmann", "912 34 567", "Sykkel", "DBS Intruder 28", "Girer ikke"),
    ("Ola Hansen", "934 56 789", "Mobil", "iPhone 12", "Knust skjerm"),
    ("Åse Ødegård", "456 78 901", "Sykkel", "Nakamura Elite", "Punktert bak"),
    ("Per Berg", "987 65 432", "Høyttaler", "JBL Flip 5", "Lader ikke"),
]


def main() -> int:
    app = QApplication(sys.argv)
    translator = install_translator(app, sys.argv[1] if len(sys.argv) > 1 else "nb")  # noqa: F841
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp) / "data") as counter:
        seed_demo(counter.uow, counter.signer())
        printing = Printing(counter.uow, "K1", override_url=f"file://{tmp}/printer.bin")
        session = TillSession(counter.uow, "K1", counter.signer())
        tasks = TaskRunner(ImmediatePool())
        window = MainWindow(
            session,
            tasks,
            centre_name="Demo",
            register_name="Kasse 1",
            page_context=PageContext(session, tasks, printing, counter.data_dir),
        )
        window.resize(1280, 800)
        window.show()
        session.log_in("2001", "2345")
        window._logged_in(session.context().operator)
        ctx = session.context()
        tickets = []
        for n, (name, phone, category, model, fault) in enumerate(CUSTOMERS):
            form = IntakeForm(
                tenant_code="14" if category in ("Mobil", "Høyttaler") else "13",
                customer_name=name,
                phone=phone,
                contact_consent=True,
                category=category,
                brand_model=model,
                fault=fault,
                estimate=45000,
                deposit=20000 if n == 0 else 0,
                promised_date=date.today() + timedelta(days=3 * n - 2),
                technician_no="2001",
                terms_accepted=True,
            )
            from pos.services.repair_intake import take_in

            tickets.append(take_in(counter.uow, ctx, form, data_dir=counter.data_dir))
        first = tickets[0]
        repair_money.pay_deposit(counter.uow, ctx, first, [Tender(TenderKind.CASH, 20000)])
        repair_status.change_status(counter.uow, ctx, first, RepairStatus.DIAGNOSING)
        repair_work.add_labour(counter.uow, ctx, first, "Justere gir og bremser", amount=45000)
        repair_work.add_part(counter.uow, ctx, first, "SYK-BREMS")
        repair_status.change_status(counter.uow, ctx, first, RepairStatus.IN_REPAIR)

        intake = window.show_page("repairs.intake")
        assert isinstance(intake, IntakePage)
        intake.tenant.setCurrentIndex(intake.tenant.findData("13"))
        for field, text in (
            (intake.customer, "Nils Dahl"),
            (intake.phone, "41 23 45 67"),
            (intake.email, "nils@eksempel.no"),
            (intake.category, "Sykkel"),
            (intake.brand_model, "Trek FX 3"),
            (intake.serial, "WTU998877"),
            (intake.condition, "Riper på rammen"),
            (intake.accessories, "Lykt, Veske"),
            (intake.estimate, "600"),
            (intake.limit, "800"),
            (intake.deposit, "200"),
        ):
            field.setText(text)
        intake.fault.setPlainText("Bremsene tar dårlig, kjedet hopper")
        intake.consent.setChecked(True)
        intake.terms.setChecked(True)
        intake.technician.setCurrentIndex(intake.technician.findData("2001"))
        grab(app, window, "repairs_intake")

        board = window.show_page("repairs.board")
        assert isinstance(board, BoardPage)
        grab(app, window, "repairs_board")
        ticket = board.open_ticket(first)
        assert ticket is not None
        ticket.resize(1180, 780)
        status = ticket.change_status()
        assert status is not None
        status.choose(RepairStatus.READY_FOR_PICKUP)
        grab(app, ticket, "repairs_ticket")
        grab(app, status, "repairs_status_preview")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
