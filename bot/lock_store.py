"""Rasa's Redis lock store, with one fix so that a conversation survives a replica's crash.

Rasa serves each conversation's messages in ticket order, and every ticket expires a fixed time
after it is issued, so that a replica that dies holding one cannot block its conversation for
ever. But a ticket waiting behind a dead one expires at almost the same moment as the dead one:
unless the waiting replica happens to look in the short gap between the two, it never sees its
turn, and the message is dropped when the server gives up on the request a minute later (seen
on the local cluster, docs/deploy.md). Here a ticket's lifetime starts when the ticket ahead of
it runs out, so a message waiting behind a crashed replica is served once that replica's claim
lapses. Everything else is Rasa's own.

Named in endpoints.cluster.yml as `lock_store: type: bot.lock_store.RedisLockStore`; like
bot/nlp/components.py, only Rasa imports this module.
"""

from __future__ import annotations

import json
import time
from typing import Any

from rasa.core import lock_store
from rasa.core.lock import Ticket, TicketLock
from rasa.utils.endpoints import EndpointConfig


class QueuedTicketLock(TicketLock):
    def issue_ticket(self, lifetime: float) -> int:
        """Issue the next ticket; it expires `lifetime` after the last ticket ahead of it."""
        self.remove_expired_tickets()
        starts = max([time.time(), *(ticket.expires for ticket in self.tickets)])
        number = self.last_issued + 1
        self.tickets.append(Ticket(number, starts + lifetime))
        return number


class RedisLockStore(lock_store.RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        """Rasa builds a lock store named by module path from its endpoint config alone."""
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    @staticmethod
    def create_lock(conversation_id: str) -> TicketLock:
        return QueuedTicketLock(conversation_id)

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        serialised: Any = self.red.get(self.key_prefix + conversation_id)
        if not serialised:
            return None
        return QueuedTicketLock.from_dict(json.loads(serialised))
