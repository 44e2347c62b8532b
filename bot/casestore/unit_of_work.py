"""One transaction per unit of work: commit explicitly, roll back on anything else."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy.engine import Connection, Engine, Transaction

from bot.casestore.repository import CaseRepository


class UnitOfWork:
    """A transaction on the case store's engine, with the repository on its connection."""

    cases: CaseRepository

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None
        self._transaction: Transaction | None = None

    def __enter__(self) -> UnitOfWork:
        self._connection = self._engine.connect()
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
