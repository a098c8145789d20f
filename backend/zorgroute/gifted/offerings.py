"""The offerings catalogue (onderwijsaanbod) of a school and the regional (bovenschoolse)
offerings of its SWV. An offering carries no student data: its reads are not audited, its
writes are. Also the small read helpers admissions and enrolments share with it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, func, literal, or_, union_all
from sqlmodel import col, select

from zorgroute.cases.reads import staff_name, staff_refs
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound, ValidationFailed, require_version
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.models import Application, Offering, OfferingEnrolment
from zorgroute.gifted.policies import (
    OFFERING_EDIT,
    OFFERING_NOT_FOUND,
    edits_offering,
    offering_visible,
    staff_roles_or_none,
)
from zorgroute.gifted.schemas import (
    CommitteeMember,
    OfferingCatalogue,
    OfferingGoal,
    OfferingRead,
    OfferingWrite,
)
from zorgroute.gifted.vocabulary import PLACEMENT_TYPES
from zorgroute.hgw.policies import school_staff_roles
from zorgroute.organisations.models import School
from zorgroute.roster.models import StaffMember

# Row-level security hides another school's staff: a regional offering read from a sending
# school names its committee members without their names.
UNNAMED_MEMBER = "Commissielid (andere school)"
# Applications that still hold (or wait for) a place.
OPEN_APPLICATIONS = ("submitted", "waitlisted", "admitted")


# -- shared helpers ------------------------------------------------------------------------
def validation_problem(errors: Sequence[tuple[str, str]]) -> ValidationFailed:
    """One 422 naming every wrong field, so a form can mark them all at once."""
    return ValidationFailed(
        " ".join(detail for _, detail in errors),
        errors=[{"pointer": pointer, "detail": detail} for pointer, detail in errors],
    )


def acting_school(principal: Principal, row: Application | OfferingEnrolment) -> uuid.UUID:
    """The school a caller acts from on a two-school row: the student's school when they are
    there, else the offering's school (audit role, outbox tenant)."""
    if row.school_id in principal.roles or row.offering_school_id is None:
        return row.school_id
    return row.offering_school_id


