"""A damaged store's or backup's technical reason (SQLite's words, the ZIP reader's) said as a
short phrase in the person's language: a message about damage is a whole sentence in bokmål (or
English), never SQLite's English inside it. The technical text is for the support log."""

from __future__ import annotations

_PHRASES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("crc", "zip", "unpack", "compress", "unpacked"),
        "filen er ødelagt og kan ikke pakkes ut",
        "the file is damaged and cannot be unpacked",
    ),
    (
        ("full backup is missing",),
        "den fulle sikkerhetskopien den bygger på, mangler",
        "the full backup it builds on is missing",
    ),
    (
        ("index", "missing from", "wrong # of entries"),
        "en indeks stemmer ikke med tabellen sin",
        "an index does not match its table",
    ),
    (
        ("not a database", "file is encrypted", "unsupported file format"),
        "filen er ikke en lesbar database",
        "the file is not a readable database",
    ),
)
_PAGES = ("noen sider i filen er ødelagt", "some pages in the file are broken")
"""Every other reason: SQLite found damaged pages (``malformed``, ``btreeInitPage`` …)."""


def damage_said(reason: str, lang: str = "nb") -> str:
    """The phrase for ``reason`` in ``lang`` (``nb`` unless ``en``)."""
    text = (reason or "").lower()
    for words, nb, en in _PHRASES:
        if any(word in text for word in words):
            return en if lang == "en" else nb
    return _PAGES[1] if lang == "en" else _PAGES[0]
