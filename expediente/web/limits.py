"""Per-key / per-address rate limiting: a token bucket each, in memory (one process)."""

from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    """``rate`` requests per second on average, ``burst`` at once. ``take(who)`` returns 0
    when the request may go, else the seconds to wait."""

    MAX_BUCKETS = 10_000  # forget idle callers beyond this many

    def __init__(self, rate: float, burst: int, clock=time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, who: str) -> float:
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(who, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[who] = (tokens - 1, now)
                wait = 0.0
            else:
                self._buckets[who] = (tokens, now)
                wait = (1 - tokens) / self.rate
            if len(self._buckets) > self.MAX_BUCKETS:
                full = [k for k, (t, seen) in self._buckets.items() if t + (now - seen) * self.rate >= self.burst]
                for k in full:
                    del self._buckets[k]
        return wait

    @staticmethod
    def retry_after(wait: float) -> str:
        return str(max(1, math.ceil(wait)))
