"""stub"""
from typing import Any

async def list_overviews(*args: Any) -> Any:
    raise NotImplementedError

async def create_overview(*args: Any) -> Any:
    raise NotImplementedError

async def get_overview(*args: Any) -> Any:
    raise NotImplementedError

async def update_row(*args: Any) -> Any:
    raise NotImplementedError

async def publish(*args: Any) -> Any:
    raise NotImplementedError

async def create_signal(*args: Any) -> Any:
    raise NotImplementedError

async def delete_signal(*args: Any) -> Any:
    raise NotImplementedError

async def create_result(*args: Any) -> Any:
    raise NotImplementedError

