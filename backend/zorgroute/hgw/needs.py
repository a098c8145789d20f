"""stub"""
from typing import Any

async def list_needs(*args: Any) -> Any:
    raise NotImplementedError

async def create_need(*args: Any) -> Any:
    raise NotImplementedError

async def update_need(*args: Any) -> Any:
    raise NotImplementedError

def helper_phrases() -> Any:
    raise NotImplementedError
