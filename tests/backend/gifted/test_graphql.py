"""Gifted education over GraphQL: the same services (and audit rows) as REST, the instruments'
keyed values as typed pairs, refusals as typed Problems, and nothing of another school."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import update
from sqlmodel import col, select
from support.cases import install
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import school_today
from zorgroute.gifted.models import ChoiceHourRequest
from zorgroute.gifted.vocabulary import SKILL_CODES

HB = "hb_specialist"
# Keuze-uren count days in the school's time zone, the instruments refuse a date after the
# server's today: a day that is today for both.
TODAY = min(date.today(), school_today())
MONDAY = school_today() + timedelta(days=14 - school_today().weekday())  # at least a week ahead
PROBLEM = "... on Problem { code status detail errors extensions }"

OBSERVATION = """id studentId observedOn scores { skill score } explanations { skill text }
  remarks recommendation reviewOn observerName bySpecialist
  followUp { kind dueOn applicationId signalId done } createdAt"""
SELF_ASSESSMENT = """id studentId filledOn strengths attentionPoints studentWords discussedOn
  agreedAdjustments enteredByName"""
INTAKE = """id studentId complete version
  sections { informant respondent answeredOn answers { question answer } }"""
PROFILE = """studentId signalledGifted signalledOn underachievementSuspected twiceExceptional
  twiceExceptionalNote complexity version"""
OFFERING = """id schoolId schoolName name kind setting regional openToOtherSchools duration
  startsOn endsOn schedule hoursPerWeek fixedTeacherStaffId fixedTeacherName
  goals { text cognitive } targetGroup selectionCriteria capacity enrolled waitlisted
  applicationRoutes committee { staffId name } archived isPlacement version"""
APPLICATION = """id schoolId studentId kind offeringId offeringName route applicationStatus
  motivation observation { id recommendation } needsIntake { id complete }
  snapshot { studentName groupName schoolName grade } submittedByName submittedAt
  decisionReason exception exceptionReason decidedBy { staffId name } decidedAt
  waitlistPosition enrolmentId version"""
ENROLMENT = """id schoolId studentId studentName offering { id name enrolled } applicationId
  enrolmentStatus startsOn goals { id text cognitive status } reviewEveryWeeks nextReviewOn
  reviewOverdue inClassPlan { regularTeacherStaffId regularTeacherName classAdjustments
    alignment individualPlanId complete }
  agreements { responsibilities weeklyContact countsForReport }
  reviews { id reviewedOn goalProgress { goalId progress note } withStudent withParents
    classAlignment notes decision nextReviewOn reviewedByName }
  endedOn exitReason exitNote version"""
POLICY = """maxHoursPerWeek noticeHours allowedActivities neverDuringTests instructions
  configured version"""
CHOICE_HOUR = """id studentId studentName groupName subject subjectTeacherStaffId
  subjectTeacherName lessonDate lessonHour location activityKind activity choiceHourStatus
  declineReason acknowledgedByName attendance attendanceMarkedByName checkedByName checkedAt
  requestedByName version"""
GUIDANCE = """id studentId leadStaffId leadName startsOn endsOn phase guidanceStatus
  goals { id goal plan monitoring { on note } evaluation achieved }
  agreements { who what when how } differentiation externalFactors checkinEveryWeeks
  nextCheckinOn checkins { id heldOn progress stagnationCause note adjustments heldByName }
  studentReflection handoverNote developmentPoints transferNotes version"""
MEASUREMENT = "id studentId instrument wave measuredOn scores { construct score } enteredByName"
IMPACT = """offeringId offeringName participants measured minimumCell goalsMetExits exits
  notice constructs { code label students firstMean lastMean meanChange suppressed }"""
OVERVIEW = """schoolId signalled enrolled toObserve reviewsDue applicationsOpen referenceShare
  studentCount students { studentId name groupName twiceExceptional underachievementSuspected
    latestRecommendation observedOn openFollowUp applications offerings goalsAchieved
    goalsTotal nextReviewOn measurementChange exitsGoalsMet }"""


def _mutation(name: str, args: str, typename: str, fields: str) -> str:
    """A document with one mutation; its arguments (`name: Type, ...`) passed under their names."""
    declared = ", ".join(f"${a}" for a in args.split(", "))
    passed = ", ".join(f"{a.split(':')[0]}: ${a.split(':')[0]}" for a in args.split(", "))
    return f"""mutation({declared}) {{ {name}({passed}) {{
      __typename ... on {typename} {{ {fields} }} {PROBLEM} }} }}"""


STUDENT, LOCKED = "studentId: ID!", "expectedVersion: Int!"
OBS_TYPE, INTAKE_TYPE = "GiftedObservation", "GiftedNeedsIntake"
APP_TYPE, ENROL_TYPE = "GiftedApplication", "OfferingEnrolment"
HOUR_TYPE, PERIOD_TYPE = "ChoiceHour", "GuidancePeriod"
CASE = "id studentId routeKey state complexity coordinator { id name } version"
WAITLIST = "freePlaces waitlist { id waitlistPosition }"

# fmt: off
RECORD_OBSERVATION = _mutation("recordObservation", f"{STUDENT}, input: GiftedObservationInput!",
                               OBS_TYPE, OBSERVATION)
RECORD_SELF_ASSESSMENT = _mutation("recordSelfAssessment",
                                   f"{STUDENT}, input: GiftedSelfAssessmentInput!",
                                   "GiftedSelfAssessment", SELF_ASSESSMENT)
CREATE_INTAKE = _mutation("createNeedsIntake", STUDENT, INTAKE_TYPE, INTAKE)
WRITE_SECTION = _mutation("writeIntakeSection", f"intakeId: ID!, informant: String!, {LOCKED}, "
                          "input: GiftedIntakeSectionInput!", INTAKE_TYPE, INTAKE)
PUT_PROFILE = _mutation("putSupportProfile", f"{STUDENT}, {LOCKED}, "
                        "input: GiftedSupportProfileInput!", "GiftedSupportProfile", PROFILE)
OPEN_CASE = _mutation("openGiftedCase", f"{STUDENT}, input: GiftedCaseInput!", "CareCase", CASE)
CREATE_OFFERING = _mutation("createOffering", "schoolId: ID!, input: GiftedOfferingInput!",
                            "GiftedOffering", OFFERING)
UPDATE_OFFERING = _mutation("updateOffering", f"offeringId: ID!, {LOCKED}, "
                            "input: GiftedOfferingInput!", "GiftedOffering", OFFERING)
CREATE_APPLICATION = _mutation("createApplication", "input: GiftedApplicationInput!", APP_TYPE,
                               APPLICATION)
UPDATE_APPLICATION = _mutation("updateApplication", f"applicationId: ID!, {LOCKED}, "
                               "input: GiftedApplicationUpdateInput!", APP_TYPE, APPLICATION)
SUBMIT_APPLICATION = _mutation("submitApplication", f"applicationId: ID!, {LOCKED}, route: String!",
                               APP_TYPE, APPLICATION)
WITHDRAW_APPLICATION = _mutation("withdrawApplication", f"applicationId: ID!, {LOCKED}", APP_TYPE,
                                 APPLICATION)
DECIDE_APPLICATION = _mutation("decideApplication", f"applicationId: ID!, {LOCKED}, "
                               "input: GiftedApplicationDecisionInput!", APP_TYPE, APPLICATION)
ORDER_WAITLIST = _mutation("orderWaitlist", "offeringId: ID!, applicationIds: [ID!]!",
                           "GiftedApplicationQueue", WAITLIST)
ENROL = _mutation("enrol", "input: OfferingEnrolmentInput!", ENROL_TYPE, ENROLMENT)
UPDATE_ENROLMENT = _mutation("updateEnrolment", f"enrolmentId: ID!, {LOCKED}, "
                             "input: OfferingEnrolmentUpdateInput!", ENROL_TYPE, ENROLMENT)
REVIEW_ENROLMENT = _mutation("reviewEnrolment", f"enrolmentId: ID!, {LOCKED}, "
                             "input: OfferingEnrolmentReviewInput!", ENROL_TYPE, ENROLMENT)
EXIT_ENROLMENT = _mutation("exitEnrolment", f"enrolmentId: ID!, {LOCKED}, "
                           "input: OfferingEnrolmentExitInput!", ENROL_TYPE, ENROLMENT)
PUT_POLICY = _mutation("putChoiceHourPolicy", f"schoolId: ID!, {LOCKED}, "
                       "input: ChoiceHourPolicyInput!", "ChoiceHourPolicy", POLICY)
REQUEST_CHOICE_HOUR = _mutation("requestChoiceHour", "input: ChoiceHourInput!", HOUR_TYPE,
                                CHOICE_HOUR)
DECIDE_CHOICE_HOUR = _mutation("decideChoiceHour", f"requestId: ID!, {LOCKED}, "
                               "input: ChoiceHourDecisionInput!", HOUR_TYPE, CHOICE_HOUR)
MARK_ATTENDANCE = _mutation("markChoiceHourAttendance", f"requestId: ID!, {LOCKED}, "
                            "attendance: String!", HOUR_TYPE, CHOICE_HOUR)
CHECK_CHOICE_HOUR = _mutation("checkChoiceHour", f"requestId: ID!, {LOCKED}", HOUR_TYPE,
                              CHOICE_HOUR)
CANCEL_CHOICE_HOUR = _mutation("cancelChoiceHour", f"requestId: ID!, {LOCKED}", HOUR_TYPE,
                               CHOICE_HOUR)
CREATE_GUIDANCE = _mutation("createGuidancePeriod", "input: GuidancePeriodInput!", PERIOD_TYPE,
                            GUIDANCE)
UPDATE_GUIDANCE = _mutation("updateGuidancePeriod", f"periodId: ID!, {LOCKED}, "
                            "input: GuidancePeriodUpdateInput!", PERIOD_TYPE, GUIDANCE)
ADVANCE_GUIDANCE = _mutation("advanceGuidancePhase", f"periodId: ID!, {LOCKED}, phase: String!",
                             PERIOD_TYPE, GUIDANCE)
ADD_MONITORING = _mutation("addMonitoringNote", f"periodId: ID!, {LOCKED}, "
                           "input: GuidanceMonitoringNoteInput!", PERIOD_TYPE, GUIDANCE)
ADD_CHECKIN = _mutation("addCheckin", f"periodId: ID!, {LOCKED}, input: GuidanceCheckinInput!",
                        PERIOD_TYPE, GUIDANCE)
CLOSE_GUIDANCE = _mutation("closeGuidancePeriod", f"periodId: ID!, {LOCKED}", PERIOD_TYPE, GUIDANCE)
RECORD_MEASUREMENT = _mutation("recordMeasurement", f"{STUDENT}, input: GiftedMeasurementInput!",
                               "GiftedMeasurement", MEASUREMENT)
# fmt: on

VOCABULARY = """query { giftedVocabulary {
  observationSkills { code label question category } reverseScored
  recommendations { code label } selfAssessmentSkills { code label category }
  intakeQuestions { informant questions { code label } } offeringKinds { code label }
  constructs { code label } guidancePhases { code label } } }"""
INSTRUMENT_READS = f"""query($st: ID!, $o: ID!, $i: ID!, $s: ID!) {{
  observation(id: $o) {{ __typename ... on GiftedObservation {{ {OBSERVATION} }} {PROBLEM} }}
  needsIntake(id: $i) {{ __typename ... on GiftedNeedsIntake {{ {INTAKE} }} {PROBLEM} }}
  supportProfile(studentId: $st) {{
    __typename ... on GiftedSupportProfile {{ {PROFILE} }} {PROBLEM} }}
  giftedOverview(schoolId: $s) {{ __typename ... on GiftedOverview {{ {OVERVIEW} }} {PROBLEM} }}
}}"""
PROFILE_READ = f"""query($st: ID!) {{ supportProfile(studentId: $st) {{
  __typename ... on GiftedSupportProfile {{ {PROFILE} }} {PROBLEM} }} }}"""
STUDENT_GIFTED = f"""query($st: ID!) {{ studentGifted(studentId: $st) {{
  __typename ... on StudentGifted {{ studentId profile {{ {PROFILE} }}
    observations {{ id scores {{ skill score }} recommendation }}
    selfAssessments {{ {SELF_ASSESSMENT} }}
    comparison {{ skill teacherScore studentView differs }}
    needsIntakes {{ id complete version }} applications {{ id applicationStatus }}
    enrolments {{ id enrolmentStatus }} guidancePeriods {{ id phase guidanceStatus }}
    measurements {{ {MEASUREMENT} }} caseIds }} {PROBLEM} }} }}"""
OFFERING_READS = f"""query($s: ID!, $o: ID!, $a: ID!) {{
  offerings(schoolId: $s, includeArchived: true) {{
    __typename ... on GiftedOfferingCatalogue {{ own {{ {OFFERING} }} regional {{ id }} }}
    {PROBLEM} }}
  offering(id: $o) {{ __typename ... on GiftedOffering {{ {OFFERING} }} {PROBLEM} }}
  applicationQueue(offeringId: $o) {{ __typename ... on GiftedApplicationQueue {{
    offering {{ id version }} toDecide {{ id applicationStatus }}
    waitlist {{ id waitlistPosition }} decided {{ id applicationStatus decisionReason }}
    freePlaces }} {PROBLEM} }}
  application(id: $a) {{ __typename ... on GiftedApplication {{ {APPLICATION} }} {PROBLEM} }}
  offeringImpact(offeringId: $o) {{ __typename ... on OfferingImpact {{ {IMPACT} }} {PROBLEM} }}
}}"""
ENROLMENT_READS = f"""query($o: ID!, $e: ID!, $status: String) {{
  offeringEnrolments(offeringId: $o, status: $status) {{
    __typename ... on OfferingEnrolmentList {{ items {{ id enrolmentStatus }} }} {PROBLEM} }}
  offeringEnrolment(id: $e) {{ __typename ... on OfferingEnrolment {{ {ENROLMENT} }} {PROBLEM} }}
}}"""
CHOICE_READS = f"""query($s: ID!, $st: ID, $from: Date, $to: Date, $mine: Boolean! = false) {{
  choiceHourPolicy(schoolId: $s) {{ __typename ... on ChoiceHourPolicy {{ {POLICY} }} {PROBLEM} }}
  choiceHours(schoolId: $s, studentId: $st, fromDate: $from, toDate: $to, mine: $mine) {{
    __typename ... on ChoiceHourList {{ items {{ {CHOICE_HOUR} }} }} {PROBLEM} }} }}"""
GUIDANCE_READ = f"""query($id: ID!) {{
  guidancePeriod(id: $id) {{ __typename ... on GuidancePeriod {{ {GUIDANCE} }} {PROBLEM} }} }}"""


# -- helpers --------------------------------------------------------------------------------
RENAMED = {"application_status", "enrolment_status", "choice_hour_status", "guidance_status"}
PAIRS = ({"skill", "score"}, {"skill", "text"}, {"construct", "score"}, {"question", "answer"})
INSTANT = re.compile(r"\d{4}-\d\d-\d\dT.+")


def snake(name: str) -> str:
    return re.sub(r"[A-Z]", lambda m: "_" + m[0].lower(), name)


def camel(value: Any) -> Any:
    """A REST body as a GraphQL input: the same values under camelCase names."""
    if isinstance(value, list):
        return [camel(v) for v in value]
    if isinstance(value, dict):
        return {re.sub(r"_([a-z])", lambda m: m[1].upper(), k): camel(v) for k, v in value.items()}
    return value


def as_rest(value: Any) -> Any:
    """A GraphQL answer or input in REST's shape: snake_case names, `…Status` as `status`, the
    typed pairs as the object REST has."""
    if isinstance(value, list):
        if value and all(isinstance(v, dict) and set(v) in PAIRS for v in value):
            return dict(tuple(item.values()) for item in value)
        return [as_rest(v) for v in value]
    if isinstance(value, dict):
        named = {snake(k): as_rest(v) for k, v in value.items() if k != "__typename"}
        return {("status" if k in RENAMED else k): v for k, v in named.items()}
    return value


def assert_same(graphql: Any, over_rest: Any, path: str = "") -> None:
    """Every field GraphQL answered has the value REST gives (instants compared as such)."""
    if graphql == [] and over_rest == {}:  # no pairs: an empty object
        return
    if isinstance(graphql, dict):
        assert isinstance(over_rest, dict), (path, over_rest)
        for key, value in graphql.items():
            assert key in over_rest, f"{path}/{key}"
            assert_same(value, over_rest[key], f"{path}/{key}")
        if path.rsplit("/", 1)[-1] in {"scores", "explanations", "answers"}:
            assert set(graphql) == set(over_rest), path
    elif isinstance(graphql, list):
        assert isinstance(over_rest, list) and len(graphql) == len(over_rest), (path, over_rest)
        for index, (g, r) in enumerate(zip(graphql, over_rest, strict=True)):
            assert_same(g, r, f"{path}/{index}")
    elif isinstance(over_rest, str) and INSTANT.fullmatch(over_rest):
        assert datetime.fromisoformat(graphql) == datetime.fromisoformat(over_rest), path
    else:
        assert graphql == over_rest, (path, graphql, over_rest)


@dataclass
class Api:
    """One school's API over both adapters, as a role of that school."""

    client: httpx.AsyncClient
    world: World

    async def gql(self, role: str, query: str, **variables: Any) -> dict[str, Any]:
        resp = await self.client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers=await self.world.headers(role),
        )
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert "errors" not in body, body
        return dict(body["data"])

    async def one(self, role: str, query: str, **variables: Any) -> dict[str, Any]:
        """The answer of a document with one root field."""
        (value,) = (await self.gql(role, query, **variables)).values()
        assert value is not None
        return dict(value)

    async def ok(self, role: str, query: str, **variables: Any) -> dict[str, Any]:
        """The answer of a mutation that succeeds."""
        value = await self.one(role, query, **variables)
        assert value["__typename"] != "Problem", value
        return value

    async def problem(self, role: str, query: str, **variables: Any) -> dict[str, Any]:
        """The Problem a mutation answers."""
        value = await self.one(role, query, **variables)
        assert value["__typename"] == "Problem", value
        return value

    async def rest(
        self, role: str, method: str, path: str, body: Any = None, status: int = 200,
        version: int | None = None,
    ) -> Any:  # fmt: skip
        headers = {} if version is None else {"If-Match": f'"v{version}"'}
        resp = await call(self.client, self.world, role, method, f"/api/v1{path}", body, **headers)
        assert resp.status_code == status, resp.text
        return resp.json()

    async def same_as_rest(self, role: str, graphql: Any, path: str) -> None:
        """`graphql` (an answer) is what REST's GET of `path` gives."""
        assert_same(as_rest(graphql), await self.rest(role, "GET", path))

    def student(self, key: str) -> str:
        return str(self.world.students[key])

    def committee(self) -> list[str]:
        return [str(self.world.staff["st-hb"]), str(self.world.staff["st-zoco"])]

    def offering(self, **fields: Any) -> dict[str, Any]:
        """An offering as REST takes it (OfferingWrite)."""
        return {
            "name": "Plusklas onderbouw",
            "kind": "plusklas",
            "setting": "separate_group",
            "duration": "whole_year",
            "schedule": "Dinsdag 5e en 6e uur",
            "hours_per_week": 2,
            "goals": [
                {"text": "Leren leren", "cognitive": False},
                {"text": "Verdiepen in wiskunde", "cognitive": True},
            ],
            "target_group": "Leerlingen die meer uitdaging nodig hebben",
            "capacity": 12,
            "application_routes": ["intern_begeleider", "parents"],
            "committee_staff_ids": self.committee(),
            **fields,
        }

    async def submitted(self, offering_id: str, student: str) -> dict[str, Any]:
        """An application over REST, submitted on the intern begeleider's route."""
        draft = await self.rest(HB, "POST", "/applications", {
            "student_id": self.student(student), "offering_id": offering_id,
            "motivation": "Loopt ver voor bij wiskunde en verveelt zich.",
        }, status=201)  # fmt: skip
        return dict(
            await self.rest(HB, "POST", f"/applications/{draft['id']}/submit",
                            {"route": "intern_begeleider"}, version=draft["version"])
        )  # fmt: skip


