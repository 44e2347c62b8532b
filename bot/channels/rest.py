"""Rasa's REST channel, with its requests checked and its messages screened.

A body that is not a well-formed message gets 400 and what to send, before Rasa reads it
(`bot.channels.payloads`); messages that pass go through the same guard as every other channel
(`bot.channels.guard`). The conversation's channel is always `rest`: Rasa would take any
`input_channel` the client names, so a REST caller could pass as the web chat or a phone call.

The REST channel lets its caller name the conversation, so it is for tests and for systems the
landlord runs, not for the public: with `INTAKE_REST_TOKEN` set every message must carry it as a
Bearer token, and in production without one the channel is off (404).
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.guard import OnNewMessage, screened
from bot.channels.payloads import rest_body_problem
from bot.settings import environment_of

TOKEN_VARIABLE = "INTAKE_REST_TOKEN"


@dataclass(frozen=True)
class RestAccess:
    """Who may post messages: anyone (development), token holders, or nobody."""

    token: str = field(repr=False)
    production: bool

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> RestAccess:
        return cls(env.get(TOKEN_VARIABLE, ""), environment_of(env) == "production")

    def refusal(self, headers: Mapping[str, str]) -> tuple[int, str] | None:
        """(status, error) for a message these headers may not post, or None."""
        if self.token:
            given = headers.get("Authorization", "").encode()
            if hmac.compare_digest(given, f"Bearer {self.token}".encode()):
                return None
            return 401, "Send the REST token as a Bearer token."
        return (404, "The REST channel is off.") if self.production else None


class CheckedRestInput(RestInput):
    """Registered in credentials.yml in place of `rest`; its name, and so its URL, stay `rest`."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = super().blueprint(screened(on_new_message))
        access = RestAccess.from_env(os.environ)

        @webhook.middleware("request")
        async def check_body(request: Request) -> HTTPResponse | None:
            if request.method != "POST":
                return None
            refused = access.refusal(request.headers)
            if refused is not None:
                status, error = refused
                return response.json({"error": error}, status=status)
            problem = rest_body_problem(request.body)
            if problem is None:
                return None
            status, error = problem
            return response.json({"error": error}, status=status)

        return webhook

    def _extract_input_channel(self, req: Any) -> str:
        return self.name()
