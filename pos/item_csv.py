"""Reading tenants' item spreadsheets saved as CSV: `;` or `,` separated, decimal commas,
UTF-8 or Windows-1252/Latin-1, Norwegian or English headings. Pure: bytes in, rows and
per-row errors out; nothing is written here. A category is never an error: a row whose
category names no article group keeps the word, and the import decides where it goes."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from pos.errors import DomainError, InvalidBarcode
from pos.identifiers import is_ascii_digits, normalise_barcode
from pos.model.catalogue import ItemKind
from pos.money import Ore, parse_nok
from pos.vat import VatClass

HEADINGS = {
    "description": {"beskrivelse", "description", "navn", "name", "vare", "item"},
    "price": {"pris", "price", "utpris", "salgspris"},
    "vat": {"mva", "vat", "mva-sats", "mvasats", "vat_class", "mva %", "mva%"},
    "group": {"varegruppe", "group", "kategori", "category", "article_group"},
    "barcode": {"strekkode", "barcode", "ean", "kode", "code"},
    "qty": {"antall", "qty", "quantity", "lager", "stock"},
    "kind": {"type", "kind", "varetype"},
    "condition": {"tilstand", "condition", "stand"},
    "purchase_price": {"innkjøpspris", "innkjopspris", "purchase_price", "kostpris", "cost"},
}
VAT_WORDS = {
    "25": VatClass.HIGH,
    "15": VatClass.FOOD,
    "12": VatClass.LOW,
    "0": VatClass.ZERO,
    "fritatt": VatClass.ZERO,
    "zero": VatClass.ZERO,
    "unntatt": VatClass.EXEMPT,
    "exempt": VatClass.EXEMPT,
}
KIND_WORDS = {
    "enkelt": ItemKind.ONE_OFF,
    "brukt": ItemKind.ONE_OFF,
    "one_off": ItemKind.ONE_OFF,
    "lager": ItemKind.STOCK,
    "stock": ItemKind.STOCK,
    "åpen": ItemKind.OPEN_PRICE,
    "apen": ItemKind.OPEN_PRICE,
    "open_price": ItemKind.OPEN_PRICE,
}


@dataclass(frozen=True)
class RowError:
    line: int
    nb: str
    en: str

    def message(self, lang: str = "nb") -> str:
        text = self.nb if lang.startswith(("nb", "no")) else self.en
        return f"{'Linje' if lang.startswith(('nb', 'no')) else 'Line'} {self.line}: {text}"


@dataclass(frozen=True)
class ItemRow:
    line: int
    description: str
    price: Ore | None
    vat_class: VatClass
    group: str
    """The article group id; '' while the category names none (``category`` says what it was)."""
    kind: ItemKind
    barcode: str | None
    qty: int | None
    condition: str
    purchase_price: Ore | None
    category: str = ""
    """The category as the file wrote it ('' for none)."""


GroupMatch = Callable[[str], str | None]
"""A tenant's word for a category -> the article group id it means, or None."""


@dataclass
class ParsedFile:
    encoding: str
    delimiter: str
    rows: list[ItemRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) if it decodes, else Windows-1252 (Excel's Norwegian CSV)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def parse(data: bytes, *, default_group: str, match_group: GroupMatch) -> ParsedFile:
    """Rows without a category go to ``default_group``."""
    text, encoding = decode(data)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    delimiter = max(";,\t", key=header_line.count)
    parsed = ParsedFile(encoding, delimiter)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        parsed.errors.append(
            RowError(
                1, f"filen er ikke lesbar CSV ({error})", f"the file is not readable CSV ({error})"
            )
        )
        return parsed
    header = records[0] if records else []
    columns = _columns(header)
    if "description" not in columns:
        parsed.errors.append(
            RowError(
                1,
                "fant ikke kolonnen «beskrivelse» – er filen skilt med ; eller , og har den "
                "overskrifter?",
                "no 'description' column – is the file separated by ; or , and "
                "does it have headings?",
            )
        )
        return parsed
    for line_no, cells in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            parsed.errors.append(
                RowError(
                    line_no,
                    f"{len(cells)} felt, men {len(header)} overskrifter (desimalkomma i en "
                    "kommaseparert fil?)",
                    f"{len(cells)} fields but {len(header)} headings "
                    "(decimal comma in a comma-separated file?)",
                )
            )
            continue
        if len(cells) == 1 < len(header) and _other_delimiter(cells[0], delimiter):
            used = _other_delimiter(cells[0], delimiter)
            parsed.errors.append(
                RowError(
                    line_no,
                    f"feil skilletegn: linjen bruker «{used}», filen bruker «{delimiter}»",
                    f"wrong delimiter: the line uses '{used}', the file uses '{delimiter}'",
                )
            )
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "") for name, i in columns.items()}
        try:
            parsed.rows.append(_row(line_no, row, default_group, match_group))
        except _RowProblem as problem:
            parsed.errors.append(RowError(line_no, problem.nb, problem.en))
    return parsed


