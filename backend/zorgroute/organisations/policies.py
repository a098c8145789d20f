"""Who may see which organisation. Deny by default: an invisible school is a 404."""

from __future__ import annotations

import uuid

from zorgroute.core.security.principal import Principal


def visible_school_ids(principal: Principal, swv_school_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Staff and systems see the schools they belong to; SWV staff the schools of their SWV."""
    return set(principal.school_ids) | set(swv_school_ids)
