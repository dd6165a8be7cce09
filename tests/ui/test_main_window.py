"""The placeholder main window under pytest-qt, in bokmål (default) and English."""

from PySide6.QtCore import QCoreApplication

from pos.services.overview import counter_overview
from ui.i18n import install_translator
from ui.main_window import MainWindow


def test_the_window_lists_the_tenants_in_norwegian(qtbot, qapp, counter):
    translator = install_translator(qapp, "nb")
    try:
        window = MainWindow(counter_overview(counter.uow, "K1"))
        qtbot.addWidget(window)
        assert window.till_label.text() == "Kassen er åpen."
        assert window.tenant_table.rowCount() == 6
        assert window.tenant_table.item(1, 1).text() == "Bua Brukte Klær AS"
        assert "ikke synkronisert" in window.statusBar().currentMessage()
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)


def test_english_is_available(qtbot, qapp, counter):
    assert install_translator(qapp, "en") is None
    window = MainWindow(counter_overview(counter.uow, "K1"))
    qtbot.addWidget(window)
    assert window.till_label.text() == "The till is open."
