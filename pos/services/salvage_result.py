"""What a restore's salvage found, said in the interface's language: each receipt brought back,
each that was not with why (``Reason``), and what was kept of those left behind."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Reason:
    """Why one receipt could not come back, said in the interface's language."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "nb") -> str:
        nb, en = _REASONS[self.code]
        params = dict(self.params)
        if "kind" in params:  # a sale kind, in the person's words
            words = _KINDS.get(params["kind"], (params["kind"], params["kind"]))
            params["kind"] = words[1] if lang == "en" else words[0]
        return (en if lang == "en" else nb).format(**params)


_KINDS = {"deposit": ("depositum", "deposit")}


_REASONS = {
    "unreadable": (
        "Salget kan ikke leses i databasen som ble erstattet.",
        "The sale cannot be read in the replaced store.",
    ),
    "repair": (
        "En kvittering for reparasjon ({kind}): slike penger hentes ikke tilbake automatisk.",
        "A repair receipt ({kind}): such money is not brought back automatically.",
    ),
    "chain_gap": (
        "Signaturnummer {sig_nr} følger ikke etter {head} i den gjenopprettede databasen.",
        "Signature number {sig_nr} does not follow {head} in the restored store.",
    ),
    "after_left": (
        "Kvitteringen før den i signaturkjeden ({before}) kunne ikke hentes tilbake.",
        "The receipt before it in its signature chain ({before}) could not come back.",
    ),
    "chain_mismatch": (
        "Signaturkjeden fortsetter ikke den gjenopprettede databasens.",
        "Its signature chain does not continue the restored store's.",
    ),
    "same_sale": (
        "En annen kvittering i samme salg ({other}) kunne ikke hentes tilbake, og et salg "
        "hentes tilbake helt eller ikke i det hele tatt.",
        "Another receipt of the same sale ({other}) could not come back, and a sale comes "
        "back whole or not at all.",
    ),
    "event_unreadable": (
        "Raden kan ikke leses i databasen som ble erstattet (bare journalraden kan).",
        "Its row cannot be read in the replaced store (only its journal row can).",
    ),
    "event_no_fit": (
        "Passer ikke i den gjenopprettede databasen: kassens økt eller den ansatte kan ikke leses.",
        "It does not fit the restored store: its till session or staff member cannot be read.",
    ),
    "till_record": (
        "Passer ikke med kassen slik den står i sikkerhetskopien, så kassen står slik den var "
        "der: åpne, overlever eller lukk kassen på nytt (med ny telling).",
        "It does not fit the till as the backup has it, so the till stands as it was there: "
        "open, hand over or close it again (with a new count).",
    ),
    "copy_receipt_left": (
        "Kvitteringen {number} kom ikke tilbake, så heller ikke kopien av den (kvitteringen "
        "står med alle rader i salvage-mappen).",
        "The receipt {number} did not come back, so neither does its copy (the receipt is in "
        "the salvage folder with all its rows).",
    ),
    "no_fit": (
        "Salget passer ikke i den gjenopprettede databasen: noe det viser til (ansatt, vare "
        "eller tilgodelapp) kan verken leses der eller i databasen som ble erstattet.",
        "The sale does not fit the restored store: something it points to (staff, item or "
        "credit note) can be read neither there nor in the replaced store.",
    ),
}


@dataclass(frozen=True)
class Said:
    """What a salvaged or left event was (cash moved, a drawer opening, a copy, a void …), said
    in the interface's language."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "nb") -> str:
        nb, en = _EVENTS[self.code]
        return (en if lang == "en" else nb).format(**self.params)


_EVENTS = {
    "cash_in": (
        "Inn i kassen {amount} kr ({reason}) {date} kl. {time} (journalrad {seq})",
        "Cash in {amount} kr ({reason}) {date} at {time} (journal row {seq})",
    ),
    "cash_out": (
        "Ut av kassen {amount} kr ({reason}) {date} kl. {time} (journalrad {seq})",
        "Cash out {amount} kr ({reason}) {date} at {time} (journal row {seq})",
    ),
    "drawer_no_sale": (
        "Skuffeåpning uten salg {date} kl. {time} (journalrad {seq})",
        "Drawer opening without a sale {date} at {time} (journal row {seq})",
    ),
    "drawer": (
        "Skuffeåpning {date} kl. {time} (journalrad {seq})",
        "Drawer opening {date} at {time} (journal row {seq})",
    ),
    "copy": (
        "Kopi (KOPI) av {number} {date} kl. {time} (journalrad {seq})",
        "Copy (KOPI) of {number} {date} at {time} (journal row {seq})",
    ),
    "void": (
        "Annullert salg {amount} kr {date} kl. {time} (journalrad {seq})",
        "Voided sale {amount} kr {date} at {time} (journal row {seq})",
    ),
    "price_lookup": (
        "Prisforespørsel {date} kl. {time} (journalrad {seq})",
        "Price look-up {date} at {time} (journal row {seq})",
    ),
    "line_delete": (
        "Slettet linje {amount} kr {date} kl. {time} (journalrad {seq})",
        "Deleted line {amount} kr {date} at {time} (journal row {seq})",
    ),
    "park": (
        "Parkert kurv {amount} kr {date} kl. {time} (journalrad {seq})",
        "Parked basket {amount} kr {date} at {time} (journal row {seq})",
    ),
    "resume": (
        "Parkert kurv hentet fram {amount} kr {date} kl. {time} (journalrad {seq})",
        "Parked basket resumed {amount} kr {date} at {time} (journal row {seq})",
    ),
    "till_open": (
        "Kassen åpnet {date} kl. {time} (journalrad {seq})",
        "Till opened {date} at {time} (journal row {seq})",
    ),
    "shift_change": (
        "Vaktskifte {date} kl. {time} (journalrad {seq})",
        "Shift change {date} at {time} (journal row {seq})",
    ),
    "till_close": (
        "Kasseoppgjør {date} kl. {time} (journalrad {seq})",
        "Till close {date} at {time} (journal row {seq})",
    ),
}


@dataclass
class SalvageResult:
    salvaged: list[str] = field(default_factory=list)
    """Receipt numbers brought back."""
    left: list[tuple[str, Reason]] = field(default_factory=list)
    """(receipt number, why not) for readable receipts that could not come back."""
    unreadable: int = 0
    """Signed receipts the replaced store holds beyond the restored one that cannot be read."""
    unreadable_numbers: list[str] = field(default_factory=list)
    """Their numbers, per series a range (``salvage_unread``)."""
    left_sales: list[dict[str, Any]] = field(default_factory=list)
    """Every row a readable sale left behind wrote, with why (exported in full)."""
    queued_left: list[str] = field(default_factory=list)
    """Receipts left behind whose events are queued for the server again."""
    events_salvaged: list[Said] = field(default_factory=list)
    """Cash moved, drawer openings and copies brought back (``salvage_events``)."""
    events_left: list[tuple[Said, Reason]] = field(default_factory=list)
    """Those that could not come back, with why."""
    records_lost_since: str | None = None
    """The replaced store could not be read after the backup: anything recorded after this
    time (the backup's) may be lost (``restore_losses``)."""
    export_dir: Path | None = None
