"""Rate limits that hold across every API replica: fixed windows counted in PostgreSQL.

The API runs as several pods behind one ingress, so a counter in process memory would give
each client the limit once per pod (and reset on every deploy). PostgreSQL is already shared:
one upsert per counted request, in its own short transaction on the app's engine — never in the
request's unit of work, so a request that fails and rolls back has still been counted. The
table is UNLOGGED (no WAL, not replicated): losing the counters in a crash or failover only
forgets the current minute.

What is counted (RateLimitSettings): the login endpoints per client IP, and unsafe requests to
the API (REST writes, every GraphQL POST) per credential — the session cookie or bearer token as
sent, or the client IP without one. Credentials are not validated here (that is the route's job,
inside the unit of work); keying on the raw value costs nothing and cannot be aimed at someone
else's budget. Made-up credentials would each get a fresh budget, so all credentialed writes from
one IP also share a larger per-IP budget. Keys are HMACs under the app's secret: the table holds
no addresses, cookies or tokens.

If the database cannot be reached the limiter lets the request through and logs an error: the
request most likely fails on the same database, and a limiter must not turn a blip into an outage.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from sqlalchemy import Column, DateTime, Integer, Table, Text, text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.datastructures import Headers
from starlette.requests import Request, cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from zorgroute.core.errors import RateLimited
from zorgroute.core.models import metadata
from zorgroute.core.problem import problem_response
from zorgroute.settings import RateLimitSettings

log = structlog.get_logger(__name__)

rate_limit_bucket = Table(
    "rate_limit_bucket",
    metadata,
    Column("key", Text, primary_key=True),
    Column("window_start", DateTime(timezone=True), primary_key=True),
    Column("count", Integer, nullable=False),
    prefixes=["UNLOGGED"],
    info={"tenant": False},
)

# The window is the database's: replicas with skewed clocks still count into the same row.
_HIT = text(
    """
    INSERT INTO rate_limit_bucket AS b (key, window_start, count)
    SELECT k, date_bin(make_interval(secs => CAST(:window AS integer)), now(),
                       TIMESTAMPTZ '1970-01-01 00:00:00+00'), 1
    FROM unnest(CAST(:keys AS text[])) AS k
    ON CONFLICT (key, window_start) DO UPDATE SET count = b.count + 1
    RETURNING b.key, b.count,
        CAST(ceil(extract(epoch FROM b.window_start
            + make_interval(secs => CAST(:window AS integer)) - now())) AS integer) AS retry_after
    """
)
_CLEANUP = text(
    "DELETE FROM rate_limit_bucket "
    "WHERE window_start < now() - make_interval(secs => CAST(:window AS integer))"
)

LOGIN_PATHS = frozenset({"/auth/login", "/auth/callback"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int


@dataclass(frozen=True)
class Exceeded:
    retry_after: int  # seconds until the window ends
    rules: tuple[str, ...]  # which limits: "login", "write", "write-ip", "write-anonymous"


class RateLimiter:
    """Counts hits per key in the current window of `window_seconds`."""

    def __init__(self, engine: AsyncEngine, secret: str, window_seconds: int) -> None:
        self.engine = engine
        self.window_seconds = window_seconds
        self._secret = secret.encode()
        self._last_cleanup = float("-inf")

    def key(self, kind: str, value: str) -> str:
        digest = hmac.new(self._secret, f"{kind}\0{value}".encode(), hashlib.sha256)
        return f"{kind}:{digest.hexdigest()[:32]}"

    async def hit(self, limits: Sequence[Limit]) -> Exceeded | None:
        """Count one request against each limit; what was exceeded, if anything.

        Requests over the limit count too: a client that keeps hammering stays limited until
        the window ends.
        """
        limit_of = {lim.key: lim.limit for lim in limits}  # distinct keys: one upsert each
        params = {"keys": list(limit_of), "window": self.window_seconds}
        try:
            async with self.engine.begin() as conn:
                rows = (await conn.execute(_HIT, params)).all()
                if time.monotonic() - self._last_cleanup >= self.window_seconds:
                    # Opportunistic: each process clears finished windows once per window.
                    self._last_cleanup = time.monotonic()
                    await conn.execute(_CLEANUP, {"window": self.window_seconds})
        except Exception as exc:
            log.error("rate_limit_unavailable", error_type=type(exc).__name__)
            return None
        over = [(key, max(1, wait)) for key, count, wait in rows if count > limit_of[key]]
        if not over:
            return None
        return Exceeded(
            retry_after=max(wait for _, wait in over),
            rules=tuple(sorted({key.partition(":")[0] for key, _ in over})),
        )


class RateLimitMiddleware:
    """Answers 429 problem+json with Retry-After before the request reaches the app."""

    def __init__(
        self,
        app: ASGIApp,
        limiter: RateLimiter,
        settings: RateLimitSettings,
        session_cookie: str,
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.settings = settings
        self.session_cookie = session_cookie

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limits = self.limits_for(scope) if scope["type"] == "http" else []
        exceeded = await self.limiter.hit(limits) if limits else None
        if exceeded is None:
            await self.app(scope, receive, send)
            return
        # A security event (ASVS 7.2): which limit, never whose key.
        log.warning("rate_limited", rules=list(exceeded.rules))
        wait = exceeded.retry_after
        error = RateLimited(f"Try again in {wait} seconds.")
        response = problem_response(Request(scope), error.to_problem(), {"Retry-After": str(wait)})
        await response(scope, receive, send)

    def limits_for(self, scope: Scope) -> list[Limit]:
        path: str = scope["path"]
        client = scope.get("client")
        ip = client[0] if client else "unknown"
        key = self.limiter.key
        if path in LOGIN_PATHS:
            return [Limit(key("login", ip), self.settings.login_per_ip)]
        if scope["method"] not in UNSAFE_METHODS or not _is_api(path):
            return []
        credential = self._credential(scope)
        if credential is None:
            return [Limit(key("write-anonymous", ip), self.settings.writes_per_principal)]
        return [
            Limit(key("write", credential), self.settings.writes_per_principal),
            Limit(key("write-ip", ip), self.settings.writes_per_ip),
        ]

    def _credential(self, scope: Scope) -> str | None:
        # The same precedence as identity.deps.optional_principal: a bearer token wins.
        headers = Headers(scope=scope)
        authorization = headers.get("authorization")
        if authorization:
            return "authorization:" + authorization
        cookie = cookie_parser(headers.get("cookie", "")).get(self.session_cookie)
        return "session:" + cookie if cookie else None


def _is_api(path: str) -> bool:
    return path == "/graphql" or path.startswith(("/api/", "/graphql/"))
