"""stub"""
from typing import Any

async def get_settings(*args: Any) -> Any:
    raise NotImplementedError

async def put_settings(*args: Any) -> Any:
    raise NotImplementedError

async def list_periods(*args: Any) -> Any:
    raise NotImplementedError

async def create_period(*args: Any) -> Any:
    raise NotImplementedError

async def archive_period(*args: Any) -> Any:
    raise NotImplementedError

