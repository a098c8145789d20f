"""Consent ledger, disclosures, access grants and the audit trail: what REST and GraphQL call."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import col, select

from zorgroute.audit.models import AuditEvent
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import NotFound, PreconditionFailed, PreconditionRequired
from zorgroute.core.errors import ValidationFailed as Invalid
from zorgroute.core.models import utcnow
from zorgroute.core.pagination import Page, keyset_page
from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.identity.models import SchoolMembership
from zorgroute.privacy import policies
from zorgroute.privacy.errors import ConsentMissing
from zorgroute.privacy.models import AccessGrant, Consent, Disclosure
from zorgroute.privacy.schemas import (
    AccessGrantCreate,
    AccessGrantRead,
    AuditEntry,
    ConsentCreate,
    ConsentRead,
    DisclosureCreate,
    DisclosureRead,
)
from zorgroute.roster import repository as roster_repo
from zorgroute.roster.models import Student, StudentGuardian
from zorgroute.roster.policies import student_filter
from zorgroute.roster.service import STUDENT_NOT_FOUND

# From 16 a student decides about their own data (UAVG art. 5); before that, a parent with
# parental authority does.
AGE_OF_CONSENT = 16
RECIPIENT_FOR_PURPOSE = {
    "discuss_care_team": "care_team",
    "register_zat": "zat",
    "share_swv": "swv",
    "share_external": "external_organisation",
    "transfer_next_school": "next_school",
}
MAX_GRANT = timedelta(days=366)


def _invalid(pointer: str, detail: str) -> Invalid:
    return Invalid(detail, errors=[{"pointer": pointer, "detail": detail}])


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


async def _student(uow: UnitOfWork, principal: Principal, student_id: uuid.UUID) -> Student:
    student = await roster_repo.student(uow, student_id, student_filter(principal))
    if student is None:
        raise NotFound(STUDENT_NOT_FOUND)
    return student


# -- consents ----------------------------------------------------------------------------
def consent_read(c: Consent) -> ConsentRead:
    return ConsentRead.model_validate(c, from_attributes=True)


async def list_consents(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> list[ConsentRead]:
    student = await _student(uow, principal, student_id)
    await policies.require(
        uow, principal, student, policies.CONSENT_READ, "read consents", mentor_too=True
    )
    consents = await uow.scalars(
        select(Consent)
        .where(Consent.student_id == student.id)
        .order_by(col(Consent.given_on).desc(), col(Consent.created_at).desc())
    )
    uow.audit_many("consent.read", "consent", [c.id for c in consents], student.school_id,
                   student_id=student.id)  # fmt: skip
    return [consent_read(c) for c in consents]


async def record_consent(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: ConsentCreate
) -> ConsentRead:
    student = await _student(uow, principal, student_id)
    await policies.require(
        uow, principal, student, policies.CONSENT_WRITE, "record consents", mentor_too=True
    )
    if data.given_on > utcnow().date():
        raise _invalid("/given_on", "A consent cannot be given in the future.")
    if (data.purpose == "share_external") != (data.recipient is not None):
        raise _invalid("/recipient", "Name the recipient for share_external, and only then.")
    if data.given_by == "student":
        if data.guardian_id is not None:
            raise _invalid("/guardian_id", "Leave guardian_id out when the student decides.")
        if age_on(student.date_of_birth, data.given_on) < AGE_OF_CONSENT:
            raise _invalid(
                "/given_by", f"Below {AGE_OF_CONSENT}, a parent with parental authority decides."
            )
    else:
        link = await uow.first(
            select(StudentGuardian).where(
                StudentGuardian.student_id == student.id,
                StudentGuardian.guardian_id == data.guardian_id,
            )
        )
        if link is None or not link.parental_authority:
            raise _invalid(
                "/guardian_id", "Consent is given by a parent of this student with parental "
                "authority (gezag).",
            )  # fmt: skip
    consent = Consent(
        school_id=student.school_id,
        student_id=student.id,
        purpose=data.purpose,
        recipient=data.recipient,
        granted=data.granted,
        given_by=data.given_by,
        guardian_id=data.guardian_id,
        method=data.method,
        given_on=data.given_on,
        note=data.note,
        recorded_by=principal.display_name,
    )
    uow.add(consent)
    await uow.flush()
    uow.audit("consent.record", "consent", consent.id, student.school_id, student_id=student.id,
              details={"purpose": data.purpose, "granted": data.granted})  # fmt: skip
    return consent_read(consent)


async def withdraw_consent(
    uow: UnitOfWork,
    principal: Principal,
    consent_id: uuid.UUID,
    expected_version: int | None,
    note: str | None,
) -> ConsentRead:
    """Withdrawal takes effect at once: new disclosures and access grants resting on it stop."""
    consent = await uow.first(
        select(Consent)
        .where(Consent.id == consent_id, col(Consent.school_id).in_(principal.school_ids))
        .with_for_update()
    )
    if consent is None:
        raise NotFound("There is no consent with this id that you may see.")
    student = await _student(uow, principal, consent.student_id)
    await policies.require(
        uow, principal, student, policies.CONSENT_WRITE, "withdraw consents", mentor_too=True
    )
    if expected_version is None:
        raise PreconditionRequired("Send If-Match with the consent's ETag.")
    if expected_version != consent.version:
        raise PreconditionFailed(f"The consent is at version {consent.version}.")
    if consent.withdrawn_at is None:
        consent.withdrawn_at = utcnow()
        consent.withdrawn_by = principal.display_name
        consent.withdrawal_note = note
        consent.version += 1
        uow.audit("consent.withdraw", "consent", consent.id, student.school_id,
                  student_id=student.id)  # fmt: skip
    return consent_read(consent)


async def covering_consent(
    uow: UnitOfWork, student: Student, purpose: str, recipient: str | None
) -> Consent | None:
    """The consent that allows `purpose` now: the latest decision of whoever decides for this
    student (a parent with gezag below 16, the student from 16), granted and not withdrawn."""
    today = utcnow().date()
    decider = "student" if age_on(student.date_of_birth, today) >= AGE_OF_CONSENT else "guardian"
    stmt = select(Consent).where(
        Consent.student_id == student.id,
        Consent.purpose == purpose,
        Consent.given_by == decider,
        col(Consent.withdrawn_at).is_(None),
    )
    if purpose == "share_external":
        stmt = stmt.where(func.lower(Consent.recipient) == (recipient or "").strip().lower())
    if decider == "guardian":  # the parent must (still) have parental authority
        stmt = stmt.join(
            StudentGuardian,
            (col(StudentGuardian.guardian_id) == Consent.guardian_id)
            & (col(StudentGuardian.student_id) == Consent.student_id),
        ).where(col(StudentGuardian.parental_authority).is_(True))
    latest = await uow.first(
        stmt.order_by(col(Consent.given_on).desc(), col(Consent.created_at).desc())
    )
    return latest if latest is not None and latest.granted else None


# -- disclosures -------------------------------------------------------------------------
def disclosure_read(d: Disclosure) -> DisclosureRead:
    return DisclosureRead.model_validate(d, from_attributes=True)


async def disclose(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: DisclosureCreate
) -> DisclosureRead:
    """Record that data goes to a party outside the class: refused unless a valid consent
    covers it or a documented legal ground applies."""
    student = await _student(uow, principal, student_id)
    await policies.require(uow, principal, student, policies.DISCLOSE, "share student data")
    if RECIPIENT_FOR_PURPOSE[data.purpose] != data.recipient_kind:
        raise _invalid(
            "/recipient_kind",
            f"{data.purpose} goes to {RECIPIENT_FOR_PURPOSE[data.purpose]}, not "
            f"{data.recipient_kind}.",
        )
    consent = None
    if data.legal_ground is not None:
        if data.explanation is None:
            raise _invalid("/explanation", "Explain why the legal ground applies.")
    else:
        consent = await covering_consent(uow, student, data.purpose, data.recipient_name)
        if consent is None:
            decider = (
                "the student (16 or older)"
                if age_on(student.date_of_birth, utcnow().date()) >= AGE_OF_CONSENT
                else "a parent with parental authority"
            )
            recipient = f" to {data.recipient_name}" if data.purpose == "share_external" else ""
            raise ConsentMissing(
                f"No valid consent of {decider} covers {data.purpose}{recipient}. Record the "
                "consent first, or name a legal ground with an explanation.",
                missing_consent={
                    "purpose": data.purpose,
                    "recipient": data.recipient_name if data.purpose == "share_external" else None,
                    "given_by": "student" if decider.startswith("the student") else "guardian",
                },
            )
    disclosure = Disclosure(
        school_id=student.school_id,
        student_id=student.id,
        purpose=data.purpose,
        recipient_kind=data.recipient_kind,
        recipient_name=data.recipient_name,
        data_categories=list(data.data_categories),
        consent_id=consent.id if consent else None,
        legal_ground=data.legal_ground,
        explanation=data.explanation,
        disclosed_by=principal.display_name,
    )
    uow.add(disclosure)
    await uow.flush()
    uow.audit("disclosure.create", "disclosure", disclosure.id, student.school_id,
              student_id=student.id, purpose=data.purpose)  # fmt: skip
    return disclosure_read(disclosure)


async def list_disclosures(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> list[DisclosureRead]:
    student = await _student(uow, principal, student_id)
    await policies.require(uow, principal, student, policies.DISCLOSURE_READ, "read disclosures")
    rows = await uow.scalars(
        select(Disclosure)
        .where(Disclosure.student_id == student.id)
        .order_by(col(Disclosure.created_at).desc())
    )
    return [disclosure_read(d) for d in rows]


# -- access grants -----------------------------------------------------------------------
async def grant_access(
    uow: UnitOfWork,
    principal: Principal,
    student_id: uuid.UUID,
    data: AccessGrantCreate,
    *,
    case_id: uuid.UUID | None = None,
) -> AccessGrantRead:
    """Time-boxed access to one student (or, with `case_id`, to that case of the student)."""
    student = await _student(uow, principal, student_id)
    await policies.require(uow, principal, student, policies.GRANT_ACCESS, "grant access")
    now = utcnow()
    if not now < data.valid_until <= now + MAX_GRANT:
        raise _invalid("/valid_until", "Access ends in the future, within a year.")
    partner = await uow.first(
        select(SchoolMembership.id).where(
            SchoolMembership.user_id == data.user_id,
            SchoolMembership.school_id == student.school_id,
            SchoolMembership.role == roles.EXTERNAL,
        )
    )
    if partner is None:
        raise _invalid("/user_id", "This account is not an external partner of the school.")
    consent = await uow.first(
        select(Consent).where(Consent.id == data.consent_id, Consent.student_id == student.id)
    )
    if consent is None:
        raise _invalid("/consent_id", "This is not a consent about this student.")
    covering = await covering_consent(uow, student, consent.purpose, consent.recipient)
    if covering is None or covering.id != consent.id:
        raise ConsentMissing(
            "This consent is not (or no longer) valid: access cannot rest on it.",
            missing_consent={"purpose": consent.purpose, "recipient": consent.recipient},
        )
    grant = AccessGrant(
        school_id=student.school_id,
        user_id=data.user_id,
        student_id=student.id,
        consent_id=consent.id,
        case_id=case_id,
        purpose=consent.purpose,
        valid_from=now,
        valid_until=data.valid_until,
        granted_by=principal.display_name,
    )
    uow.add(grant)
    await uow.flush()
    uow.audit("access_grant.create", "access_grant", grant.id, student.school_id,
              student_id=student.id, purpose=consent.purpose)  # fmt: skip
    return AccessGrantRead.model_validate(grant, from_attributes=True)


async def revoke_access(
    uow: UnitOfWork, principal: Principal, grant_id: uuid.UUID
) -> AccessGrantRead:
    grant = await uow.first(
        select(AccessGrant).where(
            AccessGrant.id == grant_id, col(AccessGrant.school_id).in_(principal.school_ids)
        )
    )
    if grant is None:
        raise NotFound("There is no access grant with this id that you may see.")
    student = await _student(uow, principal, grant.student_id)
    await policies.require(uow, principal, student, policies.GRANT_ACCESS, "revoke access")
    if grant.revoked_at is None:
        grant.revoked_at = utcnow()
        uow.audit("access_grant.revoke", "access_grant", grant.id, student.school_id,
                  student_id=student.id)  # fmt: skip
    return AccessGrantRead.model_validate(grant, from_attributes=True)


# -- audit trail -------------------------------------------------------------------------
async def audit_trail(
    uow: UnitOfWork,
    principal: Principal,
    student_id: uuid.UUID,
    action: str | None,
    actor: str | None,
    cursor: str | None,
    limit: int,
) -> Page[AuditEntry]:
    """Who looked at or changed this student's dossier, when, in which role and why. Oldest
    first. Reading the trail is itself audited."""
    student = await _student(uow, principal, student_id)
    await policies.require(uow, principal, student, policies.AUDIT_READ, "read the audit trail")
    stmt = select(AuditEvent).where(AuditEvent.student_id == student.id)
    if action:
        stmt = stmt.where(col(AuditEvent.action).startswith(action, autoescape=True))
    if actor:
        stmt = stmt.where(AuditEvent.actor_id == actor)
    events, next_cursor = await keyset_page(
        uow,
        stmt,
        [col(AuditEvent.occurred_at), col(AuditEvent.id)],
        lambda e: (e.occurred_at, e.id),
        cursor,
        limit,
    )
    uow.audit("audit.read", "student", student.id, student.school_id, purpose="privacy_review")
    return Page(
        items=[AuditEntry.model_validate(e, from_attributes=True) for e in events],
        next_cursor=next_cursor,
    )
