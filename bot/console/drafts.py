"""What a handler has typed on a call page, kept on the server until the call is logged.

Every button on the call page sends the whole page, and the page saves it as it is typed (when
the browser runs the page's script), so a choice button, a session that lapsed during a long
call, or a closed tab loses nothing. A draft belongs to one handler and one call: nobody else
sees it, and it is deleted once the call is logged, or a day after it was last saved.

What was agreed for a need that tells of health or disability is special category data: a draft
keeps it only once the caller's consent is ticked. The need itself is kept, as the case store
keeps the adjustment without consent but no details of it (5.10).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.casestore import tables
from bot.casestore.services import utc_now
from bot.casestore.unit_of_work import UnitOfWork
from bot.policy import Policy

Fields = Mapping[str, Sequence[str]]
KEEP_FOR = timedelta(days=1)
# Never kept: the form token belongs to the session that sent it; the rest say how it was sent.
NOT_KEPT = {"csrf_token", "saved_by", "choice"}


class CallDrafts:
    def __init__(
        self, engine: Engine, policy: Policy, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self._engine = engine
        self._health_needs = {need.id for need in policy.needs.values() if need.special_category}
        self._clock = clock

    def save(self, contact_id: int, staff: str, fields: Fields) -> None:
        """Keep what was sent, replacing this handler's earlier draft of the call."""
        kept = {name: list(values) for name, values in fields.items() if name not in NOT_KEPT}
        health = self._health_needs.intersection(kept.get("needs", ()))
        if health and "yes" not in kept.get("disability_consent", ()):
            kept.pop("adjustment_detail", None)
        drafts, now = tables.call_drafts, self._clock()
        where = (drafts.c.contact_id == contact_id) & (drafts.c.staff == staff)
        replace = update(drafts).where(where).values(fields=kept, saved_at=now)
        with UnitOfWork(self._engine) as uow:
            uow.connection.execute(delete(drafts).where(drafts.c.saved_at < now - KEEP_FOR))
            replaced = uow.connection.execute(replace).rowcount
            uow.commit()
        if replaced:
            return
        try:
            with UnitOfWork(self._engine) as uow:
                uow.connection.execute(
                    insert(drafts).values(
                        contact_id=contact_id, staff=staff, fields=kept, saved_at=now
                    )
                )
                uow.commit()
        except IntegrityError:  # saved at the same moment by another request of the same page
            with UnitOfWork(self._engine) as uow:
                uow.connection.execute(replace)
                uow.commit()

    def draft(self, contact_id: int, staff: str) -> Fields | None:
        drafts = tables.call_drafts
        with UnitOfWork(self._engine) as uow:
            fields = uow.connection.execute(
                select(drafts.c.fields).where(
                    drafts.c.contact_id == contact_id,
                    drafts.c.staff == staff,
                    drafts.c.saved_at >= self._clock() - KEEP_FOR,
                )
            ).scalar()
        return fields

    def discard(self, contact_id: int) -> None:
        """The call is logged: nothing typed on it is kept beyond what was logged."""
        with UnitOfWork(self._engine) as uow:
            uow.connection.execute(
                delete(tables.call_drafts).where(tables.call_drafts.c.contact_id == contact_id)
            )
            uow.commit()
