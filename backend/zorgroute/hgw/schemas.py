"""Read and write models of the HGW cycle: settings, cycle periods, group overviews, results,
signals, educational needs and group meetings."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

_TEXT = r"^[^\x00]*$"
Short = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=_TEXT)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=_TEXT)]
Text = Annotated[str, StringConstraints(max_length=4000, pattern=_TEXT)]
Required = Annotated[str, StringConstraints(min_length=1, max_length=4000, pattern=_TEXT)]

Cycle = Literal["A", "B"]
PlanStyle = Literal["group_plan", "per_subgroup"]
MeetingForm = Literal["subject_department", "core_team", "with_mentor"]
OverviewStatus = Literal["draft", "published", "archived"]
InstructionLevel = Literal["independent", "sensitive", "dependent"]
ResultKind = Literal["test", "seo"]
Respondent = Literal["student", "teacher"]
SignalCategory = Literal[
    "basic_skill_delay", "subject_delay", "behaviour_seo", "work_attitude", "downward_trend",
    "learning_lead", "talent", "home_situation",
]  # fmt: skip
SignalMode = Literal["reactive", "proactive"]
SignalBasis = Literal["test", "observation", "conversation"]
NeedScope = Literal["cross_subject", "subject"]
NeedDomain = Literal["pedagogical", "basic_skills", "subject"]
NeedNature = Literal["didactic", "pedagogical"]
NeedCategory = Literal[
    "instruction", "assignments", "learning_activities", "feedback", "peers",
    "learning_environment", "teachers",
]  # fmt: skip
MeetingStatus = Literal["scheduled", "held"]
MeetingDecisionKind = Literal[
    "continue_in_group_plan", "bilateral_consultation", "teacher_coaching", "register_care_team"
]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- settings and periods -------------------------------------------------------------------
class SignallingCriterion(_In):
    """A school or department minimum: a result below it is marked in the overview."""

    domain: Label = Field(description="TL, BL, SP, RK or a subject")
    minimum_score: float | None = Field(default=None, ge=-1000, le=100_000)
    signal_levels: list[Label] = Field(
        default_factory=list, max_length=10, description='Levels that signal, e.g. ["IV", "V"]'
    )
    note: Text = ""


class HgwSettingsUpdate(_In):
    """Maatwerk per school: how the HGW cycle runs here."""

    cycles_per_year: int = Field(ge=2, le=4)
    cycle_a: bool = Field(description="Cross-subject cycle led by the mentor")
    cycle_b: bool = Field(description="Subject-specific cycle led by the subject teacher")
    plan_style: PlanStyle
    meeting_form: MeetingForm = Field(description="How cycle B's collegial meeting is held")
    seo_instrument: Short = Field(description="e.g. SVL, Leefstijl, Viseon, ZIEN!")
    seo_categories: list[Label] = Field(max_length=20)
    test_domains: list[Label] = Field(min_length=1, max_length=20)
    signalling_criteria: list[SignallingCriterion] = Field(default_factory=list, max_length=40)
    work_attitude_column: bool = False
    direct_zat_from_group_meeting: bool = False

    @model_validator(mode="after")
    def _some_cycle(self) -> HgwSettingsUpdate:
        if not (self.cycle_a or self.cycle_b):
            raise ValueError("At least one of cycle_a and cycle_b must run.")
        return self


class HgwSettingsRead(BaseModel):
    school_id: uuid.UUID
    cycles_per_year: int
    cycle_a: bool
    cycle_b: bool
    plan_style: PlanStyle
    meeting_form: MeetingForm
    seo_instrument: str
    seo_categories: list[str]
    test_domains: list[str]
    signalling_criteria: list[SignallingCriterion]
    work_attitude_column: bool
    direct_zat_from_group_meeting: bool
    version: int


class CyclePeriodCreate(_In):
    school_year_id: uuid.UUID
    sequence: int = Field(ge=1, le=4)
    name: Label
    starts_on: date
    ends_on: date

    @model_validator(mode="after")
    def _ordered(self) -> CyclePeriodCreate:
        if self.ends_on <= self.starts_on:
            raise ValueError("ends_on must be after starts_on.")
        return self


class CyclePeriodRead(BaseModel):
    id: uuid.UUID
    school_year_id: uuid.UUID
    school_year: str
    sequence: int
    name: str
    starts_on: date
    ends_on: date
    archived_at: datetime | None


# -- group overview -------------------------------------------------------------------------
class OverviewCreate(_In):
    """Start a group overview for a cycle period; it is seeded from the group's previous one."""

    cycle_period_id: uuid.UUID
    cycle: Cycle = "A"
    subject: Label | None = Field(default=None, description="Required for cycle B")

    @model_validator(mode="after")
    def _subject_for_b(self) -> OverviewCreate:
        if (self.cycle == "B") != (self.subject is not None):
            raise ValueError("A subject is required for cycle B and not allowed for cycle A.")
        return self


