"""Enrolments (deelname): goals, reviews, the plan for the regular class, stamschool
agreements and the exit (gifted-education.md §1.11-1.12, §4.3.5).

IMAGE (004:120-151): monitor whether the specific goals are reached, let a student stop when
they are, and never run an offering outside the class without a plan for the regular class (a
"part-time solution for a full-time problem"). A placement outside the home school also needs
the stamschool agreements (001:895-920).

An enrolment lives at the student's school and names the offering's school: both see it
(row-level security); those who work with the student and those who run the offering act on it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import col, select

from zorgroute.cases.reads import student_name
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import (
    Conflict,
    Forbidden,
    NotFound,
    invalid,
    require_version,
)
from zorgroute.core.models import new_id, school_today, utcnow
from zorgroute.core.outbox import emit
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.admissions import load_application, step, student_side
from zorgroute.gifted.models import (
    ENROLMENT_STATUSES,
    Application,
    EnrolmentReview,
    Offering,
    OfferingEnrolment,
)
from zorgroute.gifted.offerings import (
    acting_school,
    is_placement,
    load_offering,
    offering_reads,
    school_staff,
    validation_problem,
)
from zorgroute.gifted.policies import WORK, GiftedAccess, runs_offering
from zorgroute.gifted.schemas import (
    EnrolmentCreate,
    EnrolmentGoal,
    EnrolmentGoalIn,
    EnrolmentRead,
    EnrolmentUpdate,
    ExitIn,
    InClassPlan,
    ReviewIn,
    ReviewRead,
    StamschoolAgreements,
)
from zorgroute.plans.models import IndividualPlan
from zorgroute.roster.models import Student

ENROLMENT_NOT_FOUND = "There is no enrolment with this id that you may see."
ENDED_TOPIC = "gifted.enrolment_ended"
PLAN_FIELDS = ("regular_teacher_staff_id", "class_adjustments", "alignment",
               "individual_plan_id", "agreements")  # fmt: skip


@dataclass(frozen=True)
class Seen:
    """An enrolment and how the caller relates to it."""

    enrolment: OfferingEnrolment
    offering: Offering
    student: GiftedAccess | None  # a reader of the student, at the student's school
    runs: bool  # runs the offering: committee, HB staff, leadership of its school

    def require_write(self) -> None:
        if not (self.runs or (self.student is not None and self.student.writes())):
            raise Forbidden("Those who work with the student or run the offering change it.")


async def _load(
    uow: UnitOfWork, principal: Principal, enrolment_id: uuid.UUID, *, lock: bool = False
) -> Seen:
    stmt = select(OfferingEnrolment).where(OfferingEnrolment.id == enrolment_id)
    enrolment = await uow.first(stmt.with_for_update() if lock else stmt)
    if enrolment is None:
        raise NotFound(ENROLMENT_NOT_FOUND)
    offering = await uow.first(select(Offering).where(Offering.id == enrolment.offering_id))
    student = await student_side(uow, principal, enrolment.school_id, enrolment.student_id)
    runs = offering is not None and runs_offering(principal, offering)
    if offering is None or (student is None and not runs):
        raise NotFound(ENROLMENT_NOT_FOUND)
    return Seen(enrolment, offering, student, runs)


def _touch(e: OfferingEnrolment) -> None:
    e.version += 1
    e.updated_at = utcnow()


def _audit(
    uow: UnitOfWork, principal: Principal, e: OfferingEnrolment, action: str, **codes: Any
) -> None:
    uow.audit(
        f"gifted.enrolment.{action}", "offering_enrolment", e.id, acting_school(principal, e),
        {"status": e.status, **codes}, student_id=e.student_id,
    )  # fmt: skip


def _weeks(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


# -- reads ---------------------------------------------------------------------------------
async def enrolment_reads(
    uow: UnitOfWork, principal: Principal, rows: list[OfferingEnrolment]
) -> list[EnrolmentRead]:
    """Read models of enrolments the caller may see (checked by the caller of this), in a
    fixed number of statements."""
    if not rows:
        return []
    offerings = await uow.scalars(
        select(Offering).where(col(Offering.id).in_({e.offering_id for e in rows}))
    )
    offering_read = {o.id: o for o in await offering_reads(uow, offerings)}
    reviews: dict[uuid.UUID, list[ReviewRead]] = {e.id: [] for e in rows}
    for r in await uow.scalars(
        select(EnrolmentReview)
        .where(col(EnrolmentReview.enrolment_id).in_(list(reviews)))
        .order_by(col(EnrolmentReview.reviewed_on).desc(), col(EnrolmentReview.created_at).desc())
    ):
        reviews[r.enrolment_id].append(_review_read(r))
    names = await _student_names(uow, rows)
    today = school_today()
    return [
        _read(principal, e, offering_read[e.offering_id], reviews[e.id], names.get(e.id, ""), today)
        for e in rows
    ]


async def _student_names(uow: UnitOfWork, rows: list[OfferingEnrolment]) -> dict[uuid.UUID, str]:
    """The student's name from the roster where the caller's schools can read it, else (the
    offering's school reading another school's student) from the application's snapshot."""
    students = {
        s.id: student_name(s)
        for s in await uow.scalars(
            select(Student).where(col(Student.id).in_({e.student_id for e in rows}))
        )
    }
    app_ids = [e.application_id for e in rows if e.application_id and e.student_id not in students]
    snapshots: dict[Any, Any] = {}
    if app_ids:
        snapshots = dict(
            await uow.rows(
                select(Application.id, Application.snapshot).where(col(Application.id).in_(app_ids))
            )
        )
    return {
        e.id: students.get(e.student_id)
        or (snapshots.get(e.application_id) or {}).get("student_name", "")
        for e in rows
    }


