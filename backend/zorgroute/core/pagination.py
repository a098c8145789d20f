"""Keyset (cursor) pagination: stable under inserts, no OFFSET scans, no count(*) per page."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import String, cast, literal, tuple_
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


def decode_cursor(cursor: str, size: int) -> list[str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError):
        values = None
    if not isinstance(values, list) or len(values) != size:
        raise ValidationFailed(
            "The cursor is not valid. Start again without a cursor.",
            errors=[{"location": "query", "parameter": "cursor", "detail": "invalid cursor"}],
        )
    return [str(v) for v in values]


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
        after = decode_cursor(cursor, len(order))
        # Cursor values are text; cast each to its column's type (uuid, date, …) on the constant
        # side, so the (sort_key, id) index can still serve the comparison.
        bound = [cast(literal(v, String), c.type) for v, c in zip(after, order, strict=True)]
        stmt = stmt.where(tuple_(*order) > tuple_(*bound))
    rows = await uow.scalars(stmt.order_by(*order).limit(limit + 1))
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(key(rows[-1]))
    return rows, None
