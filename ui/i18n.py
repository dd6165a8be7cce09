"""Qt translations: bokmål by default, English (the source language) on request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load ``omigjen_<lang>.qm``; English needs none. Returns the translator (keep it alive)."""
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Norway))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    translator = QTranslator(app)
    if translator.load(f"omigjen_{lang}", str(TRANSLATIONS)):
        app.installTranslator(translator)
        return translator
    return None
