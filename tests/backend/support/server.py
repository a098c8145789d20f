"""Run the app as a real HTTP server on loopback, for clients that cannot use ASGI in-process.

The server runs in a thread with its own event loop and its own ``create_app(settings)``
instance, so its asyncpg pool never meets pytest-asyncio's session loop (pooled connections
cannot cross event loops). ``start_server()`` binds a free 127.0.0.1 port itself (no race with
another process picking the same port), waits until /health/live answers and hands back a
handle; ``stop()`` asks uvicorn to exit (which runs the app's lifespan shutdown) and joins.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

import httpx
import uvicorn

from zorgroute.main import create_app
from zorgroute.settings import Settings

START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 10.0


class ServerError(RuntimeError):
    """The server did not start, or did not stop in time."""


@dataclass
class RunningServer:
    """A uvicorn server in a background thread. Use as a context manager or call ``stop()``."""

    base_url: str
    server: uvicorn.Server
    thread: threading.Thread
    errors: list[BaseException] = field(default_factory=list)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=STOP_TIMEOUT_S)
        if self.thread.is_alive():
            raise ServerError(
                f"the server at {self.base_url} did not stop within {STOP_TIMEOUT_S}s"
            )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_server(settings: Settings, timeout: float = START_TIMEOUT_S) -> RunningServer:
    """Serve a fresh ``create_app(settings)`` on 127.0.0.1 and wait until it is live."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port: int = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings),
        log_config=None,  # keep the app's own logging set-up
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    handle = RunningServer(
        base_url=f"http://127.0.0.1:{port}",
        server=server,
        thread=threading.Thread(target=lambda: None),
    )

    def serve() -> None:
        try:
            server.run(sockets=[sock])  # a new event loop, owned by this thread
        except BaseException as exc:  # reported by the waiter below
            handle.errors.append(exc)
        finally:
            sock.close()

    handle.thread = threading.Thread(target=serve, name=f"uvicorn-{port}", daemon=True)
    handle.thread.start()
    deadline = time.monotonic() + timeout
    while True:
        if handle.errors or not handle.thread.is_alive():
            raise ServerError(f"the server on port {port} exited early: {handle.errors!r}")
        if server.started and _live(handle.base_url):
            return handle
        if time.monotonic() > deadline:
            handle.stop()
            raise ServerError(f"the server on port {port} was not live after {timeout:.0f}s")
        time.sleep(0.05)


def _live(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/health/live", timeout=1.0).status_code == httpx.codes.OK
    except httpx.TransportError:
        return False
