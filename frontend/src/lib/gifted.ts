/** Small rules of the gifted-education screens that do not depend on React: scoring the
 * observation instrument with the keyboard, the self-assessment's limits, the teacher's scores
 * next to the student's own view, measurements per wave, the guidance phases. The wording
 * (skills, questions, recommendations, phases) comes from the API's vocabulary. */
import type {
  ChoiceHour,
  Measurement,
  ObservationIn,
  Recommendation,
  Skill,
  SkillComparison,
  Term,
} from '../api/gifted';

// -- the observation instrument -----------------------------------------------------------

/** A row's answer: a score 1-5 or null ("niet geobserveerd"); absent while not answered. */
export type RowScore = number | null;
export type Scores = Readonly<Record<string, RowScore>>;

export const SCORES = [1, 2, 3, 4, 5] as const;
/** The radio value of "niet geobserveerd" (a radio's value is a string). */
export const NOT_OBSERVED = 'none';

/** What a key typed on a focused row sets: "1".."5" a score, "0" not observed; otherwise
 * nothing (undefined), so other keys keep their usual meaning (arrows, Tab, Space). */
export function scoreForKey(key: string): RowScore | undefined {
  if (key.length === 1 && key >= '1' && key <= '5') return Number(key);
  if (key === '0') return null;
  return undefined;
}

/** Whether a key press on a row is a scoring key: no modifier held (Ctrl+1 switches tabs), not
 * typed into a text field (the row's explanation). */
export function isScoringKey(event: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey) return false;
  const target = event.target as { tagName?: string; type?: string } | null;
  const tag = target?.tagName?.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return false;
  if (tag === 'input' && target?.type !== 'radio') return false;
  return scoreForKey(event.key) !== undefined;
}

/** The row focus moves to after scoring row `index`: the next one, or null after the last
 * (focus then goes to the remarks). */
export function nextRow(index: number, count: number): number | null {
  return index + 1 < count ? index + 1 : null;
}

/** A row's answer as its radio value, and back. */
export function radioValue(score: RowScore | undefined): string {
  if (score === undefined) return '';
  return score === null ? NOT_OBSERVED : String(score);
}
export function scoreOfRadio(value: string): RowScore {
  return value === NOT_OBSERVED ? null : Number(value);
}

/** Skills without an answer (a score or "niet geobserveerd"), in the instrument's order. */
export function unanswered(skills: readonly string[], scores: Scores): string[] {
  return skills.filter((skill) => !(skill in scores));
}

/** Every answered skill marked "niet geobserveerd": the API wants at least one score. */
export function nothingObserved(skills: readonly string[], scores: Scores): boolean {
  return skills.every((skill) => scores[skill] === null || scores[skill] === undefined);
}

export interface ObservationValues {
  observedOn: string;
  scores: Scores;
  explanations: Readonly<Record<string, string>>;
  remarks: string;
  recommendation: Recommendation | '';
  reviewOn: string;
  offeringId: string;
}

/** Problems the form finds before sending, keyed by the API's pointers ("/scores/planning"). */
export function observationProblems(
  skills: readonly string[],
  v: ObservationValues,
): Record<string, 'required' | 'nothingObserved' | 'reviewAfter'> {
  const problems: Record<string, 'required' | 'nothingObserved' | 'reviewAfter'> = {};
  if (!v.observedOn) problems['/observed_on'] = 'required';
  for (const skill of unanswered(skills, v.scores)) problems[`/scores/${skill}`] = 'required';
  if (unanswered(skills, v.scores).length === 0 && nothingObserved(skills, v.scores))
    problems['/scores'] = 'nothingObserved';
  if (!v.recommendation) problems['/recommendation'] = 'required';
  if (v.recommendation === 'challenge_in_class') {
    if (!v.reviewOn) problems['/review_on'] = 'required';
    else if (v.observedOn && v.reviewOn <= v.observedOn) problems['/review_on'] = 'reviewAfter';
  }
  if (v.recommendation === 'group_offering' && !v.offeringId) problems['/offering_id'] = 'required';
  return problems;
}

/** The observation in the API's shape: all skills, explanations without empty ones, a review
 * date only with "challenge in class", an offering only with "group offering". */
export function observationBody(
  skills: readonly string[],
  v: ObservationValues & { recommendation: Recommendation },
): ObservationIn {
  const explanations: Record<string, string> = {};
  for (const skill of skills) {
    const text = v.explanations[skill]?.trim();
    if (text) explanations[skill] = text;
  }
  return {
    observed_on: v.observedOn,
    scores: Object.fromEntries(skills.map((skill) => [skill, v.scores[skill] ?? null])),
    explanations,
    remarks: v.remarks.trim(),
    recommendation: v.recommendation,
    review_on: v.recommendation === 'challenge_in_class' ? v.reviewOn || null : null,
    offering_id: v.recommendation === 'group_offering' ? v.offeringId || null : null,
  };
}

