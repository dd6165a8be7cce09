"""Files for the accountant and the bank: settlements as CSV (``pos.settlement_csv``) and an
ISO 20022 pain.001.001.03 credit transfer file paying the tenants what the centre owes them
(only positive net payables; BBAN accounts, NOK)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from xml.etree import ElementTree as ET

from pos.bank import normalise_account_number
from pos.clock import OSLO
from pos.day_end_errors import TenantAccountMissing
from pos.model.settlement import SettlementDoc
from pos.money import format_saft
from pos.settlement_csv import settlements_csv

__all__ = ["pain001", "settlements_csv"]

PAIN_NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"


def pain001(
    docs: Sequence[SettlementDoc],
    *,
    debtor_name: str,
    debtor_org_no: str,
    debtor_account: str,
    execution_date: str,
    created: datetime,
    message_id: str,
) -> bytes:
    """A credit transfer initiation for every settlement with a positive net payable."""
    account = normalise_account_number(debtor_account)
    payable = [d for d in docs if d.net_payable > 0]
    for doc in payable:
        if not doc.bank_account.strip():
            raise TenantAccountMissing(tenant=doc.tenant_name, code=doc.org_no)
    total = sum(d.net_payable for d in payable)
    root = ET.Element("Document", xmlns=PAIN_NS)
    init = ET.SubElement(root, "CstmrCdtTrfInitn")
    header = ET.SubElement(init, "GrpHdr")
    _text(header, "MsgId", message_id[:35])
    _text(header, "CreDtTm", created.astimezone(OSLO).strftime("%Y-%m-%dT%H:%M:%S"))
    _text(header, "NbOfTxs", str(len(payable)))
    _text(header, "CtrlSum", format_saft(total))
    party = ET.SubElement(header, "InitgPty")
    _text(party, "Nm", debtor_name[:70])
    _org_id(party, debtor_org_no)
    info = ET.SubElement(init, "PmtInf")
    _text(info, "PmtInfId", f"{message_id[:30]}-1")
    _text(info, "PmtMtd", "TRF")
    _text(info, "NbOfTxs", str(len(payable)))
    _text(info, "CtrlSum", format_saft(total))
    kind = ET.SubElement(ET.SubElement(info, "PmtTpInf"), "SvcLvl")
    _text(kind, "Cd", "NURG")
    _text(info, "ReqdExctnDt", execution_date)
    debtor = ET.SubElement(info, "Dbtr")
    _text(debtor, "Nm", debtor_name[:70])
    _org_id(debtor, debtor_org_no)
    _account(info, "DbtrAcct", account)
    agent = ET.SubElement(ET.SubElement(info, "DbtrAgt"), "FinInstnId")
    _text(ET.SubElement(agent, "PstlAdr"), "Ctry", "NO")
    _text(info, "ChrgBr", "SLEV")
    for doc in payable:
        tx = ET.SubElement(info, "CdtTrfTxInf")
        _text(ET.SubElement(tx, "PmtId"), "EndToEndId", doc.number_text)
        amount = ET.SubElement(ET.SubElement(tx, "Amt"), "InstdAmt", Ccy="NOK")
        amount.text = format_saft(doc.net_payable)
        creditor = ET.SubElement(tx, "Cdtr")
        _text(creditor, "Nm", doc.tenant_name[:70])
        _account(tx, "CdtrAcct", normalise_account_number(doc.bank_account))
        _text(
            ET.SubElement(tx, "RmtInf"),
            "Ustrd",
            f"Oppgjør {doc.number_text} {doc.period_from}–{doc.period_to}"[:140],
        )
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _org_id(parent: ET.Element, org_no: str) -> None:
    other = ET.SubElement(ET.SubElement(ET.SubElement(parent, "Id"), "OrgId"), "Othr")
    _text(other, "Id", org_no)
    _text(ET.SubElement(other, "SchmeNm"), "Cd", "CUST")


def _account(parent: ET.Element, tag: str, digits: str) -> None:
    other = ET.SubElement(ET.SubElement(ET.SubElement(parent, tag), "Id"), "Othr")
    _text(other, "Id", digits)
    _text(ET.SubElement(other, "SchmeNm"), "Cd", "BBAN")
