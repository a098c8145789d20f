"""One unit of work per request, committed before the response starts (REST and GraphQL)."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from support.factories import World, WorldFactory

from zorgroute.core.db import UnitOfWork
from zorgroute.organisations.models import Board

UPDATE = """
mutation Update($id: ID!, $v: Int!, $name: String) {
  updateStudent(id: $id, expectedVersion: $v, input: {preferredName: $name}) {
    __typename
    ... on Student { preferredName version }
    ... on Problem { code status }
  }
}"""


def recording_client(app: Any, events: list[str]) -> httpx.AsyncClient:
    """A client whose app records when the response starts."""

    async def wrapped(scope: Any, receive: Any, send: Callable[[Any], Awaitable[None]]) -> None:
        async def send_recording(message: Any) -> None:
            if message["type"] == "http.response.start":
                events.append("response-start")
            await send(message)

        await app(scope, receive, send_recording)

    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=wrapped), base_url="http://testserver"
    )


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    recorded: list[str] = []
    original = UnitOfWork.commit

    async def commit(self: UnitOfWork) -> None:
        await original(self)
        recorded.append("commit")

    monkeypatch.setattr(UnitOfWork, "commit", commit)
    return recorded


async def test_rest_write_commits_before_the_response(
    app: Any, world: World, events: list[str]
) -> None:
    headers = await world.headers("team_leader")
    events.clear()
    async with recording_client(app, events) as c:
        resp = await c.patch(
            f"/api/v1/students/{world.students['ll-3']}",
            json={"preferred_name": "Ayaa"},
            headers={**headers, "If-Match": '"v1"'},
        )
    assert resp.status_code == 200
    assert events == ["commit", "response-start"]


async def test_graphql_mutation_commits_before_the_response(
    app: Any, world: World, events: list[str], client: httpx.AsyncClient
) -> None:
    headers = await world.headers("team_leader")
    student = str(world.students["ll-4"])
    events.clear()
    async with recording_client(app, events) as c:
        resp = await c.post(
            "/graphql",
            json={"query": UPDATE, "variables": {"id": student, "v": 1, "name": "Semmie"}},
            headers=headers,
        )
    assert resp.json()["data"]["updateStudent"] == {
        "__typename": "Student",
        "preferredName": "Semmie",
        "version": 2,
    }
    assert events == ["commit", "response-start"]
    # The next request (another connection) sees the change.
    again = await client.get(f"/api/v1/students/{student}", headers=headers)
    assert again.json()["preferred_name"] == "Semmie"


async def test_graphql_mutation_problem_changes_nothing(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    student = str(world.students["ll-5"])
    resp = await client.post(
        "/graphql",
        json={"query": UPDATE, "variables": {"id": student, "v": 7, "name": "Jules"}},
        headers=headers,
    )
    assert resp.json()["data"]["updateStudent"] == {
        "__typename": "Problem",
        "code": "version-mismatch",
        "status": 412,
    }
    current = await client.get(f"/api/v1/students/{student}", headers=headers)
    assert current.json()["preferred_name"] is None and current.json()["version"] == 1


async def test_failed_rest_request_rolls_back_its_audit_and_writes(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    url = f"/api/v1/students/{world.students['ll-6']}"
    resp = await client.patch(
        url, json={"preferred_name": "D"}, headers={**headers, "If-Match": '"v9"'}
    )
    assert resp.status_code == 412
    assert (await client.get(url, headers=headers)).json()["version"] == 1


async def test_concurrent_writers_on_one_unit_of_work_are_serialised(
    factory: WorldFactory,
) -> None:
    """GraphQL runs sibling resolvers concurrently on the request's one session; two flushes
    at once fail with "Session is already flushing" unless the unit of work serialises them."""
    async with factory.sessionmaker() as session:
        uow = UnitOfWork(session)
        await uow.set_school_context([])

        async def write(i: int) -> None:
            uow.add(Board(code=f"lock-{secrets.token_hex(4)}-{i}", name="Lock test"))
            await uow.flush()

        await asyncio.gather(*(write(i) for i in range(8)))
        await uow.rollback()
