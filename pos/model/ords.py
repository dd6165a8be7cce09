"""The Open Repair Data Standard (ORDS v0.3) as the repair counter reports to it: repair status
and barrier code lists, the product categories, and how our tickets map onto them."""

from __future__ import annotations

import re
from enum import StrEnum

from pos.errors import DomainError
from pos.model.repair import RepairStatus


class Outcome(StrEnum):
    """ORDS repair status: 1 Fixed, 2 Repairable, 3 End of life (0 Unknown when unrecorded)."""

    FIXED = "fixed"
    REPAIRABLE = "repairable"
    END_OF_LIFE = "end_of_life"

    @property
    def ords(self) -> str:
        return {"fixed": "Fixed", "repairable": "Repairable", "end_of_life": "End of life"}[
            self.value
        ]


BARRIERS = {
    1: "Spare parts not available",
    2: "Spare parts too expensive",
    3: "No way to open the product",
    4: "Repair information not available",
    5: "Lack of equipment",
    6: "Product too worn out",
}

CATEGORIES = {
    1: "Aircon/dehumidifier", 2: "Battery/charger/adapter", 3: "Decorative or safety lights",
    4: "Desktop computer", 5: "Digital compact camera", 6: "DSLR/video camera", 7: "Fan",
    8: "Flat screen", 9: "Hair & beauty item", 10: "Handheld entertainment device",
    11: "Headphones", 12: "Hi-Fi integrated", 13: "Hi-Fi separates", 14: "Kettle", 15: "Lamp",
    16: "Laptop", 17: "Large home electrical", 18: "Misc", 19: "Mobile",
    20: "Musical instrument", 21: "Paper shredder", 22: "PC accessory", 23: "Portable radio",
    24: "Power tool", 25: "Printer/scanner", 26: "Projector", 27: "Sewing machine",
    28: "Small home electrical", 29: "Small kitchen item", 30: "Tablet", 31: "Toaster",
    32: "Toy", 33: "TV and gaming-related accessories", 34: "Vacuum", 35: "Watch/clock",
    36: "Coffee maker", 37: "Food processor", 38: "Games console", 39: "Hair dryer", 40: "Iron",
}  # fmt: skip

# Norwegian and English words in our intake categories -> ORDS category id (first match wins).
_KEYWORDS: tuple[tuple[str, int], ...] = (
    ("kaffe", 36), ("coffee", 36), ("espresso", 36), ("vannkoker", 14), ("kettle", 14),
    ("brødrister", 31), ("toaster", 31), ("mikser", 37), ("blender", 37), ("foodprocessor", 37),
    ("støvsuger", 34), ("vacuum", 34), ("strykejern", 40), ("iron", 40), ("hårføner", 39),
    ("symaskin", 27), ("lampe", 15), ("lamp", 15), ("lys", 3), ("radio", 23),
    ("høyttaler", 13), ("speaker", 13), ("forsterker", 13), ("platespiller", 13),
    ("stereo", 12), ("hodetelefon", 11), ("headphone", 11), ("mobil", 19), ("telefon", 19),
    ("phone", 19), ("nettbrett", 30), ("tablet", 30), ("laptop", 16), ("bærbar", 16),
    ("pc", 4), ("datamaskin", 4), ("skjerm", 8), ("tv", 8), ("kamera", 5), ("camera", 5),
    ("lader", 2), ("charger", 2), ("batteri", 2), ("printer", 25), ("skriver", 25),
    ("klokke", 35), ("watch", 35), ("leke", 32), ("toy", 32), ("spillkonsoll", 38),
    ("konsoll", 38), ("drill", 24), ("verktøy", 24), ("vifte", 7), ("fan", 7),
)  # fmt: skip

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(\+?\d[\d ]{6,}\d)")


class InvalidOutcome(DomainError):
    code = "invalid_outcome"
    nb = "Ugyldig reparasjonsutfall: {value}."
    en = "Invalid repair outcome: {value}."


def category_of(text: str) -> tuple[int, str]:
    """Our free-text intake category (and brand/model) mapped to an ORDS product category."""
    lowered = text.lower()
    for word, category in _KEYWORDS:
        if re.search(rf"(?<![a-zæøå]){re.escape(word)}", lowered):
            return category, CATEGORIES[category]
    return 18, CATEGORIES[18]


def status_of(status: RepairStatus, recorded: str) -> str:
    """The ORDS repair status: what the technician recorded, else what the ticket's end says."""
    if recorded:
        return Outcome(recorded).ords
    if status is RepairStatus.COLLECTED:
        return Outcome.FIXED.ords
    if status in (RepairStatus.NOT_REPAIRABLE, RepairStatus.SCRAPPED):
        return Outcome.END_OF_LIFE.ords
    if status is RepairStatus.RETURNED_UNREPAIRED:
        return Outcome.REPAIRABLE.ords
    return "Unknown"


def scrub(text: str) -> str:
    """Problem text without e-mail addresses or phone numbers (ORDS: no personal data)."""
    return _PHONE.sub("[nummer]", _EMAIL.sub("[e-post]", text)).strip()


ORDS_FIELDS = (
    "id", "data_provider", "country", "partner_product_category", "product_category",
    "product_category_id", "brand", "year_of_manufacture", "product_age", "repair_status",
    "repair_barrier_if_end_of_life", "group_identifier", "event_date", "problem", "record_date",
)  # fmt: skip


def ords_record(
    row: dict, provider: str, country: str, ended: str, recorded: str
) -> list[object]:
    """One ORDS row of a finished job: ``row`` has the ticket's ``id``, ``status``,
    ``tenant_code`` and descriptive fields; ``ended`` and ``recorded`` are local dates."""
    category_id, category = category_of(
        f"{row.get('item_category') or ''} {row.get('item_brand_model') or ''}"
    )
    status = status_of(RepairStatus(row["status"]), row.get("outcome") or "")
    year = row.get("year_of_manufacture")
    return [
        row["id"], provider, country, row.get("item_category") or "", category, category_id,
        (row.get("item_brand_model") or "").split(" ")[0], year or "",
        int(ended[:4]) - year if year else "", status,
        BARRIERS.get(row.get("barrier"), "") if status == "End of life" else "",  # type: ignore[arg-type]
        row["tenant_code"], ended, scrub(row.get("fault") or ""), recorded,
    ]  # fmt: skip
