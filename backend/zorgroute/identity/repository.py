"""All SQL of the identity domain."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime

from sqlalchemy import update
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.identity.models import (
    IntegrationClient,
    IntegrationClientSchool,
    SchoolMembership,
    SwvMembership,
    UserAccount,
    WebSession,
)


async def account_by_subject(uow: UnitOfWork, issuer: str, subject: str) -> UserAccount | None:
    return await uow.first(
        select(UserAccount).where(UserAccount.issuer == issuer, UserAccount.subject == subject)
    )


async def account(uow: UnitOfWork, user_id: uuid.UUID) -> UserAccount | None:
    return await uow.first(select(UserAccount).where(UserAccount.id == user_id))


async def memberships(uow: UnitOfWork, user_id: uuid.UUID) -> list[SchoolMembership]:
    return await uow.scalars(select(SchoolMembership).where(SchoolMembership.user_id == user_id))


async def swv_memberships(uow: UnitOfWork, user_id: uuid.UUID) -> list[SwvMembership]:
    return await uow.scalars(select(SwvMembership).where(SwvMembership.user_id == user_id))


async def session_by_hash(uow: UnitOfWork, token_hash: str) -> WebSession | None:
    return await uow.first(select(WebSession).where(WebSession.token_hash == token_hash))


async def touch_session(uow: UnitOfWork, session_id: uuid.UUID, now: datetime) -> None:
    await uow.execute(
        update(WebSession).where(col(WebSession.id) == session_id).values(last_seen_at=now)
    )


async def revoke_session(uow: UnitOfWork, session_id: uuid.UUID, now: datetime) -> None:
    await uow.execute(
        update(WebSession).where(col(WebSession.id) == session_id).values(revoked_at=now)
    )


async def integration_client(
    uow: UnitOfWork, issuer: str, client_id: str
) -> IntegrationClient | None:
    return await uow.first(
        select(IntegrationClient).where(
            IntegrationClient.issuer == issuer, IntegrationClient.client_id == client_id
        )
    )


async def client_school_ids(uow: UnitOfWork, client_pk: uuid.UUID) -> list[uuid.UUID]:
    return await uow.scalars(
        select(IntegrationClientSchool.school_id).where(
            IntegrationClientSchool.client_id == client_pk
        )
    )


def roles_by_school(rows: list[SchoolMembership]) -> dict[uuid.UUID, frozenset[str]]:
    grouped: dict[uuid.UUID, set[str]] = defaultdict(set)
    for m in rows:
        grouped[m.school_id].add(m.role)
    return {k: frozenset(v) for k, v in grouped.items()}
