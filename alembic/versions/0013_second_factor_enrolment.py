"""the console's second factor: each code is good once (the last time step used), and the
enrolment page's one-time link; the emails and phone numbers in contact details and contacts'
words, normalised, for finding a person in SQL

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-05 01:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

from bot.casestore.domain import factor_words

# (table, the column searched, the column it is read from)
SEARCHED = (
    ("contacts", "text_factors", "text"),
    ("complaints", "contact_factors", "contact_details"),
    ("service_requests", "contact_factors", "contact_details"),
)

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
    connection = op.get_bind()
    for table, searched, source in SEARCHED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(searched, sa.Text(), nullable=False, server_default=""))
        rows = sa.table(table, sa.column("id"), sa.column(source), sa.column(searched))
        for row_id, text in connection.execute(sa.select(rows.c.id, rows.c[source])).all():
            found = factor_words(text or "")
            if found:
                connection.execute(
                    sa.update(rows).where(rows.c.id == row_id).values({searched: found})
                )


def downgrade() -> None:
    for table, searched, _ in SEARCHED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(searched)
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_staff_users_enrolment_token_hash"), type_="unique")
        batch_op.drop_column("enrolment_expires_at")
        batch_op.drop_column("enrolment_token_hash")
        batch_op.drop_column("totp_last_step")
