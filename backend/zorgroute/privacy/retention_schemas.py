"""Read and write models of the retention API: a school's terms and legal holds."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

RecordType = Literal["access_grant", "disclosure", "consent", "student_note", "support_record"]


class RetentionTermRead(BaseModel):
    record_type: RecordType
    keep_years_after_leaving: int = Field(description="The term in force for this record type")
    is_default: bool = Field(description="true: the school has not set its own term")
    default_keep_years: int = Field(description="The documented default for this record type")
    set_by: str | None = Field(description="Who set the school's own term")
    updated_at: datetime | None
    version: int | None = Field(description="Version of the school's own term, if any")


class RetentionPolicyRead(BaseModel):
    school_id: uuid.UUID
    terms: list[RetentionTermRead]


class RetentionTermUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    keep_years_after_leaving: int = Field(ge=1, le=30, description="Years after leaving, 1-30")


class LegalHoldCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[
        str, StringConstraints(min_length=10, max_length=2000, pattern=r"^[^\x00]*$")
    ] = Field(description="Why: a complaint, a court case, a Veilig Thuis report, an inspection")


class LegalHoldRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    reason: str
    placed_by: str
    placed_at: datetime
    lifted_at: datetime | None
    lifted_by: str | None
    active: bool
