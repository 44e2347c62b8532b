"""handoff reason: why a conversation waits for a person, when it is not that they asked

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 14:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_column("reason")
