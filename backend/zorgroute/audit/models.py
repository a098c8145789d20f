"""Append-only audit trail: who did or saw what, for which school, in which request."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, DateTime, Index, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from zorgroute.core.models import new_id, utcnow

if TYPE_CHECKING:
    from zorgroute.core.db import PendingAudit


class AuditEvent(SQLModel, table=True):
    """audit_event: the app role may INSERT and SELECT only; a trigger refuses UPDATE and DELETE.

    Not under row-level security yet: events without a school (logins) must be writable too.
    Details hold counts and codes, never names or free-text notes about a student.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_target", "target_type", "target_id", "occurred_at"),
        Index("ix_audit_event_school_time", "school_id", "occurred_at"),
        Index("ix_audit_event_student", "student_id", "occurred_at"),
        {"info": {"tenant": False}},
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    occurred_at: datetime = Field(
        default_factory=utcnow,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    actor_kind: str = Field(sa_column=Column(String(20), nullable=False))
    actor_id: str | None = Field(default=None, sa_column=Column(String(200)))
    actor_role: str | None = Field(default=None, sa_column=Column(String(60)))
    school_id: uuid.UUID | None = Field(default=None)
    action: str = Field(sa_column=Column(String(100), nullable=False))
    target_type: str = Field(sa_column=Column(String(60), nullable=False))
    target_id: uuid.UUID | None = Field(default=None)
    # The student the event is about (a read of their dossier, a note, a consent): the
    # privacy officer's "who looked at this student" and the inzage export query on it.
    student_id: uuid.UUID | None = Field(default=None)
    purpose: str | None = Field(default=None, sa_column=Column(String(100)))
    request_id: str | None = Field(default=None, sa_column=Column(String(100)))
    details: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))


def audit_rows(
    pending: list[PendingAudit], actor: Any, request_id: str | None
) -> list[dict[str, Any]]:
    """Expand the unit of work's pending audit entries into insertable rows."""
    kind = getattr(actor, "kind", "anonymous")
    actor_id = getattr(actor, "audit_id", None)
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for entry in pending:
        role = actor.role_in(entry.school_id) if actor is not None and entry.school_id else None
        for target_id in entry.target_ids:
            rows.append(
                {
                    "id": new_id(),
                    "occurred_at": now,
                    "actor_kind": kind,
                    "actor_id": actor_id,
                    "actor_role": role,
                    "school_id": entry.school_id,
                    "action": entry.action,
                    "target_type": entry.target_type,
                    "target_id": target_id,
                    "student_id": target_id if entry.target_type == "student" else entry.student_id,
                    "purpose": entry.purpose,
                    "request_id": request_id,
                    "details": entry.details,
                }
            )
    return rows
