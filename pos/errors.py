"""Domain errors: a stable code, the facts it is about, and a message in bokmål and English.

The services raise these having written nothing; the UI and CLI show ``message(lang)``,
never a traceback.
"""

from __future__ import annotations

from typing import ClassVar

from pos.domain_error import DomainError as DomainError


class InvalidAmount(DomainError):
    code = "invalid_amount"
    nb = "«{value}» er ikke et gyldig beløp."
    en = "'{value}' is not a valid amount."


class ReasonRequired(DomainError):
    code = "reason_required"
    nb = "Skriv en grunn (den står i journalen og på X/Z-rapporten)."
    en = "Enter a reason (it goes into the journal and the X/Z report)."


class AmountOutOfRange(DomainError):
    code = "amount_out_of_range"
    nb = "Beløpet {value} er utenfor det kassen godtar (0 til 1 000 000 kr)."
    en = "The amount {value} is outside what the till accepts (0 to 1 000 000 kr)."


class InvalidQuantity(DomainError):
    code = "invalid_quantity"
    nb = "Antallet må være et helt tall større enn null (fikk {value})."
    en = "The quantity must be a whole number above zero (got {value})."


class InvalidDateTime(DomainError):
    code = "invalid_date_time"
    nb = "«{value}» er ikke en gyldig dato og tid (ÅÅÅÅ-MM-DD TT:MM)."
    en = "'{value}' is not a valid date and time (YYYY-MM-DD HH:MM)."


class InvalidOrgNumber(DomainError):
    code = "invalid_org_number"
    nb = "«{value}» er ikke et gyldig organisasjonsnummer."
    en = "'{value}' is not a valid organisation number."


class InvalidBarcode(DomainError):
    code = "invalid_barcode"
    nb = "Strekkoden «{value}» er ugyldig ({reason_nb})."
    en = "The barcode '{value}' is invalid ({reason_en})."


class InvalidArticleGroup(DomainError):
    code = "invalid_article_group"
    nb = "«{value}» er ikke en gyldig varegruppe (SAF-T-kode 04001–04021 eller 04999)."
    en = "'{value}' is not a valid article group (SAF-T code 04001–04021 or 04999)."


class InvalidTenant(DomainError):
    code = "invalid_tenant"
    nb = "Leietakeren mangler navn eller har ugyldig kode «{value}» (to siffer)."
    en = "The tenant has no name or an invalid code '{value}' (two digits)."


class UnknownItem(DomainError):
    code = "unknown_item"
    nb = "Fant ingen vare med koden «{value}»."
    en = "No item has the code '{value}'."


class UnknownCode(UnknownItem):
    """Not in the catalogue and no label an item can carry: nothing to sell it as."""

    code = "unknown_code"
    nb = (
        "Ukjent kode: «{value}» finnes ikke i varekatalogen og er ingen butikketikett. "
        "En vare uten kjent etikett selges med en hurtigtast."
    )
    en = (
        "Unknown code: '{value}' is not in the catalogue and is no in-store label. "
        "An item without a known label is sold with a quick key."
    )


class UnknownLabelTenant(UnknownItem):
    code = "unknown_label_tenant"
    nb = "Etiketten «{value}» tilhører leietaker {tenant_code}, som ikke finnes i denne kassen."
    en = "The label '{value}' belongs to tenant {tenant_code}, which this till does not know."


class UnknownTenant(DomainError):
    code = "unknown_tenant"
    nb = "Fant ingen leietaker «{value}»."
    en = "No tenant '{value}'."


class ItemAlreadySold(DomainError):
    code = "item_already_sold"
    nb = "«{value}» er et enkeltstående brukt-produkt og er allerede solgt."
    en = "'{value}' is a one-off second-hand item and has already been sold."


class NotAStockItem(DomainError):
    code = "not_a_stock_item"
    nb = "«{value}» er ikke en lagervare: bare lagervarer har antall på lager."
    en = "'{value}' is not a stock item: only stock items have a count."


