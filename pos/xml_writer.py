"""A small streaming XML writer (stdlib SAX generator) with indentation: exports are written
element by element, so a year of data never sits in memory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import BinaryIO
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

_NO_ATTRS: AttributesImpl = AttributesImpl({})


class XmlWriter:
    def __init__(self, out: BinaryIO, indent: str = "  ") -> None:
        self._gen = XMLGenerator(out, encoding="UTF-8", short_empty_elements=True)
        self._indent = indent
        self._depth = 0
        self._gen.startDocument()

    def _newline(self) -> None:
        self._gen.ignorableWhitespace("\n" + self._indent * self._depth)

    def start(self, name: str, attrs: Mapping[str, str] | None = None) -> None:
        self._newline()
        self._gen.startElement(name, AttributesImpl(dict(attrs or {})))
        self._depth += 1

    def end(self, name: str) -> None:
        self._depth -= 1
        self._newline()
        self._gen.endElement(name)

    def leaf(self, name: str, text: str | int) -> None:
        self._newline()
        self._gen.startElement(name, _NO_ATTRS)
        self._gen.characters(str(text))
        self._gen.endElement(name)

    def optional(self, name: str, text: str | int | None) -> None:
        if text is not None and text != "":
            self.leaf(name, text)

    def leaves(self, pairs: list[tuple[str, str | int]]) -> None:
        for name, text in pairs:
            self.leaf(name, text)

    def close(self) -> None:
        self._gen.ignorableWhitespace("\n")
        self._gen.endDocument()