def scores(value: int | None = 4, **overrides: int | None) -> list[dict[str, Any]]:
    return [{"skill": s, "score": overrides.get(s, value)} for s in SKILL_CODES]


def observation(**fields: Any) -> dict[str, Any]:
    return {
        "observedOn": TODAY.isoformat(),
        "scores": scores(),
        "recommendation": "none",
        "remarks": "Verveelt zich bij rekenen, helpt anderen graag.",
        **fields,
    }


async def audit_rows(factory: WorldFactory, world: World, student: str) -> list[tuple[Any, ...]]:
    """The gifted audit rows of a student, without the ids that differ per record."""
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.student_id == world.students[student],
                col(AuditEvent.action).startswith("gifted."),
            )
            .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
        )
    return [
        (e.action, e.target_type, e.actor_kind, e.actor_id, e.actor_role, e.purpose, e.details)
        for e in events
    ]


# -- reads: the same data as REST -----------------------------------------------------------
async def test_the_vocabulary_is_the_rest_vocabulary(
    client: httpx.AsyncClient, world: World
) -> None:
    api = Api(client, world)
    vocabulary = (await api.gql("teacher", VOCABULARY))["giftedVocabulary"]
    over_rest = await api.rest("teacher", "GET", "/gifted/vocabulary")
    questions = {q["informant"]: q["questions"] for q in vocabulary.pop("intakeQuestions")}
    assert list(questions) == ["student", "teacher", "parents"]
    assert_same(as_rest(questions), over_rest.pop("intake_questions"))
    assert_same(as_rest(vocabulary), over_rest)
    assert [s["code"] for s in vocabulary["observationSkills"]] == list(SKILL_CODES)

    # Not logged in: an error, as for every field.
    resp = await client.post("/graphql", json={"query": VOCABULARY})
    assert resp.json()["errors"][0]["extensions"]["code"] == "unauthenticated"


