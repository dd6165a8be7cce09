"""Writes an X or Z report as a SAF-T ``eventReport``, element by element in the XSD's order."""

from __future__ import annotations

from pos.model.payment import TenderKind
from pos.model.reports import DrawerReport
from pos.money import format_saft
from pos.saft_codes import NO_SALES_GROUP, group_basic_id, payment_id
from pos.xml_writer import XmlWriter


def write_event_report(w: XmlWriter, r: DrawerReport) -> None:
    w.start("eventReport")
    w.leaves(
        [
            ("reportID", r.report_id[:35]),
            ("reportType", r.kind.saft_type),
            ("companyIdent", r.org_no),
            ("companyName", r.company_name[:100]),
            ("reportDate", r.report_date),
            ("reportTime", r.report_time),
            ("registerID", r.register_id),
        ]
    )
    w.start("reportTotalCashSales")
    w.leaf("totalCashSaleAmnt", format_saft(r.total_cash_sales))
    w.end("reportTotalCashSales")
    _art_groups(w, r)
    _payments(w, r)
    w.start("reportCashSalesVat")
    for v in r.vat:
        w.start("reportCashSaleVat")
        w.leaves(
            [
                ("vatCode", v.vat_class),
                ("vatPerc", f"{v.percent}.00"),
                ("cashSaleAmnt", format_saft(v.base)),
                ("vatAmnt", format_saft(v.vat)),
                ("vatAmntTp", "C" if v.vat >= 0 else "D"),
            ]
        )
        w.end("reportCashSaleVat")
    w.end("reportCashSalesVat")
    w.leaf("reportOpeningChangeFloat", format_saft(r.opening_float))
    _counters(w, r)
    w.leaf("reportGrandTotalSales", format_saft(r.grand_total_sales))
    w.leaf("reportGrandTotalReturn", format_saft(r.grand_total_returns))
    w.leaf("reportGrandTotalSalesNet", format_saft(r.grand_total_net))
    w.end("eventReport")


def _art_groups(w: XmlWriter, r: DrawerReport) -> None:
    w.start("reportArtGroups")
    groups = [(group_basic_id(g.code), g.num, g.amount) for g in r.art_groups]
    for code, num, amount in groups or [(NO_SALES_GROUP[0], 0, 0)]:
        w.start("reportArtGroup")
        w.leaves([("artGroupID", code), ("artGroupNum", num), ("artGroupAmnt", _a(amount))])
        w.end("reportArtGroup")
    w.end("reportArtGroups")
    if r.emp_art_groups:
        w.start("reportEmpArtGroups")
        for e in r.emp_art_groups:
            w.start("reportEmpArtGroup")
            w.leaves(
                [
                    ("empID", e.staff_no),
                    ("artGroupID", group_basic_id(e.code)),
                    ("artGroupNum", e.num),
                    ("artGroupAmnt", _a(e.amount)),
                ]
            )
            w.end("reportEmpArtGroup")
        w.end("reportEmpArtGroups")


def _payments(w: XmlWriter, r: DrawerReport) -> None:
    w.start("reportPayments")
    if not r.payments:  # the XSD wants one line: no cash taken, the one means every till has
        _payment(w, "reportPayment", None, payment_id(TenderKind.CASH), 0, 0)
    for p in r.payments:
        _payment(w, "reportPayment", None, payment_id(p.code), p.num, p.amount)
    w.end("reportPayments")
    if r.emp_payments:
        w.start("reportEmpPayments")
        for e in r.emp_payments:
            _payment(w, "reportEmpPayment", e.staff_no, payment_id(e.code), e.num, e.amount)
        w.end("reportEmpPayments")


def _payment(w: XmlWriter, tag: str, emp: str | None, kind: str, num: int, amount: int) -> None:
    w.start(tag)
    if emp is not None:
        w.leaf("empID", emp)
    w.leaves([("paymentType", kind), ("paymentNum", num), ("paymentAmnt", _a(amount))])
    w.end(tag)


def _counters(w: XmlWriter, r: DrawerReport) -> None:
    w.leaves(
        [
            ("reportReceiptNum", r.sales.num),
            ("reportOpenCashBoxNum", r.no_sale_openings),
            ("reportReceiptCopyNum", r.copies.num),
            ("reportReceiptCopyAmnt", _a(r.copies.amount)),
            ("reportReceiptProformaNum", r.provisional.num),
            ("reportReceiptProformaAmnt", _a(r.provisional.amount)),
            ("reportReturnNum", r.returns.num),
            ("reportReturnAmnt", _a(r.returns.amount)),
            ("reportDiscountNum", r.discounts.num),
            ("reportDiscountAmnt", _a(r.discounts.amount)),
            ("reportVoidTransNum", r.voids.num),
            ("reportVoidTransAmnt", _a(r.voids.amount)),
        ]
    )
    _lines(w, "reportCorrLines", "reportCorrLine", "corrLine", r.line_corrections, "Type")
    _lines(
        w, "reportPriceInquiries", "reportPriceInquiry", "priceInquiry", r.price_inquiries, "Group"
    )
    _lines(w, "reportOtherCorrs", "reportOtherCorr", "otherCorr", r.other_corrections, "Type")
    w.leaves(
        [
            ("reportReceiptDeliveryNum", r.deliveries.num),
            ("reportReceiptDeliveryAmnt", _a(r.deliveries.amount)),
            ("reportTrainingNum", r.training.num),
            ("reportTrainingAmnt", _a(r.training.amount)),
        ]
    )
    w.start("reportCreditSales")
    w.leaves(
        [("creditSalesNum", r.credit_sales.num), ("creditSalesAmnt", _a(r.credit_sales.amount))]
    )
    w.end("reportCreditSales")
    w.start("reportCreditMemos")
    w.leaves(
        [("creditMemosNum", r.credit_memos.num), ("creditMemosAmnt", _a(r.credit_memos.amount))]
    )
    w.end("reportCreditMemos")
    if r.pay_ins:  # optional in the XSD: left out rather than a made-up "None" line
        _lines(w, "reportPayIns", "reportPayIn", "payIn", r.pay_ins, "Type")
    if r.pay_outs:
        _lines(w, "reportPayOuts", "reportPayOut", "payOut", r.pay_outs, "Type")


def _lines(
    w: XmlWriter, outer: str, inner: str, prefix: str, lines: tuple, kind_suffix: str
) -> None:
    """Correction lines by type, price inquiries by article group; the XSD wants at least one
    line, so an empty list gets one with 0 (type "None" as in Skatteetaten's example file)."""
    if kind_suffix == "Type":
        rows = [((line.name or line.code)[:35], line.num, line.amount) for line in lines]
        empty = "None"
    else:
        rows = [(group_basic_id(line.code)[:35], line.num, line.amount) for line in lines]
        empty = NO_SALES_GROUP[0]
    w.start(outer)
    for name, num, amount in rows or [(empty, 0, 0)]:
        w.start(inner)
        w.leaves(
            [
                (f"{prefix}{kind_suffix}", name),
                (f"{prefix}Num", num),
                (f"{prefix}Amnt", _a(amount)),
            ]
        )
        w.end(inner)
    w.end(outer)


def _a(amount: int) -> str:
    return format_saft(amount)
