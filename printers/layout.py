"""Paper layouts: columns (48 on 80 mm, 32 on 58 mm), the python-escpos printer profile, and the
code page forced for æøå (CP865 in the profile's own slot, CP858/CP850 where it has no CP865)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from pos.model.printing import InvalidPrinterSetting, PrinterSetting

if TYPE_CHECKING:
    from escpos import capabilities

NORDIC_CODE_PAGES = ("CP865", "CP858", "CP850")
"""All three hold æøåÆØÅ at the same bytes; CP865 is the Nordic page, the others fall-backs."""
SWITCH_CODE_PAGES = ("CP858", "CP850", "CP1252")
"""Pages a line switches to (``ESC t``) for one character the Nordic page lacks, e.g. '§'."""


@dataclass(frozen=True)
class Layout:
    columns: int = 48
    profile: str = "TM-T20II"

    @cached_property
    def _profile(self) -> capabilities.BaseProfile:
        # python-escpos reads its printer database on import (~0.1 s): when first printing
        from escpos import capabilities

        try:
            return capabilities.get_profile(self.profile)
        except capabilities.NotSupported as error:
            raise InvalidPrinterSetting(
                self.profile,
                reason_nb="ukjent skriverprofil",
                reason_en="unknown printer profile",
            ) from error

    @cached_property
    def code_page(self) -> str:
        pages = set(self._profile.profile_data["codePages"].values())
        for page in NORDIC_CODE_PAGES:
            if page in pages:
                return page
        raise InvalidPrinterSetting(
            self.profile,
            reason_nb="profilen har ingen tegntabell med æøå",
            reason_en="the profile has no code page with æøå",
        )

    @property
    def codec(self) -> str:
        return self.code_page.lower()

    @cached_property
    def other_pages(self) -> tuple[str, ...]:
        """The profile's pages (of ``SWITCH_CODE_PAGES``) to switch to for a missing character."""
        pages = set(self._profile.profile_data["codePages"].values())
        return tuple(p for p in SWITCH_CODE_PAGES if p in pages and p != self.code_page)

    @property
    def other_codecs(self) -> tuple[str, ...]:
        return tuple(page.lower() for page in self.other_pages)

    def supports(self, feature: str) -> bool:
        return bool(self._profile.supports(feature))

    @cached_property
    def width_dots(self) -> int:
        pixels = self._profile.profile_data["media"]["width"]["pixels"]
        if isinstance(pixels, int):
            return pixels
        return 576 if self.columns >= 42 else 384

    @classmethod
    def of(cls, setting: PrinterSetting) -> Layout:
        return cls(columns=setting.columns, profile=setting.profile)


LAYOUT_80MM = Layout(48, "TM-T20II")
LAYOUT_58MM = Layout(32, "RP-F10-58mm")