async def test_the_instruments_and_the_profile_read_as_over_rest(
    client: httpx.AsyncClient, world: World
) -> None:
    api = Api(client, world)
    student = api.student("ll-1")
    explained = [{"skill": "flexibility", "text": "Schakelt snel tussen taken."}]
    given = observation(scores=scores(flexibility=5, collaboration=None), explanations=explained)
    obs = await api.ok("mentor", RECORD_OBSERVATION, studentId=student, input=given)
    assert {"skill": "collaboration", "score": None} in obs["scores"]
    assert obs["explanations"] == explained and obs["followUp"]["kind"] == "none"
    await api.same_as_rest("mentor", obs, f"/observations/{obs['id']}")

    assessment = {
        "filledOn": TODAY.isoformat(),
        "strengths": ["planning", "flexibility"],
        "attentionPoints": ["time_management"],
        "studentWords": "Ik plan graag.",
    }
    mine = await api.ok("mentor", RECORD_SELF_ASSESSMENT, studentId=student, input=assessment)
    assert (mine["strengths"], mine["studentWords"]) == (assessment["strengths"], "Ik plan graag.")

    intake = await api.ok("mentor", CREATE_INTAKE, studentId=student)
    section = {
        "answers": [
            {"question": "s1", "answer": "Programmeren"},
            {"question": "s3", "answer": "Uitdaging en rust"},
        ],
        "respondent": "Emma",
        "answeredOn": TODAY.isoformat(),
    }
    intake = await api.ok("mentor", WRITE_SECTION, intakeId=intake["id"], informant="student",
                          expectedVersion=intake["version"], input=section)  # fmt: skip
    written = next(s for s in intake["sections"] if s["informant"] == "student")
    assert written["answers"] == section["answers"] and intake["version"] == 2

    saved = {"signalledGifted": True, "signalledOn": TODAY.isoformat(),
             "twiceExceptional": True, "twiceExceptionalNote": "Ook dyslexie"}  # fmt: skip
    profile = await api.ok(HB, PUT_PROFILE, studentId=student, expectedVersion=0, input=saved)
    assert (profile["version"], profile["twiceExceptional"]) == (1, True)

    reads = await api.gql(HB, INSTRUMENT_READS, st=student, o=obs["id"], i=intake["id"],
                          s=str(world.school_id))  # fmt: skip
    assert (reads["observation"], reads["needsIntake"]) == (obs, intake)
    assert reads["supportProfile"] == profile
    await api.same_as_rest(HB, intake, f"/needs-intakes/{intake['id']}")
    await api.same_as_rest(HB, profile, f"/students/{student}/support-profile")
    overview = reads["giftedOverview"]
    await api.same_as_rest(HB, overview, f"/schools/{world.school_id}/gifted-overview")
    assert student in {s["studentId"] for s in overview["students"]}

    # Dubbel bijzonder is null for whoever may not see it (leadership), as over REST.
    leader = await api.one("team_leader", PROFILE_READ, st=student)
    assert (leader["signalledGifted"], leader["twiceExceptional"]) == (True, None)
    await api.same_as_rest("team_leader", leader, f"/students/{student}/support-profile")

    page = await api.one("mentor", STUDENT_GIFTED, st=student)
    assert page["__typename"] == "StudentGifted"
    assert [o["id"] for o in page["observations"]] == [obs["id"]]
    await api.same_as_rest("mentor", page, f"/students/{student}/gifted")

    # A complex case goes into the case routing and answers the case routing's own type.
    await install(client, world, "hb-multidisciplinair", "hb-multidisciplinair")
    hb = str(world.staff["st-hb"])
    case = await api.ok(HB, OPEN_CASE, studentId=student, input={
        "coordinatorStaffId": hb, "guidanceQuestion": "Hoe sluiten we aan bij deze leerling?",
    })  # fmt: skip
    assert (case["__typename"], case["routeKey"], case["complexity"]) == (
        "CareCase", "hb-multidisciplinair", "complex",
    )  # fmt: skip
    assert case["coordinator"]["id"] == hb
    page = await api.one(HB, STUDENT_GIFTED, st=student)
    assert (page["caseIds"], page["profile"]["complexity"]) == ([case["id"]], "complex")


