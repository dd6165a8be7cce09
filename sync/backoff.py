"""Exponential backoff with full jitter, honouring the server's ``Retry-After``.

``sleep = random(0, min(cap, base * 2**n))``; reset after a success (AWS architecture blog,
"Exponential Backoff And Jitter"). A ``Retry-After`` is a floor: never retry sooner.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base_s: float = 1.0
    cap_s: float = 300.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self, retry_after_s: float | None = None) -> float:
        """Seconds to wait before the next try; counts one more failure."""
        ceiling = min(self.cap_s, self.base_s * 2**self.failures)
        self.failures += 1
        delay = self.rng.uniform(0, ceiling)
        if retry_after_s is not None:
            delay = max(delay, min(retry_after_s, self.cap_s))
        return delay

    def reset(self) -> None:
        self.failures = 0
