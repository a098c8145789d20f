"""stub"""
from typing import Any

async def student_timeline(*args: Any) -> Any:
    raise NotImplementedError

