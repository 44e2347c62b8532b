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
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration copies a table and drops the old one, which other tables' rows
            # point at; the keys are checked again once the copy is in place.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
            if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise RuntimeError("alembic: the migration left rows pointing at nothing")
        connection.commit()
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
else:
    context.configure(connection=connectable, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
