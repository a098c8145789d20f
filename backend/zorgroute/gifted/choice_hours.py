"""Keuze-uren: the school's policy and the students' requests, acknowledged by the subject
teacher, attendance marked, checked by the HB-specialist or mentor."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_
from sqlmodel import col, select

from zorgroute.cases.reads import staff_name, student_name
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import (
    Conflict,
    Forbidden,
    InvalidTransition,
    NotFound,
    invalid,
    require_version,
)
from zorgroute.core.models import SCHOOL_TZ, school_today, utcnow
from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.models import ChoiceHourPolicy, ChoiceHourRequest
from zorgroute.gifted.policies import POLICY_EDIT, GiftedAccess, gifted_access
from zorgroute.gifted.schemas import (
    AttendanceIn,
    ChoiceHourCreate,
    ChoiceHourDecision,
    ChoiceHourPolicyRead,
    ChoiceHourPolicyWrite,
    ChoiceHourRead,
)
from zorgroute.gifted.vocabulary import CHOICE_ACTIVITIES
from zorgroute.hgw.policies import school_staff_roles
from zorgroute.roster.models import Enrolment, Group, StaffMember, Student, TeachingAssignment
from zorgroute.roster.policies import mentored_students

DEFAULT_POLICY = ChoiceHourPolicyWrite(
    max_hours_per_week=2,
    notice_hours=24,
    allowed_activities=list(CHOICE_ACTIVITIES),
    instructions="",
)
FIRST_LESSON = time(8, 30)
LESSON_MINUTES = 50
OPEN = ("requested", "acknowledged")  # what counts towards the weekly maximum
SCHOOL_WIDE = roles.GIFTED | roles.CARE | roles.LEADERSHIP
REQUEST_NOT_FOUND = "There is no keuze-uur with this id that you may see."


def lesson_start(on: date, hour: int) -> datetime:
    """The school day starts at 08:30 with lessons of 50 minutes (no timetable yet)."""
    first = datetime.combine(on, FIRST_LESSON, tzinfo=SCHOOL_TZ)
    return first + timedelta(minutes=(hour - 1) * LESSON_MINUTES)


# -- policy ---------------------------------------------------------------------------------
def _policy_read(row: ChoiceHourPolicy | None) -> ChoiceHourPolicyRead:
    if row is None:
        return ChoiceHourPolicyRead(
            **DEFAULT_POLICY.model_dump(), never_during_tests=True, configured=False, version=0
        )
    return ChoiceHourPolicyRead(
        max_hours_per_week=row.max_hours_per_week,
        notice_hours=row.notice_hours,
        allowed_activities=list(row.allowed_activities),
        never_during_tests=True,
        instructions=row.instructions,
        configured=True,
        version=row.version,
    )


async def _policy(
    uow: UnitOfWork, school_id: uuid.UUID, *, lock: bool = False
) -> ChoiceHourPolicy | None:
    stmt = select(ChoiceHourPolicy).where(ChoiceHourPolicy.school_id == school_id)
    return await uow.first(stmt.with_for_update() if lock else stmt)


async def get_policy(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> ChoiceHourPolicyRead:
    school_staff_roles(principal, school_id)
    return _policy_read(await _policy(uow, school_id))


async def put_policy(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    expected: int | None,
    data: ChoiceHourPolicyWrite,
) -> ChoiceHourPolicyRead:
    if not school_staff_roles(principal, school_id) & POLICY_EDIT:
        raise Forbidden("The HB-specialist or school leadership sets the keuze-uren policy.")
    row = await _policy(uow, school_id, lock=True)
    require_version(row.version if row else 0, expected, "keuze-uren policy")
    values = data.model_dump()
    values["allowed_activities"] = sorted(set(data.allowed_activities))
    if row is None:
        row = ChoiceHourPolicy(school_id=school_id, **values)
        uow.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.version += 1
        row.updated_at = utcnow()
    await uow.flush()
    uow.audit(
        "gifted.choice_hour_policy.update",
        "choice_hour_policy",
        row.id,
        school_id,
        {
            "max_hours_per_week": row.max_hours_per_week,
            "notice_hours": row.notice_hours,
            "allowed_activities": row.allowed_activities,
        },
    )
    return _policy_read(row)


# -- read models ----------------------------------------------------------------------------
async def _students(uow: UnitOfWork, ids: set[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
    """Name and current homeroom of many students in one query."""
    today = school_today()
    homeroom = (
        select(Group.name)
        .join(Enrolment, col(Enrolment.group_id) == Group.id)
        .where(
            col(Enrolment.student_id) == Student.id,
            col(Group.kind) == "homeroom",
            or_(col(Enrolment.end_date).is_(None), col(Enrolment.end_date) >= today),
        )
        .order_by(col(Group.grade).desc(), col(Group.name))
        .limit(1)
        .correlate(Student)
        .scalar_subquery()
    )
    rows = await uow.rows(select(Student, homeroom).where(col(Student.id).in_(ids)))
    return {s.id: (student_name(s), group or "") for s, group in rows}


async def _reads(uow: UnitOfWork, requests: Sequence[ChoiceHourRequest]) -> list[ChoiceHourRead]:
    if not requests:
        return []
    students = await _students(uow, {r.student_id for r in requests})
    teacher_ids = {r.subject_teacher_staff_id for r in requests}
    staff = await uow.scalars(select(StaffMember).where(col(StaffMember.id).in_(teacher_ids)))
    teachers = {s.id: staff_name(s) for s in staff}
    return [
        ChoiceHourRead(
            id=r.id,
            student_id=r.student_id,
            student_name=students.get(r.student_id, ("", ""))[0],
            group_name=students.get(r.student_id, ("", ""))[1],
            subject=r.subject,
            subject_teacher_staff_id=r.subject_teacher_staff_id,
            subject_teacher_name=teachers.get(r.subject_teacher_staff_id, ""),
            lesson_date=r.lesson_date,
            lesson_hour=r.lesson_hour,
            location=r.location,
            activity_kind=r.activity_kind,
            activity=r.activity,
            status=r.status,
            decline_reason=r.decline_reason,
            acknowledged_by_name=r.acknowledged_by_name,
            attendance=r.attendance,
            attendance_marked_by_name=r.attendance_marked_by_name,
            checked_by_name=r.checked_by_name,
            checked_at=r.checked_at,
            requested_by_name=r.requested_by_name,
            version=r.version,
        )
        for r in requests
    ]


async def _read(uow: UnitOfWork, request: ChoiceHourRequest) -> ChoiceHourRead:
    return (await _reads(uow, [request]))[0]


# -- requests -------------------------------------------------------------------------------
async def list_requests(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    *,
    mine: bool,
    student_id: uuid.UUID | None,
    from_date: date | None,
    to_date: date | None,
) -> list[ChoiceHourRead]:
    school_roles = school_staff_roles(principal, school_id)
    staff_id = principal.staff_member_ids.get(school_id)
    stmt = select(ChoiceHourRequest).where(ChoiceHourRequest.school_id == school_id)
    if student_id is not None:
        access = await gifted_access(uow, principal, student_id)
        if access.school_id != school_id:
            raise NotFound("There is no student with this id that you may see.")
        stmt = stmt.where(ChoiceHourRequest.student_id == student_id)
    elif not mine and not school_roles & SCHOOL_WIDE:
        if staff_id is None:
            return []
        # A mentor sees their mentees' keuze-uren, a teacher the lessons they teach.
        stmt = stmt.where(
            or_(
                col(ChoiceHourRequest.subject_teacher_staff_id) == staff_id,
                col(ChoiceHourRequest.student_id).in_(mentored_students(staff_id)),
            )
        )
    if mine:
        if staff_id is None:
            return []
        stmt = stmt.where(ChoiceHourRequest.subject_teacher_staff_id == staff_id)
    if from_date is not None:
        stmt = stmt.where(col(ChoiceHourRequest.lesson_date) >= from_date)
    if to_date is not None:
        stmt = stmt.where(col(ChoiceHourRequest.lesson_date) <= to_date)
    found = await uow.scalars(
        stmt.order_by(
            col(ChoiceHourRequest.lesson_date),
            col(ChoiceHourRequest.lesson_hour),
            col(ChoiceHourRequest.id),
        )
    )
    uow.audit_many(
        "gifted.choice_hour.list",
        "student",
        sorted({r.student_id for r in found}),
        school_id,
        {"requests": len(found)},
    )
    return await _reads(uow, found)


async def _teacher_of_student(uow: UnitOfWork, student_id: uuid.UUID, staff_id: uuid.UUID) -> bool:
    """The staff member teaches (or mentors) one of the student's groups."""
    found = await uow.first(
        select(TeachingAssignment.id)
        .join(Enrolment, col(Enrolment.group_id) == TeachingAssignment.group_id)
        .where(
            Enrolment.student_id == student_id,
            TeachingAssignment.staff_member_id == staff_id,
            col(TeachingAssignment.role).in_(("teacher", "mentor")),
        )
        .limit(1)
    )
    return found is not None


