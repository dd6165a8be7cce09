"""A tenant settlement (leietakeroppgjør) for a period as a document: what the centre took in on
the tenant's behalf by payment means, less the centre's commission and rent with 25 % VAT, and
the net payable to the tenant (negative: the tenant owes the centre).

Line kinds: ``info:*`` lines explain (sales, returns, credit notes) and do not count;
``received:*`` (money: cash, card, Vipps) count positive; ``commission:*``, ``commission_vat``,
``rent``, ``rent_vat`` count negative.

A correction (korreksjonsoppgjør) is a new numbered settlement of the same period that refers
to the one it corrects and carries, as an accountant expects of a credit note and a new invoice
in one: ``reversal:*`` lines taking back every counting line the corrected settlement stood for,
the period worked out again from today's facts and terms, and an optional ``adjustment`` with
its reason. Its net payable is the difference to pay (or to get back).
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.money import Ore

CENTRE_VAT_PERCENT = 25


@dataclass(frozen=True)
class SettlementLine:
    kind: str
    description: str
    base: Ore
    """What the line was worked out from (0 where nothing)."""
    amount: Ore

    @property
    def counts(self) -> bool:
        return not self.kind.startswith("info:")


@dataclass(frozen=True)
class SettlementDoc:
    settlement_id: str
    number: int
    number_text: str
    tenant_id: str
    tenant_name: str
    org_no: str
    bank_account: str
    period_from: str
    period_to: str
    created_date: str
    corrects_number: str
    lines: tuple[SettlementLine, ...]
    registers: str = ""
    """The registers whose receipts it covers ("K1, K2"); empty on statements made before it
    was said."""
    centre_wide: bool = False
    """Made by the central server over every register of the centre; otherwise by a counter
    with no server, over its own register alone."""

    @property
    def net_payable(self) -> Ore:
        return sum(line.amount for line in self.lines if line.counts)

    def line_amount(self, kind: str) -> Ore:
        return sum(line.amount for line in self.lines if line.kind == kind)

    def amount_of(self, prefix: str) -> Ore:
        return sum(line.amount for line in self.lines if line.kind.startswith(prefix))


def registers_text(doc: SettlementDoc) -> str:
    """Which registers' receipts the statement covers, as the statement says it (bokmål);
    empty for one made before statements said so."""
    if not doc.registers:
        return ""
    if doc.centre_wide:
        return f"Kasser: {doc.registers} (alle kassene i senteret)"
    return f"Kasse: {doc.registers} (senterets eneste kasse, uten sentral server)"


REVERSAL = "reversal:"
ADJUSTMENT = "adjustment"
REASON = "info:reason"
"""The correction's reason: shown on the statement and in the CSV, counts for nothing."""


_TYPE_NAMES = {
    "info": "Til informasjon",
    "received": "Mottatt",
    "deposit": "Depositum",
    "commission": "Provisjon",
    "commission_vat": "Mva av provisjon",
    "rent": "Husleie",
    "rent_vat": "Mva av husleie",
    "adjustment": "Justering",
    "net_payable": "Netto til utbetaling",
}


def type_name(kind: str) -> str:
    """A line's kind as the accountant reads it ('received:card' -> 'Mottatt'); a reversed line
    is 'Tilbakeført' followed by what it reverses."""
    if kind.startswith(REVERSAL):
        return f"Tilbakeført {type_name(kind.removeprefix(REVERSAL)).lower()}"
    return _TYPE_NAMES.get(kind.split(":", 1)[0], kind)


def standing_lines(doc: SettlementDoc) -> tuple[SettlementLine, ...]:
    """The counting lines a settlement stands for: all of an original's; a correction's new
    part (its recomputed lines and adjustment, not what it reversed)."""
    return tuple(ln for ln in doc.lines if ln.counts and not ln.kind.startswith(REVERSAL))


def correction_lines(
    corrected: SettlementDoc,
    recomputed: list[SettlementLine],
    reason: str,
    adjustment: Ore,
) -> list[SettlementLine]:
    reversed_ = [
        SettlementLine(
            f"{REVERSAL}{ln.kind}",
            f"Tilbakeført fra {corrected.number_text}: {ln.description}",
            ln.base,
            -ln.amount,
        )
        for ln in standing_lines(corrected)
    ]
    why = SettlementLine(REASON, f"Grunn for korreksjonen: {reason}", 0, 0)
    extra = [SettlementLine(ADJUSTMENT, f"Justering: {reason}", 0, adjustment)]
    return [why, *reversed_, *recomputed, *(extra if adjustment else [])]


def statement_issuer(company_name: str, org_no: str, centre_name: str) -> str:
    """Who issues a statement (it charges commission with VAT): the centre's company with its
    org.no. when entered, else the company's name, else the centre's name. The counter and the
    server's web both print this, so the tenant's copy names the same issuer everywhere."""
    company_name, org_no = company_name.strip(), org_no.strip()
    if company_name and org_no:
        return f"{company_name}, org.nr. {org_no}"
    return company_name or centre_name.strip()


def net_label(doc: SettlementDoc) -> str:
    """The signed bottom line's name where it is shown signed (the screen, the command line
    and the CSV): a correction's is the difference it makes."""
    return "Differanse til leietaker" if doc.corrects_number else "Netto til leietaker"
