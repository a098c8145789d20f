"""stub"""
from typing import Any

async def create(*args: Any) -> Any:
    raise NotImplementedError

async def get(*args: Any) -> Any:
    raise NotImplementedError

async def update(*args: Any) -> Any:
    raise NotImplementedError

async def sign(*args: Any) -> Any:
    raise NotImplementedError

async def evaluate(*args: Any) -> Any:
    raise NotImplementedError

