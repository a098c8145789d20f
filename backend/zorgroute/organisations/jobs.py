"""Per-school background jobs: one unit of work per school, under that school's row-level
security context, committed or rolled back as a whole; and the morning fan-out that defers one
job per school (one school's failure stays its own)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

import procrastinate
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.organisations.models import School

SchoolWork = Callable[[UnitOfWork, uuid.UUID], Awaitable[int]]


def sessionmaker_of(context: procrastinate.JobContext) -> async_sessionmaker[AsyncSession]:
    sessionmaker: async_sessionmaker[AsyncSession] = context.additional_context["sessionmaker"]
    return sessionmaker


def system_principal(school_id: uuid.UUID, audit_id: str, name: str, role: str) -> Principal:
    return Principal(
        kind="system", audit_id=audit_id, display_name=name, roles={school_id: frozenset({role})}
    )


async def run_for_school(
    context: procrastinate.JobContext, school_id: str, actor: Principal, work: SchoolWork
) -> int:
    sid = uuid.UUID(school_id)
    async with sessionmaker_of(context)() as session:
        uow = UnitOfWork(session, request_id=f"job-{context.job.id if context.job else ''}")
        uow.actor = actor
        try:
            await uow.set_school_context([sid])
            count = await work(uow, sid)
        except BaseException:
            await uow.rollback()
            raise
        await uow.commit()
    return count


async def defer_per_school(context: procrastinate.JobContext, task_name: str) -> int:
    async with sessionmaker_of(context)() as session:
        uow = UnitOfWork(session)
        school_ids = await uow.scalars(select(School.id))
        await uow.rollback()
    task = context.app.configure_task(task_name) if context.app else None
    if task is None:
        return 0
    for school_id in school_ids:
        await task.defer_async(school_id=str(school_id))
    return len(school_ids)
