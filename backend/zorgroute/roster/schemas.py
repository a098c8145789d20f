"""I/O shapes of the roster domain: reads, the student update command and the LVS sync payload."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
FamilyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
Infix = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)]
ExternalId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
SourceCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,39}$")]
EckId = Annotated[str, StringConstraints(pattern=r"^https://ketenid\.nl/\d{6}/[A-Za-z0-9]+$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=300)]
Phone = Annotated[str, StringConstraints(pattern=r"^[0-9+() -]{6,40}$")]
SchoolYearName = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{4}$")]

GroupKind = Literal["homeroom", "teaching_group"]
Track = Literal[
    "pro", "vmbo-b", "vmbo-k", "vmbo-gl", "vmbo-t", "havo", "vwo", "gymnasium",
    "vmbo-t/havo", "havo/vwo",
]  # fmt: skip
Relation = Literal["mother", "father", "parent", "guardian", "foster_parent", "other"]
AssignmentRole = Literal["mentor", "teacher"]


# -- reads ------------------------------------------------------------------------------
class StaffRead(BaseModel):
    id: uuid.UUID
    given_name: str
    infix: str | None
    family_name: str
    email: str | None


class AssignmentRead(BaseModel):
    staff_member: StaffRead
    role: AssignmentRole
    subject: str | None


class GroupRead(BaseModel):
    """Klas/groep."""

    id: uuid.UUID
    school_id: uuid.UUID
    school_year: str
    name: str
    kind: GroupKind
    grade: int
    track: str | None
    subject: str | None
    version: int


class GroupDetail(GroupRead):
    assignments: list[AssignmentRead]


class StudentListItem(BaseModel):
    id: uuid.UUID
    school_id: uuid.UUID
    given_name: str
    preferred_name: str | None
    infix: str | None
    family_name: str
    date_of_birth: date
    version: int


class GuardianRead(BaseModel):
    """Ouder/verzorger of this student."""

    id: uuid.UUID
    given_name: str
    infix: str | None
    family_name: str
    email: str | None
    phone: str | None
    relation: Relation
    parental_authority: bool


class EnrolmentRead(BaseModel):
    group_id: uuid.UUID
    group_name: str
    school_year: str
    kind: GroupKind
    start_date: date | None
    end_date: date | None


class ExternalIdRead(BaseModel):
    source: str
    external_id: str


class StudentRead(StudentListItem):
    eck_id: str | None
    external_ids: list[ExternalIdRead]
    guardians: list[GuardianRead]
    enrolments: list[EnrolmentRead]


# -- commands ---------------------------------------------------------------------------
class StudentUpdate(BaseModel):
    """Correct a student's personal details. Fields left out are not changed."""

    model_config = ConfigDict(extra="forbid")

    given_name: Name | None = None
    infix: Infix | None = None
    family_name: FamilyName | None = None
    preferred_name: Name | None = None
    date_of_birth: date | None = None
    eck_id: EckId | None = None


# -- LVS roster sync ----------------------------------------------------------------------
class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SyncStudent(_Row):
    external_id: ExternalId
    given_name: Name
    infix: Infix | None = None
    family_name: FamilyName
    preferred_name: Name | None = None
    date_of_birth: date
    eck_id: EckId | None = None
    modified_at: AwareDatetime | None = None


class SyncGuardianLink(_Row):
    student_external_id: ExternalId
    relation: Relation
    parental_authority: bool


class SyncGuardian(_Row):
    external_id: ExternalId
    given_name: Name
    infix: Infix | None = None
    family_name: FamilyName
    email: Email | None = None
    phone: Phone | None = None
    modified_at: AwareDatetime | None = None
    students: list[SyncGuardianLink] = Field(min_length=1)


class SyncGroup(_Row):
    external_id: ExternalId
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    school_year: SchoolYearName
    kind: GroupKind
    grade: int = Field(ge=1, le=8)
    track: Track | None = None
    subject: Annotated[str, StringConstraints(max_length=60)] | None = None
    modified_at: AwareDatetime | None = None


class SyncStaff(_Row):
    external_id: ExternalId
    given_name: Name
    infix: Infix | None = None
    family_name: FamilyName
    email: Email | None = None
    modified_at: AwareDatetime | None = None


class SyncEnrolment(_Row):
    student_external_id: ExternalId
    group_external_id: ExternalId
    start_date: date | None = None
    end_date: date | None = None


class SyncAssignment(_Row):
    staff_external_id: ExternalId
    group_external_id: ExternalId
    role: AssignmentRole
    subject: Annotated[str, StringConstraints(max_length=60)] | None = None


class RosterSyncRequest(BaseModel):
    """One LVS bulk upsert. Rows are validated one by one: a bad row is rejected on its own.

    `mode=full` means the payload is the complete roster of this source: records we hold from
    the source that are missing from it are reported (never deleted). Keep rows as objects;
    their fields are checked per row so that one bad row does not reject the whole payload.
    """

    model_config = ConfigDict(extra="forbid")

    source: SourceCode
    mode: Literal["full", "delta"] = "delta"
    students: list[dict[str, Any]] = Field(default_factory=list, max_length=50_000)
    guardians: list[dict[str, Any]] = Field(default_factory=list, max_length=100_000)
    groups: list[dict[str, Any]] = Field(default_factory=list, max_length=5_000)
    staff: list[dict[str, Any]] = Field(default_factory=list, max_length=10_000)
    enrolments: list[dict[str, Any]] = Field(default_factory=list, max_length=200_000)
    assignments: list[dict[str, Any]] = Field(default_factory=list, max_length=50_000)


Outcome = Literal["created", "updated", "unchanged", "rejected"]


class RowProblem(BaseModel):
    code: str
    detail: str
    errors: list[dict[str, Any]] | None = None


class RowResult(BaseModel):
    pointer: str  # JSON pointer into the request, e.g. /students/12
    external_id: str | None
    outcome: Outcome
    id: uuid.UUID | None = None
    problem: RowProblem | None = None


class SyncCounts(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0


class MissingRecord(BaseModel):
    entity_type: str
    external_id: str
    id: uuid.UUID


class RosterSyncResult(BaseModel):
    source: str
    mode: str
    synced_at: datetime
    counts: dict[str, SyncCounts]
    results: list[RowResult]
    # Full mode: records from this source that the payload no longer contains. Not deleted.
    missing: list[MissingRecord]
