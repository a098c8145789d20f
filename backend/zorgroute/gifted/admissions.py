"""Admissions (toelating): applications on the routes an offering allows, the committee's
decisions and its ordered waitlist. No IQ threshold, no selection on origin or sex (001:958):
what the committee reads is the snapshot the sending school froze at submission, and nothing
about origin or sex is ever put in it.

Row-level security shows an application to the student's school and, once submitted, to the
offering's school; the rules below decide who at each school may do what."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from zorgroute.cases.reads import student_name
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import (
    Forbidden,
    InvalidTransition,
    NotFound,
    invalid,
    require_version,
)
from zorgroute.core.models import school_today, utcnow
from zorgroute.core.outbox import emit
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.models import (
    Application,
    NeedsIntake,
    Offering,
    OfferingEnrolment,
    SkillObservation,
)
from zorgroute.gifted.offerings import (
    UNNAMED_MEMBER,
    acting_school,
    load_offering,
    lock_offering,
    read_one,
    staff_names,
    usable_offering,
    validation_problem,
)
from zorgroute.gifted.policies import (
    OFFERING_NOT_FOUND,
    GiftedAccess,
    gifted_access,
    on_committee,
    runs_offering,
)
from zorgroute.gifted.schemas import (
    ApplicationCreate,
    ApplicationDecide,
    ApplicationQueue,
    ApplicationRead,
    ApplicationSnapshot,
    ApplicationSubmit,
    ApplicationUpdate,
    CommitteeMember,
    NeedsIntakeRead,
    ObservationRead,
    WaitlistOrder,
)
from zorgroute.gifted.signalling import intake_read, observation_read
from zorgroute.organisations.models import School, SchoolYear
from zorgroute.roster.models import Enrolment, Group, Student

APPLICATION_NOT_FOUND = "There is no application with this id that you may see."
SUBMITTED_TOPIC = "gifted.application_submitted"
# The lifecycle (gifted-education.md §4.3.4): what may happen from each status.
ALLOWED: dict[str, list[str]] = {
    "draft": ["update", "submit", "withdraw"],
    "submitted": ["decide", "withdraw"],
    "waitlisted": ["decide", "withdraw"],
    "admitted": ["enrol"],
    "rejected": [],
    "withdrawn": [],
}
DECISIONS_FROM = {"submitted": ("admitted", "waitlisted", "rejected"),
                  "waitlisted": ("admitted", "rejected")}  # fmt: skip
ROUTE_LABELS = {"parents": "ouders", "intern_begeleider": "intern begeleider", "swv": "SWV"}
DECIDED_SHOWN = 50


@dataclass(frozen=True)
class Seen:
    """An application and how the caller relates to it."""

    application: Application
    offering: Offering | None
    student: GiftedAccess | None  # a reader of the student, at the student's school
    runs: bool  # runs its (submitted-to) offering: committee, HB staff, leadership there


def step(app: Application, action: str) -> None:
    if action not in ALLOWED[app.status]:
        raise InvalidTransition(
            f"'{action}' is not possible for an application that is '{app.status}'.",
            state=app.status,
            allowed_actions=ALLOWED[app.status],
        )


async def student_side(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, student_id: uuid.UUID
) -> GiftedAccess | None:
    """The caller's access to the student when they read them at the student's school."""
    if school_id not in principal.roles:
        return None
    try:
        return await gifted_access(uow, principal, student_id)
    except NotFound:
        return None


async def load_application(
    uow: UnitOfWork, principal: Principal, application_id: uuid.UUID, *, lock: bool = False
) -> Seen:
    """404 unless the caller reads the student at the student's school or runs the offering
    the application was submitted to. With `lock`, the offering row (when the caller may) and
    then the application are locked, in that order."""
    stmt = select(Application).where(Application.id == application_id)
    app = await uow.first(stmt)
    if app is None:
        raise NotFound(APPLICATION_NOT_FOUND)
    offering = None
    if app.offering_id is not None:
        offering = await uow.first(select(Offering).where(Offering.id == app.offering_id))
    student = await student_side(uow, principal, app.school_id, app.student_id)
    runs = (
        offering is not None and app.submitted_at is not None and runs_offering(principal, offering)
    )
    if student is None and not runs:
        raise NotFound(APPLICATION_NOT_FOUND)
    if lock:
        if offering is not None and offering.school_id in principal.roles:
            offering = await lock_offering(uow, offering.id) or offering
        app = (
            await uow.first(stmt.with_for_update().execution_options(populate_existing=True)) or app
        )
    return Seen(app, offering, student, runs)


def _writer(seen: Seen) -> GiftedAccess:
    """Those who work with the student at the student's school change the application."""
    if seen.student is None or not seen.student.writes():
        raise Forbidden("Only those who work with the student at their school change it.")
    return seen.student


