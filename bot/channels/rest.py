"""Rasa's REST channel, with its requests checked and its messages screened.

A body that is not a well-formed message gets 400 and what to send, before Rasa reads it
(`bot.channels.payloads`); messages that pass go through the same guard as every other channel
(`bot.channels.guard`). The conversation's channel is always `rest`: Rasa would take any
`input_channel` the client names, so a REST caller could pass as the web chat or a phone call.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.guard import OnNewMessage, screened
from bot.channels.payloads import rest_body_problem


class CheckedRestInput(RestInput):
    """Registered in credentials.yml in place of `rest`; its name, and so its URL, stay `rest`."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = super().blueprint(screened(on_new_message))

        @webhook.middleware("request")
        async def check_body(request: Request) -> HTTPResponse | None:
            if request.method != "POST":
                return None
            problem = rest_body_problem(request.body)
            return None if problem is None else response.json({"error": problem}, status=400)

        return webhook

    def _extract_input_channel(self, req: Any) -> str:
        return self.name()
