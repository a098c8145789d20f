"""The inzage export (AVG art. 15): everything the school holds about one student, as one
document. Written field by field from the table models (never auto-mapped)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field


class ExportExternalId(BaseModel):
    source: str
    external_id: str


class ExportStudent(BaseModel):
    id: uuid.UUID
    given_name: str
    preferred_name: str | None
    infix: str | None
    family_name: str
    date_of_birth: date
    eck_id: str | None
    external_ids: list[ExportExternalId]
    created_at: datetime
    updated_at: datetime


class ExportGuardian(BaseModel):
    """A parent or carer as linked to the student. Contact details are left out on purpose:
    they are the guardian's own data, and a copy for one parent must not hand the other
    parent's address or phone number over (AVG art. 15(4))."""

    given_name: str
    infix: str | None
    family_name: str
    relation: str
    parental_authority: bool = Field(description="Holds parental authority (gezag)")


class ExportStaffName(BaseModel):
    role: str = Field(description="mentor or teacher")
    subject: str | None
    given_name: str
    infix: str | None
    family_name: str


class ExportEnrolment(BaseModel):
    group_name: str
    group_kind: str
    grade: int
    track: str | None
    subject: str | None
    school_year: str
    start_date: date | None
    end_date: date | None
    staff: list[ExportStaffName] = Field(description="Who mentors or teaches this group")


class ExportNote(BaseModel):
    id: uuid.UUID
    category: str
    subject: str | None
    body: str
    author_name: str
    created_at: datetime
    updated_at: datetime


class ExportConsent(BaseModel):
    id: uuid.UUID
    purpose: str
    recipient: str | None
    granted: bool
    given_by: str = Field(description="guardian or student")
    guardian_name: str | None = Field(
        description="The guardian who decided, when given_by=guardian"
    )
    method: str
    given_on: date
    note: str | None
    recorded_by: str
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    withdrawal_note: str | None


class ExportDisclosure(BaseModel):
    """A verstrekking: with whom data about the student was shared, why and on what basis."""

    id: uuid.UUID
    recipient_kind: str
    recipient_name: str
    purpose: str
    basis: str = Field(description="consent, or the legal ground used instead")
    consent_id: uuid.UUID | None
    legal_ground: str | None
    explanation: str | None
    data_categories: list[str]
    disclosed_at: datetime
    disclosed_by: str


class ExportAccessGrant(BaseModel):
    id: uuid.UUID
    partner_name: str = Field(description="The external partner's display name")
    purpose: str
    valid_from: datetime
    valid_until: datetime
    granted_by: str
    revoked_at: datetime | None


class ExportLegalHold(BaseModel):
    """A legal hold (bewaarplicht): while active, nothing about the student is removed."""

    id: uuid.UUID
    reason: str
    placed_by: str
    placed_at: datetime
    lifted_at: datetime | None
    lifted_by: str | None


class ExportAuditEvent(BaseModel):
    """Who looked at or changed the student's records (details are not part of the export)."""

    occurred_at: datetime
    actor_id: str | None
    actor_name: str | None = Field(description="Display name, when the actor is a staff account")
    actor_role: str | None
    action: str
    purpose: str | None


# -- Handelingsgericht werken (HGW) and support ----------------------------------------------
class ExportGoal(BaseModel):
    text: str
    desired_behaviour: bool = Field(description="Phrased as desired behaviour")
    measure: str = Field(description="How we see that it is reached")
    target_date: date | None


class ExportOverviewRow(BaseModel):
    """The student's row in a group overview (groepsoverzicht) of one HGW cycle period."""

    id: uuid.UUID
    group_name: str
    period_name: str
    period_starts_on: date
    period_ends_on: date
    cycle: str = Field(description="A: cross-subject (mentor); B: subject-specific")
    subject: str | None = Field(description="The subject of a cycle B overview")
    observations: str
    student_conversation: str
    parent_conversation: str
    agreements: str
    stimulating_factors: str
    hindering_factors: str
    strengths: str
    work_attitude: str
    particulars: str = Field(
        description="Bijzonderheden; only mentor and care staff see these in the app"
    )
    instruction_level: str | None
    updated_by_name: str
    updated_at: datetime


