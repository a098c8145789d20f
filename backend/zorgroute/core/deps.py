"""Request-scoped dependencies shared by every REST router and the GraphQL context."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from zorgroute.core.db import UnitOfWork, get_uow

# scope="function": the commit happens before the response is sent (FastAPI's default for
# yield dependencies, "request", would commit after it — a client could read stale data).
Uow = Annotated[UnitOfWork, Depends(get_uow, scope="function")]