async def _usable_offering(
    uow: UnitOfWork, school_id: uuid.UUID, offering_id: uuid.UUID
) -> Offering:
    offering = await usable_offering(uow, school_id, offering_id)
    if offering is None:
        raise NotFound(OFFERING_NOT_FOUND)
    if offering.archived:
        raise invalid("/offering_id", "This offering is archived: it takes no applications.")
    return offering


def _touch(row: Application) -> None:
    row.version += 1
    row.updated_at = utcnow()


def _audit(
    uow: UnitOfWork, principal: Principal, app: Application, action: str, **codes: Any
) -> None:
    uow.audit(
        f"gifted.application.{action}", "gifted_application", app.id,
        acting_school(principal, app), {"status": app.status, **codes},
        student_id=app.student_id,
    )  # fmt: skip


# -- the snapshot --------------------------------------------------------------------------
async def build_snapshot(
    uow: UnitOfWork, app: Application, *, status: str | None = None
) -> dict[str, Any]:
    """What the committee reads of the student, field by field: name, current group and
    grade, school, the observation and the needs intake. Never origin or sex (001:958): no
    such field is copied, and nothing is copied wholesale. Needs the student's school."""
    student = await uow.first(select(Student).where(Student.id == app.student_id))
    school = await uow.first(select(School).where(School.id == app.school_id))
    today = school_today()
    group = await uow.first(
        select(Group)
        .join(Enrolment, col(Enrolment.group_id) == Group.id)
        .join(SchoolYear, col(SchoolYear.id) == Group.school_year_id)
        .where(
            Enrolment.student_id == app.student_id,
            Group.kind == "homeroom",
            (col(Enrolment.end_date).is_(None)) | (col(Enrolment.end_date) >= today),
        )
        .order_by(col(SchoolYear.starts_on).desc(), col(Group.grade).desc())
    )
    observation = intake = None
    if app.observation_id is not None:
        obs = await _own(uow, SkillObservation, app.observation_id, app.student_id)
        if obs is not None:
            observation = observation_read(obs, status or app.status).model_dump(mode="json")
    if app.needs_intake_id is not None:
        found = await _own(uow, NeedsIntake, app.needs_intake_id, app.student_id)
        if found is not None:
            intake = intake_read(found).model_dump(mode="json")
    grade = ""
    if group is not None and school is not None:
        grade = f"{'groep' if school.sector in ('PO', 'SO') else 'leerjaar'} {group.grade}"
    return {
        "student_name": student_name(student) if student is not None else "",
        "group_name": group.name if group else "",
        "school_name": school.name if school else "",
        "grade": grade,
        "observation": observation,
        "needs_intake": intake,
    }


# -- reads ---------------------------------------------------------------------------------
async def application_reads(
    uow: UnitOfWork, principal: Principal, apps: list[Application]
) -> list[ApplicationRead]:
    """Read models of applications the caller may see (checked by the caller of this).
    A draft shows the live records; from submission on, the frozen snapshot."""
    if not apps:
        return []
    offering_ids = {a.offering_id for a in apps if a.offering_id is not None}
    offerings = {
        o.id: o
        for o in await uow.scalars(select(Offering).where(col(Offering.id).in_(offering_ids)))
    }
    enrolments: dict[Any, Any] = dict(
        await uow.rows(
            select(OfferingEnrolment.application_id, OfferingEnrolment.id).where(
                col(OfferingEnrolment.application_id).in_([a.id for a in apps])
            )
        )
    )
    names = await staff_names(uow, (s for a in apps for s in a.decided_by))
    reads = []
    for a in apps:
        snap = a.snapshot if a.submitted_at is not None else await build_snapshot(uow, a)
        offering = offerings.get(a.offering_id) if a.offering_id else None
        reads.append(_read(principal, a, snap, offering, enrolments.get(a.id), names))
    return reads


