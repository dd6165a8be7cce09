"""Which article group a tenant's own word for a category means. Tenants write "Klær", "klaer"
or "Brukte klær" where the catalogue has KLAER "Brukte klær": a word matches a group's id or
its name in any case, with æ, ø and å written as letters of their own or spelt out (ae, o/oe,
a/aa), accents, spaces and punctuation ignored. An id match wins over a name match; a word that
fits several groups fits none (the person chooses)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

_SPELLINGS = (("ae", "o", "a"), ("ae", "oe", "aa"))
"""The two ways Norwegian letters are written without them: KLAER, SOKNAD / SOEKNAD, BAT / BAAT."""


def folded(text: str) -> frozenset[str]:
    """The forms of ``text`` two spellings of the same word share (empty for no letters)."""
    base = unicodedata.normalize("NFKC", text).casefold()
    forms = set()
    for ae, oe, aa in _SPELLINGS:
        spelt = base.replace("æ", ae).replace("ø", oe).replace("å", aa)
        plain = unicodedata.normalize("NFKD", spelt)  # é → e + accent, dropped below
        forms.add("".join(c for c in plain if c.isascii() and c.isalnum()))
    return frozenset(f for f in forms if f)


@dataclass(frozen=True)
class GroupNames:
    """The catalogue's article groups, looked up by a tenant's word."""

    names: dict[str, str]
    """Group id -> its name."""
    _by_id: dict[str, frozenset[str]] = field(repr=False, default_factory=dict)
    _by_name: dict[str, frozenset[str]] = field(repr=False, default_factory=dict)

    @classmethod
    def of(cls, groups: Iterable[tuple[str, str]]) -> GroupNames:
        """From (id, name) pairs."""
        names = dict(groups)
        by_id: dict[str, set[str]] = {}
        by_name: dict[str, set[str]] = {}
        for group_id, name in names.items():
            for form in folded(group_id):
                by_id.setdefault(form, set()).add(group_id)
            for form in folded(name):
                by_name.setdefault(form, set()).add(group_id)
        return cls(
            names,
            {k: frozenset(v) for k, v in by_id.items()},
            {k: frozenset(v) for k, v in by_name.items()},
        )

    def match(self, word: str) -> str | None:
        """The one group ``word`` means, or None (no group, or more than one)."""
        forms = folded(word)
        for index in (self._by_id, self._by_name):
            found = frozenset().union(*(index.get(form, frozenset()) for form in forms))
            if len(found) == 1:
                return next(iter(found))
            if found:
                return None
        return None

    def label(self, group_id: str) -> str:
        """``KLAER Brukte klær``: how a group is shown to a person."""
        return f"{group_id} {self.names.get(group_id, '')}".strip()
