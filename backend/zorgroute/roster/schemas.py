"""I/O shapes of the roster domain: reads, the student update command and the LVS sync payload."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

# PostgreSQL text cannot hold NUL characters: refuse them as invalid input, not a 500.
_NO_NUL = r"^[^\x00]*$"
_NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"  # and at least one visible character
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=_NOT_BLANK)
]
FamilyName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150, pattern=_NOT_BLANK)
]
Infix = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20, pattern=_NO_NUL)]
ExternalId = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=_NOT_BLANK)
]
SourceCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,39}$")]
EckId = Annotated[str, StringConstraints(pattern=r"^https://ketenid\.nl/\d{6}/[A-Za-z0-9]+$")]
Email = Annotated[
    str, StringConstraints(pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$", max_length=300)
]
Phone = Annotated[str, StringConstraints(pattern=r"^[0-9+() -]{6,40}$")]
SchoolYearName = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{4}$")]
Subject = Annotated[str, StringConstraints(max_length=60, pattern=_NO_NUL)]

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
    mentors: list[StaffRead]
    student_count: int = Field(description="Students currently enrolled in the group")


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
_REQUIRED_IF_SENT = ("given_name", "family_name", "date_of_birth")


def _no_null_schema(schema: dict[str, Any]) -> None:
    # Required fields may be left out but not nulled: document them without `null`.
    for name in _REQUIRED_IF_SENT:
        prop = schema["properties"][name]
        prop.update(next(s for s in prop.pop("anyOf") if s.get("type") != "null"))
        prop.pop("default", None)


class StudentUpdate(BaseModel):
    """Correct a student's personal details. Fields left out are not changed."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_no_null_schema)

    given_name: Name | None = None
    infix: Infix | None = None
    family_name: FamilyName | None = None
    preferred_name: Name | None = None
    date_of_birth: date | None = None
    eck_id: EckId | None = None

    @field_validator(*_REQUIRED_IF_SENT)
    @classmethod
    def _required_if_sent(cls, value: Any) -> Any:
        # Leaving a field out keeps it; sending null would erase a required value.
        if value is None:
            raise ValueError("may be left out, but not set to null")
        return value


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
    name: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=60, pattern=_NOT_BLANK),
    ]
    school_year: SchoolYearName
    kind: GroupKind
    grade: int = Field(ge=1, le=8)
    track: Track | None = None
    subject: Subject | None = None
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
    subject: Subject | None = None


def _documented_as(model: type[BaseModel]) -> WithJsonSchema:
    # Rows are taken as plain objects and validated one by one (a bad row is rejected alone),
    # but documented as their row model; main.py adds SYNC_ROW_MODELS to the components.
    return WithJsonSchema({"$ref": f"#/components/schemas/{model.__name__}"})


StudentRow = Annotated[dict[str, Any], _documented_as(SyncStudent)]
GuardianRow = Annotated[dict[str, Any], _documented_as(SyncGuardian)]
GroupRow = Annotated[dict[str, Any], _documented_as(SyncGroup)]
StaffRow = Annotated[dict[str, Any], _documented_as(SyncStaff)]
EnrolmentRow = Annotated[dict[str, Any], _documented_as(SyncEnrolment)]
AssignmentRow = Annotated[dict[str, Any], _documented_as(SyncAssignment)]
SYNC_ROW_MODELS: tuple[type[BaseModel], ...] = (
    SyncStudent, SyncGuardian, SyncGuardianLink, SyncGroup, SyncStaff, SyncEnrolment,
    SyncAssignment,
)  # fmt: skip


class RosterSyncRequest(BaseModel):
    """One LVS bulk upsert. Rows are validated one by one: a bad row is rejected on its own.

    `mode=full` means the payload is the complete roster of this source: records we hold from
    the source that are missing from it are reported (never deleted). Keep rows as objects;
    their fields are checked per row so that one bad row does not reject the whole payload.
    """

    model_config = ConfigDict(extra="forbid")

    source: SourceCode
    mode: Literal["full", "delta"] = "delta"
    students: list[StudentRow] = Field(default_factory=list, max_length=50_000)
    guardians: list[GuardianRow] = Field(default_factory=list, max_length=100_000)
    groups: list[GroupRow] = Field(default_factory=list, max_length=5_000)
    staff: list[StaffRow] = Field(default_factory=list, max_length=10_000)
    enrolments: list[EnrolmentRow] = Field(default_factory=list, max_length=200_000)
    assignments: list[AssignmentRow] = Field(default_factory=list, max_length=50_000)

    @model_validator(mode="before")
    @classmethod
    def _no_nul_characters(cls, data: Any) -> Any:
        # Rows are echoed in the answer, which is stored (jsonb): no NUL may get that far.
        if _contains_nul(data):
            raise ValueError("text may not contain NUL characters (\\u0000)")
        return data


def _contains_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains_nul(v) for v in value)
    return False


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
