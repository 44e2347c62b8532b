"""webhook replay protection and message rate limits shared by every process; the console's
second factor and sign-in tries per client address

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-04 22:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("totp_secret", sa.String(length=32), nullable=True))
    with op.batch_alter_table("staff_sign_in_failures", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("address", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_staff_sign_in_failures_address"), ["address"])
    op.create_table(
        "seen_webhook_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seen_webhook_events")),
        sa.UniqueConstraint("event", name=op.f("uq_seen_webhook_events_event")),
    )
    with op.batch_alter_table("seen_webhook_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seen_webhook_events_expires_at"), ["expires_at"])
    op.create_table(
        "recent_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=64), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recent_messages")),
    )
    with op.batch_alter_table("recent_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recent_messages_sender"), ["sender"])
        batch_op.create_index(batch_op.f("ix_recent_messages_at"), ["at"])


def downgrade() -> None:
    with op.batch_alter_table("recent_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recent_messages_at"))
        batch_op.drop_index(batch_op.f("ix_recent_messages_sender"))
    op.drop_table("recent_messages")
    with op.batch_alter_table("seen_webhook_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seen_webhook_events_expires_at"))
    op.drop_table("seen_webhook_events")
    with op.batch_alter_table("staff_sign_in_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_sign_in_failures_address"))
        batch_op.drop_column("address")
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_column("totp_secret")
