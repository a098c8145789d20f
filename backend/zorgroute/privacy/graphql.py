"""GraphQL fields of the privacy and notes domains. No SQL, no authorization logic here."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from zorgroute.core.errors import Forbidden, NotFound
from zorgroute.graphql.errors import Problem
from zorgroute.graphql.ids import parse_id
from zorgroute.notes import service as notes_service
from zorgroute.notes.schemas import NoteRead
from zorgroute.privacy import service
from zorgroute.privacy.schemas import AuditEntry

MAX_PAGE = 200


@strawberry.type(name="AuditEntry", description="Who did or saw what in a student's dossier")
class AuditEntryType:
    id: strawberry.ID
    occurred_at: datetime
    actor_kind: str
    actor_id: str | None
    actor_role: str | None
    action: str
    target_type: str
    purpose: str | None

    @classmethod
    def of(cls, e: AuditEntry) -> AuditEntryType:
        return cls(
            id=strawberry.ID(str(e.id)),
            occurred_at=e.occurred_at,
            actor_kind=e.actor_kind,
            actor_id=e.actor_id,
            actor_role=e.actor_role,
            action=e.action,
            target_type=e.target_type,
            purpose=e.purpose,
        )


@strawberry.type
class AuditTrailPage:
    items: list[AuditEntryType]
    next_cursor: str | None


@strawberry.type(name="StudentNote", description="Leerlingnotitie")
class NoteType:
    id: strawberry.ID
    category: str
    subject: str | None
    body: str
    author_name: str
    created_at: datetime

    @classmethod
    def of(cls, n: NoteRead) -> NoteType:
        return cls(
            id=strawberry.ID(str(n.id)),
            category=n.category,
            subject=n.subject,
            body=n.body,
            author_name=n.author_name,
            created_at=n.created_at,
        )


@strawberry.type
class PrivacyQuery:
    @strawberry.field(
        description="Who looked at or changed a student's dossier (privacy officer, school "
        "leader); oldest first. Null for a student you may not see."
    )
    async def audit_trail(
        self,
        info: Info,
        student_id: strawberry.ID,
        first: int = 50,
        after: str | None = None,
        action: str | None = None,
    ) -> Annotated[AuditTrailPage | Problem, strawberry.union("AuditTrailResult")] | None:
        sid = parse_id(student_id)
        if sid is None:
            return None
        try:
            page = await service.audit_trail(
                info.context.uow,
                info.context.principal,
                sid,
                action,
                None,
                after,
                max(1, min(first, MAX_PAGE)),
            )
        except NotFound:
            return None
        except Forbidden as exc:  # an answer, not a failure: the role may not read the trail
            return Problem.from_error(exc)
        return AuditTrailPage(
            items=[AuditEntryType.of(e) for e in page.items], next_cursor=page.next_cursor
        )

    @strawberry.field(
        description="The notes about a student that you may read, newest first; null for a "
        "student you may not see"
    )
    async def student_notes(self, info: Info, student_id: strawberry.ID) -> list[NoteType] | None:
        sid = parse_id(student_id)
        if sid is None:
            return None
        try:
            notes = await notes_service.list_notes(info.context.uow, info.context.principal, sid)
        except NotFound:
            return None
        return [NoteType.of(n) for n in notes]