async def create_request(
    uow: UnitOfWork, principal: Principal, data: ChoiceHourCreate
) -> ChoiceHourRead:
    access = await gifted_access(uow, principal, data.student_id, write=True)
    school_id = access.school_id
    policy = await _policy(uow, school_id)
    if policy is None:
        raise Conflict("The school has no keuze-uren policy yet")
    if not await _teacher_of_student(uow, data.student_id, data.subject_teacher_staff_id):
        raise invalid("/subject_teacher_staff_id", "This staff member does not teach the student.")
    if data.activity_kind not in policy.allowed_activities:
        raise invalid(
            "/activity_kind", "The school's keuze-uren policy does not allow this activity."
        )
    if lesson_start(data.lesson_date, data.lesson_hour) < utcnow() + timedelta(
        hours=policy.notice_hours
    ):
        raise invalid(
            "/lesson_date",
            f"A keuze-uur is registered at least {policy.notice_hours} hours before the lesson.",
        )
    # Serialize a student's requests: the weekly count and the one-per-hour rule hold under
    # concurrent requests (the unique constraint would otherwise surface as a 500).
    await uow.first(
        select(Student.id).where(Student.id == data.student_id).with_for_update(key_share=True)
    )
    same_hour = await uow.first(
        select(ChoiceHourRequest.id).where(
            ChoiceHourRequest.student_id == data.student_id,
            ChoiceHourRequest.lesson_date == data.lesson_date,
            ChoiceHourRequest.lesson_hour == data.lesson_hour,
        )
    )
    if same_hour is not None:
        raise Conflict(
            "The student already has a keuze-uur for this lesson hour.",
            choice_hour_id=str(same_hour),
        )
    monday = data.lesson_date - timedelta(days=data.lesson_date.weekday())  # ISO week
    in_week = await uow.scalar(
        select(func.count())
        .select_from(ChoiceHourRequest)
        .where(
            col(ChoiceHourRequest.student_id) == data.student_id,
            col(ChoiceHourRequest.status).in_(OPEN),
            col(ChoiceHourRequest.lesson_date).between(monday, monday + timedelta(days=6)),
        )
    )
    if in_week >= policy.max_hours_per_week:
        raise invalid(
            "/lesson_date",
            f"A student swaps at most {policy.max_hours_per_week} lesson hours a week "
            "(keuze-uren policy); this week is full.",
        )
    request = ChoiceHourRequest(
        school_id=school_id,
        student_id=data.student_id,
        subject=data.subject,
        subject_teacher_staff_id=data.subject_teacher_staff_id,
        lesson_date=data.lesson_date,
        lesson_hour=data.lesson_hour,
        location=data.location,
        activity_kind=data.activity_kind,
        activity=data.activity,
        status="requested",
        requested_by_name=principal.display_name,
    )
    uow.add(request)
    await uow.flush()
    uow.audit(
        "gifted.choice_hour.create",
        "choice_hour_request",
        request.id,
        school_id,
        {
            "activity_kind": data.activity_kind,
            "lesson_date": data.lesson_date.isoformat(),
            "lesson_hour": data.lesson_hour,
        },
        student_id=data.student_id,
    )
    return await _read(uow, request)


