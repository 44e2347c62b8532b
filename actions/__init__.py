"""Rasa custom actions: thin, they read the tracker, call a bot service and return events.

The action server imports this package once as it starts, so this is where it masks personal
data in its logs and, in production, refuses missing or default secrets (bot.privacy.startup).
"""

from bot.privacy.startup import ACTION_SERVER, start

start(ACTION_SERVER)