async def test_offerings_and_admissions_read_as_over_rest(
    client: httpx.AsyncClient, world: World
) -> None:
    api = Api(client, world)
    school = str(world.school_id)
    created = await api.ok(HB, CREATE_OFFERING, schoolId=school, input=camel(api.offering()))
    assert (created["version"], created["hoursPerWeek"], created["goals"][1]) == (
        1, 2.0, {"text": "Verdiepen in wiskunde", "cognitive": True},
    )  # fmt: skip
    assert {m["staffId"] for m in created["committee"]} == set(api.committee())
    offering = await api.ok(HB, UPDATE_OFFERING, offeringId=created["id"], expectedVersion=1,
                            input=camel(api.offering(capacity=1)))  # fmt: skip
    assert (offering["capacity"], offering["version"]) == (1, 2)

    first = await api.submitted(offering["id"], "ll-1")
    wanted = {"studentId": api.student("ll-2"), "offeringId": offering["id"]}
    draft = await api.ok("mentor", CREATE_APPLICATION, input=wanted)
    assert (draft["applicationStatus"], draft["studentId"]) == ("draft", api.student("ll-2"))
    draft = await api.ok("mentor", UPDATE_APPLICATION, applicationId=draft["id"],
                         expectedVersion=draft["version"],
                         input={"motivation": "Zoekt ontwikkelingsgelijken."})  # fmt: skip
    second = await api.ok(HB, SUBMIT_APPLICATION, applicationId=draft["id"],
                          expectedVersion=draft["version"], route="intern_begeleider")  # fmt: skip
    assert (second["applicationStatus"], second["route"]) == ("submitted", "intern_begeleider")
    assert second["snapshot"]["groupName"] == "1A"

    decision = {"decision": "admitted", "decidedBy": api.committee()}
    admitted = await api.ok(HB, DECIDE_APPLICATION, applicationId=first["id"],
                            expectedVersion=first["version"], input=decision)  # fmt: skip
    assert admitted["applicationStatus"] == "admitted"
    assert {m["staffId"] for m in admitted["decidedBy"]} == set(api.committee())
    waitlisted = await api.ok(HB, DECIDE_APPLICATION, applicationId=second["id"],
                              expectedVersion=second["version"],
                              input={**decision, "decision": "waitlisted"})  # fmt: skip
    assert waitlisted["waitlistPosition"] == 1
    queue = await api.ok(HB, ORDER_WAITLIST, offeringId=offering["id"],
                         applicationIds=[second["id"]])  # fmt: skip
    assert queue["waitlist"] == [{"id": second["id"], "waitlistPosition": 1}]

    reads = await api.gql(HB, OFFERING_READS, s=school, o=offering["id"], a=second["id"])
    oid = offering["id"]
    await api.same_as_rest(
        HB, reads["offerings"], f"/schools/{school}/offerings?include_archived=true"
    )
    await api.same_as_rest(HB, reads["offering"], f"/offerings/{oid}")
    await api.same_as_rest(HB, reads["applicationQueue"], f"/offerings/{oid}/applications")
    await api.same_as_rest(HB, reads["application"], f"/applications/{second['id']}")
    await api.same_as_rest(HB, reads["offeringImpact"], f"/offerings/{oid}/impact")
    assert [o["id"] for o in reads["offerings"]["own"]] == [oid]
    assert reads["application"]["applicationStatus"] == "waitlisted"

    withdrawn = await api.ok("mentor", WITHDRAW_APPLICATION, applicationId=second["id"],
                             expectedVersion=reads["application"]["version"])  # fmt: skip
    assert (withdrawn["applicationStatus"], withdrawn["waitlistPosition"]) == ("withdrawn", None)

    # Enrolled: goals, a review, the exit.
    enrolment = await api.ok(HB, ENROL, input={
        "applicationId": admitted["id"], "startsOn": TODAY.isoformat(),
        "goals": [{"text": "Werkt zelfstandig aan een project"},
                  {"text": "Presenteert zijn onderzoek", "cognitive": True}],
        "regularTeacherStaffId": str(world.staff["st-mentor-1a"]),
        "classAdjustments": "Compacten bij wiskunde", "alignment": "Mentor en HB-specialist",
    })  # fmt: skip
    assert (enrolment["enrolmentStatus"], enrolment["inClassPlan"]["complete"]) == ("active", True)
    enrolment = await api.ok(HB, UPDATE_ENROLMENT, enrolmentId=enrolment["id"],
                             expectedVersion=enrolment["version"],
                             input={"reviewEveryWeeks": 6})  # fmt: skip
    assert enrolment["reviewEveryWeeks"] == 6
    progress = [{"goalId": g["id"], "progress": "achieved", "note": "Gelukt"}
                for g in enrolment["goals"]]  # fmt: skip
    review = {"reviewedOn": TODAY.isoformat(), "goalProgress": progress, "withStudent": True,
              "withParents": True}  # fmt: skip
    enrolment = await api.ok(HB, REVIEW_ENROLMENT, enrolmentId=enrolment["id"],
                             expectedVersion=enrolment["version"], input=review)  # fmt: skip
    assert [r["goalProgress"] for r in enrolment["reviews"]] == [progress]
    reads = await api.gql(HB, ENROLMENT_READS, o=oid, e=enrolment["id"], status="active")
    listed = reads["offeringEnrolments"]["items"]
    assert listed == [{"id": enrolment["id"], "enrolmentStatus": "active"}]
    assert reads["offeringEnrolment"] == enrolment
    await api.same_as_rest(HB, enrolment, f"/offering-enrolments/{enrolment['id']}")
    await api.same_as_rest(HB, listed, f"/offerings/{oid}/enrolments?status=active")
    ended = await api.ok(HB, EXIT_ENROLMENT, enrolmentId=enrolment["id"],
                         expectedVersion=enrolment["version"],
                         input={"endedOn": TODAY.isoformat(), "reason": "goals_met"})  # fmt: skip
    assert (ended["enrolmentStatus"], ended["exitReason"]) == ("ended", "goals_met")


