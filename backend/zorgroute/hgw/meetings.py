"""stub"""
from typing import Any

async def create_meeting(*args: Any) -> Any:
    raise NotImplementedError

async def get_meeting(*args: Any) -> Any:
    raise NotImplementedError

async def update_meeting(*args: Any) -> Any:
    raise NotImplementedError

async def add_question(*args: Any) -> Any:
    raise NotImplementedError

async def hold_meeting(*args: Any) -> Any:
    raise NotImplementedError