def _read(
    principal: Principal,
    a: Application,
    snap: dict[str, Any],
    offering: Offering | None,
    enrolment_id: uuid.UUID | None,
    names: dict[uuid.UUID, str],
) -> ApplicationRead:
    observation, intake = snap.get("observation"), snap.get("needs_intake")
    # Another school's committee reads the application, not the student's record: no ids.
    own_student = a.school_id in principal.roles
    if not own_student:
        observation = observation and {**observation, "student_id": None}
        intake = intake and {**intake, "student_id": None}
    return ApplicationRead(
        id=a.id,
        school_id=a.school_id,
        student_id=a.student_id if own_student else None,
        kind=a.kind,
        offering_id=a.offering_id,
        offering_name=offering.name if offering else None,
        route=a.route,
        status=a.status,
        motivation=a.motivation,
        observation=ObservationRead.model_validate(observation) if observation else None,
        needs_intake=NeedsIntakeRead.model_validate(intake) if intake else None,
        snapshot=ApplicationSnapshot(
            student_name=snap.get("student_name", ""),
            group_name=snap.get("group_name", ""),
            school_name=snap.get("school_name", ""),
            grade=snap.get("grade", ""),
        ),
        submitted_by_name=a.submitted_by_name,
        submitted_at=a.submitted_at,
        decision_reason=a.decision_reason,
        exception=a.exception,
        exception_reason=a.exception_reason,
        decided_by=[
            CommitteeMember(staff_id=s, name=names.get(s, UNNAMED_MEMBER)) for s in a.decided_by
        ],
        decided_at=a.decided_at,
        waitlist_position=a.waitlist_position,
        enrolment_id=enrolment_id,
        version=a.version,
    )


async def _read_one(uow: UnitOfWork, principal: Principal, app: Application) -> ApplicationRead:
    return (await application_reads(uow, principal, [app]))[0]


async def get_application(
    uow: UnitOfWork, principal: Principal, application_id: uuid.UUID
) -> ApplicationRead:
    seen = await load_application(uow, principal, application_id)
    _audit(uow, principal, seen.application, "read")
    return await _read_one(uow, principal, seen.application)


# -- the sending school --------------------------------------------------------------------
async def create_application(
    uow: UnitOfWork, principal: Principal, data: ApplicationCreate
) -> ApplicationRead:
    access = await gifted_access(uow, principal, data.student_id, write=True)
    if data.offering_id is not None:
        await _usable_offering(uow, access.school_id, data.offering_id)
    observation = None
    if data.observation_id is not None:
        observation = await _own(uow, SkillObservation, data.observation_id, data.student_id)
        if observation is None:
            raise invalid("/observation_id", "Not an observation of this student.")
    app = Application(
        school_id=access.school_id,
        student_id=data.student_id,
        kind=data.kind,
        offering_id=data.offering_id,
        motivation=data.motivation,
        observation_id=data.observation_id,
        created_by_name=principal.display_name,
    )
    uow.add(app)
    await uow.flush()
    if observation is not None and observation.application_id is None:
        # The observation's follow-up ("aanmelden") now points at this application.
        observation.application_id = app.id
        observation.updated_at = utcnow()
    _audit(uow, principal, app, "create", kind=app.kind)
    return await _read_one(uow, principal, app)


async def _own(
    uow: UnitOfWork,
    model: type[SkillObservation] | type[NeedsIntake],
    record_id: uuid.UUID,
    student_id: uuid.UUID,
) -> Any:
    return await uow.first(
        select(model).where(col(model.id) == record_id, col(model.student_id) == student_id)
    )


async def update_application(
    uow: UnitOfWork,
    principal: Principal,
    application_id: uuid.UUID,
    expected: int | None,
    data: ApplicationUpdate,
) -> ApplicationRead:
    seen = await load_application(uow, principal, application_id, lock=True)
    _writer(seen)
    app = seen.application
    step(app, "update")
    require_version(app.version, expected, "application")
    changes = data.model_dump(exclude_unset=True)
    if changes.get("offering_id") is not None:
        await _usable_offering(uow, app.school_id, changes["offering_id"])
    intake_id = changes.get("needs_intake_id")
    if intake_id is not None and await _own(uow, NeedsIntake, intake_id, app.student_id) is None:
        raise invalid("/needs_intake_id", "Not a needs intake of this student.")
    if "motivation" in changes and changes["motivation"] is None:
        changes["motivation"] = ""
    for name, value in changes.items():
        setattr(app, name, value)
    _touch(app)
    _audit(uow, principal, app, "update")
    return await _read_one(uow, principal, app)


