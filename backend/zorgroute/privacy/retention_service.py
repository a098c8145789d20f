"""The privacy officer's side of retention: a school's terms per record type and legal holds.
For `RETENTION_MANAGE` (privacy officer, school leader) at the school. Every write is audited:
`retention.policy_set` (purpose `retention`), `legal_hold.place` and `legal_hold.lift`
(with the student, purpose `legal_hold`). The job that removes records is `retention.py`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound
from zorgroute.core.models import new_id, utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.privacy import policies
from zorgroute.privacy import retention_repository as repo
from zorgroute.privacy.retention import AUDIT_PURPOSE, DEFAULT_KEEP_YEARS
from zorgroute.privacy.retention_models import RECORD_TYPES, LegalHold, RetentionPolicy
from zorgroute.privacy.retention_schemas import (
    LegalHoldRead,
    RetentionPolicyRead,
    RetentionTermRead,
)
from zorgroute.roster import repository as roster_repo
from zorgroute.roster.models import Student
from zorgroute.roster.policies import student_filter
from zorgroute.roster.service import STUDENT_NOT_FOUND

HOLD_PURPOSE = "legal_hold"
SCHOOL_NOT_FOUND = "There is no school with this id that you may see."


def _require_school(principal: Principal, school_id: uuid.UUID) -> None:
    if school_id not in principal.school_ids:
        raise NotFound(SCHOOL_NOT_FOUND)
    if not (principal.kind == "user" and principal.roles_at(school_id) & policies.RETENTION_MANAGE):
        raise Forbidden("Only the school's privacy officer or school leader may manage retention.")


async def _student(uow: UnitOfWork, principal: Principal, student_id: uuid.UUID) -> Student:
    student = await roster_repo.student(uow, student_id, student_filter(principal))
    if student is None:
        raise NotFound(STUDENT_NOT_FOUND)
    await policies.require(uow, principal, student, policies.RETENTION_MANAGE, "manage legal holds")
    return student


# -- terms --------------------------------------------------------------------------------
def _term(record_type: str, row: RetentionPolicy | None) -> RetentionTermRead:
    default = DEFAULT_KEEP_YEARS[record_type]
    return RetentionTermRead(
        record_type=record_type,
        keep_years_after_leaving=row.keep_years_after_leaving if row else default,
        is_default=row is None,
        default_keep_years=default,
        set_by=row.set_by if row else None,
        updated_at=row.updated_at if row else None,
        version=row.version if row else None,
    )


async def get_policy(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> RetentionPolicyRead:
    _require_school(principal, school_id)
    rows = {p.record_type: p for p in await repo.policy_rows(uow, school_id)}
    return RetentionPolicyRead(
        school_id=school_id, terms=[_term(t, rows.get(t)) for t in RECORD_TYPES]
    )


async def set_term(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, record_type: str, years: int
) -> RetentionTermRead:
    """Set (create or replace) the school's own term for one record type."""
    _require_school(principal, school_id)
    before = await repo.policies(uow, school_id)
    # One statement: two officers setting the first term at once do not collide on the key.
    new = insert(RetentionPolicy).values(
        id=new_id(),
        school_id=school_id,
        record_type=record_type,
        keep_years_after_leaving=years,
        set_by=principal.display_name,
        version=1,
    )
    upsert = new.on_conflict_do_update(
        index_elements=["school_id", "record_type"],
        set_={
            "keep_years_after_leaving": years,
            "set_by": principal.display_name,
            "version": RetentionPolicy.version + 1,
            "updated_at": utcnow(),
        },
    ).returning(col(RetentionPolicy.id))
    policy_id: uuid.UUID = (await uow.execute(upsert)).scalar_one()
    row = await uow.first(
        select(RetentionPolicy)
        .where(RetentionPolicy.id == policy_id)
        .execution_options(populate_existing=True)
    )
    assert row is not None
    details: dict[str, Any] = {
        "school_id": str(school_id),
        "record_type": record_type,
        "keep_years_after_leaving": years,
        "previous": before.get(record_type, DEFAULT_KEEP_YEARS[record_type]),
    }
    uow.audit("retention.policy_set", "retention_policy", row.id, school_id, details,
              purpose=AUDIT_PURPOSE)  # fmt: skip
    return _term(record_type, row)


# -- legal holds --------------------------------------------------------------------------
def hold_read(h: LegalHold) -> LegalHoldRead:
    return LegalHoldRead(
        id=h.id,
        student_id=h.student_id,
        reason=h.reason,
        placed_by=h.placed_by,
        placed_at=h.created_at,
        lifted_at=h.lifted_at,
        lifted_by=h.lifted_by,
        active=h.lifted_at is None,
    )


async def list_holds(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> list[LegalHoldRead]:
    student = await _student(uow, principal, student_id)
    rows: Sequence[LegalHold] = await uow.scalars(
        select(LegalHold)
        .where(LegalHold.school_id == student.school_id, LegalHold.student_id == student.id)
        .order_by(col(LegalHold.created_at).desc(), col(LegalHold.id))
    )
    return [hold_read(h) for h in rows]


async def place_hold(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, reason: str
) -> LegalHoldRead:
    student = await _student(uow, principal, student_id)
    hold = LegalHold(
        school_id=student.school_id,
        student_id=student.id,
        reason=reason,
        placed_by=principal.display_name,
    )
    uow.add(hold)
    await uow.flush()
    uow.audit("legal_hold.place", "legal_hold", hold.id, student.school_id,
              student_id=student.id, purpose=HOLD_PURPOSE)  # fmt: skip
    return hold_read(hold)


async def lift_hold(uow: UnitOfWork, principal: Principal, hold_id: uuid.UUID) -> LegalHoldRead:
    """Lift a hold; lifting one already lifted changes nothing (and audits nothing)."""
    hold = await uow.first(
        select(LegalHold)
        .where(LegalHold.id == hold_id, col(LegalHold.school_id).in_(principal.school_ids))
        .with_for_update()
    )
    if hold is None:
        raise NotFound("There is no legal hold with this id that you may see.")
    student = await _student(uow, principal, hold.student_id)
    if hold.lifted_at is None:
        hold.lifted_at = utcnow()
        hold.lifted_by = principal.display_name
        hold.updated_at = hold.lifted_at
        uow.audit("legal_hold.lift", "legal_hold", hold.id, student.school_id,
                  student_id=student.id, purpose=HOLD_PURPOSE)  # fmt: skip
    return hold_read(hold)
