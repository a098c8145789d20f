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


# Reads below return plain rows (attribute access, no ORM identity map): a sync compares tens
# of thousands of records and building ORM objects for them was most of its time.
_REF = ExternalRef.__table__.c  # type: ignore[attr-defined]


async def refs_by_external_id(
    uow: UnitOfWork,
    school_id: uuid.UUID,
    entity_type: str,
    source: str,
    external_ids: Sequence[str],
) -> dict[str, Any]:
    if not external_ids:
        return {}
    refs = await uow.execute(
        select(_REF.id, _REF.external_id, _REF.entity_id, _REF.source_modified_at).where(
            ExternalRef.school_id == school_id,
            ExternalRef.entity_type == entity_type,
            ExternalRef.source == source,
            col(ExternalRef.external_id)
            == any_(bindparam("ext_ids", list(external_ids), type_=ARRAY(String))),
        )
    )
    return {r.external_id: r for r in refs}


async def all_refs(uow: UnitOfWork, school_id: uuid.UUID, source: str) -> Sequence[Any]:
    rows = await uow.execute(
        select(_REF.entity_type, _REF.external_id, _REF.entity_id).where(
            _REF.school_id == school_id, _REF.source == source
        )
    )
    return rows.all()


async def rows_by_id(
    uow: UnitOfWork, table: type[Any], ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Any]:
    if not ids:
        return {}
    columns = table.__table__.c
    found = await uow.execute(select(*columns).where(columns.id == _uuids("ids", ids)))
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
) -> dict[tuple[uuid.UUID, uuid.UUID], Any]:
    if not guardian_ids:
        return {}
    c = StudentGuardian.__table__.c  # type: ignore[attr-defined]
    links = await uow.execute(
        select(*c).where(c.guardian_id == _uuids("guardian_ids", guardian_ids))
    )
    return {(link.student_id, link.guardian_id): link for link in links}


async def enrolments(
    uow: UnitOfWork, student_ids: Sequence[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID], Any]:
    if not student_ids:
        return {}
    c = Enrolment.__table__.c  # type: ignore[attr-defined]
    rows = await uow.execute(select(*c).where(c.student_id == _uuids("student_ids", student_ids)))
    return {(e.student_id, e.group_id): e for e in rows}


async def assignments(
    uow: UnitOfWork, staff_ids: Sequence[uuid.UUID]
) -> set[tuple[uuid.UUID, uuid.UUID, str, str]]:
    if not staff_ids:
        return set()
    c = TeachingAssignment.__table__.c  # type: ignore[attr-defined]
    rows = await uow.execute(select(*c).where(c.staff_member_id == _uuids("staff_ids", staff_ids)))
    return {(a.staff_member_id, a.group_id, a.role, a.subject) for a in rows}
