"""A settlement's files — statement PDF, CSV for the accountant, the bank's payment file — made
together or not at all: each is written beside its final name while the settlement's
transaction is open, and put in place (renamed) only after it commits; any failure removes
them and the settlement is not numbered (``pos.services.settlement``, ``stage``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pos.day_end_errors import CannotWriteFile
from pos.model.settlement import SettlementDoc


@dataclass
class SettlementFiles:
    pdf: Path | None = None
    csv: Path | None = None
    payment: Path | None = None
    centre_name: str = ""
    csv_of: Callable[[list[SettlementDoc]], str] | None = None
    """The accountant's CSV of settlements (``pos.services.settlement_files.settlements_csv``),
    given by the caller: printers call no use-case service."""
    folder: Path | None = None
    """Instead of the paths above: all three files in this folder, named by the settlement's
    number (``OPPGJ-12-00003.pdf``, ``.csv``, ``-betaling.xml``)."""
    written: list[Path] = field(default_factory=list)
    """The files put in place by ``publish``."""
    _staged: list[tuple[Path, Path]] = field(default_factory=list)

    def check(self) -> None:
        """Before anything is worked out: every folder exists and takes a file."""
        if self.folder is not None:
            self._guard(self.folder, partial(self.folder.mkdir, parents=True, exist_ok=True))
        probes = [self.folder / "probe"] if self.folder is not None else []
        for final in filter(None, (self.pdf, self.csv, self.payment, *probes)):
            probe = self._temp(final)
            self._guard(final, partial(probe.write_bytes, b""))
            probe.unlink()

    def stage(self, doc: SettlementDoc, payment_file: bytes | None) -> None:
        """Write every file beside its final name (called inside the settlement's
        transaction: a failure here leaves the settlement unnumbered)."""
        from pdf.reports import settlement_pdf

        if self.folder is not None:
            self.pdf = self.folder / f"{doc.number_text}.pdf"
            self.csv = self.folder / f"{doc.number_text}.csv"
            self.payment = self.folder / f"{doc.number_text}-betaling.xml"
        try:
            if self.pdf is not None:
                temp = self._add(self.pdf)
                self._guard(self.pdf, lambda: settlement_pdf(doc, temp, self.centre_name))
            if self.csv is not None and self.csv_of is not None:
                data = self.csv_of([doc]).encode("utf-8")
                temp = self._add(self.csv)
                self._guard(self.csv, lambda: temp.write_bytes(data))
            if self.payment is not None and payment_file is not None:
                temp = self._add(self.payment)
                self._guard(self.payment, lambda: temp.write_bytes(payment_file))
        except Exception:
            self.discard()
            raise

    def publish(self) -> list[Path]:
        """Put the staged files in place (after the commit); returns their final paths."""
        for temp, final in self._staged:
            os.replace(temp, final)
            self.written.append(final)
        self._staged.clear()
        return self.written

    def discard(self) -> None:
        for temp, _ in self._staged:
            temp.unlink(missing_ok=True)
        self._staged.clear()

    def _add(self, final: Path) -> Path:
        temp = self._temp(final)
        self._staged.append((temp, final))
        return temp

    @staticmethod
    def _temp(final: Path) -> Path:
        return final.with_name(f".{final.name}.part")

    @staticmethod
    def _guard(final: Path, write: Callable[[], object]) -> None:
        try:
            write()
        except OSError as error:
            raise CannotWriteFile(str(final), reason=error.strerror or str(error)) from error