class ExportResult(BaseModel):
    """A test result or a social-emotional (SEO) score, entered or imported from the LVS."""

    id: uuid.UUID
    kind: str = Field(description="test or seo")
    domain: str
    instrument: str
    respondent: str | None = Field(description="Who filled in an SEO questionnaire")
    taken_on: date
    score: float | None
    level: str | None
    source: str = Field(description="entered, or the LVS it was imported from")
    external_id: str | None = Field(description="The LVS's id of an imported result")
    entered_by_name: str
    created_at: datetime


class ExportSignal(BaseModel):
    """Signalering: the student needs extra attention in the coming period."""

    id: uuid.UUID
    group_name: str
    period_name: str
    category: str
    mode: str
    basis: list[str]
    note: str
    created_by_name: str
    created_at: datetime
    confirmed_at: datetime | None = Field(description="Confirmed in the group meeting")


class ExportNeedItem(BaseModel):
    category: str = Field(description="Heading of the begrijpwijzer, e.g. instruction")
    phrase: str = Field(description="The helper sentence chosen, if any")
    text: str


class ExportNeed(BaseModel):
    """Onderwijsbehoefte: goals for a period and what the student needs to reach them."""

    id: uuid.UUID
    group_name: str | None = Field(description="The group overview it was named in, if any")
    period_name: str | None
    scope: str
    domain: str
    nature: str
    subject: str | None
    goals: list[ExportGoal]
    items: list[ExportNeedItem]
    uses_talents: str
    set_with_student: bool
    student_view: str = Field(description="The student's own words")
    valid_from: date
    valid_until: date
    author_name: str
    created_at: datetime
    updated_at: datetime


class ExportMeetingDecision(BaseModel):
    """A decision about the student in a group meeting (groepsbespreking)."""

    group_name: str
    period_name: str
    meeting_status: str = Field(description="scheduled or held")
    scheduled_on: date
    held_on: date | None
    decision: str
    note: str


class ExportGoalOutcome(BaseModel):
    goal_text: str
    result: str = Field(description="reached, partly or not_reached")


class ExportPlanRow(BaseModel):
    """A row of a group plan that names the student, with this student's results per goal.
    The other students of the row are not part of the export."""

    id: uuid.UUID
    plan_id: uuid.UUID
    group_name: str
    period_name: str
    cycle: str
    subject: str | None
    plan_type: str
    plan_status: str
    starts_on: date
    ends_on: date
    name: str
    target: str = Field(description="subgroup or student")
    domain: str
    goals: list[ExportGoal]
    content: str
    approach: str
    organisation: str
    delivery_mode: str | None
    delivered_by: str
    evaluation_plan: str
    activities_done: bool | None
    outcomes: list[ExportGoalOutcome] = Field(description="This student's result per goal")
    continuation: str | None
    causes: str


class ExportIndividualPlan(BaseModel):
    """Individueel handelingsplan (IHP), an appendix of a group plan."""

    id: uuid.UUID
    plan_id: uuid.UUID
    group_name: str
    period_name: str
    plan_status: str
    starts_on: date
    ends_on: date
    kind: str
    decided_by: str
    need_ids: list[uuid.UUID]
    goals: list[ExportGoal]
    learning_yield_expectation: str
    content: str
    approach: str
    organisation: str
    evaluation_plan: str
    parent_agreements: str
    student_view: str = Field(description="How the student was involved, in their own words")
    parent_signed_by_name: str | None
    parent_signed_on: date | None
    evaluation: str
    evaluated_with_student: bool
    evaluated_with_parents: bool
    author_name: str
    created_at: datetime
    updated_at: datetime


class ExportYieldExpectation(BaseModel):
    subject: str
    horizon: str
    expectation: str


class ExportFactor(BaseModel):
    kind: str = Field(description="stimulating or hindering")
    locus: str
    text: str


class ExportPerspectiveVersion(BaseModel):
    id: uuid.UUID
    number: int
    kind: str
    expected_outflow: str
    destination: str
    yield_expectations: list[ExportYieldExpectation]
    factors: list[ExportFactor]
    needs: str
    support_offered: str
    long_term_goals: list[str]
    talents: str
    student_view: str
    parents_view: str
    determined_with_student: bool
    determined_with_parents: bool
    determined_on: date
    author_name: str
    created_at: datetime


class ExportDevelopmentPerspective(BaseModel):
    """Ontwikkelingsperspectief (OPP) with every determined version, oldest first."""

    id: uuid.UUID
    support_started_on: date
    support_description: str
    ended_on: date | None
    created_at: datetime
    versions: list[ExportPerspectiveVersion]


