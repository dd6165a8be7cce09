"""Steps of opening the store that take long on a big store (a migration building a search
index over every item), said before and while they run: the first start after an upgrade may
otherwise sit for minutes with nothing on the screen.

``open_store`` hands a listener to the migrations; a migration with such a step calls
``announce`` with what it is about to do, then ``progress`` as it goes. Every report is also
logged (the support log), whoever listens. Small stores say nothing: their step is quick."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

log = logging.getLogger("pos.store")

ANNOUNCE_FROM = 20_000
"""Items from which the trigram index is announced (about three seconds and more)."""
TRIGRAM_SECONDS_PER_ITEM = 20 / 1_000_000
"""The trigram index's build before it starts (17-18 s for 1 000 000 items on the two-core
bench machine under load); once under way, the rate measured so far."""
CHUNK = 50_000
"""Items indexed between two progress reports."""


@dataclass(frozen=True)
class SlowStep:
    """What the store is doing: ``done`` of ``total`` items, about ``expected_s`` in all (the
    rate measured so far, once some are done)."""

    key: str
    done: int
    total: int
    expected_s: float

    def said(self, lang: str) -> str:
        percent = 100 * self.done // max(1, self.total)
        seconds = max(1, round(self.expected_s))
        length = f"{seconds} s" if seconds < 90 else f"{round(seconds / 60)} min"
        items = f"{self.total:,}".replace(",", "\N{NO-BREAK SPACE}")
        if lang == "en":
            return (
                f"Preparing the item search for {items} items after the upgrade "
                f"(about {length}, only this once): {percent} % done"
            )
        return (
            f"Forbereder varesøket for {items} varer etter oppgraderingen "
            f"(omtrent {length}, bare denne gangen): {percent} % ferdig"
        )


Listener = Callable[[SlowStep], None]

_listener: Listener | None = None


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Send the slow steps of the migrations run inside to ``listener`` (as well as the log)."""
    global _listener
    before, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = before


def report(step: SlowStep) -> None:
    log.warning(
        "store: %s, %d of %d items, expected %.0f s in all",
        step.key,
        step.done,
        step.total,
        step.expected_s,
    )
    if _listener is not None:
        _listener(step)


class Step:
    """One slow step under way: says itself at the start, as it advances and when done, if the
    store is big enough for it to be noticed."""

    def __init__(self, key: str, total: int) -> None:
        self.key, self.total, self.done = key, total, 0
        self.loud = total >= ANNOUNCE_FROM
        self.expected_s = total * TRIGRAM_SECONDS_PER_ITEM
        self.began = time.monotonic()
        self._say()

    def advanced(self, rows: int) -> None:
        self.done = min(self.total, self.done + rows)
        if self.done:
            self.expected_s = (time.monotonic() - self.began) * self.total / self.done
        self._say()

    def finished(self) -> None:
        if self.loud:
            log.warning("store: %s done in %.0f s", self.key, time.monotonic() - self.began)

    def _say(self) -> None:
        if self.loud:
            report(SlowStep(self.key, self.done, self.total, self.expected_s))
