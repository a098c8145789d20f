"""Read and write models of case routing: routes, cases, registrations, screenings,
conversations, care meetings, action items, interventions, referrals and SWV requests."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zorgroute.cases.routes import RouteDefinition
from zorgroute.hgw.schemas import Required, Short, Text

Complexity = Literal["regular", "complex"]
Origin = Literal["group_meeting", "manual", "shortened", "po_transfer", "observation"]
RegistrationKind = Literal["izo", "zat"]
RegistrationStatus = Literal["draft", "submitted", "info_requested", "accepted", "returned"]
ScreeningOutcome = Literal["accept", "request_info", "first_line_actions"]
ConversationWith = Literal["student", "parents"]
ConversationMoment = Literal["before", "after", "kickoff", "evaluation"]
Forum = Literal["izo", "zat", "leerlingbespreking", "ondersteuningsteam", "mdo"]
MeetingStatus = Literal["scheduled", "held", "cancelled"]
Membership = Literal["standing", "on_call", "external", "student", "parent"]
Attendance = Literal["invited", "present", "absent", "excused"]
DiscussionKind = Literal["new", "progress"]
ActionStatus = Literal["open", "done", "cancelled"]
InterventionKind = Literal[
    "remedial_teaching",
    "dyslexia_support",
    "social_skills_training",
    "fear_of_failure_training",
    "counselling",
    "homework_support",
    "teacher_coaching",
    "parent_support",
    "career_guidance",
    "investigation",
    "enrichment_programme",
    "other",
]
InterventionStatus = Literal["planned", "running", "ended"]
Effect = Literal["effective", "partly", "not_effective", "unknown"]
ReferralTarget = Literal[
    "jgz", "jeugdhulp", "cjg", "leerplicht", "ggz", "mee", "verslavingszorg", "other"
]
ReferralStatus = Literal["requested", "started", "ended", "declined"]
SwvRequestType = Literal[
    "ambulant_support", "consultation", "rebound", "special_education", "other"
]
SwvDecision = Literal["pending", "granted", "rejected", "withdrawn"]
ClosureOutcome = Literal["goals_met", "partly_met", "referred_on", "moved_school", "other"]
# Reasons for a registration (care-route.md §2.2).
Reason = Literal[
    "insufficient_benefit",  # herhaald onvoldoende geprofiteerd van het extra aanbod
    "needs_unclear",  # ontwikkelingsperspectief / onderwijsbehoeften blijven onduidelijk
    "suspected_disorder",  # ernstige vermoedens van een stoornis
    "severe_behaviour",
    "home_situation",  # problematische opvoedsituatie of leefomgeving
    "too_large_for_first_line",
    "gifted_complex",  # (hoog)begaafd met een complexe ondersteuningsvraag
]
SupportType = Literal[
    "investigation_needs_opp", "student_guidance", "teacher_guidance", "parent_guidance", "other"
]
DeadlineKind = Literal[
    "case_evaluation",
    "action_item",
    "intervention_evaluation",
    "registration_waiting",
    "swv_start",
    "opp_due",
    "discussion_waiting",
]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- routes ---------------------------------------------------------------------------------
class GuardInfo(BaseModel):
    code: str
    parameters: list[str] | None
    label: str


class RouteTemplate(BaseModel):
    key: str
    definition: RouteDefinition


class RouteLibrary(BaseModel):
    """What a school admin composes a route from."""

    templates: list[RouteTemplate]
    guards: list[GuardInfo]
    roles: list[str]


class RouteCreate(_In):
    """A new revision of a route: from a template, or an adapted definition."""

    key: str = Field(pattern=r"^[a-z0-9-]{2,60}$", description="e.g. 'vo-izo-zat'")
    template: str | None = Field(default=None, max_length=60)
    definition: RouteDefinition | None = None
    change_note: Text = ""

    @model_validator(mode="after")
    def _one_source(self) -> RouteCreate:
        if (self.template is None) == (self.definition is None):
            raise ValueError("Give either a template or a definition.")
        return self


class RouteSummary(BaseModel):
    id: uuid.UUID
    key: str
    revision: int
    name: str
    template: str | None
    created_at: datetime
    created_by: str
    open_cases: int


class RouteRead(RouteSummary):
    definition: RouteDefinition
    change_note: str | None


# -- the case -------------------------------------------------------------------------------
class Factors(_In):
    """Strengths or hindering factors, by where they are (interaction view, R2)."""

    student: Text = ""
    school: Text = ""
    family: Text = ""


class CaseFields(_In):
    """What the registrant and the care team fill in on the case (all optional here; the
    route's guards say what a step needs)."""

    reasons: list[Reason] | None = Field(default=None, max_length=7)
    complexity: Complexity | None = None
    help_question_student: Text | None = Field(default=None, description="'Help mij ...'")
    help_question_parents: Text | None = None
    guidance_question: Text | None = Field(
        default=None, description="'Hoe kan ik deze leerling ...?'"
    )
    strengths: Factors | None = None
    hindering: Factors | None = None
    school_career: Text | None = Field(default=None, description="afstroom, doublures")
    prior_support: Text | None = None
    home_situation: Text | None = Field(default=None, description="restricted")
    zat_question: Text | None = None
    parents_informed: bool | None = None
    parents_not_informed_reason: Text | None = Field(
        default=None, description="required when parents are not informed (safety)"
    )
    coordinator_staff_id: uuid.UUID | None = None
    parent_contact_staff_id: uuid.UUID | None = None
    evaluation_on: date | None = None


class CaseOpen(CaseFields):
    student_id: uuid.UUID
    route_key: str = Field(pattern=r"^[a-z0-9-]{2,60}$")
    action: str = Field(
        pattern=r"^[a-z0-9_]{1,40}$", description="The route's entry, e.g. 'open_izo'"
    )
    origin_decision_id: uuid.UUID | None = Field(
        default=None, description="The group meeting's decision 'register with the care team'"
    )
    reason: Text = ""


class CaseUpdate(CaseFields):
    pass


class ClosureIn(_In):
    evaluated_with_student: bool
    evaluated_with_parents: bool
    outcome: ClosureOutcome
    evaluation: Required
    aftercare: Text = ""
    provisional: bool = False


class TransitionIn(_In):
    action: str = Field(pattern=r"^[a-z0-9_]{1,40}$")
    reason: Text = ""
    closure: ClosureIn | None = None


class StaffRef(BaseModel):
    id: uuid.UUID
    name: str


class ActionOption(BaseModel):
    """A step the route offers from the current state: whether the caller's role may take it,
    and what is still missing."""

    key: str
    action: str
    label: str
    to: str | None
    to_name: str | None
    allowed: bool
    missing: list[str]
    missing_labels: list[str]


class CaseEventRead(BaseModel):
    id: uuid.UUID
    kind: str
    action: str | None
    transition_key: str | None
    from_state: str | None
    to_state: str | None
    actor_name: str
    reason: str | None
    details: dict[str, Any]
    at: datetime


class RegistrationWrite(_In):
    """The form's own fields. IZO (Appendix 20): problem, onset_cause, functioning_at_home,
    support_types, already_done, earlier_help, earlier_discussed, earlier_investigation,
    diagnosed_disorder, learning_results, social_emotional, interaction, work_attitude,
    motivation, attendance, other. ZAT adds request_types and strengths of parents and school."""

    problem: Text = ""
    onset_cause: Text = ""
    functioning_at_home: Text = Field(default="", description="restricted")
    support_types: list[SupportType] = Field(default_factory=list, max_length=5)
    support_other: Text = ""
    already_done: Text = ""
    earlier_help: Text = ""
    earlier_discussed: Text = ""
    earlier_investigation: Text = ""
    diagnosed_disorder: Text = Field(default="", description="restricted")
    learning_results: Text = ""
    social_emotional: Text = ""
    interaction: Text = ""
    work_attitude: Text = ""
    motivation: Text = ""
    attendance: Text = ""
    other: Text = ""
    request_types: list[
        Literal["advice_support_school", "external_help", "other_school_or_special"]
    ] = Field(default_factory=list, max_length=3)


class RegistrationRead(BaseModel):
    id: uuid.UUID
    kind: RegistrationKind
    status: RegistrationStatus
    form: RegistrationWrite
    submitted_at: datetime | None
    submitted_by: str | None
    version: int


class ScreeningIn(_In):
    right_line: bool = Field(description="Hoort het probleem in deze lijn?")
    questions_clear: bool = Field(description="Zijn hulpvraag en begeleidingsvraag helder?")
    prior_line_exhausted: bool = Field(description="Heeft de vorige lijn gedaan wat kon?")
    parents_student_aware: bool = Field(description="Zijn ouders en leerling op de hoogte?")
    outcome: ScreeningOutcome
    missing_items: list[Short] = Field(default_factory=list, max_length=20)
    proposed_actions: Text = ""
    notes: Text = ""

    @model_validator(mode="after")
    def _consistent(self) -> ScreeningIn:
        if self.outcome == "request_info" and not self.missing_items:
            raise ValueError("Name what the registrant should add (missing_items).")
        if self.outcome == "first_line_actions" and not self.proposed_actions:
            raise ValueError("Name the first-line actions you propose (proposed_actions).")
        return self


class ScreeningRead(BaseModel):
    id: uuid.UUID
    registration_kind: RegistrationKind
    right_line: bool
    questions_clear: bool
    prior_line_exhausted: bool
    parents_student_aware: bool
    outcome: ScreeningOutcome
    missing_items: list[str]
    proposed_actions: str | None
    notes: str | None
    screened_by: str
    screened_at: datetime


class ConversationIn(_In):
    with_whom: ConversationWith
    moment: ConversationMoment
    forum: RegistrationKind | None = Field(default=None, description="before/after IZO or ZAT")
    held_on: date
    participants: Text = ""
    summary: Required
    agreements: Text = ""


class ConversationRead(BaseModel):
    id: uuid.UUID
    with_whom: ConversationWith
    moment: ConversationMoment
    forum: str | None
    held_on: date
    participants: str | None
    summary: str | None  # null for roles that do not see restricted content
    agreements: str | None
    recorded_by: str


class ActionItemIn(_In):
    description: Required
    goal: Text = ""
    owner_name: Short
    owner_user_id: uuid.UUID | None = None
    owner_staff_id: uuid.UUID | None = Field(
        default=None, description="A staff member of the school; their account owns the item"
    )
    organisation: Text = ""
    due_on: date


class ActionItemUpdate(_In):
    status: ActionStatus | None = None
    report: Text | None = None
    due_on: date | None = None
    owner_name: Short | None = None


class ActionItemRead(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    discussion_id: uuid.UUID | None
    description: str
    goal: str | None
    owner_name: str
    owner_user_id: uuid.UUID | None
    organisation: str | None
    due_on: date
    status: ActionStatus
    report: str | None
    overdue: bool
    version: int


class InterventionIn(_In):
    kind: InterventionKind
    goal: Required = Field(description="A measurable goal (R32)")
    provider: Short
    starts_on: date
    ends_on: date | None = None
    frequency: Text = ""
    evaluation_on: date | None = None


class InterventionUpdate(_In):
    status: InterventionStatus | None = None
    ends_on: date | None = None
    evaluation_on: date | None = None
    outcome: Text | None = None
    effect_student: Effect | None = None
    effect_student_note: Text | None = None
    effect_parents: Effect | None = None
    effect_parents_note: Text | None = None
    transferred_to_class: bool | None = None


class InterventionRead(BaseModel):
    id: uuid.UUID
    kind: InterventionKind
    goal: str
    provider: str
    starts_on: date
    ends_on: date | None
    frequency: str | None
    evaluation_on: date | None
    status: InterventionStatus
    outcome: str | None
    effect_student: Effect | None
    effect_student_note: str | None
    effect_parents: Effect | None
    effect_parents_note: str | None
    transferred_to_class: bool
    version: int


class ReferralIn(_In):
    target: ReferralTarget
    organisation: Text = ""
    reason: Required
    referred_on: date
    consent_id: uuid.UUID | None = Field(
        default=None, description="The parents' consent to share (not needed for leerplicht)"
    )


class ReferralUpdate(_In):
    status: ReferralStatus | None = None
    started_on: date | None = None
    feedback: Text | None = None


class ReferralRead(BaseModel):
    id: uuid.UUID
    target: ReferralTarget
    organisation: str | None
    reason: str
    referred_on: date
    consent_id: uuid.UUID | None
    legal_ground: str | None
    status: ReferralStatus
    started_on: date | None
    feedback: str | None
    version: int


class Effort(_In):
    """One documented effort: what was done, when, with what result (R33)."""

    what: Required
    period: Text = ""
    result: Text = ""


class SwvRequestIn(_In):
    request_type: SwvRequestType
    temporary: bool = False
    goals: Required
    documented_efforts: list[Effort] = Field(default_factory=list, max_length=30)
    requested_start: date
    requested_on: date


class SwvDecisionIn(_In):
    decision: SwvDecision
    decided_on: date | None = None
    decision_note: Text = ""
    starts_on: date | None = None
    ended_on: date | None = None


class SwvRequestRead(BaseModel):
    id: uuid.UUID
    request_type: SwvRequestType
    temporary: bool
    goals: str
    documented_efforts: list[Effort]
    requested_start: date
    requested_on: date
    decision: SwvDecision
    decided_on: date | None
    decision_note: str | None
    starts_on: date | None
    ended_on: date | None
    weeks_to_start: float | None = Field(description="request to start; the norm is at most 8")
    version: int


class DiscussionSummary(BaseModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    forum: Forum
    meeting_title: str
    scheduled_at: datetime
    kind: DiscussionKind
    discussed_at: datetime | None
    decisions: list[str]
    evaluation_on: date | None


class CaseSummary(BaseModel):
    """A card on the case board."""

    id: uuid.UUID
    school_id: uuid.UUID
    student_id: uuid.UUID
    student_name: str
    group_names: list[str]
    route_key: str
    route_revision: int
    state: str
    state_name: str
    level: str
    complexity: Complexity
    coordinator: StaffRef | None
    mentors: list[str]
    opened_at: datetime
    state_since: datetime
    closed_at: datetime | None
    next_deadline: date | None
    next_deadline_label: str | None
    overdue: bool
    version: int


class CaseRead(CaseSummary):
    route_id: uuid.UUID
    registration_kind: RegistrationKind | None = Field(
        description="The registration form the current state works on"
    )
    origin: Origin
    origin_meeting_id: uuid.UUID | None
    registrant_name: str
    reasons: list[str]
    help_question_student: str | None
    help_question_parents: str | None
    guidance_question: str | None
    strengths: Factors
    hindering: Factors
    school_career: str | None
    prior_support: str | None
    home_situation: str | None = Field(description="null unless the caller sees restricted data")
    zat_question: str | None
    parents_informed: bool
    parents_not_informed_reason: str | None
    parent_contact: StaffRef | None
    evaluation_on: date | None
    first_discussed_at: datetime | None
    closure_provisional: bool
    closure_outcome: ClosureOutcome | None
    closure: ClosureIn | None
    editable: bool
    sees_restricted: bool
    actions: list[ActionOption]
    registrations: list[RegistrationRead]
    screenings: list[ScreeningRead]
    conversations: list[ConversationRead]
    discussions: list[DiscussionSummary]
    action_items: list[ActionItemRead]
    interventions: list[InterventionRead]
    referrals: list[ReferralRead]
    swv_requests: list[SwvRequestRead]
    events: list[CaseEventRead]


class BoardColumn(BaseModel):
    state: str
    name: str
    level: str
    closed: bool
    cards: list[CaseSummary]


class CaseBoard(BaseModel):
    """Case board (zorgbord) of one route: a column per state."""

    route: RouteSummary
    columns: list[BoardColumn]


class CaseRequest(BaseModel):
    """A group meeting decided 'register with the care team' and no case is open for it yet."""

    decision_id: uuid.UUID
    meeting_id: uuid.UUID
    group_name: str
    held_on: date | None
    student_id: uuid.UUID
    student_name: str
    note: str | None


class CaseGrantIn(_In):
    """Time-boxed access of an external partner to this case (ZAT member, jeugdarts)."""

    user_id: uuid.UUID
    consent_id: uuid.UUID
    valid_until: datetime


class CaseGrantRead(BaseModel):
    id: uuid.UUID
    user_id: uuid.UUID
    case_id: uuid.UUID
    valid_from: datetime
    valid_until: datetime


# -- care meetings --------------------------------------------------------------------------
class MemberIn(_In):
    name: Short
    user_id: uuid.UUID | None = None
    staff_id: uuid.UUID | None = Field(
        default=None, description="A staff member of the school (their account is the member)"
    )
    role_label: Text = ""
    organisation: Text = ""
    membership: Membership
    attendance: Attendance = "invited"


class MemberRead(BaseModel):
    id: uuid.UUID
    name: str
    user_id: uuid.UUID | None
    role_label: str | None
    organisation: str | None
    membership: Membership
    attendance: Attendance


class CareMeetingCreate(_In):
    forum: Forum
    title: Short
    scheduled_at: datetime
    location: Text = ""
    chair_staff_id: uuid.UUID | None = None
    minute_taker: Text = ""
    members: list[MemberIn] = Field(default_factory=list, max_length=40)


class CareMeetingUpdate(_In):
    title: Short | None = None
    scheduled_at: datetime | None = None
    location: Text | None = None
    chair_staff_id: uuid.UUID | None = None
    minute_taker: Text | None = None
    status: MeetingStatus | None = None
    members: list[MemberIn] | None = Field(default=None, max_length=40)


class AgendaItemIn(_In):
    case_id: uuid.UUID
    kind: DiscussionKind


class DiscussionWrite(_In):
    """Minutes of one case (verslag): the forum's report fields, decisions, the evaluation date,
    who informs student and parents and who relays the advice to the school, new action items,
    and optionally the route step the discussion leads to (e.g. 'discuss')."""

    minutes: dict[str, Text] = Field(default_factory=dict, max_length=20)
    decisions: list[Short] = Field(default_factory=list, max_length=20)
    evaluation_on: date | None = None
    informs_student_parents: Text = ""
    relays_advice_to_school: Text = ""
    action_items: list[ActionItemIn] = Field(default_factory=list, max_length=30)
    then_action: str | None = Field(default=None, pattern=r"^[a-z0-9_]{1,40}$")


class AgendaItemRead(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    student_name: str | None = Field(description="null for members who may not read the case")
    state: str
    state_name: str
    kind: DiscussionKind
    position: int
    minutes: dict[str, str] | None = Field(description="null for members who may not read it")
    decisions: list[str]
    evaluation_on: date | None
    informs_student_parents: str | None
    relays_advice_to_school: str | None
    discussed_at: datetime | None
    actions: list[ActionOption]
    case_version: int
    version: int


class CareMeetingSummary(BaseModel):
    id: uuid.UUID
    school_id: uuid.UUID
    forum: Forum
    title: str
    scheduled_at: datetime
    status: MeetingStatus
    cases: int
    case_pack_sent_at: datetime | None


class CareMeetingRead(CareMeetingSummary):
    location: str | None
    chair: StaffRef | None
    minute_taker: str | None
    held_at: datetime | None
    members: list[MemberRead]
    agenda: list[AgendaItemRead]
    editable: bool
    version: int


class CasePackItem(BaseModel):
    """What one member may read of a case on the agenda, sent before the meeting."""

    case_id: uuid.UUID
    kind: DiscussionKind
    student_name: str
    state_name: str
    help_question_student: str | None
    help_question_parents: str | None
    guidance_question: str | None
    strengths: Factors | None
    hindering: Factors | None
    zat_question: str | None
    registration: RegistrationRead | None
    open_action_items: list[ActionItemRead]


class CasePack(BaseModel):
    meeting_id: uuid.UUID
    sent_at: datetime | None
    items: list[CasePackItem]
    withheld: int = Field(description="agenda cases the caller may not read")


# -- deadlines ------------------------------------------------------------------------------
class CareDeadline(BaseModel):
    kind: DeadlineKind
    case_id: uuid.UUID | None
    record_id: uuid.UUID
    student_id: uuid.UUID
    student_name: str
    title: str
    due_on: date
    days_overdue: int
    overdue: bool
    owner: str | None
    mine: bool


class CareMetrics(BaseModel):
    """Lead times over the school's cases (medians in days; the SWV norm is 8 weeks)."""

    open_cases: int
    registration_to_first_discussion_days: float | None
    swv_request_to_start_days: float | None
    swv_requests_over_norm: int


class CareDashboard(BaseModel):
    items: list[CareDeadline]
    metrics: CareMetrics
