"""The Rasa server's start-up hook: listed first in credentials.yml, so Rasa builds it at start.

It is an input channel that serves nothing. Rasa builds every channel named in the credentials
file before it serves, which makes this the one place on the Rasa side that runs at each start
and only then. It masks personal data in the server's logs and, in production, refuses missing
or default secrets for the databases and for each social channel that is turned on; it refuses a
model trained with other policy files than the live ones; it makes Rasa check action server
replies with a validator built once; and it has the emails and phone numbers in each message
indexed as Rasa stores it (bot/privacy/tracker_index.py), indexing those stored before once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint

from bot.bootstrap import server_app
from bot.casestore.engine import make_engine
from bot.nlu_runtime import current_model, stale_policy_files
from bot.policy import Policy
from bot.privacy.startup import RASA_SERVER, StartRefused, start
from bot.privacy.tracker_events import TrackerEvents
from bot.privacy.tracker_index import index_as_rasa_saves
from bot.settings import Settings


def check_action_replies_with_one_validator() -> None:
    """Rasa 3.6 checks each action server reply with `jsonschema.validate`, which checks the
    schema itself first, every time: about 35 ms of the server's CPU per action call here, or
    most of a turn. A validator for the same schema, built once, checks the same replies in
    about 2 ms and raises the same error (the best match, with Rasa's hint added)."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    rasa_check = RemoteAction._validate_action_result

    def validate(action: RemoteAction, result: dict[str, Any]) -> bool:
        if jsonschema.exceptions.best_match(validator.iter_errors(result)) is None:
            return True
        return rasa_check(action, result)  # raises Rasa's own error, with its hint

    RemoteAction._validate_action_result = validate


def refuse_a_model_of_another_policy(settings: Settings, policy: Policy) -> None:
    """The server parses with the model's copy of the policy and acts on the live files: when
    they differ, it does not start, and says which files to retrain for."""
    model = current_model(settings.model_dir)
    stale = stale_policy_files(model, policy.sources)
    if stale:
        raise StartRefused(
            f"{RASA_SERVER.name} will not start: the model {model.name} was trained with other "
            f"versions of {', '.join(stale)} than those in {settings.policy_dir}. Retrain it "
            "with `make train`."
        )


class RasaServerStartup(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "server_startup"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        app = server_app(start(RASA_SERVER))
        refuse_a_model_of_another_policy(app.settings, app.policy)
        check_action_replies_with_one_validator()
        index_as_rasa_saves()
        TrackerEvents(make_engine(app.settings.tracker_store_url)).index_earlier_events()
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return Blueprint("server_startup")
