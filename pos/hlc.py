"""Hybrid logical clock (Kulkarni et al. 2014) for repair ticket edits (sync-protocol.md §2.4).

A stamp is the text ``%013d-%05d-<node>``: wall milliseconds, a counter, and the device that
made it. The fixed-width head makes text order equal to (wall, counter, node) order, so the
server and the counters can compare stamps as plain strings. Pure functions, no I/O: the
caller supplies the physical time and stores the last stamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_COUNTER = 99_999
MAX_WALL_MS = 10**13 - 1
MAX_AHEAD_MS = 3_600_000
"""A remote stamp more than an hour ahead of the server's clock is clamped (and flagged)."""

_PATTERN = re.compile(r"^(\d{13})-(\d{5})-([A-Za-z0-9_.:\-]{1,100})$")


class InvalidHlc(ValueError):
    """Text that is not a hybrid logical clock stamp."""


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    node: str

    def __post_init__(self) -> None:
        if not 0 <= self.wall_ms <= MAX_WALL_MS or not 0 <= self.counter <= MAX_COUNTER:
            raise InvalidHlc(f"{self.wall_ms}-{self.counter}")
        if not re.fullmatch(r"[A-Za-z0-9_.:\-]{1,100}", self.node):
            raise InvalidHlc(self.node)

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.node}"

    @staticmethod
    def parse(text: object) -> Hlc:
        match = _PATTERN.match(text) if isinstance(text, str) else None
        if match is None:
            raise InvalidHlc(repr(text)[:80])
        return Hlc(int(match.group(1)), int(match.group(2)), match.group(3))


def _carry(wall_ms: int, counter: int, node: str) -> Hlc:
    """A counter that overflows moves the wall part on by one millisecond instead."""
    if counter > MAX_COUNTER:
        return Hlc(wall_ms + 1, 0, node)
    return Hlc(wall_ms, counter, node)


def tick(last: Hlc | None, now_ms: int, node: str) -> Hlc:
    """The stamp of a local event: later than ``last`` and not behind the physical clock."""
    if last is None or now_ms > last.wall_ms:
        return Hlc(now_ms, 0, node)
    return _carry(last.wall_ms, last.counter + 1, node)


def receive(last: Hlc | None, remote: Hlc, now_ms: int, node: str) -> Hlc:
    """Merge a stamp seen from elsewhere (pull): the result is later than both."""
    if last is None:
        last = Hlc(0, 0, node)
    wall = max(last.wall_ms, remote.wall_ms, now_ms)
    if wall == last.wall_ms == remote.wall_ms:
        counter = max(last.counter, remote.counter) + 1
    elif wall == last.wall_ms:
        counter = last.counter + 1
    elif wall == remote.wall_ms:
        counter = remote.counter + 1
    else:
        counter = 0
    return _carry(wall, counter, node)


def clamp(remote: Hlc, server_now_ms: int, max_ahead_ms: int = MAX_AHEAD_MS) -> tuple[Hlc, bool]:
    """A stamp from a counter whose clock runs far ahead is pulled back to the server's time,
    so one bad clock cannot win every later edit; True if it was clamped."""
    if remote.wall_ms - server_now_ms > max_ahead_ms:
        return Hlc(server_now_ms, remote.counter, remote.node), True
    return remote, False
