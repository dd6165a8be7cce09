"""SAF-T Cash Register event codes (PredefinedBasicID-13) used in the electronic journal."""

from __future__ import annotations

from enum import IntEnum


class EventCode(IntEnum):
    POS_START = 13001
    POS_STOP = 13002
    LOGIN = 13003
    LOGOUT = 13004
    DRAWER_OPEN = 13005
    DRAWER_CLOSE = 13006
    SOFTWARE_UPDATE = 13007
    X_REPORT = 13008
    Z_REPORT = 13009
    PARK = 13010
    RESUME = 13011
    SALES_RECEIPT = 13012
    RETURN_RECEIPT = 13013
    COPY_RECEIPT = 13014
    PROVISIONAL_RECEIPT = 13015
    DELIVERY_RECEIPT = 13016
    TRAINING_RECEIPT = 13017
    OTHER_REPORT = 13018
    CASH_WITHDRAWAL = 13019
    JOURNAL_EXPORT = 13020
    PRICE_CHANGE = 13021
    PRICE_LOOKUP = 13022
    TRAINING_ON = 13023
    TRAINING_OFF = 13024
    MEMORY_FULL = 13025
    EMERGENCY_ON = 13026
    EMERGENCY_OFF = 13027
    VOID = 13028
    STEB_RECEIPT = 13029
    SALE_WITHOUT_RECEIPT = 13030
    OTHER = 13999


class OtherEvent:
    """The ``kind`` written in the details of 13999 events, so reports can count them."""

    LINE_DELETE = "line_delete"
    CASH_IN = "cash_in"
    TILL_OPEN = "till_open"
    SHIFT_CHANGE = "shift_change"
    SETTINGS_CHANGE = "settings_change"
    KEY_CHANGE = "key_change"
    KEY_SEALED = "key_sealed"
    STAFF_CHANGE = "staff_change"
    STAFF_LOCKED = "staff_locked"
    TENANT_CHANGE = "tenant_change"
    DEPOSIT_RECEIPT = "deposit_receipt"
    SALE_RECEIPT = "sale_receipt"
    """A sales receipt recorded with its sale (content digest); 13012 follows when it prints."""
    RECEIPT_PRINTED = "receipt_printed"
    """A return, training or deposit receipt's original reached the paper."""
    REPAIR_INTAKE = "repair_intake"
    REPAIR_STATUS = "repair_status"
    REPAIR_WORK = "repair_work"
    REPAIR_APPROVAL = "repair_approval"
    REPAIR_SETTINGS = "repair_settings"
    CLOCK_CONFIRMED = "clock_confirmed"
    CLOCK_OFFSET_ENDED = "clock_offset_ended"
    CLOCK_AHEAD_DECLARED = "clock_ahead_declared"
    """A manager declared the records before it stamped ahead: the one place time steps back."""
    RESTORE = "restore"
    """The store was put back from a backup: what replaced what, and the journal numbers skipped."""
    NUMBERS_SKIPPED = "numbers_skipped"
    """Numbers and signature numbers a tenant's series continue after, with the reason."""
    SALVAGED_RECEIPT = "salvaged_receipt"
    """A receipt brought back from a replaced store that one of its Z reports already counted."""
    SALVAGED_EVENT = "salvaged_event"
    """Cash moved or a drawer opened, brought back from a replaced store whose Z reports
    already counted it (``event_code`` in its details names what it was)."""