class ItemNotSellable(DomainError):
    code = "item_not_sellable"
    nb = "«{value}» kan ikke selges ({reason_nb})."
    en = "'{value}' cannot be sold ({reason_en})."


class PriceRequired(DomainError):
    code = "price_required"
    nb = "«{value}» har åpen pris: skriv inn prisen."
    en = "'{value}' has an open price: enter the price."


class EmptyBasket(DomainError):
    code = "empty_basket"
    nb = "Kurven er tom."
    en = "The basket is empty."


class PaymentShort(DomainError):
    code = "payment_short"
    nb = "Betalingen mangler {missing} kr av {due} kr."
    en = "The payment is {missing} kr short of {due} kr."


class Overpaid(DomainError):
    code = "overpaid"
    nb = "Kort, Vipps og tilgodelapp kan ikke overstige beløpet ({value} kr for mye)."
    en = "Card, Vipps and credit notes cannot exceed the amount due ({value} kr too much)."


class InvalidTender(DomainError):
    code = "invalid_tender"
    nb = "Ugyldig betaling: {value}."
    en = "Invalid payment: {value}."


class CreditNoteProblem(DomainError):
    code = "credit_note_problem"
    nb = "Tilgodelapp {value}: {reason_nb}."
    en = "Credit note {value}: {reason_en}."


class ReturnNotAllowed(DomainError):
    code = "return_not_allowed"
    nb = "Retur ikke mulig: {reason_nb}."
    en = "Return not possible: {reason_en}."


class CopyAlreadyPrinted(DomainError):
    code = "copy_already_printed"
    nb = (
        "Kvittering {value} har allerede fått sin ene kopi. Regelverket tillater bare én "
        "kopi per kvittering."
    )
    en = "Receipt {value} has already had its one copy. The rules allow only one copy."


class UnknownReceipt(DomainError):
    code = "unknown_receipt"
    nb = "Fant ingen kvittering «{value}»."
    en = "No receipt '{value}'."


class WrongPin(DomainError):
    """``tries_left`` (with ``minutes``): wrong PINs still allowed before the wait starts."""

    code = "wrong_pin"
    nb = "Feil ansattnummer eller PIN."
    en = "Wrong staff number or PIN."

    def message(self, lang: str = "nb") -> str:
        text = super().message(lang)
        left, wait = self.params.get("tries_left"), self.params.get("minutes")
        if left is None or wait is None:
            return text
        if lang.startswith(("nb", "no")):
            return f"{text} {left} forsøk igjen før du må vente {wait} min."
        tries = "try" if left == 1 else "tries"
        return f"{text} {left} more {tries} before you must wait {wait} min."


class StaffLocked(DomainError):
    code = "staff_locked"
    nb = (
        "Ansatt {value} er sperret i {minutes} min etter for mange feil PIN-forsøk. Prøv igjen "
        "da, eller be en leder låse opp."
    )
    en = (
        "Staff member {value} is locked for {minutes} min after too many wrong PINs. Try again "
        "then, or ask a manager to unlock."
    )


class InvalidPin(DomainError):
    code = "invalid_pin"
    nb = "En PIN er 4 til 8 siffer."
    en = "A PIN is 4 to 8 digits."


class UnknownStaff(DomainError):
    code = "unknown_staff"
    nb = "Fant ingen ansatt med nummer «{value}»."
    en = "No staff member with number '{value}'."


