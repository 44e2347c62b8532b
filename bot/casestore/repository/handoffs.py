"""Conversations handed to a person, with what was said so far, and the live chat after it:
the resident's and staff messages, each in its place (seq) in the conversation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.engine import Row

from bot.casestore import tables
from bot.casestore.domain import (
    OPEN_HANDOFF,
    Handoff,
    HandoffStatus,
    LiveMessage,
    TranscriptLine,
)
from bot.casestore.repository.rows import Rows, utc


class HandoffRows(Rows):
    def add_handoff(self, handoff: Handoff) -> int:
        values = {**vars(handoff), "transcript": [_transcript_json(t) for t in handoff.transcript]}
        del values["id"]
        return int(self._db.execute(insert(tables.handoffs).values(values)).inserted_primary_key[0])

    def handoffs(self, *statuses: str) -> list[Handoff]:
        rows = self._db.execute(
            select(tables.handoffs)
            .where(tables.handoffs.c.status.in_(statuses))
            .order_by(tables.handoffs.c.requested_at, tables.handoffs.c.id)
        )
        return [_handoff_from(r) for r in rows]

    def handoff(self, handoff_id: int) -> Handoff | None:
        row = self._db.execute(
            select(tables.handoffs).where(tables.handoffs.c.id == handoff_id)
        ).first()
        return None if row is None else _handoff_from(row)

    def open_handoff(self, conversation_id: str) -> Handoff | None:
        """The conversation's latest handoff still waiting for or with a person."""
        handoffs = tables.handoffs.c
        row = self._db.execute(
            select(tables.handoffs)
            .where(handoffs.conversation_id == conversation_id, handoffs.status.in_(OPEN_HANDOFF))
            .order_by(handoffs.id.desc())
            .limit(1)
        ).first()
        return None if row is None else _handoff_from(row)

    def pick_up_handoff(self, handoff_id: int, staff: str) -> bool:
        """False when nobody was waiting on that handoff (already picked up, or no such id)."""
        result = self._db.execute(
            update(tables.handoffs)
            .where(tables.handoffs.c.id == handoff_id, tables.handoffs.c.status == "waiting")
            .values(status="picked_up", picked_up_by=staff)
        )
        return result.rowcount == 1

    def end_handoff(
        self, handoff_id: int, status: HandoffStatus, at: datetime, staff: str, waiting_too: bool
    ) -> bool:
        """False unless `staff` had picked the handoff up (or, with `waiting_too`, it was still
        waiting for anyone)."""
        handoffs = tables.handoffs.c
        theirs = (handoffs.status == "picked_up") & (handoffs.picked_up_by == staff)
        allowed = or_(theirs, handoffs.status == "waiting") if waiting_too else theirs
        ending = update(tables.handoffs).where(handoffs.id == handoff_id, allowed)
        return self._db.execute(ending.values(status=status, ended_at=at)).rowcount == 1

    # live messages after a handoff ------------------------------------------------------------
    def add_live_message(self, message: LiveMessage) -> None:
        """Raises IntegrityError when another message took that place first."""
        self._db.execute(insert(tables.live_messages).values(**vars(message)))

    def last_live_seq(self, handoff_id: int) -> int:
        live = tables.live_messages.c
        last = select(func.max(live.seq)).where(live.handoff_id == handoff_id)
        return int(self._db.execute(last).scalar_one() or 0)

    def last_resident_message_at(self, handoff_id: int) -> datetime | None:
        live = tables.live_messages.c
        last = select(func.max(live.at)).where(
            live.handoff_id == handoff_id, live.sender == "resident"
        )
        return utc(self._db.execute(last).scalar_one())

    def live_messages(self, handoff_id: int, after_seq: int = 0) -> list[LiveMessage]:
        live = tables.live_messages.c
        rows = self._db.execute(
            select(tables.live_messages)
            .where(live.handoff_id == handoff_id, live.seq > after_seq)
            .order_by(live.seq)
        )
        return [
            LiveMessage(
                handoff_id=r.handoff_id,
                seq=r.seq,
                at=utc(r.at),  # type: ignore[arg-type]
                sender=r.sender,
                text=r.text,
                staff=r.staff,
            )
            for r in rows
        ]


def _handoff_from(row: Row) -> Handoff:
    return Handoff(
        id=row.id,
        conversation_id=row.conversation_id,
        channel=row.channel,
        requested_at=utc(row.requested_at),  # type: ignore[arg-type]
        person_from=utc(row.person_from),
        status=row.status,
        picked_up_by=row.picked_up_by,
        transcript=tuple(
            TranscriptLine(datetime.fromisoformat(t["at"]), t["direction"], t["text"])
            for t in row.transcript
        ),
        ended_at=utc(row.ended_at),
        reason=row.reason,
    )


def _transcript_json(line: TranscriptLine) -> dict[str, str]:
    return {"at": line.at.isoformat(), "direction": line.direction, "text": line.text}
