"""The privacy writes over GraphQL: the same service, the same rules, the same audit rows as
REST; refusals come back as a Problem in the mutation's result union."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support.factories import World, WorldFactory

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import utcnow
from zorgroute.notes.models import StudentNote

PROBLEM = "... on Problem { code status errors extensions }"
CONSENT = f"__typename ... on Consent {{ id version withdrawnAt givenBy guardianId }} {PROBLEM}"
DISCLOSURE = f"__typename ... on Disclosure {{ id consentId recipientName }} {PROBLEM}"
GRANT = f"__typename ... on AccessGrant {{ id purpose revokedAt }} {PROBLEM}"

RECORD_CONSENT = f"""mutation($s: ID!, $input: ConsentInput!) {{
  recordConsent(studentId: $s, input: $input) {{ {CONSENT} }} }}"""
WITHDRAW_CONSENT = f"""mutation($id: ID!, $v: Int!, $note: String) {{
  withdrawConsent(id: $id, expectedVersion: $v, note: $note) {{ {CONSENT} }} }}"""
RECORD_DISCLOSURE = f"""mutation($s: ID!, $input: DisclosureInput!) {{
  recordDisclosure(studentId: $s, input: $input) {{ {DISCLOSURE} }} }}"""
GRANT_ACCESS = f"""mutation($s: ID!, $input: AccessGrantInput!) {{
  grantAccess(studentId: $s, input: $input) {{ {GRANT} }} }}"""
REVOKE_ACCESS = f"mutation($id: ID!) {{ revokeAccess(id: $id) {{ {GRANT} }} }}"
CREATE_NOTE = f"""mutation($s: ID!, $input: NoteInput!) {{
  createStudentNote(studentId: $s, input: $input) {{
    __typename ... on StudentNote {{ id category }} {PROBLEM} }} }}"""
LISTS = f"""query($s: ID!) {{
  studentConsents(studentId: $s) {{
    __typename ... on ConsentList {{ items {{ id withdrawnAt }} }} {PROBLEM} }}
  studentDisclosures(studentId: $s) {{
    __typename ... on DisclosureList {{ items {{ id recipientName }} }} {PROBLEM} }}
}}"""

ZAT = {
    "purpose": "register_zat",
    "recipientKind": "zat",
    "recipientName": "ZAT Rivierstad",
    "dataCategories": ["personal_details", "care_notes"],
}
PRIVACY_ACTIONS = ("consent.record", "consent.withdraw", "disclosure.create")


async def gql(
    client: httpx.AsyncClient, world: World, role: str, query: str, **variables: Any
) -> dict[str, Any]:
    resp = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers=await world.headers(role),
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert "errors" not in body, body
    return dict(body["data"])


async def guardian_id(client: httpx.AsyncClient, world: World, student: str) -> str:
    data = await gql(
        client,
        world,
        "zorgcoordinator",
        "query($id: ID!) { student(id: $id) { guardians { id } } }",
        id=str(world.students[student]),
    )
    return str(data["student"]["guardians"][0]["id"])


async def consent_input(
    client: httpx.AsyncClient, world: World, student: str, **extra: Any
) -> dict[str, Any]:
    return {
        "purpose": "register_zat",
        "granted": True,
        "givenBy": "guardian",
        "guardianId": await guardian_id(client, world, student),
        "method": "signed_form",
        "givenOn": utcnow().date().isoformat(),
        **extra,
    }


async def privacy_audit(factory: WorldFactory, world: World, student: str) -> list[tuple[Any, ...]]:
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.student_id == world.students[student],
                col(AuditEvent.action).in_(PRIVACY_ACTIONS),
            )
            .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
        )
    return [
        (e.action, e.target_type, e.actor_id, e.actor_role, e.purpose, e.details) for e in events
    ]


async def test_the_consent_flow_over_graphql_matches_rest(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    sid = str(world.students["ll-4"])
    refused = (await gql(client, world, "zorgcoordinator", RECORD_DISCLOSURE, s=sid, input=ZAT))[
        "recordDisclosure"
    ]
    assert refused["__typename"] == "Problem"
    assert (refused["code"], refused["status"]) == ("consent-missing", 422)
    assert refused["extensions"] == {
        "missing_consent": {
            "purpose": "register_zat",
            "recipient": None,
            "given_by": "guardian",
        }
    }

    given = await consent_input(client, world, "ll-4")
    consent = (await gql(client, world, "zorgcoordinator", RECORD_CONSENT, s=sid, input=given))[
        "recordConsent"
    ]
    assert consent["__typename"] == "Consent", consent
    assert (consent["version"], consent["givenBy"]) == (1, "guardian")
    assert consent["guardianId"] == given["guardianId"]

    allowed = (await gql(client, world, "zorgcoordinator", RECORD_DISCLOSURE, s=sid, input=ZAT))[
        "recordDisclosure"
    ]
    assert allowed["__typename"] == "Disclosure", allowed
    assert allowed["consentId"] == consent["id"]

    stale = await gql(client, world, "zorgcoordinator", WITHDRAW_CONSENT, id=consent["id"], v=7)
    assert stale["withdrawConsent"]["code"] == "version-mismatch"
    withdrawn = (
        await gql(
            client,
            world,
            "zorgcoordinator",
            WITHDRAW_CONSENT,
            id=consent["id"],
            v=1,
            note="Eerst",
        )
    )["withdrawConsent"]
    assert withdrawn["__typename"] == "Consent" and withdrawn["withdrawnAt"]
    assert withdrawn["version"] == 2

    again = (await gql(client, world, "zorgcoordinator", RECORD_DISCLOSURE, s=sid, input=ZAT))[
        "recordDisclosure"
    ]
    assert again["code"] == "consent-missing"

    lists = await gql(client, world, "privacy_officer", LISTS, s=sid)
    assert lists["studentConsents"]["items"] == [
        {"id": consent["id"], "withdrawnAt": withdrawn["withdrawnAt"]}
    ]
    assert lists["studentDisclosures"]["items"] == [
        {"id": allowed["id"], "recipientName": "ZAT Rivierstad"}
    ]

    # The same steps over REST for another student of the school write the same audit rows.
    rest = f"/api/v1/students/{world.students['ll-5']}"
    headers = await world.headers("zorgcoordinator")
    body = {
        "purpose": "register_zat",
        "granted": True,
        "given_by": "guardian",
        "guardian_id": await guardian_id(client, world, "ll-5"),
        "method": "signed_form",
        "given_on": utcnow().date().isoformat(),
    }
    zat = {
        "purpose": "register_zat",
        "recipient_kind": "zat",
        "recipient_name": "ZAT Rivierstad",
        "data_categories": ["personal_details", "care_notes"],
    }
    assert (await client.post(f"{rest}/disclosures", json=zat, headers=headers)).status_code == 422
    rest_consent = await client.post(f"{rest}/consents", json=body, headers=headers)
    assert rest_consent.status_code == 201
    assert (await client.post(f"{rest}/disclosures", json=zat, headers=headers)).status_code == 201
    resp = await client.post(
        f"/api/v1/consents/{rest_consent.json()['id']}/withdraw",
        json={"note": "Eerst"},
        headers={**headers, "If-Match": '"v1"'},
    )
    assert resp.status_code == 200
    assert (await client.post(f"{rest}/disclosures", json=zat, headers=headers)).status_code == 422

    over_graphql = await privacy_audit(factory, world, "ll-4")
    assert [a for a, *_ in over_graphql] == [
        "consent.record",
        "disclosure.create",
        "consent.withdraw",
    ]
    assert over_graphql[0][2] == f"user:{world.users['zorgcoordinator']}"
    assert over_graphql == await privacy_audit(factory, world, "ll-5")


async def test_the_rest_write_models_validate_graphql_input(
    client: httpx.AsyncClient, world: World
) -> None:
    sid = str(world.students["ll-4"])  # 13 years old: a parent decides
    young = await consent_input(client, world, "ll-4", givenBy="student", guardianId=None)
    result = (await gql(client, world, "zorgcoordinator", RECORD_CONSENT, s=sid, input=young))[
        "recordConsent"
    ]
    assert (result["code"], result["status"]) == ("validation-failed", 422)
    assert result["errors"][0]["pointer"] == "/given_by"

    bogus = await consent_input(client, world, "ll-4", purpose="marketing")
    result = (await gql(client, world, "zorgcoordinator", RECORD_CONSENT, s=sid, input=bogus))[
        "recordConsent"
    ]
    assert result["code"] == "validation-failed"
    assert result["errors"][0]["pointer"] == "/purpose"

    lists = await gql(client, world, "zorgcoordinator", LISTS, s=sid)
    assert lists["studentConsents"]["items"] == []  # nothing was recorded


async def test_a_teacher_is_refused_with_a_forbidden_problem(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    sid = str(world.students["ll-4"])  # the teacher teaches ll-4 maths
    result = await gql(client, world, "teacher", RECORD_DISCLOSURE, s=sid, input=ZAT)
    assert result["recordDisclosure"]["code"] == "forbidden"
    lists = await gql(client, world, "teacher", LISTS, s=sid)
    assert lists["studentConsents"]["code"] == "forbidden"
    assert lists["studentDisclosures"]["code"] == "forbidden"

    # A teacher may write an observation, not a care note: the refused note is not stored.
    note = await gql(
        client,
        world,
        "teacher",
        CREATE_NOTE,
        s=sid,
        input={"category": "observation", "body": "Ok"},
    )
    assert note["createStudentNote"]["category"] == "observation"
    care = await gql(
        client,
        world,
        "teacher",
        CREATE_NOTE,
        s=sid,
        input={"category": "care", "body": "Zorg"},
    )
    assert care["createStudentNote"]["code"] == "forbidden"
    async with factory.run([world.school_id]) as uow:
        stored = await uow.scalars(
            select(StudentNote.category).where(StudentNote.student_id == world.students["ll-4"])
        )
    assert list(stored) == ["observation"]


async def test_an_external_partner_gets_and_loses_access_over_graphql(
    client: httpx.AsyncClient, world: World
) -> None:
    sid = str(world.students["ll-4"])
    given = await consent_input(client, world, "ll-4")
    consent = (await gql(client, world, "zorgcoordinator", RECORD_CONSENT, s=sid, input=given))[
        "recordConsent"
    ]
    grant_input = {
        "userId": str(world.users["external_partner"]),
        "consentId": consent["id"],
        "validUntil": (utcnow() + timedelta(days=30)).isoformat(),
    }
    late = {**grant_input, "validUntil": (utcnow() + timedelta(days=400)).isoformat()}
    result = await gql(client, world, "zorgcoordinator", GRANT_ACCESS, s=sid, input=late)
    assert result["grantAccess"]["errors"][0]["pointer"] == "/valid_until"
    naive = {**grant_input, "validUntil": "2030-01-01T00:00:00"}  # no UTC offset
    result = await gql(client, world, "zorgcoordinator", GRANT_ACCESS, s=sid, input=naive)
    assert result["grantAccess"]["errors"][0]["pointer"] == "/valid_until"

    grant = (await gql(client, world, "zorgcoordinator", GRANT_ACCESS, s=sid, input=grant_input))[
        "grantAccess"
    ]
    assert grant["__typename"] == "AccessGrant", grant
    assert grant["purpose"] == "register_zat" and grant["revokedAt"] is None
    student = "query($id: ID!) { student(id: $id) { id } }"
    assert (await gql(client, world, "external_partner", student, id=sid))["student"]
    revoked = (await gql(client, world, "zorgcoordinator", REVOKE_ACCESS, id=grant["id"]))[
        "revokeAccess"
    ]
    assert revoked["revokedAt"]
    assert (await gql(client, world, "external_partner", student, id=sid))["student"] is None


async def test_another_schools_student_is_not_found(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    other = await factory.build()
    sid = str(other.students["ll-4"])
    given = await consent_input(client, other, "ll-4")
    mutations: list[tuple[str, str, dict[str, Any]]] = [
        ("recordConsent", RECORD_CONSENT, {"s": sid, "input": given}),
        ("recordDisclosure", RECORD_DISCLOSURE, {"s": sid, "input": ZAT}),
        (
            "createStudentNote",
            CREATE_NOTE,
            {"s": sid, "input": {"category": "care", "body": "x"}},
        ),
        ("withdrawConsent", WITHDRAW_CONSENT, {"id": str(uuid.uuid4()), "v": 1}),
        ("revokeAccess", REVOKE_ACCESS, {"id": "not-an-id"}),
    ]
    for name, query, variables in mutations:
        result = (await gql(client, world, "zorgcoordinator", query, **variables))[name]
        assert (result["code"], result["status"]) == ("not-found", 404), (name, result)
    lists = await gql(client, world, "school_leader", LISTS, s=sid)
    assert lists == {"studentConsents": None, "studentDisclosures": None}
    unknown = await gql(client, world, "school_leader", LISTS, s="nope")
    assert unknown == {"studentConsents": None, "studentDisclosures": None}
