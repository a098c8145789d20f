"""All SQL of the roster domain (except the bulk sync, in sync_repository.py)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.pagination import keyset_page
from zorgroute.roster.models import (
    Enrolment,
    ExternalRef,
    Group,
    Guardian,
    StaffMember,
    Student,
    StudentGuardian,
    TeachingAssignment,
)


async def groups_page(
    uow: UnitOfWork,
    school_id: uuid.UUID,
    visible: ColumnElement[bool],
    school_year_id: uuid.UUID | None,
    assigned_to: uuid.UUID | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Group], str | None]:
    stmt = select(Group).where(Group.school_id == school_id, visible)
    if school_year_id is not None:
        stmt = stmt.where(Group.school_year_id == school_year_id)
    if assigned_to is not None:
        stmt = stmt.where(
            col(Group.id).in_(
                select(TeachingAssignment.group_id).where(
                    TeachingAssignment.staff_member_id == assigned_to
                )
            )
        )
    return await keyset_page(
        uow, stmt, [col(Group.name), col(Group.id)], lambda g: (g.name, g.id), cursor, limit
    )


async def groups_of_schools(
    uow: UnitOfWork, school_ids: Sequence[uuid.UUID], visible: ColumnElement[bool]
) -> list[Group]:
    return await uow.scalars(
        select(Group)
        .where(col(Group.school_id).in_(school_ids), visible)
        .order_by(col(Group.name), col(Group.id))
    )


async def group(uow: UnitOfWork, group_id: uuid.UUID, visible: ColumnElement[bool]) -> Group | None:
    return await uow.first(select(Group).where(Group.id == group_id, visible))


async def assignments_of_groups(
    uow: UnitOfWork, group_ids: Sequence[uuid.UUID]
) -> list[tuple[TeachingAssignment, StaffMember]]:
    rows: Sequence[Any] = (
        await uow.execute(
            select(TeachingAssignment, StaffMember)
            .join(StaffMember, col(StaffMember.id) == TeachingAssignment.staff_member_id)
            .where(col(TeachingAssignment.group_id).in_(group_ids))
            .order_by(col(TeachingAssignment.role), col(StaffMember.family_name))
        )
    ).all()
    return [(a, s) for a, s in rows]


async def student_counts(
    uow: UnitOfWork, group_ids: Sequence[uuid.UUID], on: date
) -> dict[uuid.UUID, int]:
    """Students enrolled in each group on a day (no names: a count is not a student read)."""
    rows: Sequence[Any] = (
        await uow.execute(
            select(Enrolment.group_id, func.count())
            .where(
                col(Enrolment.group_id).in_(group_ids),
                or_(col(Enrolment.end_date).is_(None), col(Enrolment.end_date) >= on),
            )
            .group_by(col(Enrolment.group_id))
        )
    ).all()
    return {group_id: count for group_id, count in rows}


async def staff_page(
    uow: UnitOfWork, school_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[list[StaffMember], str | None]:
    stmt = select(StaffMember).where(StaffMember.school_id == school_id)
    return await keyset_page(
        uow,
        stmt,
        [col(StaffMember.family_name), col(StaffMember.id)],
        lambda s: (s.family_name, s.id),
        cursor,
        limit,
    )


async def students_page(
    uow: UnitOfWork,
    school_id: uuid.UUID,
    visible: ColumnElement[bool],
    name: str | None,
    group_id: uuid.UUID | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Student], str | None]:
    stmt = select(Student).where(Student.school_id == school_id, visible)
    if name:
        pattern = "%" + name.lower().replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_")
        full = func.lower(
            func.concat_ws(
                " ", Student.given_name, Student.preferred_name, Student.infix, Student.family_name
            )
        )
        stmt = stmt.where(full.like(pattern + "%") | col(Student.sort_name).like(pattern + "%"))
    if group_id is not None:
        stmt = stmt.where(
            col(Student.id).in_(select(Enrolment.student_id).where(Enrolment.group_id == group_id))
        )
    return await keyset_page(
        uow,
        stmt,
        [col(Student.sort_name), col(Student.id)],
        lambda s: (s.sort_name, s.id),
        cursor,
        limit,
    )


async def student(
    uow: UnitOfWork, student_id: uuid.UUID, visible: ColumnElement[bool], for_update: bool = False
) -> Student | None:
    stmt = select(Student).where(Student.id == student_id, visible)
    if for_update:
        stmt = stmt.with_for_update()
    return await uow.first(stmt)


async def students_of_groups(
    uow: UnitOfWork, group_ids: Sequence[uuid.UUID], visible: ColumnElement[bool]
) -> list[tuple[uuid.UUID, Student]]:
    rows: Sequence[Any] = (
        await uow.execute(
            select(Enrolment.group_id, Student)
            .join(Student, col(Student.id) == Enrolment.student_id)
            .where(col(Enrolment.group_id).in_(group_ids), visible)
            .order_by(col(Student.sort_name), col(Student.id))
        )
    ).all()
    return [(g, s) for g, s in rows]


async def guardians_of_students(
    uow: UnitOfWork, student_ids: Sequence[uuid.UUID]
) -> list[tuple[StudentGuardian, Guardian]]:
    rows: Sequence[Any] = (
        await uow.execute(
            select(StudentGuardian, Guardian)
            .join(Guardian, col(Guardian.id) == StudentGuardian.guardian_id)
            .where(col(StudentGuardian.student_id).in_(student_ids))
            .order_by(col(Guardian.family_name), col(Guardian.id))
        )
    ).all()
    return [(link, g) for link, g in rows]


async def enrolments_of_students(
    uow: UnitOfWork, student_ids: Sequence[uuid.UUID]
) -> list[tuple[Enrolment, Group]]:
    rows: Sequence[Any] = (
        await uow.execute(
            select(Enrolment, Group)
            .join(Group, col(Group.id) == Enrolment.group_id)
            .where(col(Enrolment.student_id).in_(student_ids))
            .order_by(col(Group.kind), col(Group.name))
        )
    ).all()
    return [(e, g) for e, g in rows]


async def external_refs(uow: UnitOfWork, entity_ids: Sequence[uuid.UUID]) -> list[ExternalRef]:
    return await uow.scalars(
        select(ExternalRef)
        .where(col(ExternalRef.entity_id).in_(entity_ids))
        .order_by(col(ExternalRef.source))
    )
