"""Abuse limits (OWASP ASVS L2): rate limits shared by all replicas through PostgreSQL, request
body size limits, GraphQL document limits, no introspection in production, no caching.

The suite's shared app runs without rate limits (conftest); every test here builds its own
app with tiny limits and talks to it from its own made-up client address, so buckets of
different tests never meet. Windows are an hour long: a test cannot straddle a window boundary
(and see its counts reset) unless it runs across the full hour.
"""

from __future__ import annotations

import importlib.util
import json
import secrets
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import structlog
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from support.factories import World, roster_payload

from zorgroute.main import create_app
from zorgroute.settings import BodyLimitSettings, GraphQLSettings, RateLimitSettings, Settings

TEST_BASE_URL = "http://testserver"
PROBLEM = "application/problem+json"
HOUR = 3600
BENCH_SYNC = "bench/roster_sync.py"


# -- helpers ------------------------------------------------------------------------------
def random_ip() -> str:
    return "10." + ".".join(str(secrets.randbelow(250) + 1) for _ in range(3))


def limits(**values: Any) -> RateLimitSettings:
    return RateLimitSettings(**{"window_seconds": HOUR, **values})


@asynccontextmanager
async def make_app(settings: Settings, **update: Any) -> AsyncIterator[FastAPI]:
    app = create_app(settings.model_copy(update=update))
    try:
        yield app
    finally:
        await app.state.engine.dispose()


@asynccontextmanager
async def client_of(app: FastAPI, ip: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=(ip, 40000))
    async with httpx.AsyncClient(transport=transport, base_url=TEST_BASE_URL) as c:
        yield c


