"""The parts of the social channels that need no server: replay memory, numbered choices and the
credentials file composed from the environment."""

from __future__ import annotations

import pytest
import yaml

from bot.channels.choices import NUMBER_PROMPT, OfferedChoices, numbered_text, numbered_title
from bot.channels.credentials import compose
from bot.channels.recent import ExpiringMap, ReplayGuard
from bot.channels.settings import ChannelSettingsError, MetaSettings, XSettings, settings_from
from tests.conftest import ROOT
from tests.unit.test_resident_wording import JARGON, MINIMUM_READING_EASE, reading_ease


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def test_an_event_is_admitted_once_however_often_it_is_replayed_within_the_window() -> None:
    clock = Clock()
    guard = ReplayGuard(window_seconds=600, capacity=100, clock=clock)
    sent_at = clock.now
    assert guard.admit("event-1", sent_at)
    for _ in range(3):
        clock.now += 299
        assert not guard.admit("event-1", sent_at)


def test_an_event_older_than_the_window_is_refused_even_when_never_seen() -> None:
    clock = Clock()
    guard = ReplayGuard(window_seconds=600, capacity=100, clock=clock)
    assert not guard.admit("event-1", clock.now - 601)
    assert not guard.admit("event-2", clock.now + 3600), "an event from the future is refused"
    assert guard.admit("event-3", clock.now - 599)


def test_memory_of_events_stays_bounded() -> None:
    clock = Clock()
    seen: ExpiringMap[None] = ExpiringMap(ttl_seconds=60, capacity=3, clock=clock)
    for number in range(10):
        seen.put(f"event-{number}", None)
    assert len(seen) == 3
    assert "event-9" in seen and "event-0" not in seen
    clock.now += 61
    assert len(seen) == 0


def test_a_number_reply_picks_the_offered_choice_once() -> None:
    choices = OfferedChoices()
    choices.offer("x:1", ["/affirm", "/deny"])
    assert choices.resolve("x:1", " 2. ") == "/deny"
    assert choices.resolve("x:1", "2") == "2", "the offer lapses after one reply"


def test_other_replies_pass_through_and_end_the_offer() -> None:
    choices = OfferedChoices()
    choices.offer("x:1", ["/affirm", "/deny"])
    assert choices.resolve("x:2", "1") == "1", "another conversation's offer does not apply"
    assert choices.resolve("x:1", "3") == "3"
    assert choices.resolve("x:1", "1") == "1"


def test_numbered_titles_keep_whole_words_within_the_limit() -> None:
    assert numbered_title(1, "Email", 20) == "1. Email"
    assert numbered_title(1, "Make a formal complaint", 20) == "1. Make a formal…"
    assert numbered_title(1, "Yes, it's still happening", 20) == "1. Yes, it's still…"
    assert numbered_title(2, "Put it right without a complaint", 20) == "2. Put it right…"


def test_the_numbered_choices_read_as_plain_english() -> None:
    text = numbered_text("What would you like to do?", ["Make a formal complaint", "Not now"])
    assert text.endswith(f"1. Make a formal complaint\n2. Not now\n{NUMBER_PROMPT}")
    assert reading_ease(NUMBER_PROMPT) >= MINIMUM_READING_EASE
    assert not JARGON.search(NUMBER_PROMPT)


@pytest.fixture
def sources() -> tuple[dict, dict]:
    base = yaml.safe_load((ROOT / "credentials.yml").read_text())
    social = yaml.safe_load((ROOT / "credentials.social.yml").read_text())
    return base, social


def test_without_social_secrets_the_credentials_are_credentials_yml(
    sources: tuple[dict, dict],
) -> None:
    base, social = sources
    composed, notes = compose(base, social, {"META_APP_SECRET": "set but alone"})
    assert composed == base
    assert notes == [
        "MetaInput: off (META_PAGE_ACCESS_TOKEN, META_VERIFY_TOKEN not set)",
        "XInput: off (X_ACCESS_TOKEN, X_ACCOUNT_ID, X_CONSUMER_SECRET not set)",
    ]


def test_a_channel_with_its_secrets_joins_with_references_not_values(
    sources: tuple[dict, dict],
) -> None:
    base, social = sources
    environ = {"META_VERIFY_TOKEN": "v", "META_APP_SECRET": "s", "META_PAGE_ACCESS_TOKEN": "t"}
    composed, _ = compose(base, social, environ)
    assert composed["bot.channels.meta.MetaInput"] == {
        "verify_token": "${META_VERIFY_TOKEN}",
        "app_secret": "${META_APP_SECRET}",
        "page_access_token": "${META_PAGE_ACCESS_TOKEN}",
    }
    assert "bot.channels.x.XInput" not in composed
    settings = settings_from(MetaSettings, {"verify_token": "v", "app_secret": "s",
                                            "page_access_token": "t"})  # fmt: skip
    assert settings.send_url == "https://graph.facebook.com/v21.0/me/messages"


def test_a_misspelt_setting_stops_start_up_with_its_name() -> None:
    with pytest.raises(ChannelSettingsError, match=r"app_secret.*app_secert"):
        settings_from(MetaSettings, {"verify_token": "v", "app_secert": "s",
                                     "page_access_token": "t"})  # fmt: skip


def test_an_x_send_url_cannot_be_steered_to_another_path() -> None:
    settings = XSettings(consumer_secret="s", access_token="t", account_id="1")
    assert settings.send_url("../../2/users/me").endswith(
        "/2/dm_conversations/with/..%2F..%2F2%2Fusers%2Fme/messages"
    )