// -- the self-assessment ------------------------------------------------------------------

/** Up to three choices per column (denken, doen) in each of the two questions. */
export const MAX_PER_COLUMN = 3;
export type SelfList = 'strengths' | 'attention_points';
export interface SelfChoice {
  strengths: readonly string[];
  attention_points: readonly string[];
}

const OTHER: Record<SelfList, SelfList> = {
  strengths: 'attention_points',
  attention_points: 'strengths',
};

/** The category (column: "denken" or "doen") of each self-assessment skill. */
export function categories(terms: readonly Term[]): Record<string, string> {
  return Object.fromEntries(terms.map((term) => [term.code, term.category]));
}

/** How many of a column's skills a list holds. */
export function countInColumn(
  list: readonly string[],
  category: string,
  categoryOf: Readonly<Record<string, string>>,
): number {
  return list.filter((skill) => categoryOf[skill] === category).length;
}

/** Why a skill's box may not be ticked in a list: chosen in the other list ("a skill is not
 * both"), or its column already has three; null when it may (or is ticked already). */
export function blockedBecause(
  choice: SelfChoice,
  list: SelfList,
  skill: string,
  categoryOf: Readonly<Record<string, string>>,
): 'other' | 'full' | null {
  if (choice[list].includes(skill)) return null;
  if (choice[OTHER[list]].includes(skill)) return 'other';
  const category = categoryOf[skill] ?? '';
  if (countInColumn(choice[list], category, categoryOf) >= MAX_PER_COLUMN) return 'full';
  return null;
}

/** The vocabulary's skill codes as the API's skill type (they are the same codes). */
export function asSkills(codes: readonly string[]): Skill[] {
  return codes as Skill[];
}

/** Tick or untick a skill in a list; a tick that is not allowed changes nothing. */
export function toggleSkill(
  choice: SelfChoice,
  list: SelfList,
  skill: string,
  categoryOf: Readonly<Record<string, string>>,
): SelfChoice {
  if (choice[list].includes(skill))
    return { ...choice, [list]: choice[list].filter((s) => s !== skill) };
  if (blockedBecause(choice, list, skill, categoryOf)) return choice;
  return { ...choice, [list]: [...choice[list], skill] };
}

// -- the teacher's observation next to the student's view ---------------------------------

export interface ComparisonRow {
  skill: string;
  label: string;
  teacherScore: number | null;
  studentView: SkillComparison['student_view'];
  differs: boolean;
  reverse: boolean;
}

/** The comparison in the instrument's order with the skills' Dutch names; a skill the API
 * sends that the vocabulary lacks keeps its code. Rows without a score and without the
 * student's view say nothing and are left out. */
export function comparisonRows(
  comparison: readonly SkillComparison[],
  skills: readonly Term[],
  reverseScored: readonly string[] = [],
): ComparisonRow[] {
  const order = new Map(skills.map((term, i) => [term.code, i]));
  const label = new Map(skills.map((term) => [term.code, term.label]));
  return [...comparison]
    .filter((c) => c.teacher_score !== null || c.student_view !== 'none')
    .sort(
      (a, b) =>
        (order.get(a.skill) ?? Number.MAX_SAFE_INTEGER) -
        (order.get(b.skill) ?? Number.MAX_SAFE_INTEGER),
    )
    .map((c) => ({
      skill: c.skill,
      label: label.get(c.skill) ?? c.skill,
      teacherScore: c.teacher_score,
      studentView: c.student_view,
      differs: c.differs,
      reverse: reverseScored.includes(c.skill),
    }));
}

// -- measurements (IMAGE) -----------------------------------------------------------------

export interface MeasurementRow {
  code: string;
  label: string;
  /** One value per wave of `waves` (null: not measured in that wave). */
  values: (number | null)[];
  /** Last measured minus first measured (descriptive), null with fewer than two. */
  change: number | null;
}

/** The student's measurements as a table: a column per wave (T0, T1, …), a row per construct
 * in the vocabulary's order (only constructs measured at least once). */