class PermissionDenied(DomainError):
    code = "permission_denied"
    nb = "Dette krever godkjenning av en leder ({what_nb})."
    en = "This needs a manager's approval ({what_en})."

    WHAT: ClassVar[dict[str, tuple[str, str]]] = {
        "sell": ("salg", "selling"),
        "return": ("retur", "a return"),
        "large_discount": ("stor rabatt", "a large discount"),
        "void": ("annullering", "a void"),
        "no_sale_drawer": ("åpne skuffen uten salg", "opening the drawer without a sale"),
        "price_override": ("endret pris", "a price override"),
        "open_till": ("åpne eller lukke kassen", "opening or closing the till"),
        "cash_in_out": ("inn- og utbetaling", "cash in or out"),
        "shift_change": ("vaktbytte", "a shift change"),
        "manage": (
            "bare en leder kan endre priser, vilkår, leietakere, ansatte og innstillinger",
            "only a manager may change prices, terms, tenants, staff and settings",
        ),
    }

    def message(self, lang: str = "nb") -> str:
        value = str(self.params.get("value", ""))
        what_nb, what_en = self.WHAT.get(value, (value, value))
        self.params.setdefault("what_nb", what_nb)
        self.params.setdefault("what_en", what_en)
        return super().message(lang)


class CannotApprove(DomainError):
    """A right PIN of someone whose role may not grant what is asked (a cashier for a void)."""

    code = "cannot_approve"
    nb = "{value} har ikke lov til å godkjenne dette; be en leder. Ingenting ble endret."
    en = "{value} may not approve this; ask a manager. Nothing was changed."


class TillNotOpen(DomainError):
    code = "till_not_open"
    nb = "Kassen er ikke åpnet. Åpne kassen med vekselkasse først."
    en = "The till is not open. Open it with a float first."


class TillAlreadyOpen(DomainError):
    code = "till_already_open"
    nb = "Kassen er allerede åpen."
    en = "The till is already open."


class TrainingRestriction(DomainError):
    code = "training_restriction"
    nb = "Ikke tilgjengelig i treningsmodus: {value}."
    en = "Not available in training mode: {value}."


class TrainingSwitchWithBasket(DomainError):
    code = "training_switch_with_basket"
    nb = (
        "Treningsmodus kan bare slås av eller på med tom kurv: fullfør, parker eller annuller "
        "kurven først."
    )
    en = (
        "Training mode can only be switched with an empty basket: finish, park or void the "
        "basket first."
    )


class ParkedInOtherMode(DomainError):
    code = "parked_in_other_mode"
    nb = (
        "Kurven ble parkert {mode_nb}; den kan bare hentes fram {mode_nb} (slå treningsmodus "
        "av eller på med F11 med tom kurv)."
    )
    en = (
        "The basket was parked {mode_en}; it can only be resumed {mode_en} (switch training "
        "mode with F11 while the basket is empty)."
    )


class UnknownParkedBasket(DomainError):
    code = "unknown_parked_basket"
    nb = "Fant ingen parkert kurv «{value}» (kanskje allerede hentet)."
    en = "No parked basket '{value}' (perhaps already resumed)."


class FullBackupMissing(DomainError):
    code = "full_backup_missing"
    nb = (
        "Sikkerhetskopien {value} er differensiell: den bygger på den fulle sikkerhetskopien "
        "{base}, som må ligge i samme mappe. Kopier hele mappen med sikkerhetskopier (eller ta "
        "en manuell sikkerhetskopi på den gamle PC-en: den er alltid full, én fil)."
    )
    en = (
        "The backup {value} is differential: it builds on the full backup {base}, which must "
        "lie in the same folder. Copy the whole backup folder (or take a manual backup on the "
        "old PC: always full, one file)."
    )


class NoBackup(DomainError):
    code = "no_backup"
    nb = "Fant ingen sikkerhetskopi ({value})."
    en = "No backup found ({value})."


class BackupOfAnotherCounter(DomainError):
    code = "backup_other_counter"
    nb = (
        "Sikkerhetskopien {value} er av en annen kasse i senteret (kasse {backup_register}), "
        "men denne kassen er kasse {register}: den gjenopprettes ikke her, for da ville to "
        "kasser blitt blandet. Ingenting er endret. Gjenopprett en sikkerhetskopi av denne "
        "kassen, eller gjenopprett denne på sin egen kasse (eller på en ny PC med tom datamappe)."
    )
    en = (
        "The backup {value} is of another counter of the centre (register {backup_register}), "
        "but this counter is register {register}: it is not restored here, as that would mix "
        "two counters. Nothing was changed. Restore a backup of this counter, or restore this "
        "one on its own counter (or on a new PC with an empty data directory)."
    )


