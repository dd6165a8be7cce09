"""Tenders and how one customer payment is shared out over the tenants' receipts.

Rules (deterministic, exact to the øre; every tenant receipt balances on its own):
1. A credit note (tilgodelapp) is issued by one tenant and pays only that tenant's receipt, up
   to what that receipt still owes; any balance left stays on the note. A repair deposit
   (depositum, held against a ticket) is a voucher of the same kind and follows the same rule.
2. Card and Vipps, in the order given, are each shared over what the receipts still owe, in
   proportion, by largest remainder. They are exact and may not exceed what is owed.
3. Cash settles the rest. The rest is rounded to whole kroner (50 øre away from zero). The
   rounding lands where it arises: on the receipts whose own amount (after their own credit
   notes) has øre, shared by those øre; a receipt of whole kroner gets none. Only when those
   receipts cannot carry it (a card or Vipps amount with øre made the rest uneven) is it shared
   by what every receipt owes. Card and Vipps are shared after the rounding, so they never move
   it. Change is tendered cash minus the rounded rest. Without cash nothing may be left unpaid.
Returns use the same rules with negative amounts (money going back to the customer); a refund
to a credit note issues one new note per tenant for that tenant's share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pos.errors import CreditNoteProblem, InvalidTender, Overpaid, PaymentShort
from pos.money import MAX_AMOUNT_ORE, Ore, allocate, format_nok, round_to_krone

Pay = Callable[[int, int, Ore], None]
"""pay(receipt index, tender index, magnitude): books part of a tender on a receipt."""


class TenderKind(StrEnum):
    CASH = "cash"
    CARD = "card"
    VIPPS = "vipps"
    CREDIT_NOTE = "credit_note"
    DEPOSIT = "deposit"
    """A repair deposit paid earlier (its own receipt) and deducted at pickup."""

    @property
    def saft_code(self) -> str:
        return {
            "cash": "12001",
            "card": "12002",
            "vipps": "12011",
            "credit_note": "12010",
            "deposit": "12999",
        }[self.value]

    @property
    def is_voucher(self) -> bool:
        """Issued by one tenant and pays only that tenant's receipt (rule 1)."""
        return self in (TenderKind.CREDIT_NOTE, TenderKind.DEPOSIT)

    @property
    def label_nb(self) -> str:
        return {
            "cash": "Kontant",
            "card": "Bankkort",
            "vipps": "Vipps",
            "credit_note": "Tilgodelapp",
            "deposit": "Depositum",
        }[self.value]

    @property
    def label_en(self) -> str:
        return {
            "cash": "Cash",
            "card": "Bank card",
            "vipps": "Vipps",
            "credit_note": "Credit note",
            "deposit": "Deposit",
        }[self.value]


@dataclass(frozen=True)
class Tender:
    """One means of payment. Amounts are magnitudes; the sale or return gives the sign.

    For cash, ``amount`` is what the customer handed over (change is worked out); for a credit
    note or deposit being redeemed, ``tenant_id`` is the tenant that issued it and
    ``credit_note_number`` its number (for a deposit: the repair ticket id).
    """

    kind: TenderKind
    amount: Ore
    reference: str = ""
    credit_note_number: str = ""
    tenant_id: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, TenderKind):  # e.g. "cash" from a combo box
            try:
                object.__setattr__(self, "kind", TenderKind(self.kind))
            except ValueError as error:
                raise InvalidTender(str(self.kind)) from error
        if not isinstance(self.amount, int) or isinstance(self.amount, bool):
            raise InvalidTender(str(self.amount))
        if not 0 <= self.amount <= MAX_AMOUNT_ORE:
            raise InvalidTender(format_nok(self.amount))


def voucher_amount(
    balance: Ore, tenant_id: str, dues: Sequence[tuple[str, Ore]], tenders: Sequence[Tender]
) -> Ore:
    """What a credit note or deposit pays when no amount is given (rule 1): as much as it holds,
    up to what its tenant's receipt still owes after the vouchers already taken for it."""
    owed = sum(due for tid, due in dues if tid == tenant_id) - sum(
        t.amount for t in tenders if t.kind.is_voucher and t.tenant_id == tenant_id
    )
    return min(balance, max(owed, 0))


@dataclass(frozen=True)
class TenantShare:
    """What one tenant's receipt owes and how it was paid (signed amounts)."""

    tenant_id: str
    due: Ore
    rounding: Ore
    parts: tuple[tuple[int, Ore], ...]
    """(index of the tender, signed amount) for every tender that pays part of this receipt."""

    @property
    def paid(self) -> Ore:
        return sum(amount for _, amount in self.parts)


@dataclass(frozen=True)
class Settlement:
    shares: tuple[TenantShare, ...]
    rounding: Ore
    change: Ore
    """Cash handed back to the customer (a magnitude)."""
    cash_net: Ore
    """Signed cash that stays in (or leaves) the drawer: tendered minus change."""


