"""The transactional outbox: side effects (webhooks, notifications, hand-overs to another
domain) are written as rows in the same transaction as the change that causes them, and
delivered later by a worker. Nothing is lost when the request's transaction commits, and
nothing is sent when it rolls back."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, DateTime, Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

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
