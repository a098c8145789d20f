"""stub"""
from typing import Any

async def plan_pdf(*args: Any) -> Any:
    raise NotImplementedError

