"""The REST channel is for testing and for systems the landlord runs: in production it is off
unless a token is set, and with a token every message must carry it."""

from __future__ import annotations

from bot.channels.rest import RestAccess

TOKEN = "a-long-random-rest-token-value"


def test_in_development_without_a_token_the_rest_channel_is_open() -> None:
    access = RestAccess.from_env({"INTAKE_ENV": "development"})
    assert access.refusal({}) is None


def test_in_production_without_a_token_the_rest_channel_is_off() -> None:
    for env in ({"INTAKE_ENV": "production"}, {}):  # production unless told development
        access = RestAccess.from_env(env)
        assert access.refusal({}) == (404, "The REST channel is off.")
        off = (404, "The REST channel is off.")
        assert access.refusal({"Authorization": "Bearer anything"}) == off


def test_with_a_token_a_message_without_it_is_refused() -> None:
    for environment in ("development", "production"):
        access = RestAccess.from_env({"INTAKE_ENV": environment, "INTAKE_REST_TOKEN": TOKEN})
        assert access.refusal({"Authorization": f"Bearer {TOKEN}"}) is None
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
            assert access.refusal(headers) == (401, "Send the REST token as a Bearer token.")
