"""What this server saw a moment ago, for when the case store stops answering in the middle of a
call.

A handler who has typed a whole complaint should not lose it to a database outage. So the console
remembers, in memory only, the sessions it saw alive and the calls it showed, each for as long as
a session may sit idle. While the case store cannot be reached, those stand in for it just long
enough to put the complaint in the outbox, which logs it once the store is back.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime, timedelta
from threading import Lock
from typing import Generic, TypeVar

from bot.casestore.services import utc_now

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class Recent(Generic[Key, Value]):
    """A bounded map whose entries are forgotten `keep` after they were last remembered."""

    def __init__(
        self, keep: timedelta, clock: Callable[[], datetime] = utc_now, most: int = 1000
    ) -> None:
        self._keep = keep
        self._clock = clock
        self._most = most
        self._entries: OrderedDict[Key, tuple[datetime, Value]] = OrderedDict()
        self._lock = Lock()  # pages call in from worker threads

    def remember(self, key: Key, value: Value) -> None:
        now = self._clock()
        with self._lock:
            self._entries.pop(key, None)
            self._entries[key] = (now, value)
            while self._entries and (
                len(self._entries) > self._most
                or next(iter(self._entries.values()))[0] <= now - self._keep
            ):
                self._entries.popitem(last=False)

    def recall(self, key: Key) -> Value | None:
        with self._lock:
            seen_at, value = self._entries.get(key, (None, None))
        return value if seen_at is not None and seen_at > self._clock() - self._keep else None

    def forget(self, key: Key) -> None:
        with self._lock:
            self._entries.pop(key, None)
