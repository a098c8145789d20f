"""stub"""
from typing import Any

async def get(*args: Any) -> Any:
    raise NotImplementedError

async def start(*args: Any) -> Any:
    raise NotImplementedError

async def add_version(*args: Any) -> Any:
    raise NotImplementedError

