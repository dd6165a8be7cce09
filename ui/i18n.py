"""Qt translations: bokmål by default, English (the source language) on request.

Each UI area keeps its own catalogue (``omigjen_nb``, ``repairs_nb``, ``backoffice_nb``, ...) so
areas can be worked on side by side; every ``*_<lang>.qm`` found is installed. The English
catalogues hold only the counted strings (``tr("%n item(s)", "", n)``: "1 item", "2 items").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Install every catalogue for ``lang``. Returns the main translator (all are parented to
    the app, so they stay alive as long as it does)."""
    language = QLocale.Language.English if lang == "en" else QLocale.Language.NorwegianBokmal
    QLocale.setDefault(QLocale(language, QLocale.Country.Norway))
    main: QTranslator | None = None
    for path in sorted(TRANSLATIONS.glob(f"*_{lang}.qm")):
        translator = QTranslator(app)
        if translator.load(path.stem, str(TRANSLATIONS)):
            app.installTranslator(translator)
            if path.stem == f"omigjen_{lang}":
                main = translator
    return main
