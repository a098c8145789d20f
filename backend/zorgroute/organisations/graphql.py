"""GraphQL types and fields of the organisations domain, and the `me` query."""

from __future__ import annotations

import uuid

import strawberry
from strawberry.types import Info

from zorgroute.core.errors import NotFound
from zorgroute.graphql.ids import parse_id
from zorgroute.identity import service as identity_service
from zorgroute.organisations import service
from zorgroute.organisations.schemas import SchoolRead
from zorgroute.roster.graphql import GroupType


@strawberry.type(name="School")
class SchoolType:
    id: strawberry.ID
    name: str
    brin: str
    vestiging: str
    sector: str
    swv_code: str
    swv_name: str
    board_name: str

    @classmethod
    def of(cls, s: SchoolRead) -> SchoolType:
        return cls(
            id=strawberry.ID(str(s.id)),
            name=s.name,
            brin=s.brin,
            vestiging=s.vestiging,
            sector=s.sector,
            swv_code=s.swv.code,
            swv_name=s.swv.name,
            board_name=s.board.name,
        )

    @strawberry.field(description="The school's groups, by name")
    async def groups(self, info: Info) -> list[GroupType]:
        rows = await info.context.roster.groups_by_school.load(uuid.UUID(self.id))
        return [GroupType.of(g) for g in rows]


@strawberry.type(name="MySchool")
class MySchoolType:
    id: strawberry.ID
    name: str
    roles: list[str]


@strawberry.type(name="Me")
class MeType:
    kind: str
    display_name: str
    client_id: str | None
    schools: list[MySchoolType]


@strawberry.type
class OrganisationsQuery:
    @strawberry.field(description="Who am I, with my schools and roles")
    async def me(self, info: Info) -> MeType:
        me = await identity_service.me(info.context.uow, info.context.principal)
        return MeType(
            kind=me.kind,
            display_name=me.display_name,
            client_id=me.client_id,
            schools=[
                MySchoolType(id=strawberry.ID(str(s.id)), name=s.name, roles=s.roles)
                for s in me.schools
            ],
        )

    @strawberry.field(description="A school you may see, or null")
    async def school(self, info: Info, id: strawberry.ID) -> SchoolType | None:
        school_id = parse_id(id)
        if school_id is None:
            return None
        try:
            school = await service.get_school(info.context.uow, info.context.principal, school_id)
        except NotFound:
            return None
        return SchoolType.of(school)