def _review_read(r: EnrolmentReview) -> ReviewRead:
    return ReviewRead(
        id=r.id,
        reviewed_on=r.reviewed_on,
        goal_progress=[{k: str(v) for k, v in p.items()} for p in r.goal_progress],
        with_student=r.with_student,
        with_parents=r.with_parents,
        class_alignment=r.class_alignment,
        notes=r.notes,
        decision=r.decision,
        next_review_on=r.next_review_on,
        reviewed_by_name=r.reviewed_by_name,
    )


def _read(
    principal: Principal,
    e: OfferingEnrolment,
    offering: Any,
    reviews: list[ReviewRead],
    student_name: str,
    today: date,
) -> EnrolmentRead:
    # After a review that decided to stop, no next review is due: the exit is.
    stopping = bool(reviews) and reviews[0].decision == "stop"
    next_review = e.next_review_on if e.status == "active" and not stopping else None
    return EnrolmentRead(
        id=e.id,
        school_id=e.school_id,
        student_id=e.student_id if e.school_id in principal.roles else None,
        student_name=student_name,
        offering=offering,
        application_id=e.application_id,
        status=e.status,
        starts_on=e.starts_on,
        goals=[
            EnrolmentGoal(
                id=g["id"],
                text=g["text"],
                cognitive=bool(g.get("cognitive")),
                status=g.get("status", "open"),
            )
            for g in e.goals
        ],
        review_every_weeks=e.review_every_weeks,
        next_review_on=next_review,
        review_overdue=next_review is not None and next_review < today,
        in_class_plan=InClassPlan(
            regular_teacher_staff_id=e.regular_teacher_staff_id,
            regular_teacher_name=e.regular_teacher_name,
            class_adjustments=e.class_adjustments,
            alignment=e.alignment,
            individual_plan_id=e.individual_plan_id,
            complete=bool(
                e.regular_teacher_staff_id and e.class_adjustments.strip() and e.alignment.strip()
            ),
        ),
        agreements=StamschoolAgreements.model_validate(e.agreements) if e.agreements else None,
        reviews=reviews,
        ended_on=e.ended_on,
        exit_reason=e.exit_reason,
        exit_note=e.exit_note,
        version=e.version,
    )


async def _read_one(uow: UnitOfWork, principal: Principal, e: OfferingEnrolment) -> EnrolmentRead:
    return (await enrolment_reads(uow, principal, [e]))[0]


async def get_enrolment(
    uow: UnitOfWork, principal: Principal, enrolment_id: uuid.UUID
) -> EnrolmentRead:
    seen = await _load(uow, principal, enrolment_id)
    _audit(uow, principal, seen.enrolment, "read")
    return await _read_one(uow, principal, seen.enrolment)


async def for_offering(
    uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID, status: str | None
) -> list[EnrolmentRead]:
    if status is not None and status not in ENROLMENT_STATUSES:
        raise invalid("/status", f"One of: {', '.join(ENROLMENT_STATUSES)}")
    offering = await load_offering(uow, principal, offering_id)
    if not runs_offering(principal, offering):
        raise Forbidden("The committee and the HB staff of the offering's school see its students.")
    stmt = select(OfferingEnrolment).where(OfferingEnrolment.offering_id == offering_id)
    if status is not None:
        stmt = stmt.where(OfferingEnrolment.status == status)
    rows = await uow.scalars(
        stmt.order_by(col(OfferingEnrolment.status), col(OfferingEnrolment.starts_on).desc())
    )
    for e in rows:
        _audit(uow, principal, e, "read", via="offering")
    return await enrolment_reads(uow, principal, rows)


