"""oversight: service area of each contact, complaint responses and outcomes, refusal letters,
adjustment reviews

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 15:50:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("service_area", sa.String(length=80), nullable=True))

    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.add_column(sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("outcome", sa.String(length=20), nullable=True))

    with op.batch_alter_table("exclusion_proposals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("refusal_letter", sa.Text(), nullable=True))

    op.create_table(
        "adjustment_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("adjustment_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("next_review_due", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["adjustment_id"],
            ["adjustments.id"],
            name=op.f("fk_adjustment_reviews_adjustment_id_adjustments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjustment_reviews")),
    )
    with op.batch_alter_table("adjustment_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_adjustment_reviews_adjustment_id"), ["adjustment_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("adjustment_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_adjustment_reviews_adjustment_id"))
    op.drop_table("adjustment_reviews")

    with op.batch_alter_table("exclusion_proposals", schema=None) as batch_op:
        batch_op.drop_column("refusal_letter")

    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_column("outcome")
        batch_op.drop_column("responded_at")

    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("service_area")
