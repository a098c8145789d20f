"""Request body size limits, and the OpenAPI description of every limit the API enforces.

A body is checked twice: against Content-Length before the app runs (no byte is read), and
while the app reads it — a chunked body has no Content-Length, and a client may lie about it.
The answer is always a 413 problem+json from this middleware, whatever the framework made of
the interrupted read (FastAPI would otherwise turn a failing body read into a 400).

The LVS roster sync carries a whole school's roster and gets its own, larger limit
(BodyLimitSettings): it is matched on the path because routing has not happened yet here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import structlog
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zorgroute.core.errors import PayloadTooLarge
from zorgroute.core.problem import ProblemDocument, problem_response
from zorgroute.core.ratelimit import LOGIN_PATHS, UNSAFE_METHODS
from zorgroute.settings import BodyLimitSettings

log = structlog.get_logger(__name__)

# The LVS bulk writes: a 5,000-student roster or a year of test results is megabytes.
BULK_PATHS = re.compile(r"^/api/v1/schools/[^/]+/(roster:sync|results:import)$")


class _BodyTooLarge(HTTPException):
    """Raised into the app from `receive`. An HTTPException, so FastAPI's body parsing passes
    it on instead of reporting a malformed body; this middleware then answers."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


class BodySizeLimitMiddleware:
    def __init__(self, app: ASGIApp, settings: BodyLimitSettings) -> None:
        self.app = app
        self.default = settings.max_bytes
        self.overrides: Sequence[tuple[re.Pattern[str], int]] = [
            (BULK_PATHS, settings.bulk_max_bytes)
        ]

    def limit_for(self, path: str) -> int:
        return next((limit for p, limit in self.overrides if p.match(path)), self.default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self._reject(scope, receive, send, limit)
            return

        received = 0
        too_large = False
        started = False

        async def receive_limited() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise _BodyTooLarge
            return message

        async def send_unless_cut_off(message: Message) -> None:
            nonlocal started
            if too_large and not started:
                return  # the app's answer to a body we cut off; ours follows below
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive_limited, send_unless_cut_off)
        except _BodyTooLarge:
            if started:
                raise
        if too_large and not started:
            await self._reject(scope, receive, send, limit)

    async def _reject(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        log.warning("payload_too_large", max_bytes=limit)
        error = PayloadTooLarge(f"This endpoint accepts at most {limit} bytes.", max_bytes=limit)
        response = problem_response(Request(scope), error.to_problem())
        await response(scope, receive, send)


def document_limits(openapi: dict[str, Any]) -> None:
    """Add the 413 and 429 answers the middlewares give to the operations they guard."""
    ref = {"$ref": "#/components/schemas/ProblemDocument"}
    schemas = openapi.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ProblemDocument", ProblemDocument.model_json_schema())
    content = {"application/problem+json": {"schema": ref}}
    too_large = {"description": "The request body is too large", "content": content}
    limited = {
        "description": "Too many requests; wait as long as Retry-After says",
        "headers": {
            "Retry-After": {
                "description": "Seconds until the limit resets",
                "schema": {"type": "integer"},
            }
        },
        "content": content,
    }
    for path, item in openapi.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            if "requestBody" in operation:
                responses.setdefault("413", too_large)
            if path in LOGIN_PATHS or (
                method.upper() in UNSAFE_METHODS and path.startswith("/api/")
            ):
                responses.setdefault("429", limited)


class RefuseWebSockets:
    """Zorgroute speaks HTTP only. Strawberry registers a WebSocket route on /graphql
    (subscriptions); a handshake would reach the session dependency without a request and fail
    there. Refuse every handshake up front: the server answers it with 403."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})
            return
        await self.app(scope, receive, send)
