"""SQL of the retention job. Every statement is limited to one school (and row-level security
limits the transaction to that school as well)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Uuid, and_, bindparam, delete, exists, func, text
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.notes.models import StudentNote
from zorgroute.privacy.models import AccessGrant, Consent, Disclosure
from zorgroute.privacy.retention_models import LegalHold, RetentionPolicy
from zorgroute.roster.models import Enrolment


async def policy_rows(uow: UnitOfWork, school_id: uuid.UUID) -> list[RetentionPolicy]:
    return await uow.scalars(select(RetentionPolicy).where(RetentionPolicy.school_id == school_id))


async def policies(uow: UnitOfWork, school_id: uuid.UUID) -> dict[str, int]:
    return {p.record_type: p.keep_years_after_leaving for p in await policy_rows(uow, school_id)}


async def left_students(
    uow: UnitOfWork, school_id: uuid.UUID, today: date
) -> list[tuple[uuid.UUID, date]]:
    """Students who have left (every enrolment ended before today), with their leaving date
    (the last end date), except those under an active legal hold."""
    held = select(LegalHold.student_id).where(
        LegalHold.school_id == school_id, col(LegalHold.lifted_at).is_(None)
    )
    last_day = func.max(Enrolment.end_date)
    rows: Sequence[Any] = (
        await uow.execute(
            select(Enrolment.student_id, last_day)
            .where(Enrolment.school_id == school_id, col(Enrolment.student_id).not_in(held))
            .group_by(col(Enrolment.student_id))
            .having(and_(func.bool_and(col(Enrolment.end_date).is_not(None)), last_day < today))
        )
    ).all()
    return [(student_id, left_on) for student_id, left_on in rows]


async def delete_access_grants(
    uow: UnitOfWork, school_id: uuid.UUID, student_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    rows: Sequence[Any] = (
        await uow.execute(
            delete(AccessGrant)
            .where(
                col(AccessGrant.school_id) == school_id,
                col(AccessGrant.student_id).in_(student_ids),
            )
            .returning(col(AccessGrant.id), col(AccessGrant.student_id))
        )
    ).all()
    return [(i, s) for i, s in rows]


async def purge_disclosures(uow: UnitOfWork, student_id: uuid.UUID) -> list[uuid.UUID]:
    """Disclosures are append-only: only the database's purge function (owner rights, its own
    checks on legal hold and leaving) removes them."""
    result = await uow.execute(
        text("select * from retention_purge_disclosures(:student_id)").bindparams(
            bindparam("student_id", type_=Uuid())
        ),
        {"student_id": student_id},
    )
    return [row[0] for row in result.all()]


async def delete_consents(
    uow: UnitOfWork, school_id: uuid.UUID, student_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Consents no remaining disclosure or access grant rests on (those keep their basis)."""
    used_by_disclosure = exists().where(col(Disclosure.consent_id) == col(Consent.id))
    used_by_grant = exists().where(col(AccessGrant.consent_id) == col(Consent.id))
    rows: Sequence[Any] = (
        await uow.execute(
            delete(Consent)
            .where(
                col(Consent.school_id) == school_id,
                col(Consent.student_id).in_(student_ids),
                ~used_by_disclosure,
                ~used_by_grant,
            )
            .returning(col(Consent.id), col(Consent.student_id))
        )
    ).all()
    return [(i, s) for i, s in rows]


async def delete_notes(
    uow: UnitOfWork, school_id: uuid.UUID, student_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    rows: Sequence[Any] = (
        await uow.execute(
            delete(StudentNote)
            .where(
                col(StudentNote.school_id) == school_id,
                col(StudentNote.student_id).in_(student_ids),
            )
            .returning(col(StudentNote.id), col(StudentNote.student_id))
        )
    ).all()
    return [(i, s) for i, s in rows]