@asynccontextmanager
async def serve(
    settings: Settings, ip: str | None = None, **update: Any
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """An app with these settings changed, and a client calling it from `ip` (or a fresh one)."""
    async with make_app(settings, **update) as app, client_of(app, ip or random_ip()) as c:
        yield app, c


def assert_problem(resp: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == PROBLEM
    assert resp.headers["cache-control"] == "no-store"
    body: dict[str, Any] = resp.json()
    assert body["status"] == status and body["code"] == code
    assert body["type"] == f"https://zorgroute.nl/problems/{code}"
    assert body["trace_id"] == resp.headers["x-request-id"]
    return body


def assert_rate_limited(resp: httpx.Response) -> None:
    assert_problem(resp, 429, "rate-limited")
    assert 1 <= int(resp.headers["retry-after"]) <= HOUR


def student_url(world: World, ext: str = "ll-1") -> str:
    return f"/api/v1/students/{world.students[ext]}"


async def failing_write(c: httpx.AsyncClient, world: World, headers: dict[str, str]) -> int:
    """A write the app refuses (stale If-Match: 412) and rolls back."""
    resp = await c.patch(
        student_url(world), json={"given_name": "X"}, headers={**headers, "If-Match": '"v99"'}
    )
    return resp.status_code


# -- rate limits ----------------------------------------------------------------------------
async def test_login_is_limited_per_client_address(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = capture_structlog(monkeypatch)
    ip = random_ip()
    async with serve(settings, ip, rate_limit=limits(login_per_ip=2)) as (app, c):
        assert (await c.get("/auth/login")).status_code == 302
        assert (await c.get("/auth/login")).status_code == 302
        assert_rate_limited(await c.get("/auth/login"))
        # The callback shares the budget: together they are one login.
        assert_rate_limited(await c.get("/auth/callback", params={"code": "x"}))
        async with client_of(app, random_ip()) as other:
            assert (await other.get("/auth/login")).status_code == 302
    # Logged as a security event, naming the limit and not the address.
    limited = [json.loads(line) for line in lines if '"rate_limited"' in line]
    assert [entry["rules"] for entry in limited] == [["login"], ["login"]]
    assert ip not in "".join(lines)


async def test_writes_are_limited_per_session_not_per_address(
    settings: Settings, world: World
) -> None:
    # Two logins of one person behind one address: each session has its own budget.
    first, second = await world.headers("team_leader"), await world.headers("team_leader")
    async with serve(settings, rate_limit=limits(writes_per_principal=2)) as (_, c):
        assert await failing_write(c, world, first) == 412
        assert await failing_write(c, world, first) == 412
        resp = await c.patch(
            student_url(world), json={"given_name": "X"}, headers={**first, "If-Match": '"v1"'}
        )
        assert_rate_limited(resp)
        # Reads are not limited; the other session behind the same address has its own budget.
        assert (await c.get("/api/v1/me", headers=first)).status_code == 200
        assert await failing_write(c, world, second) == 412
        # Without credentials the address is the key: a budget of its own, too.
        assert (
            await c.post("/graphql", json={"query": "{ me { displayName } }"})
        ).status_code == 200


async def test_rolled_back_requests_count_and_limited_ones_never_run(
    settings: Settings, world: World
) -> None:
    headers = await world.headers("team_leader")
    async with serve(settings, rate_limit=limits(writes_per_principal=2)) as (_, c):
        for _ in range(2):  # invalid: the unit of work rolls back
            resp = await c.patch(
                student_url(world),
                json={"date_of_birth": "not-a-date"},
                headers={**headers, "If-Match": '"v1"'},
            )
            assert resp.status_code == 422
        resp = await c.patch(
            student_url(world),
            json={"given_name": "Limiet"},
            headers={**headers, "If-Match": '"v1"'},
        )
        assert_rate_limited(resp)
        assert (await c.get(student_url(world), headers=headers)).json()["given_name"] == "Emma"


async def test_every_graphql_post_counts_as_a_write(settings: Settings, world: World) -> None:
    headers = await world.headers("team_leader")
    query = {"query": "{ me { displayName } }"}
    async with serve(settings, rate_limit=limits(writes_per_principal=1)) as (_, c):
        assert (await c.post("/graphql", json=query, headers=headers)).status_code == 200
        assert_rate_limited(await c.post("/graphql", json=query, headers=headers))


async def test_bearer_tokens_are_limited_too(settings: Settings, lvs_token: str) -> None:
    headers = {"Authorization": f"Bearer {lvs_token}"}
    url = f"/api/v1/schools/{uuid.uuid4()}/roster:sync"
    async with serve(settings, rate_limit=limits(writes_per_principal=1)) as (_, c):
        assert (await c.post(url, json={}, headers=headers)).status_code == 422
        assert_rate_limited(await c.post(url, json={}, headers=headers))


async def test_limits_hold_across_replicas(
    settings: Settings, world: World, app_engine: AsyncEngine
) -> None:
    """Two app instances — two engines, two limiters, as two pods — share one budget."""
    headers = await world.headers("team_leader")
    rate = limits(writes_per_principal=3)
    ip = random_ip()
    async with (
        make_app(settings, rate_limit=rate) as pod_a,
        make_app(settings, rate_limit=rate) as pod_b,
    ):
        async with client_of(pod_a, ip) as a, client_of(pod_b, ip) as b:
            assert await failing_write(a, world, headers) == 412
            assert await failing_write(b, world, headers) == 412
            assert await failing_write(a, world, headers) == 412
            assert_rate_limited(await b.patch(student_url(world), json={}, headers=headers))
        cookie = headers["Cookie"].removeprefix("zr_session=")
        key = pod_a.state.rate_limiter.key("write", f"session:{cookie}")
    async with app_engine.connect() as conn:
        count = (
            await conn.execute(
                text("select count from rate_limit_bucket where key = :k"), {"k": key}
            )
        ).scalar_one()
    assert count == 4


async def test_made_up_credentials_share_the_address_budget(settings: Settings) -> None:
    rate = limits(writes_per_principal=100, writes_per_ip=3)
    async with serve(settings, rate_limit=rate) as (_, c):

        async def post_with_fresh_cookie() -> httpx.Response:
            cookie = {"Cookie": f"zr_session={secrets.token_urlsafe(16)}"}
            return await c.post("/api/v1/schools/x/roster:sync", json={}, headers=cookie)

        for _ in range(3):
            assert (await post_with_fresh_cookie()).status_code != 429
        assert_rate_limited(await post_with_fresh_cookie())


async def test_buckets_hold_no_addresses_and_old_windows_are_deleted(
    settings: Settings, app_engine: AsyncEngine
) -> None:
    ip = random_ip()
    async with app_engine.begin() as conn:
        persistence = (
            await conn.execute(
                text("select relpersistence from pg_class where relname = 'rate_limit_bucket'")
            )
        ).scalar_one()
        assert persistence == b"u"  # UNLOGGED
        await conn.execute(
            text(
                "insert into rate_limit_bucket (key, window_start, count) "
                "values ('stale-test', now() - interval '2 hours', 5)"
            )
        )
    async with make_app(settings, rate_limit=limits()) as app:  # a fresh process cleans up
        async with client_of(app, ip) as c:
            await c.get("/auth/login")
        login_key = app.state.rate_limiter.key("login", ip)
    async with app_engine.connect() as conn:
        keys = (await conn.execute(text("select key from rate_limit_bucket"))).scalars().all()
    assert "stale-test" not in keys
    assert login_key in keys
    assert not any(ip in key for key in keys)


async def test_an_unreachable_limiter_lets_requests_through(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = capture_structlog(monkeypatch)
    async with make_app(settings, rate_limit=limits(writes_per_principal=1)) as app:
        limiter = app.state.rate_limiter
        limiter.engine = create_async_engine(
            "postgresql+asyncpg://nobody@/nothing?host=/nonexistent-socket-dir"
        )
        try:
            async with client_of(app, random_ip()) as c:
                for _ in range(2):
                    resp = await c.post("/graphql", json={"query": "{ me { displayName } }"})
                    assert resp.status_code == 200
        finally:
            await limiter.engine.dispose()
    assert any('"rate_limit_unavailable"' in line for line in lines)


# -- request body size ----------------------------------------------------------------------
def padded_update(size: int) -> bytes:
    return json.dumps({"given_name": "X", "padding": "x" * size}).encode()


async def test_oversized_body_is_refused_by_its_content_length(
    settings: Settings, world: World
) -> None:
    headers = await world.headers("team_leader")
    async with serve(settings, body_limit=BodyLimitSettings(max_bytes=1000)) as (_, c):
        resp = await c.patch(
            student_url(world),
            content=padded_update(2000),
            headers={**headers, "If-Match": '"v1"', "Content-Type": "application/json"},
        )
        body = assert_problem(resp, 413, "payload-too-large")
        assert body["max_bytes"] == 1000
        query = {"query": "{ me { displayName } }", "variables": {"pad": "x" * 2000}}
        assert_problem(await c.post("/graphql", json=query), 413, "payload-too-large")
        # Under the limit the same routes answer as usual.
        assert (
            await c.post("/graphql", json={"query": "{ me { displayName } }"})
        ).status_code == 200


async def test_chunked_body_without_content_length_is_cut_off(
    settings: Settings, world: World
) -> None:
    headers = await world.headers("team_leader")

    def chunked(data: bytes) -> Any:
        async def chunks() -> AsyncIterator[bytes]:
            for i in range(0, len(data), 300):
                yield data[i : i + 300]

        return chunks()

    async with serve(settings, body_limit=BodyLimitSettings(max_bytes=1000)) as (_, c):
        write = {**headers, "If-Match": '"v1"', "Content-Type": "application/json"}
        request = c.build_request(
            "PATCH", student_url(world), content=chunked(padded_update(5000)), headers=write
        )
        assert "content-length" not in request.headers
        assert_problem(await c.send(request), 413, "payload-too-large")
        student = (await c.get(student_url(world), headers=headers)).json()
        assert student["given_name"] == "Emma" and student["version"] == 1
        query = json.dumps({"query": "{ me { kind } }", "variables": {"pad": "x" * 5000}})
        request = c.build_request(
            "POST",
            "/graphql",
            content=chunked(query.encode()),
            headers={**headers, "Content-Type": "application/json"},
        )
        assert_problem(await c.send(request), 413, "payload-too-large")
        # A small chunked body passes through whole.
        small = json.dumps({"given_name": "Emmy"}).encode()
        request = c.build_request(
            "PATCH", student_url(world), content=chunked(small), headers=write
        )
        resp = await c.send(request)
        assert resp.status_code == 200, resp.text
        assert resp.json()["given_name"] == "Emmy"


async def test_roster_sync_has_its_own_larger_limit(
    settings: Settings, world: World, lvs_token: str
) -> None:
    payload = roster_payload()
    size = len(json.dumps(payload).encode())
    headers = {"Authorization": f"Bearer {lvs_token}"}
    sync = f"/api/v1/schools/{world.school_id}/roster:sync"
    small_default = BodyLimitSettings(max_bytes=size // 2, bulk_max_bytes=size * 2)
    async with serve(settings, body_limit=small_default) as (_, c):
        resp = await c.post(
            sync, json=payload, headers={**headers, "Idempotency-Key": str(uuid.uuid4())}
        )
        assert resp.status_code == 200, resp.text
        assert_problem(
            await c.post("/graphql", json={"query": "{ me { displayName } }", "v": payload}),
            413,
            "payload-too-large",
        )
    small_sync = BodyLimitSettings(bulk_max_bytes=size // 2)
    async with serve(settings, body_limit=small_sync) as (_, c):
        resp = await c.post(
            sync, json=payload, headers={**headers, "Idempotency-Key": str(uuid.uuid4())}
        )
        assert_problem(resp, 413, "payload-too-large")


def test_default_sync_limit_fits_a_5000_student_school_with_room_to_spare(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bench/roster_sync.py's school of 5,000 (a guardian each, groups, staff, enrolments)."""
    from zorgroute.cli import REPO_DIR

    spec = importlib.util.spec_from_file_location("bench_roster_sync", REPO_DIR / BENCH_SYNC)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, bench)  # its dataclasses look themselves up
    monkeypatch.syspath_prepend(str(REPO_DIR / "bench"))  # as `python bench/...` runs it
    spec.loader.exec_module(bench)
    indented = len(json.dumps(bench.roster(5000), indent=2).encode())
    defaults = BodyLimitSettings()
    assert indented * 4 < defaults.bulk_max_bytes
    assert defaults.max_bytes == 1024 * 1024


# -- GraphQL document limits ------------------------------------------------------------------
async def test_graphql_limits_aliases_and_tokens(settings: Settings) -> None:
    gql = GraphQLSettings(max_aliases=3, max_tokens=40)
    async with serve(settings, graphql=gql) as (_, c):
        aliases = "{ " + " ".join(f"a{i}: me {{ kind }}" for i in range(4)) + " }"
        resp = await c.post("/graphql", json={"query": aliases})
        assert resp.status_code == 200
        assert "4 aliases found. Allowed: 3" in resp.json()["errors"][0]["message"]
        assert "data" not in resp.json() or resp.json()["data"] is None

        tokens = "{ me { " + " ".join(["kind"] * 50) + " } }"
        resp = await c.post("/graphql", json={"query": tokens})
        assert resp.status_code < 500
        assert "more than 40 tokens" in resp.json()["errors"][0]["message"]

        # Within both limits a query runs (and is refused only for want of a login).
        resp = await c.post(
            "/graphql", json={"query": "{ a: me { displayName } b: me { displayName } }"}
        )
        assert resp.json()["errors"][0]["extensions"]["code"] == "unauthenticated"


async def test_introspection_and_graphiql_are_off_in_production(settings: Settings) -> None:
    async with serve(settings, env="production") as (_, c):
        for query in ("{ __schema { types { name } } }", '{ __type(name: "Query") { name } }'):
            errors = (await c.post("/graphql", json={"query": query})).json()["errors"]
            assert "introspection" in errors[0]["message"].lower()
        resp = await c.get("/graphql", headers={"Accept": "text/html"})
        assert "graphiql" not in resp.text.lower()


# -- caching --------------------------------------------------------------------------------
async def test_api_and_graphql_answers_are_never_cached(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    answers = [
        await client.get(student_url(world), headers=headers),
        await client.get("/api/v1/me"),
        await client.post("/graphql", json={"query": "{ me { displayName } }"}, headers=headers),
        await client.post("/graphql", content=b"{not json", headers=headers),
    ]
    for resp in answers:
        assert resp.headers["cache-control"] == "no-store", resp.request.url


# -- the published contract -------------------------------------------------------------------
async def test_openapi_documents_the_limits(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/api/v1/openapi.json")).json()["paths"]
    sync = paths["/api/v1/schools/{school_id}/roster:sync"]["post"]["responses"]
    assert {"413", "429"} <= sync.keys()
    assert "Retry-After" in sync["429"]["headers"]
    assert "429" in paths["/auth/login"]["get"]["responses"]
    assert "429" in paths["/api/v1/students/{student_id}"]["patch"]["responses"]
    reads = paths["/api/v1/students/{student_id}"]["get"]["responses"]
    assert "429" not in reads and "413" not in reads


# -- log capture ------------------------------------------------------------------------------
def capture_structlog(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every line a structlog PrintLogger writes, whichever stream it was bound to.

    Loggers are cached on first use with the sys.stdout of that moment (possibly an earlier
    test's capture), so capsys alone can miss lines. PrintLogger writes with `print`, looked up
    in its module: that is where this listens.
    """
    lines: list[str] = []

    def tee(*args: Any, **kwargs: Any) -> None:
        lines.append(" ".join(str(a) for a in args))

    monkeypatch.setattr(structlog._output, "print", tee, raising=False)
    return lines


async def test_websocket_handshakes_are_refused_before_the_app(app: Any) -> None:
    """HTTP only: the GraphQL WebSocket route strawberry registers is closed at the door
    (policy violation), without reaching the session dependency (which used to fail there)."""
    scope = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "scheme": "ws",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
        "subprotocols": ["graphql-transport-ws"],
        "server": ("testserver", 80),
        "client": ("203.0.113.9", 5000),
    }
    incoming = [{"type": "websocket.connect"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    assert sent == [{"type": "websocket.close", "code": 1008}]
