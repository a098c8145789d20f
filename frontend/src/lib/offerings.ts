/** Small rules of the gifted-education offering screens that do not depend on React: the
 * waitlist order, free places, the committee's decision, the offering and enrolment forms, the
 * plan for the regular class. The API decides; these rules only help the user get it right the
 * first time (and say so next to the field). */
import type {
  Application,
  ApplicationDecide,
  ApplicationRoute,
  CommitteeMember,
  Decision,
  Duration,
  EnrolmentCreate,
  EnrolmentGoal,
  InClassPlan,
  Offering,
  OfferingKind,
  OfferingWrite,
  Setting,
  StamschoolAgreements,
} from '../api/offerings';
import type { Me } from '../session/useMe';

export const SETTINGS: readonly Setting[] = ['own_class', 'separate_group', 'other_school'];
export const DURATIONS: readonly Duration[] = ['short_programme', 'whole_year'];
export const ROUTES: readonly ApplicationRoute[] = ['parents', 'intern_begeleider', 'swv'];
export const DECISIONS: readonly Decision[] = ['admitted', 'waitlisted', 'rejected'];
/** Review rhythms offered (weeks); 13 weeks is "elk kwartaal", the API's default. */
export const REVIEW_RHYTHMS = [4, 6, 8, 13, 26] as const;
export const DEFAULT_REVIEW_WEEKS = 13;
/** Mirrors the API's OfferingWrite: two to eight committee members, up to twelve goals. */
export const MIN_COMMITTEE = 2;
export const MAX_COMMITTEE = 8;
export const MAX_GOALS = 12;

// -- waitlist ---------------------------------------------------------------------------------

/** The list with the item at `index` moved `delta` places (−1 up, +1 down); the same list when
 * it cannot move (first up, last down). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** Whether two orders of ids differ (the "save order" button is for a changed order only). */
export function orderChanged(saved: readonly string[], current: readonly string[]): boolean {
  return saved.length !== current.length || saved.some((id, i) => id !== current[i]);
}

/** The current order kept, with ids that left the list dropped and new ones added at the end
 * (the queue was read again while the committee was reordering). */
export function reconcileOrder(order: readonly string[], ids: readonly string[]): string[] {
  const present = new Set(ids);
  const kept = order.filter((id) => present.has(id));
  const known = new Set(kept);
  return [...kept, ...ids.filter((id) => !known.has(id))];
}

// -- places -----------------------------------------------------------------------------------

/** Free places: the queue's own count when it has one, else capacity minus enrolled; null
 * when the offering has no capacity (no limit). Never below zero. */
export function freePlaces(
  offering: Pick<Offering, 'capacity' | 'enrolled'>,
  queueFree?: number | null,
): number | null {
  if (offering.capacity === null || offering.capacity === undefined) return queueFree ?? null;
  const free = queueFree ?? offering.capacity - offering.enrolled;
  return Math.max(0, free);
}

export function isFull(free: number | null): boolean {
  return free !== null && free <= 0;
}

// -- the committee's decision -----------------------------------------------------------------

export interface DecisionDraft {
  decision: Decision;
  decidedBy: string[];
  reason: string;
  exception: boolean;
  exceptionReason: string;
}

export type DecisionProblem =
  | 'tooFewDeciders'
  | 'callerNotAmong'
  | 'reasonRequired'
  | 'fullNeedsException'
  | 'exceptionReasonRequired';

/** What stops a decision, per field (`decided_by`, `reason`, `exception`, `exception_reason`,
 * as the API's pointers name them). `callerId`: the caller's staff id when known. */
