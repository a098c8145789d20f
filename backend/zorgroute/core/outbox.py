"""The transactional outbox: side effects (webhooks, notifications, hand-overs to another
domain) are written as rows in the same transaction as the change that causes them, and
delivered later by a worker. Nothing is lost when the request's transaction commits, and
nothing is sent when it rolls back."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, DateTime, Index, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin


class OutboxEvent(IdMixin, TenantMixin, TimestampMixin, table=True):
    __tablename__ = "outbox_event"
    __table_args__ = (
        Index("ix_outbox_event_unpublished", "created_at", postgresql_where="published_at is null"),
    )

    topic: str = Field(sa_column=Column(String(100), nullable=False))
    # Ids and codes only: never names or free text about a pupil.
    payload: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    published_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


def emit(uow: UnitOfWork, school_id: uuid.UUID, topic: str, payload: dict[str, Any]) -> None:
    uow.add(OutboxEvent(school_id=school_id, topic=topic, payload=payload))


async def emit_once(
    uow: UnitOfWork, school_id: uuid.UUID, topic: str, items: list[dict[str, Any]]
) -> int:
    """Emit each item that carries a `key` not yet sent under this topic: a morning job that
    runs twice writes nothing new, and a moved due date (a new key) notifies again."""
    keys = [item["key"] for item in items]
    if not keys:
        return 0
    key = func.jsonb_extract_path_text(OutboxEvent.payload, "key")
    sent = set(
        await uow.scalars(
            select(key).where(
                OutboxEvent.school_id == school_id, OutboxEvent.topic == topic, key.in_(keys)
            )
        )
    )
    new = [item for item in items if item["key"] not in sent]
    for item in new:
        emit(uow, school_id, topic, item)
    return len(new)
