"""one contact per conversation turn; Awaab's Law hazard clocks

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 17:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("turn_key", sa.String(length=300), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_contacts_turn_key"), ["turn_key"])
    op.create_table(
        "hazard_clocks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=80), nullable=False),
        sa.Column("aware_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_hazard_clocks_contact_id_contacts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hazard_clocks")),
    )
    with op.batch_alter_table("hazard_clocks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hazard_clocks_contact_id"), ["contact_id"])


def downgrade() -> None:
    with op.batch_alter_table("hazard_clocks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hazard_clocks_contact_id"))
    op.drop_table("hazard_clocks")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_contacts_turn_key"), type_="unique")
        batch_op.drop_column("turn_key")
