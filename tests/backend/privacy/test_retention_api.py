"""The privacy officer's retention API: a school's terms per record type and legal holds, who
may use it, its audit trail, and that the retention job obeys what was set through it."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
from sqlalchemy import update
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.pdf import pdf_text
from support.privacy_records import write_dossier

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import utcnow
from zorgroute.notes.models import StudentNote
from zorgroute.privacy.retention import add_years, apply_retention, retention_principal
from zorgroute.roster.models import Enrolment
from zorgroute.roster.service import STUDENT_NOT_FOUND

PROBLEM = "application/problem+json"


def _years_ago(years: int) -> date:
    return add_years(utcnow().date(), -years) - timedelta(days=1)


async def _leave(factory: WorldFactory, world: World, student: str, on: date) -> None:
    async with factory.run([world.school_id]) as uow:
        await uow.execute(
            update(Enrolment)
            .where(col(Enrolment.student_id) == world.students[student])
            .values(end_date=on)
        )
        await uow.commit()


async def _run(factory: WorldFactory, world: World) -> None:
    async with factory.run([world.school_id], retention_principal(world.school_id)) as uow:
        await apply_retention(uow, world.school_id)
        await uow.commit()


async def _note_exists(factory: WorldFactory, world: World, note_id: uuid.UUID) -> bool:
    async with factory.run([world.school_id]) as uow:
        return bool(await uow.scalars(select(StudentNote.id).where(StudentNote.id == note_id)))


async def _events(factory: WorldFactory, world: World, action: str) -> list[AuditEvent]:
    async with factory.run([world.school_id]) as uow:
        return await uow.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == action, AuditEvent.school_id == world.school_id)
            .order_by(col(AuditEvent.occurred_at))
        )


async def test_terms_default_until_the_school_sets_its_own_and_the_job_uses_them(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    officer = await world.headers("privacy_officer")
    url = f"/api/v1/schools/{world.school_id}/retention-policy"
    resp = await client.get(url, headers=officer)
    assert resp.status_code == 200, resp.text
    terms = {t["record_type"]: t for t in resp.json()["terms"]}
    assert {k: (t["keep_years_after_leaving"], t["is_default"]) for k, t in terms.items()} == {
        "student_note": (2, True),
        "support_record": (2, True),
        "consent": (5, True),
        "access_grant": (5, True),
        "disclosure": (5, True),
    }

    # Left three years ago: the default (2 years) would remove the note; the school keeps 4.
    dossier = await write_dossier(factory, world, "ll-1", "Bewaren volgens schoolbeleid.")
    await _leave(factory, world, "ll-1", _years_ago(3))
    leader = await world.headers("school_leader")
    resp = await client.put(
        f"{url}/student_note", json={"keep_years_after_leaving": 4}, headers=leader
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["keep_years_after_leaving"] == 4
    assert resp.json()["is_default"] is False
    assert resp.json()["version"] == 1
    terms = {t["record_type"]: t for t in (await client.get(url, headers=officer)).json()["terms"]}
    assert terms["student_note"]["keep_years_after_leaving"] == 4
    assert terms["student_note"]["is_default"] is False
    assert terms["student_note"]["set_by"].startswith("school_leader ")
    assert terms["consent"]["is_default"] is True

    await _run(factory, world)
    assert await _note_exists(factory, world, dossier.note_id)

    resp = await client.put(
        f"{url}/student_note", json={"keep_years_after_leaving": 3}, headers=officer
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["version"] == 2
    await _run(factory, world)
    assert not await _note_exists(factory, world, dossier.note_id)

    events = await _events(factory, world, "retention.policy_set")
    assert [e.details for e in events] == [
        {
            "school_id": str(world.school_id),
            "record_type": "student_note",
            "keep_years_after_leaving": years,
            "previous": previous,
        }
        for years, previous in ((4, 2), (3, 4))
    ]
    assert {(e.purpose, e.student_id) for e in events} == {("retention", None)}


async def test_only_the_privacy_officer_and_school_leader_manage_terms(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    url = f"/api/v1/schools/{world.school_id}/retention-policy"
    body = {"keep_years_after_leaving": 7}
    for role in ("mentor", "zorgcoordinator", "team_leader", "external_partner"):
        headers = await world.headers(role)
        assert (await client.get(url, headers=headers)).status_code == 403, role
        resp = await client.put(f"{url}/consent", json=body, headers=headers)
        assert resp.status_code == 403, role
    other = await factory.build()
    officer = await world.headers("privacy_officer")
    other_url = f"/api/v1/schools/{other.school_id}/retention-policy"
    assert (await client.get(other_url, headers=officer)).status_code == 404
    assert (await client.put(f"{other_url}/consent", json=body, headers=officer)).status_code == 404
    # Nothing was written anywhere.
    assert await _events(factory, world, "retention.policy_set") == []
    resp = await client.get(other_url, headers=await other.headers("privacy_officer"))
    assert all(t["is_default"] for t in resp.json()["terms"])


async def test_invalid_terms_and_reasons_are_422_problems(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.headers("privacy_officer")
    url = f"/api/v1/schools/{world.school_id}/retention-policy"
    for path, body in (
        ("student_note", {"keep_years_after_leaving": 0}),
        ("student_note", {"keep_years_after_leaving": 31}),
        ("student_note", {"keep_years_after_leaving": "veel"}),
        ("student_note", {"keep_years_after_leaving": 3, "extra": 1}),
        ("audit_event", {"keep_years_after_leaving": 3}),
    ):
        resp = await client.put(f"{url}/{path}", json=body, headers=officer)
        assert resp.status_code == 422, (path, body, resp.text)
        assert resp.headers["content-type"].startswith(PROBLEM)
    holds = f"/api/v1/students/{world.students['ll-1']}/legal-holds"
    for reason in ("te kort", "x" * 2001, "Nul\x00teken in de reden"):
        resp = await client.post(holds, json={"reason": reason}, headers=officer)
        assert resp.status_code == 422, reason
        assert resp.headers["content-type"].startswith(PROBLEM)
    assert (await client.get(holds, headers=officer)).json() == []


async def test_a_hold_placed_through_the_api_stops_retention_until_lifted(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    dossier = await write_dossier(factory, world, "ll-1", "Klacht loopt nog.")
    await _leave(factory, world, "ll-1", _years_ago(6))
    student_id = world.students["ll-1"]
    officer = await world.headers("privacy_officer")
    resp = await client.post(
        f"/api/v1/students/{student_id}/legal-holds",
        json={"reason": "Klachtprocedure bij de geschillencommissie"},
        headers=officer,
    )
    assert resp.status_code == 201, resp.text
    hold = resp.json()
    assert hold["active"] is True
    assert hold["placed_by"].startswith("privacy_officer ")

    await _run(factory, world)
    assert await _note_exists(factory, world, dossier.note_id)

    listed = await client.get(
        f"/api/v1/students/{student_id}/legal-holds",
        headers=await world.headers("school_leader"),
    )
    assert listed.status_code == 200
    assert [h["id"] for h in listed.json()] == [hold["id"]]

    lifted = await client.post(f"/api/v1/legal-holds/{hold['id']}/lift", headers=officer)
    assert lifted.status_code == 200, lifted.text
    assert lifted.json()["active"] is False
    assert lifted.json()["lifted_by"].startswith("privacy_officer ")
    again = await client.post(f"/api/v1/legal-holds/{hold['id']}/lift", headers=officer)
    assert again.status_code == 200
    assert again.json()["lifted_at"] == lifted.json()["lifted_at"]

    for action in ("legal_hold.place", "legal_hold.lift"):
        events = await _events(factory, world, action)
        assert [(e.target_id, e.student_id, e.purpose) for e in events] == [
            (uuid.UUID(hold["id"]), student_id, "legal_hold")
        ], action

    await _run(factory, world)
    assert not await _note_exists(factory, world, dossier.note_id)


async def test_legal_holds_follow_the_roster_and_the_roles(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    officer = await world.headers("privacy_officer")
    url = f"/api/v1/students/{world.students['ll-1']}/legal-holds"
    resp = await client.post(url, json={"reason": "Melding Veilig Thuis gedaan"}, headers=officer)
    assert resp.status_code == 201
    hold_id = resp.json()["id"]
    body = {"reason": "Inspectieonderzoek loopt"}
    for role in (
        "mentor",
        "zorgcoordinator",
    ):  # they see ll-1, but may not hold or lift
        headers = await world.headers(role)
        assert (await client.post(url, json=body, headers=headers)).status_code == 403, role
        assert (await client.get(url, headers=headers)).status_code == 403, role
        lift = await client.post(f"/api/v1/legal-holds/{hold_id}/lift", headers=headers)
        assert lift.status_code == 403, role
    teacher = await world.headers("teacher")  # does not teach ll-1: the student is not there
    resp = await client.post(url, json=body, headers=teacher)
    assert resp.status_code == 404
    assert resp.json()["detail"] == STUDENT_NOT_FOUND

    other = await factory.build()
    other_hold = await client.post(
        f"/api/v1/students/{other.students['ll-1']}/legal-holds",
        json=body,
        headers=await other.headers("privacy_officer"),
    )
    assert other_hold.status_code == 201
    lift = await client.post(f"/api/v1/legal-holds/{other_hold.json()['id']}/lift", headers=officer)
    assert lift.status_code == 404
    assert (await client.get(url, headers=officer)).json()[0]["active"] is True


async def test_holds_are_part_of_the_inzage_export(client: httpx.AsyncClient, world: World) -> None:
    officer = await world.headers("privacy_officer")
    student_id = world.students["ll-1"]
    export = await client.get(f"/api/v1/students/{student_id}/export", headers=officer)
    assert export.json()["legal_holds"] == []
    pdf = await client.get(f"/api/v1/students/{student_id}/export.pdf", headers=officer)
    assert "Er is geen bewaarplicht ingesteld" in pdf_text(pdf.content)

    resp = await client.post(
        f"/api/v1/students/{student_id}/legal-holds",
        json={"reason": "Rechtszaak over de verwijzing"},
        headers=officer,
    )
    hold = resp.json()
    export = await client.get(f"/api/v1/students/{student_id}/export", headers=officer)
    assert export.json()["legal_holds"] == [
        {
            "id": hold["id"],
            "reason": "Rechtszaak over de verwijzing",
            "placed_by": hold["placed_by"],
            "placed_at": hold["placed_at"],
            "lifted_at": None,
            "lifted_by": None,
        }
    ]
    text = pdf_text(
        (await client.get(f"/api/v1/students/{student_id}/export.pdf", headers=officer)).content
    )
    assert "Bewaarplicht (legal hold)" in text
    assert "Rechtszaak over de verwijzing" in text
