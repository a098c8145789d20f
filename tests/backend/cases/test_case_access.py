"""Who sees and changes a case: the teacher reads without restricted content, the privacy
officer does not read cases, another school's case does not exist, an external partner only
through a time-boxed case grant (also in a meeting's case pack); every read is audited; a ZAT
registration rests on the parents' consent, an IZO registration without informing the parents
on a recorded reason."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support.cases import (
    TODAY,
    consent,
    conversation,
    get,
    install,
    iso,
    open_case,
    patch,
    registration,
    step,
)  # fmt: skip
from support.factories import ROLES, World, WorldFactory
from support.hgw import call

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import utcnow
from zorgroute.privacy.models import AccessGrant

KEY = "vo"
CASE_FILE = {
    "help_question_student": "Help mij om weer naar school te gaan.",
    "guidance_question": "Hoe houden we contact als hij thuis zit?",
    "strengths": {"student": "Eerlijk", "school": "", "family": "Opa is betrokken"},
}
PARTNER = "external_partner"


def url(case: dict[str, Any]) -> str:
    return f"/api/v1/cases/{case['id']}"


def if_match(case: dict[str, Any]) -> dict[str, str]:
    return {"If-Match": f'"v{case["version"]}"'}


async def opened(client: httpx.AsyncClient, world: World, role: str, student: str,
                 action: str = "open_izo", **fields: Any) -> dict[str, Any]:  # fmt: skip
    resp = await open_case(client, world, role, student, KEY, action, **fields)
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def grant(client: httpx.AsyncClient, world: World, case: dict[str, Any], consent_id: str,
                role: str = "zorgcoordinator") -> httpx.Response:  # fmt: skip
    return await call(client, world, role, "POST", f"{url(case)}/grants",
                      {"user_id": str(world.users[PARTNER]), "consent_id": consent_id,
                       "valid_until": (utcnow() + timedelta(days=30)).isoformat()})  # fmt: skip


async def test_a_teacher_reads_the_case_without_restricted_content_and_does_not_edit_it(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    case = await opened(client, world, "zorgcoordinator", "ll-4", **CASE_FILE,
                        home_situation="Vader is sinds kort werkloos.")  # fmt: skip
    await conversation(client, world, "zorgcoordinator", case["id"], "parents", "izo")

    care = await get(client, world, case["id"], "zorgcoordinator")
    assert care["home_situation"] == "Vader is sinds kort werkloos."
    assert care["conversations"][0]["summary"] and care["sees_restricted"] is True

    seen = await get(client, world, case["id"], "teacher")  # teaches ll-4 maths
    assert seen["home_situation"] is None
    assert seen["sees_restricted"] is False and seen["editable"] is False
    assert seen["conversations"][0]["summary"] is None
    assert seen["help_question_student"] == CASE_FILE["help_question_student"]
    assert not any(a["allowed"] for a in seen["actions"])
    for body in ({"guidance_question": "Anders"}, {"home_situation": "Verhuisd"}):
        resp = await call(client, world, "teacher", "PATCH", url(case), body, **if_match(seen))
        assert resp.status_code == 403, resp.text
    resp = await call(client, world, "teacher", "POST", f"{url(case)}/conversations",
                      {"with_whom": "student", "moment": "before", "forum": "izo",
                       "held_on": iso(TODAY), "summary": "x"})  # fmt: skip
    assert resp.status_code == 403
    assert (await get(client, world, case["id"]))["version"] == care["version"]

    # The mentor of 1A does not know this student of 2B; the privacy officer knows the student
    # (for inzage requests) but does not read care cases.
    assert (await call(client, world, "mentor", "GET", url(case))).status_code == 404
    assert (await call(client, world, "privacy_officer", "GET", url(case))).status_code == 403
    resp = await call(client, world, "privacy_officer", "PATCH", url(case),
                      {"prior_support": "x"}, **if_match(care))  # fmt: skip
    assert resp.status_code == 403


async def test_another_schools_case_is_not_found_for_any_role(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    other = await factory.build()
    await install(client, other, "vo-izo-zat", KEY)
    theirs = await opened(client, other, "mentor", "ll-1", **CASE_FILE)
    for role in ROLES:
        for method, path, body in (
            ("GET", url(theirs), None),
            ("PATCH", url(theirs), {"prior_support": "x"}),
            ("POST", f"{url(theirs)}/transitions", {"action": "submit"}),
            ("POST", f"{url(theirs)}/conversations",
             {"with_whom": "student", "moment": "before", "forum": "izo", "held_on": iso(TODAY),
              "summary": "x"}),
            ("GET", f"/api/v1/students/{other.students['ll-1']}/cases", None),
        ):  # fmt: skip
            resp = await call(client, world, role, method, path, body, **if_match(theirs))
            assert resp.status_code == 404, (role, method, path, resp.text)
    assert (await get(client, other, theirs["id"], "mentor"))["version"] == theirs["version"]


async def test_an_external_partner_reads_a_case_only_while_a_case_grant_runs(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    case = await opened(client, world, "mentor", "ll-1", **CASE_FILE,
                        home_situation="Moeder is ziek.")  # fmt: skip
    other = await opened(client, world, "mentor", "ll-1", "open_bilateral",
                         reason="Even afstemmen met de teamleider")  # fmt: skip
    assert (await call(client, world, PARTNER, "GET", url(case))).status_code == 404
    zat = await consent(client, world, "ll-1", "register_zat")

    # The mentor works on the case but does not hand out access.
    assert (await grant(client, world, case, zat, "mentor")).status_code == 403
    resp = await grant(client, world, case, zat)
    assert resp.status_code == 201, resp.text
    first = resp.json()
    assert first["case_id"] == case["id"] and first["user_id"] == str(world.users[PARTNER])

    seen = await get(client, world, case["id"], PARTNER)
    assert seen["help_question_student"] == CASE_FILE["help_question_student"]
    assert seen["home_situation"] == "Moeder is ziek."  # shared on the parents' consent
    assert seen["editable"] is False
    resp = await call(client, world, PARTNER, "PATCH", url(case), {"prior_support": "x"},
                      **if_match(seen))  # fmt: skip
    assert resp.status_code == 403
    # A grant on one case does not open the student's other case.
    assert (await call(client, world, PARTNER, "GET", url(other))).status_code == 404
    listed = await call(client, world, PARTNER, "GET",
                        f"/api/v1/students/{world.students['ll-1']}/cases")  # fmt: skip
    assert [c["id"] for c in listed.json()] == [case["id"]]

    # Revoked: not found again.
    resp = await call(client, world, "zorgcoordinator", "POST",
                      f"/api/v1/access-grants/{first['id']}/revoke")  # fmt: skip
    assert resp.status_code == 200, resp.text
    assert (await call(client, world, PARTNER, "GET", url(case))).status_code == 404

    # A new grant, then its period ends: not found again.
    second = (await grant(client, world, case, zat)).json()
    assert (await call(client, world, PARTNER, "GET", url(case))).status_code == 200
    async with world.factory.run([world.school_id]) as uow:
        row = await uow.first(select(AccessGrant).where(AccessGrant.id == second["id"]))
        assert row is not None
        row.valid_from = utcnow() - timedelta(days=31)
        row.valid_until = utcnow() - timedelta(minutes=1)
        await uow.commit()
    assert (await call(client, world, PARTNER, "GET", url(case))).status_code == 404


async def test_an_external_member_of_a_meeting_sees_only_granted_cases_in_the_pack(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    granted = await opened(client, world, "mentor", "ll-1", **CASE_FILE)
    withheld = [await opened(client, world, "mentor", s, **CASE_FILE) for s in ("ll-2", "ll-3")]
    assert (
        await grant(client, world, granted, await consent(client, world, "ll-1", "register_zat"))
    ).status_code == 201
    # A grant on another case of ll-2 opens the student, not ll-2's case on the agenda.
    bilateral = await opened(client, world, "mentor", "ll-2", "open_bilateral", reason="Afstemmen")
    resp = await grant(
        client, world, bilateral, await consent(client, world, "ll-2", "register_zat")
    )
    assert resp.status_code == 201, resp.text

    resp = await call(client, world, "zorgcoordinator", "POST",
                      f"/api/v1/schools/{world.school_id}/care-meetings",
                      {"forum": "zat", "title": "ZAT november",
                       "scheduled_at": (utcnow() + timedelta(days=2)).isoformat(),
                       "members": [{"name": "Zorgcoördinator", "membership": "standing"},
                                   {"name": "Jeugdarts", "user_id": str(world.users[PARTNER]),
                                    "organisation": "GGD", "membership": "external"}]})  # fmt: skip
    assert resp.status_code == 201, resp.text
    zat = resp.json()
    for case in (granted, *withheld):
        resp = await call(client, world, "zorgcoordinator", "POST",
                          f"/api/v1/care-meetings/{zat['id']}/agenda",
                          {"case_id": case["id"], "kind": "new"},
                          **{"If-Match": f'"v{zat["version"]}"'})  # fmt: skip
        assert resp.status_code == 200, resp.text
        zat = resp.json()
    resp = await call(client, world, "zorgcoordinator", "POST",
                      f"/api/v1/care-meetings/{zat['id']}/case-pack",
                      **{"If-Match": f'"v{zat["version"]}"'})  # fmt: skip
    assert resp.status_code == 200, resp.text

    pack = await call(client, world, PARTNER, "GET", f"/api/v1/care-meetings/{zat['id']}/case-pack")
    assert pack.status_code == 200, pack.text
    assert [i["case_id"] for i in pack.json()["items"]] == [granted["id"]]
    assert pack.json()["withheld"] == 2 and pack.json()["sent_at"] is not None
    full = await call(client, world, "zorgcoordinator", "GET",
                      f"/api/v1/care-meetings/{zat['id']}/case-pack")  # fmt: skip
    assert len(full.json()["items"]) == 3 and full.json()["withheld"] == 0
    # The meeting itself: the agenda names the cases, but minutes only of the granted one.
    seen = (await call(client, world, PARTNER, "GET", f"/api/v1/care-meetings/{zat['id']}")).json()
    minutes = {i["case_id"]: i["minutes"] for i in seen["agenda"]}
    assert minutes[granted["id"]] == {} and minutes[withheld[0]["id"]] is None
    assert seen["editable"] is False
    # A member reads; they do not run the meeting.
    resp = await call(
        client,
        world,
        PARTNER,
        "POST",
        f"/api/v1/care-meetings/{zat['id']}/case-pack",
        **{"If-Match": f'"v{seen["version"]}"'},
    )
    assert resp.status_code == 403


async def test_every_read_of_a_case_is_audited_in_its_own_request(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    case = await opened(client, world, "mentor", "ll-1", **CASE_FILE)

    async def reads() -> list[AuditEvent]:
        async with world.factory.run([world.school_id]) as uow:
            return list(
                await uow.scalars(
                    select(AuditEvent)
                    .where(AuditEvent.action == "case.read", AuditEvent.target_id == case["id"])
                    .order_by(col(AuditEvent.occurred_at))
                )
            )

    assert await reads() == []
    request_ids = []
    for role in ("mentor", "zorgcoordinator"):
        resp = await call(client, world, role, "GET", url(case))
        assert resp.status_code == 200
        request_ids.append(resp.headers["x-request-id"])
    # A refused read commits nothing of the request: no case.read row.
    assert (await call(client, world, "privacy_officer", "GET", url(case))).status_code == 403
    rows = await reads()
    assert [(r.request_id, r.actor_role, r.target_type) for r in rows] == [
        (request_ids[0], "mentor", "care_case"), (request_ids[1], "zorgcoordinator", "care_case"),
    ]  # fmt: skip
    assert {r.student_id for r in rows} == {world.students["ll-1"]}
    assert {r.school_id for r in rows} == {world.school_id}


async def test_a_zat_registration_rests_on_the_parents_consent(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    # Directly to the ZAT only where the school allows it.
    resp = await open_case(client, world, "mentor", "ll-2", KEY, "open_direct_zat")
    assert resp.status_code == 422 and resp.json()["missing"] == ["direct_zat_allowed"]
    settings_url = f"/api/v1/schools/{world.school_id}/hgw-settings"
    current = await call(client, world, "zorgcoordinator", "GET", settings_url)
    body = {k: v for k, v in current.json().items() if k not in ("school_id", "version")}
    resp = await call(client, world, "zorgcoordinator", "PUT", settings_url,
                      {**body, "direct_zat_from_group_meeting": True},
                      **{"If-Match": current.headers["ETag"]})  # fmt: skip
    assert resp.status_code == 200, resp.text
    case = await opened(client, world, "mentor", "ll-2", "open_direct_zat", **CASE_FILE)
    assert case["state"] == "zat_draft"
    await registration(client, world, "mentor", case["id"], "zat")
    await conversation(client, world, "mentor", case["id"], "student", "zat")
    await conversation(client, world, "mentor", case["id"], "parents", "zat")
    case = await get(client, world, case["id"])

    async def submit() -> httpx.Response:
        return await step(client, world, "zorgcoordinator", case, "submit_zat")

    resp = await submit()
    assert resp.status_code == 422 and resp.json()["missing"] == ["consent:register_zat"]
    # The parents refused: still refused.
    sid = world.students["ll-2"]
    guardian = (await call(client, world, "zorgcoordinator", "GET", f"/api/v1/students/{sid}")
                ).json()["guardians"][0]["id"]  # fmt: skip
    decision = {"purpose": "register_zat", "given_by": "guardian", "guardian_id": guardian,
                "method": "conversation", "given_on": iso(TODAY)}  # fmt: skip
    resp = await call(client, world, "zorgcoordinator", "POST", f"/api/v1/students/{sid}/consents",
                      {**decision, "granted": False})  # fmt: skip
    assert resp.status_code == 201, resp.text
    resp = await submit()
    assert resp.status_code == 422 and resp.json()["missing"] == ["consent:register_zat"]
    # Given, then withdrawn: refused.
    given = await consent(client, world, "ll-2", "register_zat")
    resp = await call(client, world, "zorgcoordinator", "POST",
                      f"/api/v1/consents/{given}/withdraw", {}, **{"If-Match": '"v1"'})  # fmt: skip
    assert resp.status_code == 200, resp.text
    resp = await submit()
    assert resp.status_code == 422 and resp.json()["missing"] == ["consent:register_zat"]
    assert (await get(client, world, case["id"]))["state"] == "zat_draft"
    # Given again: submitted.
    await consent(client, world, "ll-2", "register_zat")
    resp = await submit()
    assert resp.status_code == 200, resp.text
    assert resp.json()["state"] == "zat_submitted"


async def test_parents_not_informed_needs_a_recorded_reason_and_then_passes_the_parent_guard(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    case = await opened(client, world, "mentor", "ll-3", **CASE_FILE)
    await registration(client, world, "mentor", case["id"], "izo")
    await conversation(client, world, "mentor", case["id"], "student", "izo")
    case = await get(client, world, case["id"], "mentor")
    resp = await step(client, world, "mentor", case, "submit")
    assert resp.status_code == 422 and resp.json()["missing"] == ["parents_informed:izo"]

    for body in ({"parents_informed": False},
                 {"parents_informed": False, "parents_not_informed_reason": "  "}):  # fmt: skip
        resp = await call(client, world, "mentor", "PATCH", url(case), body, **if_match(case))
        assert resp.status_code == 422, resp.text
        assert [e["pointer"] for e in resp.json()["errors"]] == ["/parents_not_informed_reason"]
    assert (await get(client, world, case["id"]))["parents_informed"] is True
    reason = "Melding Veilig Thuis loopt; informeren brengt de leerling in gevaar."
    case = await patch(
        client,
        world,
        "mentor",
        case,
        {"parents_informed": False, "parents_not_informed_reason": reason},
    )
    assert (case["parents_informed"], case["parents_not_informed_reason"]) == (False, reason)
    submit = next(a for a in case["actions"] if a["action"] == "submit")
    assert submit["missing"] == []
    # No conversation with the parents and no consent to discuss, and still submitted.
    resp = await step(client, world, "mentor", case, "submit")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "izo_submitted"
    assert [c["with_whom"] for c in case["conversations"]] == ["student"]
