"""stored triage: each contact keeps its whole triage, without special category data

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-05 04:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("triage", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("model_version", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("model_version")
        batch_op.drop_column("triage")