class OverviewSummary(BaseModel):
    id: uuid.UUID
    group_id: uuid.UUID
    group_name: str
    cycle_period_id: uuid.UUID
    period_name: str
    starts_on: date
    ends_on: date
    cycle: Cycle
    subject: str | None
    status: OverviewStatus
    dated_on: date
    owner_name: str
    plan_id: uuid.UUID | None
    plan_status: str | None
    meeting_id: uuid.UUID | None
    signal_count: int


class ResultRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    kind: ResultKind
    domain: str
    instrument: str
    respondent: Respondent | None
    taken_on: date
    score: float | None
    level: str | None
    below_minimum: bool = Field(description="Below the school's signalling criterion")
    source: str


class ResultCreate(_In):
    kind: ResultKind
    domain: Label
    instrument: Short
    respondent: Respondent | None = None
    taken_on: date
    score: float | None = Field(default=None, ge=-1000, le=100_000)
    level: Annotated[str, StringConstraints(min_length=1, max_length=20, pattern=_TEXT)] | None = (
        None
    )

    @model_validator(mode="after")
    def _has_value(self) -> ResultCreate:
        if self.score is None and self.level is None:
            raise ValueError("Give a score, a level or both.")
        if self.kind == "test" and self.respondent is not None:
            raise ValueError("A respondent belongs to social-emotional scores only.")
        return self


class ResultImportRow(ResultCreate):
    """One result from the LVS or a test platform, keyed on the source's own id."""

    external_id: Short = Field(description="The source's id of this result")
    student_external_id: Short = Field(description="The student's id in the same source")


class ResultImportRequest(_In):
    source: Label = Field(description="The system the results come from, as in roster:sync")
    results: list[ResultImportRow] = Field(min_length=1, max_length=10_000)


class ResultImportOutcome(BaseModel):
    pointer: str = Field(description="JSON pointer into the request, e.g. /results/12")
    external_id: str
    outcome: Literal["created", "updated", "unchanged", "rejected"]
    id: uuid.UUID | None
    problem: str | None = Field(description="Why a row was rejected")


class ResultImportResponse(BaseModel):
    source: str
    counts: dict[str, int]
    results: list[ResultImportOutcome]


class SignalCreate(_In):
    student_id: uuid.UUID
    category: SignalCategory
    mode: SignalMode
    basis: list[SignalBasis] = Field(min_length=1, max_length=3)
    note: Text = ""


class SignalRead(BaseModel):
    id: uuid.UUID
    overview_id: uuid.UUID
    student_id: uuid.UUID
    category: SignalCategory
    mode: SignalMode
    basis: list[SignalBasis]
    note: str
    created_by_name: str
    created_at: datetime
    confirmed_at: datetime | None


class GoalIn(_In):
    """A goal (doel), SMART(I). `id` keeps a goal's identity across edits and evaluations."""

    id: uuid.UUID | None = None
    text: Required
    desired_behaviour: bool = Field(default=False, description="Phrased as desired behaviour")
    measure: Text = Field(default="", description="How we see that it is reached")
    target_date: date | None = None


class GoalRead(BaseModel):
    id: uuid.UUID
    text: str
    desired_behaviour: bool
    measure: str
    target_date: date | None


class NeedItemIn(_In):
    """What the student needs, under one of the seven begrijpwijzer headings."""

    category: NeedCategory
    phrase: Text = Field(default="", description="The helper sentence chosen, if any")
    text: Required


class NeedItemRead(BaseModel):
    category: NeedCategory
    phrase: str
    text: str


class NeedWrite(_In):
    """An educational need: always at least one goal and at least one need item."""

    overview_id: uuid.UUID | None = None
    scope: NeedScope = "cross_subject"
    domain: NeedDomain
    nature: NeedNature
    subject: Label | None = None
    goals: list[GoalIn] = Field(min_length=1, max_length=10)
    items: list[NeedItemIn] = Field(min_length=1, max_length=20)
    uses_talents: Text = ""
    set_with_student: bool
    student_view: Text = Field(default="", description="The student's own words")
    valid_from: date
    valid_until: date

    @model_validator(mode="after")
    def _consistent(self) -> NeedWrite:
        if self.valid_until < self.valid_from:
            raise ValueError("valid_until must not be before valid_from.")
        if (self.scope == "subject") != (self.subject is not None):
            raise ValueError("A subject is required for subject-specific needs only.")
        return self


class Hint(BaseModel):
    """A quality hint (a warning, never a refusal), e.g. a goal that is not measurable."""

    code: str
    pointer: str
    message: str


class NeedRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    overview_id: uuid.UUID | None
    scope: NeedScope
    domain: NeedDomain
    nature: NeedNature
    subject: str | None
    goals: list[GoalRead]
    items: list[NeedItemRead]
    uses_talents: str
    set_with_student: bool
    student_view: str
    valid_from: date
    valid_until: date
    author_name: str
    created_at: datetime
    version: int
    hints: list[Hint]


