"""stub"""
from typing import Any

async def create_plan(*args: Any) -> Any:
    raise NotImplementedError

async def get_plan(*args: Any) -> Any:
    raise NotImplementedError

async def update_plan(*args: Any) -> Any:
    raise NotImplementedError

async def transition(*args: Any) -> Any:
    raise NotImplementedError

async def amend(*args: Any) -> Any:
    raise NotImplementedError

async def list_plans(*args: Any) -> Any:
    raise NotImplementedError
