"""What is due in the HGW cycle: OPPs (six weeks after extra support starts, then yearly),
midterm reviews of long plans and plan evaluations at the end of their period."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Literal

from sqlalchemy import false, func
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.policies import LEAD, READ, school_staff_roles
from zorgroute.plans.group_plans import midterm_required
from zorgroute.plans.models import DevelopmentPerspective, DevelopmentPerspectiveVersion, GroupPlan
from zorgroute.plans.perspective import SOON, due
from zorgroute.plans.schemas import DeadlineItem
from zorgroute.roster.models import Group, PersonName, Student, TeachingAssignment
from zorgroute.roster.policies import mentored_students


async def for_school(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> list[DeadlineItem]:
    school_roles = school_staff_roles(principal, school_id)
    today = utcnow().date()
    staff_id = principal.staff_member_ids.get(school_id)
    wide = bool(school_roles & READ)
    items: list[DeadlineItem] = []

    latest = (
        select(
            DevelopmentPerspectiveVersion.perspective_id,
            func.max(DevelopmentPerspectiveVersion.determined_on).label("last"),
        )
        .group_by(col(DevelopmentPerspectiveVersion.perspective_id))
        .subquery()
    )
    opp_stmt = (
        select(DevelopmentPerspective, Student, latest.c.last)
        .join(Student, col(Student.id) == DevelopmentPerspective.student_id)
        .outerjoin(latest, latest.c.perspective_id == DevelopmentPerspective.id)
        .where(
            DevelopmentPerspective.school_id == school_id,
            col(DevelopmentPerspective.ended_on).is_(None),
        )
    )
    if not wide:
        if staff_id is None or "mentor" not in school_roles:
            opp_stmt = opp_stmt.where(col(Student.id).is_(None))
        else:
            opp_stmt = opp_stmt.where(col(Student.id).in_(mentored_students(staff_id)))
    for opp, student, last in await uow.rows(opp_stmt):
        due_on, state = due(opp, last, today)
        if due_on is None or state == "current":
            continue
        items.append(
            DeadlineItem(
                kind="opp_due" if last is None else "opp_evaluation_due",
                due_on=due_on,
                overdue=due_on < today,
                student_id=student.id,
                student_name=PersonName.display(
                    student.preferred_name or student.given_name, student.infix, student.family_name
                ),
                group_id=None,
                group_name=None,
                ref_id=opp.id,
            )
        )

    plan_stmt = (
        select(GroupPlan, Group)
        .join(Group, col(Group.id) == GroupPlan.group_id)
        .where(
            GroupPlan.school_id == school_id,
            col(GroupPlan.status).in_(("active", "midterm_reviewed")),
        )
    )
    if not school_roles & LEAD:
        led = select(TeachingAssignment.group_id).where(
            TeachingAssignment.staff_member_id == staff_id, TeachingAssignment.role == "mentor"
        )
        plan_stmt = plan_stmt.where(col(GroupPlan.group_id).in_(led) if staff_id else false())
    for plan, group in await uow.rows(plan_stmt):
        if plan.status == "active" and midterm_required(plan):
            midpoint = plan.starts_on + (plan.ends_on - plan.starts_on) / 2
            if midpoint - today <= SOON:
                items.append(_plan_item("plan_midterm_review", midpoint, today, plan, group))
        if plan.ends_on - today <= timedelta(days=14):
            items.append(_plan_item("plan_evaluation", plan.ends_on, today, plan, group))
    student_ids = {i.student_id for i in items if i.student_id}
    for student_id in student_ids:
        uow.audit("deadline.read", "student", student_id, school_id, student_id=student_id)
    return sorted(items, key=lambda i: (not i.overdue, i.due_on))


def _plan_item(
    kind: Literal["plan_midterm_review", "plan_evaluation"],
    due_on: date,
    today: date,
    plan: GroupPlan,
    group: Group,
) -> DeadlineItem:
    return DeadlineItem(
        kind=kind,
        due_on=due_on,
        overdue=due_on < today,
        student_id=None,
        student_name=None,
        group_id=group.id,
        group_name=group.name,
        ref_id=plan.id,
    )