async def test_keuze_uren_guidance_and_measurements_read_as_over_rest(
    client: httpx.AsyncClient, world: World
) -> None:
    api = Api(client, world)
    school, student = str(world.school_id), api.student("ll-4")
    policy = await api.ok(HB, PUT_POLICY, schoolId=school, expectedVersion=0, input={
        "maxHoursPerWeek": 2, "noticeHours": 24, "allowedActivities": ["deepening", "project"],
    })  # fmt: skip
    assert (policy["version"], policy["configured"]) == (1, True)
    request = {
        "studentId": student, "subject": "wiskunde",
        "subjectTeacherStaffId": str(world.staff["st-teacher-wi"]),
        "lessonDate": MONDAY.isoformat(), "lessonHour": 3, "location": "Mediatheek",
        "activityKind": "deepening", "activity": "Wiskunde-olympiade",
    }  # fmt: skip
    hour = await api.ok(HB, REQUEST_CHOICE_HOUR, input=request)
    assert (hour["choiceHourStatus"], hour["lessonDate"]) == ("requested", MONDAY.isoformat())
    hour = await api.ok("teacher", DECIDE_CHOICE_HOUR, requestId=hour["id"],
                        expectedVersion=hour["version"], input={"acknowledge": True})  # fmt: skip
    assert hour["choiceHourStatus"] == "acknowledged"
    other = await api.ok(HB, REQUEST_CHOICE_HOUR, input={**request, "lessonHour": 4})
    other = await api.ok(HB, CANCEL_CHOICE_HOUR, requestId=other["id"],
                         expectedVersion=other["version"])  # fmt: skip
    assert other["choiceHourStatus"] == "cancelled"

    early = await api.problem("teacher", MARK_ATTENDANCE, requestId=hour["id"],
                              expectedVersion=hour["version"], attendance="present")  # fmt: skip
    assert early["status"] == 409, early
    # The lesson day comes (moved here, as the clock cannot be).
    async with world.factory.run([world.school_id]) as uow:
        await uow.execute(
            update(ChoiceHourRequest)
            .where(col(ChoiceHourRequest.id) == uuid.UUID(hour["id"]))
            .values(lesson_date=TODAY)
        )
        await uow.commit()
    hour = await api.ok("teacher", MARK_ATTENDANCE, requestId=hour["id"],
                        expectedVersion=hour["version"], attendance="present")  # fmt: skip
    assert (hour["attendance"], hour["lessonDate"]) == ("present", TODAY.isoformat())
    hour = await api.ok(HB, CHECK_CHOICE_HOUR, requestId=hour["id"],
                        expectedVersion=hour["version"])  # fmt: skip
    assert hour["checkedByName"] and hour["checkedAt"]

    reads = await api.gql(HB, CHOICE_READS, s=school, st=student)
    assert reads["choiceHourPolicy"] == policy
    await api.same_as_rest(HB, policy, f"/schools/{school}/choice-hour-policy")
    items = reads["choiceHours"]["items"]
    await api.same_as_rest(HB, items, f"/schools/{school}/choice-hours?student_id={student}")
    assert {h["id"] for h in items} == {hour["id"], other["id"]}
    later = (MONDAY + timedelta(days=1)).isoformat()
    window = await api.gql(HB, CHOICE_READS, s=school, **{"from": later})
    assert window["choiceHours"]["items"] == []
    window = await api.gql(HB, CHOICE_READS, s=school, to=TODAY.isoformat())
    assert [h["id"] for h in window["choiceHours"]["items"]] == [hour["id"]]
    mine = await api.gql("teacher", CHOICE_READS, s=school, mine=True)
    assert {h["id"] for h in mine["choiceHours"]["items"]} == {hour["id"], other["id"]}

    period = await api.ok(HB, CREATE_GUIDANCE, input={
        "studentId": student, "startsOn": TODAY.isoformat(),
        "goals": [{"goal": "Zelf een onderzoeksvraag formuleren", "plan": "Wekelijks overleg"}],
    })  # fmt: skip
    assert (period["phase"], period["guidanceStatus"]) == ("preparation", "open")
    goal_id = period["goals"][0]["id"]
    for phase in ("kickoff", "content", "responsibilities"):
        period = await api.ok(HB, ADVANCE_GUIDANCE, periodId=period["id"],
                              expectedVersion=period["version"], phase=phase)  # fmt: skip
    assert period["phase"] == "responsibilities"
    agreement = {"who": "Mentor", "what": "Plant het overleg", "when": "Maandag", "how": "Mail"}
    changes = {"agreements": [agreement], "differentiation": ["extra_challenge"]}
    period = await api.ok(HB, UPDATE_GUIDANCE, periodId=period["id"],
                          expectedVersion=period["version"], input=changes)  # fmt: skip
    assert (period["agreements"], period["differentiation"]) == ([agreement], ["extra_challenge"])
    note = {"goalId": goal_id, "on": TODAY.isoformat(), "note": "Goed gestart"}
    period = await api.ok(HB, ADD_MONITORING, periodId=period["id"],
                          expectedVersion=period["version"], input=note)  # fmt: skip
    assert period["goals"][0]["monitoring"] == [{"on": TODAY.isoformat(), "note": "Goed gestart"}]
    period = await api.ok(HB, ADD_CHECKIN, periodId=period["id"],
                          expectedVersion=period["version"],
                          input={"heldOn": TODAY.isoformat(), "progress": "on_track"})  # fmt: skip
    assert [c["progress"] for c in period["checkins"]] == ["on_track"]
    assert await api.one(HB, GUIDANCE_READ, id=period["id"]) == period
    await api.same_as_rest(HB, period, f"/guidance-periods/{period['id']}")
    early = await api.problem(HB, CLOSE_GUIDANCE, periodId=period["id"],
                              expectedVersion=period["version"])  # fmt: skip
    assert early["status"] in (409, 422), early

    wave = {"wave": 0, "measuredOn": TODAY.isoformat(),
            "scores": [{"construct": "boredom", "score": 4.0},
                       {"construct": "self_confidence", "score": 3.5}]}  # fmt: skip
    measurement = await api.ok(HB, RECORD_MEASUREMENT, studentId=student, input=wave)
    assert (measurement["instrument"], measurement["scores"]) == (
        "IMAGE-leerlingvragenlijst", wave["scores"],
    )  # fmt: skip
    page = await api.rest(HB, "GET", f"/students/{student}/gifted")
    assert_same(as_rest([measurement]), page["measurements"])