class ExportSupport(BaseModel):
    """The records of the HGW cycle about the student, whoever may see them in the app."""

    overview_rows: list[ExportOverviewRow]
    results: list[ExportResult]
    signals: list[ExportSignal]
    needs: list[ExportNeed]
    meeting_decisions: list[ExportMeetingDecision]
    plan_rows: list[ExportPlanRow]
    individual_plans: list[ExportIndividualPlan]
    development_perspective: ExportDevelopmentPerspective | None


# -- Case routing (zorgtrajecten) -------------------------------------------------------------
class ExportFactors(BaseModel):
    """Strengths or hindering factors, by where they are."""

    student: str
    school: str
    family: str


class ExportRegistrationForm(BaseModel):
    """The fields of an IZO or ZAT registration form (aanmeldingsformulier)."""

    problem: str
    onset_cause: str
    functioning_at_home: str = Field(description="Restricted in the app")
    support_types: list[str]
    support_other: str
    already_done: str
    earlier_help: str
    earlier_discussed: str
    earlier_investigation: str
    diagnosed_disorder: str = Field(description="Restricted in the app")
    learning_results: str
    social_emotional: str
    interaction: str
    work_attitude: str
    motivation: str
    attendance: str
    other: str
    request_types: list[str] = Field(description="What the school asks of the ZAT")


class ExportCaseSnapshot(BaseModel):
    """The case file as it was when the registration was submitted."""

    reasons: list[str]
    help_question_student: str | None
    help_question_parents: str | None
    guidance_question: str | None
    strengths: ExportFactors
    hindering: ExportFactors
    school_career: str | None
    prior_support: str | None
    parents_informed: bool | None


class ExportCaseRegistration(BaseModel):
    id: uuid.UUID
    kind: str = Field(description="izo or zat")
    status: str
    form: ExportRegistrationForm
    snapshot: ExportCaseSnapshot | None = Field(description="The case file frozen on submission")
    submitted_at: datetime | None
    submitted_by: str | None
    created_at: datetime
    updated_at: datetime


class ExportCaseScreening(BaseModel):
    """The screening of a registration by the zorgcoördinator or the IB'er."""

    id: uuid.UUID
    registration_kind: str
    right_line: bool
    questions_clear: bool
    prior_line_exhausted: bool
    parents_student_aware: bool
    outcome: str
    missing_items: list[str]
    proposed_actions: str | None
    notes: str | None
    screened_by: str
    screened_at: datetime


class ExportCaseConversation(BaseModel):
    """A conversation with the student or the parents about the case."""

    id: uuid.UUID
    with_whom: str = Field(description="student or parents")
    moment: str = Field(description="before, after, kickoff or evaluation")
    forum: str | None
    held_on: date
    participants: str | None
    summary: str = Field(description="Restricted in the app")
    agreements: str | None
    recorded_by: str
    created_at: datetime


class ExportCaseDiscussion(BaseModel):
    """The case on a care meeting's agenda and its minutes. Of the meeting only its title,
    forum and date: the other cases and the members are not part of the export."""

    id: uuid.UUID
    meeting_title: str
    meeting_forum: str = Field(description="izo, zat, leerlingbespreking, ondersteuningsteam, mdo")
    meeting_scheduled_at: datetime
    meeting_status: str
    meeting_held_at: datetime | None
    kind: str = Field(description="new or progress")
    minutes: dict[str, str] = Field(description="The forum's report fields")
    decisions: list[str]
    evaluation_on: date | None
    informs_student_parents: str | None
    relays_advice_to_school: str | None
    discussed_at: datetime | None
    recorded_by: str | None


class ExportActionItem(BaseModel):
    """A line of the plan van aanpak."""

    id: uuid.UUID
    discussion_id: uuid.UUID | None = Field(description="The minutes that set it, if any")
    description: str
    goal: str | None
    owner_name: str
    organisation: str | None
    due_on: date
    status: str
    report: str | None
    done_at: datetime | None
    created_at: datetime


