"""Engine, the tenant-aware session and the request's unit of work."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy import event, insert, text
from sqlalchemy.engine import Connection, Result
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.ext.asyncio import AsyncSession as SAAsyncSession
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.sql import Executable
from sqlmodel import Session as SQLModelSession
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from zorgroute.audit.models import AuditEvent, audit_rows

T = TypeVar("T")


class TenantSession(SQLModelSession):
    """Our own Session class: the after_begin hook below must not touch other sessions."""


def _school_ids_literal(ids: Iterable[uuid.UUID]) -> str:
    return "{" + ",".join(str(i) for i in ids) + "}"


@event.listens_for(TenantSession, "after_begin")
def _set_tenant_context(
    session: Session, transaction: SessionTransaction, connection: Connection
) -> None:
    # Transaction-local: a pooled connection never carries another request's schools.
    ids = session.info.get("school_ids")
    if ids is not None:
        connection.execute(
            text("select set_config('app.school_ids', :ids, true)"),
            {"ids": _school_ids_literal(ids)},
        )


def create_engine(url: str, pool_size: int = 10) -> AsyncEngine:
    # hide_parameters: SQL errors and logs must never carry pupils' names or other values.
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        hide_parameters=True,
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(
        engine, class_=AsyncSession, expire_on_commit=False, sync_session_class=TenantSession
    )


@dataclass
class PendingAudit:
    action: str
    target_type: str
    target_ids: Sequence[uuid.UUID | None]
    school_id: uuid.UUID | None
    details: dict[str, Any] | None
    student_id: uuid.UUID | None = None  # whom a non-student target is about
    purpose: str | None = None


@dataclass
class UnitOfWork:
    """One database transaction per request (or job).

    Every awaitable session call goes through one lock: GraphQL resolves sibling fields
    concurrently and an AsyncSession must never be used by two coroutines at once.
    Audit events are collected here and inserted in the same transaction, just before commit.
    """

    session: AsyncSession
    request_id: str | None = None
    actor: Any = None  # the Principal, once resolved
    rollback_only: bool = False
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _added: list[Any] = field(default_factory=list)
    _audit: list[PendingAudit] = field(default_factory=list)

    # -- tenant context ------------------------------------------------------------------
    async def set_school_context(self, school_ids: Iterable[uuid.UUID]) -> None:
        ids = sorted(set(school_ids))
        self.session.info["school_ids"] = ids
        # The hook covers later transactions; this covers the one already running.
        await self.execute(
            text("select set_config('app.school_ids', :ids, true)"),
            {"ids": _school_ids_literal(ids)},
        )

    # -- locked session access -----------------------------------------------------------
    async def execute(self, stmt: Executable, params: Any = None) -> Result[Any]:
        async with self._locked():
            # SQLAlchemy's execute (sqlmodel deprecates it in favour of exec, which is for selects).
            return await SAAsyncSession.execute(self.session, stmt, params)

    async def rows(self, stmt: Executable) -> list[tuple[Any, ...]]:
        """All result rows of a multi-column select, as plain tuples."""
        return [tuple(r) for r in (await self.execute(stmt)).all()]

    async def scalars(self, stmt: SelectOfScalar[T]) -> list[T]:
        async with self._locked():
            return list((await self.session.exec(stmt)).all())

    async def first(self, stmt: SelectOfScalar[T]) -> T | None:
        async with self._locked():
            return (await self.session.exec(stmt)).first()

    async def scalar(self, stmt: Executable) -> Any:
        async with self._locked():
            return await self.session.scalar(stmt)

    def add(self, obj: Any) -> None:
        # Handed to the session under the lock: adding while another coroutine flushes is not
        # supported by SQLAlchemy.
        self._added.append(obj)

    def add_all(self, objs: Iterable[Any]) -> None:
        self._added.extend(objs)

    @contextlib.asynccontextmanager
    async def _locked(self) -> AsyncIterator[AsyncSession]:
        async with self._lock:
            if self._added:
                self.session.add_all(self._added)
                self._added.clear()
            yield self.session

    async def delete(self, obj: Any) -> None:
        async with self._locked() as session:
            await session.delete(obj)

    async def flush(self) -> None:
        async with self._locked():
            await self.session.flush()

    # -- audit ---------------------------------------------------------------------------
    def audit(
        self,
        action: str,
        target_type: str,
        target_id: uuid.UUID | None,
        school_id: uuid.UUID | None,
        details: dict[str, Any] | None = None,
        *,
        student_id: uuid.UUID | None = None,
        purpose: str | None = None,
    ) -> None:
        self._audit.append(
            PendingAudit(action, target_type, [target_id], school_id, details, student_id, purpose)
        )

    def audit_many(
        self,
        action: str,
        target_type: str,
        target_ids: Sequence[uuid.UUID],
        school_id: uuid.UUID | None,
        details: dict[str, Any] | None = None,
        *,
        student_id: uuid.UUID | None = None,
        purpose: str | None = None,
    ) -> None:
        if target_ids:
            self._audit.append(
                PendingAudit(
                    action, target_type, target_ids, school_id, details, student_id, purpose
                )
            )

    # -- end of the unit -----------------------------------------------------------------
    async def commit(self) -> None:
        async with self._locked():
            await self.session.flush()
            rows = audit_rows(self._audit, self.actor, self.request_id)
            for chunk in _chunks(rows, 2000):
                await SAAsyncSession.execute(self.session, insert(AuditEvent), chunk)
            self._audit.clear()
            await self.session.commit()

    async def rollback(self) -> None:
        async with self._lock:
            self._added.clear()
            self._audit.clear()
            await self.session.rollback()


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


async def get_uow(request: Request) -> AsyncIterator[UnitOfWork]:
    """FastAPI dependency. Declare it with scope="function" so the commit precedes the response."""
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session:
        uow = UnitOfWork(session, request_id=getattr(request.state, "request_id", None))
        request.state.uow = uow
        try:
            yield uow
        except BaseException:
            await uow.rollback()
            raise
        if uow.rollback_only:
            await uow.rollback()
        else:
            await uow.commit()
