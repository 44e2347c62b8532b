"""What every process that serves residents or staff does first.

It masks personal data in its logs, and in production (the default unless
`INTAKE_ENV=development`, which `make` and the tests set) it refuses to start when a database URL
or a secret it needs is missing or is a default or example value, with one line naming the
variable. Called by the action server (`actions/__init__.py`), the Rasa server
(`bot.rasa_startup`, listed in credentials.yml) and `python -m bot`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.privacy.redaction import install_redaction
from bot.settings import SOCIAL_SECRETS, Settings

# Values from documentation, examples and test suites: never a real secret.
KNOWN_DEFAULTS = frozenset(
    {
        "admin", "changeit", "changeme", "default", "dummy", "example", "intake", "password",
        "passw0rd", "postgres", "rasa", "root", "sample", "secret", "test", "testing", "token",
        "1234", "12345", "123456",
    }
)  # fmt: skip
PLACEHOLDER = re.compile(
    r"<[^>]*>|\$\{[^}]*\}|x+|\*+|(?:test|dummy|fake|example|sample)[-_].*"
    r"|.*(?:change[-_ ]?me|your[-_ ]).*",
    re.IGNORECASE,
)


class StartRefused(SystemExit):
    """Stops the process with its one-line message (exit status 1), wherever it is raised."""


@dataclass(frozen=True)
class Part:
    """A process that serves, and the secrets it would use."""

    name: str
    database_urls: tuple[str, ...]
    # The social channels that are on, and the lock store's password when one is set.
    rasa_secrets: bool = False


ACTION_SERVER = Part("the action server", ("INTAKE_DATABASE_URL",))
RASA_SERVER = Part(
    "the Rasa server", ("INTAKE_DATABASE_URL", "INTAKE_TRACKER_STORE_URL"), rasa_secrets=True
)
COMMAND_LINE = Part("python -m bot", ("INTAKE_DATABASE_URL", "INTAKE_TRACKER_STORE_URL"))


def is_default(value: str) -> bool:
    return value.strip().lower() in KNOWN_DEFAULTS or bool(PLACEHOLDER.fullmatch(value.strip()))


def secret_problems(settings: Settings, part: Part) -> list[str]:
    """What is wrong with the secrets `part` would use, one phrase per variable."""
    urls = {
        "INTAKE_DATABASE_URL": settings.database_url,
        "INTAKE_TRACKER_STORE_URL": settings.tracker_store_url,
    }
    problems = []
    for variable in part.database_urls:
        if not urls[variable]:
            problems.append(f"{variable} is not set (there is no local database in production)")
            continue
        try:
            password = make_url(urls[variable]).password
        except ArgumentError:
            problems.append(f"{variable} is not a database URL")
            continue
        if password is not None and is_default(str(password)):
            problems.append(f"{variable} has a default or example password")
    if not part.rasa_secrets:
        return problems
    given = settings.secrets
    for channel, variables in SOCIAL_SECRETS.items():
        if any(v in given for v in variables):  # the channel is on, or meant to be
            needs = ", ".join(variables)
            problems += [
                f"{v} is not set (the {channel} channel needs {needs})"
                for v in variables
                if v not in given
            ]
    problems += [f"{v} is a default or example value" for v, s in given.items() if is_default(s)]
    return problems


def start(
    part: Part, settings: Settings | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Mask personal data in this process's logs; in production (the default), refuse insecure
    secrets and missing databases. Settings are read from `env` (the process's) unless given."""
    install_redaction()
    try:
        settings = settings or Settings.from_env(env)
    except ValueError as error:
        raise StartRefused(f"{part.name} will not start: {error}") from error
    if settings.environment == "production":
        problems = secret_problems(settings, part)
        if problems:
            raise StartRefused(f"{part.name} will not start in production: {'; '.join(problems)}")
    return settings
