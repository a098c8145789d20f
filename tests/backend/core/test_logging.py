"""Request logs are JSON lines with route templates: never pupils' names or ids."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

import httpx
import pytest
import structlog
from support.factories import World, roster_payload

from zorgroute.main import create_app
from zorgroute.settings import Settings


async def test_request_logs_hold_no_pupil_data(
    settings: Settings, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    app = create_app(settings.model_copy(update={"log_level": "INFO"}))
    headers = await world.headers("team_leader")
    student = world.students["ll-3"]
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            capsys.readouterr()
            assert (await c.get(f"/api/v1/students/{student}", headers=headers)).status_code == 200
            await c.get(
                f"/api/v1/schools/{world.school_id}/students",
                params={"name": "El"},
                headers=headers,
            )
            await c.patch(
                f"/api/v1/students/{student}",
                json={"given_name": "Ayşe"},
                headers={**headers, "If-Match": '"v1"'},
            )
    finally:
        await app.state.engine.dispose()
    # Every line is JSON: library logs (httpx …) go through the same renderer or stay quiet.
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    requests = [entry for entry in lines if entry.get("event") == "request"]
    assert {r["route"] for r in requests} == {
        "/api/v1/students/{student_id}",
        "/api/v1/schools/{school_id}/students",
    }
    text = json.dumps(lines)
    for secret in (str(student), "El Amrani", "Aya", "Ayşe", str(world.school_id)):
        assert secret not in text


# -- every sink, a realistic session -------------------------------------------------------------
BAD_ROW = {
    "external_id": "ll-bad",
    "given_name": "Zerlina",
    "family_name": "Quarantotto",
    "date_of_birth": "2014-02-30",  # no such day: the row is rejected
    "modified_at": "2026-09-01T06:00:00Z",
}
BAD_GUARDIAN = {
    "external_id": "ou-bad",
    "given_name": "Ottavia",
    "family_name": "Quarantotto",
    "email": "ottavia.quarantotto@example.nl",
    "phone": "06-99887766",
    "modified_at": "2026-09-01T06:00:00Z",
    "students": [
        {"student_external_id": "ll-bad", "relation": "mother", "parental_authority": True}
    ],
}
STUDENT_PAGE = """query StudentPage($id: ID!) {
  student(id: $id) { id givenName infix familyName dateOfBirth version
    guardians { givenName familyName email phone relation parentalAuthority }
    enrolments { groupName schoolYear } } }"""
UPDATE = """mutation Update($id: ID!, $input: StudentUpdateInput!) {
  updateStudent(id: $id, expectedVersion: 1, input: $input) {
    __typename ... on Problem { code } } }"""


def personal_data(world: World) -> set[str]:
    """What must never be logged: the pupils' and guardians' names, dates of birth, e-mail
    addresses and phone numbers, and the ids of pupils and of their school."""
    payload = roster_payload()
    values: set[str] = {str(world.school_id), *(str(i) for i in world.students.values())}
    for row in [*payload["students"], *payload["guardians"], BAD_ROW, BAD_GUARDIAN]:
        for field in ("given_name", "family_name", "date_of_birth", "email", "phone"):
            if row.get(field):
                values.add(row[field])
    values.discard("Ouder")  # the guardians' placeholder given name: also an ordinary word
    return values


def capture_everything(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], logging.Handler]:
    """Lines of every structlog logger (however old) and a handler for the stdlib's root.

    structlog loggers are cached with the sys.stdout of their first use (maybe an earlier
    test's capture), so reading stdout alone can miss lines; PrintLogger writes with `print`
    looked up in its module, which is where this listens.
    """
    lines: list[str] = []

    def tee(*args: Any, **kwargs: Any) -> None:
        lines.append(" ".join(str(a) for a in args))

    monkeypatch.setattr(structlog._output, "print", tee, raising=False)

    class ListHandler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(logging.Formatter().format(record))

    return lines, ListHandler(level=logging.DEBUG)


async def test_no_personal_data_in_any_log_output(
    settings: Settings,
    world: World,
    lvs_token: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines, handler = capture_everything(monkeypatch)
    app = create_app(settings.model_copy(update={"log_level": "DEBUG"}))
    logging.getLogger().addHandler(handler)  # after create_app: it replaces root's handlers
    headers = await world.headers("team_leader")
    students = f"/api/v1/schools/{world.school_id}/students"
    student = world.students["ll-1"]
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            statuses = [
                (await c.get(students, params={"name": "Emma"}, headers=headers)).status_code,
                (await c.get(f"/api/v1/students/{student}", headers=headers)).status_code,
                (await c.get(f"/api/v1/students/{uuid.uuid4()}", headers=headers)).status_code,
                (
                    await c.patch(
                        f"/api/v1/students/{student}",
                        json={"given_name": "Zerlina", "date_of_birth": "2014-02-30"},
                        headers={**headers, "If-Match": '"v1"'},
                    )
                ).status_code,
                (
                    await c.post(
                        "/graphql",
                        json={"query": STUDENT_PAGE, "variables": {"id": str(student)}},
                        headers=headers,
                    )
                ).status_code,
                # Invalid variables: graphql-core's message quotes the value it refused.
                (
                    await c.post(
                        "/graphql",
                        json={
                            "query": UPDATE,
                            "variables": {
                                "id": str(student),
                                "input": {"givenName": "Zerlina", "dateOfBirth": "2014-02-30"},
                            },
                        },
                        headers=headers,
                    )
                ).status_code,
                # A literal in a failing document: error messages point into the document.
                (
                    await c.post(
                        "/graphql",
                        json={"query": f'{{ student(id: "{student}") {{ givenName nope }} }}'},
                        headers=headers,
                    )
                ).status_code,
                (
                    await c.post(
                        f"/api/v1/schools/{world.school_id}/roster:sync",
                        json={
                            "source": "testlvs",
                            "students": [BAD_ROW],
                            "guardians": [BAD_GUARDIAN],
                        },
                        headers={
                            "Authorization": f"Bearer {lvs_token}",
                            "Idempotency-Key": str(uuid.uuid4()),
                        },
                    )
                ).status_code,
            ]
            structlog.get_logger("zorgroute.test").info("canary_structlog")
            logging.getLogger("zorgroute.test").warning("canary_stdlib")
    finally:
        logging.getLogger().removeHandler(handler)
        await app.state.engine.dispose()
    assert statuses == [200, 200, 404, 422, 200, 200, 200, 200]
    captured = capsys.readouterr()
    text = "\n".join([*lines, captured.out, captured.err])
    # The capture is real: both sinks and the app's own request lines are in it.
    assert "canary_structlog" in text and "canary_stdlib" in text
    assert text.count('"event": "request"') >= len(statuses)
    leaked = sorted(
        value
        for value in personal_data(world)
        # JSON lines escape non-ASCII characters (\\u0131 for a dotless i): look for both spellings.
        if value in text or json.dumps(value)[1:-1] in text
    )
    assert leaked == [], [line for line in text.splitlines() if any(v in line for v in leaked)]
