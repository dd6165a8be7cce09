"""What a restore says when the store it replaces cannot be read after the backup (a broken
schema page, or damage in its journal): not only receipts, everything the register recorded
after the backup's time may be lost, and nothing can list it. The manager is told before and
after the restore, the restore's journal row says it (``records_may_be_lost``), and the next
till close of the session the backup left open names the restore beside its variance: a
variance there may be the cash moved after the backup that no record holds any more."""

from __future__ import annotations

from typing import Any

KINDS = (
    "cash_in_out",
    "drawer_no_sale",
    "copies",
    "till_open_close",
    "parked_baskets",
    "voids_deleted_lines_look_ups",
)
"""What besides signed receipts the register records after a backup (journaled by code)."""

_KIND_WORDS = {
    "nb": "kontanter inn og ut, skuffeåpninger uten salg, kopier (KOPI), åpning, vaktbytte og "
    "oppgjør av kassen, parkerte kurver, annulleringer, slettede linjer og prisforespørsler",
    "en": "cash in and out, drawer openings without a sale, copies (KOPI), the till's opening, "
    "shift changes and close, parked baskets, voids, deleted lines and price look-ups",
}


def _nb(lang: str) -> bool:
    return lang != "en"


def before_restore(since: str, lang: str = "nb") -> str:
    """Said before anything is replaced; ``since`` the backup's time (``2026-12-08 10:00``)."""
    kinds = _KIND_WORDS["nb" if _nb(lang) else "en"]
    if _nb(lang):
        return (
            f"Databasen som erstattes, kan ikke leses etter sikkerhetskopien. Alt kassen "
            f"registrerte etter {since} kan gå tapt, ikke bare kvitteringene: {kinds}. "
            "Ingenting kan liste det. Tell skuffen etter gjenopprettingen og før inn det som "
            "mangler for hånd."
        )
    return (
        f"The store being replaced cannot be read after the backup. Everything the register "
        f"recorded after {since} may be lost, not only the receipts: {kinds}. Nothing can list "
        "it. Count the drawer after the restore and enter what is missing by hand."
    )


def after_restore(since: str, lang: str = "nb") -> str:
    kinds = _KIND_WORDS["nb" if _nb(lang) else "en"]
    if _nb(lang):
        return (
            f"Det som ble registrert etter {since}, kunne ikke leses og kan være tapt: {kinds}. "
            "Gjenopprettingen er journalført med dette. Tell skuffen og før inn det som mangler "
            "for hånd; neste kasseoppgjør viser ellers et avvik for det."
        )
    return (
        f"What was recorded after {since} could not be read and may be lost: {kinds}. The "
        "restore is journaled with this. Count the drawer and enter what is missing by hand; "
        "otherwise the next till close shows a variance for it."
    )


def at_close(since: str, lang: str = "nb") -> str:
    """Beside the variance of the first close after such a restore (screen, command, PDF)."""
    if _nb(lang):
        return (
            f"Databasen ble gjenopprettet fra en sikkerhetskopi tatt {since}, og det som ble "
            "registrert etter den, kunne ikke leses: kontanter inn og ut og annet etter "
            f"{since} kan mangle i det forventede beløpet og forklare avviket."
        )
    return (
        f"The store was restored from a backup taken {since}, and what was recorded after it "
        f"could not be read: cash in and out and more after {since} may be missing from the "
        "expected amount and explain the variance."
    )


def journal_details(since: str, reason: str | None) -> dict[str, Any]:
    """The restore row's ``records_may_be_lost``: from when, why, and which kinds."""
    return {"since": since, "reason": reason or "", "kinds": list(KINDS)}
