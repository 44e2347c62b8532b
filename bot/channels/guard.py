"""The checks every resident's message passes before the assistant reads it, on every channel.

Rasa hands each channel's messages to the assistant through one callback; `screened` wraps that
callback, so REST, the web chat (socket.io), Messenger, Instagram and X all get the same checks
and the same plain replies, and nothing refused ever reaches the language model or the tracker.
A message in another alphabet is not refused here: it may hold danger words the safety check
reads (bot.safety_first); the pipeline marks it out of scope and the reply offers an interpreter.


* a message with nothing to read (empty, only spaces or invisible characters, or only a photo or
  file) gets asked for words;
* a message over the length limit is not read (it would take seconds to parse and crowd out
  everyone else's) and the resident is asked to send it in shorter parts;
* a sender who goes over the per-minute limit is asked to wait, counted across every Rasa
  replica when a database is configured (bot.channels.shared).

The limits are deployment settings, not the landlord's complaints policy (the Code says nothing
about them, and the right numbers depend on the server), so they come from the environment like
the database URL: `INTAKE_MAX_MESSAGE_CHARACTERS` (default 2,000, several times the longest
message in the labelled data) and `INTAKE_MESSAGES_PER_MINUTE` (default 30 per conversation: a
person typing or tapping answers never comes near it, a runaway script or a bot loop does).

Nothing here logs what a resident wrote or who they are.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from bot.channels.recent import ExpiringMap
from bot.channels.shared import SharedMarks, shared_marks

if TYPE_CHECKING:
    from rasa.core.channels.channel import UserMessage

logger = logging.getLogger(__name__)

RATE_WINDOW_SECONDS = 60.0
# Conversations remembered for the rate limit at once; the oldest are forgotten first.
SENDER_MEMORY = 100_000

NO_WORDS = (
    "I didn't get any words there. I can only read typed messages, not photos or files. "
    "Please type what you'd like to tell us."
)
TOO_FAST = (
    "You're sending messages faster than I can read them. Please wait a minute, then send "
    "your message again."
)

Reason = Literal["no_words", "too_long", "too_fast"]


@dataclass(frozen=True)
class Limits:
    max_characters: int = 2000
    messages_per_minute: int = 30

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Limits:
        defaults = cls()
        return cls(
            max_characters=_positive(env, "INTAKE_MAX_MESSAGE_CHARACTERS", defaults.max_characters),
            messages_per_minute=_positive(
                env, "INTAKE_MESSAGES_PER_MINUTE", defaults.messages_per_minute
            ),
        )


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, str(default))
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{name} is '{value}': expected a whole number above 0")
    return int(value)


@dataclass(frozen=True)
class Refusal:
    """What the resident is told instead of an answer, and why (for the log, without the text)."""

    reason: Reason
    reply: str


def too_long_reply(limits: Limits) -> str:
    return (
        "That message is too long for me to read in one go. Please send it again in shorter "
        f"parts, each under {limits.max_characters:,} characters. Or you can ask to talk to a "
        "person."
    )


class MessageGuard:
    """Decides, per message, whether the assistant reads it or the resident gets a refusal."""

    def __init__(
        self,
        limits: Limits,
        clock: Callable[[], float] = time.monotonic,
        shared: SharedMarks | None = None,
    ) -> None:
        self.limits = limits
        self._clock = clock
        # Every process's counts (bot.channels.shared), when a database is configured.
        self._shared = shared
        self._recent: ExpiringMap[list[float]] = ExpiringMap(
            ttl_seconds=RATE_WINDOW_SECONDS, capacity=SENDER_MEMORY, clock=clock
        )
        self._too_long = too_long_reply(limits)

    def refusal(self, sender_id: str, text: str) -> Refusal | None:
        """The refusal for this message, or None when the assistant should read it.

        Every message counts towards the rate limit, refused or not, so a flood of empty or
        oversized messages is slowed down too.
        """
        if not self._admit(sender_id):
            return Refusal("too_fast", TOO_FAST)
        if not any(character.isprintable() and not character.isspace() for character in text):
            return Refusal("no_words", NO_WORDS)
        if len(text) > self.limits.max_characters:
            return Refusal("too_long", self._too_long)
        return None

    def _admit(self, sender_id: str) -> bool:
        """A sliding window of the last minute's messages for each conversation."""
        if self._shared is not None:
            limit = self.limits.messages_per_minute
            return self._shared.admit_message(sender_id, RATE_WINDOW_SECONDS, limit)
        now = self._clock()
        recent = [
            moment
            for moment in self._recent.pop(sender_id) or []
            if now - moment < RATE_WINDOW_SECONDS
        ]
        admitted = len(recent) < self.limits.messages_per_minute
        if admitted:
            recent.append(now)
        self._recent.put(sender_id, recent)
        return admitted


OnNewMessage = Callable[["UserMessage"], Awaitable[Any]]


def screened(on_new_message: OnNewMessage, guard: MessageGuard | None = None) -> OnNewMessage:
    """`on_new_message` behind the guard: a refused message gets its reply through the channel
    it came from and goes no further.

    Each channel calls this once, when Rasa builds its routes, so each has one guard for its
    conversations (their ids never cross: `messenger:<id>`, `x:<id>`, a socket.io session id).
    """
    checks = guard or guard_from_environment()

    async def screen(message: UserMessage) -> None:
        refusal = checks.refusal(message.sender_id, message.text or "")
        if refusal is None:
            await on_new_message(message)
            return
        if refusal.reason == "too_fast":
            logger.warning(
                "guard: a conversation went over %d messages a minute",
                checks.limits.messages_per_minute,
            )
        else:
            logger.info("guard: answered a message without reading it (%s)", refusal.reason)
        await message.output_channel.send_text_message(message.sender_id, refusal.reply)

    return screen


def guard_from_environment() -> MessageGuard:
    return MessageGuard(Limits.from_env(os.environ), shared=shared_marks())