# -- writes: the same audit as REST ---------------------------------------------------------
async def test_graphql_writes_the_same_audit_as_rest(
    client: httpx.AsyncClient, factory: WorldFactory, world: World
) -> None:
    api = Api(client, world)
    over_graphql, over_rest = "ll-1", "ll-2"
    offering = await api.rest(HB, "POST", f"/schools/{world.school_id}/offerings",
                              api.offering(), status=201)  # fmt: skip
    mine = await api.submitted(offering["id"], over_graphql)
    other = await api.submitted(offering["id"], over_rest)

    body = observation(recommendation="specialist_observation")
    obs = await api.ok("mentor", RECORD_OBSERVATION, studentId=api.student(over_graphql),
                       input=body)  # fmt: skip
    assert obs["followUp"]["kind"] == "specialist_task"
    await api.rest("mentor", "POST", f"/students/{api.student(over_rest)}/observations",
                   as_rest(body), status=201)  # fmt: skip

    decision = {"decision": "rejected", "decidedBy": api.committee(),
                "reason": "Past beter bij verrijking in de klas."}  # fmt: skip
    # A refused GraphQL write leaves nothing behind, as a refused REST write does.
    stale = await api.problem(HB, DECIDE_APPLICATION, applicationId=mine["id"],
                              expectedVersion=mine["version"] + 5, input=decision)  # fmt: skip
    assert (stale["code"], stale["status"]) == ("version-mismatch", 412)
    await api.rest(HB, "POST", f"/applications/{other['id']}/decision", as_rest(decision),
                   status=412, version=other["version"] + 5)  # fmt: skip

    decided = await api.ok(HB, DECIDE_APPLICATION, applicationId=mine["id"],
                           expectedVersion=mine["version"], input=decision)  # fmt: skip
    assert decided["applicationStatus"] == "rejected"
    await api.rest(HB, "POST", f"/applications/{other['id']}/decision", as_rest(decision),
                   version=other["version"])  # fmt: skip

    graphql_audit = await audit_rows(factory, world, over_graphql)
    actions = [a for a, *_ in graphql_audit]
    assert {"gifted.observation.create", "gifted.application.decide"} <= set(actions)
    decide = next(row for row in graphql_audit if row[0] == "gifted.application.decide")
    assert decide[3] == f"user:{world.users[HB]}"
    assert decide[6]["decision"] == "rejected"
    assert graphql_audit == await audit_rows(factory, world, over_rest)