export function measurementTable(
  measurements: readonly Measurement[],
  constructs: readonly Term[],
): { waves: number[]; rows: MeasurementRow[] } {
  const waves = [...new Set(measurements.map((m) => m.wave))].sort((a, b) => a - b);
  const byWave = new Map(measurements.map((m) => [m.wave, m]));
  const known = new Set(constructs.map((c) => c.code));
  const extra = [...new Set(measurements.flatMap((m) => Object.keys(m.scores)))]
    .filter((code) => !known.has(code))
    .map((code) => ({ code, label: code, question: '', category: '' }));
  const rows: MeasurementRow[] = [];
  for (const construct of [...constructs, ...extra]) {
    const values = waves.map((w) => byWave.get(w)?.scores[construct.code] ?? null);
    const measured = values.filter((x): x is number => x !== null);
    if (measured.length === 0) continue;
    const first = measured[0];
    const last = measured[measured.length - 1];
    rows.push({
      code: construct.code,
      label: construct.label,
      values,
      change:
        measured.length > 1 && first !== undefined && last !== undefined
          ? Math.round((last - first) * 100) / 100
          : null,
    });
  }
  return { waves, rows };
}

/** A change with its sign ("+0,4", "−0,2", "0"), in the user's language. */
export function signed(change: number, language: string): string {
  const text = new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 2,
  }).format(Math.abs(change));
  if (change > 0) return `+${text}`;
  if (change < 0) return `−${text}`;
  return text;
}

/** The next wave to record: one after the last (T0 first). */
export function nextWave(measurements: readonly Measurement[]): number {
  return measurements.reduce((max, m) => Math.max(max, m.wave + 1), 0);
}

// -- the HB overview ----------------------------------------------------------------------

/** About `share` of the students (2.5%): a reference, not a quota. */
export function referenceCount(studentCount: number, share: number): number {
  return Math.round(studentCount * share);
}

/** A share as a percentage ("2,5%"). */
export function percent(share: number, language: string): string {
  return new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

// -- guidance phases ----------------------------------------------------------------------

/** The phase after `current` in the vocabulary's order, or null in the last one. */
export function nextPhase(phases: readonly Term[], current: string): Term | null {
  const i = phases.findIndex((p) => p.code === current);
  return i >= 0 ? (phases[i + 1] ?? null) : null;
}

/** Where a phase stands relative to the current one. */
export function phaseState(
  phases: readonly Term[],
  phase: string,
  current: string,
): 'done' | 'current' | 'todo' {
  const i = phases.findIndex((p) => p.code === phase);
  const c = phases.findIndex((p) => p.code === current);
  if (i === c) return 'current';
  return i < c ? 'done' : 'todo';
}

// -- keuze-uren ---------------------------------------------------------------------------

/** Requests whose lesson is still to come (today included), soonest first, and those that
 * have passed, latest first. */
export function splitByLesson(
  requests: readonly ChoiceHour[],
  today: string,
): { upcoming: ChoiceHour[]; past: ChoiceHour[] } {
  const key = (r: ChoiceHour) => `${r.lesson_date}-${String(r.lesson_hour).padStart(2, '0')}`;
  const upcoming = requests
    .filter((r) => r.lesson_date >= today)
    .sort((a, b) => key(a).localeCompare(key(b)));
  const past = requests
    .filter((r) => r.lesson_date < today)
    .sort((a, b) => key(b).localeCompare(key(a)));
  return { upcoming, past };
}

/** Whether the lesson has started (its day is today or earlier): attendance can be marked. */
export function lessonHeld(request: Pick<ChoiceHour, 'lesson_date'>, today: string): boolean {
  return request.lesson_date <= today;
}

/** What a refused "Volgende fase" or "Afsluiten" still needs, from the 422's pointers: a goal,
 * an agreement, a progress meeting, the handover note, a goal's evaluation or "achieved"
 * (numbered from 1). Pointers it does not know come back as `other` with the API's text. */
export type GuidanceNeed =
  | { need: 'goals' | 'agreements' | 'checkins' | 'handover' }
  | { need: 'evaluation' | 'achieved'; number: number }
  | { need: 'other'; text: string };

export function guidanceNeeds(errors: Readonly<Record<string, string>>): GuidanceNeed[] {
  const needs: GuidanceNeed[] = [];
  for (const [pointer, text] of Object.entries(errors)) {
    const goal = /^\/goals\/(\d+)\/(evaluation|achieved)$/.exec(pointer);
    if (goal)
      needs.push({ need: goal[2] as 'evaluation' | 'achieved', number: Number(goal[1]) + 1 });
    else if (pointer === '/goals') needs.push({ need: 'goals' });
    else if (pointer === '/agreements') needs.push({ need: 'agreements' });
    else if (pointer === '/checkins') needs.push({ need: 'checkins' });
    else if (pointer === '/handover_note') needs.push({ need: 'handover' });
    else needs.push({ need: 'other', text });
  }
  return needs;
}
