"""Need-to-know in practice: sensitive notes per role and relationship, consent before sharing,
withdrawal taking effect at once, time-boxed external access, and the privacy officer's trail."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from support.factories import World, WorldFactory

from zorgroute.core.models import utcnow

ZAT = {
    "purpose": "register_zat",
    "recipient_kind": "zat",
    "recipient_name": "ZAT Rivierstad",
    "data_categories": ["personal_details", "care_notes"],
}


async def _post(
    client: httpx.AsyncClient, world: World, role: str, path: str, body: dict[str, Any]
) -> httpx.Response:
    return await client.post(path, json=body, headers=await world.headers(role))


async def _note(client: httpx.AsyncClient, world: World, student: str, **body: Any) -> str:
    resp = await _post(
        client, world, "zorgcoordinator", f"/api/v1/students/{world.students[student]}/notes", body
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def _guardian_id(client: httpx.AsyncClient, world: World, student: str) -> str:
    resp = await client.get(
        f"/api/v1/students/{world.students[student]}",
        headers=await world.headers("zorgcoordinator"),
    )
    return str(resp.json()["guardians"][0]["id"])


async def _consent(
    client: httpx.AsyncClient, world: World, student: str, purpose: str, **extra: Any
) -> httpx.Response:
    body = {
        "purpose": purpose,
        "granted": True,
        "given_by": "guardian",
        "guardian_id": await _guardian_id(client, world, student),
        "method": "signed_form",
        "given_on": utcnow().date().isoformat(),
        **extra,
    }
    return await _post(
        client,
        world,
        "zorgcoordinator",
        f"/api/v1/students/{world.students[student]}/consents",
        body,
    )


async def test_a_subject_teacher_reads_observations_about_their_lessons_only(
    client: httpx.AsyncClient, world: World
) -> None:
    # ll-4 is in 2B (mentor "Tweebee") and in the maths group 2B-wi of the world's teacher.
    await _note(client, world, "ll-4", category="observation", body="Werkt goed samen.")
    await _note(client, world, "ll-4", category="observation", subject="wiskunde", body="Sterk.")
    await _note(client, world, "ll-4", category="observation", subject="engels", body="Stil.")
    await _note(client, world, "ll-4", category="care", body="Aangemeld voor IZO.")
    await _note(client, world, "ll-4", category="home_situation", body="Ouders gescheiden.")
    await _note(client, world, "ll-4", category="diagnosis", body="Dyslexieverklaring.")

    def seen(resp: httpx.Response) -> set[tuple[str, str | None]]:
        assert resp.status_code == 200, resp.text
        return {(n["category"], n["subject"]) for n in resp.json()}

    url = f"/api/v1/students/{world.students['ll-4']}/notes"
    teacher = seen(await client.get(url, headers=await world.headers("teacher")))
    assert teacher == {("observation", None), ("observation", "wiskunde")}
    hb = seen(await client.get(url, headers=await world.headers("hb_specialist")))
    assert {c for c, _ in hb} == {"observation", "care", "diagnosis"}  # no home situation
    leader = seen(await client.get(url, headers=await world.headers("team_leader")))
    assert {c for c, _ in leader} == {"observation", "care", "home_situation", "diagnosis"}
    # The privacy officer finds students and exports dossiers, but does not read care notes.
    assert seen(await client.get(url, headers=await world.headers("privacy_officer"))) == set()

    # A teacher may write an observation about their student, not a care note.
    resp = await _post(client, world, "teacher", url, {"category": "observation", "body": "Ok"})
    assert resp.status_code == 201
    resp = await _post(client, world, "teacher", url, {"category": "care", "body": "Zorg"})
    assert resp.status_code == 403


async def test_the_mentor_reads_every_category_of_their_own_students_only(
    client: httpx.AsyncClient, world: World
) -> None:
    await _note(client, world, "ll-1", category="home_situation", body="Mantelzorg thuis.")
    await _note(client, world, "ll-4", category="home_situation", body="Verhuisd.")
    mentor = await world.headers("mentor")  # mentor of 1A: ll-1 .. ll-3
    own = await client.get(f"/api/v1/students/{world.students['ll-1']}/notes", headers=mentor)
    assert [n["category"] for n in own.json()] == ["home_situation"]
    # Another group's student: not even the student exists for this mentor.
    other = await client.get(f"/api/v1/students/{world.students['ll-4']}/notes", headers=mentor)
    assert other.status_code == 404


async def test_sharing_with_the_zat_needs_consent_and_stops_when_it_is_withdrawn(
    client: httpx.AsyncClient, world: World
) -> None:
    url = f"/api/v1/students/{world.students['ll-4']}/disclosures"
    refused = await _post(client, world, "zorgcoordinator", url, ZAT)
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["code"] == "consent-missing"
    assert problem["missing_consent"] == {
        "purpose": "register_zat",
        "recipient": None,
        "given_by": "guardian",
    }

    consent = await _consent(client, world, "ll-4", "register_zat")
    assert consent.status_code == 201, consent.text
    allowed = await _post(client, world, "zorgcoordinator", url, ZAT)
    assert allowed.status_code == 201
    assert allowed.json()["consent_id"] == consent.json()["id"]

    withdraw = f"/api/v1/consents/{consent.json()['id']}/withdraw"
    headers = await world.headers("zorgcoordinator")
    assert (await client.post(withdraw, json={}, headers=headers)).status_code == 428
    resp = await client.post(
        withdraw,
        json={"note": "Ouders willen eerst praten"},
        headers={**headers, "If-Match": '"v1"'},
    )
    assert resp.status_code == 200 and resp.json()["withdrawn_at"]
    again = await _post(client, world, "zorgcoordinator", url, ZAT)
    assert again.status_code == 422 and again.json()["code"] == "consent-missing"

    # The history stays: one disclosure, one withdrawn consent.
    listed = await client.get(url, headers=headers)
    assert [d["recipient_name"] for d in listed.json()] == ["ZAT Rivierstad"]


async def test_a_legal_ground_allows_sharing_only_with_an_explanation(
    client: httpx.AsyncClient, world: World
) -> None:
    url = f"/api/v1/students/{world.students['ll-5']}/disclosures"
    body = {**ZAT, "legal_ground": "vital_interest"}
    resp = await _post(client, world, "zorgcoordinator", url, body)
    assert resp.status_code == 422 and resp.json()["errors"][0]["pointer"] == "/explanation"
    body["explanation"] = "Acute zorg over de veiligheid thuis; meldcode stap 3 gevolgd."
    resp = await _post(client, world, "zorgcoordinator", url, body)
    assert resp.status_code == 201 and resp.json()["consent_id"] is None


async def test_a_share_with_a_named_organisation_needs_consent_for_that_organisation(
    client: httpx.AsyncClient, world: World
) -> None:
    await _consent(client, world, "ll-5", "share_external", recipient="Jeugdhulp Rivierstad")
    url = f"/api/v1/students/{world.students['ll-5']}/disclosures"
    body = {
        "purpose": "share_external",
        "recipient_kind": "external_organisation",
        "data_categories": ["personal_details"],
    }
    other = await _post(
        client, world, "zorgcoordinator", url, {**body, "recipient_name": "Kinderpraktijk Zon"}
    )
    assert other.status_code == 422 and other.json()["code"] == "consent-missing"
    named = await _post(
        client, world, "zorgcoordinator", url, {**body, "recipient_name": "jeugdhulp rivierstad"}
    )
    assert named.status_code == 201


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        ({"given_by": "student", "guardian_id": None}, "/given_by"),  # ll-4 is 13
        ({"guardian_id": str(uuid.uuid4())}, "/guardian_id"),
        ({"given_on": (utcnow().date() + timedelta(days=2)).isoformat()}, "/given_on"),
    ],
)
async def test_consent_is_given_by_who_may_give_it(
    client: httpx.AsyncClient, world: World, change: dict[str, Any], pointer: str
) -> None:
    resp = await _consent(client, world, "ll-4", "share_swv", **change)
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["pointer"] == pointer


async def test_teachers_cannot_share_or_read_the_consent_ledger(
    client: httpx.AsyncClient, world: World
) -> None:
    student = world.students["ll-4"]
    headers = await world.headers("teacher")
    assert (
        await client.get(f"/api/v1/students/{student}/consents", headers=headers)
    ).status_code == 403
    resp = await client.post(f"/api/v1/students/{student}/disclosures", json=ZAT, headers=headers)
    assert resp.status_code == 403


async def test_an_external_partner_sees_a_student_only_while_a_grant_and_its_consent_hold(
    client: httpx.AsyncClient, world: World
) -> None:
    student = world.students["ll-4"]
    partner = await world.headers("external_partner")
    assert (await client.get(f"/api/v1/students/{student}", headers=partner)).status_code == 404

    consent = (await _consent(client, world, "ll-4", "register_zat")).json()
    await _note(client, world, "ll-4", category="care", body="Vraag aan het ZAT.")
    grant = await _post(
        client,
        world,
        "zorgcoordinator",
        f"/api/v1/students/{student}/access-grants",
        {
            "user_id": str(world.users["external_partner"]),
            "consent_id": consent["id"],
            "valid_until": (utcnow() + timedelta(days=30)).isoformat(),
        },
    )
    assert grant.status_code == 201, grant.text
    assert (await client.get(f"/api/v1/students/{student}", headers=partner)).status_code == 200
    notes = await client.get(f"/api/v1/students/{student}/notes", headers=partner)
    assert [n["category"] for n in notes.json()] == ["care"]
    # Another student of the school stays invisible.
    other = world.students["ll-5"]
    assert (await client.get(f"/api/v1/students/{other}", headers=partner)).status_code == 404
    # Read-only: no notes written by the partner.
    resp = await client.post(
        f"/api/v1/students/{student}/notes", json={"category": "care", "body": "x"}, headers=partner
    )
    assert resp.status_code == 403

    # Withdrawing the consent ends the access at once.
    await client.post(
        f"/api/v1/consents/{consent['id']}/withdraw",
        json={},
        headers={**await world.headers("zorgcoordinator"), "If-Match": '"v1"'},
    )
    assert (await client.get(f"/api/v1/students/{student}", headers=partner)).status_code == 404


async def test_a_grant_cannot_outlive_a_year_nor_go_to_staff(
    client: httpx.AsyncClient, world: World
) -> None:
    student = world.students["ll-4"]
    consent = (await _consent(client, world, "ll-4", "register_zat")).json()
    url = f"/api/v1/students/{student}/access-grants"
    body = {"consent_id": consent["id"], "user_id": str(world.users["external_partner"])}
    late = (utcnow() + timedelta(days=400)).isoformat()
    resp = await _post(client, world, "zorgcoordinator", url, {**body, "valid_until": late})
    assert resp.status_code == 422
    soon = (utcnow() + timedelta(days=10)).isoformat()
    staff = {**body, "user_id": str(world.users["teacher"]), "valid_until": soon}
    assert (await _post(client, world, "zorgcoordinator", url, staff)).status_code == 422
    mentor = await _post(client, world, "mentor", url, {**body, "valid_until": soon})
    assert mentor.status_code == 404  # ll-4 is not the 1A mentor's student


async def test_the_privacy_officer_sees_who_looked_at_a_dossier(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    student = world.students["ll-4"]
    await client.get(f"/api/v1/students/{student}", headers=await world.headers("teacher"))
    await _post(client, world, "zorgcoordinator", f"/api/v1/students/{student}/disclosures", ZAT)
    await _consent(client, world, "ll-4", "register_zat")
    await _post(client, world, "zorgcoordinator", f"/api/v1/students/{student}/disclosures", ZAT)

    url = f"/api/v1/students/{student}/audit-trail"
    officer = await world.headers("privacy_officer")
    resp = await client.get(url, headers=officer)
    assert resp.status_code == 200, resp.text
    events = resp.json()["items"]
    reads = [e for e in events if e["action"] == "student.read"]
    assert any(e["actor_role"] == "teacher" for e in reads)
    shared = [e for e in events if e["action"] == "disclosure.create"]
    assert [e["purpose"] for e in shared] == ["register_zat"]  # the refused one left no trace

    page = await client.get(url, params={"limit": 1, "action": "student."}, headers=officer)
    assert len(page.json()["items"]) == 1 and page.json()["next_cursor"]

    # Only the privacy officer and the school leader; another school's officer sees nothing.
    teacher = await client.get(url, headers=await world.headers("teacher"))
    assert teacher.status_code == 403
    other = await factory.build()
    assert (
        await client.get(url, headers=await other.headers("privacy_officer"))
    ).status_code == 404


async def test_graphql_gives_the_same_notes_and_trail_under_the_same_rules(
    client: httpx.AsyncClient, world: World
) -> None:
    student = world.students["ll-4"]
    await _note(client, world, "ll-4", category="home_situation", body="Verhuizing.")
    query = """query($id: ID!) {
      studentNotes(studentId: $id) { category }
      auditTrail(studentId: $id, first: 5) {
        ... on AuditTrailPage { items { action actorRole } nextCursor }
        ... on Problem { code }
      }
    }"""

    async def run(role: str) -> dict[str, Any]:
        resp = await client.post(
            "/graphql",
            json={"query": query, "variables": {"id": str(student)}},
            headers=await world.headers(role),
        )
        return dict(resp.json())

    leader = await run("school_leader")
    assert leader["data"]["studentNotes"] == [{"category": "home_situation"}]
    assert any(e["action"] == "note.create" for e in leader["data"]["auditTrail"]["items"])
    teacher = await run("teacher")  # teaches ll-4, but neither home notes nor the trail
    assert teacher["data"] == {"studentNotes": [], "auditTrail": {"code": "forbidden"}}


async def test_refused_access_is_kept_in_the_trail_although_the_request_rolls_back(
    client: httpx.AsyncClient, world: World
) -> None:
    student = world.students["ll-1"]  # the 1A mentor's student, not the maths teacher's
    teacher = await world.headers("teacher")
    assert (
        await client.get(f"/api/v1/students/{student}/notes", headers=teacher)
    ).status_code == 404
    forbidden = await client.get(
        f"/api/v1/students/{student}/consents", headers=await world.headers("hb_specialist")
    )
    assert forbidden.status_code == 403

    trail = await client.get(
        f"/api/v1/students/{student}/audit-trail",
        params={"action": "access.denied"},
        headers=await world.headers("privacy_officer"),
    )
    denied = trail.json()["items"]
    assert [(e["actor_id"], e["target_type"]) for e in denied] == [
        (f"user:{world.users['teacher']}", "/api/v1/students/{student_id}/notes"),
        (f"user:{world.users['hb_specialist']}", "/api/v1/students/{student_id}/consents"),
    ]
