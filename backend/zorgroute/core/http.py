"""HTTP helpers shared by REST adapters: ETags for optimistic locking, list parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Query

from zorgroute.core.pagination import DEFAULT_LIMIT, MAX_LIMIT

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")]
Cursor = Annotated[str | None, Query(max_length=500, description="next_cursor of the last page")]
DEFAULT_PAGE = DEFAULT_LIMIT


def etag(version: int) -> str:
    return f'"v{version}"'


def version_from_if_match(if_match: str | None) -> int | None:
    """The version named by If-Match ('"v3"', checked by the route), or None when absent."""
    return None if if_match is None else int(if_match.strip().strip('"').removeprefix("v"))


IfMatch = Annotated[
    str | None, Header(pattern=r'^"v\d+"$', description='The ETag you read, e.g. "v3"')
]
