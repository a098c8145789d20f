"""GraphQL fields of the HGW cycle: the school's settings and cycle periods, group overviews,
results, signals, educational needs, group meetings and the student's timeline. No SQL, no
authorization logic here: the services decide, these fields translate.

The helpers `given`, `answer` and `visible` are shared with the plans domain's fields."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from zorgroute.graphql.errors import Problem
from zorgroute.graphql.results import answer, given, some_id, visible
from zorgroute.hgw import meetings, overviews, school_config, timeline
from zorgroute.hgw import needs as needs_service
from zorgroute.hgw.policies import GROUP_NOT_FOUND, SCHOOL_NOT_FOUND
from zorgroute.hgw.schemas import (
    CyclePeriodCreate,
    CyclePeriodRead,
    DecisionRead,
    GoalRead,
    HgwSettingsRead,
    HgwSettingsUpdate,
    Hint,
    MeetingCreate,
    MeetingHold,
    MeetingRead,
    MeetingUpdate,
    NeedItemRead,
    NeedRead,
    NeedWrite,
    OverviewCreate,
    OverviewRead,
    OverviewSummary,
    QuestionCreate,
    QuestionRead,
    ResultCreate,
    ResultRead,
    RowRead,
    RowUpdate,
    SignalCreate,
    SignallingCriterion,
    SignalRead,
    TimelineItem,
)
from zorgroute.roster.service import STUDENT_NOT_FOUND


def _id(value: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(value))


def _opt_id(value: uuid.UUID | None) -> strawberry.ID | None:
    return strawberry.ID(str(value)) if value is not None else None


# -- types ----------------------------------------------------------------------------------
@strawberry.type(name="Goal", description="A goal (doel), SMART(I)")
class GoalType:
    id: strawberry.ID
    text: str
    desired_behaviour: bool
    measure: str
    target_date: date | None

    @classmethod
    def of(cls, g: GoalRead) -> GoalType:
        return cls(
            id=_id(g.id),
            text=g.text,
            desired_behaviour=g.desired_behaviour,
            measure=g.measure,
            target_date=g.target_date,
        )


@strawberry.type(name="Hint", description="A quality hint: a warning, never a refusal")
class HintType:
    code: str
    pointer: str
    message: str

    @classmethod
    def of(cls, h: Hint) -> HintType:
        return cls(code=h.code, pointer=h.pointer, message=h.message)


@strawberry.type(
    name="NeedItem", description="What the student needs, under a begrijpwijzer heading"
)
class NeedItemType:
    category: str
    phrase: str
    text: str

    @classmethod
    def of(cls, i: NeedItemRead) -> NeedItemType:
        return cls(category=i.category, phrase=i.phrase, text=i.text)


@strawberry.type(name="EducationalNeed", description="Onderwijsbehoefte: goals and what it takes")
class NeedType:
    id: strawberry.ID
    student_id: strawberry.ID
    overview_id: strawberry.ID | None
    scope: str
    domain: str
    nature: str
    subject: str | None
    goals: list[GoalType]
    items: list[NeedItemType]
    uses_talents: str
    set_with_student: bool
    student_view: str
    valid_from: date
    valid_until: date
    author_name: str
    created_at: datetime
    version: int
    hints: list[HintType]

    @classmethod
    def of(cls, n: NeedRead) -> NeedType:
        return cls(
            id=_id(n.id),
            student_id=_id(n.student_id),
            overview_id=_opt_id(n.overview_id),
            scope=n.scope,
            domain=n.domain,
            nature=n.nature,
            subject=n.subject,
            goals=[GoalType.of(g) for g in n.goals],
            items=[NeedItemType.of(i) for i in n.items],
            uses_talents=n.uses_talents,
            set_with_student=n.set_with_student,
            student_view=n.student_view,
            valid_from=n.valid_from,
            valid_until=n.valid_until,
            author_name=n.author_name,
            created_at=n.created_at,
            version=n.version,
            hints=[HintType.of(h) for h in n.hints],
        )


@strawberry.type(name="AssessmentResult", description="A test result or social-emotional score")
class ResultType:
    id: strawberry.ID
    student_id: strawberry.ID
    kind: str
    domain: str
    instrument: str
    respondent: str | None
    taken_on: date
    score: float | None
    level: str | None
    below_minimum: bool = strawberry.field(description="Below the school's signalling criterion")
    source: str

    @classmethod
    def of(cls, r: ResultRead) -> ResultType:
        return cls(
            id=_id(r.id),
            student_id=_id(r.student_id),
            kind=r.kind,
            domain=r.domain,
            instrument=r.instrument,
            respondent=r.respondent,
            taken_on=r.taken_on,
            score=r.score,
            level=r.level,
            below_minimum=r.below_minimum,
            source=r.source,
        )


@strawberry.type(name="Signal", description="Signalering: a student needs extra attention")
class SignalType:
    id: strawberry.ID
    overview_id: strawberry.ID
    student_id: strawberry.ID
    category: str
    mode: str
    basis: list[str]
    note: str
    created_by_name: str
    created_at: datetime
    confirmed_at: datetime | None

    @classmethod
    def of(cls, s: SignalRead) -> SignalType:
        return cls(
            id=_id(s.id),
            overview_id=_id(s.overview_id),
            student_id=_id(s.student_id),
            category=s.category,
            mode=s.mode,
            basis=list(s.basis),
            note=s.note,
            created_by_name=s.created_by_name,
            created_at=s.created_at,
            confirmed_at=s.confirmed_at,
        )


@strawberry.type(name="GroupOverviewRow", description="One student's row of a group overview")
class RowType:
    id: strawberry.ID
    student_id: strawberry.ID
    given_name: str
    preferred_name: str | None
    infix: str | None
    family_name: str
    observations: str
    student_conversation: str
    parent_conversation: str
    agreements: str
    stimulating_factors: str
    hindering_factors: str
    strengths: str
    work_attitude: str
    particulars: str | None = strawberry.field(
        description="Restricted (mentor and care): null when you may not see particulars"
    )
    instruction_level: str | None
    updated_by_name: str
    updated_at: datetime
    version: int
    results: list[ResultType]
    signals: list[SignalType]
    needs: list[NeedType]

    @classmethod
    def of(cls, r: RowRead) -> RowType:
        return cls(
            id=_id(r.id),
            student_id=_id(r.student_id),
            given_name=r.given_name,
            preferred_name=r.preferred_name,
            infix=r.infix,
            family_name=r.family_name,
            observations=r.observations,
            student_conversation=r.student_conversation,
            parent_conversation=r.parent_conversation,
            agreements=r.agreements,
            stimulating_factors=r.stimulating_factors,
            hindering_factors=r.hindering_factors,
            strengths=r.strengths,
            work_attitude=r.work_attitude,
            particulars=r.particulars,
            instruction_level=r.instruction_level,
            updated_by_name=r.updated_by_name,
            updated_at=r.updated_at,
            version=r.version,
            results=[ResultType.of(x) for x in r.results],
            signals=[SignalType.of(s) for s in r.signals],
            needs=[NeedType.of(n) for n in r.needs],
        )


@strawberry.type(
    name="GroupOverview",
    description="Groepsoverzicht: header, the settings that shape its columns, and every row",
)
class OverviewType:
    id: strawberry.ID
    school_id: strawberry.ID
    group_id: strawberry.ID
    group_name: str
    cycle_period_id: strawberry.ID
    period_name: str
    starts_on: date
    ends_on: date
    cycle: str
    subject: str | None
    overview_status: str = strawberry.field(
        description="draft, published or archived (`status` in REST; renamed so that it never "
        "clashes with Problem.status in a result union)"
    )
    dated_on: date
    owner_name: str
    seeded_from_id: strawberry.ID | None
    version: int
    editable: bool = strawberry.field(
        description="Whether you may change rows, signals and needs now"
    )
    may_lead: bool = strawberry.field(
        description="Whether you may publish it, write its plan and run its group meeting now"
    )
    plan_id: strawberry.ID | None
    meeting_id: strawberry.ID | None
    test_domains: list[str]
    seo_categories: list[str]
    work_attitude_column: bool
    rows: list[RowType]

    @classmethod
    def of(cls, o: OverviewRead) -> OverviewType:
        return cls(
            id=_id(o.id),
            school_id=_id(o.school_id),
            group_id=_id(o.group_id),
            group_name=o.group_name,
            cycle_period_id=_id(o.cycle_period_id),
            period_name=o.period_name,
            starts_on=o.starts_on,
            ends_on=o.ends_on,
            cycle=o.cycle,
            subject=o.subject,
            overview_status=o.status,
            dated_on=o.dated_on,
            owner_name=o.owner_name,
            seeded_from_id=_opt_id(o.seeded_from_id),
            version=o.version,
            editable=o.editable,
            may_lead=o.may_lead,
            plan_id=_opt_id(o.plan_id),
            meeting_id=_opt_id(o.meeting_id),
            test_domains=list(o.test_domains),
            seo_categories=list(o.seo_categories),
            work_attitude_column=o.work_attitude_column,
            rows=[RowType.of(r) for r in o.rows],
        )


@strawberry.type(name="GroupOverviewSummary", description="A group overview in a list")
class OverviewSummaryType:
    id: strawberry.ID
    group_id: strawberry.ID
    group_name: str
    cycle_period_id: strawberry.ID
    period_name: str
    starts_on: date
    ends_on: date
    cycle: str
    subject: str | None
    overview_status: str = strawberry.field(
        description="draft, published or archived (`status` in REST; renamed so that it never "
        "clashes with Problem.status in a result union)"
    )
    dated_on: date
    owner_name: str
    plan_id: strawberry.ID | None
    plan_status: str | None
    meeting_id: strawberry.ID | None
    signal_count: int

    @classmethod
    def of(cls, s: OverviewSummary) -> OverviewSummaryType:
        return cls(
            id=_id(s.id),
            group_id=_id(s.group_id),
            group_name=s.group_name,
            cycle_period_id=_id(s.cycle_period_id),
            period_name=s.period_name,
            starts_on=s.starts_on,
            ends_on=s.ends_on,
            cycle=s.cycle,
            subject=s.subject,
            overview_status=s.status,
            dated_on=s.dated_on,
            owner_name=s.owner_name,
            plan_id=_opt_id(s.plan_id),
            plan_status=s.plan_status,
            meeting_id=_opt_id(s.meeting_id),
            signal_count=s.signal_count,
        )


@strawberry.type(name="TimelineItem", description="One event of a student's HGW history")
class TimelineItemType:
    kind: str
    at: date
    title: str = strawberry.field(description="Dutch label, e.g. 'Onderwijsbehoefte benoemd'")
    summary: str
    student_words: str | None = strawberry.field(
        description="The student's own words, where recorded"
    )
    ref_id: strawberry.ID
    link: str | None = strawberry.field(description="SPA path of the source record")

    @classmethod
    def of(cls, t: TimelineItem) -> TimelineItemType:
        return cls(
            kind=t.kind,
            at=t.at,
            title=t.title,
            summary=t.summary,
            student_words=t.student_words,
            ref_id=_id(t.ref_id),
            link=t.link,
        )


@strawberry.type(
    name="SignallingCriterion",
    description="A school or department minimum: a result below it is marked in the overview",
)
class SignallingCriterionType:
    domain: str
    minimum_score: float | None
    signal_levels: list[str]
    note: str

    @classmethod
    def of(cls, c: SignallingCriterion) -> SignallingCriterionType:
        return cls(
            domain=c.domain,
            minimum_score=c.minimum_score,
            signal_levels=list(c.signal_levels),
            note=c.note,
        )


@strawberry.type(
    name="HgwSettings", description="How the HGW cycle runs at a school (version 0: defaults)"
)
class HgwSettingsType:
    school_id: strawberry.ID
    cycles_per_year: int
    cycle_a: bool
    cycle_b: bool
    plan_style: str
    meeting_form: str
    seo_instrument: str
    seo_categories: list[str]
    test_domains: list[str]
    signalling_criteria: list[SignallingCriterionType]
    work_attitude_column: bool
    direct_zat_from_group_meeting: bool
    version: int

    @classmethod
    def of(cls, s: HgwSettingsRead) -> HgwSettingsType:
        return cls(
            school_id=_id(s.school_id),
            cycles_per_year=s.cycles_per_year,
            cycle_a=s.cycle_a,
            cycle_b=s.cycle_b,
            plan_style=s.plan_style,
            meeting_form=s.meeting_form,
            seo_instrument=s.seo_instrument,
            seo_categories=list(s.seo_categories),
            test_domains=list(s.test_domains),
            signalling_criteria=[SignallingCriterionType.of(c) for c in s.signalling_criteria],
            work_attitude_column=s.work_attitude_column,
            direct_zat_from_group_meeting=s.direct_zat_from_group_meeting,
            version=s.version,
        )


@strawberry.type(name="CyclePeriod", description="A period of the HGW cycle in a school year")
class CyclePeriodType:
    id: strawberry.ID
    school_year_id: strawberry.ID
    school_year: str
    sequence: int
    name: str
    starts_on: date
    ends_on: date
    archived_at: datetime | None

    @classmethod
    def of(cls, p: CyclePeriodRead) -> CyclePeriodType:
        return cls(
            id=_id(p.id),
            school_year_id=_id(p.school_year_id),
            school_year=p.school_year,
            sequence=p.sequence,
            name=p.name,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            archived_at=p.archived_at,
        )


@strawberry.type(name="MeetingQuestion", description="A teacher's question for the meeting")
class QuestionType:
    author: str
    text: str
    at: datetime

    @classmethod
    def of(cls, q: QuestionRead) -> QuestionType:
        return cls(author=q.author, text=q.text, at=q.at)


@strawberry.type(name="MeetingDecision", description="What the meeting decided for a student")
class DecisionType:
    student_id: strawberry.ID
    decision: str
    note: str

    @classmethod
    def of(cls, d: DecisionRead) -> DecisionType:
        return cls(student_id=_id(d.student_id), decision=d.decision, note=d.note)


@strawberry.type(
    name="GroupMeeting", description="Groepsbespreking of a group overview, with its report"
)
class MeetingType:
    id: strawberry.ID
    overview_id: strawberry.ID
    group_id: strawberry.ID
    group_name: str
    period_name: str
    meeting_status: str = strawberry.field(
        description="scheduled or held (`status` in REST; renamed so that it never clashes "
        "with Problem.status in a result union)"
    )
    scheduled_on: date
    held_on: date | None
    chair_name: str
    attendees: list[str]
    agenda: list[str]
    teacher_questions: list[QuestionType]
    previous_plan_id: strawberry.ID | None
    previous_plan_evaluation: str
    attention_points: str
    clarified_needs: str
    clustering: str
    agreements: str
    summary: str
    decisions: list[DecisionType]
    editable: bool = strawberry.field(
        description="Whether you may write the report and hold the meeting"
    )
    version: int

    @classmethod
    def of(cls, m: MeetingRead) -> MeetingType:
        return cls(
            id=_id(m.id),
            overview_id=_id(m.overview_id),
            group_id=_id(m.group_id),
            group_name=m.group_name,
            period_name=m.period_name,
            meeting_status=m.status,
            scheduled_on=m.scheduled_on,
            held_on=m.held_on,
            chair_name=m.chair_name,
            attendees=list(m.attendees),
            agenda=list(m.agenda),
            teacher_questions=[QuestionType.of(q) for q in m.teacher_questions],
            previous_plan_id=_opt_id(m.previous_plan_id),
            previous_plan_evaluation=m.previous_plan_evaluation,
            attention_points=m.attention_points,
            clarified_needs=m.clarified_needs,
            clustering=m.clustering,
            agreements=m.agreements,
            summary=m.summary,
            decisions=[DecisionType.of(d) for d in m.decisions],
            editable=m.editable,
            version=m.version,
        )


@strawberry.type(description="A record that was removed")
class Deleted:
    id: strawberry.ID


@strawberry.type(description="A school's cycle periods, newest first")
class CyclePeriodList:
    items: list[CyclePeriodType]


@strawberry.type(description="A group's overviews, newest period first")
class GroupOverviewList:
    items: list[OverviewSummaryType]


@strawberry.type(description="A student's educational needs, newest first")
class EducationalNeedList:
    items: list[NeedType]


@strawberry.type(description="A student's HGW timeline, newest first")
class StudentTimeline:
    items: list[TimelineItemType]


# -- inputs: plain fields; the REST write models validate them (same rules, same pointers) --
@strawberry.input(description="Cells of a student's overview row; leave out what does not change")
class OverviewRowInput:
    observations: str | None = strawberry.UNSET
    student_conversation: str | None = strawberry.UNSET
    parent_conversation: str | None = strawberry.UNSET
    agreements: str | None = strawberry.UNSET
    stimulating_factors: str | None = strawberry.UNSET
    hindering_factors: str | None = strawberry.UNSET
    strengths: str | None = strawberry.UNSET
    work_attitude: str | None = strawberry.UNSET
    particulars: str | None = strawberry.UNSET
    instruction_level: str | None = strawberry.UNSET


@strawberry.input(description="Signal a student for extra attention (behind or ahead)")
class SignalInput:
    student_id: strawberry.ID
    category: str
    mode: str
    basis: list[str]
    note: str | None = strawberry.UNSET


@strawberry.input(description="A goal; `id` keeps its identity across edits and evaluations")
class GoalInput:
    text: str
    id: strawberry.ID | None = strawberry.UNSET
    desired_behaviour: bool | None = strawberry.UNSET
    measure: str | None = strawberry.UNSET
    target_date: date | None = strawberry.UNSET


@strawberry.input(description="What the student needs, under one of the seven headings")
class NeedItemInput:
    category: str
    text: str
    phrase: str | None = strawberry.UNSET


@strawberry.input(description="An educational need: at least one goal and one need item")
class EducationalNeedInput:
    domain: str
    nature: str
    goals: list[GoalInput]
    items: list[NeedItemInput]
    set_with_student: bool
    valid_from: date
    valid_until: date
    overview_id: strawberry.ID | None = strawberry.UNSET
    scope: str | None = strawberry.UNSET
    subject: str | None = strawberry.UNSET
    uses_talents: str | None = strawberry.UNSET
    student_view: str | None = strawberry.UNSET


@strawberry.input(description="A school or department minimum for signalling")
class SignallingCriterionInput:
    domain: str
    minimum_score: float | None = strawberry.UNSET
    signal_levels: list[str] | None = strawberry.UNSET
    note: str | None = strawberry.UNSET


@strawberry.input(description="The school's HGW choices, all of them (a PUT)")
class HgwSettingsInput:
    cycles_per_year: int
    cycle_a: bool
    cycle_b: bool
    plan_style: str
    meeting_form: str
    seo_instrument: str
    seo_categories: list[str]
    test_domains: list[str]
    signalling_criteria: list[SignallingCriterionInput] | None = strawberry.UNSET
    work_attitude_column: bool | None = strawberry.UNSET
    direct_zat_from_group_meeting: bool | None = strawberry.UNSET


@strawberry.input(description="A cycle period within one of the school's years")
class CyclePeriodInput:
    school_year_id: strawberry.ID
    sequence: int
    name: str
    starts_on: date
    ends_on: date


@strawberry.input(description="Start a group's overview of a cycle period (cycle B: a subject)")
class GroupOverviewInput:
    cycle_period_id: strawberry.ID
    cycle: str | None = strawberry.UNSET
    subject: str | None = strawberry.UNSET


@strawberry.input(description="A test result or social-emotional score: a score, a level or both")
class ResultInput:
    kind: str
    domain: str
    instrument: str
    taken_on: date
    respondent: str | None = strawberry.UNSET
    score: float | None = strawberry.UNSET
    level: str | None = strawberry.UNSET


@strawberry.input(description="Schedule the group meeting; the chair defaults to you")
class GroupMeetingInput:
    scheduled_on: date
    chair_name: str | None = strawberry.UNSET


@strawberry.input(description="What the meeting decided for a student")
class MeetingDecisionInput:
    student_id: strawberry.ID
    decision: str
    note: str | None = strawberry.UNSET


@strawberry.input(description="The meeting's report; decisions replace the earlier list")
class GroupMeetingReportInput:
    scheduled_on: date
    chair_name: str
    held_on: date | None = strawberry.UNSET
    attendees: list[str] | None = strawberry.UNSET
    agenda: list[str] | None = strawberry.UNSET
    previous_plan_evaluation: str | None = strawberry.UNSET
    attention_points: str | None = strawberry.UNSET
    clarified_needs: str | None = strawberry.UNSET
    clustering: str | None = strawberry.UNSET
    agreements: str | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    decisions: list[MeetingDecisionInput] | None = strawberry.UNSET


@strawberry.input(description="A teacher's question for the meeting, asked beforehand")
class MeetingQuestionInput:
    text: str


@strawberry.input(description="Close the meeting: the signals discussed are confirmed")
class HoldGroupMeetingInput:
    held_on: date
    confirmed_signal_ids: list[strawberry.ID] | None = strawberry.UNSET


GroupOverviewResult = Annotated[OverviewType | Problem, strawberry.union("GroupOverviewResult")]
GroupOverviewsResult = Annotated[
    GroupOverviewList | Problem, strawberry.union("GroupOverviewsResult")
]
StudentNeedsResult = Annotated[
    EducationalNeedList | Problem, strawberry.union("StudentNeedsResult")
]
StudentTimelineResult = Annotated[
    StudentTimeline | Problem, strawberry.union("StudentTimelineResult")
]
UpdateOverviewRowResult = Annotated[RowType | Problem, strawberry.union("UpdateOverviewRowResult")]
CreateSignalResult = Annotated[SignalType | Problem, strawberry.union("CreateSignalResult")]
CreateNeedResult = Annotated[NeedType | Problem, strawberry.union("CreateNeedResult")]
UpdateNeedResult = Annotated[NeedType | Problem, strawberry.union("UpdateNeedResult")]
HgwSettingsResult = Annotated[HgwSettingsType | Problem, strawberry.union("HgwSettingsResult")]
CyclePeriodsResult = Annotated[CyclePeriodList | Problem, strawberry.union("CyclePeriodsResult")]
GroupMeetingResult = Annotated[MeetingType | Problem, strawberry.union("GroupMeetingResult")]
PutHgwSettingsResult = Annotated[
    HgwSettingsType | Problem, strawberry.union("PutHgwSettingsResult")
]
CreateCyclePeriodResult = Annotated[
    CyclePeriodType | Problem, strawberry.union("CreateCyclePeriodResult")
]
ArchiveCyclePeriodResult = Annotated[
    CyclePeriodType | Problem, strawberry.union("ArchiveCyclePeriodResult")
]
CreateGroupOverviewResult = Annotated[
    OverviewType | Problem, strawberry.union("CreateGroupOverviewResult")
]
PublishGroupOverviewResult = Annotated[
    OverviewSummaryType | Problem, strawberry.union("PublishGroupOverviewResult")
]
DeleteSignalResult = Annotated[Deleted | Problem, strawberry.union("DeleteSignalResult")]
CreateResultResult = Annotated[ResultType | Problem, strawberry.union("CreateResultResult")]
CreateGroupMeetingResult = Annotated[
    MeetingType | Problem, strawberry.union("CreateGroupMeetingResult")
]
UpdateGroupMeetingResult = Annotated[
    MeetingType | Problem, strawberry.union("UpdateGroupMeetingResult")
]
AddMeetingQuestionResult = Annotated[
    MeetingType | Problem, strawberry.union("AddMeetingQuestionResult")
]
HoldGroupMeetingResult = Annotated[
    MeetingType | Problem, strawberry.union("HoldGroupMeetingResult")
]


@strawberry.type
class HgwQuery:
    @strawberry.field(
        description="A whole group overview: every student's row with results, signals and "
        "needs, in a fixed number of queries. Null for an overview you may not see."
    )
    async def group_overview(self, info: Info, id: strawberry.ID) -> GroupOverviewResult | None:
        ctx = info.context

        async def read(overview_id: uuid.UUID) -> OverviewType:
            return OverviewType.of(
                await overviews.get_overview(ctx.uow, ctx.principal, overview_id)
            )

        return await visible(info, id, read)

    @strawberry.field(
        description="A group's overviews, newest period first; null for a group you may not see"
    )
    async def group_overviews(
        self, info: Info, group_id: strawberry.ID
    ) -> GroupOverviewsResult | None:
        ctx = info.context

        async def read(gid: uuid.UUID) -> GroupOverviewList:
            rows = await overviews.list_overviews(ctx.uow, ctx.principal, gid)
            return GroupOverviewList(items=[OverviewSummaryType.of(s) for s in rows])

        return await visible(info, group_id, read)

    @strawberry.field(
        description="A student's educational needs, newest first; null for a student you may "
        "not see"
    )
    async def student_needs(
        self, info: Info, student_id: strawberry.ID
    ) -> StudentNeedsResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> EducationalNeedList:
            found = await needs_service.list_needs(ctx.uow, ctx.principal, sid)
            return EducationalNeedList(items=[NeedType.of(n) for n in found])

        return await visible(info, student_id, read, student=True)

    @strawberry.field(
        description="Signals, needs, plans, meeting decisions and the OPP of a student, newest "
        "first; null for a student you may not see"
    )
    async def student_timeline(
        self, info: Info, student_id: strawberry.ID
    ) -> StudentTimelineResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> StudentTimeline:
            items = await timeline.student_timeline(ctx.uow, ctx.principal, sid)
            return StudentTimeline(items=[TimelineItemType.of(t) for t in items])

        return await visible(info, student_id, read, student=True)

    @strawberry.field(
        description="How the HGW cycle runs at a school (version 0: the defaults, never saved); "
        "null for a school you may not see"
    )
    async def hgw_settings(self, info: Info, school_id: strawberry.ID) -> HgwSettingsResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> HgwSettingsType:
            return HgwSettingsType.of(await school_config.get_settings(ctx.uow, ctx.principal, sid))

        return await visible(info, school_id, read)

    @strawberry.field(
        description="The school's cycle periods, newest first; null for a school you may not see"
    )
    async def cycle_periods(
        self, info: Info, school_id: strawberry.ID
    ) -> CyclePeriodsResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> CyclePeriodList:
            found = await school_config.list_periods(ctx.uow, ctx.principal, sid)
            return CyclePeriodList(items=[CyclePeriodType.of(p) for p in found])

        return await visible(info, school_id, read)

    @strawberry.field(
        description="A group meeting with its report; null for a meeting you may not see"
    )
    async def group_meeting(self, info: Info, id: strawberry.ID) -> GroupMeetingResult | None:
        ctx = info.context

        async def read(meeting_id: uuid.UUID) -> MeetingType:
            return MeetingType.of(await meetings.get_meeting(ctx.uow, ctx.principal, meeting_id))

        return await visible(info, id, read)


@strawberry.type
class HgwMutation:
    @strawberry.mutation(
        description="Change cells of one student's overview row (optimistic locking on the row)"
    )
    async def update_overview_row(
        self,
        info: Info,
        overview_id: strawberry.ID,
        student_id: strawberry.ID,
        expected_version: int,
        input: OverviewRowInput,
    ) -> UpdateOverviewRowResult:
        async def call() -> RowType:
            oid = some_id(overview_id, overviews.OVERVIEW_NOT_FOUND)
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = RowUpdate.model_validate(given(input))
            ctx = info.context
            return RowType.of(
                await overviews.update_row(ctx.uow, ctx.principal, oid, sid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Signal a student of the overview for extra attention in the coming period"
    )
    async def create_signal(
        self, info: Info, overview_id: strawberry.ID, input: SignalInput
    ) -> CreateSignalResult:
        async def call() -> SignalType:
            oid = some_id(overview_id, overviews.OVERVIEW_NOT_FOUND)
            data = SignalCreate.model_validate(given(input))
            ctx = info.context
            return SignalType.of(await overviews.create_signal(ctx.uow, ctx.principal, oid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Name an educational need; `hints` carry SMART(I) warnings, never refusals"
    )
    async def create_need(
        self, info: Info, student_id: strawberry.ID, input: EducationalNeedInput
    ) -> CreateNeedResult:
        async def call() -> NeedType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = NeedWrite.model_validate(given(input))
            ctx = info.context
            return NeedType.of(await needs_service.create_need(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(description="Replace an educational need (optimistic locking)")
    async def update_need(
        self,
        info: Info,
        need_id: strawberry.ID,
        expected_version: int,
        input: EducationalNeedInput,
    ) -> UpdateNeedResult:
        async def call() -> NeedType:
            nid = some_id(need_id, needs_service.NEED_NOT_FOUND)
            data = NeedWrite.model_validate(given(input))
            ctx = info.context
            return NeedType.of(
                await needs_service.update_need(ctx.uow, ctx.principal, nid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Change the school's HGW choices (team leader, school leader, IB'er, "
        "zorgcoördinator); expectedVersion 0 while the defaults were never saved"
    )
    async def put_hgw_settings(
        self,
        info: Info,
        school_id: strawberry.ID,
        expected_version: int,
        input: HgwSettingsInput,
    ) -> PutHgwSettingsResult:
        async def call() -> HgwSettingsType:
            sid = some_id(school_id, SCHOOL_NOT_FOUND)
            data = HgwSettingsUpdate.model_validate(given(input))
            ctx = info.context
            return HgwSettingsType.of(
                await school_config.put_settings(
                    ctx.uow, ctx.principal, sid, expected_version, data
                )
            )

        return await answer(info, call)

    @strawberry.mutation(description="Plan a cycle period within one of the school's years")
    async def create_cycle_period(
        self, info: Info, school_id: strawberry.ID, input: CyclePeriodInput
    ) -> CreateCyclePeriodResult:
        async def call() -> CyclePeriodType:
            sid = some_id(school_id, SCHOOL_NOT_FOUND)
            data = CyclePeriodCreate.model_validate(given(input))
            ctx = info.context
            return CyclePeriodType.of(
                await school_config.create_period(ctx.uow, ctx.principal, sid, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Close a cycle: its overviews and plans become read-only. Every plan of the "
        "period must be evaluated first."
    )
    async def archive_cycle_period(
        self, info: Info, period_id: strawberry.ID
    ) -> ArchiveCyclePeriodResult:
        async def call() -> CyclePeriodType:
            pid = some_id(period_id, school_config.PERIOD_NOT_FOUND)
            ctx = info.context
            return CyclePeriodType.of(
                await school_config.archive_period(ctx.uow, ctx.principal, pid)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Start the overview of a cycle period, seeded from the group's previous one"
    )
    async def create_group_overview(
        self, info: Info, group_id: strawberry.ID, input: GroupOverviewInput
    ) -> CreateGroupOverviewResult:
        async def call() -> OverviewType:
            gid = some_id(group_id, GROUP_NOT_FOUND)
            data = OverviewCreate.model_validate(given(input))
            ctx = info.context
            return OverviewType.of(
                await overviews.create_overview(ctx.uow, ctx.principal, gid, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Share the overview with the group's teachers ahead of the group meeting"
    )
    async def publish_group_overview(
        self, info: Info, overview_id: strawberry.ID
    ) -> PublishGroupOverviewResult:
        async def call() -> OverviewSummaryType:
            oid = some_id(overview_id, overviews.OVERVIEW_NOT_FOUND)
            ctx = info.context
            return OverviewSummaryType.of(await overviews.publish(ctx.uow, ctx.principal, oid))

        return await answer(info, call)

    @strawberry.mutation(
        description="Withdraw a signal that was not yet confirmed in the group meeting"
    )
    async def delete_signal(self, info: Info, signal_id: strawberry.ID) -> DeleteSignalResult:
        async def call() -> Deleted:
            sid = some_id(signal_id, overviews.SIGNAL_NOT_FOUND)
            ctx = info.context
            await overviews.delete_signal(ctx.uow, ctx.principal, sid)
            return Deleted(id=_id(sid))

        return await answer(info, call)

    @strawberry.mutation(
        description="Enter a test result or a social-emotional score (imports come from the LVS)"
    )
    async def create_result(
        self, info: Info, student_id: strawberry.ID, input: ResultInput
    ) -> CreateResultResult:
        async def call() -> ResultType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = ResultCreate.model_validate(given(input))
            ctx = info.context
            return ResultType.of(await overviews.create_result(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Schedule the group meeting (groepsbespreking) with the standard agenda"
    )
    async def create_group_meeting(
        self, info: Info, overview_id: strawberry.ID, input: GroupMeetingInput
    ) -> CreateGroupMeetingResult:
        async def call() -> MeetingType:
            oid = some_id(overview_id, overviews.OVERVIEW_NOT_FOUND)
            data = MeetingCreate.model_validate(given(input))
            ctx = info.context
            return MeetingType.of(await meetings.create_meeting(ctx.uow, ctx.principal, oid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Write the report: attendees, agenda, evaluation, decisions per student "
        "(optimistic locking)"
    )
    async def update_group_meeting(
        self,
        info: Info,
        meeting_id: strawberry.ID,
        expected_version: int,
        input: GroupMeetingReportInput,
    ) -> UpdateGroupMeetingResult:
        async def call() -> MeetingType:
            mid = some_id(meeting_id, meetings.MEETING_NOT_FOUND)
            data = MeetingUpdate.model_validate(given(input))
            ctx = info.context
            return MeetingType.of(
                await meetings.update_meeting(ctx.uow, ctx.principal, mid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(description="A teacher's question for the meeting, asked beforehand")
    async def add_meeting_question(
        self, info: Info, meeting_id: strawberry.ID, input: MeetingQuestionInput
    ) -> AddMeetingQuestionResult:
        async def call() -> MeetingType:
            mid = some_id(meeting_id, meetings.MEETING_NOT_FOUND)
            data = QuestionCreate.model_validate(given(input))
            ctx = info.context
            return MeetingType.of(await meetings.add_question(ctx.uow, ctx.principal, mid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Record that the meeting was held: confirms the discussed signals and hands "
        "students registered with the care team over to case routing (optimistic locking)"
    )
    async def hold_group_meeting(
        self,
        info: Info,
        meeting_id: strawberry.ID,
        expected_version: int,
        input: HoldGroupMeetingInput,
    ) -> HoldGroupMeetingResult:
        async def call() -> MeetingType:
            mid = some_id(meeting_id, meetings.MEETING_NOT_FOUND)
            data = MeetingHold.model_validate(given(input))
            ctx = info.context
            return MeetingType.of(
                await meetings.hold_meeting(ctx.uow, ctx.principal, mid, expected_version, data)
            )

        return await answer(info, call)
