"""The X/Z report rows in English, for the screen of a person who chose English: paper, PDF and
SAF-T keep the Norwegian legal wording (``report_lines``). Fixed labels, payment means and VAT
rates are translated; names (tenants, article groups, staff, reasons typed at the till) stay as
they were written. A label this module does not know is shown as it is, never dropped."""

from __future__ import annotations

import re
from dataclasses import replace

from pos.model.report_lines import ReportRow

LABELS = {
    "X-rapport": "X report",
    "Z-rapport": "Z report",
    "Z-rapport – KOPI": "Z report – COPY",
    "Dato og tid": "Date and time",
    "Salgsdag": "Business day",
    "Kassepunkt": "Register",
    "Totalt kontantsalg (netto)": "Total sales (net)",
    "Varegrupper": "Article groups",
    "Betalingsmidler": "Payment means",
    "herav øreavrunding": "of which cash rounding",
    "Per operatør": "Per operator",
    "Mva per sats": "VAT per rate",
    "Avgiftspliktig salg": "Taxable sales",
    "Avgiftsfritt / utenfor": "Exempt / outside VAT",
    "Vekselkasse": "Opening float",
    "Antall salgskvitteringer": "Sales receipts",
    "Skuffeåpninger uten salg": "Drawer openings without a sale",
    "Kopikvitteringer": "Copy receipts",
    "Foreløpige kvitteringer": "Provisional receipts",
    "Returer": "Returns",
    "Rabatter": "Discounts",
    "Annullerte salg": "Voided sales",
    "Linjekorrigeringer": "Line corrections",
    "Prisforespørsler": "Price look-ups",
    "Andre korrigeringer": "Other corrections",
    "Utleveringskvitteringer": "Delivery receipts",
    "Treningskvitteringer": "Training receipts",
    "Grand total salg": "Grand total sales",
    "Grand total retur": "Grand total returns",
    "Grand total netto": "Grand total net",
    "Kredittsalg": "Credit sales",
    "Tilgodelapper utstedt": "Credit notes issued",
    "Parkerte kurver": "Parked baskets",
    "Kassaskuffen eies av senteret: veksel og skuffeåpninger der.": (
        "The centre owns the cash drawer: the float and drawer openings are on its report."
    ),
    # payment means, money in and out (pos.model.takings)
    "Kontant": "Cash",
    "Bankkort": "Card",
    "Vipps": "Vipps",
    "Tilgodelapp": "Credit note",
    "Depositum": "Repair deposit",
    "Tilgodelapp innløst": "Credit note redeemed",
    "Kontant tilbakebetalt": "Cash refunded",
    "Bankkort tilbakeført": "Card refunded",
    "Vipps tilbakeført": "Vipps refunded",
    "Tilgodelapp utstedt": "Credit note issued",
    "Depositum tilbakeført": "Repair deposit returned",
    "Depositum innbetalt": "Repair deposit paid in",
    "Depositum tilbakebetalt": "Repair deposit paid back",
    "Slettet linje": "Deleted line",
    # VAT rates (pos.vat)
    "Alminnelig sats 25 %": "Standard rate 25 %",
    "Næringsmidler 15 %": "Food 15 %",
    "Redusert sats 12 %": "Reduced rate 12 %",
    "Fritatt (nullsats)": "Zero-rated",
    "Unntatt merverdiavgift": "Exempt from VAT",
    "Ikke mva-registrert": "Not VAT-registered",
}
_PREFIXES = {"Innskudd: ": "Paid in: ", "Uttak: ": "Paid out: "}
_VALUE_WORDS = (
    (re.compile(r"\bstk\b"), "pcs"),
    (re.compile(r"^nr\. "), "no. "),
    (re.compile(r"\bgrunnlag\b"), "base"),
    (re.compile(r"\bmva\b"), "VAT"),
)


def english_rows(rows: list[ReportRow]) -> list[ReportRow]:
    """The same rows, in the same order and with the same letters, worded in English."""
    return [replace(row, label=_label(row.label), value=_value(row.value)) for row in rows]


def _label(label: str) -> str:
    if label in LABELS:
        return LABELS[label]
    for nb, en in _PREFIXES.items():
        if label.startswith(nb):
            return en + _label(label[len(nb) :])
    who, sep, what = label.rpartition(": ")  # "1001 Kari Kasserer: Kontant"
    if sep and what in LABELS:
        return f"{who}: {LABELS[what]}"
    return label


def _value(value: str) -> str:
    for pattern, english in _VALUE_WORDS:
        value = pattern.sub(english, value)
    return value
