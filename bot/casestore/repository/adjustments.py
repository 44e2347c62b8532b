"""Adjustments under review (5.10): due reviews, the reviews done, and those agreed outside a
complaint for the annual report."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, update

from bot.casestore import tables
from bot.casestore.domain import (
    Adjustment,
    AdjustmentOnFile,
    AdjustmentReview,
)
from bot.casestore.repository.rows import Rows, adjustment_from, utc


class AdjustmentRows(Rows):
    def adjustments_due(self, by: date) -> list[AdjustmentOnFile]:
        """Agreed adjustments whose review falls on or before `by`, soonest first."""
        return self._adjustments_where(tables.adjustments.c.review_due <= by)

    def adjustment_on_file(self, adjustment_id: int) -> AdjustmentOnFile | None:
        found = self._adjustments_where(tables.adjustments.c.id == adjustment_id)
        return found[0] if found else None

    def _adjustments_where(self, condition: Any) -> list[AdjustmentOnFile]:
        adjustments = tables.adjustments
        rows = self._db.execute(
            select(adjustments, tables.complaints.c.reference)
            .outerjoin(tables.complaints, tables.complaints.c.id == adjustments.c.complaint_id)
            .where(condition)
            .order_by(adjustments.c.review_due, adjustments.c.id)
        )
        return [
            AdjustmentOnFile(r.id, r.reference or f"contact:{r.contact_id}", adjustment_from(r))
            for r in rows
        ]

    def contact_adjustments_between(self, start: datetime, end: datetime) -> list[Adjustment]:
        """Adjustments agreed outside a complaint, with contacts received in the period."""
        adjustments, contacts = tables.adjustments, tables.contacts
        rows = self._db.execute(
            select(adjustments)
            .join(contacts, contacts.c.id == adjustments.c.contact_id)
            .where(
                adjustments.c.complaint_id.is_(None),
                contacts.c.received_at >= start,
                contacts.c.received_at < end,
            )
            .order_by(adjustments.c.id)
        )
        return [adjustment_from(row) for row in rows]

    def add_adjustment_review(self, review: AdjustmentReview) -> None:
        self._db.execute(insert(tables.adjustment_reviews).values(**vars(review)))
        self._db.execute(
            update(tables.adjustments)
            .where(tables.adjustments.c.id == review.adjustment_id)
            .values(review_due=review.next_review_due)
        )

    def adjustment_reviews_between(self, start: datetime, end: datetime) -> list[AdjustmentReview]:
        reviews = tables.adjustment_reviews
        rows = self._db.execute(
            select(reviews)
            .where(reviews.c.reviewed_at >= start, reviews.c.reviewed_at < end)
            .order_by(reviews.c.id)
        )
        return [
            AdjustmentReview(
                adjustment_id=r.adjustment_id,
                reviewed_at=utc(r.reviewed_at),  # type: ignore[arg-type]
                officer=r.officer,
                note=r.note,
                next_review_due=r.next_review_due,
            )
            for r in rows
        ]
