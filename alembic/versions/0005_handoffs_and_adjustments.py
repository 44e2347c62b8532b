"""handoffs to a person with the transcript; adjustments agreed outside a complaint; the earlier
request a complaint is about

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 16:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("picked_up_by", sa.String(length=200), nullable=True),
        sa.Column("transcript", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoffs")),
    )
    op.create_index(
        op.f("ix_handoffs_conversation_id"), "handoffs", ["conversation_id"], unique=False
    )
    with op.batch_alter_table("adjustments", schema=None) as batch_op:
        batch_op.alter_column("complaint_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("contact_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_adjustments_contact_id"), ["contact_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_adjustments_contact_id_contacts"), "contacts", ["contact_id"], ["id"]
        )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.add_column(sa.Column("earlier_request", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_column("earlier_request")
    # Adjustments agreed outside a complaint have nowhere to go in the older schema.
    op.execute(
        "DELETE FROM adjustment_reviews WHERE adjustment_id IN "
        "(SELECT id FROM adjustments WHERE complaint_id IS NULL)"
    )
    op.execute("DELETE FROM adjustments WHERE complaint_id IS NULL")
    with op.batch_alter_table("adjustments", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_adjustments_contact_id_contacts"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_adjustments_contact_id"))
        batch_op.drop_column("contact_id")
        batch_op.alter_column("complaint_id", existing_type=sa.Integer(), nullable=False)
    op.drop_index(op.f("ix_handoffs_conversation_id"), table_name="handoffs")
    op.drop_table("handoffs")