# -- refusals: typed Problems ---------------------------------------------------------------
async def test_refusals_are_typed_problems(client: httpx.AsyncClient, world: World) -> None:
    api = Api(client, world)
    student = api.student("ll-1")
    # An observation without a skill, or with a skill twice: 422 with pointers.
    missing = await api.problem("mentor", RECORD_OBSERVATION, studentId=student,
                                input=observation(scores=scores()[:-1]))  # fmt: skip
    assert (missing["code"], missing["status"]) == ("validation-failed", 422)
    assert [e["pointer"] for e in missing["errors"]] == ["/scores/collaboration"]
    extra = [*scores(), {"skill": "planning", "score": 2}]
    twice = await api.problem("mentor", RECORD_OBSERVATION, studentId=student,
                              input=observation(scores=extra))  # fmt: skip
    assert twice["errors"] == [{"pointer": "/scores/14/skill", "detail": "Each skill once"}]
    unknown = await api.problem("mentor", RECORD_OBSERVATION, studentId=student,
                                input=observation(recommendation="astrology"))  # fmt: skip
    assert [e["pointer"] for e in unknown["errors"]] == ["/recommendation"]
    page = await api.one("mentor", STUDENT_GIFTED, st=student)
    assert page["observations"] == []  # nothing was stored

    # A stale expectedVersion: 412 with the current version.
    profile = {"signalledGifted": True}
    await api.ok(HB, PUT_PROFILE, studentId=student, expectedVersion=0, input=profile)
    stale = await api.problem(HB, PUT_PROFILE, studentId=student, expectedVersion=0,
                              input=profile)  # fmt: skip
    assert (stale["code"], stale["status"]) == ("version-mismatch", 412)
    assert stale["extensions"]["current_version"] == 1

    # What REST takes in its path or query is checked as REST checks it.
    intake = await api.ok("mentor", CREATE_INTAKE, studentId=student)
    section = {"answers": [{"question": "t1", "answer": "Plannen"}], "respondent": "Mentor",
               "answeredOn": TODAY.isoformat()}  # fmt: skip
    who = await api.problem("mentor", WRITE_SECTION, intakeId=intake["id"],
                            informant="grandparents", expectedVersion=1, input=section)  # fmt: skip
    assert who["errors"] == [
        {"pointer": "/informant", "detail": "One of: student, teacher, parents"}
    ]
    not_theirs = await api.problem("mentor", WRITE_SECTION, intakeId=intake["id"],
                                   informant="student", expectedVersion=1,
                                   input=section)  # fmt: skip
    assert not_theirs["code"] == "validation-failed"
    offering = await api.rest(HB, "POST", f"/schools/{world.school_id}/offerings",
                              api.offering(), status=201)  # fmt: skip
    status = await api.gql(HB, ENROLMENT_READS, o=offering["id"], e="nope", status="gone")
    assert status["offeringEnrolments"]["errors"][0]["pointer"] == "/status"
    assert status["offeringEnrolment"] is None

    # A role that may not: a Problem, not null, for a student the caller sees.
    leader = await api.problem("team_leader", RECORD_OBSERVATION, studentId=student,
                               input=observation())  # fmt: skip
    assert (leader["code"], leader["status"]) == ("forbidden", 403)


