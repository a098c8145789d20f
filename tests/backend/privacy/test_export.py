"""Inzageverzoek (AVG art. 15): the privacy officer's export of everything the school holds about
one student, as JSON and as a Dutch PDF; who may export; every export is audited (inzage); the
records of the HGW cycle and plans are part of it, whoever may see them in the app."""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

import httpx
import pytest
from conftest import StatementCounter
from sqlmodel import select
from support.factories import World, WorldFactory
from support.hgw import call, need, need_body, overview, period, signal
from support.pdf import joined_lines
from support.pdf import pdf_text as pdf_text_of
from support.privacy_records import write_dossier

from zorgroute.audit.models import AuditEvent
from zorgroute.privacy.export_pdf import pdf_text
from zorgroute.roster.service import STUDENT_NOT_FOUND


async def test_privacy_officer_exports_everything_the_school_holds_about_a_student(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    student_id = world.students["ll-1"]
    mentor = await world.headers("mentor")
    assert (await client.get(f"/api/v1/students/{student_id}", headers=mentor)).status_code == 200
    dossier = await write_dossier(factory, world, "ll-1", "Moeite met breuken; gesprek met ouders.")

    resp = await client.get(
        f"/api/v1/students/{student_id}/export", headers=await world.headers("privacy_officer")
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["school_id"] == str(world.school_id)
    assert body["school_name"].startswith("Testschool ")
    assert body["generated_by"].startswith("privacy_officer ")
    assert body["student"]["family_name"] == "Vries"
    assert body["student"]["infix"] == "de"
    assert body["student"]["date_of_birth"] == "2014-03-02"
    assert {"source": "testlvs", "external_id": "ll-1"} in body["student"]["external_ids"]
    assert body["guardians"] == [
        {
            "given_name": "Ouder",
            "infix": "de",
            "family_name": "Vries",
            "relation": "parent",
            "parental_authority": True,
        }
    ]  # names and gezag; no e-mail or phone of the guardian
    [enrolment] = body["enrolments"]
    assert (enrolment["group_name"], enrolment["school_year"]) == ("1A", "2026-2027")
    assert [(s["role"], s["family_name"]) for s in enrolment["staff"]] == [("mentor", "Medewerker")]

    [note] = body["notes"]
    assert note["id"] == str(dossier.note_id)
    assert (note["category"], note["subject"], note["author_name"]) == (
        "care",
        "rekenen",
        "Zorg Coördinator",
    )
    assert note["body"] == "Moeite met breuken; gesprek met ouders."

    [consent] = body["consents"]
    assert consent["id"] == str(dossier.consent_id)
    assert consent["purpose"] == "register_zat"
    assert consent["granted"] is True
    assert (consent["given_by"], consent["guardian_name"]) == ("guardian", "Ouder de Vries")
    assert (consent["method"], consent["given_on"]) == ("signed_form", "2026-09-14")
    assert consent["withdrawn_at"] is None

    disclosures = {d["recipient_name"]: d for d in body["disclosures"]}
    assert [d["id"] for d in body["disclosures"]] == [str(i) for i in dossier.disclosure_ids]
    zat = disclosures["ZAT Rivierstad"]
    assert (zat["basis"], zat["consent_id"]) == ("consent", str(dossier.consent_id))
    assert zat["data_categories"] == ["personal_details", "care_notes"]
    law = disclosures["Veilig Thuis"]
    assert (law["basis"], law["legal_ground"], law["consent_id"]) == (
        "vital_interest",
        "vital_interest",
        None,
    )
    assert law["explanation"].startswith("Meldcode")
    assert law["disclosed_by"] == "Zorg Coördinator"

    [grant] = body["access_grants"]
    assert grant["id"] == str(dossier.grant_id)
    assert grant["partner_name"].startswith("external_partner ")
    assert (grant["purpose"], grant["revoked_at"]) == ("register_zat", None)

    reads = [e for e in body["audit_trail"] if e["action"] == "student.read"]
    assert reads, body["audit_trail"]
    assert reads[-1]["actor_id"] == f"user:{world.users['mentor']}"
    assert reads[-1]["actor_name"].startswith("mentor ")
    assert reads[-1]["actor_role"] == "mentor"
    assert all("details" not in e for e in body["audit_trail"])
    # The export does not list itself: its event is written when its transaction commits.
    assert not [e for e in body["audit_trail"] if e["action"] == "student.export"]


async def test_every_export_is_audited_with_purpose_inzage(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    student_id = world.students["ll-2"]
    headers = await world.headers("privacy_officer")
    first = await client.get(f"/api/v1/students/{student_id}/export", headers=headers)
    assert first.status_code == 200, first.text
    pdf = await client.get(f"/api/v1/students/{student_id}/export.pdf", headers=headers)
    assert pdf.status_code == 200, pdf.text

    again = await client.get(f"/api/v1/students/{student_id}/export", headers=headers)
    exports = [e for e in again.json()["audit_trail"] if e["action"] == "student.export"]
    assert [(e["purpose"], e["actor_role"]) for e in exports] == [
        ("inzage", "privacy_officer"),
        ("inzage", "privacy_officer"),
    ]
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "student.export", AuditEvent.student_id == student_id
            )
        )
    assert sorted((e.details or {}).get("format", "") for e in events) == ["json", "json", "pdf"]
    assert {(e.target_type, e.target_id, e.purpose, e.school_id) for e in events} == {
        ("student", student_id, "inzage", world.school_id)
    }


async def test_school_leader_may_export_too(client: httpx.AsyncClient, world: World) -> None:
    resp = await client.get(
        f"/api/v1/students/{world.students['ll-6']}/export",
        headers=await world.headers("school_leader"),
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["notes"] == []
    assert resp.json()["cases"] == []
    assert resp.json()["support"] == {
        "overview_rows": [],
        "results": [],
        "signals": [],
        "needs": [],
        "meeting_decisions": [],
        "plan_rows": [],
        "individual_plans": [],
        "development_perspective": None,
    }


@pytest.mark.parametrize("suffix", ["export", "export.pdf"])
async def test_a_teacher_may_not_export_and_learns_nothing_about_other_students(
    client: httpx.AsyncClient, world: World, factory: WorldFactory, suffix: str
) -> None:
    headers = await world.headers("teacher")
    # ll-5 is in the teacher's maths group: visible, so the refusal is a 403.
    resp = await client.get(f"/api/v1/students/{world.students['ll-5']}/{suffix}", headers=headers)
    assert resp.status_code == 403, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["code"] == "forbidden"
    # ll-1 is not the teacher's student, and a random id exists nowhere: both are 404, worded
    # as the roster words it.
    for student_id in (world.students["ll-1"], uuid.uuid4()):
        resp = await client.get(f"/api/v1/students/{student_id}/{suffix}", headers=headers)
        assert resp.status_code == 404, resp.text
        assert resp.json()["detail"] == STUDENT_NOT_FOUND
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "student.export", AuditEvent.school_id == world.school_id
            )
        )
    assert events == []


