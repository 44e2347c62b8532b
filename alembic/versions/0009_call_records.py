"""service requests as full records; a postal address for letters; call drafts in the console

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-04 19:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

REQUEST_COLUMNS = (
    ("description", sa.Text()),
    ("property_address", sa.Text()),
    ("contact_name", sa.String(length=200)),
    ("contact_details", sa.String(length=300)),
    ("contact_preference", sa.String(length=40)),
    ("postal_address", sa.Text()),
    ("access_times", sa.Text()),
    ("job_number", sa.String(length=80)),
)


def upgrade() -> None:
    with op.batch_alter_table("service_requests", schema=None) as batch_op:
        for name, kind in REQUEST_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=False, server_default=""))
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.add_column(sa.Column("postal_address", sa.Text(), nullable=True))
    op.create_table(
        "call_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("staff", sa.String(length=80), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_call_drafts_contact_id_contacts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_drafts")),
        sa.UniqueConstraint("contact_id", "staff", name="uq_call_drafts_contact_id_staff"),
    )
    with op.batch_alter_table("call_drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_drafts_contact_id"), ["contact_id"])


def downgrade() -> None:
    with op.batch_alter_table("call_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_drafts_contact_id"))
    op.drop_table("call_drafts")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_column("postal_address")
    with op.batch_alter_table("service_requests", schema=None) as batch_op:
        for name, _kind in reversed(REQUEST_COLUMNS):
            batch_op.drop_column(name)