export function decisionProblems(
  draft: DecisionDraft,
  context: { full: boolean; callerId?: string | null },
): Partial<Record<'decided_by' | 'reason' | 'exception' | 'exception_reason', DecisionProblem>> {
  const problems: Partial<
    Record<'decided_by' | 'reason' | 'exception' | 'exception_reason', DecisionProblem>
  > = {};
  const deciders = new Set(draft.decidedBy);
  if (deciders.size < MIN_COMMITTEE) problems.decided_by = 'tooFewDeciders';
  else if (context.callerId && !deciders.has(context.callerId))
    problems.decided_by = 'callerNotAmong';
  if (draft.decision === 'rejected' && !draft.reason.trim()) problems.reason = 'reasonRequired';
  if (draft.decision === 'admitted' && context.full && !draft.exception)
    problems.exception = 'fullNeedsException';
  if (draft.exception && !draft.exceptionReason.trim())
    problems.exception_reason = 'exceptionReasonRequired';
  return problems;
}

export function toDecisionBody(draft: DecisionDraft): ApplicationDecide {
  return {
    decision: draft.decision,
    decided_by: [...new Set(draft.decidedBy)],
    reason: draft.reason.trim(),
    exception: draft.exception,
    exception_reason: draft.exception ? draft.exceptionReason.trim() : '',
  };
}

/** The caller's staff record at a school (a committee is named by staff records). */
export function staffIdAt(me: Me, schoolId: string): string | null {
  return me.schools.find((s) => s.id === schoolId)?.staff_member_id ?? null;
}

/** The caller among the committee members (by their staff record at the offering's school). */
export function callerOnCommittee(
  committee: readonly CommitteeMember[],
  staffId: string | null | undefined,
): CommitteeMember | null {
  return staffId ? (committee.find((m) => m.staff_id === staffId) ?? null) : null;
}

// -- the offering form ------------------------------------------------------------------------

export interface GoalDraft {
  key: number;
  text: string;
  cognitive: boolean;
}

export interface OfferingForm {
  name: string;
  kind: OfferingKind | '';
  setting: Setting;
  regional: boolean;
  openToOtherSchools: boolean;
  duration: Duration;
  startsOn: string;
  endsOn: string;
  schedule: string;
  hoursPerWeek: string;
  fixedTeacher: string;
  goals: GoalDraft[];
  targetGroup: string;
  selectionCriteria: string;
  capacity: string;
  routes: ApplicationRoute[];
  committee: string[];
  archived: boolean;
}

export function emptyOfferingForm(): OfferingForm {
  return {
    name: '',
    kind: '',
    setting: 'separate_group',
    regional: false,
    openToOtherSchools: false,
    duration: 'whole_year',
    startsOn: '',
    endsOn: '',
    schedule: '',
    hoursPerWeek: '',
    fixedTeacher: '',
    goals: [{ key: 1, text: '', cognitive: true }],
    targetGroup: '',
    selectionCriteria: '',
    capacity: '',
    routes: ['intern_begeleider'],
    committee: [],
    archived: false,
  };
}

export function offeringToForm(o: Offering): OfferingForm {
  return {
    name: o.name,
    kind: o.kind,
    setting: o.setting,
    regional: o.regional,
    openToOtherSchools: o.open_to_other_schools,
    duration: o.duration,
    startsOn: o.starts_on ?? '',
    endsOn: o.ends_on ?? '',
    schedule: o.schedule,
    hoursPerWeek: o.hours_per_week === null ? '' : String(o.hours_per_week).replace('.', ','),
    fixedTeacher: o.fixed_teacher_staff_id ?? '',
    goals: o.goals.map((g, i) => ({ key: i + 1, text: g.text, cognitive: g.cognitive ?? false })),
    targetGroup: o.target_group,
    selectionCriteria: o.selection_criteria,
    capacity: o.capacity === null ? '' : String(o.capacity),
    routes: [...o.application_routes],
    committee: o.committee.map((m) => m.staff_id),
    archived: o.archived,
  };
}

/** A number as typed in Dutch ("2,5") or English ("2.5"); null for empty, NaN for nonsense. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export type OfferingProblem =
  | 'required'
  | 'goalRequired'
  | 'tooManyGoals'
  | 'routeRequired'
  | 'committeeTooSmall'
  | 'committeeTooLarge'
  | 'hoursRange'
  | 'capacityRange'
  | 'endsBeforeStart';

/** What the form still needs, keyed by the API's JSON pointer ("/name", "/goals/1/text"), so
 * it sits where a 422 of the API would. Every goal row counts (remove an empty one). */
