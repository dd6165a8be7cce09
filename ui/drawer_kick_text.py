"""What the cashier is told when a drawer kick ends: a kick that failed opened nothing, and the
journal holds no opening for it, so it is said at once wherever the cashier is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.model.printing import JobKind, JobStatus, PrintJob


def drawer_not_opened(job: PrintJob) -> str | None:
    """The alert for a drawer kick that failed; None for any other job."""
    if job.kind is not JobKind.DRAWER_KICK or job.status is not JobStatus.FAILED:
        return None
    from ui.print_jobs_dialog import problem_text  # the dialog loads when first needed

    if job.opens_drawer is not None and job.opens_drawer.reason == "float":
        text = QCoreApplication.translate(
            "DrawerKick",
            "The drawer did NOT open for the float: %1. Open it with its key to put the float in.",
        )
        return text.replace("%1", problem_text(job.error or ""))
    text = QCoreApplication.translate(
        "DrawerKick",
        "The drawer did NOT open: %1. No opening is journaled. "
        "Open it with F10 (no sale) when the printer works.",
    )
    return text.replace("%1", problem_text(job.error or ""))


def drawer_opened(job: PrintJob) -> str | None:
    """The note for a kick that reached the printer; None for any other job."""
    if job.kind is not JobKind.DRAWER_KICK or job.status is not JobStatus.PRINTED:
        return None
    if job.opens_drawer is not None and job.opens_drawer.reason == "no_sale":
        return QCoreApplication.translate("DrawerKick", "Drawer opened (no sale).")
    return QCoreApplication.translate("DrawerKick", "The drawer is open.")
