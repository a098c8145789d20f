"""LVS roster sync over REST: per-row outcomes, idempotency, newer-source-wins, partial
rejection, full-mode reporting, access control, the advisory lock, a 5,000-student batch and
the audit trail.

The world's roster comes from source "testlvs"; tests that want a clean slate sync under
another source ("parnassys") so every row is created fresh.
"""

from __future__ import annotations

import time
import uuid
from typing import Any, Protocol

import httpx
from sqlalchemy import func, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select
from support.factories import MODIFIED_AT, SOURCE, World, WorldFactory, roster_payload

from zorgroute.audit.models import AuditEvent
from zorgroute.core.idempotency import IdempotencyRecord
from zorgroute.roster.models import (
    Enrolment,
    ExternalRef,
    Group,
    Guardian,
    StaffMember,
    Student,
    StudentGuardian,
    TeachingAssignment,
)

FRESH_SOURCE = "parnassys"
CALLER = "client:demo-lvs"
OPERATION = "roster:sync"
NEWER = "2026-09-02T06:00:00Z"
OLDER = "2026-08-01T06:00:00Z"


class StatementCount(Protocol):
    """The `count_statements` fixture (conftest.StatementCounter)."""

    count: int
    statements: list[str]


# -- helpers ------------------------------------------------------------------------------
def sync_url(school_id: uuid.UUID) -> str:
    return f"/api/v1/schools/{school_id}/roster:sync"


