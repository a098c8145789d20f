"""Roster use cases for staff and systems: the only thing REST and GraphQL call."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound, PreconditionFailed, PreconditionRequired
from zorgroute.core.models import utcnow
from zorgroute.core.pagination import Page
from zorgroute.core.security.principal import Principal
from zorgroute.organisations import repository as org_repo
from zorgroute.roster import policies
from zorgroute.roster import repository as repo
from zorgroute.roster.models import Enrolment, Group, Guardian, PersonName, StaffMember, Student
from zorgroute.roster.models import StudentGuardian as Link
from zorgroute.roster.schemas import (
    AssignmentRead,
    EnrolmentRead,
    ExternalIdRead,
    GroupDetail,
    GroupRead,
    GuardianRead,
    StaffRead,
    StudentListItem,
    StudentRead,
    StudentUpdate,
)

STUDENT_NOT_FOUND = "There is no student with this id that you may see."


def _require_school(principal: Principal, school_id: uuid.UUID) -> None:
    # A school you do not belong to does not exist for you.
    if school_id not in principal.roles:
        raise NotFound("There is no school with this id that you may see.")


async def _year_names(uow: UnitOfWork, school_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    years = await org_repo.school_years(uow, sorted(set(school_ids)))
    return {y.id: y.name for y in years}


@dataclass
class _GroupFacts:
    """What a group read needs besides the group row, fetched once for a batch of groups."""

    year_names: dict[uuid.UUID, str]
    mentors: dict[uuid.UUID, list[StaffRead]]
    student_counts: dict[uuid.UUID, int]


async def _group_facts(uow: UnitOfWork, groups: Sequence[Group]) -> _GroupFacts:
    group_ids = [g.id for g in groups]
    mentors: dict[uuid.UUID, list[StaffRead]] = defaultdict(list)
    for a, s in await repo.assignments_of_groups(uow, group_ids):
        if a.role == "mentor":
            mentors[a.group_id].append(staff_read(s))
    return _GroupFacts(
        year_names=await _year_names(uow, [g.school_id for g in groups]),
        mentors=mentors,
        student_counts=await repo.student_counts(uow, group_ids, utcnow().date()),
    )


def group_read(group: Group, facts: _GroupFacts) -> GroupRead:
    return GroupRead(
        id=group.id,
        school_id=group.school_id,
        school_year=facts.year_names.get(group.school_year_id, ""),
        name=group.name,
        kind=group.kind,
        grade=group.grade,
        track=group.track,
        subject=group.subject,
        version=group.version,
        mentors=facts.mentors.get(group.id, []),
        student_count=facts.student_counts.get(group.id, 0),
    )


def staff_read(s: StaffMember) -> StaffRead:
    return StaffRead(
        id=s.id, given_name=s.given_name, infix=s.infix, family_name=s.family_name, email=s.email
    )


def student_item(s: Student) -> StudentListItem:
    return StudentListItem(
        id=s.id,
        school_id=s.school_id,
        given_name=s.given_name,
        preferred_name=s.preferred_name,
        infix=s.infix,
        family_name=s.family_name,
        date_of_birth=s.date_of_birth,
        version=s.version,
    )


def guardian_read(link: Link, g: Guardian) -> GuardianRead:
    return GuardianRead(
        id=g.id,
        given_name=g.given_name,
        infix=g.infix,
        family_name=g.family_name,
        email=g.email,
        phone=g.phone,
        relation=link.relation,
        parental_authority=link.parental_authority,
    )


def enrolment_read(e: Enrolment, g: Group, year_names: dict[uuid.UUID, str]) -> EnrolmentRead:
    return EnrolmentRead(
        group_id=g.id,
        group_name=g.name,
        school_year=year_names.get(g.school_year_id, ""),
        kind=g.kind,
        start_date=e.start_date,
        end_date=e.end_date,
    )


# -- groups ---------------------------------------------------------------------------
async def list_groups(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    school_year: str | None,
    mine: bool,
    cursor: str | None,
    limit: int,
) -> Page[GroupRead]:
    """Groups of a school; with `mine`, those I am mentor or teacher of (mijn groepen)."""
    _require_school(principal, school_id)
    year_id = None
    if school_year:
        year = await org_repo.school_year_by_name(uow, school_id, school_year)
        if year is None:
            return Page(items=[], next_cursor=None)
        year_id = year.id
    assigned_to = None
    if mine:
        assigned_to = principal.staff_member_ids.get(school_id)
        if assigned_to is None:
            return Page(items=[], next_cursor=None)
    groups, next_cursor = await repo.groups_page(
        uow, school_id, policies.group_filter(principal), year_id, assigned_to, cursor, limit
    )
    facts = await _group_facts(uow, groups)
    return Page(items=[group_read(g, facts) for g in groups], next_cursor=next_cursor)


async def get_group(uow: UnitOfWork, principal: Principal, group_id: uuid.UUID) -> GroupDetail:
    group = await repo.group(uow, group_id, policies.group_filter(principal))
    if group is None:
        raise NotFound("There is no group with this id that you may see.")
    facts = await _group_facts(uow, [group])
    assignments = await repo.assignments_of_groups(uow, [group.id])
    return GroupDetail(
        **group_read(group, facts).model_dump(),
        assignments=[
            AssignmentRead(
                staff_member=staff_read(s),
                role=a.role,
                subject=a.subject or None,
            )
            for a, s in assignments
        ],
    )


async def list_staff(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, cursor: str | None, limit: int
) -> Page[StaffRead]:
    _require_school(principal, school_id)
    principal.require_scope("roster:read")
    if school_id not in policies.school_staff_schools(principal):
        raise Forbidden("External partners see only the students they were given access to.")
    staff, next_cursor = await repo.staff_page(uow, school_id, cursor, limit)
    return Page(items=[staff_read(s) for s in staff], next_cursor=next_cursor)


# -- students -------------------------------------------------------------------------
async def list_students(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    name: str | None,
    group_id: uuid.UUID | None,
    cursor: str | None,
    limit: int,
) -> Page[StudentListItem]:
    """Students of a school that I may see: all of them for care and leadership roles,
    those of my groups for mentors and teachers."""
    _require_school(principal, school_id)
    students, next_cursor = await repo.students_page(
        uow, school_id, policies.student_filter(principal), name, group_id, cursor, limit
    )
    uow.audit_many("student.list", "student", [s.id for s in students], school_id)
    return Page(items=[student_item(s) for s in students], next_cursor=next_cursor)


async def get_student(uow: UnitOfWork, principal: Principal, student_id: uuid.UUID) -> StudentRead:
    student = await repo.student(uow, student_id, policies.student_filter(principal))
    if student is None:
        raise NotFound(STUDENT_NOT_FOUND)
    return await _student_read(uow, student)


async def _student_read(uow: UnitOfWork, student: Student) -> StudentRead:
    guardians = await repo.guardians_of_students(uow, [student.id])
    enrolments = await repo.enrolments_of_students(uow, [student.id])
    refs = await repo.external_refs(uow, [student.id])
    years = await _year_names(uow, [student.school_id])
    uow.audit("student.read", "student", student.id, student.school_id)
    return StudentRead(
        **student_item(student).model_dump(),
        eck_id=student.eck_id,
        external_ids=[ExternalIdRead(source=r.source, external_id=r.external_id) for r in refs],
        guardians=[guardian_read(link, g) for link, g in guardians],
        enrolments=[enrolment_read(e, g, years) for e, g in enrolments],
    )


async def update_student(
    uow: UnitOfWork,
    principal: Principal,
    student_id: uuid.UUID,
    expected_version: int | None,
    changes: StudentUpdate,
) -> StudentRead:
    """Correct personal details. The writer names the version they read (optimistic locking)."""
    visible = await repo.student(uow, student_id, policies.student_filter(principal))
    if visible is None:
        raise NotFound(STUDENT_NOT_FOUND)
    student = await repo.student(
        uow, student_id, policies.student_filter(principal, "update"), for_update=True
    )
    if student is None:
        raise Forbidden("You may read this student, but not change their details.")
    if expected_version is None:
        raise PreconditionRequired(
            "Send If-Match with the ETag you read (GraphQL: expectedVersion).",
            current_version=student.version,
        )
    if expected_version != student.version:
        raise PreconditionFailed(
            "The student was changed after you read it. Reload, then apply your change again.",
            current_version=student.version,
        )
    fields = changes.model_dump(exclude_unset=True)
    for name, value in fields.items():
        setattr(student, name, value)
    if fields:
        student.sort_name = PersonName.sort_name(
            student.given_name, student.infix, student.family_name
        )
        student.version += 1
        student.updated_at = utcnow()
        uow.add(student)
        await uow.flush()
        uow.audit(
            "student.update", "student", student.id, student.school_id, {"fields": sorted(fields)}
        )
    return await _student_read(uow, student)


# -- batch reads for GraphQL DataLoaders ----------------------------------------------------
async def groups_by_school(
    uow: UnitOfWork, principal: Principal, school_ids: Sequence[uuid.UUID]
) -> list[list[GroupRead]]:
    groups = await repo.groups_of_schools(uow, school_ids, policies.group_filter(principal))
    facts = await _group_facts(uow, groups)
    by_school: dict[uuid.UUID, list[GroupRead]] = defaultdict(list)
    for g in groups:
        by_school[g.school_id].append(group_read(g, facts))
    return [by_school[s] for s in school_ids]


async def students_by_group(
    uow: UnitOfWork, principal: Principal, group_ids: Sequence[uuid.UUID]
) -> list[list[StudentListItem]]:
    rows = await repo.students_of_groups(uow, group_ids, policies.student_filter(principal))
    by_group: dict[uuid.UUID, list[StudentListItem]] = defaultdict(list)
    for group_id, s in rows:
        by_group[group_id].append(student_item(s))
        uow.audit("student.list", "student", s.id, s.school_id)
    return [by_group[g] for g in group_ids]


async def guardians_by_student(
    uow: UnitOfWork, student_ids: Sequence[uuid.UUID]
) -> list[list[GuardianRead]]:
    """Only called for students the caller already saw through the filtered loaders above."""
    rows = await repo.guardians_of_students(uow, student_ids)
    by_student: dict[uuid.UUID, list[GuardianRead]] = defaultdict(list)
    for link, g in rows:
        by_student[link.student_id].append(guardian_read(link, g))
    return [by_student[s] for s in student_ids]


async def enrolments_by_student(
    uow: UnitOfWork, student_ids: Sequence[uuid.UUID]
) -> list[list[EnrolmentRead]]:
    rows = await repo.enrolments_of_students(uow, student_ids)
    school_ids = list({g.school_id for _, g in rows})
    years = await _year_names(uow, school_ids)
    by_student: dict[uuid.UUID, list[EnrolmentRead]] = defaultdict(list)
    for e, g in rows:
        by_student[e.student_id].append(enrolment_read(e, g, years))
    return [by_student[s] for s in student_ids]
