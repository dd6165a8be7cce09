"""Settlements as CSV for the accountant: semicolon, decimal comma, UTF-8 with BOM for
spreadsheets; one row per line and a net payable row per settlement; the type in words, the
line's code in the last column for programs. Pure, so the counter's
back office and the central server's web pages write the very same file."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from pos.model.settlement import SettlementDoc, net_label, type_name
from pos.money import Ore, format_nok


def settlements_csv(docs: Sequence[SettlementDoc]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "Oppgjør",
            "Korrigerer",
            "Org.nr.",
            "Leietaker",
            "Fra",
            "Til",
            "Kasser",
            "Linje",
            "Type",
            "Tekst",
            "Grunnlag",
            "Beløp",
            "Teller med",
            "Kode",
        ]
    )
    for doc in docs:
        for n, line in enumerate(doc.lines, start=1):
            writer.writerow(
                [
                    doc.number_text,
                    doc.corrects_number,
                    doc.org_no,
                    doc.tenant_name,
                    doc.period_from,
                    doc.period_to,
                    doc.registers,
                    n,
                    type_name(line.kind),
                    line.description,
                    _kr(line.base),
                    _kr(line.amount),
                    "ja" if line.counts else "nei",
                    line.kind,
                ]
            )
        writer.writerow(
            [
                doc.number_text,
                doc.corrects_number,
                doc.org_no,
                doc.tenant_name,
                doc.period_from,
                doc.period_to,
                doc.registers,
                "",
                type_name("net_payable"),
                net_label(doc),
                "",
                _kr(doc.net_payable),
                "sum",
                "net_payable",
            ]
        )
    return "\ufeff" + out.getvalue()


def _kr(amount: Ore) -> str:
    return format_nok(amount, thousands="")