class RowUpdate(_In):
    """The editable cells of a student's overview row. Omitted fields stay as they are."""

    observations: Text | None = None
    student_conversation: Text | None = None
    parent_conversation: Text | None = None
    agreements: Text | None = None
    stimulating_factors: Text | None = None
    hindering_factors: Text | None = None
    strengths: Text | None = None
    work_attitude: Text | None = None
    particulars: Text | None = Field(default=None, description="Restricted: mentor and care")
    instruction_level: InstructionLevel | None = None


class RowRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
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
    particulars: str | None = Field(description="null when you may not see particulars")
    instruction_level: InstructionLevel | None
    updated_by_name: str
    updated_at: datetime
    version: int
    results: list[ResultRead]
    signals: list[SignalRead]
    needs: list[NeedRead]


class OverviewRead(BaseModel):
    """The whole group overview: header, settings that shape its columns, and every row."""

    id: uuid.UUID
    school_id: uuid.UUID
    group_id: uuid.UUID
    group_name: str
    cycle_period_id: uuid.UUID
    period_name: str
    starts_on: date
    ends_on: date
    cycle: Cycle
    subject: str | None
    status: OverviewStatus
    dated_on: date
    owner_name: str
    seeded_from_id: uuid.UUID | None
    version: int
    editable: bool = Field(description="Whether you may change rows, signals and needs now")
    may_lead: bool = Field(
        description="Whether you may publish it, write its plan and run its group meeting now"
    )
    plan_id: uuid.UUID | None
    meeting_id: uuid.UUID | None
    test_domains: list[str]
    seo_categories: list[str]
    work_attitude_column: bool
    rows: list[RowRead]


# -- group meeting --------------------------------------------------------------------------
DEFAULT_AGENDA = (
    "Vragen van docenten inventariseren",
    "Evaluatie van het vorige groepsplan",
    "Aandachtspunten voor de hele groep",
    "Signalering: herkennen de docenten de signalen, ontbreekt er iemand?",
    "Onderwijsbehoeften verhelderen en aanscherpen",
    "Leerlingen clusteren",
    "Nieuw groepsplan en afspraken",
    "Wat betekent dit voor mijn eigen vak?",
    "Ondersteuningsbehoeften van docenten",
    "Aanmelden bij het intern zorgteam",
)


class MeetingCreate(_In):
    scheduled_on: date
    chair_name: Short | None = Field(default=None, description="Defaults to you")


class QuestionCreate(_In):
    text: Required


class DecisionIn(_In):
    student_id: uuid.UUID
    decision: MeetingDecisionKind
    note: Text = ""


class MeetingUpdate(_In):
    """The report (verslag) of the group meeting; decisions replace the earlier list."""

    scheduled_on: date
    held_on: date | None = None
    chair_name: Short
    attendees: list[Short] = Field(default_factory=list, max_length=40)
    agenda: list[Short] = Field(default_factory=list, max_length=30)
    previous_plan_evaluation: Text = ""
    attention_points: Text = ""
    clarified_needs: Text = ""
    clustering: Text = ""
    agreements: Text = ""
    summary: Text = ""
    decisions: list[DecisionIn] = Field(default_factory=list, max_length=200)


class MeetingHold(_In):
    """Close the meeting: signals of the overview that were discussed are confirmed."""

    held_on: date
    confirmed_signal_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)


class QuestionRead(BaseModel):
    author: str
    text: str
    at: datetime


class DecisionRead(BaseModel):
    student_id: uuid.UUID
    decision: MeetingDecisionKind
    note: str


class MeetingRead(BaseModel):
    id: uuid.UUID
    overview_id: uuid.UUID
    group_id: uuid.UUID
    group_name: str
    period_name: str
    status: MeetingStatus
    scheduled_on: date
    held_on: date | None
    chair_name: str
    attendees: list[str]
    agenda: list[str]
    teacher_questions: list[QuestionRead]
    previous_plan_id: uuid.UUID | None
    previous_plan_evaluation: str
    attention_points: str
    clarified_needs: str
    clustering: str
    agreements: str
    summary: str
    decisions: list[DecisionRead]
    editable: bool = Field(description="Whether you may write the report and hold the meeting")
    version: int


# -- timeline and catalogue -----------------------------------------------------------------
TimelineKind = Literal[
    "signal", "need", "meeting_decision", "group_plan", "plan_evaluation", "individual_plan",
    "development_perspective", "overview_row",
]  # fmt: skip


class TimelineItem(BaseModel):
    kind: TimelineKind
    at: date
    title: str = Field(description="Dutch label, e.g. 'Onderwijsbehoefte benoemd'")
    summary: str
    student_words: str | None = Field(description="The student's own words, where recorded")
    ref_id: uuid.UUID
    link: str | None = Field(description="SPA path of the source record")


class HelperPhrase(BaseModel):
    category: NeedCategory
    heading: str
    phrases: list[str]
