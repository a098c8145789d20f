"""GraphQL ids are opaque strings to clients; ours are UUIDs."""

from __future__ import annotations

import uuid


def parse_id(value: str) -> uuid.UUID | None:
    """The UUID behind a GraphQL ID, or None when it cannot be one of ours (then: not found)."""
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
