"""A report table never cuts a text: a tenant's long name heads its column whole, on as many
lines as it needs, and the rows after it keep their place (read back with pdftotext)."""

from __future__ import annotations

import subprocess

from pdf.layout import Sheet

LONG = "Sykkelfikseren Asker og Omegn Sykkelverksted AS"


def words(path) -> list[str]:  # type: ignore[no-untyped-def]
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return run.stdout.decode("utf-8").split()


def test_a_long_tenant_name_heads_its_column_whole_on_more_lines(tmp_path):
    path = tmp_path / "tabell.pdf"
    sheet = Sheet(path, "Dagsoppgjør", wide=True)
    header = [
        "",
        "Bua Brukte Klær AS",
        LONG,
        "Kafé Kvisten SA",
        "Småfolk Gjenbruk",
        "ElektroLiv AS",
    ]
    sheet.table(header, [["Kontant", "1 000,00", "12 345,67", "0,00", "5,00", "7,00"]], 150)
    below = sheet.y
    sheet.save()
    text = words(path)
    assert all(word in text for word in LONG.split())
    assert "12" in text and "345,67" in text
    assert below < sheet.size[1] - sheet.margin - 3 * 9  # the heading took more than one line