def _other_delimiter(cell: str, delimiter: str) -> str:
    """The separator a one-field line uses instead of the file's own, or ''."""
    return next((d for d in ";,\t" if d != delimiter and d in cell), "")


class _RowProblem(Exception):
    def __init__(self, nb: str, en: str) -> None:
        super().__init__(en)
        self.nb, self.en = nb, en


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, heading in enumerate(header):
        key = heading.strip().lower()
        for name, words in HEADINGS.items():
            if key in words and name not in found:
                found[name] = index
    return found


def _row(line: int, row: dict[str, str], default_group: str, match_group: GroupMatch) -> ItemRow:
    description = row["description"]
    if not description:
        raise _RowProblem("beskrivelse mangler", "description missing")
    kind = _kind(row.get("kind", ""), row.get("qty", ""))
    price = _amount(row.get("price", ""), "pris", "price")
    if price is None and kind is not ItemKind.OPEN_PRICE:
        raise _RowProblem("pris mangler", "price missing")
    vat_text = row.get("vat", "").replace("%", "").replace(" ", "").lower() or "25"
    vat = VAT_WORDS.get(vat_text.split(",")[0].split(".")[0])
    if vat is None:
        raise _RowProblem(
            f"ukjent mva-sats «{row.get('vat')}» (25, 15, 12, 0 eller unntatt)",
            f"unknown VAT rate '{row.get('vat')}' (25, 15, 12, 0 or exempt)",
        )
    category = row.get("group", "")
    group = (match_group(category) or "") if category else default_group
    barcode = None
    if row.get("barcode"):
        try:
            barcode = normalise_barcode(row["barcode"])
        except InvalidBarcode as error:
            raise _RowProblem(error.message("nb"), error.message("en")) from error
    qty = _quantity(row.get("qty", ""), kind)
    return ItemRow(
        line,
        description,
        price,
        vat,
        group,
        kind,
        barcode,
        qty,
        row.get("condition", ""),
        _amount(row.get("purchase_price", ""), "innkjøpspris", "purchase price"),
        category,
    )


def _kind(text: str, qty: str) -> ItemKind:
    if text:
        kind = KIND_WORDS.get(text.strip().lower())
        if kind is None:
            raise _RowProblem(
                f"ukjent type «{text}» (enkelt, lager eller åpen)",
                f"unknown kind '{text}' (one_off, stock or open_price)",
            )
        return kind
    return ItemKind.STOCK if qty and qty.strip() not in ("", "1") else ItemKind.ONE_OFF


def _amount(text: str, nb: str, en: str) -> Ore | None:
    if not text:
        return None
    try:
        value = parse_nok(text.replace("kr", "").strip())
    except DomainError as error:
        raise _RowProblem(
            f"{nb} «{text}» er ikke et beløp", f"{en} '{text}' is not an amount"
        ) from error
    if not 0 <= value <= 100_000_000:
        raise _RowProblem(
            f"{nb} {text} er utenfor 0–1 000 000 kr", f"{en} {text} is outside 0–1 000 000 kr"
        )
    return value


def _quantity(text: str, kind: ItemKind) -> int | None:
    if kind is not ItemKind.STOCK:
        return None
    if not text:
        return 0
    if not is_ascii_digits(text) or int(text) > 1_000_000:
        raise _RowProblem(
            f"antall «{text}» er ikke et helt tall", f"quantity '{text}' is not a whole number"
        )
    return int(text)
