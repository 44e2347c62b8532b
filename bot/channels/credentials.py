"""Compose the credentials file Rasa runs with: credentials.yml plus each social channel whose
secrets are set in the environment.

Rasa fills `${VARIABLE}` references in credentials files at start-up and stops if one is unset, so
social channels cannot sit in credentials.yml for everyone. Instead credentials.social.yml lists
them, and this keeps a channel only when every required setting's variable is set, and drops an
optional setting (an API base URL) whose variable is unset so the channel's default applies. The
output keeps the `${VARIABLE}` references: no secret is ever written to disk.

    python -m bot.channels.credentials credentials.yml credentials.social.yml > var/credentials.yml
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.channels.settings import SOCIAL_CHANNELS, required_settings

VARIABLE = re.compile(r"\$\{([^}]+)\}")


def compose(
    base: Mapping[str, Any], social: Mapping[str, Any], environ: Mapping[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """The merged credentials, and one line per social channel saying whether it is on and why."""
    composed = dict(base)
    notes = []
    for channel, section in social.items():
        settings_class = SOCIAL_CHANNELS[channel]
        kept = {
            name: value
            for name, value in section.items()
            if all(environ.get(variable) for variable in VARIABLE.findall(str(value)))
        }
        unset = sorted(
            variable
            for name in required_settings(settings_class) - kept.keys()
            for variable in VARIABLE.findall(str(section.get(name, "")))
        )
        label = channel.rsplit(".", 1)[-1]
        if unset:
            notes.append(f"{label}: off ({', '.join(unset)} not set)")
        else:
            composed[channel] = kept
            notes.append(f"{label}: on")
    return composed, notes


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m bot.channels.credentials BASE.yml SOCIAL.yml", file=sys.stderr)
        return 2
    base, social = (yaml.safe_load(Path(path).read_text()) or {} for path in argv)
    composed, notes = compose(base, social, os.environ)
    for note in notes:
        print(f"credentials: {note}", file=sys.stderr)
    print("# Composed by python -m bot.channels.credentials; edit the sources, not this file.")
    print(yaml.safe_dump(composed, sort_keys=False), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
