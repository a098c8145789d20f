"""GraphQL fields of the privacy and notes domains. No SQL, no authorization logic here."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from zorgroute.core.errors import NotFound
from zorgroute.graphql.errors import Problem
from zorgroute.graphql.ids import parse_id
from zorgroute.graphql.results import answer, given, some_id, visible
from zorgroute.notes import service as notes_service
from zorgroute.notes.schemas import NoteCreate, NoteRead
from zorgroute.privacy import service
from zorgroute.privacy.schemas import (
    AccessGrantCreate,
    AccessGrantRead,
    AuditEntry,
    ConsentCreate,
    ConsentRead,
    ConsentWithdraw,
    DisclosureCreate,
    DisclosureRead,
)
from zorgroute.roster.service import STUDENT_NOT_FOUND

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


@strawberry.type(name="Consent", description="Toestemming: a decision about sharing, in the ledger")
class ConsentType:
    id: strawberry.ID
    student_id: strawberry.ID
    purpose: str
    recipient: str | None
    granted: bool
    given_by: str
    guardian_id: strawberry.ID | None
    method: str
    given_on: date
    note: str | None
    recorded_by: str
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    version: int

    @classmethod
    def of(cls, c: ConsentRead) -> ConsentType:
        return cls(
            id=strawberry.ID(str(c.id)),
            student_id=strawberry.ID(str(c.student_id)),
            purpose=c.purpose,
            recipient=c.recipient,
            granted=c.granted,
            given_by=c.given_by,
            guardian_id=strawberry.ID(str(c.guardian_id)) if c.guardian_id else None,
            method=c.method,
            given_on=c.given_on,
            note=c.note,
            recorded_by=c.recorded_by,
            withdrawn_at=c.withdrawn_at,
            withdrawn_by=c.withdrawn_by,
            version=c.version,
        )


@strawberry.type(name="Disclosure", description="Verstrekking: data shared outside the class")
class DisclosureType:
    id: strawberry.ID
    student_id: strawberry.ID
    purpose: str
    recipient_kind: str
    recipient_name: str
    data_categories: list[str]
    consent_id: strawberry.ID | None
    legal_ground: str | None
    explanation: str | None
    disclosed_by: str
    created_at: datetime

    @classmethod
    def of(cls, d: DisclosureRead) -> DisclosureType:
        return cls(
            id=strawberry.ID(str(d.id)),
            student_id=strawberry.ID(str(d.student_id)),
            purpose=d.purpose,
            recipient_kind=d.recipient_kind,
            recipient_name=d.recipient_name,
            data_categories=list(d.data_categories),
            consent_id=strawberry.ID(str(d.consent_id)) if d.consent_id else None,
            legal_ground=d.legal_ground,
            explanation=d.explanation,
            disclosed_by=d.disclosed_by,
            created_at=d.created_at,
        )


@strawberry.type(name="AccessGrant", description="Time-boxed access of an external partner")
class AccessGrantType:
    id: strawberry.ID
    student_id: strawberry.ID
    user_id: strawberry.ID
    consent_id: strawberry.ID
    purpose: str
    valid_from: datetime
    valid_until: datetime
    granted_by: str
    revoked_at: datetime | None

    @classmethod
    def of(cls, g: AccessGrantRead) -> AccessGrantType:
        return cls(
            id=strawberry.ID(str(g.id)),
            student_id=strawberry.ID(str(g.student_id)),
            user_id=strawberry.ID(str(g.user_id)),
            consent_id=strawberry.ID(str(g.consent_id)),
            purpose=g.purpose,
            valid_from=g.valid_from,
            valid_until=g.valid_until,
            granted_by=g.granted_by,
            revoked_at=g.revoked_at,
        )


@strawberry.type(description="A student's consent ledger, newest first, withdrawn ones included")
class ConsentList:
    items: list[ConsentType]


@strawberry.type(description="With whom a student's data was shared, newest first")
class DisclosureList:
    items: list[DisclosureType]


# -- inputs: plain fields; the REST write models validate them (same rules, same pointers) --
@strawberry.input(description="A decision of a parent with gezag or, from 16, of the student")
class ConsentInput:
    purpose: str
    granted: bool
    given_by: str
    method: str
    given_on: date
    recipient: str | None = strawberry.UNSET
    guardian_id: strawberry.ID | None = strawberry.UNSET
    note: str | None = strawberry.UNSET


@strawberry.input(description="Data about the student going outside the class")
class DisclosureInput:
    purpose: str
    recipient_kind: str
    recipient_name: str
    data_categories: list[str]
    legal_ground: str | None = strawberry.UNSET
    explanation: str | None = strawberry.UNSET


@strawberry.input(description="Time-boxed access for an external partner, resting on a consent")
class AccessGrantInput:
    user_id: strawberry.ID
    consent_id: strawberry.ID
    valid_until: datetime


@strawberry.input(description="A new student note; its category decides who may read it")
class NoteInput:
    category: str
    body: str
    subject: str | None = strawberry.UNSET


RecordConsentResult = Annotated[ConsentType | Problem, strawberry.union("RecordConsentResult")]
WithdrawConsentResult = Annotated[ConsentType | Problem, strawberry.union("WithdrawConsentResult")]
RecordDisclosureResult = Annotated[
    DisclosureType | Problem, strawberry.union("RecordDisclosureResult")
]
GrantAccessResult = Annotated[AccessGrantType | Problem, strawberry.union("GrantAccessResult")]
RevokeAccessResult = Annotated[AccessGrantType | Problem, strawberry.union("RevokeAccessResult")]
CreateStudentNoteResult = Annotated[NoteType | Problem, strawberry.union("CreateStudentNoteResult")]
StudentConsentsResult = Annotated[ConsentList | Problem, strawberry.union("StudentConsentsResult")]
StudentDisclosuresResult = Annotated[
    DisclosureList | Problem, strawberry.union("StudentDisclosuresResult")
]


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
        ctx = info.context
        limit = max(1, min(first, MAX_PAGE))

        async def read(sid: uuid.UUID) -> AuditTrailPage:
            page = await service.audit_trail(
                ctx.uow, ctx.principal, sid, action, None, after, limit
            )
            return AuditTrailPage(
                items=[AuditEntryType.of(e) for e in page.items], next_cursor=page.next_cursor
            )

        return await visible(info, student_id, read, student=True)

    @strawberry.field(
        description="The notes about a student that you may read, newest first; null for a "
        "student you may not see"
    )
    async def student_notes(self, info: Info, student_id: strawberry.ID) -> list[NoteType] | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> list[NoteType]:
            return [
                NoteType.of(n) for n in await notes_service.list_notes(ctx.uow, ctx.principal, sid)
            ]

        notes = await visible(info, student_id, read, student=True)
        return None if isinstance(notes, Problem) else notes  # notes refuse nobody: they filter

    @strawberry.field(
        description="A student's consent ledger (care and leadership roles, the privacy "
        "officer); null for a student you may not see"
    )
    async def student_consents(
        self, info: Info, student_id: strawberry.ID
    ) -> StudentConsentsResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> ConsentList:
            consents = await service.list_consents(ctx.uow, ctx.principal, sid)
            return ConsentList(items=[ConsentType.of(c) for c in consents])

        return await visible(info, student_id, read, student=True)

    @strawberry.field(
        description="With whom a student's data was shared (care and leadership roles, the "
        "privacy officer); null for a student you may not see"
    )
    async def student_disclosures(
        self, info: Info, student_id: strawberry.ID
    ) -> StudentDisclosuresResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> DisclosureList:
            rows = await service.list_disclosures(ctx.uow, ctx.principal, sid)
            return DisclosureList(items=[DisclosureType.of(d) for d in rows])

        return await visible(info, student_id, read, student=True)


@strawberry.type
class PrivacyMutation:
    @strawberry.mutation(
        description="Record a decision of a parent with gezag or, from 16, of the student; "
        "`granted: false` records a refusal"
    )
    async def record_consent(
        self, info: Info, student_id: strawberry.ID, input: ConsentInput
    ) -> RecordConsentResult:
        async def call() -> ConsentType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = ConsentCreate.model_validate(given(input))
            ctx = info.context
            return ConsentType.of(await service.record_consent(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Withdraw a consent (optimistic locking); it takes effect at once for new "
        "sharing and external access"
    )
    async def withdraw_consent(
        self, info: Info, id: strawberry.ID, expected_version: int, note: str | None = None
    ) -> WithdrawConsentResult:
        async def call() -> ConsentType:
            consent_id = parse_id(id)
            if consent_id is None:
                raise NotFound("There is no consent with this id that you may see.")
            data = ConsentWithdraw.model_validate({"note": note})
            ctx = info.context
            return ConsentType.of(
                await service.withdraw_consent(
                    ctx.uow, ctx.principal, consent_id, expected_version, data.note
                )
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Share data outside the class; refused with `consent-missing` unless a "
        "valid consent covers it or a legal ground is given with an explanation"
    )
    async def record_disclosure(
        self, info: Info, student_id: strawberry.ID, input: DisclosureInput
    ) -> RecordDisclosureResult:
        async def call() -> DisclosureType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = DisclosureCreate.model_validate(given(input))
            ctx = info.context
            return DisclosureType.of(await service.disclose(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Give an external partner time-boxed access to a student, resting on a consent"
    )
    async def grant_access(
        self, info: Info, student_id: strawberry.ID, input: AccessGrantInput
    ) -> GrantAccessResult:
        async def call() -> AccessGrantType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = AccessGrantCreate.model_validate(given(input))
            ctx = info.context
            return AccessGrantType.of(await service.grant_access(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(description="End an external partner's access now")
    async def revoke_access(self, info: Info, id: strawberry.ID) -> RevokeAccessResult:
        async def call() -> AccessGrantType:
            grant_id = parse_id(id)
            if grant_id is None:
                raise NotFound("There is no access grant with this id that you may see.")
            ctx = info.context
            return AccessGrantType.of(await service.revoke_access(ctx.uow, ctx.principal, grant_id))

        return await answer(info, call)

    @strawberry.mutation(description="Write a note about a student")
    async def create_student_note(
        self, info: Info, student_id: strawberry.ID, input: NoteInput
    ) -> CreateStudentNoteResult:
        async def call() -> NoteType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = NoteCreate.model_validate(given(input))
            ctx = info.context
            return NoteType.of(await notes_service.create_note(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)
