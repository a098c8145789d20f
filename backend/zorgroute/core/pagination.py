"""Keyset (cursor) pagination: stable under inserts, no OFFSET scans, no count(*) per page."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import literal, tuple_
from sqlmodel.sql.expression import SelectOfScalar

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import ValidationFailed

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    items: list[T]
    # Pass as ?cursor= to get the next page; null on the last page.
    next_cursor: str | None


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([str(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _invalid_cursor() -> ValidationFailed:
    return ValidationFailed(
        "The cursor is not valid. Start again without a cursor.",
        errors=[{"location": "query", "parameter": "cursor", "detail": "invalid cursor"}],
    )


def _typed(value: Any, column: Any) -> Any:
    """A cursor value as its column's Python type; anything else is an invalid cursor."""
    python_type = column.type.python_type
    if not isinstance(value, str) or "\x00" in value:
        raise _invalid_cursor()
    try:
        if python_type is uuid.UUID:
            return uuid.UUID(value)
        if python_type is date:
            return date.fromisoformat(value)
        if python_type is int:
            return int(value)
    except ValueError:
        raise _invalid_cursor() from None
    if python_type is not str:
        raise _invalid_cursor()
    return value


def decode_cursor(cursor: str, order: Sequence[Any]) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError):
        values = None
    if not isinstance(values, list) or len(values) != len(order):
        raise _invalid_cursor()
    return [_typed(v, c) for v, c in zip(values, order, strict=True)]


async def keyset_page(
    uow: UnitOfWork,
    stmt: SelectOfScalar[R],
    order: Sequence[Any],  # columns (InstrumentedAttribute or ColumnElement)
    key: Callable[[R], Sequence[Any]],
    cursor: str | None,
    limit: int,
) -> tuple[list[R], str | None]:
    """Rows after the cursor in `order` (ascending, unique: ends with the id), and the next one."""
    if cursor:
        after = decode_cursor(cursor, order)
        bound = [literal(v, c.type) for v, c in zip(after, order, strict=True)]
        stmt = stmt.where(tuple_(*order) > tuple_(*bound))
    rows = await uow.scalars(stmt.order_by(*order).limit(limit + 1))
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(key(rows[-1]))
    return rows, None
