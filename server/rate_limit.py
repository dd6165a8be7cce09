"""Rate limits for the endpoints worth guessing at: enrolment (a one-time code is 60 bits) and
token rotation. A sliding window per key (the caller's address, or the device): over the limit
is ``429 rate_limited`` with ``Retry-After``, and the counter backs off as for any 429.

Kept in the server process: several processes on one database each count on their own, and
behind a reverse proxy every caller has the proxy's address (the limit is then shared).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from server.problems import Problem

MAX_KEYS = 10_000
"""Windows kept at most; the idle ones are dropped first (a flood of addresses cannot grow
the server without bound)."""


class RateLimit:
    def __init__(
        self, limit: int, period_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.period_s, self.clock = limit, period_s, clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str, what: str) -> None:
        """Count one call for ``key``; a ``429`` problem if it is over the limit."""
        now = self.clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.period_s:
                hits.popleft()
            if len(hits) >= self.limit:
                wait = max(1, math.ceil(hits[0] + self.period_s - now))
                raise Problem(
                    429,
                    "rate_limited",
                    f"too many {what}; try again in {wait} s",
                    headers={"Retry-After": str(wait)},
                )
            hits.append(now)
            if len(self._hits) > MAX_KEYS:
                self._forget_idle(now)

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, h in self._hits.items() if not h or h[-1] <= now - self.period_s]:
            del self._hits[key]