export function offeringFormProblems(f: OfferingForm): Record<string, OfferingProblem> {
  const problems: Record<string, OfferingProblem> = {};
  if (!f.name.trim()) problems['/name'] = 'required';
  if (!f.kind) problems['/kind'] = 'required';
  if (f.goals.length === 0) problems['/goals'] = 'goalRequired';
  else if (f.goals.length > MAX_GOALS) problems['/goals'] = 'tooManyGoals';
  f.goals.forEach((g, i) => {
    if (!g.text.trim()) problems[`/goals/${i}/text`] = 'required';
  });
  if (!f.targetGroup.trim()) problems['/target_group'] = 'required';
  if (f.routes.length === 0) problems['/application_routes'] = 'routeRequired';
  const committee = new Set(f.committee);
  if (committee.size < MIN_COMMITTEE) problems['/committee_staff_ids'] = 'committeeTooSmall';
  else if (committee.size > MAX_COMMITTEE) problems['/committee_staff_ids'] = 'committeeTooLarge';
  const hours = parseNumber(f.hoursPerWeek);
  if (hours !== null && !(hours >= 0 && hours <= 40)) problems['/hours_per_week'] = 'hoursRange';
  const capacity = parseNumber(f.capacity);
  if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 1 && capacity <= 500))
    problems['/capacity'] = 'capacityRange';
  if (f.startsOn && f.endsOn && f.endsOn < f.startsOn) problems['/ends_on'] = 'endsBeforeStart';
  return problems;
}

/** The form as the API's OfferingWrite (call only when `offeringFormProblems` is empty). */
export function toOfferingWrite(f: OfferingForm): OfferingWrite {
  return {
    name: f.name.trim(),
    kind: f.kind || 'other',
    setting: f.setting,
    regional: f.regional,
    open_to_other_schools: f.openToOtherSchools,
    duration: f.duration,
    starts_on: f.startsOn || null,
    ends_on: f.endsOn || null,
    schedule: f.schedule.trim(),
    hours_per_week: parseNumber(f.hoursPerWeek),
    fixed_teacher_staff_id: f.fixedTeacher || null,
    goals: f.goals.map((g) => ({ text: g.text.trim(), cognitive: g.cognitive })),
    target_group: f.targetGroup.trim(),
    selection_criteria: f.selectionCriteria.trim(),
    capacity: parseNumber(f.capacity),
    application_routes: ROUTES.filter((r) => f.routes.includes(r)),
    committee_staff_ids: [...new Set(f.committee)],
    archived: f.archived,
  };
}

/** Points of attention of an offering (IMAGE, 004:79-98 and 144-151): no fixed teacher, no
 * cognitive goal. */
export function offeringAttention(o: Pick<Offering, 'fixed_teacher_staff_id' | 'goals'>) {
  return {
    noFixedTeacher: !o.fixed_teacher_staff_id,
    noCognitiveGoal: !o.goals.some((g) => g.cognitive),
  };
}

/** The routes a submission may take: the offering's, in the fixed order. */
export function allowedRoutes(offering: Pick<Offering, 'application_routes'> | undefined) {
  return ROUTES.filter((r) => offering?.application_routes.includes(r));
}

// -- applications -----------------------------------------------------------------------------

export function isDecided(status: Application['status']): boolean {
  return status === 'admitted' || status === 'rejected' || status === 'waitlisted';
}

// -- the enrolment form -----------------------------------------------------------------------

export interface AgreementsForm {
  responsibilities: string[];
  weeklyContact: string;
  gradualIntake: string;
  countsForReport: boolean;
  reportSubjects: string;
  parentContact: string;
  homeSchoolContact: string;
}

