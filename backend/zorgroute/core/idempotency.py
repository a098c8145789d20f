"""Idempotency-Key storage for LVS bulk writes: replay on repeat, 422 on a different body."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Column, DateTime, Integer, String, UniqueConstraint, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import IdempotencyInProgress, IdempotencyKeyReused
from zorgroute.core.models import IdMixin, TenantMixin, utcnow


class IdempotencyRecord(IdMixin, TenantMixin, table=True):
    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("school_id", "caller", "operation", "key"),)

    caller: str = Field(sa_column=Column(String(200), nullable=False))
    operation: str = Field(sa_column=Column(String(100), nullable=False))
    key: str = Field(sa_column=Column(String(200), nullable=False))
    request_hash: str = Field(sa_column=Column(String(64), nullable=False))
    response_status: int = Field(sa_column=Column(Integer, nullable=False))
    response_body: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    created_at: datetime = Field(
        default_factory=utcnow,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


def request_hash(body: Any) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


async def begin(
    uow: UnitOfWork,
    school_id: uuid.UUID,
    caller: str,
    operation: str,
    key: str,
    body_hash: str,
) -> IdempotencyRecord | None:
    """Claim the key for this transaction. Returns the stored record if this is a replay."""
    # A transaction-scoped advisory lock: a second request with the same key while the first
    # still runs gets a 409 instead of doing the work twice. Released at commit or rollback.
    lock_key = f"{school_id}:{caller}:{operation}:{key}"
    got = await uow.scalar(
        text("select pg_try_advisory_xact_lock(hashtextextended(:k, 0))").bindparams(k=lock_key)
    )
    if not got:
        raise IdempotencyInProgress("Wait for the first request to finish, then repeat it.")
    existing = await uow.first(
        select(IdempotencyRecord).where(
            IdempotencyRecord.school_id == school_id,
            IdempotencyRecord.caller == caller,
            IdempotencyRecord.operation == operation,
            IdempotencyRecord.key == key,
        )
    )
    if existing is not None and existing.request_hash != body_hash:
        raise IdempotencyKeyReused(
            "The body differs from the first request with this key. Use a new key."
        )
    return existing


def finish(
    uow: UnitOfWork,
    school_id: uuid.UUID,
    caller: str,
    operation: str,
    key: str,
    body_hash: str,
    status: int,
    body: dict[str, Any],
) -> None:
    uow.add(
        IdempotencyRecord(
            school_id=school_id,
            caller=caller,
            operation=operation,
            key=key,
            request_hash=body_hash,
            response_status=status,
            response_body=body,
        )
    )


async def run_once(
    uow: UnitOfWork,
    school_id: uuid.UUID,
    caller: str,
    operation: str,
    key: str,
    raw_body: Any,
    work: Callable[[], Awaitable[dict[str, Any]]],
) -> tuple[int, dict[str, Any], bool]:
    """Do `work` once per Idempotency-Key: a repeat replays the stored answer. Returns
    (status, body, replayed); the answer is stored in the same transaction as the work."""
    body_hash = request_hash(raw_body)
    stored = await begin(uow, school_id, caller, operation, key, body_hash)
    if stored is not None:
        return stored.response_status, stored.response_body, True
    body = await work()
    finish(uow, school_id, caller, operation, key, body_hash, 200, body)
    return 200, body, False
