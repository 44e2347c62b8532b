"""What each social channel needs from credentials.yml, checked at start-up (no Rasa import).

Settings without a default are secrets that must come from the environment; the others default to
the platforms' public APIs and are overridden in tests to point at a fake API on loopback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar
from urllib.parse import quote

Section = TypeVar("Section", "MetaSettings", "XSettings")


class ChannelSettingsError(ValueError):
    pass


@dataclass(frozen=True)
class MetaSettings:
    """Messenger and Instagram: one Meta app webhook, one Page access token for both."""

    verify_token: str
    app_secret: str
    page_access_token: str
    graph_url: str = "https://graph.facebook.com"
    graph_api_version: str = "v21.0"

    @property
    def send_url(self) -> str:
        return f"{self.graph_url.rstrip('/')}/{self.graph_api_version}/me/messages"


@dataclass(frozen=True)
class XSettings:
    """X direct messages through the Account Activity webhook and the v2 DM endpoint."""

    consumer_secret: str
    access_token: str
    account_id: str
    api_url: str = "https://api.x.com"

    def send_url(self, participant_id: str) -> str:
        """The DM endpoint for one X user; the id is quoted so it can never change the path."""
        participant = quote(participant_id, safe="")
        return f"{self.api_url.rstrip('/')}/2/dm_conversations/with/{participant}/messages"


# credentials.yml names a custom channel by its class path.
SOCIAL_CHANNELS: dict[str, type[MetaSettings] | type[XSettings]] = {
    "bot.channels.meta.MetaInput": MetaSettings,
    "bot.channels.x.XInput": XSettings,
}


def required_settings(settings_class: type[MetaSettings] | type[XSettings]) -> set[str]:
    return {field.name for field in fields(settings_class) if field.default is MISSING}


def settings_from(settings_class: type[Section], section: Mapping[str, Any] | None) -> Section:
    """A misspelt or missing setting stops start-up with its name, not a failure at first use."""
    given = dict(section or {})
    known = {field.name for field in fields(settings_class)}
    unknown = sorted(given.keys() - known)
    missing = sorted(required_settings(settings_class) - given.keys())
    if unknown or missing:
        raise ChannelSettingsError(
            f"{settings_class.__name__}: missing settings {missing}, unknown settings {unknown}"
        )
    return settings_class(**{name: str(value) for name, value in given.items()})