# -- nothing of another school --------------------------------------------------------------
async def test_another_schools_student_is_not_found(
    client: httpx.AsyncClient, factory: WorldFactory, world: World
) -> None:
    other = await factory.build(sector="VO")
    theirs, api = Api(client, other), Api(client, world)
    student = theirs.student("ll-1")
    obs = await theirs.ok("mentor", RECORD_OBSERVATION, studentId=student, input=observation())
    offering = await theirs.rest(HB, "POST", f"/schools/{other.school_id}/offerings",
                                 theirs.offering(), status=201)  # fmt: skip

    reads = """query($st: ID!, $o: ID!, $s: ID!, $off: ID!) {
      studentGifted(studentId: $st) { __typename } supportProfile(studentId: $st) { __typename }
      observation(id: $o) { __typename } giftedOverview(schoolId: $s) { __typename }
      offerings(schoolId: $s) { __typename } offering(id: $off) { __typename }
      applicationQueue(offeringId: $off) { __typename }
      offeringImpact(offeringId: $off) { __typename }
      choiceHourPolicy(schoolId: $s) { __typename } choiceHours(schoolId: $s) { __typename } }"""
    variables = {"st": student, "o": obs["id"], "s": str(other.school_id), "off": offering["id"]}
    nothing = dict.fromkeys(
        ["studentGifted", "supportProfile", "observation", "giftedOverview", "offerings",
         "offering", "applicationQueue", "offeringImpact", "choiceHourPolicy", "choiceHours"]
    )  # fmt: skip
    for role in ("mentor", HB, "school_leader", "external_partner"):
        assert await api.gql(role, reads, **variables) == nothing, role
    assert await api.gql(HB, reads, **dict.fromkeys(variables, "not-an-id")) == nothing

    wave = {"wave": 0, "measuredOn": TODAY.isoformat(),
            "scores": [{"construct": "boredom", "score": 2.0}]}  # fmt: skip
    for sid in (student, "not-an-id"):
        refused = await api.problem(HB, RECORD_OBSERVATION, studentId=sid, input=observation())
        assert (refused["code"], refused["status"]) == ("not-found", 404)
        measured = await api.problem(HB, RECORD_MEASUREMENT, studentId=sid, input=wave)
        assert (measured["code"], measured["status"]) == ("not-found", 404)
    wanted = {"studentId": student, "offeringId": offering["id"]}
    applied = await api.problem(HB, CREATE_APPLICATION, input=wanted)
    assert applied["code"] == "not-found"
    # Nothing was written at the other school.
    page = await theirs.one("mentor", STUDENT_GIFTED, st=student)
    assert ([o["id"] for o in page["observations"]], page["measurements"]) == ([obs["id"]], [])
