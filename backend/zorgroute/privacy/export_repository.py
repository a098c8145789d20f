"""SQL of the inzage export. Roster rows (guardians, enrolments, assignments) come from the
roster repository; this module reads the privacy, notes and audit records of one student."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlmodel import col, select

from zorgroute.audit.models import AuditEvent
from zorgroute.core.db import UnitOfWork
from zorgroute.identity.models import UserAccount
from zorgroute.notes.models import StudentNote
from zorgroute.organisations.models import School
from zorgroute.privacy.models import AccessGrant, Consent, Disclosure
from zorgroute.privacy.retention_models import LegalHold
from zorgroute.roster.models import Guardian, Student


async def student_school(
    uow: UnitOfWork, student_id: uuid.UUID, school_ids: Sequence[uuid.UUID]
) -> uuid.UUID | None:
    """The school of a student, if it is one of these schools (the caller's own): a student of
    any other school does not exist for the caller."""
    if not school_ids:
        return None
    result = await uow.scalar(
        select(Student.school_id).where(
            Student.id == student_id, col(Student.school_id).in_(school_ids)
        )
    )
    return result if isinstance(result, uuid.UUID) else None


async def student_of_school(
    uow: UnitOfWork, student_id: uuid.UUID, school_id: uuid.UUID
) -> Student | None:
    return await uow.first(
        select(Student).where(Student.id == student_id, Student.school_id == school_id)
    )


async def school(uow: UnitOfWork, school_id: uuid.UUID) -> School | None:
    return await uow.first(select(School).where(School.id == school_id))


async def notes(uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID) -> list[StudentNote]:
    return await uow.scalars(
        select(StudentNote)
        .where(StudentNote.school_id == school_id, StudentNote.student_id == student_id)
        .order_by(col(StudentNote.created_at), col(StudentNote.id))
    )


async def consents(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[Consent, Guardian | None]]:
    rows: Sequence[Any] = (
        await uow.execute(
            select(Consent, Guardian)
            .outerjoin(Guardian, col(Guardian.id) == Consent.guardian_id)
            .where(Consent.school_id == school_id, Consent.student_id == student_id)
            .order_by(col(Consent.given_on), col(Consent.id))
        )
    ).all()
    return [(c, g) for c, g in rows]


async def disclosures(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[Disclosure]:
    return await uow.scalars(
        select(Disclosure)
        .where(Disclosure.school_id == school_id, Disclosure.student_id == student_id)
        .order_by(col(Disclosure.created_at), col(Disclosure.id))
    )


async def access_grants(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[AccessGrant, str]]:
    rows: Sequence[Any] = (
        await uow.execute(
            select(AccessGrant, UserAccount.display_name)
            .join(UserAccount, col(UserAccount.id) == AccessGrant.user_id)
            .where(AccessGrant.school_id == school_id, AccessGrant.student_id == student_id)
            .order_by(col(AccessGrant.valid_from), col(AccessGrant.id))
        )
    ).all()
    return [(g, name) for g, name in rows]


async def legal_holds(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[LegalHold]:
    return await uow.scalars(
        select(LegalHold)
        .where(LegalHold.school_id == school_id, LegalHold.student_id == student_id)
        .order_by(col(LegalHold.created_at), col(LegalHold.id))
    )


async def audit_trail(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[AuditEvent]:
    # audit_event is not under row-level security: the school condition is ours to add.
    return await uow.scalars(
        select(AuditEvent)
        .where(AuditEvent.student_id == student_id, AuditEvent.school_id == school_id)
        .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
    )


async def account_names(uow: UnitOfWork, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not user_ids:
        return {}
    rows: Sequence[Any] = (
        await uow.execute(
            select(UserAccount.id, UserAccount.display_name).where(
                col(UserAccount.id).in_(user_ids)
            )
        )
    ).all()
    return {user_id: name for user_id, name in rows}
