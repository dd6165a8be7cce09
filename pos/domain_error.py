"""The base of every domain error (``pos.errors`` re-exports it)."""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    """A rule of the till was broken; nothing was written."""

    code: ClassVar[str] = "domain_error"
    nb: ClassVar[str] = "Handlingen kunne ikke utføres."
    en: ClassVar[str] = "The action could not be carried out."

    def __init__(self, *args: Any, **params: Any) -> None:
        self.params = params
        if args:
            self.params.setdefault("value", args[0])
        super().__init__(self.message("en"))

    def message(self, lang: str = "nb") -> str:
        template = self.nb if lang.startswith("nb") or lang.startswith("no") else self.en
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template