# -- the plan for the regular class --------------------------------------------------------
async def _check_plan(
    uow: UnitOfWork, e: OfferingEnrolment, offering: Offering, plan: dict[str, Any]
) -> str:
    """Every rule of the in-class plan and the agreements at once; returns the regular
    teacher's name. Outside the own class the plan is required (IMAGE, 004:144-151)."""
    errors: list[tuple[str, str]] = []
    teacher = plan["regular_teacher_staff_id"]
    names = await school_staff(uow, e.school_id, [teacher])
    if teacher is not None and teacher not in names:
        errors.append(
            ("/regular_teacher_staff_id", "The regular teacher is staff of the student's school.")
        )
    plan_id = plan["individual_plan_id"]
    if plan_id is not None and not await uow.first(
        select(IndividualPlan.id).where(
            IndividualPlan.id == plan_id, IndividualPlan.student_id == e.student_id
        )
    ):
        errors.append(("/individual_plan_id", "Not an individual plan of this student."))
    if offering.setting != "own_class":
        if teacher is None:
            errors.append(
                ("/regular_teacher_staff_id", "Name the teacher of the student's regular class.")
            )
        if not (plan["class_adjustments"] or "").strip():
            errors.append(("/class_adjustments", "Record what changes in the regular class."))
        if not (plan["alignment"] or "").strip():
            errors.append(("/alignment", "Record how the offering's work comes back in class."))
    if is_placement(offering) and plan["agreements"] is None:
        errors.append(("/agreements", "A placement needs the agreements with the stamschool."))
    if errors:
        raise validation_problem(errors)
    return names.get(teacher, "") if teacher is not None else ""


def _apply_plan(e: OfferingEnrolment, plan: dict[str, Any], teacher_name: str) -> None:
    e.regular_teacher_staff_id = plan["regular_teacher_staff_id"]
    e.regular_teacher_name = teacher_name
    e.class_adjustments = plan["class_adjustments"] or ""
    e.alignment = plan["alignment"] or ""
    e.individual_plan_id = plan["individual_plan_id"]
    agreements = plan["agreements"]
    e.agreements = agreements.model_dump(mode="json") if agreements is not None else None