def bearer(token: str, key: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return headers


async def post_sync(
    client: httpx.AsyncClient,
    school_id: uuid.UUID,
    token: str,
    body: dict[str, Any],
    key: str | None = None,
) -> httpx.Response:
    """POST roster:sync with a fresh Idempotency-Key unless one is given."""
    return await client.post(
        sync_url(school_id), json=body, headers=bearer(token, key or str(uuid.uuid4()))
    )


def fresh_payload(mode: str = "delta") -> dict[str, Any]:
    """The world's roster (groups, staff, students, guardians, enrolments, assignments) under a
    source the school has never synced from, so every row is new."""
    return {**roster_payload(), "source": FRESH_SOURCE, "mode": mode}


def student_row(external_id: str, family_name: str = "Jansen", **extra: Any) -> dict[str, Any]:
    return {
        "external_id": external_id,
        "given_name": "Kim",
        "family_name": family_name,
        "date_of_birth": "2014-04-01",
        **extra,
    }


def by_pointer(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["pointer"]: r for r in body["results"]}


def outcomes(body: dict[str, Any]) -> set[str]:
    return {r["outcome"] for r in body["results"]}


def created_ids(body: dict[str, Any], pointer_prefix: str) -> list[uuid.UUID]:
    return [
        uuid.UUID(r["id"])
        for r in body["results"]
        if r["pointer"].startswith(pointer_prefix) and r["outcome"] == "created"
    ]


async def count_rows(factory: WorldFactory, school_id: uuid.UUID, table: type[Any]) -> int:
    async with factory.run([school_id]) as uow:
        n = await uow.scalar(
            select(func.count()).select_from(table).where(table.school_id == school_id)
        )
    return int(n)


async def snapshot(factory: WorldFactory, school_id: uuid.UUID) -> dict[str, int]:
    """Row counts of everything a sync writes (and the sum of the student versions, which an
    update bumps), to prove that a request wrote nothing."""
    tables: dict[str, type[Any]] = {
        "school_group": Group,
        "staff_member": StaffMember,
        "student": Student,
        "guardian": Guardian,
        "student_guardian": StudentGuardian,
        "enrolment": Enrolment,
        "teaching_assignment": TeachingAssignment,
        "external_ref": ExternalRef,
        "idempotency_record": IdempotencyRecord,
        "audit_event": AuditEvent,
    }
    counts = {name: await count_rows(factory, school_id, table) for name, table in tables.items()}
    async with factory.run([school_id]) as uow:
        versions = await uow.scalar(
            select(func.coalesce(func.sum(Student.version), 0)).where(
                Student.school_id == school_id
            )
        )
    return {**counts, "student_versions": int(versions)}


async def stored_student(
    factory: WorldFactory, school_id: uuid.UUID, student_id: uuid.UUID
) -> Student:
    async with factory.run([school_id]) as uow:
        student: Student | None = await uow.first(select(Student).where(Student.id == student_id))
    assert student is not None
    return student


def big_payload(n: int, groups: int = 5) -> dict[str, Any]:
    """n students with one guardian each, spread over `groups` homerooms."""
    students = [
        {
            "external_id": f"s-{i}",
            "given_name": f"Leerling{i}",
            "family_name": f"Achternaam{i % 97}",
            "date_of_birth": f"2013-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            "modified_at": MODIFIED_AT,
        }
        for i in range(n)
    ]
    guardians = [
        {
            "external_id": f"g-{i}",
            "given_name": "Ouder",
            "family_name": f"Achternaam{i % 97}",
            "email": f"ouder{i}@example.nl",
            "modified_at": MODIFIED_AT,
            "students": [
                {"student_external_id": f"s-{i}", "relation": "parent", "parental_authority": True}
            ],
        }
        for i in range(n)
    ]
    group_rows = [
        {
            "external_id": f"gr-{k}",
            "name": f"1{chr(65 + k)}",
            "school_year": "2026-2027",
            "kind": "homeroom",
            "grade": 1,
            "modified_at": MODIFIED_AT,
        }
        for k in range(groups)
    ]
    enrolments = [
        {"student_external_id": f"s-{i}", "group_external_id": f"gr-{i % groups}"} for i in range(n)
    ]
    return {
        "source": FRESH_SOURCE,
        "mode": "full",
        "students": students,
        "guardians": guardians,
        "groups": group_rows,
        "enrolments": enrolments,
    }


# -- creating -----------------------------------------------------------------------------
async def test_first_sync_creates_every_row_with_ids_and_counts(
    client: httpx.AsyncClient, world: World, lvs_token: str
) -> None:
    resp = await post_sync(client, world.school_id, lvs_token, fresh_payload())
    assert resp.status_code == 200, resp.text
    assert "idempotent-replayed" not in resp.headers
    body = resp.json()
    assert body["source"] == FRESH_SOURCE
    assert body["mode"] == "delta"
    assert body["missing"] == []
    expected = {
        "group": 3,
        "staff_member": 7,
        "student": 6,
        "guardian": 6,
        "enrolment": 8,
        "assignment": 3,
    }
    assert body["counts"] == {
        kind: {"created": n, "updated": 0, "unchanged": 0, "rejected": 0}
        for kind, n in expected.items()
    }
    assert len(body["results"]) == sum(expected.values())
    assert outcomes(body) == {"created"}
    ids = [r["id"] for r in body["results"]]
    assert all(ids) and len(set(ids)) == len(ids)
    results = by_pointer(body)
    assert results["/students/0"]["external_id"] == "ll-1"
    assert results["/enrolments/0"]["external_id"] == "ll-1/gr-1a"
    assert all(r["problem"] is None for r in body["results"])
    # New records, not the world's: the same external ids under another source.
    assert uuid.UUID(results["/students/0"]["id"]) != world.students["ll-1"]


async def test_lvs_reads_a_created_student_with_guardians_and_enrolments(
    client: httpx.AsyncClient, world: World, lvs_token: str
) -> None:
    payload = fresh_payload()
    payload["guardians"][3]["students"][0].update(relation="mother", parental_authority=False)
    resp = await post_sync(client, world.school_id, lvs_token, payload)
    assert resp.status_code == 200, resp.text
    student_id = by_pointer(resp.json())["/students/3"]["id"]  # ll-4: 2B and 2B-wi

    resp = await client.get(f"/api/v1/students/{student_id}", headers=bearer(lvs_token))
    assert resp.status_code == 200, resp.text
    assert resp.headers["etag"] == '"v1"'
    student = resp.json()
    assert (student["given_name"], student["infix"], student["family_name"]) == (
        "Sem",
        "van",
        "Dijk",
    )
    assert student["date_of_birth"] == "2013-01-15"
    assert student["external_ids"] == [{"source": FRESH_SOURCE, "external_id": "ll-4"}]
    assert [(g["email"], g["relation"], g["parental_authority"]) for g in student["guardians"]] == [
        ("ouder4@example.nl", "mother", False)
    ]
    assert sorted(
        (e["group_name"], e["kind"], e["school_year"]) for e in student["enrolments"]
    ) == [
        ("2B", "homeroom", "2026-2027"),
        ("2B-wi", "teaching_group", "2026-2027"),
    ]


# -- idempotency --------------------------------------------------------------------------
async def test_same_body_and_key_replays_the_first_answer_and_writes_nothing(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    key = str(uuid.uuid4())
    first = await post_sync(client, world.school_id, lvs_token, fresh_payload(), key)
    assert first.status_code == 200, first.text
    before = await snapshot(factory, world.school_id)

    again = await post_sync(client, world.school_id, lvs_token, fresh_payload(), key)
    assert again.status_code == first.status_code
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()  # same ids, same synced_at: not a second run
    assert await snapshot(factory, world.school_id) == before


async def test_same_key_with_a_different_body_is_refused(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    key = str(uuid.uuid4())
    first = await post_sync(client, world.school_id, lvs_token, fresh_payload(), key)
    assert first.status_code == 200, first.text
    before = await snapshot(factory, world.school_id)

    changed = fresh_payload()
    changed["students"].append(student_row("ll-99"))
    resp = await post_sync(client, world.school_id, lvs_token, changed, key)
    assert resp.status_code == 422
    assert resp.headers["content-type"] == "application/problem+json"
    problem = resp.json()
    assert problem["code"] == "idempotency-key-reused"
    assert problem["status"] == 422
    assert "idempotent-replayed" not in resp.headers
    assert await snapshot(factory, world.school_id) == before


async def test_missing_idempotency_key_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    before = await snapshot(factory, world.school_id)
    resp = await client.post(
        sync_url(world.school_id), json=fresh_payload(), headers=bearer(lvs_token)
    )
    assert resp.status_code == 422
    assert resp.headers["content-type"] == "application/problem+json"
    body = resp.json()
    assert body["code"] == "validation-failed"
    assert body["errors"][0]["location"] == "header"
    assert body["errors"][0]["parameter"] == "idempotency-key"
    assert await snapshot(factory, world.school_id) == before


async def test_request_with_a_key_that_is_still_running_gets_409(
    client: httpx.AsyncClient,
    world: World,
    lvs_token: str,
    app_engine: AsyncEngine,
    factory: WorldFactory,
) -> None:
    key = str(uuid.uuid4())
    lock_key = f"{world.school_id}:{CALLER}:{OPERATION}:{key}"
    before = await snapshot(factory, world.school_id)
    async with app_engine.connect() as conn, conn.begin():
        # Another transaction holds the lock the endpoint takes for this key.
        await conn.execute(
            text("select pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": lock_key}
        )
        resp = await post_sync(client, world.school_id, lvs_token, fresh_payload(), key)
        assert resp.status_code == 409, resp.text
        assert resp.headers["content-type"] == "application/problem+json"
        assert resp.json()["code"] == "idempotency-in-progress"
    assert await snapshot(factory, world.school_id) == before
    # Once the lock is gone, the same key runs (it was never stored).
    resp = await post_sync(client, world.school_id, lvs_token, fresh_payload(), key)
    assert resp.status_code == 200, resp.text
    assert "idempotent-replayed" not in resp.headers


# -- updating -----------------------------------------------------------------------------
async def test_second_sync_of_the_same_data_is_unchanged(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    first = await post_sync(client, world.school_id, lvs_token, fresh_payload())
    assert first.status_code == 200, first.text
    second = await post_sync(client, world.school_id, lvs_token, fresh_payload())
    assert second.status_code == 200, second.text
    assert "idempotent-replayed" not in second.headers
    body = second.json()
    assert outcomes(body) == {"unchanged"}
    assert {k: c["unchanged"] for k, c in body["counts"].items()} == {
        k: c["created"] for k, c in first.json()["counts"].items()
    }
    # Same records, and no version bump.
    assert [r["id"] for r in body["results"] if r["pointer"].startswith("/students/")] == [
        r["id"] for r in first.json()["results"] if r["pointer"].startswith("/students/")
    ]
    student_id = uuid.UUID(by_pointer(body)["/students/0"]["id"])
    assert (await stored_student(factory, world.school_id, student_id)).version == 1


async def test_changed_row_is_updated_and_its_version_bumps(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    student_id = world.students["ll-2"]
    url = f"/api/v1/students/{student_id}"
    assert (await client.get(url, headers=bearer(lvs_token))).headers["etag"] == '"v1"'
    payload = roster_payload()
    payload["students"][1].update(given_name="Noa", modified_at=NEWER)

    resp = await post_sync(client, world.school_id, lvs_token, payload)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    result = by_pointer(body)["/students/1"]
    assert (result["outcome"], result["id"]) == ("updated", str(student_id))
    assert body["counts"]["student"] == {"created": 0, "updated": 1, "unchanged": 5, "rejected": 0}
    assert body["counts"]["guardian"]["unchanged"] == 6

    read = await client.get(url, headers=bearer(lvs_token))
    assert read.headers["etag"] == '"v2"'
    assert read.json()["given_name"] == "Noa"
    stored = await stored_student(factory, world.school_id, student_id)
    assert (stored.version, stored.sort_name) == (2, "bakker, noa")


async def test_newer_source_wins_and_a_stale_row_is_rejected(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    student_id = world.students["ll-1"]  # held with modified_at MODIFIED_AT
    stale = {
        "source": SOURCE,
        "students": [
            student_row("ll-1", family_name="Oud", infix=None, modified_at=OLDER),
        ],
    }
    resp = await post_sync(client, world.school_id, lvs_token, stale)
    assert resp.status_code == 200, resp.text
    result = resp.json()["results"][0]
    assert result["outcome"] == "rejected"
    assert result["id"] is None
    assert result["problem"]["code"] == "stale-row"
    assert result["problem"]["detail"]
    stored = await stored_student(factory, world.school_id, student_id)
    assert (stored.given_name, stored.infix, stored.family_name) == ("Emma", "de", "Vries")
    assert stored.version == 1

    newer = {
        "source": SOURCE,
        "students": [student_row("ll-1", family_name="Nieuw", modified_at=NEWER)],
    }
    resp = await post_sync(client, world.school_id, lvs_token, newer)
    assert resp.status_code == 200, resp.text
    result = resp.json()["results"][0]
    assert (result["outcome"], result["id"]) == ("updated", str(student_id))
    stored = await stored_student(factory, world.school_id, student_id)
    # infix was not sent, so it keeps its value; sent fields are taken over.
    assert (stored.given_name, stored.infix, stored.family_name) == ("Kim", "de", "Nieuw")
    assert stored.sort_name == "nieuw, kim de"  # derived from the kept infix too
    assert stored.version == 2

    # The newer timestamp is now the one held: the first (older) change stays refused.
    resp = await post_sync(client, world.school_id, lvs_token, stale)
    assert resp.json()["results"][0]["problem"]["code"] == "stale-row"
    assert (await stored_student(factory, world.school_id, student_id)).family_name == "Nieuw"


# -- partial rejection --------------------------------------------------------------------
async def test_bad_rows_are_rejected_one_by_one_and_the_rest_is_created(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    no_family_name = student_row("s-3")
    del no_family_name["family_name"]
    payload = {
        "source": FRESH_SOURCE,
        "students": [
            student_row("s-1"),
            student_row("s-2", eck_id="https://ketenid.nl/201703/abc123"),
            no_family_name,
            student_row("s-4", date_of_birth="2014-13-45"),
            student_row("s-5", eck_id="not-an-eck-id"),
            student_row("s-1", family_name="Dubbel"),
        ],
        "guardians": [
            {
                "external_id": "g-1",
                "given_name": "Ouder",
                "family_name": "Jansen",
                "students": [
                    {"student_external_id": "s-1", "relation": "father", "parental_authority": True}
                ],
            },
            {
                "external_id": "g-2",
                "given_name": "Ouder",
                "family_name": "Onbekend",
                "students": [
                    {
                        "student_external_id": "s-404",
                        "relation": "mother",
                        "parental_authority": True,
                    }
                ],
            },
        ],
        "groups": [
            {
                "external_id": "gr-1",
                "name": "1A",
                "school_year": "2026-2027",
                "kind": "homeroom",
                "grade": 1,
            },
            {
                "external_id": "gr-2",
                "name": "1B",
                "school_year": "2026-2028",
                "kind": "homeroom",
                "grade": 1,
            },
        ],
        "enrolments": [
            {"student_external_id": "s-1", "group_external_id": "gr-1"},
            {"student_external_id": "s-404", "group_external_id": "gr-1"},
            {"student_external_id": "s-2", "group_external_id": "gr-2"},
            {"student_external_id": "s-2", "group_external_id": "gr-1"},
        ],
    }
    resp = await post_sync(client, world.school_id, lvs_token, payload)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    results = by_pointer(body)

    def problem(pointer: str) -> dict[str, Any]:
        row = results[pointer]
        assert row["outcome"] == "rejected", row
        assert row["id"] is None
        assert row["problem"]["detail"], row
        return dict(row["problem"])

    def error_pointers(pointer: str) -> set[str]:
        found = problem(pointer)
        assert found["code"] == "invalid-row"
        return {e["pointer"] for e in found["errors"]}

    assert error_pointers("/students/2") == {"/students/2/family_name"}
    assert error_pointers("/students/3") == {"/students/3/date_of_birth"}
    assert error_pointers("/students/4") == {"/students/4/eck_id"}
    assert results["/students/2"]["external_id"] == "s-3"
    duplicate = problem("/students/5")
    assert duplicate["code"] == "duplicate-row"
    assert "/students/0" in duplicate["detail"]
    assert problem("/groups/1")["code"] == "invalid-school-year"
    assert problem("/guardians/1/students/0")["code"] == "unknown-reference"
    assert problem("/enrolments/1")["code"] == "unknown-reference"
    assert problem("/enrolments/2")["code"] == "unknown-reference"  # its group was rejected

    for pointer in (
        "/students/0",
        "/students/1",
        "/guardians/0",
        "/guardians/1",
        "/groups/0",
        "/enrolments/0",
        "/enrolments/3",
    ):
        assert results[pointer]["outcome"] == "created", results[pointer]
        assert results[pointer]["id"]
    assert body["counts"] == {
        "student": {"created": 2, "updated": 0, "unchanged": 0, "rejected": 4},
        "guardian": {"created": 2, "updated": 0, "unchanged": 0, "rejected": 0},
        "guardian_link": {"created": 0, "updated": 0, "unchanged": 0, "rejected": 1},
        "group": {"created": 1, "updated": 0, "unchanged": 0, "rejected": 1},
        "enrolment": {"created": 2, "updated": 0, "unchanged": 0, "rejected": 2},
    }
    # The first s-1 was kept, not the duplicate.
    s1 = uuid.UUID(results["/students/0"]["id"])
    assert (await stored_student(factory, world.school_id, s1)).family_name == "Jansen"
    async with factory.run([world.school_id]) as uow:
        links = await uow.scalars(select(StudentGuardian).where(StudentGuardian.student_id == s1))
    assert [(link.relation, link.parental_authority) for link in links] == [("father", True)]


async def test_group_with_an_impossible_school_year_is_rejected_not_a_server_error(
    client: httpx.AsyncClient, world: World, lvs_token: str
) -> None:
    # "0000-0001" matches the \d{4}-\d{4} pattern and names consecutive years, but there is no
    # year 0: the row must be rejected on its own, not crash the whole request.
    payload = {
        "source": FRESH_SOURCE,
        "groups": [
            {
                "external_id": "gr-1",
                "name": "1A",
                "school_year": "2026-2027",
                "kind": "homeroom",
                "grade": 1,
            },
            {
                "external_id": "gr-0",
                "name": "0A",
                "school_year": "0000-0001",
                "kind": "homeroom",
                "grade": 1,
            },
        ],
    }
    resp = await post_sync(client, world.school_id, lvs_token, payload)
    assert resp.status_code == 200, resp.text
    results = by_pointer(resp.json())
    assert results["/groups/0"]["outcome"] == "created"
    assert results["/groups/1"]["outcome"] == "rejected"


async def test_delta_sync_links_rows_to_students_known_from_an_earlier_sync(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    # A delta holds only what changed: a new guardian and a new enrolment of students that the
    # world's first sync created. Those students are known from this source at this school.
    payload = {
        "source": SOURCE,
        "mode": "delta",
        "guardians": [
            {
                "external_id": "ou-new",
                "given_name": "Stief",
                "family_name": "Ouder",
                "modified_at": NEWER,
                "students": [
                    {
                        "student_external_id": "ll-1",
                        "relation": "guardian",
                        "parental_authority": False,
                    }
                ],
            },
        ],
        "enrolments": [{"student_external_id": "ll-1", "group_external_id": "gr-2b-wi"}],
    }
    resp = await post_sync(client, world.school_id, lvs_token, payload)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert "guardian_link" not in body["counts"], body["results"]
    assert by_pointer(body)["/enrolments/0"]["outcome"] == "created", body["results"]
    read = await client.get(f"/api/v1/students/{world.students['ll-1']}", headers=bearer(lvs_token))
    assert {g["relation"] for g in read.json()["guardians"]} == {"parent", "guardian"}
    assert {e["group_name"] for e in read.json()["enrolments"]} == {"1A", "2B-wi"}


# -- full mode ----------------------------------------------------------------------------
async def test_fields_the_source_leaves_out_keep_the_schools_correction(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    student_id = world.students["ll-2"]
    headers = await world.headers("team_leader")
    url = f"/api/v1/students/{student_id}"
    resp = await client.patch(
        url, json={"preferred_name": "Noa"}, headers={**headers, "If-Match": '"v1"'}
    )
    assert resp.status_code == 200, resp.text
    again = {
        "source": SOURCE,
        "students": [
            student_row("ll-2", family_name="Bakker", given_name="Noah", date_of_birth="2014-07-19")
        ],
    }
    resp = await post_sync(client, world.school_id, lvs_token, again)
    assert resp.json()["results"][0]["outcome"] == "unchanged"
    assert (await stored_student(factory, world.school_id, student_id)).preferred_name == "Noa"
    explicit_null = {
        "source": SOURCE,
        "students": [{**again["students"][0], "preferred_name": None}],
    }
    resp = await post_sync(client, world.school_id, lvs_token, explicit_null)
    assert resp.json()["results"][0]["outcome"] == "updated"
    assert (await stored_student(factory, world.school_id, student_id)).preferred_name is None


async def test_full_sync_reports_missing_records_without_deleting_them(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    abc = [student_row("A"), student_row("B"), student_row("C")]
    resp = await post_sync(
        client,
        world.school_id,
        lvs_token,
        {"source": FRESH_SOURCE, "mode": "full", "students": abc},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["missing"] == []
    c_id = by_pointer(resp.json())["/students/2"]["id"]
    before = await count_rows(factory, world.school_id, Student)

    full = {"source": FRESH_SOURCE, "mode": "full", "students": abc[:2]}
    resp = await post_sync(client, world.school_id, lvs_token, full)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["mode"] == "full"
    assert body["missing"] == [{"entity_type": "student", "external_id": "C", "id": c_id}]
    assert outcomes(body) == {"unchanged"}
    assert await count_rows(factory, world.school_id, Student) == before
    read = await client.get(f"/api/v1/students/{c_id}", headers=bearer(lvs_token))
    assert read.status_code == 200

    delta = {"source": FRESH_SOURCE, "mode": "delta", "students": abc[:2]}
    resp = await post_sync(client, world.school_id, lvs_token, delta)
    assert resp.status_code == 200, resp.text
    assert resp.json()["missing"] == []


# -- who may sync -------------------------------------------------------------------------
async def test_staff_session_may_not_sync(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    before = await snapshot(factory, world.school_id)
    headers = await world.headers("team_leader")
    resp = await client.post(
        sync_url(world.school_id),
        json=fresh_payload(),
        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert resp.status_code == 403, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["code"] == "forbidden"
    assert await snapshot(factory, world.school_id) == before  # the login's audit has no school


async def test_client_not_bound_to_the_school_gets_404(
    client: httpx.AsyncClient, world: World, lvs_token: str
) -> None:
    resp = await post_sync(client, uuid.uuid4(), lvs_token, fresh_payload())
    assert resp.status_code == 404, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["code"] == "not-found"


async def test_sync_without_credentials_is_unauthenticated(
    client: httpx.AsyncClient, world: World
) -> None:
    resp = await client.post(
        sync_url(world.school_id),
        json=fresh_payload(),
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert resp.status_code == 401
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["code"] == "unauthenticated"
    assert resp.headers["www-authenticate"].startswith("Bearer")


# -- audit --------------------------------------------------------------------------------
async def test_created_and_updated_rows_are_audited_for_the_client(
    client: httpx.AsyncClient, world: World, lvs_token: str, factory: WorldFactory
) -> None:
    resp = await post_sync(client, world.school_id, lvs_token, fresh_payload())
    assert resp.status_code == 200, resp.text
    body = resp.json()
    students = created_ids(body, "/students/")
    assert len(students) == 6
    request_id = resp.headers["x-request-id"]

    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(
                col(AuditEvent.target_id).in_(students), AuditEvent.action == "student.create"
            )
        )
        per_action = dict(
            (
                await uow.execute(
                    select(AuditEvent.action, func.count())
                    .where(AuditEvent.request_id == request_id)
                    .group_by(col(AuditEvent.action))
                )
            ).all()
        )
    assert sorted(e.target_id for e in events) == sorted(students)  # one each
    for event in events:
        assert event.actor_id == CALLER
        assert event.actor_kind == "system"
        assert event.actor_role == "integration"
        assert event.school_id == world.school_id
        assert event.target_type == "student"
        assert event.request_id == request_id
        assert event.details == {"via": "roster:sync", "source": FRESH_SOURCE}
    assert per_action == {
        "group.create": 3,
        "staff_member.create": 7,
        "student.create": 6,
        "guardian.create": 6,
        "enrolment.create": 8,
        "assignment.create": 3,
    }

    payload = fresh_payload()
    payload["students"][0]["given_name"] = "Emmy"
    resp = await post_sync(client, world.school_id, lvs_token, payload)
    assert resp.status_code == 200, resp.text
    async with factory.run([world.school_id]) as uow:
        updates = await uow.scalars(
            select(AuditEvent).where(AuditEvent.request_id == resp.headers["x-request-id"])
        )
    assert [(e.action, e.target_id, e.actor_id) for e in updates] == [
        ("student.update", students[0], CALLER)
    ]


# -- volume -------------------------------------------------------------------------------
async def test_first_sync_inserts_set_based_when_optional_fields_vary(
    client: httpx.AsyncClient, world: World, lvs_token: str, count_statements: StatementCount
) -> None:
    # Real rosters mix rows with and without a tussenvoegsel, e-mail or phone. The inserts must
    # stay a few statements per entity type whatever the mix, not one batch per run of rows
    # that happen to leave the same optional fields empty.
    n = 600
    payload: dict[str, Any] = {
        "source": FRESH_SOURCE,
        "students": [
            student_row(f"s-{i}", infix="van" if i % 2 else None, eck_id=None) for i in range(n)
        ],
        "guardians": [
            {
                "external_id": f"g-{i}",
                "given_name": "Ouder",
                "family_name": "Jansen",
                "phone": "06-12345678" if i % 3 else None,
                "students": [
                    {
                        "student_external_id": f"s-{i}",
                        "relation": "parent",
                        "parental_authority": True,
                    }
                ],
            }
            for i in range(n)
        ],
    }
    before = count_statements.count
    resp = await post_sync(client, world.school_id, lvs_token, payload)
    statements = count_statements.statements[before:]
    assert resp.status_code == 200, resp.text
    assert resp.json()["counts"]["student"]["created"] == n
    inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT")]
    assert len(inserts) < 20, f"{len(inserts)} INSERT statements for {2 * n} rows"


async def test_five_thousand_students_sync_in_one_request(
    client: httpx.AsyncClient,
    world: World,
    lvs_token: str,
    factory: WorldFactory,
    count_statements: StatementCount,
) -> None:
    n = 5000
    payload = big_payload(n)
    key = str(uuid.uuid4())
    started = time.perf_counter()
    first = await post_sync(client, world.school_id, lvs_token, payload, key)
    first_s = time.perf_counter() - started
    assert first.status_code == 200, first.text[:2000]
    body = first.json()
    assert body["counts"] == {
        "group": {"created": 5, "updated": 0, "unchanged": 0, "rejected": 0},
        "student": {"created": n, "updated": 0, "unchanged": 0, "rejected": 0},
        "guardian": {"created": n, "updated": 0, "unchanged": 0, "rejected": 0},
        "enrolment": {"created": n, "updated": 0, "unchanged": 0, "rejected": 0},
    }
    assert body["missing"] == []
    assert await count_rows(factory, world.school_id, Student) == n + 6  # plus the world's
    assert await count_rows(factory, world.school_id, StudentGuardian) == n + 6

    started = time.perf_counter()
    replay = await post_sync(client, world.school_id, lvs_token, payload, key)
    replay_s = time.perf_counter() - started
    assert replay.status_code == 200
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == body

    before = count_statements.count
    started = time.perf_counter()
    second = await post_sync(client, world.school_id, lvs_token, payload)
    second_s = time.perf_counter() - started
    statements = count_statements.count - before
    assert second.status_code == 200
    assert outcomes(second.json()) == {"unchanged"}
    assert second.json()["missing"] == []
    rows = n * 3 + 5
    print(
        f"\nroster:sync {n} students ({rows} rows): first {first_s:.2f}s, replay {replay_s:.2f}s,"
        f" unchanged re-sync {second_s:.2f}s with {statements} SQL statements"
    )
    assert statements < 100, count_statements.statements[before:]
