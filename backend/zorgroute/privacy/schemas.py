"""Read and write models of consents, disclosures, access grants and the audit trail."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

Purpose = Literal[
    "discuss_care_team", "register_zat", "share_swv", "share_external", "transfer_next_school"
]
GivenBy = Literal["guardian", "student"]
Method = Literal["conversation", "signed_form", "digital_form"]
RecipientKind = Literal["care_team", "zat", "swv", "external_organisation", "next_school"]
LegalGround = Literal["vital_interest", "legal_obligation"]
DataCategory = Literal[
    "personal_details", "guardians", "enrolments", "observations", "care_notes",
    "home_situation", "diagnosis", "plans", "test_results",
]  # fmt: skip
_TEXT = r"^[^\x00]*$"
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=_TEXT)]
Note = Annotated[str, StringConstraints(max_length=2000, pattern=_TEXT)]


class ConsentCreate(BaseModel):
    """A decision of a parent with parental authority (or of the student, from 16)."""

    model_config = ConfigDict(extra="forbid")

    purpose: Purpose
    recipient: Name | None = Field(
        default=None, description="The named organisation; required for share_external only"
    )
    granted: bool = Field(description="true: consent given; false: refused")
    given_by: GivenBy
    guardian_id: uuid.UUID | None = Field(default=None, description="When given_by is guardian")
    method: Method
    given_on: date
    note: Note | None = None


class ConsentWithdraw(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Note | None = None


class ConsentRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    purpose: Purpose
    recipient: str | None
    granted: bool
    given_by: GivenBy
    guardian_id: uuid.UUID | None
    method: Method
    given_on: date
    note: str | None
    recorded_by: str
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    version: int


class DisclosureCreate(BaseModel):
    """Data about the student going outside the school (or to the care team)."""

    model_config = ConfigDict(extra="forbid")

    purpose: Purpose
    recipient_kind: RecipientKind
    recipient_name: Name
    data_categories: list[DataCategory] = Field(min_length=1, max_length=9)
    legal_ground: LegalGround | None = Field(
        default=None, description="Only without consent: the documented legal ground"
    )
    explanation: (
        Annotated[str, StringConstraints(min_length=20, max_length=4000, pattern=_TEXT)] | None
    ) = None


class DisclosureRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    purpose: Purpose
    recipient_kind: RecipientKind
    recipient_name: str
    data_categories: list[str]
    consent_id: uuid.UUID | None
    legal_ground: LegalGround | None
    explanation: str | None
    disclosed_by: str
    created_at: datetime


class AccessGrantCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: uuid.UUID = Field(description="An account with the external_partner role here")
    consent_id: uuid.UUID = Field(description="The consent the access rests on")
    valid_until: AwareDatetime = Field(
        description="At most a year ahead, with a UTC offset; access ends by itself"
    )


class AccessGrantRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    user_id: uuid.UUID
    consent_id: uuid.UUID
    purpose: Purpose
    valid_from: datetime
    valid_until: datetime
    granted_by: str
    revoked_at: datetime | None


class AuditEntry(BaseModel):
    """One line of "who looked at this dossier, when, why"."""

    id: uuid.UUID
    occurred_at: datetime
    actor_kind: str
    actor_id: str | None
    actor_role: str | None
    action: str
    target_type: str
    target_id: uuid.UUID | None
    purpose: str | None
    request_id: str | None
