"""Refused access (403, and 404 for what you may not see) is a security event: it is written
to the audit trail in its own transaction, because the request's unit of work rolls back."""

from __future__ import annotations

import uuid
from typing import Any

import structlog
from sqlalchemy import insert
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import new_id, utcnow

log = structlog.get_logger(__name__)
DENIED = frozenset({403, 404})


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


async def record_denial(request: Request, status: int, code: str) -> None:
    """An authenticated caller was refused: who, which route, which student (if named)."""
    principal = getattr(request.state, "principal", None)
    engine = getattr(request.app.state, "engine", None)
    if principal is None or engine is None or status not in DENIED:
        return
    route = request.scope.get("route")
    row = {
        "id": new_id(),
        "occurred_at": utcnow(),
        "actor_kind": principal.kind,
        "actor_id": principal.audit_id,
        "action": "access.denied",
        "target_type": getattr(route, "path", "unknown")[:60],
        "student_id": _uuid(request.path_params.get("student_id")),
        "request_id": getattr(request.state, "request_id", None),
        "details": {"status": status, "code": code, "method": request.method},
    }
    try:
        async with engine.begin() as conn:
            await conn.execute(insert(AuditEvent), [row])
    except SQLAlchemyError:
        # Never turn a refusal into a 500; the log line says that the event is missing.
        log.warning("denial_not_audited", status=status, code=code)
