"""HTTP helpers shared by REST adapters: ETags for optimistic locking, list parameters."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Query

from zorgroute.core.errors import PreconditionFailed
from zorgroute.core.pagination import DEFAULT_LIMIT, MAX_LIMIT

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")]
Cursor = Annotated[str | None, Query(max_length=500, description="next_cursor of the last page")]
DEFAULT_PAGE = DEFAULT_LIMIT

_ETAG = re.compile(r'^"v(\d+)"$')


def etag(version: int) -> str:
    return f'"v{version}"'


def version_from_if_match(if_match: str | None) -> int | None:
    """The version named by If-Match, or None when the header is absent."""
    if if_match is None:
        return None
    match = _ETAG.match(if_match.strip())
    if match is None:
        raise PreconditionFailed('If-Match must be the ETag you read, e.g. "v3".')
    return int(match.group(1))