class ExportIntervention(BaseModel):
    """Internal care or coaching, with the effect as the student and the parents saw it."""

    id: uuid.UUID
    kind: str
    goal: str
    provider: str
    starts_on: date
    ends_on: date | None
    frequency: str | None
    evaluation_on: date | None
    status: str
    outcome: str | None
    effect_student: str | None
    effect_student_note: str | None
    effect_parents: str | None
    effect_parents_note: str | None
    transferred_to_class: bool
    created_at: datetime


class ExportReferral(BaseModel):
    """A referral to external care (jeugdgezondheidszorg, jeugdhulp, leerplicht, ...)."""

    id: uuid.UUID
    target: str
    organisation: str | None
    reason: str
    referred_on: date
    consent_id: uuid.UUID | None = Field(description="The consent the sharing rests on")
    legal_ground: str | None
    status: str
    started_on: date | None
    feedback: str | None
    created_at: datetime


class ExportEffort(BaseModel):
    what: str
    period: str
    result: str


class ExportSwvRequest(BaseModel):
    """An arrangement request to the samenwerkingsverband, with its decision and start."""

    id: uuid.UUID
    request_type: str
    temporary: bool
    goals: str
    documented_efforts: list[ExportEffort]
    requested_start: date
    requested_on: date
    consent_id: uuid.UUID | None
    decision: str = Field(description="pending, granted, rejected or withdrawn")
    decided_on: date | None
    decision_note: str | None
    starts_on: date | None
    ended_on: date | None
    created_at: datetime


class ExportCaseClosure(BaseModel):
    evaluated_with_student: bool
    evaluated_with_parents: bool
    outcome: str
    evaluation: str
    aftercare: str
    provisional: bool


class ExportCaseEvent(BaseModel):
    """A line of the case's timeline (the ids in its details point to the records above and are
    left out)."""

    at: datetime
    kind: str
    action: str | None
    step_label: str | None = Field(description="The route's name of the step, for a step")
    from_state: str | None
    from_state_name: str | None
    to_state: str | None
    to_state_name: str | None
    actor_name: str
    reason: str | None


class ExportCase(BaseModel):
    """Zorgtraject: the student's case on the school's route, with everything it holds, the
    restricted parts (home situation, conversation reports) included."""

    id: uuid.UUID
    route_key: str
    route_revision: int
    route_name: str
    state: str
    state_name: str
    level_name: str
    complexity: str
    origin: str
    registrant_name: str
    coordinator_name: str | None = Field(description="Casusregisseur")
    parent_contact_name: str | None
    reasons: list[str]
    help_question_student: str | None
    help_question_parents: str | None
    guidance_question: str | None
    strengths: ExportFactors
    hindering: ExportFactors
    school_career: str | None
    prior_support: str | None
    home_situation: str | None = Field(description="Restricted in the app")
    zat_question: str | None
    parents_informed: bool
    parents_not_informed_reason: str | None
    evaluation_on: date | None
    opened_at: datetime
    first_discussed_at: datetime | None
    state_since: datetime
    closed_at: datetime | None
    closure_provisional: bool
    closure_outcome: str | None
    closure: ExportCaseClosure | None
    updated_at: datetime
    registrations: list[ExportCaseRegistration]
    screenings: list[ExportCaseScreening]
    conversations: list[ExportCaseConversation]
    discussions: list[ExportCaseDiscussion]
    action_items: list[ExportActionItem]
    interventions: list[ExportIntervention]
    referrals: list[ExportReferral]
    swv_requests: list[ExportSwvRequest]
    events: list[ExportCaseEvent] = Field(description="The timeline, oldest first")


class StudentExport(BaseModel):
    generated_at: datetime
    generated_by: str
    school_id: uuid.UUID
    school_name: str
    student: ExportStudent
    guardians: list[ExportGuardian]
    enrolments: list[ExportEnrolment]
    notes: list[ExportNote]
    support: ExportSupport = Field(description="Handelingsgericht werken en ondersteuning")
    cases: list[ExportCase] = Field(
        description="Zorgtrajecten: de casussen van de leerling in de zorgroute van de school, "
        "met aanmeldingen, screenings, gesprekken, verslagen van zorgoverleggen, actiepunten, "
        "interventies, verwijzingen, aanvragen bij het samenwerkingsverband en de tijdlijn"
    )
    consents: list[ExportConsent]
    disclosures: list[ExportDisclosure]
    access_grants: list[ExportAccessGrant]
    legal_holds: list[ExportLegalHold]
    audit_trail: list[ExportAuditEvent]
