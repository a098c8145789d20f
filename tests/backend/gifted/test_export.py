"""The inzage export (AVG art. 15) holds the student's gifted-education records: the support
profile with dubbel bijzonder and its note, the observations with the 14 skills in Dutch, the
self-assessments, the needs intakes per informant, the applications with the committee's
decision and who decided, the enrolments with goals, reviews, the in-class plan and the
stamschool agreements, the keuze-uren, the guidance periods with portfolio and check-ins, and
the measurements; in the JSON and in the PDF, never a classmate's records."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from conftest import StatementCounter
from support.factories import World, WorldFactory
from support.hgw import call
from support.pdf import joined_lines, pdf_text

from zorgroute.gifted.models import (
    Application,
    ChoiceHourRequest,
    EnrolmentReview,
    GuidanceCheckin,
    GuidancePeriod,
    Offering,
    OfferingEnrolment,
    OutcomeMeasurement,
)
from zorgroute.gifted.vocabulary import SKILL_CODES

TODAY = date.today()
HB = "hb_specialist"
PROFILE = {
    "signalled_gifted": True,
    "signalled_on": (TODAY - timedelta(days=30)).isoformat(),
    "underachievement_suspected": True,
    "twice_exceptional": True,
    "twice_exceptional_note": "Dyslexie, verklaring 2025",
    "complexity": "moderate",
}
SCORES = {skill: 4 for skill in SKILL_CODES} | {
    "planning": 1,
    "fixed_mindset": 5,
    "collaboration": None,
}
GOAL_1, GOAL_2 = str(uuid.uuid4()), str(uuid.uuid4())


def student_url(world: World, student: str, tail: str) -> str:
    return f"/api/v1/students/{world.students[student]}/{tail}"


async def observe(
    client: httpx.AsyncClient, world: World, student: str, remarks: str, **extra: Any
) -> dict[str, Any]:
    body = {
        "observed_on": TODAY.isoformat(),
        "scores": SCORES,
        "remarks": remarks,
        "recommendation": "none",
        **extra,
    }
    resp = await call(
        client, world, "mentor", "POST", student_url(world, student, "observations"), body
    )
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def _emmas_gifted_file(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> dict[str, Any]:
    """ll-1's gifted records: the instruments through the API, the rest straight into the
    tables. Returns the ids the assertions need."""
    resp = await call(
        client,
        world,
        HB,
        "PUT",
        student_url(world, "ll-1", "support-profile"),
        PROFILE,
        **{"If-Match": '"v0"'},
    )
    assert resp.status_code == 200, resp.text

    review_on = TODAY + timedelta(weeks=6)
    obs = await observe(
        client,
        world,
        "ll-1",
        "Verveelt zich bij rekenen, helpt anderen graag.",
        recommendation="challenge_in_class",
        review_on=review_on.isoformat(),
        explanations={"planning": "Begint pas op het laatste moment."},
    )

    resp = await call(
        client,
        world,
        "mentor",
        "POST",
        student_url(world, "ll-1", "self-assessments"),
        {
            "filled_on": TODAY.isoformat(),
            "strengths": ["planning", "task_initiation"],
            "attention_points": ["emotion_regulation"],
            "student_words": "Ik wil leren plannen voor grote opdrachten.",
            "discussed_on": TODAY.isoformat(),
            "agreed_adjustments": "Weekplanning samen met de mentor.",
        },
    )
    assert resp.status_code == 201, resp.text

    resp = await call(client, world, "mentor", "POST", student_url(world, "ll-1", "needs-intakes"))
    assert resp.status_code == 201, resp.text
    intake = resp.json()
    frozen: dict[str, Any] = {}  # the intake as sent to the committee: the student's part
    for informant, answers, version in (
        ("student", {"s1": "Programmeren", "s3": "Uitdaging en vrijheid"}, 1),
        ("parents", {"p1": "Huiswerk uitstellen tot het laatste moment"}, 2),
    ):
        resp = await call(
            client,
            world,
            "mentor",
            "PUT",
            f"/api/v1/needs-intakes/{intake['id']}/sections/{informant}",
            {
                "answers": answers,
                "respondent": "Emma" if informant == "student" else "Ouder de Vries",
                "answered_on": TODAY.isoformat(),
            },
            **{"If-Match": f'"v{version}"'},
        )
        assert resp.status_code == 200, resp.text
        if informant == "student":
            frozen = resp.json()

    # A committee member of another school: the student's school cannot read their name.
    other = await factory.build()
    school, student = world.school_id, world.students["ll-1"]
    now = datetime.now(UTC)
    async with world.factory.run([school]) as uow:
        offering = Offering(
            school_id=school,
            swv_id=world.swv_id,
            name="Plusklas Onderzoekers",
            kind="plusklas",
            setting="other_school",
            duration="whole_year",
            goals=[{"text": "Onderzoeken", "cognitive": True}],
            target_group="Leerlingen met een ontwikkelingsvoorsprong",
            application_routes=["intern_begeleider"],
            committee_staff_ids=[world.staff["st-hb"], world.staff["st-zoco"]],
        )
        uow.add(offering)
        await uow.flush()
        application = Application(
            school_id=school,
            student_id=student,
            kind="group",
            offering_id=offering.id,
            offering_school_id=school,
            route="intern_begeleider",
            status="admitted",
            motivation="Heeft meer uitdaging nodig dan de klas biedt.",
            observation_id=uuid.UUID(obs["id"]),
            needs_intake_id=uuid.UUID(intake["id"]),
            snapshot={
                "student_name": "Emma de Vries",
                "group_name": "1A",
                "school_name": "Testschool",
                "grade": "leerjaar 1",
                "observation": obs,
                "needs_intake": frozen,
            },
            submitted_by_name="Mentor Medewerker",
            submitted_at=now - timedelta(days=20),
            decision_reason="Past goed bij het profiel van de plusklas.",
            exception=True,
            exception_reason="Plusklas zit vol; een plaats extra.",
            decided_by=[world.staff["st-hb"], other.staff["st-hb"]],
            decided_at=now - timedelta(days=10),
            created_by_name="Mentor Medewerker",
        )
        waiting = Application(
            school_id=school,
            student_id=student,
            kind="group",
            offering_id=offering.id,
            offering_school_id=school,
            route="parents",
            status="waitlisted",
            motivation="Tweede aanmelding",
            waitlist_position=3,
            decided_by=[world.staff["st-zoco"]],
            decided_at=now,
            submitted_at=now,
            submitted_by_name="Ouder",
            created_by_name="Ouder",
        )
        uow.add_all([application, waiting])
        await uow.flush()
        enrolment = OfferingEnrolment(
            school_id=school,
            student_id=student,
            offering_id=offering.id,
            offering_school_id=school,
            application_id=application.id,
            status="ended",
            starts_on=TODAY - timedelta(days=90),
            goals=[
                {
                    "id": GOAL_1,
                    "text": "Zelf een onderzoeksvraag formuleren",
                    "cognitive": True,
                    "status": "achieved",
                },
                {
                    "id": GOAL_2,
                    "text": "Samenwerken in het project",
                    "cognitive": False,
                    "status": "open",
                },
            ],
            next_review_on=TODAY + timedelta(weeks=13),
            regular_teacher_name="Mentor Medewerker",
            class_adjustments="Compacten bij rekenen",
            alignment="Presenteert het project in de klas",
            agreements={
                "responsibilities": ["Plusklas: lesstof", "Stamschool: rapport"],
                "weekly_contact": "Elke maandag telefonisch",
                "gradual_intake": "",
                "counts_for_report": True,
                "report_subjects": "wiskunde",
                "parent_contact": "Coördinator belt de ouders",
                "home_school_contact": "Mentor 1A",
            },
            ended_on=TODAY,
            exit_reason="goals_met",
            exit_note="Doelen ruim gehaald.",
        )
        uow.add(enrolment)
        await uow.flush()
        uow.add(
            EnrolmentReview(
                school_id=school,
                student_id=student,
                enrolment_id=enrolment.id,
                offering_school_id=school,
                reviewed_on=TODAY - timedelta(days=30),
                goal_progress=[
                    {"goal_id": GOAL_1, "progress": "progressing", "note": "Goed op weg"},
                    {"goal_id": GOAL_2, "progress": "not_yet", "note": ""},
                ],
                with_student=True,
                with_parents=True,
                class_alignment="Mentor geeft verrijking mee.",
                notes="Emma is enthousiast.",
                decision="continue",
                reviewed_by_name="Hb_Specialist Medewerker",
            )
        )
        uow.add(
            ChoiceHourRequest(
                school_id=school,
                student_id=student,
                subject="wiskunde",
                subject_teacher_staff_id=world.staff["st-teacher-wi"],
                lesson_date=TODAY,
                lesson_hour=3,
                location="Mediatheek",
                activity_kind="deepening",
                activity="Wiskunde-olympiade",
                status="acknowledged",
                acknowledged_by_name="Teacher Medewerker",
                acknowledged_at=now,
                attendance="present",
                attendance_marked_by_name="Teacher Medewerker",
                requested_by_name="Hb_Specialist Medewerker",
            )
        )
        period = GuidancePeriod(
            school_id=school,
            student_id=student,
            lead_name="Hb_Specialist Medewerker",
            starts_on=TODAY - timedelta(days=60),
            phase="monitoring",
            goals=[
                {
                    "id": str(uuid.uuid4()),
                    "goal": "Een eigen project afronden",
                    "plan": "Elke week een stap",
                    "evaluation": "",
                    "achieved": None,
                    "monitoring": [{"on": TODAY.isoformat(), "note": "Onderzoeksvraag staat"}],
                }
            ],
            agreements=[
                {"who": "Emma", "what": "Houdt een logboek bij", "when": "elke vrijdag", "how": ""}
            ],
            differentiation=["extra_challenge"],
            external_factors="Veel druk thuis.",
            student_reflection="Ik vind plannen nog lastig.",
        )
        uow.add(period)
        await uow.flush()
        uow.add(
            GuidanceCheckin(
                school_id=school,
                student_id=student,
                period_id=period.id,
                held_on=TODAY,
                progress="stagnating",
                stagnation_cause="approach",
                note="Loopt vast op planning.",
                adjustments="Kleinere stappen.",
                held_by_name="Hb_Specialist Medewerker",
            )
        )
        for wave, boredom in ((0, 4.5), (1, 2.0)):
            uow.add(
                OutcomeMeasurement(
                    school_id=school,
                    student_id=student,
                    instrument="IMAGE-leerlingvragenlijst",
                    wave=wave,
                    measured_on=TODAY - timedelta(days=90 - 60 * wave),
                    scores={"boredom": boredom, "experienced_challenge": 3},
                    entered_by_name="Hb_Specialist Medewerker",
                )
            )
        await uow.commit()
    return {"observation": obs, "intake": intake, "application_id": str(application.id)}


async def _classmates_records(client: httpx.AsyncClient, world: World) -> None:
    """ll-2, Emma's classmate in 1A: an observation and a guidance period of their own."""
    await observe(client, world, "ll-2", "Klasgenoot-opmerking")
    async with world.factory.run([world.school_id]) as uow:
        uow.add(
            GuidancePeriod(
                school_id=world.school_id,
                student_id=world.students["ll-2"],
                lead_name="Klasgenoot-regie",
                starts_on=TODAY,
                goals=[],
                agreements=[],
                differentiation=[],
            )
        )
        await uow.commit()


