"""Background jobs of case routing: every morning, flag what became overdue (action items,
case evaluations, intervention evaluations, SWV arrangements past the 8-week norm) and write
one notification per item to the outbox, once — a rerun on the same day writes nothing new."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import procrastinate
from sqlmodel import col, select

from zorgroute.cases.board import SWV_NORM
from zorgroute.cases.models import ActionItem, CareCase, Intervention, SwvRequest
from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import school_today
from zorgroute.core.outbox import emit_once
from zorgroute.core.security.principal import Principal
from zorgroute.organisations.jobs import defer_per_school, run_for_school, system_principal

QUEUE = "cases"
OVERDUE_TOPIC = "cases.deadline_overdue"
FLAG_OVERDUE = "cases:flag_overdue"


def jobs_principal(school_id: uuid.UUID) -> Principal:
    return system_principal(
        school_id, "system:care-deadlines", "Termijnbewaking zorg", "care_deadlines"
    )


async def overdue_items(uow: UnitOfWork, school_id: uuid.UUID, today: date) -> list[dict[str, Any]]:
    """Everything overdue at a school, as notification payloads (ids and codes only)."""
    items: list[dict[str, Any]] = []
    for a in await uow.scalars(
        select(ActionItem).where(
            ActionItem.school_id == school_id,
            ActionItem.status == "open",
            col(ActionItem.due_on) < today,
        )
    ):
        items.append(
            {
                "kind": "action_item",
                "id": str(a.id),
                "case_id": str(a.case_id),
                "due_on": a.due_on.isoformat(),
                "owner_user_id": str(a.owner_user_id) if a.owner_user_id else None,
            }
        )
    for c in await uow.scalars(
        select(CareCase).where(
            CareCase.school_id == school_id,
            col(CareCase.closed_at).is_(None),
            col(CareCase.evaluation_on) < today,
        )
    ):
        assert c.evaluation_on is not None
        items.append(
            {
                "kind": "case_evaluation",
                "id": str(c.id),
                "case_id": str(c.id),
                "due_on": c.evaluation_on.isoformat(),
            }
        )
    for i in await uow.scalars(
        select(Intervention).where(
            Intervention.school_id == school_id,
            Intervention.status != "ended",
            col(Intervention.evaluation_on) < today,
        )
    ):
        assert i.evaluation_on is not None
        items.append(
            {
                "kind": "intervention_evaluation",
                "id": str(i.id),
                "case_id": str(i.case_id),
                "due_on": i.evaluation_on.isoformat(),
            }
        )
    for r in await uow.scalars(
        select(SwvRequest).where(
            SwvRequest.school_id == school_id,
            col(SwvRequest.decision).in_(("pending", "granted")),
            col(SwvRequest.starts_on).is_(None),
            col(SwvRequest.requested_on) < today - SWV_NORM,
        )
    ):
        items.append(
            {
                "kind": "swv_start",
                "id": str(r.id),
                "case_id": str(r.case_id),
                "due_on": (r.requested_on + SWV_NORM).isoformat(),
            }
        )
    return items  # fmt: skip


async def flag_overdue(uow: UnitOfWork, school_id: uuid.UUID, today: date) -> int:
    """Notify each overdue item once per due date (a moved due date notifies again)."""
    items = [
        {"key": f"{i['kind']}:{i['id']}:{i['due_on']}", **i}
        for i in await overdue_items(uow, school_id, today)
    ]
    new = await emit_once(uow, school_id, OVERDUE_TOPIC, items)
    if new:
        uow.audit("case.deadlines.flagged", "school", school_id, school_id, {"items": new})
    return new


async def flag_overdue_job(context: procrastinate.JobContext, school_id: str) -> int:
    actor = jobs_principal(uuid.UUID(school_id))
    return await run_for_school(
        context, school_id, actor, lambda uow, sid: flag_overdue(uow, sid, school_today())
    )


async def schedule_flag_overdue(context: procrastinate.JobContext, timestamp: int) -> int:
    """Every morning: one job per school."""
    return await defer_per_school(context, FLAG_OVERDUE)


def blueprint() -> procrastinate.Blueprint:
    bp = procrastinate.Blueprint()
    bp.task(name="flag_overdue", queue=QUEUE, pass_context=True, retry=3)(flag_overdue_job)
    bp.periodic(cron="0 6 * * *", periodic_id="morning")(
        bp.task(name="schedule_flag_overdue", queue=QUEUE, pass_context=True)(schedule_flag_overdue)
    )
    return bp
