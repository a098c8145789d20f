"""Request logs are JSON lines with route templates: never pupils' names or ids."""

from __future__ import annotations

import json

import httpx
import pytest
from support.factories import World

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