# -- steps on a request ---------------------------------------------------------------------
def _actions(r: ChoiceHourRequest) -> list[str]:
    """What can still happen to a request now (named in a 409)."""
    before = utcnow() < lesson_start(r.lesson_date, r.lesson_hour)
    if r.status == "requested":
        return ["decision", *(["cancel"] if before else [])]
    if r.status != "acknowledged":
        return []
    actions = ["cancel"] if before else []
    if r.checked_at is None and r.lesson_date <= school_today():
        actions.append("attendance")
    if r.checked_at is None and r.attendance is not None:
        actions.append("check")
    return actions


def _refuse(r: ChoiceHourRequest, detail: str) -> InvalidTransition:
    return InvalidTransition(detail, state=r.status, allowed_actions=_actions(r))


async def _load(
    uow: UnitOfWork, principal: Principal, request_id: uuid.UUID, *, write: bool = False
) -> tuple[ChoiceHourRequest, GiftedAccess]:
    request = await uow.first(
        select(ChoiceHourRequest)
        .where(
            ChoiceHourRequest.id == request_id,
            col(ChoiceHourRequest.school_id).in_(principal.school_ids),
        )
        .with_for_update()
    )
    if request is None:
        raise NotFound(REQUEST_NOT_FOUND)
    try:
        access = await gifted_access(uow, principal, request.student_id, write=write)
    except NotFound:
        raise NotFound(REQUEST_NOT_FOUND) from None
    return request, access


