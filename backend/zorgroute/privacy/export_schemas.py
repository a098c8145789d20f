"""The inzage export (AVG art. 15): everything the school holds about one student, as one
document. Written field by field from the table models (never auto-mapped)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field


class ExportExternalId(BaseModel):
    source: str
    external_id: str


class ExportStudent(BaseModel):
    id: uuid.UUID
    given_name: str
    preferred_name: str | None
    infix: str | None
    family_name: str
    date_of_birth: date
    eck_id: str | None
    external_ids: list[ExportExternalId]
    created_at: datetime
    updated_at: datetime


class ExportGuardian(BaseModel):
    """A parent or carer as linked to the student. Contact details are left out on purpose:
    they are the guardian's own data, and a copy for one parent must not hand the other
    parent's address or phone number over (AVG art. 15(4))."""

    given_name: str
    infix: str | None
    family_name: str
    relation: str
    parental_authority: bool = Field(description="Holds parental authority (gezag)")


class ExportStaffName(BaseModel):
    role: str = Field(description="mentor or teacher")
    subject: str | None
    given_name: str
    infix: str | None
    family_name: str


class ExportEnrolment(BaseModel):
    group_name: str
    group_kind: str
    grade: int
    track: str | None
    subject: str | None
    school_year: str
    start_date: date | None
    end_date: date | None
    staff: list[ExportStaffName] = Field(description="Who mentors or teaches this group")


class ExportNote(BaseModel):
    id: uuid.UUID
    category: str
    subject: str | None
    body: str
    author_name: str
    created_at: datetime
    updated_at: datetime


class ExportConsent(BaseModel):
    id: uuid.UUID
    purpose: str
    recipient: str | None
    granted: bool
    given_by: str = Field(description="guardian or student")
    guardian_name: str | None = Field(
        description="The guardian who decided, when given_by=guardian"
    )
    method: str
    given_on: date
    note: str | None
    recorded_by: str
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    withdrawal_note: str | None


class ExportDisclosure(BaseModel):
    """A verstrekking: with whom data about the student was shared, why and on what basis."""

    id: uuid.UUID
    recipient_kind: str
    recipient_name: str
    purpose: str
    basis: str = Field(description="consent, or the legal ground used instead")
    consent_id: uuid.UUID | None
    legal_ground: str | None
    explanation: str | None
    data_categories: list[str]
    disclosed_at: datetime
    disclosed_by: str


class ExportAccessGrant(BaseModel):
    id: uuid.UUID
    partner_name: str = Field(description="The external partner's display name")
    purpose: str
    valid_from: datetime
    valid_until: datetime
    granted_by: str
    revoked_at: datetime | None


class ExportLegalHold(BaseModel):
    """A legal hold (bewaarplicht): while active, nothing about the student is removed."""

    id: uuid.UUID
    reason: str
    placed_by: str
    placed_at: datetime
    lifted_at: datetime | None
    lifted_by: str | None


class ExportAuditEvent(BaseModel):
    """Who looked at or changed the student's records (details are not part of the export)."""

    occurred_at: datetime
    actor_id: str | None
    actor_name: str | None = Field(description="Display name, when the actor is a staff account")
    actor_role: str | None
    action: str
    purpose: str | None


class StudentExport(BaseModel):
    generated_at: datetime
    generated_by: str
    school_id: uuid.UUID
    school_name: str
    student: ExportStudent
    guardians: list[ExportGuardian]
    enrolments: list[ExportEnrolment]
    notes: list[ExportNote]
    consents: list[ExportConsent]
    disclosures: list[ExportDisclosure]
    access_grants: list[ExportAccessGrant]
    legal_holds: list[ExportLegalHold]
    audit_trail: list[ExportAuditEvent]
