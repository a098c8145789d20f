"""I/O shapes of the identity domain."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel


class MySchool(BaseModel):
    id: uuid.UUID
    name: str
    brin: str
    vestiging: str
    sector: str
    roles: list[str]
    # The caller's staff record at the school (a committee member, a subject teacher), if any.
    staff_member_id: uuid.UUID | None = None


class MySwv(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    roles: list[str]


class MeRead(BaseModel):
    """The caller: a staff member with their schools and roles, or an integration client."""

    kind: Literal["user", "system"]
    id: uuid.UUID | None
    client_id: str | None
    display_name: str
    csrf_token: str | None
    scopes: list[str]
    schools: list[MySchool]
    swvs: list[MySwv]


class LogoutRead(BaseModel):
    # Where the browser may go next to end the session at the identity provider too.
    end_session_url: str | None
