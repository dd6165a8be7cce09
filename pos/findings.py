"""What ``verify-journal`` finds, worded in both of the interface's languages: the string itself
is English (as the support log, the tests and a server read it), ``nb`` the bokmål wording the
counter shows by default (``cli/journal_words.py`` chooses)."""

from __future__ import annotations


class Finding(str):
    """A finding in English, with its bokmål wording."""

    nb: str

    def __new__(cls, en: str, nb: str) -> Finding:
        made = super().__new__(cls, en)
        made.nb = nb
        return made


def nb(text: str) -> str:
    """The bokmål wording of a finding (a plain string is the same in both)."""
    return text.nb if isinstance(text, Finding) else text


def said(text: str, lang: str) -> str:
    """A finding in ``lang`` (``en``, else bokmål)."""
    return str(text) if lang == "en" else nb(text)
