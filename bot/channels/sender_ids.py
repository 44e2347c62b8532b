"""Conversation ids: each channel has its own kind, and a client can only have ids of its own.

* Messenger, Instagram and X: `<platform>:<user id>`, made by the server from a signed webhook
  (`bot.channels.platform`);
* the web chat (socket.io): a session id the server issued, 32 hex digits: 16 at random and 16 of
  an HMAC of them, so a browser cannot name its own (or another channel's) conversation and a
  forged one is refused; the key is `INTAKE_SESSION_SECRET`, shared by every Rasa replica (a
  random key per process when unset: sessions then last as long as the process);
* console calls: `phone-<hex>` (`bot.console.routes.calls`);
* REST: whatever the client sends, as long as it is none of the above.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Mapping
from functools import cache

PLATFORM_ID = re.compile(r"[^:]*:.*", re.DOTALL)
SESSION_ID = re.compile(r"[0-9a-f]{32}")
CONSOLE_ID = re.compile(r"phone-.*", re.DOTALL)
SECRET_VARIABLE = "INTAKE_SESSION_SECRET"


class SessionIds:
    """Issues web chat session ids and recognises the ones it issued."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def issue(self) -> str:
        nonce = secrets.token_hex(8)
        return nonce + self._mac(nonce)

    def issued(self, session_id: object) -> bool:
        if not isinstance(session_id, str) or not SESSION_ID.fullmatch(session_id):
            return False
        return hmac.compare_digest(session_id[16:], self._mac(session_id[:16]))

    def _mac(self, nonce: str) -> str:
        return hmac.new(self._key, nonce.encode(), hashlib.sha256).hexdigest()[:16]


def session_ids_from(env: Mapping[str, str]) -> SessionIds:
    secret = env.get(SECRET_VARIABLE)
    return SessionIds(secret.encode() if secret else secrets.token_bytes(32))


@cache
def session_ids() -> SessionIds:
    """The process's one issuer: the socket.io channel and the history route must agree."""
    return session_ids_from(os.environ)


def rest_may_use(sender: str) -> bool:
    """A REST client names its conversation, but never one of another channel's kind."""
    return not (
        PLATFORM_ID.fullmatch(sender)
        or SESSION_ID.fullmatch(sender)
        or CONSOLE_ID.fullmatch(sender)
    )
