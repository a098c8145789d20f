"""Roster over GraphQL: the nested query is batched by DataLoaders, errors are typed."""

from __future__ import annotations

from typing import Any

import httpx
from conftest import StatementCounter
from support.factories import World, WorldFactory, bigger_payload

NESTED = """
query School($id: ID!) {
  school(id: $id) {
    name
    groups {
      name
      students {
        familyName
        guardians { familyName parentalAuthority relation }
        enrolments { groupName schoolYear }
      }
    }
  }
}"""


async def run_nested(
    client: httpx.AsyncClient, world: World, counter: StatementCounter
) -> tuple[dict[str, Any], int]:
    headers = await world.headers("team_leader")
    before = counter.count
    resp = await client.post(
        "/graphql",
        json={"query": NESTED, "variables": {"id": str(world.school_id)}},
        headers=headers,
    )
    body = resp.json()
    assert "errors" not in body, body
    return body["data"]["school"], counter.count - before


async def test_nested_school_query_does_not_grow_with_students(
    client: httpx.AsyncClient, factory: WorldFactory, count_statements: StatementCounter
) -> None:
    small = await factory.build()
    large = await factory.build(payload=bigger_payload(40))
    small_data, small_count = await run_nested(client, small, count_statements)
    large_data, large_count = await run_nested(client, large, count_statements)
    students = sum(len(g["students"]) for g in large_data["groups"])
    assert students == sum(len(g["students"]) for g in small_data["groups"]) + 40
    assert large_count == small_count, (small_count, large_count)
    first = large_data["groups"][0]["students"][0]
    assert first["guardians"][0]["parentalAuthority"] is True
    assert first["enrolments"][0]["schoolYear"] == "2026-2027"


async def test_mentor_sees_only_their_students_in_graphql(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("mentor")
    resp = await client.post(
        "/graphql",
        json={"query": NESTED, "variables": {"id": str(world.school_id)}},
        headers=headers,
    )
    groups = {
        g["name"]: [s["familyName"] for s in g["students"]]
        for g in resp.json()["data"]["school"]["groups"]
    }
    assert groups == {"1A": ["Bakker", "El Amrani", "Vries"], "2B": [], "2B-wi": []}


async def test_other_school_and_unknown_student_are_null(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    other = await factory.build()
    headers = await world.headers("team_leader")
    query = "query($s: ID!, $st: ID!) { school(id: $s) { name } student(id: $st) { id } }"
    resp = await client.post(
        "/graphql",
        json={
            "query": query,
            "variables": {"s": str(other.school_id), "st": str(other.students["ll-1"])},
        },
        headers=headers,
    )
    assert resp.json()["data"] == {"school": None, "student": None}


async def test_unauthenticated_query_is_a_typed_error(client: httpx.AsyncClient) -> None:
    resp = await client.post("/graphql", json={"query": "{ me { displayName } }"})
    error = resp.json()["errors"][0]
    assert error["extensions"] == {"code": "unauthenticated", "status": 401}


async def test_introspection_is_off_outside_development(client: httpx.AsyncClient) -> None:
    resp = await client.post("/graphql", json={"query": "{ __schema { types { name } } }"})
    assert "errors" in resp.json()
    assert "introspection" in resp.json()["errors"][0]["message"].lower()


async def test_graphql_is_not_in_the_openapi_document(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/api/v1/openapi.json")).json()
    assert not any(path.startswith("/graphql") for path in spec["paths"])
    operation_ids = [op["operationId"] for item in spec["paths"].values() for op in item.values()]
    assert all("-" in op for op in operation_ids)


async def test_graphiql_is_off_outside_development(client: httpx.AsyncClient) -> None:
    resp = await client.get("/graphql", headers={"Accept": "text/html"})
    assert resp.status_code in (404, 405)
    assert "graphiql" not in resp.text.lower()


async def test_invalid_mutation_input_is_a_validation_problem(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    query = """mutation($id: ID!) { updateStudent(id: $id, expectedVersion: 1,
      input: {givenName: "   "}) { __typename ... on Problem { code errors } } }"""
    resp = await client.post(
        "/graphql",
        json={"query": query, "variables": {"id": str(world.students["ll-1"])}},
        headers=headers,
    )
    result = resp.json()["data"]["updateStudent"]
    assert result["code"] == "validation-failed"
    assert result["errors"][0]["pointer"] == "/given_name"


async def test_a_variable_of_the_wrong_shape_is_the_callers_error_not_an_internal_one(
    client: httpx.AsyncClient, world: World
) -> None:
    resp = await client.post(
        "/graphql",
        json={
            "query": "mutation($id: ID!, $d: Date!) { updateStudent(id: $id, expectedVersion: 1,"
            " input: {dateOfBirth: $d}) { __typename } }",
            "variables": {"id": str(world.students["ll-1"]), "d": "2014-02-30"},
        },
        headers=await world.headers("zorgcoordinator"),
    )
    [error] = resp.json()["errors"]
    assert error["message"] != "Internal error"
    assert "$d" in error["message"]
