"""What every part of the repository shares: the connection of the unit of work, and turning
stored values back into domain values."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy.engine import Connection, Row

from bot.casestore.domain import Adjustment, Representative


class Rows:
    """Reads and writes on the unit of work's connection; the unit of work owns the
    transaction."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection


def utc(value: datetime | None) -> datetime | None:
    """SQLite drops the zone; every stored time is UTC, so put it back."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)


def moment(value: str) -> datetime | date:
    """A due time as stored: a date-time for hours, a date for working days."""
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def adjustment_from(row: Row) -> Adjustment:
    return Adjustment(
        need_id=row.need_id,
        detail=row.detail,
        agreed=row.agreed,
        review_due=row.review_due,
        disability_disclosed=row.disability_disclosed,
        consent_to_record=row.consent_to_record,
        consent_at=utc(row.consent_at),
    )


def representative_from(row: Row) -> Representative:
    return Representative(
        name=row.name,
        relationship=row.relationship,
        acting_for=row.acting_for,
        consent=row.consent,
        consent_at=utc(row.consent_at),
    )
