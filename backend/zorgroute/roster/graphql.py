"""GraphQL types and fields of the roster domain. No SQL, no authorization logic here."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

import strawberry
from pydantic import ValidationError
from strawberry.types import Info

from zorgroute.core.errors import AppError, NotFound
from zorgroute.graphql.errors import Problem
from zorgroute.graphql.ids import parse_id
from zorgroute.roster import service
from zorgroute.roster.schemas import (
    EnrolmentRead,
    GroupRead,
    GuardianRead,
    StudentListItem,
    StudentRead,
    StudentUpdate,
)


@strawberry.type(name="Guardian", description="Ouder/verzorger")
class GuardianType:
    id: strawberry.ID
    given_name: str
    infix: str | None
    family_name: str
    email: str | None
    phone: str | None
    relation: str
    parental_authority: bool

    @classmethod
    def of(cls, g: GuardianRead) -> GuardianType:
        return cls(
            id=strawberry.ID(str(g.id)),
            given_name=g.given_name,
            infix=g.infix,
            family_name=g.family_name,
            email=g.email,
            phone=g.phone,
            relation=g.relation,
            parental_authority=g.parental_authority,
        )


@strawberry.type(name="Enrolment", description="Inschrijving in a group for a school year")
class EnrolmentType:
    group_id: strawberry.ID
    group_name: str
    school_year: str
    kind: str
    start_date: date | None
    end_date: date | None

    @classmethod
    def of(cls, e: EnrolmentRead) -> EnrolmentType:
        return cls(
            group_id=strawberry.ID(str(e.group_id)),
            group_name=e.group_name,
            school_year=e.school_year,
            kind=e.kind,
            start_date=e.start_date,
            end_date=e.end_date,
        )


@strawberry.type(name="Student", description="Leerling")
class StudentType:
    id: strawberry.ID
    school_id: strawberry.ID
    given_name: str
    preferred_name: str | None
    infix: str | None
    family_name: str
    date_of_birth: date
    version: int

    @classmethod
    def of(cls, s: StudentListItem | StudentRead) -> StudentType:
        return cls(
            id=strawberry.ID(str(s.id)),
            school_id=strawberry.ID(str(s.school_id)),
            given_name=s.given_name,
            preferred_name=s.preferred_name,
            infix=s.infix,
            family_name=s.family_name,
            date_of_birth=s.date_of_birth,
            version=s.version,
        )

    @strawberry.field
    async def guardians(self, info: Info) -> list[GuardianType]:
        rows = await info.context.roster.guardians_by_student.load(uuid.UUID(self.id))
        return [GuardianType.of(g) for g in rows]

    @strawberry.field
    async def enrolments(self, info: Info) -> list[EnrolmentType]:
        rows = await info.context.roster.enrolments_by_student.load(uuid.UUID(self.id))
        return [EnrolmentType.of(e) for e in rows]


@strawberry.type(name="Group", description="Klas/groep: homeroom (stamgroep) or teaching group")
class GroupType:
    id: strawberry.ID
    school_id: strawberry.ID
    school_year: str
    name: str
    kind: str
    grade: int
    track: str | None
    subject: str | None

    @classmethod
    def of(cls, g: GroupRead) -> GroupType:
        return cls(
            id=strawberry.ID(str(g.id)),
            school_id=strawberry.ID(str(g.school_id)),
            school_year=g.school_year,
            name=g.name,
            kind=g.kind,
            grade=g.grade,
            track=g.track,
            subject=g.subject,
        )

    @strawberry.field(description="The students of this group that you may see")
    async def students(self, info: Info) -> list[StudentType]:
        rows = await info.context.roster.students_by_group.load(uuid.UUID(self.id))
        return [StudentType.of(s) for s in rows]


@strawberry.input(description="Fields to correct; leave out what does not change")
class StudentUpdateInput:
    given_name: str | None = strawberry.UNSET
    infix: str | None = strawberry.UNSET
    family_name: str | None = strawberry.UNSET
    preferred_name: str | None = strawberry.UNSET
    date_of_birth: date | None = strawberry.UNSET


UpdateStudentResult = Annotated[StudentType | Problem, strawberry.union("UpdateStudentResult")]


@strawberry.type
class RosterQuery:
    @strawberry.field(description="A student you may see, or null")
    async def student(self, info: Info, id: strawberry.ID) -> StudentType | None:
        student_id = parse_id(id)
        if student_id is None:
            return None
        try:
            student = await service.get_student(
                info.context.uow, info.context.principal, student_id
            )
        except NotFound:
            return None
        return StudentType.of(student)


@strawberry.type
class RosterMutation:
    @strawberry.mutation(description="Correct a student's details (optimistic locking)")
    async def update_student(
        self, info: Info, id: strawberry.ID, expected_version: int, input: StudentUpdateInput
    ) -> UpdateStudentResult:
        try:
            student_id = parse_id(id)
            if student_id is None:
                raise NotFound(service.STUDENT_NOT_FOUND)
            # The Pydantic command validates GraphQL input exactly as it validates REST input.
            changes = StudentUpdate.model_validate(
                {k: v for k, v in vars(input).items() if v is not strawberry.UNSET}
            )
            student = await service.update_student(
                info.context.uow, info.context.principal, student_id, expected_version, changes
            )
        except ValidationError as exc:
            return Problem.from_validation(exc)
        except AppError as exc:
            info.context.uow.rollback_only = True
            return Problem.from_error(exc)
        return StudentType.of(student)
