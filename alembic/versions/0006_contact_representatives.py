"""representatives recorded for any contact, not only a complaint

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 18:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("representatives", schema=None) as batch_op:
        batch_op.alter_column("complaint_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("contact_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_representatives_contact_id"), ["contact_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_representatives_contact_id_contacts"), "contacts", ["contact_id"], ["id"]
        )


def downgrade() -> None:
    # Representatives recorded outside a complaint have nowhere to go in the older schema.
    op.execute("DELETE FROM representatives WHERE complaint_id IS NULL")
    with op.batch_alter_table("representatives", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_representatives_contact_id_contacts"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_representatives_contact_id"))
        batch_op.drop_column("contact_id")
        batch_op.alter_column("complaint_id", existing_type=sa.Integer(), nullable=False)
