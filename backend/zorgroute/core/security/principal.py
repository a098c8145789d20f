"""The caller of a request: a staff member (browser session) or a system (bearer token)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal

from zorgroute.core.errors import MissingScope


@dataclass(frozen=True)
class Principal:
    kind: Literal["user", "system"]
    audit_id: str
    display_name: str
    user_id: uuid.UUID | None = None
    client_id: str | None = None
    # school id -> roles at that school (from our database, never from token claims)
    roles: dict[uuid.UUID, frozenset[str]] = field(default_factory=dict)
    # school id -> the roster staff member this person is at that school
    staff_member_ids: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)
    swv_roles: dict[uuid.UUID, frozenset[str]] = field(default_factory=dict)
    scopes: frozenset[str] = frozenset()
    session_id: uuid.UUID | None = None
    csrf_token: str | None = None

    @property
    def school_ids(self) -> list[uuid.UUID]:
        return sorted(self.roles)

    def roles_at(self, school_id: uuid.UUID) -> frozenset[str]:
        return self.roles.get(school_id, frozenset())

    def role_in(self, school_id: uuid.UUID) -> str | None:
        roles = self.roles.get(school_id)
        return ",".join(sorted(roles)) if roles else None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def require_scope(self, scope: str) -> None:
        """Systems need the scope; staff are governed by their roles instead."""
        if self.kind == "system" and scope not in self.scopes:
            raise MissingScope(f"This call needs the scope '{scope}'.")