export interface EnrolmentForm {
  startsOn: string;
  goals: GoalDraft[];
  reviewEveryWeeks: number;
  regularTeacher: string;
  classAdjustments: string;
  alignment: string;
  individualPlanId: string;
  agreements: AgreementsForm;
}

export function emptyAgreements(): AgreementsForm {
  return {
    responsibilities: [''],
    weeklyContact: '',
    gradualIntake: '',
    countsForReport: false,
    reportSubjects: '',
    parentContact: '',
    homeSchoolContact: '',
  };
}

/** A new enrolment starts from the offering's goals (the cognitive ones marked). */
export function emptyEnrolmentForm(
  today: string,
  offeringGoals: readonly { text: string; cognitive?: boolean }[] = [],
): EnrolmentForm {
  const goals = offeringGoals.map((g, i) => ({
    key: i + 1,
    text: g.text,
    cognitive: g.cognitive ?? false,
  }));
  return {
    startsOn: today,
    goals: goals.length ? goals : [{ key: 1, text: '', cognitive: true }],
    reviewEveryWeeks: DEFAULT_REVIEW_WEEKS,
    regularTeacher: '',
    classAdjustments: '',
    alignment: '',
    individualPlanId: '',
    agreements: emptyAgreements(),
  };
}

export type EnrolmentProblem =
  | 'required'
  | 'goalRequired'
  | 'tooManyGoals'
  | 'responsibilityRequired'
  | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the plan for the regular class still needs. Outside the own class (a separate group,
 * another school) the API requires the teacher, the adjustments and the alignment: an offer
 * outside the class needs a plan in it. An individual plan "id" must be an id. */
export function planProblems(
  plan: Pick<
    EnrolmentForm,
    'regularTeacher' | 'classAdjustments' | 'alignment' | 'individualPlanId'
  >,
  outOfClass: boolean,
) {
  const problems: Record<string, EnrolmentProblem> = {};
  if (outOfClass) {
    if (!plan.regularTeacher) problems['/regular_teacher_staff_id'] = 'required';
    if (!plan.classAdjustments.trim()) problems['/class_adjustments'] = 'required';
    if (!plan.alignment.trim()) problems['/alignment'] = 'required';
  }
  if (plan.individualPlanId.trim() && !UUID.test(plan.individualPlanId.trim()))
    problems['/individual_plan_id'] = 'uuid';
  return problems;
}

/** What the stamschool agreements still need (pointers under "/agreements"). */
export function agreementsProblems(a: AgreementsForm) {
  const problems: Record<string, EnrolmentProblem> = {};
  if (!a.responsibilities.some((r) => r.trim()))
    problems['/agreements/responsibilities'] = 'responsibilityRequired';
  if (!a.weeklyContact.trim()) problems['/agreements/weekly_contact'] = 'required';
  if (!a.parentContact.trim()) problems['/agreements/parent_contact'] = 'required';
  if (!a.homeSchoolContact.trim()) problems['/agreements/home_school_contact'] = 'required';
  return problems;
}

/** What the enrolment still needs, keyed by the API's JSON pointer ("/agreements/parent_contact"). */
export function enrolmentFormProblems(
  f: EnrolmentForm,
  offering: { placement: boolean; outOfClass: boolean },
): Record<string, EnrolmentProblem> {
  const problems: Record<string, EnrolmentProblem> = {};
  if (!f.startsOn) problems['/starts_on'] = 'required';
  if (f.goals.length === 0) problems['/goals'] = 'goalRequired';
  else if (f.goals.length > MAX_GOALS) problems['/goals'] = 'tooManyGoals';
  f.goals.forEach((g, i) => {
    if (!g.text.trim()) problems[`/goals/${i}/text`] = 'required';
  });
  return {
    ...problems,
    ...planProblems(f, offering.outOfClass),
    ...(offering.placement ? agreementsProblems(f.agreements) : {}),
  };
}

