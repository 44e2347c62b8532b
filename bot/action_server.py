"""The action server (`python -m bot.action_server --actions actions --port N`): rasa_sdk's own
app, bound to loopback unless `SANIC_HOST` says otherwise, that answers only the Rasa server.

rasa_sdk 3.6 binds every interface by default and checks no caller, so anyone who can reach the
port could post a forged tracker and have complaints logged. Here every call but `/health` must
carry `Authorization: Bearer <INTAKE_ACTION_TOKEN>`, which the Rasa server sends from
endpoints.yml (`action_endpoint.headers`); a call without it gets 401 before any action runs.
Like rasa_sdk's entry point, this imports rasa_sdk only, never Rasa or TensorFlow.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
from collections.abc import Mapping, Sequence

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app, create_argument_parser, create_ssl_context
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.privacy.startup import is_default

TOKEN_VARIABLE = "INTAKE_ACTION_TOKEN"
TOKEN_AT_LEAST = 16
OPEN_PATHS = frozenset({"/health"})

logger = logging.getLogger(__name__)


def bind_address(env: Mapping[str, str]) -> str:
    return env.get("SANIC_HOST") or "127.0.0.1"


def token_problem(token: str) -> str | None:
    if not token:
        return f"{TOKEN_VARIABLE} is not set (the Rasa server sends it with each action call)"
    if len(token) < TOKEN_AT_LEAST or is_default(token):
        return f"{TOKEN_VARIABLE} is shorter than {TOKEN_AT_LEAST} characters or an example value"
    return None


def require_token(app: Sanic, token: str) -> None:
    expected = f"Bearer {token}".encode()

    @app.middleware("request")
    async def only_the_rasa_server(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        given = request.headers.get("Authorization", "").encode()
        if hmac.compare_digest(given, expected):
            return None
        logger.warning("action server: refused a call without the token")
        return response.json({"error": "not authorised"}, status=401)


def main(argv: Sequence[str] | None = None) -> None:
    args = create_argument_parser().parse_args(argv)
    token = os.environ.get(TOKEN_VARIABLE, "")
    problem = token_problem(token)
    if problem is not None:
        sys.exit(f"the action server will not start: {problem}")
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
        args.log_file,
        args.loglevel,
        args.logging_config_file,
    )
    utils.update_sanic_log_level()
    app = create_app(args.actions, cors_origins=args.cors, auto_reload=args.auto_reload)
    require_token(app, token)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    ssl = create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    app.run(bind_address(os.environ), args.port, ssl=ssl, workers=utils.number_of_sanic_workers())


if __name__ == "__main__":
    main()
