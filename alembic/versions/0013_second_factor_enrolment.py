"""the console's second factor: each code is good once (the last time step used), and the
enrolment page's one-time link

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-05 01:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("enrolment_token_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("enrolment_expires_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_staff_users_enrolment_token_hash"), ["enrolment_token_hash"]
        )


def downgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_staff_users_enrolment_token_hash"), type_="unique")
        batch_op.drop_column("enrolment_expires_at")
        batch_op.drop_column("enrolment_token_hash")
        batch_op.drop_column("totp_last_step")