def settle(dues: Sequence[tuple[str, Ore]], tenders: Sequence[Tender]) -> Settlement:
    """Share ``tenders`` over the tenants' receipt totals ``dues`` (tenant_id, signed due)."""
    sign = -1 if sum(d for _, d in dues) < 0 else 1
    if any(d * sign < 0 for _, d in dues):
        raise InvalidTender("salg og retur i samme kurv")
    owed = [abs(d) for _, d in dues]
    tenant_index: dict[str | None, int] = {tenant: i for i, (tenant, _) in enumerate(dues)}
    parts: list[list[tuple[int, Ore]]] = [[] for _ in dues]

    def pay(receipt: int, tender: int, amount: Ore) -> None:
        if amount:
            parts[receipt].append((tender, sign * amount))
            owed[receipt] -= amount

    _apply_credit_notes(tenders, tenant_index, owed, pay, refund=sign < 0)
    exact = [
        i
        for i, t in enumerate(tenders)
        if t.kind in (TenderKind.CARD, TenderKind.VIPPS)
        or (t.kind is TenderKind.CREDIT_NOTE and sign < 0)
    ]
    exact_total = sum(tenders[i].amount for i in exact)
    if exact_total > sum(owed):
        raise Overpaid(format_nok(exact_total - sum(owed)))
    cash = [i for i, t in enumerate(tenders) if t.kind is TenderKind.CASH]
    rest = sum(owed) - exact_total
    tendered = sum(tenders[i].amount for i in cash)
    rounded = _rounded_rest(rest, tendered if cash else None, dues)
    per_receipt = rounding_shares(rounded - rest, owed)
    for receipt, share in enumerate(per_receipt):
        owed[receipt] += share
    for index in exact:
        _spread(index, tenders[index].amount, owed, pay)
    _take_cash(cash, tenders, owed, pay)
    return _result(
        dues,
        parts,
        [sign * r for r in per_receipt],
        sign * (rounded - rest),
        tendered - rounded,
        sign * rounded,
    )


def _rounded_rest(rest: Ore, tendered: Ore | None, dues: Sequence[tuple[str, Ore]]) -> Ore:
    """What cash must pay: the rest rounded to whole kroner (``tendered`` None: no cash)."""
    if tendered is None:
        if rest:
            due = sum(abs(d) for _, d in dues)
            raise PaymentShort(missing=format_nok(rest), due=format_nok(due))
        return 0
    rounded = round_to_krone(rest)
    if tendered < rounded:
        raise PaymentShort(missing=format_nok(rounded - tendered), due=format_nok(rounded))
    return rounded


def rounding_shares(rounding: Ore, owed: Sequence[Ore]) -> list[Ore]:
    """Rule 3: the cash rounding of the basket per receipt (magnitudes, before exact tenders).

    First choice: the receipts whose own amount has øre, weighted by those øre; rounding down
    takes at most a receipt's own øre, so no receipt's cash turns negative. Fallback: weighted
    by what each receipt owes (the øre came from a card or Vipps amount).
    """
    if not rounding:
        return [0] * len(owed)
    own = [o % 100 for o in owed]
    if sum(own) and (rounding > 0 or sum(own) >= -rounding):
        return allocate(rounding, own)
    return allocate(rounding, owed)


def _apply_credit_notes(
    tenders: Sequence[Tender],
    tenant_index: dict[str | None, int],
    owed: list[Ore],
    pay: Pay,
    *,
    refund: bool,
) -> None:
    for index, tender in enumerate(tenders):
        if tender.kind is TenderKind.DEPOSIT and refund:
            raise InvalidTender("depositum kan ikke brukes til tilbakebetaling")
        if not tender.kind.is_voucher or refund:
            continue
        receipt = tenant_index.get(tender.tenant_id)
        if receipt is None:
            raise CreditNoteProblem(
                tender.credit_note_number,
                reason_nb="utstedt av en leietaker som ikke har varer i kurven",
                reason_en="issued by a tenant with nothing in the basket",
            )
        if tender.amount > owed[receipt]:
            raise CreditNoteProblem(
                tender.credit_note_number,
                reason_nb="mer enn det leietakerens kvittering skal betale",
                reason_en="more than that tenant's receipt owes",
            )
        pay(receipt, index, tender.amount)


def _spread(index: int, amount: Ore, owed: list[Ore], pay: Pay) -> None:
    remaining = sum(owed)
    if amount > remaining:
        raise Overpaid(format_nok(amount - remaining))
    if not amount:
        return
    for receipt, part in enumerate(allocate(amount, owed)):
        pay(receipt, index, part)


def _take_cash(cash: list[int], tenders: Sequence[Tender], owed: list[Ore], pay: Pay) -> None:
    """Split each receipt's cash part over the cash tenders in order (usually just one)."""
    available = [tenders[i].amount for i in cash]
    for receipt, need in enumerate(owed):
        for slot, tender_index in enumerate(cash):
            take = min(need, available[slot])
            if take:
                pay(receipt, tender_index, take)
                available[slot] -= take
                need -= take
        owed[receipt] = 0


def _result(
    dues: Sequence[tuple[str, Ore]],
    parts: list[list[tuple[int, Ore]]],
    rounding: list[Ore],
    total_rounding: Ore,
    change: Ore,
    cash_net: Ore,
) -> Settlement:
    shares = tuple(
        TenantShare(tenant, due, rounding[i], tuple(parts[i]))
        for i, (tenant, due) in enumerate(dues)
    )
    return Settlement(shares, total_rounding, change, cash_net)
