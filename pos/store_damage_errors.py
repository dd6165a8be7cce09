"""The errors that say a store or a backup is damaged. Their ``reason`` is SQLite's (or the ZIP
reader's) technical text: the message says it as a phrase in the person's language
(``damage_words``), the technical text stays in ``params`` for the support log. Re-exported by
``pos.errors``."""

from __future__ import annotations

from pos.damage_words import damage_said
from pos.domain_error import DomainError


class _DamageError(DomainError):
    """Its ``reason`` (SQLite's technical words) is said as a phrase in the person's language;
    the technical text stays in ``params`` for the support log."""

    def message(self, lang: str = "nb") -> str:
        technical = self.params.get("reason")
        if technical is None:
            return super().message(lang)
        self.params["reason"] = damage_said(str(technical), lang)
        try:
            return super().message(lang)
        finally:
            self.params["reason"] = technical

    def for_support_log(self) -> str:
        """The English message with the technical reason beside it."""
        return f"{self.message('en')} [{self.params.get('reason', '')}]"


class StoreDamaged(_DamageError):
    """Names no backup: the newest one may hold the same damage; the restore picks the newest
    that passes the full check and says which."""

    code = "store_damaged"
    nb = (
        "Databasen i {value} er skadet og kan ikke brukes ({reason}). Ingenting mer blir lagret "
        "i den. En leder kan gjenopprette den nyeste sikkerhetskopien som består full kontroll "
        "(kassen finner den): start kassen og velg «Gjenopprett», eller kjør "
        "«omigjen-pos restore-backup --staff NR»."
    )
    en = (
        "The database in {value} is damaged and cannot be used ({reason}). Nothing more is "
        "saved in it. A manager can restore the newest backup that passes the full check (the "
        "till finds it): start the till and choose 'Restore', or run "
        "'omigjen-pos restore-backup --staff NO'."
    )


class StoreDamagedAfterZ(_DamageError):
    """The full check after the Z found damage: the Z reports are stored and printed."""

    code = "store_damaged_after_z"
    nb = (
        "Z-rapportene er lagret og skrevet ut. Kontrollen etterpå fant at databasen i {value} er "
        "skadet ({reason}): den er ikke sikkerhetskopiert, og kassen lagrer ikke mer i den. En "
        "leder kan gjenopprette den nyeste sikkerhetskopien som består full kontroll (kassen "
        "finner den): start kassen og velg «Gjenopprett», eller kjør "
        "«omigjen-pos restore-backup --staff NR»."
    )
    en = (
        "The Z reports are stored and printed. The check after them found the database in "
        "{value} damaged ({reason}): it is not backed up and the till saves nothing more in it. "
        "A manager can restore the newest backup that passes the full check (the till finds "
        "it): start the till and choose 'Restore', or run "
        "'omigjen-pos restore-backup --staff NO'."
    )


class StoreDamagedInUse(_DamageError):
    code = "store_damaged_in_use"
    nb = (
        "Databasen er skadet ({reason}); det siste ble ikke lagret. Lukk kassen og start den "
        "igjen: den tilbyr da å gjenopprette siste gode sikkerhetskopi (en leder godkjenner)."
    )
    en = (
        "The database is damaged ({reason}); the last action was not saved. Close the till and "
        "start it again: it then offers to restore the latest good backup (a manager approves)."
    )


class BackupDamaged(_DamageError):
    code = "backup_damaged"
    nb = "Sikkerhetskopien {value} er skadet og kan ikke brukes ({reason})."
    en = "The backup {value} is damaged and cannot be used ({reason})."