async def test_the_export_holds_the_gifted_records_and_nothing_of_a_classmates(
    client: httpx.AsyncClient,
    world: World,
    factory: WorldFactory,
    count_statements: StatementCounter,
) -> None:
    ids = await _emmas_gifted_file(client, world, factory)
    await _classmates_records(client, world)

    officer = await world.headers("privacy_officer")
    before = count_statements.count
    resp = await client.get(f"/api/v1/students/{world.students['ll-1']}/export", headers=officer)
    statements = count_statements.count - before
    assert resp.status_code == 200, resp.text
    gifted = resp.json()["gifted"]

    # The profile, dubbel bijzonder and its note included (restricted in the app).
    profile = gifted["profile"]
    assert {k: profile[k] for k in PROFILE} == PROFILE

    [obs] = gifted["observations"]
    assert obs["id"] == ids["observation"]["id"]
    assert obs["observer_name"].startswith("mentor")
    assert (obs["observed_on"], obs["review_on"]) == (
        TODAY.isoformat(),
        (TODAY + timedelta(weeks=6)).isoformat(),
    )
    assert [s["skill"] for s in obs["scores"]] == list(SKILL_CODES)
    by_skill = {s["skill"]: s for s in obs["scores"]}
    assert by_skill["task_initiation"] == {
        "skill": "task_initiation",
        "skill_name": "Taakinitiatie",
        "score": 4,
        "explanation": "",
    }
    assert by_skill["planning"] == {
        "skill": "planning",
        "skill_name": "Planning/prioritering",
        "score": 1,
        "explanation": "Begint pas op het laatste moment.",
    }
    assert (by_skill["fixed_mindset"]["skill_name"], by_skill["fixed_mindset"]["score"]) == (
        "Vaste mindset",
        5,
    )
    assert by_skill["collaboration"]["score"] is None
    assert obs["remarks"] == "Verveelt zich bij rekenen, helpt anderen graag."
    assert obs["recommendation"] == "challenge_in_class"
    assert obs["recommendation_text"] == "Uitdaging in de klas bieden, wel in de gaten houden"

    [sa] = gifted["self_assessments"]
    assert [(s["skill_name"], s["category"]) for s in sa["strengths"]] == [
        ("Planning / prioritering", "denken"),
        ("Taakinitiatie", "doen"),
    ]
    assert [(s["skill_name"], s["category"]) for s in sa["attention_points"]] == [
        ("Emotieregulatie", "doen")
    ]
    assert sa["student_words"] == "Ik wil leren plannen voor grote opdrachten."
    assert sa["agreed_adjustments"] == "Weekplanning samen met de mentor."

    [intake] = gifted["needs_intakes"]
    assert intake["id"] == ids["intake"]["id"]
    student, parents = intake["sections"]
    assert (student["informant"], student["respondent"]) == ("student", "Emma")
    assert [(a["question_text"], a["answer"]) for a in student["answers"]] == [
        ("Wat is belangrijk om te leren?", "Programmeren"),
        ("Wat heb je nodig om tot leren te komen?", "Uitdaging en vrijheid"),
    ]
    assert parents["informant"] == "parents"
    assert parents["answers"] == [
        {
            "question": "p1",
            "answer": "Huiswerk uitstellen tot het laatste moment",
            "question_text": "Tegen welke moeilijkheden loopt uw kind thuis aan bij huiswerk?",
        }
    ]

    admitted, waiting = gifted["applications"]
    assert admitted["id"] == ids["application_id"]
    assert (admitted["offering_name"], admitted["offering_kind_name"]) == (
        "Plusklas Onderzoekers",
        "Plusklas",
    )
    assert (admitted["route"], admitted["status"]) == ("intern_begeleider", "admitted")
    assert admitted["motivation"] == "Heeft meer uitdaging nodig dan de klas biedt."
    assert admitted["decision_reason"] == "Past goed bij het profiel van de plusklas."
    assert (admitted["exception"], admitted["exception_reason"]) == (
        True,
        "Plusklas zit vol; een plaats extra.",
    )
    # Who decided, by name; a member of another school the school cannot read stays unnamed.
    assert admitted["decided_by"] == ["Hb_Specialist Medewerker", "Commissielid (andere school)"]
    assert admitted["decided_at"] and admitted["submitted_at"]
    assert admitted["snapshot"]["grade"] == "leerjaar 1"
    assert admitted["snapshot"]["observation_id"] == ids["observation"]["id"]
    assert [s["informant"] for s in admitted["snapshot"]["needs_intake"]] == ["student"]  # as sent
    assert (waiting["status"], waiting["waitlist_position"]) == ("waitlisted", 3)
    assert waiting["decided_by"] == ["Zorgcoordinator Medewerker"]

    [enrolment] = gifted["enrolments"]
    assert (enrolment["offering_name"], enrolment["status"], enrolment["exit_reason"]) == (
        "Plusklas Onderzoekers",
        "ended",
        "goals_met",
    )
    assert enrolment["goals"] == [
        {"text": "Zelf een onderzoeksvraag formuleren", "cognitive": True, "status": "achieved"},
        {"text": "Samenwerken in het project", "cognitive": False, "status": "open"},
    ]
    assert (enrolment["class_adjustments"], enrolment["alignment"]) == (
        "Compacten bij rekenen",
        "Presenteert het project in de klas",
    )
    assert enrolment["agreements"]["weekly_contact"] == "Elke maandag telefonisch"
    [review] = enrolment["reviews"]
    assert review["goal_progress"] == [
        {
            "goal_text": "Zelf een onderzoeksvraag formuleren",
            "progress": "progressing",
            "note": "Goed op weg",
        },
        {"goal_text": "Samenwerken in het project", "progress": "not_yet", "note": ""},
    ]
    assert (review["decision"], review["class_alignment"]) == (
        "continue",
        "Mentor geeft verrijking mee.",
    )

    [hour] = gifted["choice_hours"]
    assert (hour["lesson_date"], hour["lesson_hour"], hour["subject"], hour["location"]) == (
        TODAY.isoformat(),
        3,
        "wiskunde",
        "Mediatheek",
    )
    assert (hour["activity_kind"], hour["activity"]) == ("deepening", "Wiskunde-olympiade")
    assert (hour["status"], hour["attendance"]) == ("acknowledged", "present")
    assert hour["subject_teacher_name"] == "Teacher Medewerker"

    [period] = gifted["guidance_periods"]
    assert (period["phase"], period["phase_name"]) == ("monitoring", "Monitoring en bijstelling")
    assert period["external_factors"] == "Veel druk thuis."  # restricted, exported all the same
    [goal] = period["goals"]
    assert goal["goal"] == "Een eigen project afronden"
    assert goal["monitoring"] == [{"on": TODAY.isoformat(), "note": "Onderzoeksvraag staat"}]
    assert period["agreements"] == [
        {"who": "Emma", "what": "Houdt een logboek bij", "when": "elke vrijdag", "how": ""}
    ]
    [checkin] = period["checkins"]
    assert (checkin["progress"], checkin["stagnation_cause"]) == ("stagnating", "approach")

    t0, t1 = gifted["measurements"]
    assert (t0["wave_name"], t1["wave_name"]) == ("T0", "T1")
    assert t0["scores"] == [
        {
            "construct_code": "experienced_challenge",
            "construct_name": "Ervaren uitdaging",
            "score": 3.0,
        },
        {"construct_code": "boredom", "construct_name": "Verveling", "score": 4.5},
    ]

    # Nothing of the classmate: not their observation, not their guidance period.
    text = json.dumps(gifted, ensure_ascii=False)
    assert "Klasgenoot" not in text
    assert str(world.students["ll-2"]) not in text

    # The classmate's own export holds theirs; one query per record type: fewer records cost
    # the same statements.
    before = count_statements.count
    other = await client.get(f"/api/v1/students/{world.students['ll-2']}/export", headers=officer)
    assert other.status_code == 200, other.text
    assert count_statements.count - before == statements
    theirs = other.json()["gifted"]
    assert [o["remarks"] for o in theirs["observations"]] == ["Klasgenoot-opmerking"]
    assert [p["lead_name"] for p in theirs["guidance_periods"]] == ["Klasgenoot-regie"]
    assert theirs["profile"] is None and theirs["applications"] == []
    assert ids["observation"]["id"] not in json.dumps(theirs)


