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
from zorgroute.gifted.models import (
    Application,
    ChoiceHourRequest,
    EnrolmentReview,
    GuidanceCheckin,
    GuidancePeriod,
    NeedsIntake,
    OfferingEnrolment,
    OutcomeMeasurement,
    SelfAssessment,
    SkillObservation,
    SupportProfile,
)
from zorgroute.hgw.models import (
    AssessmentResult,
    EducationalNeed,
    MeetingDecision,
    OverviewRow,
    Signal,
)
from zorgroute.notes.models import StudentNote
from zorgroute.plans.models import IndividualPlan
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


# What the HGW cycle and gifted education hold about a student, table by table, children before
# the rows they point at (the OPP goes through the database).
GIFTED_MODELS = (
    EnrolmentReview, OfferingEnrolment, Application, SkillObservation, NeedsIntake,
    SelfAssessment, GuidanceCheckin, GuidancePeriod, ChoiceHourRequest, OutcomeMeasurement,
    SupportProfile,
)  # fmt: skip
SUPPORT_MODELS = (
    *GIFTED_MODELS,
    MeetingDecision, Signal, EducationalNeed, OverviewRow, AssessmentResult, IndividualPlan,
)  # fmt: skip


async def delete_support_records(
    uow: UnitOfWork, school_id: uuid.UUID, student_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """The student's HGW records and cases. Group plans stay (the group's record): the student
    leaves their rows and the rows' outcomes. OPP versions and a case's timeline are
    append-only: the database's purge functions remove them, with their own checks on legal
    hold and leaving."""
    removed: list[tuple[uuid.UUID, uuid.UUID]] = []
    for model in SUPPORT_MODELS:
        rows = await uow.rows(
            delete(model)
            .where(col(model.school_id) == school_id, col(model.student_id).in_(student_ids))
            .returning(col(model.id), col(model.student_id))
        )
        removed += [(i, s) for i, s in rows]
    for student_id in student_ids:
        result = await uow.execute(
            text(
                "update plan_row set student_ids = array_remove(student_ids, :student), "
                "outcomes = coalesce((select jsonb_agg(o) from jsonb_array_elements(outcomes) o "
                "where o->>'student_id' <> cast(:student as text)), '[]'::jsonb) "
                "where school_id = :school and student_ids @> array[:student] returning id"
            ).bindparams(bindparam("school", type_=Uuid()), bindparam("student", type_=Uuid())),
            {"school": school_id, "student": student_id},
        )
        removed += [(i, student_id) for (i,) in result.all()]
        result = await uow.execute(
            text("select * from retention_purge_perspective(:student)").bindparams(
                bindparam("student", type_=Uuid())
            ),
            {"student": student_id},
        )
        removed += [(i, student_id) for (i,) in result.all()]
        result = await uow.execute(
            text("select * from retention_purge_cases(:student)").bindparams(
                bindparam("student", type_=Uuid())
            ),
            {"student": student_id},
        )
        removed += [(i, student_id) for (i,) in result.all()]
    return removed
