"""Per-request DataLoaders over the roster service's batch reads (permission-filtered)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Unauthenticated
from zorgroute.core.security.principal import Principal
from zorgroute.roster import service
from zorgroute.roster.schemas import EnrolmentRead, GroupRead, GuardianRead, StudentListItem


@dataclass
class RosterLoaders:
    groups_by_school: DataLoader[uuid.UUID, list[GroupRead]]
    students_by_group: DataLoader[uuid.UUID, list[StudentListItem]]
    guardians_by_student: DataLoader[uuid.UUID, list[GuardianRead]]
    enrolments_by_student: DataLoader[uuid.UUID, list[EnrolmentRead]]

    @classmethod
    def create(cls, uow: UnitOfWork, principal: Principal | None) -> RosterLoaders:
        def who() -> Principal:
            if principal is None:
                raise Unauthenticated("Log in, or send a bearer token.")
            return principal

        async def groups(keys: list[uuid.UUID]) -> list[list[GroupRead]]:
            return await service.groups_by_school(uow, who(), keys)

        async def students(keys: list[uuid.UUID]) -> list[list[StudentListItem]]:
            return await service.students_by_group(uow, who(), keys)

        async def guardians(keys: list[uuid.UUID]) -> list[list[GuardianRead]]:
            return await service.guardians_by_student(uow, keys)

        async def enrolments(keys: list[uuid.UUID]) -> list[list[EnrolmentRead]]:
            return await service.enrolments_by_student(uow, keys)

        return cls(
            groups_by_school=DataLoader(load_fn=groups),
            students_by_group=DataLoader(load_fn=students),
            guardians_by_student=DataLoader(load_fn=guardians),
            enrolments_by_student=DataLoader(load_fn=enrolments),
        )
