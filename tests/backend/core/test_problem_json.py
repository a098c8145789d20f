"""Every error is an RFC 9457 problem+json document; nothing leaks a stack trace."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
from fastapi import FastAPI
from support.factories import World

from zorgroute.main import create_app
from zorgroute.settings import Settings

PROBLEM = "application/problem+json"
REQUIRED = {"type", "title", "status", "code", "instance", "trace_id"}


def assert_problem(resp: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == PROBLEM
    body: dict[str, Any] = resp.json()
    assert body.keys() >= REQUIRED
    assert body["status"] == status and body["code"] == code
    assert body["type"].endswith("/" + code)
    assert body["trace_id"] == resp.headers["x-request-id"]
    return body


async def test_unknown_route_is_a_problem(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/api/v1/nothing-here"), 404, "not-found")
    assert body["instance"] == "/api/v1/nothing-here"


async def test_wrong_method_is_a_problem(client: httpx.AsyncClient) -> None:
    assert_problem(await client.delete("/api/v1/me"), 405, "method-not-allowed")


async def test_unauthenticated_is_a_problem_with_a_challenge(client: httpx.AsyncClient) -> None:
    resp = await client.get("/api/v1/schools")
    assert_problem(resp, 401, "unauthenticated")
    assert resp.headers["www-authenticate"].startswith("Bearer")


async def test_validation_errors_carry_json_pointers(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    resp = await client.patch(
        f"/api/v1/students/{world.students['ll-1']}",
        json={"date_of_birth": "not-a-date", "unknown": 1},
        headers={**headers, "If-Match": '"v1"'},
    )
    body = assert_problem(resp, 422, "validation-failed")
    pointers = {e["pointer"] for e in body["errors"]}
    assert pointers == {"/date_of_birth", "/unknown"}


async def test_invalid_query_parameter_names_the_parameter(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    resp = await client.get(
        f"/api/v1/schools/{world.school_id}/students", params={"limit": 0}, headers=headers
    )
    body = assert_problem(resp, 422, "validation-failed")
    assert body["errors"][0]["location"] == "query"
    assert body["errors"][0]["parameter"] == "limit"


async def test_malformed_path_id_is_a_validation_problem(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    resp = await client.get("/api/v1/students/not-a-uuid", headers=headers)
    assert_problem(resp, 422, "validation-failed")


async def test_unexpected_error_is_masked(settings: Settings) -> None:
    app: FastAPI = create_app(settings)

    @app.get("/api/v1/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        resp = await c.get("/api/v1/boom")
    await app.state.engine.dispose()
    body = assert_problem(resp, 500, "internal-error")
    assert "hunter2" not in resp.text and "Traceback" not in resp.text
    assert body["trace_id"]


async def test_security_headers_on_every_response(client: httpx.AsyncClient) -> None:
    resp = await client.get("/health/live")
    assert resp.status_code == 200
    assert resp.headers["cache-control"] == "no-store"
    assert resp.headers["x-content-type-options"] == "nosniff"


async def test_hostile_input_is_a_validation_problem_not_a_server_error(
    client: httpx.AsyncClient, world: World
) -> None:
    """Inputs the fuzzer once turned into 500s: a forged cursor, NUL characters, nulled
    required fields. Each is a 422 problem now."""
    headers = await world.headers("team_leader")
    students = f"/api/v1/schools/{world.school_id}/students"
    forged = base64.urlsafe_b64encode(json.dumps(["a", "b"]).encode()).decode().rstrip("=")
    assert_problem(
        await client.get(students, params={"cursor": forged}, headers=headers),
        422,
        "validation-failed",
    )
    assert_problem(
        await client.get(students, params={"name": "a\x00"}, headers=headers),
        422,
        "validation-failed",
    )
    student = f"/api/v1/students/{world.students['ll-1']}"
    for body in ({"given_name": None}, {"family_name": "x\x00y"}):
        resp = await client.patch(student, json=body, headers={**headers, "If-Match": '"v1"'})
        assert_problem(resp, 422, "validation-failed")
