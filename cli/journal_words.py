"""What ``verify-journal`` says around its findings, in the interface's language (bokmål unless
``--lang en``). The findings themselves (which row, receipt or chain) are worded by the
verification service."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from pos.damage_words import damage_said
from pos.findings import Finding, said

if TYPE_CHECKING:
    from pos.services.records_ahead import Declared


log = logging.getLogger(__name__)


def say(lang: str, nb: str, en: str) -> str:
    return en if lang == "en" else nb


def verified(lang: str, rows: int, receipts: int, z_reports: int) -> str:
    return say(
        lang,
        f"OK: {rows} journalrader og {receipts} signerte kvitteringer kontrollert, "
        f"{z_reports} Z-rapporter regnet ut på nytt",
        f"OK: {rows} journal rows and {receipts} signed receipts verified, {z_reports} Z "
        "reports recomputed",
    )


def duration(lang: str, seconds: int) -> str:
    """``1 d 2 t 5 min`` (English ``1 d 2 h 5 min``), to the minute."""
    days, rest = divmod(round(abs(seconds) / 60), 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    parts += [f"{hours} {say(lang, 't', 'h')}"] if hours else []
    if minutes or not parts:
        parts.append(f"{minutes} min")
    return " ".join(parts)


def time_confirmed(lang: str, real: str, offset: int | None) -> str:
    """What ``confirm-time`` did (``offset``: the seconds the PC's clock is wrong, kept)."""
    if offset is None:
        return say(
            lang,
            f"Tiden {real} er bekreftet; PC-klokken går riktig.",
            f"The time {real} is confirmed; the PC's clock is right.",
        )
    done = say(lang, f"Tiden {real} er bekreftet og journalført.",
               f"The time {real} is confirmed and journaled.")  # fmt: skip
    return f"{done} {clock_off(lang, offset)}"


def clock_off(lang: str, offset: int) -> str:
    """The PC's clock wrong by ``offset`` seconds (positive: slow), in the window's words."""
    off = duration(lang, offset)
    if offset >= 0:
        return say(
            lang,
            f"PC-klokken går {off} for sakte; kassen bruker tiden en leder bekreftet. "
            "Få PC-klokken rettet.",
            f"The PC's clock is {off} slow; the till uses the time a manager confirmed. "
            "Have the PC's clock corrected.",
        )
    return say(
        lang,
        f"PC-klokken går {off} for fort; kassen bruker tiden en leder bekreftet. "
        "Få PC-klokken rettet.",
        f"The PC's clock is {off} fast; the till uses the time a manager confirmed. "
        "Have the PC's clock corrected.",
    )


def records_ahead(lang: str, real: str, declared: Declared) -> str:
    """What ``confirm-time --records-ahead`` did."""
    ahead = duration(lang, declared.ahead_seconds)
    lines = [
        say(
            lang,
            f"Erklært og journalført (journalrad {declared.seq}): de siste registreringene ble "
            f"stemplet inntil {ahead} for langt fram. De står som de er; kassen går videre fra "
            f"{real}.",
            f"Declared and journaled (journal row {declared.seq}): the last records were stamped "
            f"up to {ahead} ahead. They stay as they are; the till goes on from {real}.",
        )
    ]
    for _tenant, report, day in declared.z_ahead:
        lines.append(
            say(
                lang,
                f"  {report} ble tatt for salgsdag {day} på forskudd: den står, og dagen får "
                "sin egen Z når den kommer.",
                f"  {report} was taken ahead for business day {day}: it stands, and the day "
                "gets its own Z when it comes.",
            )
        )
    if declared.offset_seconds:
        lines.append(clock_off(lang, declared.offset_seconds))
    return "\n".join(lines)


def from_anchor(lang: str, text: str, where: str) -> str:
    said = f"({where})"
    return say(
        lang, f"Fra ankeret {text} {source(lang, said)}.", f"From the anchor {text} {said} on."
    )


def declared(lang: str, jump: str) -> str:
    return say(
        lang, f"Forklart i journalen: {finding(lang, jump)}.", f"Declared by the journal: {jump}."
    )


def anchor_held(lang: str, checked: str) -> str:
    return say(
        lang,
        f"Journalen har ankeret {finding(lang, checked)}.",
        f"The journal holds the anchor {checked}.",
    )


def anchor_replaced(lang: str, replaced: str) -> str:
    return say(lang, f"Ankeret {finding(lang, replaced)}.", f"The anchor {replaced}.")


def no_anchor(lang: str) -> str:
    return say(
        lang,
        "Ingen anker kontrollert: gi --anchor med teksten fra siste X- eller Z-utskrift for også "
        "å fange en journalhale som er slettet eller skrevet om siden.",
        "No anchor checked: give --anchor with the text from the last X or Z printout to also "
        "catch a journal tail deleted or rewritten since.",
    )


def anchor_now(lang: str, text: str) -> str:
    return say(lang, f"Anker nå: {text}", f"Anchor now: {text}")


def failed(lang: str, problem: str) -> str:
    worded = finding(lang, problem)
    return say(lang, f"FEIL: {worded}", f"FAILED: {worded}")


def store_damaged(reason: str) -> Finding:
    """SQLite's own words go to the support log, not into the sentence."""
    log.info("verify-journal: the full check found damage: %s", reason)
    return Finding(
        f"the database file is damaged (the full check: {damage_said(reason, 'en')})",
        f"databasefilen er skadet (den fulle kontrollen: {damage_said(reason, 'nb')})",
    )


def unreadable(error: str) -> Finding:
    log.info("verify-journal: the check stopped: %s", error)
    return Finding(
        "the check stopped: the damaged part of the store cannot be read",
        "kontrollen stoppet: den skadede delen av databasen kan ikke leses",
    )


def also(lang: str, problem: str) -> str:
    worded = finding(lang, problem)
    return say(lang, f"  dessuten: {worded}", f"  also: {worded}")


def progress(lang: str, what: str, done: int, total: int) -> str:
    return say(lang, f"  {what}: {done} av {total}", f"  {what}: {done} of {total}")


def server_silent(lang: str, reason: str) -> str:
    return say(
        lang,
        f"Serveren svarte ikke ({reason}): kontrollert uten serverens anker.",
        f"The server did not answer ({reason}): checked without its anchor.",
    )


_SOURCES_NB = (
    ("(the printout)", "(utskriften)"),
    ("(the high-water mark)", "(high-water-merket)"),
    ("(the last Z report in the store)", "(siste Z-rapport i databasen)"),
    ("(the server, ", "(serveren, "),
)
_WHY_NB = {
    "restore": "gjenoppretting",
    "store_behind_mark": "databasen lå bak high-water-merket ved oppstart",
    "server_ahead": "serveren hadde høyere numre",
    "restored_from_backup": "gjenopprettet fra sikkerhetskopi",
}
_DECLARED = re.compile(r"journal rows (\d+)–(\d+) skipped \((.+), declared in journal row (\d+)\)")
_REPLACED = re.compile(
    r": its row is among those a restore replaced \(declared in journal row (\d+); the restore "
    r"exported them to its salvage folder\)$"
)


def source(lang: str, text: str) -> str:
    """Where an anchor came from, as the verification names it, in ``lang``."""
    if lang == "en":
        return text
    for english, bokmal in _SOURCES_NB:
        text = text.replace(english, bokmal)
    return text


def finding(lang: str, text: str) -> str:
    """A finding, a declared jump or an anchor line in ``lang``."""
    if lang == "en":
        return str(text)
    if isinstance(text, Finding):
        return source(lang, said(text, lang))
    text = _DECLARED.sub(
        lambda m: (
            f"journalrad {m[1]}–{m[2]} hoppet over ({_WHY_NB.get(m[3], m[3])}, forklart i "
            f"journalrad {m[4]})"
        ),
        text,
    )
    text = _REPLACED.sub(
        lambda m: (
            f": raden er blant dem en gjenoppretting erstattet (forklart i journalrad "
            f"{m[1]}; gjenopprettingen eksporterte dem til salvage-mappen)"
        ),
        text,
    )
    return source(lang, text)
