"""Qt's own buttons (Yes/No on a question, Save/Cancel on a form) speak bokmål like the rest of
the counter: PySide6 has no Norwegian catalogue of its own, so ours carries those words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

B = QDialogButtonBox.StandardButton


def test_dialog_buttons_are_in_bokmal(qtbot, bokmal) -> None:
    box = QDialogButtonBox(B.Save | B.Cancel | B.Ok | B.Close)
    qtbot.addWidget(box)
    texts = {b: box.button(b).text() for b in (B.Save, B.Cancel, B.Ok, B.Close)}
    assert texts == {B.Save: "Lagre", B.Cancel: "Avbryt", B.Ok: "OK", B.Close: "Lukk"}


def test_a_question_says_ja_and_nei(qtbot, bokmal) -> None:
    question = QMessageBox(QMessageBox.Icon.Question, "Z", "Ta Z-rapport?")
    question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(question)
    yes = question.button(QMessageBox.StandardButton.Yes).text().replace("&", "")
    no = question.button(QMessageBox.StandardButton.No).text().replace("&", "")
    assert (yes, no) == ("Ja", "Nei")


def test_english_keeps_qt_s_own_words(qtbot) -> None:
    box = QDialogButtonBox(B.Cancel)
    qtbot.addWidget(box)
    assert box.button(B.Cancel).text() == "Cancel"
