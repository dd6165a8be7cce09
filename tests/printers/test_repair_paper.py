"""The repair claim slip and job tags on paper, read back as a printer and a scanner would."""

from __future__ import annotations

import pytest
import zxingcpp

from pos.model.printing import JobKind, PrinterRole
from pos.services import repair_documents
from printers.layout import LAYOUT_80MM, Layout
from printers.printing import Printing
from printers.repair_paper import (
    claim_slip_doc,
    job_tag_doc,
    print_claim_slip,
    print_job_tags,
)
from printers.slip import render_slip
from printers.text import printable
from tests.integration.repair_helpers import take_in
from tests.printers.escpos_decoder import decode


def test_the_job_tag_barcode_reads_back_from_its_rendered_image(counter, ctx):
    ticket = take_in(counter, ctx)
    tag = repair_documents.job_tags(counter.uow, ctx, ticket, ["Lader"])[0]
    # A printer without hardware barcodes: CODE128 and QR are raster images on the paper.
    (page,) = decode(render_slip(job_tag_doc(tag), Layout(32, "ZJ-5870"))).printed_pages
    read = {
        (r.format.name, r.text)
        for image in page.images
        for r in zxingcpp.read_barcodes(image.convert("L"))
    }
    assert read == {("Code128", ticket), ("QRCode", ticket)}
    assert "Lader" in page.text and "Ola Nordmann" in page.text


def test_the_job_tag_on_a_hardware_printer_carries_the_id_and_nothing_that_changes(counter, ctx):
    ticket = take_in(counter, ctx)
    tags = repair_documents.job_tags(counter.uow, ctx, ticket)
    pages = [decode(render_slip(job_tag_doc(t), LAYOUT_80MM)).printed_pages[0] for t in tags]
    assert [p.barcodes for p in pages] == [[("CODE128", ticket)]] * 3
    assert [p.qr_codes for p in pages] == [[ticket]] * 3
    assert ["1/3" in p.text for p in pages] == [True, False, False]
    assert "Selve gjenstanden" in pages[0].text and "Veske" in pages[2].text
    for page in pages:
        text = page.text.lower()
        assert "kr" not in text.split() and "mottatt" in text
        assert "status" not in text and "lovet" not in text and "600,00" not in text


def test_the_claim_slip_says_in_large_type_it_is_not_a_receipt(counter, ctx):
    ticket = take_in(counter, ctx)
    doc = repair_documents.claim_slip(counter.uow, ctx, ticket)
    (page,) = decode(render_slip(claim_slip_doc(doc), LAYOUT_80MM)).printed_pages
    marking = page.line_with("IKKE KVITTERING")
    assert marking.width == 2 and marking.height == 2
    assert page.barcodes == [("CODE128", ticket)] and page.qr_codes == [ticket]
    for text in ("Reparasjonsbevis", "Ola Nordmann", "Prisoverslag", "kr 600,00", "09.03.2026"):
        assert text in page.text, text
    again = repair_documents.claim_slip(counter.uow, ctx, ticket)
    reprint = decode(render_slip(claim_slip_doc(again), LAYOUT_80MM)).printed_pages[0]
    assert "Utskrift nr." in reprint.line_with("Utskrift").text


def test_slip_goes_to_the_receipt_printer_and_tags_to_the_tag_printer(counter, ctx, tmp_path):
    printing = Printing(counter.uow, "K1", override_url=f"file://{tmp_path / 'out.bin'}")
    ticket = take_in(counter, ctx)
    slip_job = print_claim_slip(printing, repair_documents.claim_slip(counter.uow, ctx, ticket))
    tag_jobs = print_job_tags(printing, repair_documents.job_tags(counter.uow, ctx, ticket))
    with counter.uow.read() as uow:
        slip = uow.printing.job(slip_job)
        tags = [uow.printing.job(j) for j in tag_jobs]
        payload = uow.printing.payload(tag_jobs[0])
    assert slip.role is PrinterRole.RECEIPT and slip.kind is JobKind.SLIP
    assert [t.role for t in tags] == [PrinterRole.TAG] * 3
    assert decode(payload).printed_pages[0].barcodes == [("CODE128", ticket)]


@pytest.mark.parametrize(
    ("layout", "page_with_it"),
    [(LAYOUT_80MM, 19), (Layout(32, "RP-F10-58mm"), 19), (Layout(32, "ZJ-5870"), 2)],
)
def test_the_law_on_the_claim_slip_prints_its_section_sign(counter, ctx, layout, page_with_it):
    """'§' is not in the Nordic page: the line switches to a page of the printer's that has it
    (CP858, or CP850 where there is none) and back, so æøå stay right and nothing is a '?'."""
    ticket = take_in(counter, ctx)
    doc = repair_documents.claim_slip(counter.uow, ctx, ticket)
    decoded = decode(render_slip(claim_slip_doc(doc), layout))
    assert decoded.unknown == []
    text = " ".join(decoded.printed_pages[0].text.split())
    assert "håndverkertjenesteloven § 47" in text
    assert "?" not in text
    switch = decoded.code_pages.index(page_with_it)
    assert decoded.code_pages[switch - 1 : switch + 2] == [5, page_with_it, 5]


def test_a_printer_with_no_page_holding_the_section_sign_gets_the_defined_replacement():
    assert printable("håndverkertjenesteloven § 47", "cp865") == "håndverkertjenesteloven par. 47"
    assert printable("§ 47", "cp865", ("cp858",)) == "§ 47"  # the builder switches for it
