"""The GraphQL context: the same principal and unit of work as REST, plus per-request loaders."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from zorgroute.core.db import UnitOfWork
from zorgroute.core.deps import Uow
from zorgroute.core.errors import Unauthenticated
from zorgroute.core.security.principal import Principal
from zorgroute.identity.deps import OptionalPrincipal
from zorgroute.roster.loaders import RosterLoaders


@dataclass
class Context(BaseContext):
    uow: UnitOfWork
    principal_or_none: Principal | None
    roster: RosterLoaders

    def __post_init__(self) -> None:
        super().__init__()

    @property
    def principal(self) -> Principal:
        if self.principal_or_none is None:
            raise Unauthenticated("Log in, or send a bearer token.")
        return self.principal_or_none


async def get_context(uow: Uow, principal: OptionalPrincipal) -> Context:
    # Loaders are made per request: a module-level loader would cache across users.
    return Context(
        uow=uow, principal_or_none=principal, roster=RosterLoaders.create(uow, principal)
    )
