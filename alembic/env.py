"""Alembic environment: the URL and metadata come from the application, not from alembic.ini."""

from __future__ import annotations

from alembic import context

from bot.casestore.engine import make_engine
from bot.casestore.tables import metadata

url = context.config.get_main_option("sqlalchemy.url")
if url is None:
    raise RuntimeError("alembic: no database URL; run 'python -m bot db upgrade'")
connectable = context.config.attributes.get("connection") or make_engine(url)

if hasattr(connectable, "connect"):
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
else:
    context.configure(connection=connectable, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
