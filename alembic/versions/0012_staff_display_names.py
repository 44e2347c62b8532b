"""staff display names: what residents in a live chat call a member of staff

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-05 01:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0013"  # 0013 reached main first; this follows it
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("display_name", sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_column("display_name")
