"""One transaction per unit of work: commit explicitly, roll back on anything else.

The one way this code opens a transaction, on the case store and on every other database it
writes (the outbox, staff accounts, call drafts, personal data, Rasa's tracker store, the
channels' shared marks): `with UnitOfWork(engine) as uow: ...; uow.commit()`. The case store's
records are read and written through `uow.cases`; a store with tables of its own uses
`uow.connection`. Reads need no commit; a dry run simply does not commit.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy.engine import Connection, Engine, Transaction

from bot.casestore.repository import CaseRepository


class UnitOfWork:
    """A transaction on an engine, with the case store's repository on its connection."""

    connection: Connection
    cases: CaseRepository

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None
        self._transaction: Transaction | None = None

    def __enter__(self) -> UnitOfWork:
        self._connection = self.connection = self._engine.connect()
        self._transaction = self._connection.begin()
        self.cases = CaseRepository(self._connection)
        return self

    def commit(self) -> None:
        assert self._transaction is not None, "commit outside a unit of work"
        self._transaction.commit()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._transaction is not None and self._transaction.is_active:
            self._transaction.rollback()
        if self._connection is not None:
            self._connection.close()
        self._connection = self._transaction = None


# What CaseStore opens a unit of work with: this class on an engine, or a fake in service tests.
UnitOfWorkFactory = Callable[[], UnitOfWork]
