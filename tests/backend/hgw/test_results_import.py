"""Results from the LVS: an idempotent bulk upsert on the source's ids, shown in the overview
against the school's signalling criteria."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from support.factories import SOURCE, World
from support.hgw import call, overview, period

START = date(2026, 9, 7)


def _row(ext: str, student: str, level: str, **extra: Any) -> dict[str, Any]:
    return {
        "external_id": ext,
        "student_external_id": student,
        "kind": "test",
        "domain": "RK",
        "instrument": "Cito 0-meting",
        "taken_on": "2026-09-20",
        "level": level,
        **extra,
    }


async def _import(
    client: httpx.AsyncClient, world: World, token: str, key: str, rows: list[dict[str, Any]]
) -> httpx.Response:
    return await client.post(
        f"/api/v1/schools/{world.school_id}/results:import",
        json={"source": SOURCE, "results": rows},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


async def test_the_lvs_imports_results_once_per_key_and_upserts_on_its_ids(
    client: httpx.AsyncClient, world: World, lvs_token: str
) -> None:
    rows = [_row("r-1", "ll-1", "V"), _row("r-2", "ll-2", "II"), _row("r-3", "ll-99", "I")]
    first = await _import(client, world, lvs_token, "k-1", rows)
    assert first.status_code == 200, first.text
    assert first.json()["counts"] == {"created": 2, "updated": 0, "unchanged": 0, "rejected": 1}
    assert first.json()["results"][2]["problem"].startswith("unknown-reference")
    replay = await _import(client, world, lvs_token, "k-1", rows)
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == first.json()
    reused = await _import(client, world, lvs_token, "k-1", rows[:1])
    assert reused.status_code == 422
    again = await _import(client, world, lvs_token, "k-2", [rows[0], _row("r-2", "ll-2", "III")])
    assert again.json()["counts"] == {"created": 0, "updated": 1, "unchanged": 1, "rejected": 0}

    settings = await call(
        client, world, "zorgcoordinator", "GET", f"/api/v1/schools/{world.school_id}/hgw-settings"
    )
    body = {k: v for k, v in settings.json().items() if k not in ("school_id", "version")}
    body["signalling_criteria"] = [{"domain": "RK", "signal_levels": ["IV", "V"]}]
    saved = await call(
        client, world, "zorgcoordinator", "PUT", f"/api/v1/schools/{world.school_id}/hgw-settings",
        body, **{"If-Match": settings.headers["ETag"]},
    )  # fmt: skip
    assert saved.status_code == 200, saved.text
    ov = await overview(client, world, "gr-1a", await period(client, world, 1, START))
    results = {r["student_id"]: r["results"] for r in ov["rows"]}
    emma = results[str(world.students["ll-1"])]
    assert [(r["level"], r["below_minimum"], r["source"]) for r in emma] == [("V", True, SOURCE)]
    assert results[str(world.students["ll-2"])][0]["below_minimum"] is False


async def test_staff_do_not_import_results(client: httpx.AsyncClient, world: World) -> None:
    resp = await client.post(
        f"/api/v1/schools/{world.school_id}/results:import",
        json={"source": SOURCE, "results": [_row("r-1", "ll-1", "V")]},
        headers={**await world.headers("zorgcoordinator"), "Idempotency-Key": "k"},
    )
    assert resp.status_code == 403