class RestoreHistoryUnknown(DomainError):
    code = "restore_history_unknown"
    nb = (
        "Verken denne PC-en (ingen database, ingen high-water.mark) eller en server vet hva "
        "kassen gjorde etter sikkerhetskopien. Kvitterings- og Z-numre kan bli gitt ut på nytt "
        "og en dag Z-rapportert to ganger. Kopier high-water.mark fra den gamle disken hit om "
        "den kan leses; ellers må en leder bekrefte at gjenopprettingen skal gjøres likevel: "
        "--confirm-unknown-history, eller svar JA (uten terminal: echo JA | …)."
    )
    en = (
        "Neither this PC (no store, no high-water.mark) nor a server knows what the register "
        "did after the backup. Receipt and Z numbers may be given out again and a day "
        "Z-reported twice. Copy high-water.mark from the old disk here if it can be read; "
        "otherwise a manager must confirm the restore anyway: --confirm-unknown-history, or "
        "answer YES (without a terminal: echo YES | …)."
    )


class SecondPlaceGone(DomainError):
    """A backup taken, its copy to the second place not: the folder is not there."""

    code = "second_place_gone"
    nb = "mappen «{value}» finnes ikke (er disken koblet til?)"
    en = "the folder '{value}' is not there (is the disk connected?)"


class SecondPlaceNotWritten(DomainError):
    code = "second_place_not_written"
    nb = "kunne ikke skrive til «{value}» ({reason})"
    en = "could not write to '{value}' ({reason})"


class SecondPlaceMissing(DomainError):
    code = "second_place_missing"
    nb = (
        "Mappen «{value}» finnes ikke (er disken koblet til?). Koble den til eller lag mappen, "
        "og lagre stedet igjen. Ingenting er endret."
    )
    en = (
        "The folder '{value}' is not there (is the disk connected?). Connect it or make the "
        "folder, then save the place again. Nothing was changed."
    )


class NumberingCheckPending(DomainError):
    code = "numbering_check_pending"
    nb = (
        "Kassen er gjenopprettet fra en sikkerhetskopi på en PC som ikke kjenner de siste "
        "kvitteringsnumrene. Koble den til serveren (registrer kassen på nytt) før salg, så "
        "fortsetter nummereringen etter det serveren har."
    )
    en = (
        "The till was restored from a backup on a PC that does not know the latest receipt "
        "numbers. Connect it to the server (enrol it again) before selling, so numbering "
        "continues after what the server holds."
    )


class StorageFull(DomainError):
    code = "storage_full"
    nb = "Disken er full: ingenting ble lagret. Frigjør plass og prøv igjen."
    en = "The disk is full: nothing was saved. Free some space and try again."


class DataDirectoryReadOnly(DomainError):
    code = "data_dir_read_only"
    nb = (
        "Kassen kan ikke skrive i datamappen {value} ({reason}). Ingenting ble lagret. Sjekk at "
        "disken er koblet til og ikke skrivebeskyttet, og at kassens bruker eier mappen."
    )
    en = (
        "The till cannot write to the data directory {value} ({reason}). Nothing was saved. "
        "Check that the disk is connected and not read-only, and that the till's user owns "
        "the folder."
    )


class DataDirectoryLocked(DomainError):
    code = "data_dir_locked"
    nb = "Kassen kjører allerede med datamappen {value}."
    en = "The till is already running with the data directory {value}."


from pos.store_damage_errors import BackupDamaged as BackupDamaged  # noqa: E402 - re-exported
from pos.store_damage_errors import StoreDamaged as StoreDamaged  # noqa: E402
from pos.store_damage_errors import StoreDamagedAfterZ as StoreDamagedAfterZ  # noqa: E402
from pos.store_damage_errors import StoreDamagedInUse as StoreDamagedInUse  # noqa: E402
