"""Conversations handed to a person, with what was said so far."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update

from bot.casestore import tables
from bot.casestore.domain import (
    Handoff,
    TranscriptLine,
)
from bot.casestore.repository.rows import Rows, utc


class HandoffRows(Rows):
    def add_handoff(self, handoff: Handoff) -> int:
        values = {**vars(handoff), "transcript": [_transcript_json(t) for t in handoff.transcript]}
        del values["id"]
        return int(self._db.execute(insert(tables.handoffs).values(values)).inserted_primary_key[0])

    def handoffs(self, status: str) -> list[Handoff]:
        rows = self._db.execute(
            select(tables.handoffs)
            .where(tables.handoffs.c.status == status)
            .order_by(tables.handoffs.c.requested_at)
        )
        return [
            Handoff(
                id=r.id,
                conversation_id=r.conversation_id,
                channel=r.channel,
                requested_at=utc(r.requested_at),  # type: ignore[arg-type]
                person_from=utc(r.person_from),
                status=r.status,
                picked_up_by=r.picked_up_by,
                transcript=tuple(
                    TranscriptLine(datetime.fromisoformat(t["at"]), t["direction"], t["text"])
                    for t in r.transcript
                ),
            )
            for r in rows
        ]

    def pick_up_handoff(self, handoff_id: int, staff: str) -> bool:
        """False when nobody was waiting on that handoff (already picked up, or no such id)."""
        result = self._db.execute(
            update(tables.handoffs)
            .where(tables.handoffs.c.id == handoff_id, tables.handoffs.c.status == "waiting")
            .values(status="picked_up", picked_up_by=staff)
        )
        return result.rowcount == 1


def _transcript_json(line: TranscriptLine) -> dict[str, str]:
    return {"at": line.at.isoformat(), "direction": line.direction, "text": line.text}
