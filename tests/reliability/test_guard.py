"""The guard's decisions, without a server: what is read, what is refused, and in what words."""

from __future__ import annotations

import pytest

from bot.channels.guard import (
    NO_WORDS,
    TOO_FAST,
    Limits,
    MessageGuard,
    Refusal,
    too_long_reply,
)
from bot.channels.meta import messages_in
from bot.channels.payloads import UNREADABLE
from bot.policy import Policy
from bot.replies import not_english_reply
from tests.unit.test_resident_wording import JARGON, MINIMUM_READING_EASE, reading_ease


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def guard(clock: Clock) -> MessageGuard:
    return MessageGuard(Limits(max_characters=20, messages_per_minute=3), clock)


def reason(guard: MessageGuard, text: str, sender: str = "someone") -> str | None:
    refusal = guard.refusal(sender, text)
    return None if refusal is None else refusal.reason


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "👍",
        "123",
        "café au lait",
        "boeler wedi torri",
        "الغلاية is broken",
        "/greet",
    ],
)
def test_ordinary_messages_are_read(guard: MessageGuard, text: str) -> None:
    assert guard.refusal("someone", text) is None


@pytest.mark.parametrize("text", ["", "   ", "\n\t\u00a0", "\u200b\u2060", "\x00\x07"])
def test_a_message_with_nothing_visible_is_asked_for_words(guard: MessageGuard, text: str) -> None:
    assert guard.refusal("someone", text) == Refusal("no_words", NO_WORDS)


def test_the_length_limit_is_inclusive(guard: MessageGuard) -> None:
    assert reason(guard, "x" * 20) is None
    assert reason(guard, "x" * 21) == "too_long"


@pytest.mark.parametrize(
    "text", ["مرحبا، التدفئة لا تعمل", "שלום", "Привет, нет отопления", "暖气坏了", "گیس لیک ہے"]
)
def test_a_message_only_in_another_alphabet_reaches_the_safety_check(text: str) -> None:
    # It may say there is a fire; the pipeline marks it out of scope after the check reads it.
    assert MessageGuard(Limits()).refusal("someone", text) is None


def test_each_sender_gets_so_many_messages_a_minute(guard: MessageGuard, clock: Clock) -> None:
    assert [reason(guard, "hi", "hasty") for _ in range(4)] == [None, None, None, "too_fast"]
    assert reason(guard, "hi", "patient") is None
    clock.now += 59
    assert reason(guard, "hi", "hasty") == "too_fast"
    clock.now += 1
    assert reason(guard, "hi", "hasty") is None


def test_refused_messages_count_towards_the_limit(guard: MessageGuard) -> None:
    assert [reason(guard, "", "flood") for _ in range(4)] == [
        "no_words",
        "no_words",
        "no_words",
        "too_fast",
    ]


def test_limits_come_from_the_environment_and_nonsense_is_refused() -> None:
    assert Limits.from_env({}) == Limits(max_characters=2000, messages_per_minute=30)
    assert Limits.from_env({"INTAKE_MESSAGES_PER_MINUTE": "5"}).messages_per_minute == 5
    with pytest.raises(ValueError, match="INTAKE_MAX_MESSAGE_CHARACTERS"):
        Limits.from_env({"INTAKE_MAX_MESSAGE_CHARACTERS": "lots"})
    with pytest.raises(ValueError, match="INTAKE_MESSAGES_PER_MINUTE"):
        Limits.from_env({"INTAKE_MESSAGES_PER_MINUTE": "0"})


def test_a_photo_sent_on_messenger_is_answered_not_ignored() -> None:
    event = {
        "sender": {"id": "123"},
        "timestamp": 1_700_000_000_000,
        "message": {"mid": "m_1", "attachments": [{"type": "image", "payload": {"url": "x"}}]},
    }
    [message] = messages_in({"object": "page", "entry": [{"messaging": [event]}]})
    assert message.text == ""


def test_every_refusal_is_plain_english(policy: Policy) -> None:
    replies = [NO_WORDS, TOO_FAST, UNREADABLE, too_long_reply(Limits()), not_english_reply(policy)]
    for reply in replies:
        assert reading_ease(reply) >= MINIMUM_READING_EASE, reply
        assert not JARGON.search(reply), reply
    assert "2,000 characters" in too_long_reply(Limits())
