"""Bounded, expiring memory for webhook events: what was already handled, what was last offered."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from bot.channels.shared import SharedMarks

V = TypeVar("V")

# Platform clocks and ours may disagree a little; an event "from the future" by more is refused.
CLOCK_SKEW_SECONDS = 300.0


class ExpiringMap(Generic[V]):
    """Keeps each entry for `ttl_seconds` and at most `capacity` entries (the oldest go first), so
    memory stays bounded whatever the platforms or an attacker send."""

    def __init__(
        self, *, ttl_seconds: float, capacity: int, clock: Callable[[], float] = time.time
    ) -> None:
        self._ttl = ttl_seconds
        self._capacity = capacity
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, V]] = OrderedDict()

    def __len__(self) -> int:
        self._forget_expired()
        return len(self._entries)

    def __contains__(self, key: str) -> bool:
        self._forget_expired()
        return key in self._entries

    def put(self, key: str, value: V) -> None:
        self._forget_expired()
        self._entries.pop(key, None)
        while len(self._entries) >= self._capacity:
            self._entries.popitem(last=False)
        self._entries[key] = (self._clock() + self._ttl, value)

    def pop(self, key: str) -> V | None:
        self._forget_expired()
        entry = self._entries.pop(key, None)
        return None if entry is None else entry[1]

    def _forget_expired(self) -> None:
        now = self._clock()
        while self._entries:
            expires_at, _ = next(iter(self._entries.values()))
            if expires_at > now:
                break
            self._entries.popitem(last=False)


class ReplayGuard:
    """Admits each signed event once, and only while it is fresh.

    A platform redelivers an event it thinks we missed, and anyone who captured a signed body can
    send it again. Events older than the window are refused outright, and the ids of admitted
    events are remembered for as long as they could still be admitted, so a repeat is caught
    whenever it arrives.
    """

    def __init__(
        self,
        *,
        window_seconds: float,
        capacity: int,
        clock: Callable[[], float] = time.time,
        shared: SharedMarks | None = None,
        scope: str = "",
    ) -> None:
        self._window = window_seconds
        self._clock = clock
        # Every process's handled events (bot.channels.shared), under this channel's name.
        self._shared, self._scope = shared, scope
        self._seen: ExpiringMap[None] = ExpiringMap(
            ttl_seconds=window_seconds + CLOCK_SKEW_SECONDS, capacity=capacity, clock=clock
        )

    def admit(self, event_id: str, sent_at: float) -> bool:
        """`sent_at` is the platform's own timestamp for the event, in seconds since the epoch."""
        age = self._clock() - sent_at
        if not -CLOCK_SKEW_SECONDS <= age <= self._window:
            return False
        if self._shared is not None:
            keep = self._window + CLOCK_SKEW_SECONDS
            return self._shared.first_delivery(f"{self._scope}:{event_id}", keep)
        if event_id in self._seen:
            return False
        self._seen.put(event_id, None)
        return True
