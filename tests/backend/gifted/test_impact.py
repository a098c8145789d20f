"""Impact: measurements per wave (1-5, once per wave, by care or HB staff), and per offering
the participants' change between their first and last wave: means when at least five students
have two waves, suppressed below that, never per-student values, labelled as descriptive."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.audit.models import AuditEvent
from zorgroute.gifted.models import Offering, OfferingEnrolment

HB = "hb_specialist"
T0 = date(2026, 9, 14)
GOAL = {"text": "Onderzoeken", "cognitive": True, "status": "open"}


async def offering_with(world: World, students: list[str],
                        ended: dict[str, str] | None = None) -> uuid.UUID:  # fmt: skip
    """An offering with these students enrolled (some ended, with their exit reason)."""
    ended = ended or {}
    async with world.factory.run([world.school_id]) as uow:
        offering = Offering(
            school_id=world.school_id, swv_id=world.swv_id, name="Plusklas onderzoek",
            kind="plusklas", setting="separate_group", duration="whole_year",
            goals=[{"text": "Onderzoeksvaardigheden", "cognitive": True}],
            application_routes=["intern_begeleider"],
            committee_staff_ids=[world.staff["st-hb"], world.staff["st-zoco"]],
        )  # fmt: skip
        uow.add(offering)
        await uow.flush()
        for ext in students:
            reason = ended.get(ext)
            uow.add(
                OfferingEnrolment(
                    school_id=world.school_id,
                    student_id=world.students[ext],
                    offering_id=offering.id,
                    offering_school_id=world.school_id,
                    status="ended" if reason else "active",
                    starts_on=T0,
                    goals=[GOAL | {"id": str(uuid.uuid4())}],
                    next_review_on=T0 + timedelta(weeks=13),
                    ended_on=T0 + timedelta(weeks=20) if reason else None,
                    exit_reason=reason,
                )
            )
        await uow.commit()
        return offering.id


async def measure(client: httpx.AsyncClient, world: World, student: str, wave: int,
                  scores: dict[str, float], role: str = HB) -> httpx.Response:  # fmt: skip
    body = {"wave": wave, "measured_on": (T0 + timedelta(weeks=20 * wave)).isoformat(),
            "scores": scores}  # fmt: skip
    return await call(client, world, role, "POST",
                      f"/api/v1/students/{world.students[student]}/measurements", body)  # fmt: skip


async def measured(client: httpx.AsyncClient, world: World, student: str, wave: int,
                   **scores: float) -> None:  # fmt: skip
    resp = await measure(client, world, student, wave, scores)
    assert resp.status_code == 201, resp.text


async def impact(client: httpx.AsyncClient, world: World, offering_id: uuid.UUID,
                 role: str = HB) -> httpx.Response:  # fmt: skip
    return await call(client, world, role, "GET", f"/api/v1/offerings/{offering_id}/impact")


def by_code(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["code"]: c for c in report["constructs"]}


async def test_the_change_of_five_participants_is_shown(
    client: httpx.AsyncClient, world: World
) -> None:
    students = ["ll-1", "ll-2", "ll-3", "ll-4", "ll-5"]
    offering_id = await offering_with(world, students, {"ll-1": "goals_met", "ll-2": "other"})
    motivation = {"ll-1": (2, 4), "ll-2": (3, 3), "ll-3": (2, 5), "ll-4": (4, 3), "ll-5": (1, 4)}
    for ext, (first, last) in motivation.items():
        await measured(client, world, ext, 0, intrinsic_motivation=first, sense_of_competence=3)
        # ll-5 has a T1 in between: the last wave counts, not the second.
        if ext == "ll-5":
            await measured(client, world, ext, 1, intrinsic_motivation=5)
        final = {"intrinsic_motivation": last}
        if ext != "ll-4":  # four students with competence twice: too few to show
            final["sense_of_competence"] = 4
        await measured(client, world, ext, 2 if ext == "ll-5" else 1, **final)
    # A non-participant's big change stays out of the figures.
    await measured(client, world, "ll-6", 0, intrinsic_motivation=1)
    await measured(client, world, "ll-6", 1, intrinsic_motivation=5)

    resp = await impact(client, world, offering_id)
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert (report["participants"], report["measured"], report["minimum_cell"]) == (5, 5, 5)
    assert (report["exits"], report["goals_met_exits"]) == (2, 1)
    assert by_code(report)["intrinsic_motivation"] == {
        "code": "intrinsic_motivation", "label": "Intrinsieke motivatie", "students": 5,
        "first_mean": 2.4, "last_mean": 3.8, "mean_change": 1.4, "suppressed": False,
    }  # fmt: skip
    competence = by_code(report)["sense_of_competence"]
    assert (competence["students"], competence["suppressed"]) == (4, True)
    assert competence["first_mean"] is competence["last_mean"] is competence["mean_change"] is None
    assert by_code(report)["boredom"]["students"] == 0
    assert "geen effect" in report["notice"] and "vergelijkingsgroep" in report["notice"]
    assert not any(str(world.students[s]) in resp.text for s in [*students, "ll-6"])

    async with world.factory.run([world.school_id]) as uow:
        reads = await uow.scalars(
            select(AuditEvent).where(
                col(AuditEvent.target_id) == offering_id, AuditEvent.action == "gifted.impact.read"
            )
        )
    assert len(reads) == 1 and reads[0].details == {"participants": 5, "measured": 5}


async def test_fewer_than_five_participants_are_suppressed(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    offering_id = await offering_with(world, ["ll-1", "ll-2", "ll-3", "ll-4"])
    for ext in ("ll-1", "ll-2", "ll-3", "ll-4"):
        await measured(client, world, ext, 0, intrinsic_motivation=2)
        await measured(client, world, ext, 1, intrinsic_motivation=4)
    report = (await impact(client, world, offering_id)).json()
    assert report["participants"] == 4 and report["measured"] == 4
    assert all(c["suppressed"] and c["mean_change"] is None for c in report["constructs"])
    assert by_code(report)["intrinsic_motivation"]["students"] == 4

    # The teacher sees the offering but does not run it; nobody else sees it at all.
    assert (await impact(client, world, offering_id, "teacher")).status_code == 403
    assert (await impact(client, world, offering_id, "external_partner")).status_code == 404
    assert (await impact(client, world, uuid.uuid4())).status_code == 404
    other = await factory.build()
    assert (await impact(client, other, offering_id)).status_code == 404
    assert (await impact(client, world, offering_id, "school_leader")).status_code == 200


async def test_measurements_are_checked(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    resp = await measure(
        client, world, "ll-4", 0, {"boredom": 6, "creativity": 0, "self_confidence": 3}
    )
    assert resp.status_code == 422
    assert [e["pointer"] for e in resp.json()["errors"]] == [
        "/scores/boredom",
        "/scores/creativity",
    ]
    ok = {"boredom": 2.5, "creativity": 5}
    resp = await measure(client, world, "ll-4", 0, ok, "zorgcoordinator")
    assert resp.status_code == 201, resp.text
    got = resp.json()
    assert got["scores"] == ok and got["wave"] == 0
    assert got["entered_by_name"].startswith("zorgcoordinator")
    assert got["instrument"] == "IMAGE-leerlingvragenlijst"
    assert (await measure(client, world, "ll-4", 0, ok)).status_code == 409
    assert (await measure(client, world, "ll-4", 1, ok)).status_code == 201
    for role, status in (("teacher", 403), ("team_leader", 403), ("mentor", 404)):
        assert (await measure(client, world, "ll-4", 2, ok, role)).status_code == status, role
    assert (await measure(client, world, "ll-1", 0, ok, "mentor")).status_code == 403
    other = await factory.build()
    assert (await measure(client, other, "ll-4", 2, ok)).status_code == 201  # their own
    resp = await call(client, world, HB, "POST",
                      f"/api/v1/students/{other.students['ll-4']}/measurements",
                      {"wave": 3, "measured_on": "2027-01-01", "scores": ok})  # fmt: skip
    assert resp.status_code == 404

    async with world.factory.run([world.school_id]) as uow:
        rows = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.school_id == world.school_id,
                AuditEvent.action == "gifted.measurement.create",
            )
        )
    assert len(rows) == 2 and {r.student_id for r in rows} == {world.students["ll-4"]}
    assert {r.details["wave"] for r in rows if r.details} == {0, 1}