export function toAgreements(a: AgreementsForm): StamschoolAgreements {
  return {
    responsibilities: a.responsibilities.map((r) => r.trim()).filter(Boolean),
    weekly_contact: a.weeklyContact.trim(),
    gradual_intake: a.gradualIntake.trim(),
    counts_for_report: a.countsForReport,
    report_subjects: a.countsForReport ? a.reportSubjects.trim() : '',
    parent_contact: a.parentContact.trim(),
    home_school_contact: a.homeSchoolContact.trim(),
  };
}

export function agreementsToForm(a: StamschoolAgreements | null | undefined): AgreementsForm {
  if (!a) return emptyAgreements();
  return {
    responsibilities: a.responsibilities.length ? [...a.responsibilities] : [''],
    weeklyContact: a.weekly_contact,
    gradualIntake: a.gradual_intake,
    countsForReport: a.counts_for_report,
    reportSubjects: a.report_subjects,
    parentContact: a.parent_contact,
    homeSchoolContact: a.home_school_contact,
  };
}

export function toEnrolmentCreate(
  f: EnrolmentForm,
  applicationId: string,
  placement: boolean,
): EnrolmentCreate {
  return {
    application_id: applicationId,
    starts_on: f.startsOn,
    goals: f.goals.map((g) => ({
      text: g.text.trim(),
      cognitive: g.cognitive,
      status: 'open' as const,
    })),
    review_every_weeks: f.reviewEveryWeeks,
    regular_teacher_staff_id: f.regularTeacher || null,
    class_adjustments: f.classAdjustments.trim(),
    alignment: f.alignment.trim(),
    individual_plan_id: f.individualPlanId.trim() || null,
    agreements: placement ? toAgreements(f.agreements) : null,
  };
}

/** What the plan for the regular class still lacks ("een deeltijdoplossing voor een
 * voltijdprobleem" otherwise): a named teacher, the adjustments, the alignment. */
export function inClassPlanGaps(
  plan: Pick<InClassPlan, 'regular_teacher_staff_id' | 'class_adjustments' | 'alignment'>,
): ('teacher' | 'adjustments' | 'alignment')[] {
  const gaps: ('teacher' | 'adjustments' | 'alignment')[] = [];
  if (!plan.regular_teacher_staff_id) gaps.push('teacher');
  if (!plan.class_adjustments.trim()) gaps.push('adjustments');
  if (!plan.alignment.trim()) gaps.push('alignment');
  return gaps;
}

/** Goals not yet achieved: "doelen behaald" as an exit reason waits for these. */
export function openGoals(goals: readonly EnrolmentGoal[]): EnrolmentGoal[] {
  return goals.filter((g) => g.status !== 'achieved');
}

export function goalsAchieved(goals: readonly EnrolmentGoal[]): {
  achieved: number;
  total: number;
} {
  return { achieved: goals.filter((g) => g.status === 'achieved').length, total: goals.length };
}

/** A mean change with its sign, in the user's language ("+0,4", "−0,2", "0,0"). */
export function formatChange(value: number, language = 'nl'): string {
  const text = new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
  }).format(Math.abs(value));
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

export function formatMean(value: number, language = 'nl'): string {
  return new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
  }).format(value);
}

// -- who may do what (mirrors gifted/policies.py; the API decides) -----------------------------

/** The API's OFFERING_EDIT: HB staff, leadership, the intern begeleider and the zorgcoördinator
 * record and edit the school's offerings. */
const OFFERING_EDIT: readonly string[] = [
  'hb_specialist',
  'hb_coordinator',
  'intern_begeleider',
  'zorgcoordinator',
  'team_leader',
  'school_leader',
];
/** HB staff and leadership of the offering's school see its applications, participants and
 * outcomes (as does its committee). */
const RUNS_OFFERINGS: readonly string[] = [
  'hb_specialist',
  'hb_coordinator',
  'team_leader',
  'school_leader',
];

export function mayEditOfferings(roles: readonly string[]): boolean {
  return roles.some((r) => OFFERING_EDIT.includes(r));
}

export function runsOfferings(roles: readonly string[]): boolean {
  return roles.some((r) => RUNS_OFFERINGS.includes(r));
}
