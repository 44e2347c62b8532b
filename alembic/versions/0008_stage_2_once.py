"""one Stage 2 per Stage 1; the Stage 2 requester's words kept apart from the Stage 1 words

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 19:30:00.000000
"""

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    unlink_duplicate_stage_2s()
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_words", sa.Text(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_complaints_escalated_from_id"), ["escalated_from_id"]
        )


def unlink_duplicate_stage_2s() -> None:
    """Before the index: where a Stage 1 complaint was taken to Stage 2 more than once (possible
    until now), the first Stage 2 keeps the link; each later one loses it and an audit event
    names both, so an officer can close the duplicate. Nothing is deleted."""
    complaints = sa.table(
        "complaints",
        sa.column("id", sa.Integer),
        sa.column("reference", sa.String),
        sa.column("escalated_from_id", sa.Integer),
    )
    audit = sa.table(
        "audit_events",
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("actor", sa.String),
        sa.column("kind", sa.String),
        sa.column("subject", sa.String),
        sa.column("detail", sa.JSON),
    )
    db = op.get_bind()
    stage_1 = complaints.alias("stage_1")
    rows = db.execute(
        sa.select(complaints.c.id, complaints.c.reference, stage_1.c.reference)
        .join(stage_1, stage_1.c.id == complaints.c.escalated_from_id)
        .order_by(complaints.c.escalated_from_id, complaints.c.id)
    ).all()
    seen: set[str] = set()
    for stage_2_id, stage_2_reference, stage_1_reference in rows:
        if stage_1_reference not in seen:
            seen.add(stage_1_reference)
            continue
        db.execute(
            sa.update(complaints)
            .where(complaints.c.id == stage_2_id)
            .values(escalated_from_id=None)
        )
        db.execute(
            sa.insert(audit).values(
                at=datetime.now(timezone.utc),
                actor="migration 0008",
                kind="duplicate_stage_2_unlinked",
                subject=stage_2_reference,
                detail={"stage_1": stage_1_reference},
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_complaints_escalated_from_id"), type_="unique")
        batch_op.drop_column("request_words")