async def staff_names(uow: UnitOfWork, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Display names of the staff members the caller's schools can read."""
    wanted = list({i for i in ids if i is not None})
    return {staff_id: ref.name for staff_id, ref in (await staff_refs(uow, wanted)).items()}


async def school_staff(
    uow: UnitOfWork, school_id: uuid.UUID, ids: Iterable[uuid.UUID | None]
) -> dict[uuid.UUID, str]:
    """The names of those of `ids` who are staff members of `school_id`."""
    wanted = list({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = await uow.scalars(
        select(StaffMember).where(
            col(StaffMember.id).in_(wanted), col(StaffMember.school_id) == school_id
        )
    )
    return {s.id: staff_name(s) for s in rows}


def is_placement(offering: Offering) -> bool:
    return offering.setting == "other_school" or offering.kind in PLACEMENT_TYPES


async def swv_ids_of(uow: UnitOfWork, principal: Principal) -> set[uuid.UUID]:
    """The SWVs of the schools the caller is staff at (whose regional catalogue they see)."""
    schools = [s for s in principal.roles if staff_roles_or_none(principal, s)]
    if not schools:
        return set()
    return set(await uow.scalars(select(School.swv_id).where(col(School.id).in_(schools))))


async def usable_offering(
    uow: UnitOfWork, school_id: uuid.UUID, offering_id: uuid.UUID
) -> Offering | None:
    """An offering a student of `school_id` may be applied to: the school's own, or an open
    (regional) one of its SWV; None otherwise. Archived ones are for the caller to refuse."""
    offering = await uow.first(select(Offering).where(Offering.id == offering_id))
    if offering is None or offering.school_id == school_id:
        return offering
    swv_id = await uow.scalar(select(School.swv_id).where(School.id == school_id))
    open_to_us = offering.regional or offering.open_to_other_schools
    return offering if open_to_us and offering.swv_id == swv_id else None


async def load_offering(uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID) -> Offering:
    """The offering if the caller may see it; 404 otherwise."""
    offering = await uow.first(select(Offering).where(Offering.id == offering_id))
    if offering is None or not offering_visible(
        principal, offering, await swv_ids_of(uow, principal)
    ):
        raise NotFound(OFFERING_NOT_FOUND)
    return offering


async def lock_offering(uow: UnitOfWork, offering_id: uuid.UUID) -> Offering | None:
    """Lock the offering row (its own school only): serialises capacity and waitlist changes.
    Always lock the offering before its applications, so two writers never deadlock."""
    return await uow.first(
        select(Offering)
        .where(Offering.id == offering_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


async def place_counts(
    uow: UnitOfWork, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, int]]:
    """Per offering: active enrolments, waitlisted and admitted-not-yet-enrolled applications,
    in one statement. Counts what the caller's schools can see (all of it at the offering's
    school; a sending school sees its own students only)."""
    if not ids:
        return {}
    enrolled = (
        select(OfferingEnrolment.offering_id, literal("enrolled"), func.count())
        .where(col(OfferingEnrolment.offering_id).in_(ids), OfferingEnrolment.status == "active")
        .group_by(col(OfferingEnrolment.offering_id))
    )
    waiting = (
        select(Application.offering_id, Application.status, func.count())
        .where(
            col(Application.offering_id).in_(ids),
            or_(
                col(Application.status) == "waitlisted",
                and_(
                    col(Application.status) == "admitted",
                    ~select(OfferingEnrolment.id)
                    .where(OfferingEnrolment.application_id == Application.id)
                    .exists(),
                ),
            ),
        )
        .group_by(col(Application.offering_id), col(Application.status))
    )
    counts: dict[uuid.UUID, dict[str, int]] = {i: {} for i in ids}
    for offering_id, kind, n in await uow.rows(union_all(enrolled, waiting)):
        counts[offering_id][kind] = n
    return counts


def offering_read(
    o: Offering, school_name: str, counts: dict[str, int], names: dict[uuid.UUID, str]
) -> OfferingRead:
    return OfferingRead(
        id=o.id,
        school_id=o.school_id,
        school_name=school_name,
        name=o.name,
        kind=o.kind,
        setting=o.setting,
        regional=o.regional,
        open_to_other_schools=o.open_to_other_schools,
        duration=o.duration,
        starts_on=o.starts_on,
        ends_on=o.ends_on,
        schedule=o.schedule,
        hours_per_week=o.hours_per_week,
        fixed_teacher_staff_id=o.fixed_teacher_staff_id,
        fixed_teacher_name=o.fixed_teacher_name,
        goals=[OfferingGoal(text=g["text"], cognitive=bool(g.get("cognitive"))) for g in o.goals],
        target_group=o.target_group,
        selection_criteria=o.selection_criteria,
        capacity=o.capacity,
        enrolled=counts.get("enrolled", 0),
        waitlisted=counts.get("waitlisted", 0),
        application_routes=list(o.application_routes),
        committee=[
            CommitteeMember(staff_id=s, name=names.get(s, UNNAMED_MEMBER))
            for s in o.committee_staff_ids
        ],
        archived=o.archived,
        is_placement=is_placement(o),
        version=o.version,
    )


async def offering_reads(uow: UnitOfWork, offerings: Sequence[Offering]) -> list[OfferingRead]:
    """Read models of many offerings in three statements (schools, counts, staff names)."""
    if not offerings:
        return []
    ids = [o.id for o in offerings]
    school_ids = {o.school_id for o in offerings}
    schools = dict(
        await uow.rows(select(School.id, School.name).where(col(School.id).in_(school_ids)))
    )
    counts = await place_counts(uow, ids)
    names = await staff_names(uow, (s for o in offerings for s in o.committee_staff_ids))
    return [offering_read(o, schools.get(o.school_id, ""), counts[o.id], names) for o in offerings]


async def read_one(uow: UnitOfWork, offering: Offering) -> OfferingRead:
    return (await offering_reads(uow, [offering]))[0]


# -- the catalogue -------------------------------------------------------------------------
async def catalogue(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, *, include_archived: bool = False
) -> OfferingCatalogue:
    school_staff_roles(principal, school_id)
    school = await uow.first(select(School).where(School.id == school_id))
    if school is None:  # pragma: no cover - a membership always names an existing school
        raise NotFound("There is no school with this id that you may see.")
    own = col(Offering.school_id) == school_id
    if not include_archived:
        own = and_(own, col(Offering.archived).is_(False))
    regional = and_(
        col(Offering.swv_id) == school.swv_id,
        col(Offering.regional).is_(True),
        col(Offering.school_id) != school_id,
        col(Offering.archived).is_(False),
    )
    rows = await uow.scalars(
        select(Offering).where(or_(own, regional)).order_by(col(Offering.name), col(Offering.id))
    )
    reads = await offering_reads(uow, rows)
    return OfferingCatalogue(
        own=[r for r in reads if r.school_id == school_id],
        regional=[r for r in reads if r.school_id != school_id],
    )


async def get_offering(
    uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID
) -> OfferingRead:
    return await read_one(uow, await load_offering(uow, principal, offering_id))


async def create_offering(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, data: OfferingWrite
) -> OfferingRead:
    if not school_staff_roles(principal, school_id) & OFFERING_EDIT:
        raise Forbidden("HB staff, care coordinators and school leadership edit the catalogue.")
    school = await uow.first(select(School).where(School.id == school_id))
    if school is None:  # pragma: no cover - a membership always names an existing school
        raise NotFound("There is no school with this id that you may see.")
    teacher_name = await _validate(uow, school_id, data, None)
    offering = Offering(school_id=school_id, swv_id=school.swv_id, **_fields(data, teacher_name))
    uow.add(offering)
    await uow.flush()
    uow.audit("gifted.offering.create", "gifted_offering", offering.id, school_id, _codes(offering))
    return await read_one(uow, offering)


async def update_offering(
    uow: UnitOfWork,
    principal: Principal,
    offering_id: uuid.UUID,
    expected: int | None,
    data: OfferingWrite,
) -> OfferingRead:
    seen = await load_offering(uow, principal, offering_id)
    if not edits_offering(principal, seen):
        raise Forbidden("HB staff, care coordinators and leadership of its school edit it.")
    offering = await lock_offering(uow, offering_id)
    assert offering is not None  # the editor is at its school: the row is theirs to lock
    require_version(offering.version, expected, "offering")
    teacher_name = await _validate(uow, offering.school_id, data, offering)
    for name, value in _fields(data, teacher_name).items():
        setattr(offering, name, value)
    offering.version += 1
    offering.updated_at = utcnow()
    uow.audit(
        "gifted.offering.update", "gifted_offering", offering.id, offering.school_id,
        _codes(offering),
    )  # fmt: skip
    return await read_one(uow, offering)


def _fields(data: OfferingWrite, teacher_name: str) -> dict[str, Any]:
    return {
        "name": data.name,
        "kind": data.kind,
        "setting": data.setting,
        "regional": data.regional,
        "open_to_other_schools": data.open_to_other_schools,
        "duration": data.duration,
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "schedule": data.schedule,
        "hours_per_week": data.hours_per_week,
        "fixed_teacher_staff_id": data.fixed_teacher_staff_id,
        "fixed_teacher_name": teacher_name,
        "goals": [g.model_dump() for g in data.goals],
        "target_group": data.target_group,
        "selection_criteria": data.selection_criteria,
        "capacity": data.capacity,
        "application_routes": list(dict.fromkeys(data.application_routes)),
        "committee_staff_ids": list(dict.fromkeys(data.committee_staff_ids)),
        "archived": data.archived,
    }


def _codes(o: Offering) -> dict[str, Any]:
    return {"kind": o.kind, "setting": o.setting, "regional": o.regional, "archived": o.archived}


async def _validate(
    uow: UnitOfWork, school_id: uuid.UUID, data: OfferingWrite, current: Offering | None
) -> str:
    """Every rule of an offering at once; returns the fixed teacher's name."""
    errors: list[tuple[str, str]] = []
    if data.regional and not data.open_to_other_schools:
        errors.append(("/open_to_other_schools", "A regional offering is open to other schools."))
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        errors.append(("/ends_on", "The offering ends on or after the day it starts."))
    committee = list(dict.fromkeys(data.committee_staff_ids))
    staff = await school_staff(uow, school_id, [*committee, data.fixed_teacher_staff_id])
    if len(committee) < 2:
        errors.append(("/committee_staff_ids", "The committee has at least two different members."))
    elif any(s not in staff for s in committee):
        errors.append(("/committee_staff_ids", "Every committee member is staff of this school."))
    teacher = data.fixed_teacher_staff_id
    if teacher is not None and teacher not in staff:
        errors.append(("/fixed_teacher_staff_id", "The fixed teacher is staff of this school."))
    if current is not None:
        errors += await _keeps_its_students(uow, current, data)
    if errors:
        raise validation_problem(errors)
    return staff[teacher] if teacher is not None else ""


async def _keeps_its_students(
    uow: UnitOfWork, offering: Offering, data: OfferingWrite
) -> list[tuple[str, str]]:
    """An edit may not drop places or the regional status its students hold."""
    errors: list[tuple[str, str]] = []
    counts = (await place_counts(uow, [offering.id]))[offering.id]
    if data.capacity is not None and data.capacity < counts.get("enrolled", 0):
        errors.append(("/capacity", "The capacity is below the students enrolled now."))
    if offering.regional and not data.regional:
        # The sending schools would lose sight of the offering of their students.
        applied = await uow.scalar(
            select(func.count()).where(
                Application.offering_id == offering.id,
                Application.school_id != offering.school_id,
                col(Application.status).in_(OPEN_APPLICATIONS),
            )
        )
        enrolled = await uow.scalar(
            select(func.count()).where(
                OfferingEnrolment.offering_id == offering.id,
                OfferingEnrolment.school_id != offering.school_id,
            )
        )
        if applied or enrolled:
            errors.append(
                ("/regional", "Students of other schools take part or applied: it stays regional.")
            )
    return errors