def _goals(sent: list[EnrolmentGoalIn], current: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Goals keep their ids when the caller sends them; new goals get one."""
    known = {g["id"] for g in current}
    errors, seen, goals = [], set(), []
    for i, g in enumerate(sent):
        goal_id = str(g.id) if g.id is not None else str(new_id())
        if g.id is not None and (goal_id not in known or goal_id in seen):
            errors.append((f"/goals/{i}/id", "Not a goal of this enrolment (or sent twice)."))
        seen.add(goal_id)
        goals.append({"id": goal_id, "text": g.text, "cognitive": g.cognitive, "status": g.status})
    if errors:
        raise validation_problem(errors)
    return goals


# -- writes --------------------------------------------------------------------------------
async def enrol(uow: UnitOfWork, principal: Principal, data: EnrolmentCreate) -> EnrolmentRead:
    seen = await load_application(uow, principal, data.application_id, lock=True)
    app, offering = seen.application, seen.offering
    works = seen.student is not None and bool(principal.roles_at(app.school_id) & WORK)
    if not (works or seen.runs):
        raise Forbidden("Care and HB staff of the student's school or the offering's enrol.")
    step(app, "enrol")
    assert offering is not None  # an admitted application names its offering
    if await uow.first(
        select(OfferingEnrolment.id).where(OfferingEnrolment.application_id == app.id)
    ):
        raise Conflict("This application is enrolled already.")
    enrolment = OfferingEnrolment(
        school_id=app.school_id,
        student_id=app.student_id,
        offering_id=offering.id,
        offering_school_id=offering.school_id,
        application_id=app.id,
        starts_on=data.starts_on,
        # New goals: fresh ids, all open (what is achieved is for the reviews to say).
        goals=[
            {"id": str(new_id()), "text": g.text, "cognitive": g.cognitive, "status": "open"}
            for g in data.goals
        ],
        review_every_weeks=data.review_every_weeks,
        next_review_on=_weeks(data.starts_on, data.review_every_weeks),
    )
    plan = {name: getattr(data, name) for name in PLAN_FIELDS}
    _apply_plan(enrolment, plan, await _check_plan(uow, enrolment, offering, plan))
    uow.add(enrolment)
    await uow.flush()
    _audit(uow, principal, enrolment, "create", goals=len(enrolment.goals))
    return await _read_one(uow, principal, enrolment)


async def _active(
    uow: UnitOfWork, principal: Principal, enrolment_id: uuid.UUID, expected: int | None
) -> Seen:
    seen = await _load(uow, principal, enrolment_id, lock=True)
    seen.require_write()
    if seen.enrolment.status != "active":
        raise Conflict("The enrolment has ended: it does not change any more.")
    require_version(seen.enrolment.version, expected, "enrolment")
    return seen


async def update_enrolment(
    uow: UnitOfWork,
    principal: Principal,
    enrolment_id: uuid.UUID,
    expected: int | None,
    data: EnrolmentUpdate,
) -> EnrolmentRead:
    seen = await _active(uow, principal, enrolment_id, expected)
    e = seen.enrolment
    sent = data.model_fields_set
    if "goals" in sent and data.goals is not None:
        e.goals = _goals(data.goals, e.goals)
    if data.review_every_weeks is not None:
        e.review_every_weeks = data.review_every_weeks
    if data.next_review_on is not None:
        e.next_review_on = data.next_review_on
    plan: dict[str, Any] = {name: getattr(e, name) for name in PLAN_FIELDS}
    if e.agreements is not None:
        plan["agreements"] = StamschoolAgreements.model_validate(e.agreements)
    plan.update({name: getattr(data, name) for name in PLAN_FIELDS if name in sent})
    _apply_plan(e, plan, await _check_plan(uow, e, seen.offering, plan))
    _touch(e)
    _audit(uow, principal, e, "update")
    return await _read_one(uow, principal, e)


async def review(
    uow: UnitOfWork,
    principal: Principal,
    enrolment_id: uuid.UUID,
    expected: int | None,
    data: ReviewIn,
) -> EnrolmentRead:
    """A (quarterly) review covers every goal once; it sets each goal's status and, to go on,
    the next review date."""
    seen = await _active(uow, principal, enrolment_id, expected)
    e = seen.enrolment
    _check_coverage(e, data)
    if data.reviewed_on < e.starts_on:
        raise invalid("/reviewed_on", "A review is on or after the start of the enrolment.")
    progress = {str(p.goal_id): p for p in data.goal_progress}
    e.goals = [
        {**g, "status": "achieved" if progress[g["id"]].progress == "achieved" else "open"}
        for g in e.goals
    ]
    next_review = None
    if data.decision == "continue":
        next_review = e.next_review_on = _weeks(data.reviewed_on, e.review_every_weeks)
    uow.add(
        EnrolmentReview(
            school_id=e.school_id,
            enrolment_id=e.id,
            student_id=e.student_id,
            offering_school_id=e.offering_school_id,
            reviewed_on=data.reviewed_on,
            goal_progress=[p.model_dump(mode="json") for p in data.goal_progress],
            with_student=data.with_student,
            with_parents=data.with_parents,
            class_alignment=data.class_alignment,
            notes=data.notes,
            decision=data.decision,
            next_review_on=next_review,
            reviewed_by_name=principal.display_name,
        )
    )
    _touch(e)
    await uow.flush()
    achieved = sum(g["status"] == "achieved" for g in e.goals)
    _audit(uow, principal, e, "review", decision=data.decision, achieved=achieved)
    return await _read_one(uow, principal, e)


def _check_coverage(e: OfferingEnrolment, data: ReviewIn) -> None:
    texts = {g["id"]: g["text"] for g in e.goals}
    sent = [str(p.goal_id) for p in data.goal_progress]
    missing = [texts[g] for g in texts if g not in sent]
    unknown = sorted({s for s in sent if s not in texts})
    twice = sorted({s for s in sent if sent.count(s) > 1})
    parts = []
    if missing:
        parts.append("not reviewed: " + "; ".join(missing))
    if unknown:
        parts.append("not goals of this enrolment: " + ", ".join(unknown))
    if twice:
        parts.append("reviewed twice: " + ", ".join(twice))
    if parts:
        raise invalid("/goal_progress", "Review every goal once (" + " | ".join(parts) + ").")


async def exit_enrolment(
    uow: UnitOfWork,
    principal: Principal,
    enrolment_id: uuid.UUID,
    expected: int | None,
    data: ExitIn,
) -> EnrolmentRead:
    """End the enrolment; 'goals_met' (IMAGE: stop when the goals are reached) only when every
    goal is achieved."""
    seen = await _active(uow, principal, enrolment_id, expected)
    e = seen.enrolment
    errors: list[tuple[str, str]] = []
    if data.ended_on < e.starts_on:
        errors.append(("/ended_on", "The enrolment ends on or after the day it started."))
    open_goals = [g["text"] for g in e.goals if g.get("status") != "achieved"]
    if data.reason == "goals_met" and open_goals:
        errors.append(("/reason", "Not every goal is achieved: " + "; ".join(open_goals)))
    if errors:
        raise validation_problem(errors)
    e.status, e.ended_on = "ended", data.ended_on
    e.exit_reason, e.exit_note = data.reason, data.note
    _touch(e)
    # The caller's school as tenant: row-level security lets no school write another's outbox.
    payload = {"enrolment_id": str(e.id), "reason": data.reason}
    emit(uow, acting_school(principal, e), ENDED_TOPIC, payload)
    _audit(uow, principal, e, "exit", reason=data.reason)
    return await _read_one(uow, principal, e)
