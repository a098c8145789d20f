"""The gifted-education morning job: what became due at a school — an enrolment's (quarterly)
review, a "look again" date of an observation, a guidance period's check-in — becomes one
notification in the outbox, once per item and due date (ids and codes only)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import procrastinate
from sqlalchemy import func
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import school_today
from zorgroute.core.outbox import emit_once
from zorgroute.gifted.models import (
    GuidanceCheckin,
    GuidancePeriod,
    OfferingEnrolment,
    SkillObservation,
)
from zorgroute.organisations.jobs import defer_per_school, run_for_school, system_principal

QUEUE = "gifted"
DUE_TOPIC = "gifted.follow_up_due"
FLAG_DUE = "gifted:flag_due"


def _item(kind: str, record_id: uuid.UUID, student_id: uuid.UUID, due: date) -> dict[str, Any]:
    return {
        "key": f"{kind}:{record_id}:{due.isoformat()}",
        "kind": kind,
        "id": str(record_id),
        "student_id": str(student_id),
        "due_on": due.isoformat(),
    }


async def due_items(uow: UnitOfWork, school_id: uuid.UUID, today: date) -> list[dict[str, Any]]:
    """Everything of gifted education due at a school (on or before today)."""
    items: list[dict[str, Any]] = []
    for e in await uow.scalars(
        select(OfferingEnrolment).where(
            OfferingEnrolment.school_id == school_id,
            OfferingEnrolment.status == "active",
            col(OfferingEnrolment.next_review_on) <= today,
        )
    ):
        items.append(_item("enrolment_review", e.id, e.student_id, e.next_review_on))
    for o in await uow.scalars(
        select(SkillObservation).where(
            SkillObservation.school_id == school_id,
            SkillObservation.recommendation == "challenge_in_class",
            col(SkillObservation.follow_up_done_at).is_(None),
            col(SkillObservation.review_on) <= today,
        )
    ):
        assert o.review_on is not None
        items.append(_item("observation_review", o.id, o.student_id, o.review_on))
    last = (
        select(GuidanceCheckin.period_id, func.max(GuidanceCheckin.held_on).label("held_on"))
        .group_by(col(GuidanceCheckin.period_id))
        .subquery()
    )
    for p, held_on in await uow.rows(
        select(GuidancePeriod, last.c.held_on)
        .outerjoin(last, last.c.period_id == GuidancePeriod.id)
        .where(GuidancePeriod.school_id == school_id, GuidancePeriod.status == "open")
    ):
        due = (held_on or p.starts_on) + timedelta(weeks=p.checkin_every_weeks)
        if due <= today:
            items.append(_item("guidance_checkin", p.id, p.student_id, due))
    return items


async def flag_due(uow: UnitOfWork, school_id: uuid.UUID, today: date) -> int:
    new = await emit_once(uow, school_id, DUE_TOPIC, await due_items(uow, school_id, today))
    if new:
        uow.audit("gifted.follow_ups.flagged", "school", school_id, school_id, {"items": new})
    return new


async def flag_due_job(context: procrastinate.JobContext, school_id: str) -> int:
    actor = system_principal(
        uuid.UUID(school_id), "system:gifted-follow-up", "Termijnbewaking begaafdheid",
        "gifted_follow_up",
    )  # fmt: skip
    return await run_for_school(
        context, school_id, actor, lambda uow, sid: flag_due(uow, sid, school_today())
    )


async def schedule_flag_due(context: procrastinate.JobContext, timestamp: int) -> int:
    return await defer_per_school(context, FLAG_DUE)


def blueprint() -> procrastinate.Blueprint:
    bp = procrastinate.Blueprint()
    bp.task(name="flag_due", queue=QUEUE, pass_context=True, retry=3)(flag_due_job)
    bp.periodic(cron="10 6 * * *", periodic_id="morning")(
        bp.task(name="schedule_flag_due", queue=QUEUE, pass_context=True)(schedule_flag_due)
    )
    return bp
