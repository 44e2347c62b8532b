"""The audit trail: append-only events naming who did what to which case."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select

from bot.casestore import tables
from bot.casestore.repository.rows import Rows


class AuditRows(Rows):
    def count_audit_events(self, kind: str, since: datetime, subject: str | None = None) -> int:
        audit = tables.audit_events.c
        counted = select(func.count()).where(audit.kind == kind, audit.at >= since)
        if subject is not None:
            counted = counted.where(audit.subject == subject)
        return int(self._db.execute(counted).scalar_one())

    def audit(self, at: datetime, actor: str, kind: str, subject: str, **detail: Any) -> None:
        """Append-only: there is no update or delete of audit events anywhere."""
        self._db.execute(
            insert(tables.audit_events).values(
                at=at,
                actor=actor,
                kind=kind,
                subject=subject,
                detail=json.loads(json.dumps(detail, default=str)),
            )
        )

    def audit_trail(self, subject: str) -> list[tuple[str, str, dict[str, Any]]]:
        rows = self._db.execute(
            select(tables.audit_events)
            .where(tables.audit_events.c.subject == subject)
            .order_by(tables.audit_events.c.id)
        )
        return [(r.actor, r.kind, r.detail) for r in rows]
