"""Shared answers of the domains' GraphQL fields: the client's input as the Pydantic command
sees it, a mutation's result or Problem, and a read that is null when the record is not yours
to see and a Problem when your role may not read it."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from pydantic import ValidationError
from strawberry.types import Info

from zorgroute.core.errors import AppError, Forbidden, NotFound
from zorgroute.graphql.errors import Problem
from zorgroute.graphql.ids import parse_id

T = TypeVar("T")


def _plain(value: Any) -> Any:
    """A GraphQL input value as the JSON REST would have received: nested inputs become dicts
    without the fields the client left out."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return given(value)
    return value


def given(input: object) -> dict[str, Any]:
    """The fields the client sent, for the Pydantic command (nested inputs included)."""
    return {k: _plain(v) for k, v in vars(input).items() if v is not strawberry.UNSET}


def some_id(value: strawberry.ID, not_found: str) -> uuid.UUID:
    """The UUID behind an id argument; one that cannot be ours is simply not found."""
    found = parse_id(value)
    if found is None:
        raise NotFound(not_found)
    return found


async def answer(info: Info, call: Callable[[], Awaitable[T]]) -> T | Problem:
    """A mutation's result: what the service returned, or its refusal as a Problem (and
    nothing of a refused operation is committed)."""
    try:
        return await call()
    except ValidationError as exc:
        return Problem.from_validation(exc)
    except AppError as exc:
        info.context.uow.rollback_only = True
        return Problem.from_error(exc)


async def visible(
    info: Info,
    value: strawberry.ID,
    read: Callable[[uuid.UUID], Awaitable[T]],
    *,
    student: bool = False,
) -> T | Problem | None:
    """A read of one record: null when you may not see it (as `student` does), a Problem when
    your role may not read it although you see what it belongs to, or when an argument is
    wrong. Either refusal is audited
    as `access.denied`, as REST's 403/404 are (`student`: the id is a student's)."""
    record_id = parse_id(value)
    if record_id is None:
        return None
    try:
        return await read(record_id)
    except NotFound as exc:
        _denied(info, record_id, student, 404, exc.code)
        return None
    except Forbidden as exc:  # an answer, not a failure
        _denied(info, record_id, student, 403, exc.code)
        return Problem.from_error(exc)
    except AppError as exc:  # the read's own arguments are wrong (a filter out of range)
        return Problem.from_error(exc)


def _denied(info: Info, record_id: uuid.UUID, student: bool, status: int, code: str) -> None:
    # The read's own transaction commits (a refusal in a query is an answer, not an error).
    info.context.uow.audit(
        "access.denied",
        f"graphql:{info.field_name}"[:60],
        record_id,
        None,
        {"status": status, "code": code},
        student_id=record_id if student else None,
    )