def _require_subject_teacher(principal: Principal, r: ChoiceHourRequest) -> None:
    if principal.staff_member_ids.get(r.school_id) != r.subject_teacher_staff_id:
        raise Forbidden("Only the teacher of the lesson decides and marks attendance.")


def _changed(r: ChoiceHourRequest) -> None:
    r.version += 1
    r.updated_at = utcnow()


def _audit(uow: UnitOfWork, action: str, r: ChoiceHourRequest, **details: str | None) -> None:
    uow.audit(
        f"gifted.choice_hour.{action}",
        "choice_hour_request",
        r.id,
        r.school_id,
        {"status": r.status, **details},
        student_id=r.student_id,
    )


async def decide(
    uow: UnitOfWork,
    principal: Principal,
    request_id: uuid.UUID,
    expected: int | None,
    data: ChoiceHourDecision,
) -> ChoiceHourRead:
    request, _ = await _load(uow, principal, request_id)
    _require_subject_teacher(principal, request)
    require_version(request.version, expected, "keuze-uur")
    if request.status != "requested":
        raise _refuse(request, f"This keuze-uur is already {request.status}.")
    if data.test_in_lesson:
        # "Bij toetsen mag uitruilen niet" (001:683): never swapped, whatever was asked.
        request.status, request.decline_reason = "declined", "toets"
    elif data.acknowledge:
        request.status = "acknowledged"
        request.acknowledged_by_name = principal.display_name
        request.acknowledged_at = utcnow()
    else:
        if not data.reason.strip():
            raise invalid("/reason", "Say why the student cannot swap this lesson.")
        request.status, request.decline_reason = "declined", data.reason.strip()
    _changed(request)
    _audit(uow, "decide", request, test_in_lesson="yes" if data.test_in_lesson else "no")
    return await _read(uow, request)


async def mark_attendance(
    uow: UnitOfWork,
    principal: Principal,
    request_id: uuid.UUID,
    expected: int | None,
    data: AttendanceIn,
) -> ChoiceHourRead:
    request, _ = await _load(uow, principal, request_id)
    _require_subject_teacher(principal, request)
    require_version(request.version, expected, "keuze-uur")
    if request.status != "acknowledged":
        raise _refuse(request, "Attendance is marked for an acknowledged keuze-uur.")
    if request.lesson_date > school_today():
        raise _refuse(request, "Attendance is marked on or after the day of the lesson.")
    if request.checked_at is not None:
        raise _refuse(request, "The keuze-uur has been checked; its attendance stays as it is.")
    request.attendance = data.attendance
    request.attendance_marked_by_name = principal.display_name
    _changed(request)
    _audit(uow, "attendance", request, attendance=data.attendance)
    return await _read(uow, request)


async def check(
    uow: UnitOfWork, principal: Principal, request_id: uuid.UUID, expected: int | None
) -> ChoiceHourRead:
    request, access = await _load(uow, principal, request_id)
    if not (access.specialist() or access.student.mentor):
        raise Forbidden("The HB-specialist or the student's mentor checks a keuze-uur.")
    require_version(request.version, expected, "keuze-uur")
    if request.attendance is None:
        raise _refuse(request, "The teacher of the lesson marks attendance first.")
    if request.checked_at is not None:
        raise _refuse(request, "This keuze-uur has already been checked.")
    request.checked_by_name = principal.display_name
    request.checked_at = utcnow()
    _changed(request)
    _audit(uow, "check", request)
    return await _read(uow, request)


async def cancel(
    uow: UnitOfWork, principal: Principal, request_id: uuid.UUID, expected: int | None
) -> ChoiceHourRead:
    request, _ = await _load(uow, principal, request_id, write=True)
    require_version(request.version, expected, "keuze-uur")
    if request.status not in OPEN:
        raise _refuse(request, f"A keuze-uur that is {request.status} cannot be cancelled.")
    if utcnow() >= lesson_start(request.lesson_date, request.lesson_hour):
        raise _refuse(request, "The lesson has started: the keuze-uur can no longer be cancelled.")
    request.status = "cancelled"
    _changed(request)
    _audit(uow, "cancel", request)
    return await _read(uow, request)