async def test_the_pdf_shows_the_gifted_records_in_dutch(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    await _emmas_gifted_file(client, world, factory)
    await _classmates_records(client, world)
    officer = await world.headers("privacy_officer")

    resp = await client.get(
        f"/api/v1/students/{world.students['ll-1']}/export.pdf", headers=officer
    )
    assert resp.status_code == 200, resp.text
    shown = joined_lines(pdf_text(resp.content))
    assert shown.index("Zorgtrajecten") < shown.index("Begaafdheid") < shown.index("Toestemmingen")
    for expected in (
        "Ondersteuningsprofiel",
        "Dubbel bijzonder",
        "Dyslexie, verklaring 2025",
        "matig",  # the complexity
        "Taakinitiatie",
        "Planning/prioritering",
        "Begint pas op het laatste moment.",
        "niet geobserveerd",
        "Uitdaging in de klas bieden, wel in de gaten houden",
        "Planning / prioritering (denken)",
        "Emotieregulatie (doen)",
        "Ik wil leren plannen voor grote opdrachten.",
        "Wat is belangrijk om te leren?",
        "Programmeren",
        "Tegen welke moeilijkheden loopt uw kind thuis aan bij huiswerk?",
        "Plusklas Onderzoekers (Plusklas) · toegelaten",
        "via de intern begeleider",
        "Hb_Specialist Medewerker, Commissielid (andere school)",
        "ja: Plusklas zit vol; een plaats extra.",
        "op de wachtlijst",
        "Bij het indienen stond in de behoeftepeiling anders dan nu:",
        "Zelf een onderzoeksvraag formuleren (cognitief) — behaald",
        "Afspraken met de stamschool",
        "Elke maandag telefonisch",
        "doelen behaald",
        "Zelf een onderzoeksvraag formuleren: op weg (Goed op weg)",
        "Keuze-uren",
        "Mediatheek",
        "verdiepen: Wiskunde-olympiade",
        "akkoord van de docent",
        "aanwezig",
        "Monitoring en bijstelling",
        "Een eigen project afronden",
        "Onderzoeksvraag staat",
        "Emma: Houdt een logboek bij; elke vrijdag",
        "Veel druk thuis.",
        "stagneert; oorzaak: de aanpak",
        "T0",
        "Verveling: 4,5",
        "Ervaren uitdaging: 3",
        "observatie (begaafdheid): vastgelegd",  # the audit trail, in Dutch
    ):
        assert expected in shown, expected
    assert "Klasgenoot" not in shown
    assert "gifted.observation.create" not in shown

    # A student without gifted records: the section says so, briefly.
    resp = await client.get(
        f"/api/v1/students/{world.students['ll-3']}/export.pdf", headers=officer
    )
    assert resp.status_code == 200, resp.text
    shown = joined_lines(pdf_text(resp.content))
    for expected in (
        "Begaafdheid",
        "Geen ondersteuningsprofiel vastgelegd.",
        "Geen observaties vastgelegd.",
        "Geen aanmeldingen.",
        "Geen keuze-uren aangevraagd.",
        "Geen metingen vastgelegd.",
    ):
        assert expected in shown, expected
