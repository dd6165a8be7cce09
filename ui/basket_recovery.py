"""What the cashier is told at login when a crash or a power cut interrupted a basket on this
register (``pos.services.basket_drafts``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.services.basket_drafts import Recovered
from ui.common import error_text


def recovery_notice(recovered: Recovered) -> tuple[str, bool]:
    """(text, whether it is a problem to look at)."""
    translate = QCoreApplication.translate
    if recovered.resumed is None:
        text = translate(
            "BasketRecovery",
            "%1's basket from %2 was interrupted; it is parked under their name (F7 resumes it).",
        )
        return text.replace("%1", recovered.parked_for).replace("%2", recovered.saved_at), False
    text = translate("BasketRecovery", "Your basket from %1 was interrupted and is back.")
    text = text.replace("%1", recovered.saved_at)
    if recovered.training:
        text += " " + translate(
            "BasketRecovery", "It was rung up in training mode: training is on."
        )
    problems = [error_text(problem) for problem in recovered.resumed.problems]
    return " ".join([text, *problems]), bool(problems)
