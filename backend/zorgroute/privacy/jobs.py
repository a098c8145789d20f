"""Background jobs of the privacy domain (procrastinate, on the same PostgreSQL).

Each job opens its own unit of work with the school context from its payload; the worker hands
the sessionmaker in through procrastinate's `additional_context` (see zorgroute/worker.py).
"""

from __future__ import annotations

import uuid
from typing import Any

import procrastinate
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.core.db import UnitOfWork
from zorgroute.organisations.models import School
from zorgroute.privacy.retention import apply_retention, retention_principal

QUEUE = "privacy"
APPLY_RETENTION = "privacy:apply_retention"


def _sessionmaker(context: procrastinate.JobContext) -> async_sessionmaker[AsyncSession]:
    sessionmaker: async_sessionmaker[AsyncSession] = context.additional_context["sessionmaker"]
    return sessionmaker


async def apply_retention_job(context: procrastinate.JobContext, school_id: str) -> dict[str, Any]:
    """Apply the retention terms of one school, in one transaction (audited, all or nothing)."""
    sid = uuid.UUID(school_id)
    async with _sessionmaker(context)() as session:
        uow = UnitOfWork(session, request_id=f"job-{context.job.id if context.job else ''}")
        uow.actor = retention_principal(sid)
        try:
            await uow.set_school_context([sid])
            report = await apply_retention(uow, sid)
        except BaseException:
            await uow.rollback()
            raise
        await uow.commit()
    return {"students_left": report.students_left, "deleted": report.deleted}


async def schedule_retention(context: procrastinate.JobContext, timestamp: int) -> int:
    """Every night: one apply_retention job per school (one school's failure stays its own)."""
    async with _sessionmaker(context)() as session:
        uow = UnitOfWork(session)
        school_ids = await uow.scalars(select(School.id))  # school is not a tenant table
        await uow.rollback()
    task = context.app.configure_task(APPLY_RETENTION) if context.app else None
    if task is None:
        return 0
    for school_id in school_ids:
        await task.defer_async(school_id=str(school_id))
    return len(school_ids)


def blueprint() -> procrastinate.Blueprint:
    """The domain's tasks, registered on a fresh blueprint: adding a blueprint to an App
    renames its tasks in place, so every App gets its own."""
    bp = procrastinate.Blueprint()
    bp.task(name="apply_retention", queue=QUEUE, pass_context=True, retry=3)(apply_retention_job)
    bp.periodic(cron="30 2 * * *", periodic_id="nightly")(
        bp.task(name="schedule_retention", queue=QUEUE, pass_context=True)(schedule_retention)
    )
    return bp
