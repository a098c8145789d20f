"""Set-based SQL for the LVS roster sync: one statement per entity type, not one per row."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import String, any_, bindparam, insert, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlmodel import SQLModel, col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.roster.models import Enrolment, ExternalRef, StudentGuardian, TeachingAssignment

CHUNK = 2000


def _chunks(rows: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _uuids(name: str, values: Sequence[uuid.UUID]) -> Any:
    # One array parameter instead of thousands of IN-list parameters.
    return any_(bindparam(name, list(values), type_=ARRAY(PG_UUID(as_uuid=True))))


async def refs_by_external_id(
    uow: UnitOfWork,
    school_id: uuid.UUID,
    entity_type: str,
    source: str,
    external_ids: Sequence[str],
) -> dict[str, ExternalRef]:
    if not external_ids:
        return {}
    refs = await uow.scalars(
        select(ExternalRef).where(
            ExternalRef.school_id == school_id,
            ExternalRef.entity_type == entity_type,
            ExternalRef.source == source,
            col(ExternalRef.external_id)
            == any_(bindparam("ext_ids", list(external_ids), type_=ARRAY(String))),
        )
    )
    return {r.external_id: r for r in refs}


async def all_refs(uow: UnitOfWork, school_id: uuid.UUID, source: str) -> list[ExternalRef]:
    return await uow.scalars(
        select(ExternalRef).where(ExternalRef.school_id == school_id, ExternalRef.source == source)
    )


async def rows_by_id(
    uow: UnitOfWork, table: type[Any], ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Any]:
    if not ids:
        return {}
    found = await uow.scalars(select(table).where(table.id == _uuids("ids", ids)))
    return {row.id: row for row in found}


async def insert_rows(uow: UnitOfWork, table: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    # render_nulls: rows that leave different optional fields empty still share one statement.
    stmt = insert(table).execution_options(render_nulls=True)
    for chunk in _chunks(rows):
        await uow.execute(stmt, list(chunk))


async def update_rows(uow: UnitOfWork, table: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """ORM bulk UPDATE by primary key (each dict carries its "id")."""
    for chunk in _chunks(rows):
        await uow.execute(update(table), list(chunk))


async def guardian_links(
    uow: UnitOfWork, guardian_ids: Sequence[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID], StudentGuardian]:
    if not guardian_ids:
        return {}
    links = await uow.scalars(
        select(StudentGuardian).where(
            col(StudentGuardian.guardian_id) == _uuids("guardian_ids", guardian_ids)
        )
    )
    return {(link.student_id, link.guardian_id): link for link in links}


async def enrolments(
    uow: UnitOfWork, student_ids: Sequence[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID], Enrolment]:
    if not student_ids:
        return {}
    rows = await uow.scalars(
        select(Enrolment).where(col(Enrolment.student_id) == _uuids("student_ids", student_ids))
    )
    return {(e.student_id, e.group_id): e for e in rows}


async def assignments(
    uow: UnitOfWork, staff_ids: Sequence[uuid.UUID]
) -> set[tuple[uuid.UUID, uuid.UUID, str, str]]:
    if not staff_ids:
        return set()
    rows = await uow.scalars(
        select(TeachingAssignment).where(
            col(TeachingAssignment.staff_member_id) == _uuids("staff_ids", staff_ids)
        )
    )
    return {(a.staff_member_id, a.group_id, a.role, a.subject) for a in rows}