@pytest.mark.parametrize("role", ["team_leader", "zorgcoordinator", "mentor", "external_partner"])
async def test_roles_that_see_a_student_get_403(
    client: httpx.AsyncClient, world: World, factory: WorldFactory, role: str
) -> None:
    await write_dossier(factory, world, "ll-1", "x")  # the external partner's grant is for ll-1
    resp = await client.get(
        f"/api/v1/students/{world.students['ll-1']}/export", headers=await world.headers(role)
    )
    assert resp.status_code == 403, resp.text


async def test_the_privacy_officer_of_another_school_gets_404(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    other = await factory.build()
    resp = await client.get(
        f"/api/v1/students/{world.students['ll-1']}/export",
        headers=await other.headers("privacy_officer"),
    )
    assert resp.status_code == 404
    assert resp.json()["detail"] == STUDENT_NOT_FOUND


async def test_export_needs_a_login(client: httpx.AsyncClient, world: World) -> None:
    resp = await client.get(f"/api/v1/students/{world.students['ll-1']}/export.pdf")
    assert resp.status_code == 401


async def test_the_pdf_is_a_readable_dutch_document(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    # ll-5 is Julia Yilmaz spelled with a dotless i (U+0131), which the PDF's core font lacks.
    student_id = world.students["ll-5"]
    teacher = await world.headers("teacher")  # ll-5 is in the teacher's maths group
    assert (await client.get(f"/api/v1/students/{student_id}", headers=teacher)).status_code == 200
    await write_dossier(
        factory, world, "ll-5", "Zoë en Anaïs helpen; gesprek met mevrouw Zając. Café geregeld."
    )
    resp = await client.get(
        f"/api/v1/students/{student_id}/export.pdf",
        headers=await world.headers("privacy_officer"),
    )
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == "application/pdf"
    assert resp.headers["content-disposition"].startswith("attachment;")
    assert resp.content.startswith(b"%PDF-")
    assert resp.content.rstrip().endswith(b"%%EOF")

    text = pdf_text_of(resp.content)
    for heading in (
        "Inzageverzoek",
        "Leerling",
        "Ouders en verzorgers",
        "Inschrijvingen",
        "Notities",
        "Handelingsgericht werken en ondersteuning",
        "Zorgtrajecten",
        "Toestemmingen",
        "Verstrekkingen (met wie gedeeld)",
        "Toegang voor externen",
        "Wie heeft het dossier ingezien",
    ):
        assert heading in text, heading
    assert "Julia Yilmaz" in text  # transliterated, not dropped
    assert "Zoë en Anaïs helpen; gesprek met mevrouw Zajac. Café geregeld." in text
    assert "05-05-2013" in text  # dd-mm-jjjj
    assert "14-09-2026" in text  # the consent's date
    assert "Veilig Thuis" in text
    assert "vitaal belang" in text
    assert "dossier bekeken" in text  # the teacher's read, in the trail
    assert "pagina 1/" in text
    for empty in (  # no HGW records: every sub-block says so
        "Geen groepsoverzichten met deze leerling.",
        "Geen toets- of vragenlijstresultaten vastgelegd.",
        "Geen signaleringen vastgelegd.",
        "Geen onderwijsbehoeften vastgelegd.",
        "Geen besluiten over de leerling in een groepsbespreking.",
        "De leerling staat in geen groepsplan bij naam genoemd.",
        "Geen individueel handelingsplan vastgelegd.",
        "Er is geen ontwikkelingsperspectief voor de leerling opgesteld.",
        "Er is geen zorgtraject voor de leerling.",
    ):
        assert empty in text, empty
    assert "{nb}" not in text


def test_pdf_text_keeps_dutch_and_transliterates_the_rest() -> None:
    assert (
        pdf_text("Zoë, Anaïs, René, Çelik, Groß — „ok”") == "Zoë, Anaïs, René, Çelik, Groß — „ok”"
    )
    assert pdf_text("Yılmaz") == "Yilmaz"
    assert (
        pdf_text("Zając, Łukasz, Şahin, Nguyễn, Dvořák") == "Zajac, Lukasz, Sahin, Nguyen, Dvorák"
    )
    assert pdf_text("Иван 🙂") == "???? ?"
    assert pdf_text("a\u200db\r\nc\td") == "ab\nc    d"


# -- Handelingsgericht werken en ondersteuning -------------------------------------------------
START = date(2026, 9, 7)
ZOCO = "zorgcoordinator"  # leads group 2B (its mentor has no account)


async def _send(
    client: httpx.AsyncClient,
    world: World,
    method: str,
    path: str,
    body: Any = None,
    *,
    status: int = 200,
    version: int | None = None,
) -> dict[str, Any]:
    """A request of the care coordinator, who leads group 2B; the answer's JSON."""
    headers = {"If-Match": f'"v{version}"'} if version is not None else {}
    resp = await call(client, world, ZOCO, method, f"/api/v1{path}", body, **headers)
    assert resp.status_code == status, resp.text
    return dict(resp.json())


async def _hgw_cycle(client: httpx.AsyncClient, world: World) -> None:
    """A whole cycle for group 2B through the API: rows, results, signals and needs for ll-4
    (the exported student) and ll-5 (a classmate), a meeting with a decision about each, a
    group plan with an IHP for ll-4, evaluated per student and goal, and an OPP for both."""
    ov = await overview(client, world, "gr-2b", await period(client, world, 1, START), ZOCO)
    ids = {s: str(world.students[s]) for s in ("ll-4", "ll-5")}
    versions = {r["student_id"]: r["version"] for r in ov["rows"]}
    rows = {
        "ll-4": {
            "observations": "Haakt af bij lange instructies",
            "student_conversation": "Sem vertelt dat hij thuis niet kan oefenen",
            "parent_conversation": "Ouders vragen om extra oefenstof",
            "agreements": "Elke dag 10 minuten duolezen",
            "stimulating_factors": "Sport motiveert hem",
            "hindering_factors": "Onrust in de klas",
            "strengths": "Sterk in tekenen",
            "work_attitude": "Werkt snel maar slordig",
            "particulars": "Dyslexieverklaring; gebruikt medicatie",
            "instruction_level": "dependent",
        },
        "ll-5": {"particulars": "Klasgenoot-bijzonderheid"},
    }
    for student, cells in rows.items():
        path = f"/overviews/{ov['id']}/rows/{ids[student]}"
        await _send(client, world, "PATCH", path, cells, version=versions[ids[student]])

    test = {"kind": "test", "domain": "RK", "instrument": "Cito rekenen", "taken_on": "2026-09-20"}
    for student, score, level in (("ll-4", 21.5, "V"), ("ll-5", 48, "I")):
        result = {**test, "score": score, "level": level}
        await _send(client, world, "POST", f"/students/{ids[student]}/results", result, status=201)
    seo = {
        "kind": "seo",
        "domain": "Welbevinden",
        "instrument": "SVL",
        "respondent": "student",
        "level": "laag",
        "taken_on": "2026-09-21",
    }
    await _send(client, world, "POST", f"/students/{ids['ll-4']}/results", seo, status=201)
    await signal(client, world, ZOCO, ov["id"], "ll-4", "basic_skill_delay")
    await signal(client, world, ZOCO, ov["id"], "ll-4", "home_situation")  # restricted
    await signal(client, world, ZOCO, ov["id"], "ll-5", "learning_lead")
    await need(client, world, ZOCO, "ll-4", need_body(ov["id"], START))
    ahead = [{"text": "Werkt 3 verrijkingsopdrachten af", "measure": "portfolio"}]
    theirs = need_body(ov["id"], START, student_view="Klasgenoot wil uitdaging.", goals=ahead)
    await need(client, world, ZOCO, "ll-5", theirs)

    meeting = await _send(
        client, world, "POST", f"/overviews/{ov['id']}/meeting", {"scheduled_on": "2026-10-01"},
        status=201,
    )  # fmt: skip
    report = {
        "scheduled_on": "2026-10-01",
        "chair_name": "Zorg Coördinator",
        "decisions": [
            {
                "student_id": ids["ll-4"],
                "decision": "register_care_team",
                "note": "Aanmelden voor onderzoek naar leesproblemen",
            },
            {"student_id": ids["ll-5"], "decision": "teacher_coaching", "note": "Klasgenoot"},
        ],
    }
    path = f"/meetings/{meeting['id']}"
    await _send(client, world, "PUT", path, report, version=meeting["version"])

    period_body = {"starts_on": START.isoformat(), "ends_on": "2026-11-02"}
    plan = await _send(
        client, world, "POST", f"/overviews/{ov['id']}/plan", period_body, status=201
    )
    ihp_body = {
        "student_id": ids["ll-4"],
        "decided_by": "care_team",
        "goals": [{"text": "Leest 40 woorden per minuut meer"}],
        "approach": "Dagelijks 10 minuten duolezen",
        "parent_agreements": "Thuis samen lezen",
        "student_view": "Ik oefen liever met een maatje.",
    }
    path = f"/plans/{plan['id']}/individual-plans"
    ihp = await _send(client, world, "POST", path, ihp_body, status=201)
    guardian = (await _send(client, world, "GET", f"/students/{ids['ll-4']}"))["guardians"][0]
    sign = {"guardian_id": guardian["id"], "signed_on": "2026-09-10"}
    path = f"/individual-plans/{ihp['id']}/parent-sign-off"
    ihp = await _send(client, world, "POST", path, sign, version=ihp["version"])
    plan = await _send(client, world, "GET", f"/plans/{plan['id']}")
    path = f"/plans/{plan['id']}/activate"
    plan = await _send(client, world, "POST", path, version=plan["version"])
    results = {ids["ll-4"]: "partly", ids["ll-5"]: "reached"}
    evaluation = {
        "final_evaluation": "Doelen grotendeels bereikt.",
        "rows": [
            {
                "row_id": row["id"],
                "activities_done": True,
                "continuation": "adjust",
                "causes": "Meer oefentijd nodig.",
                "outcomes": [
                    {"student_id": s, "goal_id": g["id"], "result": results[s]}
                    for s in row["student_ids"]
                    for g in row["goals"]
                ],
            }
            for row in plan["rows"]
        ],
    }
    ihp_evaluation = {
        "evaluation": "Leest vlotter; duolezen gaat door.",
        "evaluated_with_student": True,
        "evaluated_with_parents": False,
    }
    path = f"/individual-plans/{ihp['id']}/evaluation"
    await _send(client, world, "POST", path, ihp_evaluation, version=ihp["version"])
    path = f"/plans/{plan['id']}/evaluation"
    await _send(client, world, "POST", path, evaluation, version=plan["version"])

    start = {"support_started_on": "2026-09-01", "support_description": "Remedial teaching"}
    for student, words in (("ll-4", "Ik wil naar de havo."), ("ll-5", "Klasgenoot-visie.")):
        path = f"/students/{ids[student]}/development-perspective"
        opp = await _send(client, world, "POST", path, start, status=201)
        version = {
            "kind": "initial",
            "expected_outflow": "havo",
            "yield_expectations": [
                {"subject": "rekenen", "horizon": "one_year", "expectation": "niveau 1F"}
            ],
            "factors": [{"kind": "stimulating", "locus": "student", "text": "Doorzetter"}],
            "support_offered": "Twee keer per week remedial teaching",
            "long_term_goals": ["Havo-niveau rekenen eind leerjaar 3"],
            "student_view": words,
            "parents_view": "Wij steunen dit.",
            "determined_with_student": True,
            "determined_with_parents": True,
            "determined_on": "2026-10-12",
        }
        path = f"/development-perspectives/{opp['id']}/versions"
        await _send(client, world, "POST", path, version, status=201, version=opp["version"])


async def test_the_export_holds_every_record_of_the_hgw_cycle_and_nothing_of_a_classmate(
    client: httpx.AsyncClient, world: World, count_statements: StatementCounter
) -> None:
    await _hgw_cycle(client, world)
    officer = await world.headers("privacy_officer")
    before = count_statements.count
    resp = await client.get(f"/api/v1/students/{world.students['ll-4']}/export", headers=officer)
    statements = count_statements.count - before
    assert resp.status_code == 200, resp.text
    body = resp.json()
    support = body["support"]

    [row] = support["overview_rows"]
    assert (row["group_name"], row["period_name"], row["cycle"], row["subject"]) == (
        "2B", "Cyclus 1", "A", None,
    )  # fmt: skip
    assert row["particulars"] == "Dyslexieverklaring; gebruikt medicatie"
    assert row["student_conversation"] == "Sem vertelt dat hij thuis niet kan oefenen"
    assert (row["strengths"], row["instruction_level"]) == ("Sterk in tekenen", "dependent")
    assert row["updated_by_name"].startswith("zorgcoordinator ")

    assert [(r["kind"], r["domain"], r["score"], r["level"]) for r in support["results"]] == [
        ("test", "RK", 21.5, "V"),
        ("seo", "Welbevinden", None, "laag"),
    ]
    assert support["results"][1]["respondent"] == "student"
    assert sorted(s["category"] for s in support["signals"]) == [
        "basic_skill_delay",
        "home_situation",  # restricted in the app, exported all the same
    ]

    [mine] = support["needs"]
    assert mine["student_view"] == "Ik wil breuken snappen, uitleg met plaatjes helpt mij."
    assert mine["goals"][0]["text"] == "Maakt 8 van de 10 breuksommen zonder hulp"
    assert mine["goals"][0]["target_date"] == "2026-10-27"
    assert mine["items"] == [
        {"category": "instruction", "phrase": "verlengd is", "text": "met voordoen"}
    ]
    assert (mine["group_name"], mine["period_name"], mine["set_with_student"]) == (
        "2B", "Cyclus 1", True,
    )  # fmt: skip

    [decision] = support["meeting_decisions"]
    assert (decision["decision"], decision["note"], decision["scheduled_on"]) == (
        "register_care_team", "Aanmelden voor onderzoek naar leesproblemen", "2026-10-01",
    )  # fmt: skip

    [plan_row] = support["plan_rows"]
    assert plan_row["name"] == "Extra instructie basisvaardigheden"
    assert plan_row["plan_status"] == "evaluated"
    assert "student_ids" not in plan_row
    assert plan_row["outcomes"] == [
        {"goal_text": "Maakt 8 van de 10 breuksommen zonder hulp", "result": "partly"}
    ]
    assert (plan_row["continuation"], plan_row["causes"]) == ("adjust", "Meer oefentijd nodig.")

    [ihp] = support["individual_plans"]
    assert ihp["student_view"] == "Ik oefen liever met een maatje."
    assert (ihp["parent_signed_by_name"], ihp["parent_signed_on"]) == (
        "Ouder van Dijk",
        "2026-09-10",
    )
    assert ihp["parent_agreements"] == "Thuis samen lezen"
    assert ihp["goals"][0]["text"] == "Leest 40 woorden per minuut meer"
    assert ihp["evaluation"] == "Leest vlotter; duolezen gaat door."
    assert (ihp["evaluated_with_student"], ihp["evaluated_with_parents"]) == (True, False)

    opp = support["development_perspective"]
    assert (opp["support_started_on"], opp["support_description"]) == (
        "2026-09-01", "Remedial teaching",
    )  # fmt: skip
    [version] = opp["versions"]
    assert (version["number"], version["kind"], version["student_view"]) == (
        1, "initial", "Ik wil naar de havo.",
    )  # fmt: skip
    assert version["parents_view"] == "Wij steunen dit."
    assert version["factors"] == [{"kind": "stimulating", "locus": "student", "text": "Doorzetter"}]

    # Nothing of the classmate in the same group, rows and plan: not their words, not their id.
    text = json.dumps(support, ensure_ascii=False)
    for theirs in (
        "Klasgenoot", "Werkt 3 verrijkingsopdrachten af", "learning_lead", "teacher_coaching",
        "Verrijking en verdieping", str(world.students["ll-5"]),
    ):  # fmt: skip
        assert theirs not in text, theirs

    # One query per record type: a student with fewer records costs the same statements.
    before = count_statements.count
    other = await client.get(f"/api/v1/students/{world.students['ll-5']}/export", headers=officer)
    assert other.status_code == 200
    assert count_statements.count - before == statements
    assert [r["name"] for r in other.json()["support"]["plan_rows"]] == ["Verrijking en verdieping"]

    pdf = await client.get(f"/api/v1/students/{world.students['ll-4']}/export.pdf", headers=officer)
    assert pdf.status_code == 200, pdf.text
    shown = pdf_text_of(pdf.content)
    for expected in (
        "Handelingsgericht werken en ondersteuning",
        "Groepsoverzichten",
        "Gesprek met de leerling",
        "Dyslexieverklaring; gebruikt medicatie",
        "Toets- en vragenlijstresultaten",
        "21,5 (V)",
        "Signaleringen",
        "thuissituatie",
        "Onderwijsbehoeften",
        "In eigen woorden van de leerling",
        "Instructie: een instructie die verlengd is",
        "Groepsbesprekingen",
        "aangemeld bij het intern",
        "Groepsplannen en evaluaties",
        "deels bereikt",
        "Individuele handelingsplannen",
        "Ik oefen liever met een maatje.",
        "Ontwikkelingsperspectief (OPP)",
        "Ik wil naar de havo.",
    ):
        assert expected in shown, expected
    # The HGW writes in the audit table, in Dutch; a narrow cell may wrap the label onto two
    # text lines, so join the lines first.
    joined = joined_lines(shown)
    assert "resultaat ingevoerd" in joined
    assert "assessment_result.create" not in shown
    assert "Klasgenoot" not in shown