async def submit(
    uow: UnitOfWork,
    principal: Principal,
    application_id: uuid.UUID,
    expected: int | None,
    data: ApplicationSubmit,
) -> ApplicationRead:
    seen = await load_application(uow, principal, application_id, lock=True)
    access = _writer(seen)
    if not access.submits():
        raise Forbidden("Care and HB staff of the student's school submit an application.")
    app = seen.application
    step(app, "submit")
    require_version(app.version, expected, "application")
    offering = await _submittable(uow, app, data)
    app.snapshot = await build_snapshot(uow, app, status="submitted")
    app.status, app.route = "submitted", data.route
    app.offering_school_id = offering.school_id
    app.submitted_at, app.submitted_by_name = utcnow(), principal.display_name
    _touch(app)
    # The sending school's tenant: row-level security lets no school write another's outbox.
    payload = {"application_id": str(app.id), "offering_id": str(offering.id),
               "offering_school_id": str(offering.school_id)}  # fmt: skip
    emit(uow, app.school_id, SUBMITTED_TOPIC, payload)
    _audit(uow, principal, app, "submit", route=app.route, offering_id=str(offering.id))
    return await _read_one(uow, principal, app)


async def _submittable(uow: UnitOfWork, app: Application, data: ApplicationSubmit) -> Offering:
    errors: list[tuple[str, str]] = []
    offering = None
    if app.offering_id is None:
        errors.append(("/offering_id", "Choose the offering the application is for."))
    else:
        offering = await _usable_offering(uow, app.school_id, app.offering_id)
        if data.route not in offering.application_routes:
            allowed = ", ".join(ROUTE_LABELS.get(r, r) for r in offering.application_routes)
            errors.append(("/route", f"This offering takes applications via: {allowed}."))
    if not app.motivation.strip():
        errors.append(("/motivation", "Describe the educational need the offering answers."))
    if errors or offering is None:
        raise validation_problem(errors)
    return offering


async def withdraw(
    uow: UnitOfWork, principal: Principal, application_id: uuid.UUID, expected: int | None
) -> ApplicationRead:
    seen = await load_application(uow, principal, application_id, lock=True)
    _writer(seen)
    app = seen.application
    step(app, "withdraw")
    require_version(app.version, expected, "application")
    if app.status == "waitlisted":
        await _leave_waitlist(uow, principal, seen)
    app.status = "withdrawn"
    _touch(app)
    _audit(uow, principal, app, "withdraw")
    return await _read_one(uow, principal, app)


# -- the committee -------------------------------------------------------------------------
async def decide(
    uow: UnitOfWork,
    principal: Principal,
    application_id: uuid.UUID,
    expected: int | None,
    data: ApplicationDecide,
) -> ApplicationRead:
    seen = await load_application(uow, principal, application_id, lock=True)
    offering, app = seen.offering, seen.application
    if offering is None or not on_committee(principal, offering):
        raise Forbidden("Only the offering's admission committee decides.")
    step(app, "decide")
    if data.decision not in DECISIONS_FROM[app.status]:
        raise InvalidTransition(
            f"An application that is '{app.status}' cannot become '{data.decision}'.",
            state=app.status,
            allowed_actions=list(DECISIONS_FROM[app.status]),
        )
    require_version(app.version, expected, "application")
    await _check_decision(uow, principal, offering, data)
    if app.status == "waitlisted" or data.decision == "waitlisted":
        # The committee sees the whole waitlist: renumber it 1..n (closing a gap a sending
        # school had to leave too), with this application at the end when it joins.
        others = [a for a in await _waitlist(uow, offering.id) if a.id != app.id]
        _renumber(others)
        app.waitlist_position = len(others) + 1 if data.decision == "waitlisted" else None
    app.status = data.decision
    app.decided_by = list(dict.fromkeys(data.decided_by))
    app.decided_at = utcnow()
    app.decision_reason = data.reason
    app.exception, app.exception_reason = data.exception, data.exception_reason
    _touch(app)
    _audit(uow, principal, app, "decide", decision=data.decision, exception=data.exception)
    return await _read_one(uow, principal, app)


async def _check_decision(
    uow: UnitOfWork, principal: Principal, offering: Offering, data: ApplicationDecide
) -> None:
    """At least two committee members, the caller among them (an onafhankelijke commissie,
    001:963-965); reasons for a rejection and an exception; capacity or an exception."""
    errors: list[tuple[str, str]] = []
    members = set(data.decided_by)
    me = principal.staff_member_ids.get(offering.school_id)
    if len(members) < 2 or not members <= set(offering.committee_staff_ids) or me not in members:
        errors.append(
            ("/decided_by", "Two or more members of the committee decide, you among them.")
        )
    if data.decision == "rejected" and not data.reason.strip():
        errors.append(("/reason", "Give the reason for the rejection."))
    if data.exception and not data.exception_reason.strip():
        errors.append(("/exception_reason", "Give the reason for the exception."))
    if data.decision == "admitted" and not data.exception and await _full(uow, offering):
        errors.append(
            ("/exception", "The offering is full: admitting is an exception with its reason.")
        )
    if errors:
        raise validation_problem(errors)


