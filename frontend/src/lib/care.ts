/** Small rules of the case-routing screens that do not depend on React: a route's entries and
 * states, which of a step's guards the step's own dialog supplies, the minutes per forum. */
import type {
  ActionOption,
  CareDeadline,
  Forum,
  RouteDefinition,
  RouteState,
  RouteTransition,
} from '../api/cases';

/** The route's entries: the transitions without from-states (they open a case). */
export function entriesOf(definition: RouteDefinition | undefined): RouteTransition[] {
  return (definition?.transitions ?? []).filter((t) => !t.from || t.from.length === 0);
}

/** The entry a group meeting's "register with the care team" opens: `open_izo`, else an entry
 * into a state with the IZO registration form (the PO route's leerlingbespreking). */
export function registrationEntry(definition: RouteDefinition | undefined) {
  const entries = entriesOf(definition);
  return (
    entries.find((t) => t.action === 'open_izo') ??
    entries.find((t) => stateOf(definition, t.to ?? '')?.registration === 'izo')
  );
}

/** Of the school's routes, the first with a registration entry, and that entry. */
export function registrationRoute<
  R extends { key: string; name: string; definition: RouteDefinition },
>(routes: readonly (R | undefined)[]): { route: R; entry: RouteTransition } | undefined {
  for (const route of routes) {
    const entry = route ? registrationEntry(route.definition) : undefined;
    if (route && entry) return { route, entry };
  }
  return undefined;
}

export function stateOf(
  definition: RouteDefinition | undefined,
  key: string,
): RouteState | undefined {
  return definition?.states.find((s) => s.key === key);
}

/** How a step is taken on the case page. Some steps carry their own data, so they open a form
 * (closing, the screening, the SWV request, a referral); a step with a `reason` guard asks for
 * the reason; every other step is posted as it is. */
export type StepKind = 'close' | 'screen' | 'swv' | 'referral' | 'reason' | 'plain';

export const SCREENING_OUTCOME = {
  screen_accept: 'accept',
  screen_request_info: 'request_info',
  screen_first_line: 'first_line_actions',
} as const;
export type ScreeningAction = keyof typeof SCREENING_OUTCOME;

export function stepKind(option: Pick<ActionOption, 'action' | 'missing'>): StepKind {
  if (option.action === 'close' || option.missing.includes('final_evaluation')) return 'close';
  if (option.action in SCREENING_OUTCOME) return 'screen';
  if (option.action === 'request_swv') return 'swv';
  if (option.action === 'refer_external' || option.action === 'involve_leerplicht')
    return 'referral';
  if (option.missing.includes('reason')) return 'reason';
  return 'plain';
}

/** Guards the step's own form supplies (so they do not block its button). */
function supplied(kind: StepKind, guard: string): boolean {
  if (guard === 'reason') return true; // every step can carry a reason
  if (kind === 'close') return guard === 'final_evaluation';
  if (kind === 'screen') return guard.startsWith('screening_passed');
  if (kind === 'swv') return guard === 'swv_request';
  return false;
}

export interface Missing {
  code: string;
  label: string;
}

/** The API labels a guard with a parameter with the code at the end ("De toestemming is
 * vastgelegd (register_zat)"): put the parameter in words instead (`words`: a consent purpose
 * or a form in the user's language). */
export function labelInWords(m: Missing, words: (param: string) => string | null): string {
  const param = m.code.split(':')[1];
  const suffix = ` (${param})`;
  if (!param || !m.label.endsWith(suffix)) return m.label;
  const text = words(param);
  return text ? `${m.label.slice(0, -suffix.length)} (${text})` : m.label;
}

/** What still blocks a step, with the API's label for each missing guard. */
export function blocking(option: ActionOption): Missing[] {
  const kind = stepKind(option);
  return option.missing
    .map((code, i) => ({ code, label: option.missing_labels[i] ?? code }))
    .filter((m) => !supplied(kind, m.code));
}

/** Minutes of a discussion, per forum: the IZO report (§4.15) or the ZAT action plan (§4.17). */
export const IZO_MINUTES = [
  'analysis',
  'help_question',
  'guidance_question',
  'done_so_far',
  'perspective',
  'needs',
  'offer_in_group',
  'student_guidance',
  'coaching',
  'zat_registration',
  'parent_alignment',
  'summary',
] as const;
export const ZAT_MINUTES = [
  'additional_info',
  'help_question',
  'guidance_question',
  'analysis',
  'solutions_student',
  'solutions_family',
  'solutions_school',
  'interventions',
  'goals',
  'summary',
] as const;
export type MinutesField = (typeof IZO_MINUTES)[number] | (typeof ZAT_MINUTES)[number];

export function minutesFields(forum: Forum): readonly MinutesField[] {
  return forum === 'izo' || forum === 'leerlingbespreking' ? IZO_MINUTES : ZAT_MINUTES;
}

/** Steps that minutes can take right after saving (`then_action`): not those with a form of
 * their own, and only for roles the route allows. */
export function thenOptions(actions: readonly ActionOption[]): ActionOption[] {
  return actions.filter((a) => a.allowed && stepKind(a) === 'plain');
}

/** Guards a discussion supplies by being recorded (with an evaluation date and action items). */
export function stillMissingAfterMinutes(
  option: ActionOption,
  minutes: { evaluationOn: string; actionItems: number },
): Missing[] {
  return blocking(option).filter((m) => {
    if (m.code === 'discussion_recorded') return false;
    if (m.code === 'evaluation_date') return !minutes.evaluationOn;
    if (m.code === 'action_plan') return !(minutes.evaluationOn && minutes.actionItems > 0);
    return true;
  });
}

/** Overdue first (most days late first), then the soonest. */
export function byUrgency(items: readonly CareDeadline[]): CareDeadline[] {
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      b.days_overdue - a.days_overdue ||
      a.due_on.localeCompare(b.due_on),
  );
}

/** The SWV norm: an arrangement starts at most 8 weeks after the request. */
export const SWV_NORM_DAYS = 56;

/** A local date and time ("2026-11-20", "15:30") as an instant for the API. */
export function localDateTime(day: string, time: string): string {
  return new Date(`${day}T${time || '00:00'}`).toISOString();
}

/** One item per line, trimmed, without empty lines. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
