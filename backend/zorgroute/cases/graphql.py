"""GraphQL fields of case routing: the school's routes, cases and their follow-up, care meetings
and the care dashboard. No SQL, no authorization logic here: the services decide (the same calls
as cases/rest.py), these fields translate.

Every type is written field by field. Two values are JSON: a discussion's `minutes` (free-form
report fields of the forum) and a timeline event's `details`."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from zorgroute.cases import board, cases, followup, meetings, route_admin
from zorgroute.cases.meetings import MEETING_NOT_FOUND
from zorgroute.cases.policies import CASE_NOT_FOUND
from zorgroute.cases.routes import Forum, Level, RouteDefinition, State, Transition
from zorgroute.cases.schemas import (
    ActionItemIn,
    ActionItemRead,
    ActionItemUpdate,
    ActionOption,
    AgendaItemIn,
    AgendaItemRead,
    BoardColumn,
    CareDashboard,
    CareDeadline,
    CareMeetingCreate,
    CareMeetingRead,
    CareMeetingSummary,
    CareMeetingUpdate,
    CareMetrics,
    CaseBoard,
    CaseEventRead,
    CaseGrantIn,
    CaseGrantRead,
    CaseOpen,
    CasePack,
    CasePackItem,
    CaseRead,
    CaseRequest,
    CaseSummary,
    CaseUpdate,
    ClosureIn,
    ConversationIn,
    ConversationRead,
    DiscussionSummary,
    DiscussionWrite,
    Effort,
    Factors,
    GuardInfo,
    InterventionIn,
    InterventionRead,
    InterventionUpdate,
    MemberRead,
    ReferralIn,
    ReferralRead,
    ReferralUpdate,
    RegistrationRead,
    RegistrationWrite,
    RouteCreate,
    RouteLibrary,
    RouteRead,
    RouteSummary,
    RouteTemplate,
    ScreeningIn,
    ScreeningRead,
    StaffRef,
    SwvDecisionIn,
    SwvRequestIn,
    SwvRequestRead,
    TransitionIn,
)
from zorgroute.core.errors import Forbidden, ValidationFailed
from zorgroute.graphql.errors import Problem
from zorgroute.graphql.results import answer, given, some_id, visible
from zorgroute.hgw.policies import SCHOOL_NOT_FOUND

# For ids that cannot be ours at all (not a UUID), worded as the services word the rest.
REGISTRATION_KINDS = ("izo", "zat")


def _id(value: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(value))


def _opt_id(value: uuid.UUID | None) -> strawberry.ID | None:
    return strawberry.ID(str(value)) if value is not None else None


# -- routes ---------------------------------------------------------------------------------
@strawberry.type(name="CareRouteLevel", description="A line of support (eerste, tweede lijn...)")
class LevelType:
    key: str
    name: str

    @classmethod
    def of(cls, lv: Level) -> LevelType:
        return cls(key=lv.key, name=lv.name)


@strawberry.type(name="CareRouteForum", description="Where a case is discussed (IZO, ZAT, ...)")
class ForumType:
    key: str
    name: str
    meeting: str | None = strawberry.field(
        description="The kind of care meeting that serves this forum, if any"
    )

    @classmethod
    def of(cls, f: Forum) -> ForumType:
        return cls(key=f.key, name=f.name, meeting=f.meeting)


@strawberry.type(name="CareRouteState", description="A state a case can be in")
class StateType:
    key: str
    name: str
    level: str
    forum: str | None
    closed: bool
    registration: str | None = strawberry.field(
        description="The registration form (izo or zat) this state works on"
    )

    @classmethod
    def of(cls, s: State) -> StateType:
        return cls(
            key=s.key,
            name=s.name,
            level=s.level,
            forum=s.forum,
            closed=s.closed,
            registration=s.registration,
        )


@strawberry.type(
    name="CareRouteTransition",
    description="A row of the route's table: from these states, this action leads there",
)
class TransitionType:
    key: str
    action: str
    label: str
    from_states: list[str] = strawberry.field(
        name="from",
        description="The states it starts from (`*`: every open state); empty for an entry, "
        "which opens a case",
    )
    to: str | None = strawberry.field(
        description="null: recorded without changing the state (e.g. an external referral)"
    )
    roles: list[str] = strawberry.field(description="School roles and relations that may take it")
    guards: list[str] = strawberry.field(
        description="What must hold, from the guard library (`code` or `code:parameter`)"
    )

    @classmethod
    def of(cls, t: Transition) -> TransitionType:
        return cls(
            key=t.key,
            action=t.action,
            label=t.label,
            from_states=list(t.from_states),
            to=t.to,
            roles=list(t.roles),
            guards=list(t.guards),
        )


@strawberry.type(name="CareRouteDefinition", description="A route as data: the transition table")
class DefinitionType:
    name: str
    description: str | None
    levels: list[LevelType]
    forums: list[ForumType]
    states: list[StateType]
    transitions: list[TransitionType]

    @classmethod
    def of(cls, d: RouteDefinition) -> DefinitionType:
        return cls(
            name=d.name,
            description=d.description,
            levels=[LevelType.of(lv) for lv in d.levels],
            forums=[ForumType.of(f) for f in d.forums],
            states=[StateType.of(s) for s in d.states],
            transitions=[TransitionType.of(t) for t in d.transitions],
        )


@strawberry.type(name="CareRouteTemplate", description="A route a school starts from")
class TemplateType:
    key: str
    definition: DefinitionType

    @classmethod
    def of(cls, t: RouteTemplate) -> TemplateType:
        return cls(key=t.key, definition=DefinitionType.of(t.definition))


@strawberry.type(name="CareRouteGuard", description="A guard of the library a step may require")
class GuardType:
    code: str
    parameters: list[str] | None = strawberry.field(
        description="The values it takes after a colon (e.g. izo, zat); null: none"
    )
    label: str

    @classmethod
    def of(cls, g: GuardInfo) -> GuardType:
        return cls(
            code=g.code,
            parameters=list(g.parameters) if g.parameters is not None else None,
            label=g.label,
        )


@strawberry.type(
    name="CareRouteLibrary",
    description="What a school composes a route from: templates, guards and the roles a "
    "transition table may name",
)
class LibraryType:
    templates: list[TemplateType]
    guards: list[GuardType]
    roles: list[str]

    @classmethod
    def of(cls, lib: RouteLibrary) -> LibraryType:
        return cls(
            templates=[TemplateType.of(t) for t in lib.templates],
            guards=[GuardType.of(g) for g in lib.guards],
            roles=list(lib.roles),
        )


@strawberry.type(name="CareRouteSummary", description="A route of the school, latest revision")
class RouteSummaryType:
    id: strawberry.ID
    key: str
    revision: int
    name: str
    template: str | None
    created_at: datetime
    created_by: str
    open_cases: int

    @classmethod
    def of(cls, r: RouteSummary) -> RouteSummaryType:
        return cls(
            id=_id(r.id),
            key=r.key,
            revision=r.revision,
            name=r.name,
            template=r.template,
            created_at=r.created_at,
            created_by=r.created_by,
            open_cases=r.open_cases,
        )


@strawberry.type(name="CareRoute", description="A revision of a school's route, with its table")
class RouteType:
    id: strawberry.ID
    key: str
    revision: int
    name: str
    template: str | None
    created_at: datetime
    created_by: str
    open_cases: int
    definition: DefinitionType
    change_note: str | None

    @classmethod
    def of(cls, r: RouteRead) -> RouteType:
        return cls(
            id=_id(r.id),
            key=r.key,
            revision=r.revision,
            name=r.name,
            template=r.template,
            created_at=r.created_at,
            created_by=r.created_by,
            open_cases=r.open_cases,
            definition=DefinitionType.of(r.definition),
            change_note=r.change_note,
        )


@strawberry.type(description="The school's routes, latest revision of each")
class CareRouteList:
    items: list[RouteSummaryType]


# -- the case -------------------------------------------------------------------------------
@strawberry.type(
    name="CaseFactors", description="Strengths or hindering factors, by where they are"
)
class FactorsType:
    student: str
    school: str
    family: str

    @classmethod
    def of(cls, f: Factors) -> FactorsType:
        return cls(student=f.student, school=f.school, family=f.family)


@strawberry.type(name="StaffRef", description="A staff member of the school, by name")
class StaffRefType:
    id: strawberry.ID
    name: str

    @classmethod
    def of(cls, s: StaffRef) -> StaffRefType:
        return cls(id=_id(s.id), name=s.name)

    @classmethod
    def maybe(cls, s: StaffRef | None) -> StaffRefType | None:
        return cls.of(s) if s is not None else None


@strawberry.type(
    name="CaseActionOption",
    description="A step the route offers from the case's state: whether your role may take "
    "it, and what it still misses",
)
class ActionOptionType:
    key: str
    action: str
    label: str
    to: str | None
    to_name: str | None
    allowed: bool
    missing: list[str] = strawberry.field(description="Guards that do not hold yet")
    missing_labels: list[str]

    @classmethod
    def of(cls, o: ActionOption) -> ActionOptionType:
        return cls(
            key=o.key,
            action=o.action,
            label=o.label,
            to=o.to,
            to_name=o.to_name,
            allowed=o.allowed,
            missing=list(o.missing),
            missing_labels=list(o.missing_labels),
        )


@strawberry.type(name="CaseEvent", description="An event of the case's timeline")
class CaseEventType:
    id: strawberry.ID
    kind: str
    action: str | None
    transition_key: str | None
    from_state: str | None
    to_state: str | None
    actor_name: str
    reason: str | None
    details: JSON = strawberry.field(
        description="What the event refers to (ids, forum, route revision); never care notes"
    )
    at: datetime

    @classmethod
    def of(cls, e: CaseEventRead) -> CaseEventType:
        return cls(
            id=_id(e.id),
            kind=e.kind,
            action=e.action,
            transition_key=e.transition_key,
            from_state=e.from_state,
            to_state=e.to_state,
            actor_name=e.actor_name,
            reason=e.reason,
            details=JSON(dict(e.details)),
            at=e.at,
        )


@strawberry.type(
    name="CaseRegistrationForm",
    description="The IZO or ZAT registration form's fields (`functioningAtHome` and "
    "`diagnosedDisorder` are empty unless you see restricted content)",
)
class RegistrationFormType:
    problem: str
    onset_cause: str
    functioning_at_home: str
    support_types: list[str]
    support_other: str
    already_done: str
    earlier_help: str
    earlier_discussed: str
    earlier_investigation: str
    diagnosed_disorder: str
    learning_results: str
    social_emotional: str
    interaction: str
    work_attitude: str
    motivation: str
    attendance: str
    other: str
    request_types: list[str] = strawberry.field(description="ZAT only")

    @classmethod
    def of(cls, f: RegistrationWrite) -> RegistrationFormType:
        return cls(
            problem=f.problem,
            onset_cause=f.onset_cause,
            functioning_at_home=f.functioning_at_home,
            support_types=list(f.support_types),
            support_other=f.support_other,
            already_done=f.already_done,
            earlier_help=f.earlier_help,
            earlier_discussed=f.earlier_discussed,
            earlier_investigation=f.earlier_investigation,
            diagnosed_disorder=f.diagnosed_disorder,
            learning_results=f.learning_results,
            social_emotional=f.social_emotional,
            interaction=f.interaction,
            work_attitude=f.work_attitude,
            motivation=f.motivation,
            attendance=f.attendance,
            other=f.other,
            request_types=list(f.request_types),
        )


@strawberry.type(name="CaseRegistration", description="An IZO or ZAT registration of the case")
class RegistrationType:
    id: strawberry.ID
    kind: str
    registration_status: str = strawberry.field(
        description="draft, submitted, info_requested, accepted or returned (`status` in REST; "
        "renamed so that it never clashes with Problem.status in a result union)"
    )
    form: RegistrationFormType
    submitted_at: datetime | None
    submitted_by: str | None
    version: int

    @classmethod
    def of(cls, r: RegistrationRead) -> RegistrationType:
        return cls(
            id=_id(r.id),
            kind=r.kind,
            registration_status=r.status,
            form=RegistrationFormType.of(r.form),
            submitted_at=r.submitted_at,
            submitted_by=r.submitted_by,
            version=r.version,
        )


@strawberry.type(name="CaseScreening", description="The screening of a submitted registration")
class ScreeningType:
    id: strawberry.ID
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

    @classmethod
    def of(cls, s: ScreeningRead) -> ScreeningType:
        return cls(
            id=_id(s.id),
            registration_kind=s.registration_kind,
            right_line=s.right_line,
            questions_clear=s.questions_clear,
            prior_line_exhausted=s.prior_line_exhausted,
            parents_student_aware=s.parents_student_aware,
            outcome=s.outcome,
            missing_items=list(s.missing_items),
            proposed_actions=s.proposed_actions,
            notes=s.notes,
            screened_by=s.screened_by,
            screened_at=s.screened_at,
        )


@strawberry.type(
    name="CaseConversation", description="A conversation with the student or the parents"
)
class ConversationType:
    id: strawberry.ID
    with_whom: str
    moment: str
    forum: str | None
    held_on: date
    participants: str | None
    summary: str | None = strawberry.field(
        description="null for roles that do not see restricted content"
    )
    agreements: str | None
    recorded_by: str

    @classmethod
    def of(cls, c: ConversationRead) -> ConversationType:
        return cls(
            id=_id(c.id),
            with_whom=c.with_whom,
            moment=c.moment,
            forum=c.forum,
            held_on=c.held_on,
            participants=c.participants,
            summary=c.summary,
            agreements=c.agreements,
            recorded_by=c.recorded_by,
        )


@strawberry.type(name="CaseDiscussionSummary", description="A care meeting that discussed it")
class DiscussionSummaryType:
    id: strawberry.ID
    meeting_id: strawberry.ID
    forum: str
    meeting_title: str
    scheduled_at: datetime
    kind: str
    discussed_at: datetime | None
    decisions: list[str]
    evaluation_on: date | None

    @classmethod
    def of(cls, d: DiscussionSummary) -> DiscussionSummaryType:
        return cls(
            id=_id(d.id),
            meeting_id=_id(d.meeting_id),
            forum=d.forum,
            meeting_title=d.meeting_title,
            scheduled_at=d.scheduled_at,
            kind=d.kind,
            discussed_at=d.discussed_at,
            decisions=list(d.decisions),
            evaluation_on=d.evaluation_on,
        )


@strawberry.type(name="CaseActionItem", description="An action agreed on for the case")
class ActionItemType:
    id: strawberry.ID
    case_id: strawberry.ID
    discussion_id: strawberry.ID | None
    description: str
    goal: str | None
    owner_name: str
    owner_user_id: strawberry.ID | None
    organisation: str | None
    due_on: date
    item_status: str = strawberry.field(
        description="open, done or cancelled (`status` in REST; renamed so that it never "
        "clashes with Problem.status in a result union)"
    )
    report: str | None
    overdue: bool
    version: int

    @classmethod
    def of(cls, a: ActionItemRead) -> ActionItemType:
        return cls(
            id=_id(a.id),
            case_id=_id(a.case_id),
            discussion_id=_opt_id(a.discussion_id),
            description=a.description,
            goal=a.goal,
            owner_name=a.owner_name,
            owner_user_id=_opt_id(a.owner_user_id),
            organisation=a.organisation,
            due_on=a.due_on,
            item_status=a.status,
            report=a.report,
            overdue=a.overdue,
            version=a.version,
        )


@strawberry.type(name="CaseIntervention", description="An intervention with a measurable goal")
class InterventionType:
    id: strawberry.ID
    kind: str
    goal: str
    provider: str
    starts_on: date
    ends_on: date | None
    frequency: str | None
    evaluation_on: date | None
    intervention_status: str = strawberry.field(
        description="planned, running or ended (`status` in REST; renamed so that it never "
        "clashes with Problem.status in a result union)"
    )
    outcome: str | None
    effect_student: str | None
    effect_student_note: str | None
    effect_parents: str | None
    effect_parents_note: str | None
    transferred_to_class: bool
    version: int

    @classmethod
    def of(cls, i: InterventionRead) -> InterventionType:
        return cls(
            id=_id(i.id),
            kind=i.kind,
            goal=i.goal,
            provider=i.provider,
            starts_on=i.starts_on,
            ends_on=i.ends_on,
            frequency=i.frequency,
            evaluation_on=i.evaluation_on,
            intervention_status=i.status,
            outcome=i.outcome,
            effect_student=i.effect_student,
            effect_student_note=i.effect_student_note,
            effect_parents=i.effect_parents,
            effect_parents_note=i.effect_parents_note,
            transferred_to_class=i.transferred_to_class,
            version=i.version,
        )


@strawberry.type(name="CaseReferral", description="An external referral (JGZ, jeugdhulp, ...)")
class ReferralType:
    id: strawberry.ID
    target: str
    organisation: str | None
    reason: str
    referred_on: date
    consent_id: strawberry.ID | None
    legal_ground: str | None
    referral_status: str = strawberry.field(
        description="requested, started, ended or declined (`status` in REST; renamed so that "
        "it never clashes with Problem.status in a result union)"
    )
    started_on: date | None
    feedback: str | None
    version: int

    @classmethod
    def of(cls, r: ReferralRead) -> ReferralType:
        return cls(
            id=_id(r.id),
            target=r.target,
            organisation=r.organisation,
            reason=r.reason,
            referred_on=r.referred_on,
            consent_id=_opt_id(r.consent_id),
            legal_ground=r.legal_ground,
            referral_status=r.status,
            started_on=r.started_on,
            feedback=r.feedback,
            version=r.version,
        )


@strawberry.type(name="SwvEffort", description="A documented effort: what, when, what result")
class EffortType:
    what: str
    period: str
    result: str

    @classmethod
    def of(cls, e: Effort) -> EffortType:
        return cls(what=e.what, period=e.period, result=e.result)


@strawberry.type(
    name="SwvRequest", description="An arrangement request to the samenwerkingsverband"
)
class SwvRequestType:
    id: strawberry.ID
    request_type: str
    temporary: bool
    goals: str
    documented_efforts: list[EffortType]
    requested_start: date
    requested_on: date
    decision: str
    decided_on: date | None
    decision_note: str | None
    starts_on: date | None
    ended_on: date | None
    weeks_to_start: float | None = strawberry.field(
        description="Request to start; the norm is at most 8"
    )
    version: int

    @classmethod
    def of(cls, r: SwvRequestRead) -> SwvRequestType:
        return cls(
            id=_id(r.id),
            request_type=r.request_type,
            temporary=r.temporary,
            goals=r.goals,
            documented_efforts=[EffortType.of(e) for e in r.documented_efforts],
            requested_start=r.requested_start,
            requested_on=r.requested_on,
            decision=r.decision,
            decided_on=r.decided_on,
            decision_note=r.decision_note,
            starts_on=r.starts_on,
            ended_on=r.ended_on,
            weeks_to_start=r.weeks_to_start,
            version=r.version,
        )


@strawberry.type(name="CaseClosure", description="How the case was closed")
class ClosureType:
    evaluated_with_student: bool
    evaluated_with_parents: bool
    outcome: str
    evaluation: str
    aftercare: str
    provisional: bool

    @classmethod
    def of(cls, c: ClosureIn) -> ClosureType:
        return cls(
            evaluated_with_student=c.evaluated_with_student,
            evaluated_with_parents=c.evaluated_with_parents,
            outcome=c.outcome,
            evaluation=c.evaluation,
            aftercare=c.aftercare,
            provisional=c.provisional,
        )


@strawberry.type(name="CareCaseSummary", description="A case as a card on the board")
class CaseSummaryType:
    id: strawberry.ID
    student_id: strawberry.ID
    student_name: str
    group_names: list[str]
    route_key: str
    route_revision: int
    state: str
    state_name: str
    level: str
    complexity: str
    coordinator: StaffRefType | None
    mentors: list[str]
    opened_at: datetime
    state_since: datetime
    closed_at: datetime | None
    next_deadline: date | None
    next_deadline_label: str | None
    overdue: bool
    version: int

    @classmethod
    def of(cls, c: CaseSummary) -> CaseSummaryType:
        return cls(
            id=_id(c.id),
            student_id=_id(c.student_id),
            student_name=c.student_name,
            group_names=list(c.group_names),
            route_key=c.route_key,
            route_revision=c.route_revision,
            state=c.state,
            state_name=c.state_name,
            level=c.level,
            complexity=c.complexity,
            coordinator=StaffRefType.maybe(c.coordinator),
            mentors=list(c.mentors),
            opened_at=c.opened_at,
            state_since=c.state_since,
            closed_at=c.closed_at,
            next_deadline=c.next_deadline,
            next_deadline_label=c.next_deadline_label,
            overdue=c.overdue,
            version=c.version,
        )


@strawberry.type(
    name="CareCase",
    description="A case (zorgtraject) with its forms, conversations, discussions, follow-up "
    "and timeline, and the route's next steps with what each still needs",
)
class CaseType:
    id: strawberry.ID
    student_id: strawberry.ID
    student_name: str
    group_names: list[str]
    route_id: strawberry.ID
    route_key: str
    route_revision: int
    state: str
    state_name: str
    level: str
    complexity: str
    coordinator: StaffRefType | None
    mentors: list[str]
    opened_at: datetime
    state_since: datetime
    closed_at: datetime | None
    next_deadline: date | None
    next_deadline_label: str | None
    overdue: bool
    origin: str
    origin_meeting_id: strawberry.ID | None
    registrant_name: str
    reasons: list[str]
    help_question_student: str | None
    help_question_parents: str | None
    guidance_question: str | None
    strengths: FactorsType
    hindering: FactorsType
    school_career: str | None
    prior_support: str | None
    home_situation: str | None = strawberry.field(
        description="null unless you see restricted content"
    )
    zat_question: str | None
    parents_informed: bool
    parents_not_informed_reason: str | None
    parent_contact: StaffRefType | None
    evaluation_on: date | None
    first_discussed_at: datetime | None
    closure_provisional: bool
    closure_outcome: str | None
    closure: ClosureType | None
    editable: bool
    sees_restricted: bool
    actions: list[ActionOptionType] = strawberry.field(
        description="The steps from the current state (see transitionCase)"
    )
    registrations: list[RegistrationType]
    screenings: list[ScreeningType]
    conversations: list[ConversationType]
    discussions: list[DiscussionSummaryType]
    action_items: list[ActionItemType]
    interventions: list[InterventionType]
    referrals: list[ReferralType]
    swv_requests: list[SwvRequestType]
    events: list[CaseEventType]
    version: int

    @classmethod
    def of(cls, c: CaseRead) -> CaseType:
        return cls(
            id=_id(c.id),
            student_id=_id(c.student_id),
            student_name=c.student_name,
            group_names=list(c.group_names),
            route_id=_id(c.route_id),
            route_key=c.route_key,
            route_revision=c.route_revision,
            state=c.state,
            state_name=c.state_name,
            level=c.level,
            complexity=c.complexity,
            coordinator=StaffRefType.maybe(c.coordinator),
            mentors=list(c.mentors),
            opened_at=c.opened_at,
            state_since=c.state_since,
            closed_at=c.closed_at,
            next_deadline=c.next_deadline,
            next_deadline_label=c.next_deadline_label,
            overdue=c.overdue,
            origin=c.origin,
            origin_meeting_id=_opt_id(c.origin_meeting_id),
            registrant_name=c.registrant_name,
            reasons=list(c.reasons),
            help_question_student=c.help_question_student,
            help_question_parents=c.help_question_parents,
            guidance_question=c.guidance_question,
            strengths=FactorsType.of(c.strengths),
            hindering=FactorsType.of(c.hindering),
            school_career=c.school_career,
            prior_support=c.prior_support,
            home_situation=c.home_situation,
            zat_question=c.zat_question,
            parents_informed=c.parents_informed,
            parents_not_informed_reason=c.parents_not_informed_reason,
            parent_contact=StaffRefType.maybe(c.parent_contact),
            evaluation_on=c.evaluation_on,
            first_discussed_at=c.first_discussed_at,
            closure_provisional=c.closure_provisional,
            closure_outcome=c.closure_outcome,
            closure=ClosureType.of(c.closure) if c.closure is not None else None,
            editable=c.editable,
            sees_restricted=c.sees_restricted,
            actions=[ActionOptionType.of(a) for a in c.actions],
            registrations=[RegistrationType.of(r) for r in c.registrations],
            screenings=[ScreeningType.of(s) for s in c.screenings],
            conversations=[ConversationType.of(cv) for cv in c.conversations],
            discussions=[DiscussionSummaryType.of(d) for d in c.discussions],
            action_items=[ActionItemType.of(a) for a in c.action_items],
            interventions=[InterventionType.of(i) for i in c.interventions],
            referrals=[ReferralType.of(r) for r in c.referrals],
            swv_requests=[SwvRequestType.of(r) for r in c.swv_requests],
            events=[CaseEventType.of(e) for e in c.events],
            version=c.version,
        )


@strawberry.type(name="CaseBoardColumn", description="A state of the route, with its cards")
class BoardColumnType:
    state: str
    name: str
    level: str
    closed: bool
    cards: list[CaseSummaryType]

    @classmethod
    def of(cls, c: BoardColumn) -> BoardColumnType:
        return cls(
            state=c.state,
            name=c.name,
            level=c.level,
            closed=c.closed,
            cards=[CaseSummaryType.of(s) for s in c.cards],
        )


@strawberry.type(name="CaseBoard", description="Zorgbord of one route: a column per state")
class BoardType:
    route: RouteSummaryType
    columns: list[BoardColumnType]

    @classmethod
    def of(cls, b: CaseBoard) -> BoardType:
        return cls(
            route=RouteSummaryType.of(b.route),
            columns=[BoardColumnType.of(c) for c in b.columns],
        )


@strawberry.type(
    name="CaseRequest",
    description="A group meeting decided 'register with the care team'; no case is open yet",
)
class CaseRequestType:
    decision_id: strawberry.ID
    meeting_id: strawberry.ID
    group_name: str
    held_on: date | None
    student_id: strawberry.ID
    student_name: str
    note: str | None

    @classmethod
    def of(cls, r: CaseRequest) -> CaseRequestType:
        return cls(
            decision_id=_id(r.decision_id),
            meeting_id=_id(r.meeting_id),
            group_name=r.group_name,
            held_on=r.held_on,
            student_id=_id(r.student_id),
            student_name=r.student_name,
            note=r.note,
        )


@strawberry.type(description="Group-meeting decisions to register that have no case yet")
class CaseRequestList:
    items: list[CaseRequestType]


@strawberry.type(description="A student's cases, open and closed")
class StudentCaseList:
    items: list[CaseSummaryType]


@strawberry.type(
    name="CaseGrant", description="Time-boxed access of an external partner to one case"
)
class CaseGrantType:
    id: strawberry.ID
    user_id: strawberry.ID
    case_id: strawberry.ID
    valid_from: datetime
    valid_until: datetime

    @classmethod
    def of(cls, g: CaseGrantRead) -> CaseGrantType:
        return cls(
            id=_id(g.id),
            user_id=_id(g.user_id),
            case_id=_id(g.case_id),
            valid_from=g.valid_from,
            valid_until=g.valid_until,
        )


# -- care meetings --------------------------------------------------------------------------
@strawberry.type(name="CareMeetingMember", description="A member of the meeting, and attendance")
class MemberType:
    id: strawberry.ID
    name: str
    user_id: strawberry.ID | None
    role_label: str | None
    organisation: str | None
    membership: str
    attendance: str

    @classmethod
    def of(cls, m: MemberRead) -> MemberType:
        return cls(
            id=_id(m.id),
            name=m.name,
            user_id=_opt_id(m.user_id),
            role_label=m.role_label,
            organisation=m.organisation,
            membership=m.membership,
            attendance=m.attendance,
        )


@strawberry.type(name="CareMeetingAgendaItem", description="A case on the agenda, with its minutes")
class AgendaItemType:
    id: strawberry.ID
    case_id: strawberry.ID
    student_name: str | None
    state: str
    state_name: str
    kind: str
    position: int
    minutes: JSON | None = strawberry.field(
        description="The forum's report fields (name to text); null for members who may not "
        "read this case"
    )
    decisions: list[str]
    evaluation_on: date | None
    informs_student_parents: str | None
    relays_advice_to_school: str | None
    discussed_at: datetime | None
    actions: list[ActionOptionType] = strawberry.field(
        description="The case's next steps (thenAction of saveCaseDiscussion)"
    )
    case_version: int
    version: int = strawberry.field(
        description="The agenda item's version: expectedVersion of saveCaseDiscussion"
    )

    @classmethod
    def of(cls, a: AgendaItemRead) -> AgendaItemType:
        return cls(
            id=_id(a.id),
            case_id=_id(a.case_id),
            student_name=a.student_name,
            state=a.state,
            state_name=a.state_name,
            kind=a.kind,
            position=a.position,
            minutes=JSON(dict(a.minutes)) if a.minutes is not None else None,
            decisions=list(a.decisions),
            evaluation_on=a.evaluation_on,
            informs_student_parents=a.informs_student_parents,
            relays_advice_to_school=a.relays_advice_to_school,
            discussed_at=a.discussed_at,
            actions=[ActionOptionType.of(o) for o in a.actions],
            case_version=a.case_version,
            version=a.version,
        )


MEETING_STATUS = (
    "scheduled, held or cancelled (`status` in REST; renamed so that it never clashes with "
    "Problem.status in a result union)"
)


@strawberry.type(name="CareMeetingSummary", description="A care meeting in a list")
class MeetingSummaryType:
    id: strawberry.ID
    forum: str
    title: str
    scheduled_at: datetime
    meeting_status: str = strawberry.field(description=MEETING_STATUS)
    cases: int
    case_pack_sent_at: datetime | None

    @classmethod
    def of(cls, m: CareMeetingSummary) -> MeetingSummaryType:
        return cls(
            id=_id(m.id),
            forum=m.forum,
            title=m.title,
            scheduled_at=m.scheduled_at,
            meeting_status=m.status,
            cases=m.cases,
            case_pack_sent_at=m.case_pack_sent_at,
        )


@strawberry.type(
    name="CareMeeting",
    description="An IZO, ZAT, leerlingbespreking, ondersteuningsteam or MDO session with its "
    "members and agenda; minutes only of cases you may read",
)
class MeetingType:
    id: strawberry.ID
    forum: str
    title: str
    scheduled_at: datetime
    meeting_status: str = strawberry.field(description=MEETING_STATUS)
    cases: int
    case_pack_sent_at: datetime | None
    location: str | None
    chair: StaffRefType | None
    minute_taker: str | None
    held_at: datetime | None
    members: list[MemberType]
    agenda: list[AgendaItemType]
    editable: bool
    version: int

    @classmethod
    def of(cls, m: CareMeetingRead) -> MeetingType:
        return cls(
            id=_id(m.id),
            forum=m.forum,
            title=m.title,
            scheduled_at=m.scheduled_at,
            meeting_status=m.status,
            cases=m.cases,
            case_pack_sent_at=m.case_pack_sent_at,
            location=m.location,
            chair=StaffRefType.maybe(m.chair),
            minute_taker=m.minute_taker,
            held_at=m.held_at,
            members=[MemberType.of(x) for x in m.members],
            agenda=[AgendaItemType.of(a) for a in m.agenda],
            editable=m.editable,
            version=m.version,
        )


@strawberry.type(description="Care meetings of the school, upcoming first then recent")
class CareMeetingList:
    items: list[MeetingSummaryType]


@strawberry.type(
    name="CasePackItem", description="What you may read of a case on the agenda, beforehand"
)
class CasePackItemType:
    case_id: strawberry.ID
    kind: str
    student_name: str
    state_name: str
    help_question_student: str | None
    help_question_parents: str | None
    guidance_question: str | None
    strengths: FactorsType | None
    hindering: FactorsType | None
    zat_question: str | None
    registration: RegistrationType | None
    open_action_items: list[ActionItemType]

    @classmethod
    def of(cls, i: CasePackItem) -> CasePackItemType:
        return cls(
            case_id=_id(i.case_id),
            kind=i.kind,
            student_name=i.student_name,
            state_name=i.state_name,
            help_question_student=i.help_question_student,
            help_question_parents=i.help_question_parents,
            guidance_question=i.guidance_question,
            strengths=FactorsType.of(i.strengths) if i.strengths is not None else None,
            hindering=FactorsType.of(i.hindering) if i.hindering is not None else None,
            zat_question=i.zat_question,
            registration=RegistrationType.of(i.registration) if i.registration else None,
            open_action_items=[ActionItemType.of(a) for a in i.open_action_items],
        )


@strawberry.type(name="CasePack", description="The case pack of a meeting, as you may read it")
class CasePackType:
    meeting_id: strawberry.ID
    sent_at: datetime | None
    items: list[CasePackItemType]
    withheld: int = strawberry.field(description="Agenda cases you may not read")

    @classmethod
    def of(cls, p: CasePack) -> CasePackType:
        return cls(
            meeting_id=_id(p.meeting_id),
            sent_at=p.sent_at,
            items=[CasePackItemType.of(i) for i in p.items],
            withheld=p.withheld,
        )


# -- deadlines ------------------------------------------------------------------------------
@strawberry.type(name="CareDeadline", description="Something of case routing that is due")
class DeadlineType:
    kind: str
    case_id: strawberry.ID | None
    record_id: strawberry.ID
    student_id: strawberry.ID
    student_name: str
    title: str
    due_on: date
    days_overdue: int
    overdue: bool
    owner: str | None
    mine: bool

    @classmethod
    def of(cls, d: CareDeadline) -> DeadlineType:
        return cls(
            kind=d.kind,
            case_id=_opt_id(d.case_id),
            record_id=_id(d.record_id),
            student_id=_id(d.student_id),
            student_name=d.student_name,
            title=d.title,
            due_on=d.due_on,
            days_overdue=d.days_overdue,
            overdue=d.overdue,
            owner=d.owner,
            mine=d.mine,
        )


@strawberry.type(
    name="CareMetrics",
    description="Lead times over the school's cases (medians in days; the SWV norm is 8 weeks)",
)
class MetricsType:
    open_cases: int
    registration_to_first_discussion_days: float | None
    swv_request_to_start_days: float | None
    swv_requests_over_norm: int

    @classmethod
    def of(cls, m: CareMetrics) -> MetricsType:
        return cls(
            open_cases=m.open_cases,
            registration_to_first_discussion_days=m.registration_to_first_discussion_days,
            swv_request_to_start_days=m.swv_request_to_start_days,
            swv_requests_over_norm=m.swv_requests_over_norm,
        )


@strawberry.type(
    name="CareDashboard", description="What needs you today, overdue first, and lead times"
)
class DashboardType:
    items: list[DeadlineType]
    metrics: MetricsType

    @classmethod
    def of(cls, d: CareDashboard) -> DashboardType:
        return cls(items=[DeadlineType.of(i) for i in d.items], metrics=MetricsType.of(d.metrics))


# -- inputs: plain fields; the REST write models validate them (same rules, same pointers) --
@strawberry.input(description="A line of support")
class CareRouteLevelInput:
    key: str
    name: str


@strawberry.input(description="A forum; `meeting` is the kind of care meeting that serves it")
class CareRouteForumInput:
    key: str
    name: str
    meeting: str | None = strawberry.UNSET


@strawberry.input(description="A state of the route")
class CareRouteStateInput:
    key: str
    name: str
    level: str
    forum: str | None = strawberry.UNSET
    closed: bool | None = strawberry.UNSET
    registration: str | None = strawberry.UNSET


@strawberry.input(description="A row of the transition table; no `from` states: an entry")
class CareRouteTransitionInput:
    key: str
    action: str
    label: str
    roles: list[str]
    from_states: list[str] | None = strawberry.field(default=strawberry.UNSET, name="from")
    to: str | None = strawberry.UNSET
    guards: list[str] | None = strawberry.UNSET


@strawberry.input(description="A route as data, as careRouteLibrary's templates give it")
class CareRouteDefinitionInput:
    name: str
    levels: list[CareRouteLevelInput]
    states: list[CareRouteStateInput]
    transitions: list[CareRouteTransitionInput]
    description: str | None = strawberry.UNSET
    forums: list[CareRouteForumInput] | None = strawberry.UNSET


@strawberry.input(description="A new revision of a route: a template or a definition, not both")
class CareRouteInput:
    key: str
    template: str | None = strawberry.UNSET
    definition: CareRouteDefinitionInput | None = strawberry.UNSET
    change_note: str | None = strawberry.UNSET


@strawberry.input(description="Strengths or hindering factors, by where they are")
class CaseFactorsInput:
    student: str | None = strawberry.UNSET
    school: str | None = strawberry.UNSET
    family: str | None = strawberry.UNSET


@strawberry.input(description="The case file; leave out what does not change")
class CareCaseUpdateInput:
    reasons: list[str] | None = strawberry.UNSET
    complexity: str | None = strawberry.UNSET
    help_question_student: str | None = strawberry.UNSET
    help_question_parents: str | None = strawberry.UNSET
    guidance_question: str | None = strawberry.UNSET
    strengths: CaseFactorsInput | None = strawberry.UNSET
    hindering: CaseFactorsInput | None = strawberry.UNSET
    school_career: str | None = strawberry.UNSET
    prior_support: str | None = strawberry.UNSET
    home_situation: str | None = strawberry.UNSET
    zat_question: str | None = strawberry.UNSET
    parents_informed: bool | None = strawberry.UNSET
    parents_not_informed_reason: str | None = strawberry.UNSET
    coordinator_staff_id: strawberry.ID | None = strawberry.UNSET
    parent_contact_staff_id: strawberry.ID | None = strawberry.UNSET
    evaluation_on: date | None = strawberry.UNSET


@strawberry.input(
    description="Open a case on an entry of the route (e.g. open_izo), optionally for a "
    "group-meeting decision; the case file's fields may be given at once"
)
class OpenCaseInput(CareCaseUpdateInput):
    student_id: strawberry.ID
    route_key: str
    action: str
    origin_decision_id: strawberry.ID | None = strawberry.UNSET
    reason: str | None = strawberry.UNSET


@strawberry.input(description="Closing the case: the final evaluation and its outcome")
class CaseClosureInput:
    evaluated_with_student: bool
    evaluated_with_parents: bool
    outcome: str
    evaluation: str
    aftercare: str | None = strawberry.UNSET
    provisional: bool | None = strawberry.UNSET


@strawberry.input(description="The IZO or ZAT registration form, all of it (a PUT)")
class CaseRegistrationInput:
    problem: str | None = strawberry.UNSET
    onset_cause: str | None = strawberry.UNSET
    functioning_at_home: str | None = strawberry.UNSET
    support_types: list[str] | None = strawberry.UNSET
    support_other: str | None = strawberry.UNSET
    already_done: str | None = strawberry.UNSET
    earlier_help: str | None = strawberry.UNSET
    earlier_discussed: str | None = strawberry.UNSET
    earlier_investigation: str | None = strawberry.UNSET
    diagnosed_disorder: str | None = strawberry.UNSET
    learning_results: str | None = strawberry.UNSET
    social_emotional: str | None = strawberry.UNSET
    interaction: str | None = strawberry.UNSET
    work_attitude: str | None = strawberry.UNSET
    motivation: str | None = strawberry.UNSET
    attendance: str | None = strawberry.UNSET
    other: str | None = strawberry.UNSET
    request_types: list[str] | None = strawberry.UNSET


@strawberry.input(description="The four screening checks and the outcome")
class CaseScreeningInput:
    right_line: bool
    questions_clear: bool
    prior_line_exhausted: bool
    parents_student_aware: bool
    outcome: str
    missing_items: list[str] | None = strawberry.UNSET
    proposed_actions: str | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET


@strawberry.input(description="A conversation with the student or the parents, once held")
class CaseConversationInput:
    with_whom: str
    moment: str
    held_on: date
    summary: str
    forum: str | None = strawberry.UNSET
    participants: str | None = strawberry.UNSET
    agreements: str | None = strawberry.UNSET


@strawberry.input(description="An action agreed on for the case")
class CaseActionItemInput:
    description: str
    owner_name: str
    due_on: date
    goal: str | None = strawberry.UNSET
    owner_user_id: strawberry.ID | None = strawberry.UNSET
    owner_staff_id: strawberry.ID | None = strawberry.UNSET
    organisation: str | None = strawberry.UNSET


@strawberry.input(description="Report on an action item; leave out what does not change")
class CaseActionItemUpdateInput:
    status: str | None = strawberry.UNSET
    report: str | None = strawberry.UNSET
    due_on: date | None = strawberry.UNSET
    owner_name: str | None = strawberry.UNSET


@strawberry.input(description="An intervention with a measurable goal")
class CaseInterventionInput:
    kind: str
    goal: str
    provider: str
    starts_on: date
    ends_on: date | None = strawberry.UNSET
    frequency: str | None = strawberry.UNSET
    evaluation_on: date | None = strawberry.UNSET


@strawberry.input(description="Progress, outcome and effect; leave out what does not change")
class CaseInterventionUpdateInput:
    status: str | None = strawberry.UNSET
    ends_on: date | None = strawberry.UNSET
    evaluation_on: date | None = strawberry.UNSET
    outcome: str | None = strawberry.UNSET
    effect_student: str | None = strawberry.UNSET
    effect_student_note: str | None = strawberry.UNSET
    effect_parents: str | None = strawberry.UNSET
    effect_parents_note: str | None = strawberry.UNSET
    transferred_to_class: bool | None = strawberry.UNSET


@strawberry.input(description="An external referral; sharing needs the parents' consent")
class CaseReferralInput:
    target: str
    reason: str
    referred_on: date
    organisation: str | None = strawberry.UNSET
    consent_id: strawberry.ID | None = strawberry.UNSET


@strawberry.input(description="How the referral goes; leave out what does not change")
class CaseReferralUpdateInput:
    status: str | None = strawberry.UNSET
    started_on: date | None = strawberry.UNSET
    feedback: str | None = strawberry.UNSET


@strawberry.input(description="A documented effort: what, when, what result")
class SwvEffortInput:
    what: str
    period: str | None = strawberry.UNSET
    result: str | None = strawberry.UNSET


@strawberry.input(description="An arrangement request to the samenwerkingsverband")
class SwvRequestInput:
    request_type: str
    goals: str
    requested_start: date
    requested_on: date
    temporary: bool | None = strawberry.UNSET
    documented_efforts: list[SwvEffortInput] | None = strawberry.UNSET


@strawberry.input(description="The samenwerkingsverband's decision and the start date")
class SwvDecisionInput:
    decision: str
    decided_on: date | None = strawberry.UNSET
    decision_note: str | None = strawberry.UNSET
    starts_on: date | None = strawberry.UNSET
    ended_on: date | None = strawberry.UNSET


@strawberry.input(description="Time-boxed access of an external partner, on a valid consent")
class CaseGrantInput:
    user_id: strawberry.ID
    consent_id: strawberry.ID
    valid_until: datetime


@strawberry.input(description="A member of a care meeting")
class CareMeetingMemberInput:
    name: str
    membership: str
    user_id: strawberry.ID | None = strawberry.UNSET
    staff_id: strawberry.ID | None = strawberry.UNSET
    role_label: str | None = strawberry.UNSET
    organisation: str | None = strawberry.UNSET
    attendance: str | None = strawberry.UNSET


@strawberry.input(description="A new care meeting")
class CareMeetingInput:
    forum: str
    title: str
    scheduled_at: datetime
    location: str | None = strawberry.UNSET
    chair_staff_id: strawberry.ID | None = strawberry.UNSET
    minute_taker: str | None = strawberry.UNSET
    members: list[CareMeetingMemberInput] | None = strawberry.UNSET


@strawberry.input(
    description="Reschedule, change members or attendance, hold or cancel; leave out what "
    "does not change (members replace the earlier list)"
)
class CareMeetingUpdateInput:
    title: str | None = strawberry.UNSET
    scheduled_at: datetime | None = strawberry.UNSET
    location: str | None = strawberry.UNSET
    chair_staff_id: strawberry.ID | None = strawberry.UNSET
    minute_taker: str | None = strawberry.UNSET
    status: str | None = strawberry.UNSET
    members: list[CareMeetingMemberInput] | None = strawberry.UNSET


@strawberry.input(description="Put a case on the agenda, new or progress")
class CareMeetingAgendaItemInput:
    case_id: strawberry.ID
    kind: str


@strawberry.input(
    description="Minutes of one case: the forum's report fields, decisions, evaluation date, "
    "who informs whom, new action items, and optionally the route step it leads to"
)
class CaseDiscussionInput:
    minutes: JSON | None = strawberry.field(
        default=strawberry.UNSET,
        description="The forum's report fields: an object of field name to text (at most 20)",
    )
    decisions: list[str] | None = strawberry.UNSET
    evaluation_on: date | None = strawberry.UNSET
    informs_student_parents: str | None = strawberry.UNSET
    relays_advice_to_school: str | None = strawberry.UNSET
    action_items: list[CaseActionItemInput] | None = strawberry.UNSET
    then_action: str | None = strawberry.UNSET


# -- results --------------------------------------------------------------------------------
CareRouteLibraryResult = Annotated[
    LibraryType | Problem, strawberry.union("CareRouteLibraryResult")
]
CareRoutesResult = Annotated[CareRouteList | Problem, strawberry.union("CareRoutesResult")]
CareRouteResult = Annotated[RouteType | Problem, strawberry.union("CareRouteResult")]
CaseBoardResult = Annotated[BoardType | Problem, strawberry.union("CaseBoardResult")]
CaseRequestsResult = Annotated[CaseRequestList | Problem, strawberry.union("CaseRequestsResult")]
StudentCasesResult = Annotated[StudentCaseList | Problem, strawberry.union("StudentCasesResult")]
CareCaseResult = Annotated[CaseType | Problem, strawberry.union("CareCaseResult")]
CareMeetingsResult = Annotated[CareMeetingList | Problem, strawberry.union("CareMeetingsResult")]
CareMeetingResult = Annotated[MeetingType | Problem, strawberry.union("CareMeetingResult")]
CasePackResult = Annotated[CasePackType | Problem, strawberry.union("CasePackResult")]
CareDeadlinesResult = Annotated[DashboardType | Problem, strawberry.union("CareDeadlinesResult")]

CreateCareRouteResult = Annotated[RouteType | Problem, strawberry.union("CreateCareRouteResult")]
OpenCaseResult = Annotated[CaseType | Problem, strawberry.union("OpenCaseResult")]
UpdateCaseResult = Annotated[CaseType | Problem, strawberry.union("UpdateCaseResult")]
TransitionCaseResult = Annotated[CaseType | Problem, strawberry.union("TransitionCaseResult")]
SaveCaseRegistrationResult = Annotated[
    RegistrationType | Problem, strawberry.union("SaveCaseRegistrationResult")
]
ScreenCaseResult = Annotated[CaseType | Problem, strawberry.union("ScreenCaseResult")]
AddCaseConversationResult = Annotated[
    ConversationType | Problem, strawberry.union("AddCaseConversationResult")
]
AddActionItemResult = Annotated[ActionItemType | Problem, strawberry.union("AddActionItemResult")]
UpdateActionItemResult = Annotated[
    ActionItemType | Problem, strawberry.union("UpdateActionItemResult")
]
AddInterventionResult = Annotated[
    InterventionType | Problem, strawberry.union("AddInterventionResult")
]
UpdateInterventionResult = Annotated[
    InterventionType | Problem, strawberry.union("UpdateInterventionResult")
]
AddReferralResult = Annotated[ReferralType | Problem, strawberry.union("AddReferralResult")]
UpdateReferralResult = Annotated[ReferralType | Problem, strawberry.union("UpdateReferralResult")]
RequestSwvArrangementResult = Annotated[
    CaseType | Problem, strawberry.union("RequestSwvArrangementResult")
]
RecordSwvDecisionResult = Annotated[
    SwvRequestType | Problem, strawberry.union("RecordSwvDecisionResult")
]
GrantCaseAccessResult = Annotated[
    CaseGrantType | Problem, strawberry.union("GrantCaseAccessResult")
]
CreateCareMeetingResult = Annotated[
    MeetingType | Problem, strawberry.union("CreateCareMeetingResult")
]
UpdateCareMeetingResult = Annotated[
    MeetingType | Problem, strawberry.union("UpdateCareMeetingResult")
]
AddCaseToAgendaResult = Annotated[MeetingType | Problem, strawberry.union("AddCaseToAgendaResult")]
SendCasePackResult = Annotated[MeetingType | Problem, strawberry.union("SendCasePackResult")]
SaveCaseDiscussionResult = Annotated[
    MeetingType | Problem, strawberry.union("SaveCaseDiscussionResult")
]


def _kind(kind: str) -> str:
    if kind not in REGISTRATION_KINDS:
        raise ValidationFailed(
            "Unknown registration form.",
            errors=[{"pointer": "/kind", "detail": f"One of: {', '.join(REGISTRATION_KINDS)}"}],
        )
    return kind


@strawberry.type
class CasesQuery:
    @strawberry.field(
        description="What a school admin composes a route from: the templates, the guard "
        "library and the roles a transition table may name"
    )
    def care_route_library(self, info: Info) -> CareRouteLibraryResult:
        principal = info.context.principal  # not logged in: an error, as for every field
        try:
            return LibraryType.of(route_admin.library(principal))
        except Forbidden as exc:
            return Problem.from_error(exc)

    @strawberry.field(
        description="The school's routes, latest revision of each; null for a school you may "
        "not see"
    )
    async def care_routes(self, info: Info, school_id: strawberry.ID) -> CareRoutesResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> CareRouteList:
            found = await route_admin.list_routes(ctx.uow, ctx.principal, sid)
            return CareRouteList(items=[RouteSummaryType.of(r) for r in found])

        return await visible(info, school_id, read)

    @strawberry.field(description="A revision of a route; null for one you may not see")
    async def care_route(self, info: Info, id: strawberry.ID) -> CareRouteResult | None:
        ctx = info.context

        async def read(route_id: uuid.UUID) -> RouteType:
            return RouteType.of(await route_admin.get_route(ctx.uow, ctx.principal, route_id))

        return await visible(info, id, read)

    @strawberry.field(
        description="Zorgbord of one route: a column per state, a card per case you may see. "
        "Null for a school you may not see or a route key it does not have."
    )
    async def case_board(
        self,
        info: Info,
        school_id: strawberry.ID,
        route_key: str,
        include_closed: bool = False,
    ) -> CaseBoardResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> BoardType:
            found = await board.case_board(ctx.uow, ctx.principal, sid, route_key, include_closed)
            return BoardType.of(found)

        return await visible(info, school_id, read)

    @strawberry.field(
        description="Group-meeting decisions 'register with the care team' without a case "
        "yet; null for a school you may not see"
    )
    async def case_requests(
        self, info: Info, school_id: strawberry.ID
    ) -> CaseRequestsResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> CaseRequestList:
            found = await board.case_requests(ctx.uow, ctx.principal, sid)
            return CaseRequestList(items=[CaseRequestType.of(r) for r in found])

        return await visible(info, school_id, read)

    @strawberry.field(
        description="The student's cases, open and closed; null for a student you may not see"
    )
    async def student_cases(
        self, info: Info, student_id: strawberry.ID
    ) -> StudentCasesResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> StudentCaseList:
            found = await board.student_cases(ctx.uow, ctx.principal, sid)
            return StudentCaseList(items=[CaseSummaryType.of(c) for c in found])

        return await visible(info, student_id, read, student=True)

    @strawberry.field(
        description="A case with its forms, conversations, discussions, follow-up and "
        "timeline, and the route's next steps; null for a case you may not see"
    )
    async def care_case(self, info: Info, id: strawberry.ID) -> CareCaseResult | None:
        ctx = info.context

        async def read(case_id: uuid.UUID) -> CaseType:
            return CaseType.of(await cases.get_case(ctx.uow, ctx.principal, case_id))

        return await visible(info, id, read)

    @strawberry.field(
        description="IZO, ZAT, leerlingbespreking and MDO sessions, upcoming first then "
        "recent; null for a school you may not see"
    )
    async def care_meetings(
        self, info: Info, school_id: strawberry.ID
    ) -> CareMeetingsResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> CareMeetingList:
            found = await meetings.list_meetings(ctx.uow, ctx.principal, sid)
            return CareMeetingList(items=[MeetingSummaryType.of(m) for m in found])

        return await visible(info, school_id, read)

    @strawberry.field(
        description="A care meeting with its members and agenda (minutes only of cases you "
        "may read); null for a meeting you may not see"
    )
    async def care_meeting(self, info: Info, id: strawberry.ID) -> CareMeetingResult | None:
        ctx = info.context

        async def read(meeting_id: uuid.UUID) -> MeetingType:
            return MeetingType.of(await meetings.get_meeting(ctx.uow, ctx.principal, meeting_id))

        return await visible(info, id, read)

    @strawberry.field(
        description="The meeting's case pack as you may read it; null for a meeting you may not see"
    )
    async def case_pack(self, info: Info, meeting_id: strawberry.ID) -> CasePackResult | None:
        ctx = info.context

        async def read(mid: uuid.UUID) -> CasePackType:
            return CasePackType.of(await meetings.case_pack(ctx.uow, ctx.principal, mid))

        return await visible(info, meeting_id, read)

    @strawberry.field(
        description="What needs you today (with `mine`: only yours), overdue first, and lead "
        "times; null for a school you may not see"
    )
    async def care_deadlines(
        self, info: Info, school_id: strawberry.ID, mine: bool = False
    ) -> CareDeadlinesResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> DashboardType:
            return DashboardType.of(await board.dashboard(ctx.uow, ctx.principal, sid, mine))

        return await visible(info, school_id, read)


GUARDED = (
    "A step not in the route's table from the case's state is `invalid-transition` (409); "
    "one whose guards do not hold is `transition-guard-failed` (422) listing `missing` (and "
    "`missing_labels`) in extensions."
)


@strawberry.type
class CasesMutation:
    @strawberry.mutation(
        description="A new revision of a route, from a template or an adapted definition. "
        "Refused (validation-failed) when a state is unreachable or cannot reach a closed "
        "state, or a role or guard is unknown. Running cases keep their revision."
    )
    async def create_care_route(
        self, info: Info, school_id: strawberry.ID, input: CareRouteInput
    ) -> CreateCareRouteResult:
        async def call() -> RouteType:
            sid = some_id(school_id, SCHOOL_NOT_FOUND)
            data = RouteCreate.model_validate(given(input))
            ctx = info.context
            return RouteType.of(await route_admin.create_route(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Open a case on one of the route's entries (e.g. open_izo, "
        "open_direct_zat, open_shortened), optionally for a group-meeting decision. " + GUARDED
    )
    async def open_case(
        self, info: Info, school_id: strawberry.ID, input: OpenCaseInput
    ) -> OpenCaseResult:
        async def call() -> CaseType:
            sid = some_id(school_id, SCHOOL_NOT_FOUND)
            data = CaseOpen.model_validate(given(input))
            ctx = info.context
            return CaseType.of(await cases.open_case(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Edit the case file: questions, strengths, factors, coordinator, "
        "evaluation date (optimistic locking)"
    )
    async def update_case(
        self,
        info: Info,
        case_id: strawberry.ID,
        expected_version: int,
        input: CareCaseUpdateInput,
    ) -> UpdateCaseResult:
        async def call() -> CaseType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = CaseUpdate.model_validate(given(input))
            ctx = info.context
            return CaseType.of(
                await cases.update_case(ctx.uow, ctx.principal, cid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Take a step of the route (the case's `actions` list them); closing takes "
        "`closure` (optimistic locking). " + GUARDED
    )
    async def transition_case(
        self,
        info: Info,
        case_id: strawberry.ID,
        expected_version: int,
        action: str,
        reason: str | None = None,
        closure: CaseClosureInput | None = None,
    ) -> TransitionCaseResult:
        async def call() -> CaseType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            body: dict[str, Any] = {"action": action}
            if reason is not None:
                body["reason"] = reason
            if closure is not None:
                body["closure"] = given(closure)
            data = TransitionIn.model_validate(body)
            ctx = info.context
            return CaseType.of(
                await cases.transition(ctx.uow, ctx.principal, cid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Fill in the IZO or ZAT registration form (`kind`); expectedVersion once "
        "it exists"
    )
    async def save_case_registration(
        self,
        info: Info,
        case_id: strawberry.ID,
        kind: str,
        input: CaseRegistrationInput,
        expected_version: int | None = None,
    ) -> SaveCaseRegistrationResult:
        async def call() -> RegistrationType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            form = _kind(kind)
            data = RegistrationWrite.model_validate(given(input))
            ctx = info.context
            return RegistrationType.of(
                await cases.save_registration(
                    ctx.uow, ctx.principal, cid, form, expected_version, data
                )
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Screen the submitted registration: accept, ask for missing items or "
        "first-line actions first; takes the route's matching step (optimistic locking on the "
        "case). " + GUARDED
    )
    async def screen_case(
        self,
        info: Info,
        case_id: strawberry.ID,
        expected_version: int,
        input: CaseScreeningInput,
    ) -> ScreenCaseResult:
        async def call() -> CaseType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = ScreeningIn.model_validate(given(input))
            ctx = info.context
            return CaseType.of(
                await cases.screen(ctx.uow, ctx.principal, cid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="A conversation with the student or the parents, before or after a discussion"
    )
    async def add_case_conversation(
        self, info: Info, case_id: strawberry.ID, input: CaseConversationInput
    ) -> AddCaseConversationResult:
        async def call() -> ConversationType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = ConversationIn.model_validate(given(input))
            ctx = info.context
            return ConversationType.of(
                await cases.add_conversation(ctx.uow, ctx.principal, cid, data)
            )

        return await answer(info, call)

    @strawberry.mutation(description="An action agreed on for the case")
    async def add_action_item(
        self, info: Info, case_id: strawberry.ID, input: CaseActionItemInput
    ) -> AddActionItemResult:
        async def call() -> ActionItemType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = ActionItemIn.model_validate(given(input))
            ctx = info.context
            return ActionItemType.of(
                await followup.add_action_item(ctx.uow, ctx.principal, cid, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Report on an action item: its owner (an external partner too) or care "
        "staff (optimistic locking)"
    )
    async def update_action_item(
        self,
        info: Info,
        action_item_id: strawberry.ID,
        expected_version: int,
        input: CaseActionItemUpdateInput,
    ) -> UpdateActionItemResult:
        async def call() -> ActionItemType:
            iid = some_id(action_item_id, followup.ACTION_ITEM_NOT_FOUND)
            data = ActionItemUpdate.model_validate(given(input))
            ctx = info.context
            return ActionItemType.of(
                await followup.update_action_item(
                    ctx.uow, ctx.principal, iid, expected_version, data
                )
            )

        return await answer(info, call)

    @strawberry.mutation(description="An intervention with a measurable goal")
    async def add_intervention(
        self, info: Info, case_id: strawberry.ID, input: CaseInterventionInput
    ) -> AddInterventionResult:
        async def call() -> InterventionType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = InterventionIn.model_validate(given(input))
            ctx = info.context
            return InterventionType.of(
                await followup.add_intervention(ctx.uow, ctx.principal, cid, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Progress, outcome and the effect as the student and the parents "
        "perceived it (optimistic locking)"
    )
    async def update_intervention(
        self,
        info: Info,
        intervention_id: strawberry.ID,
        expected_version: int,
        input: CaseInterventionUpdateInput,
    ) -> UpdateInterventionResult:
        async def call() -> InterventionType:
            iid = some_id(intervention_id, followup.INTERVENTION_NOT_FOUND)
            data = InterventionUpdate.model_validate(given(input))
            ctx = info.context
            return InterventionType.of(
                await followup.update_intervention(
                    ctx.uow, ctx.principal, iid, expected_version, data
                )
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="An external referral (the route's refer_external step; leerplicht: "
        "involve_leerplicht), optimistic locking on the case. Sharing outside the school needs "
        "the parents' consent, except the statutory report to leerplicht. " + GUARDED
    )
    async def add_referral(
        self,
        info: Info,
        case_id: strawberry.ID,
        expected_version: int,
        input: CaseReferralInput,
    ) -> AddReferralResult:
        async def call() -> ReferralType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = ReferralIn.model_validate(given(input))
            ctx = info.context
            return ReferralType.of(
                await followup.add_referral(ctx.uow, ctx.principal, cid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(description="How the referral goes (optimistic locking)")
    async def update_referral(
        self,
        info: Info,
        referral_id: strawberry.ID,
        expected_version: int,
        input: CaseReferralUpdateInput,
    ) -> UpdateReferralResult:
        async def call() -> ReferralType:
            rid = some_id(referral_id, followup.REFERRAL_NOT_FOUND)
            data = ReferralUpdate.model_validate(given(input))
            ctx = info.context
            return ReferralType.of(
                await followup.update_referral(ctx.uow, ctx.principal, rid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Arrangement request to the samenwerkingsverband (the route's request_swv "
        "step, optimistic locking on the case); rebound and special education need documented "
        "efforts. " + GUARDED
    )
    async def request_swv_arrangement(
        self,
        info: Info,
        case_id: strawberry.ID,
        expected_version: int,
        input: SwvRequestInput,
    ) -> RequestSwvArrangementResult:
        async def call() -> CaseType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = SwvRequestIn.model_validate(given(input))
            ctx = info.context
            return CaseType.of(
                await followup.request_swv(ctx.uow, ctx.principal, cid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="The samenwerkingsverband's decision and the start date (optimistic "
        "locking on the request)"
    )
    async def record_swv_decision(
        self,
        info: Info,
        swv_request_id: strawberry.ID,
        expected_version: int,
        input: SwvDecisionInput,
    ) -> RecordSwvDecisionResult:
        async def call() -> SwvRequestType:
            rid = some_id(swv_request_id, followup.SWV_REQUEST_NOT_FOUND)
            data = SwvDecisionIn.model_validate(given(input))
            ctx = info.context
            return SwvRequestType.of(
                await followup.record_swv_decision(
                    ctx.uow, ctx.principal, rid, expected_version, data
                )
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Time-boxed access of an external partner to this case, resting on a "
        "valid consent"
    )
    async def grant_case_access(
        self, info: Info, case_id: strawberry.ID, input: CaseGrantInput
    ) -> GrantCaseAccessResult:
        async def call() -> CaseGrantType:
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = CaseGrantIn.model_validate(given(input))
            ctx = info.context
            return CaseGrantType.of(await followup.grant_case(ctx.uow, ctx.principal, cid, data))

        return await answer(info, call)

    @strawberry.mutation(description="Schedule an IZO, ZAT, leerlingbespreking or MDO session")
    async def create_care_meeting(
        self, info: Info, school_id: strawberry.ID, input: CareMeetingInput
    ) -> CreateCareMeetingResult:
        async def call() -> MeetingType:
            sid = some_id(school_id, SCHOOL_NOT_FOUND)
            data = CareMeetingCreate.model_validate(given(input))
            ctx = info.context
            return MeetingType.of(await meetings.create_meeting(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Reschedule, change members or record attendance, hold or cancel the "
        "meeting (optimistic locking)"
    )
    async def update_care_meeting(
        self,
        info: Info,
        meeting_id: strawberry.ID,
        expected_version: int,
        input: CareMeetingUpdateInput,
    ) -> UpdateCareMeetingResult:
        async def call() -> MeetingType:
            mid = some_id(meeting_id, MEETING_NOT_FOUND)
            data = CareMeetingUpdate.model_validate(given(input))
            ctx = info.context
            return MeetingType.of(
                await meetings.update_meeting(ctx.uow, ctx.principal, mid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Put a case on the agenda, new or progress (optimistic locking on the meeting)"
    )
    async def add_case_to_agenda(
        self,
        info: Info,
        meeting_id: strawberry.ID,
        expected_version: int,
        input: CareMeetingAgendaItemInput,
    ) -> AddCaseToAgendaResult:
        async def call() -> MeetingType:
            mid = some_id(meeting_id, MEETING_NOT_FOUND)
            data = AgendaItemIn.model_validate(given(input))
            ctx = info.context
            return MeetingType.of(
                await meetings.add_to_agenda(ctx.uow, ctx.principal, mid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Send the case pack to the members beforehand (a notification per member; "
        "each reads only what their access allows), optimistic locking on the meeting"
    )
    async def send_case_pack(
        self, info: Info, meeting_id: strawberry.ID, expected_version: int
    ) -> SendCasePackResult:
        async def call() -> MeetingType:
            mid = some_id(meeting_id, MEETING_NOT_FOUND)
            ctx = info.context
            return MeetingType.of(
                await meetings.send_case_pack(ctx.uow, ctx.principal, mid, expected_version)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Minutes of one case on the agenda (optimistic locking on the agenda "
        "item), its action items, and optionally the route step it leads to (`thenAction`). "
        + GUARDED
    )
    async def save_case_discussion(
        self,
        info: Info,
        meeting_id: strawberry.ID,
        case_id: strawberry.ID,
        expected_version: int,
        input: CaseDiscussionInput,
    ) -> SaveCaseDiscussionResult:
        async def call() -> MeetingType:
            mid = some_id(meeting_id, MEETING_NOT_FOUND)
            cid = some_id(case_id, CASE_NOT_FOUND)
            data = DiscussionWrite.model_validate(given(input))
            ctx = info.context
            return MeetingType.of(
                await meetings.save_discussion(
                    ctx.uow, ctx.principal, mid, cid, expected_version, data
                )
            )

        return await answer(info, call)
