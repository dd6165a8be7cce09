"""Our own SAF-T Cash Register codes (``basicID``) and the predefined codes they map to.

Every own code the export uses is declared in ``company/basics`` with its ``basicType``
(BasicType.csv) and, where the code lists have one, its ``predefinedBasicID``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.model.events import EventCode, OtherEvent
from pos.model.payment import TenderKind


@dataclass(frozen=True)
class Basic:
    basic_type: str
    basic_id: str
    predefined: str
    description: str


EVENT_IDS: dict[EventCode, tuple[str, str]] = {
    EventCode.POS_START: ("POSSTART", "Programstart"),
    EventCode.POS_STOP: ("POSEND", "Programavslutning"),
    EventCode.LOGIN: ("EMPIN", "Ansatt logget inn"),
    EventCode.LOGOUT: ("EMPOUT", "Ansatt logget ut"),
    EventCode.DRAWER_OPEN: ("DRAWOPEN", "Kassaskuff åpnet"),
    EventCode.DRAWER_CLOSE: ("DRAWCLOSE", "Kassaskuff lukket"),
    EventCode.SOFTWARE_UPDATE: ("SWUPDATE", "Programoppdatering"),
    EventCode.X_REPORT: ("XREP", "X-rapport"),
    EventCode.Z_REPORT: ("ZREP", "Z-rapport"),
    EventCode.PARK: ("PARK", "Kurv parkert"),
    EventCode.RESUME: ("RESUME", "Parkert kurv hentet fram"),
    EventCode.SALES_RECEIPT: ("SALREC", "Salgskvittering skrevet ut"),
    EventCode.RETURN_RECEIPT: ("RETREC", "Returkvittering"),
    EventCode.COPY_RECEIPT: ("COPYREC", "Kopikvittering"),
    EventCode.PROVISIONAL_RECEIPT: ("PROFORMA", "Foreløpig kvittering"),
    EventCode.DELIVERY_RECEIPT: ("DELIVREC", "Utleveringskvittering"),
    EventCode.TRAINING_RECEIPT: ("TRAINREC", "Treningskvittering"),
    EventCode.OTHER_REPORT: ("OTHERREP", "Andre rapporter"),
    EventCode.CASH_WITHDRAWAL: ("CASHOUT", "Uttak av kontanter"),
    EventCode.JOURNAL_EXPORT: ("JOURNALEXP", "Eksport av journal"),
    EventCode.PRICE_CHANGE: ("PRICECHG", "Prisendring"),
    EventCode.PRICE_LOOKUP: ("PRICELOOKUP", "Prisforespørsel"),
    EventCode.TRAINING_ON: ("TRAINON", "Treningsmodus på"),
    EventCode.TRAINING_OFF: ("TRAINOFF", "Treningsmodus av"),
    EventCode.MEMORY_FULL: ("MEMFULL", "Minne fullt"),
    EventCode.EMERGENCY_ON: ("EMERGON", "Nødmodus på"),
    EventCode.EMERGENCY_OFF: ("EMERGOFF", "Nødmodus av"),
    EventCode.VOID: ("VOID", "Annullert salg"),
    EventCode.STEB_RECEIPT: ("STEBREC", "STEB-kvittering"),
    EventCode.SALE_WITHOUT_RECEIPT: ("NORECEIPT", "Salg uten utskrevet kvittering"),
    EventCode.OTHER: ("OTHER", "Annen hendelse"),
}
NO_SALE_DRAWER = ("DRAWOPENMAN", "Kassaskuff åpnet uten salg")
OTHER_KINDS: dict[str, tuple[str, str]] = {
    OtherEvent.LINE_DELETE: ("LINEDELETE", "Slettet linje"),
    OtherEvent.CASH_IN: ("CASHIN", "Innskudd av kontanter"),
    OtherEvent.TILL_OPEN: ("TILLOPEN", "Kassen åpnet med veksel"),
    OtherEvent.SETTINGS_CHANGE: ("SETTINGCHG", "Endret innstilling"),
    OtherEvent.KEY_CHANGE: ("KEYCHG", "Nytt nøkkelpar for signering"),
    OtherEvent.STAFF_CHANGE: ("STAFFCHG", "Endret ansatt"),
    OtherEvent.TENANT_CHANGE: ("TENANTCHG", "Endret leietaker"),
    OtherEvent.SALE_RECEIPT: ("SALEREG", "Salg registrert (kvittering nummerert og signert)"),
    OtherEvent.RECEIPT_PRINTED: ("RECPRINT", "Kvittering skrevet ut"),
    "till_close": ("TILLCLOSE", "Kasseoppgjør"),
    "terms_change": ("TERMSCHG", "Endrede leievilkår"),
    OtherEvent.CLOCK_CONFIRMED: ("CLOCKSET", "Riktig tid bekreftet av leder (PC-klokken var feil)"),
    OtherEvent.CLOCK_OFFSET_ENDED: ("CLOCKOK", "PC-klokken er riktig igjen; justering avsluttet"),
    OtherEvent.RESTORE: ("RESTORE", "Databasen gjenopprettet fra sikkerhetskopi (leder)"),
    OtherEvent.NUMBERS_SKIPPED: (
        "NUMSKIP",
        "Numre hoppet over: gitt ut før en gjenoppretting, aldri gitt ut to ganger",
    ),
    OtherEvent.SALVAGED_RECEIPT: (
        "SALVAGED",
        "Kvittering hentet tilbake fra erstattet database (talt på en tidligere Z)",
    ),
    OtherEvent.SALVAGED_EVENT: (
        "SALVAGEDEVT",
        "Kontanter eller skuffeåpning hentet tilbake fra erstattet database (talt på en "
        "tidligere Z)",
    ),
}
PAYMENT_IDS = {
    TenderKind.CASH: ("CASH", "Kontant"),
    TenderKind.CARD: ("CARD", "Bankkort"),
    TenderKind.VIPPS: ("VIPPS", "Vipps"),
    TenderKind.CREDIT_NOTE: ("CREDITNOTE", "Tilgodelapp"),
    TenderKind.DEPOSIT: ("DEPOSIT", "Depositum (forskudd på reparasjon)"),
}
TRANSACTION_TYPES = {
    "sale": ("CASHSAL", "11001", "Kontantsalg"),
    "return": ("RETURNSAL", "11006", "Retur"),
    "training": ("TRAINSAL", "11001", "Treningssalg (trainingID = true)"),
    "deposit": ("DEPOSITIN", "11005", "Innbetaling av depositum for reparasjon"),
}
LINE_TYPES = {"sale": ("SAL", "Salgslinje"), "return": ("RET", "Returlinje")}
DISCOUNT_ID = ("RABATT", "Rabatt gitt i kassen")
# The XSD wants at least one article group line in every X/Z, also for a period with no sales:
# that line names this declared group (predefined 04999 "Other") with 0 and 0,00.
NO_SALES_GROUP = ("INGENSALG", "Ingen salg i rapportens periode")


def event_type(code: int, details: dict) -> str:
    """The own ``eventType`` of a journal row."""
    event = EventCode(code)
    if event is EventCode.DRAWER_OPEN and details.get("reason") == "no_sale":
        return NO_SALE_DRAWER[0]
    if event is EventCode.OTHER:
        return OTHER_KINDS.get(str(details.get("kind")), EVENT_IDS[event])[0]
    return EVENT_IDS[event][0]


def payment_id(kind: str) -> str:
    return PAYMENT_IDS[TenderKind(kind)][0]


def fixed_basics() -> list[Basic]:
    """Every own code that is not an article group."""
    basics = [Basic("05", lid, "", desc) for lid, desc in LINE_TYPES.values()]
    basics.append(Basic("04", NO_SALES_GROUP[0], "04999", NO_SALES_GROUP[1]))
    basics.append(Basic("08", DISCOUNT_ID[0], "", DISCOUNT_ID[1]))
    basics += [Basic("11", tid, pre, desc) for tid, pre, desc in TRANSACTION_TYPES.values()]
    basics += [Basic("12", pid, kind.saft_code, desc) for kind, (pid, desc) in PAYMENT_IDS.items()]
    basics += [Basic("13", eid, str(code.value), desc) for code, (eid, desc) in EVENT_IDS.items()]
    basics.append(Basic("13", NO_SALE_DRAWER[0], "13005", NO_SALE_DRAWER[1]))
    basics += [Basic("13", eid, "13999", desc) for eid, desc in OTHER_KINDS.values()]
    return basics


RESERVED_IDS = frozenset(b.basic_id for b in fixed_basics())


def group_basic_id(group_id: str) -> str:
    """An article group's own code, kept apart from the fixed codes (basicIDs are unique)."""
    return f"AG-{group_id}" if group_id in RESERVED_IDS else group_id[:35]


def key_version_text(register_id: str, key_version: str) -> str:
    """The ``keyVersion`` a SAF-T file gives a transaction: the register's id with its key's
    version (``K2-1`` is register K2's first key). Every counter has its own key pair and
    numbers its versions from 1, so "1" alone would not say whose public key verifies; the
    counter's own file and the centre's file name one key with one text."""
    return f"{register_id}-{key_version}"[:50]