async def taken_places(uow: UnitOfWork, offering_id: uuid.UUID) -> int:
    """Active enrolments plus admitted applications that are not enrolled yet."""
    enrolled = await uow.scalar(
        select(func.count()).where(
            OfferingEnrolment.offering_id == offering_id, OfferingEnrolment.status == "active"
        )
    )
    admitted = await uow.scalar(
        select(func.count()).where(
            Application.offering_id == offering_id,
            Application.status == "admitted",
            ~select(OfferingEnrolment.id)
            .where(OfferingEnrolment.application_id == Application.id)
            .exists(),
        )
    )
    return int(enrolled or 0) + int(admitted or 0)


async def _full(uow: UnitOfWork, offering: Offering) -> bool:
    if offering.capacity is None:
        return False
    return await taken_places(uow, offering.id) >= offering.capacity


async def _waitlist(uow: UnitOfWork, offering_id: uuid.UUID) -> list[Application]:
    """The offering's waitlist in order, locked: two committee members never race."""
    return await uow.scalars(
        select(Application)
        .where(Application.offering_id == offering_id, Application.status == "waitlisted")
        .order_by(col(Application.waitlist_position), col(Application.submitted_at))
        .with_for_update()
        .execution_options(populate_existing=True)
    )


async def _leave_waitlist(uow: UnitOfWork, principal: Principal, seen: Seen) -> None:
    """Take the application off the waitlist and close the gap (positions 1..n). Only the
    offering's school sees the whole list (row-level security): from a sending school of a
    regional offering the gap stays until the committee's next decision renumbers it."""
    app, offering = seen.application, seen.offering
    app.waitlist_position = None
    if offering is None or offering.school_id not in principal.roles:
        return
    _renumber([a for a in await _waitlist(uow, offering.id) if a.id != app.id])


def _renumber(ordered: list[Application]) -> None:
    for position, a in enumerate(ordered, start=1):
        if a.waitlist_position != position:
            a.waitlist_position = position
            _touch(a)


async def queue(uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID) -> ApplicationQueue:
    offering = await load_offering(uow, principal, offering_id)
    if not runs_offering(principal, offering):
        raise Forbidden("The committee and the HB staff of the offering's school see its queue.")
    return await _queue(uow, principal, offering)


async def _queue(uow: UnitOfWork, principal: Principal, offering: Offering) -> ApplicationQueue:
    base = select(Application).where(Application.offering_id == offering.id)
    to_decide = await uow.scalars(
        base.where(Application.status == "submitted").order_by(col(Application.submitted_at))
    )
    waitlist = await uow.scalars(
        base.where(Application.status == "waitlisted").order_by(
            col(Application.waitlist_position), col(Application.submitted_at)
        )
    )
    decided = await uow.scalars(
        base.where(col(Application.status).in_(("admitted", "rejected")))
        .order_by(col(Application.decided_at).desc())
        .limit(DECIDED_SHOWN)
    )
    shown = [*to_decide, *waitlist, *decided]
    reads = {r.id: r for r in await application_reads(uow, principal, shown)}
    for a in shown:
        _audit(uow, principal, a, "read", via="queue")
    free = None
    if offering.capacity is not None:
        free = max(offering.capacity - await taken_places(uow, offering.id), 0)
    return ApplicationQueue(
        offering=await read_one(uow, offering),
        to_decide=[reads[a.id] for a in to_decide],
        waitlist=[reads[a.id] for a in waitlist],
        decided=[reads[a.id] for a in decided],
        free_places=free,
    )


async def order_waitlist(
    uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID, data: WaitlistOrder
) -> ApplicationQueue:
    seen = await load_offering(uow, principal, offering_id)
    if not on_committee(principal, seen):
        raise Forbidden("Only the offering's admission committee orders its waitlist.")
    offering = await lock_offering(uow, offering_id) or seen
    current = {a.id: a for a in await _waitlist(uow, offering_id)}
    wanted = list(data.application_ids)
    if len(set(wanted)) != len(wanted) or set(wanted) != set(current):
        raise invalid("/application_ids", "Send every waitlisted application once, in order.")
    _renumber([current[i] for i in wanted])
    uow.audit(
        "gifted.waitlist.order", "gifted_offering", offering.id, offering.school_id,
        {"count": len(wanted)},
    )  # fmt: skip
    return await _queue(uow, principal, offering)
