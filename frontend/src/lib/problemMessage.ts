import type { TFunction } from 'i18next';
import { ApiProblem } from '../api/problem';

/** A problem from the API in plain words, with what to do next. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiProblem)) return t('problems.generic');
  if (error.status === 0) return t('problems.network');
  if (error.code === 'csrf-failed') return t('problems.csrf');
  if (error.code === 'version-mismatch') return t('problems.versionMismatch');
  if (error.code === 'transition-guard-failed') return guardMessage(t, error.missing);
  switch (error.status) {
    case 403:
      return t('problems.forbidden');
    case 404:
      return t('problems.notFound');
    case 409:
      return t('problems.conflict');
    case 400:
    case 422:
      return t('problems.validation');
    case 429:
      return t('problems.rateLimited');
    case 502:
    case 503:
    case 504:
      return t('problems.unavailable');
    default:
      return error.status >= 500 ? t('problems.server') : t('problems.generic');
  }
}

/** Field errors of a 422, keyed by the last segment of their JSON pointer ("/given_name"). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const fields: Record<string, string> = {};
  for (const e of error.errors) {
    const field = e.pointer?.split('/').pop();
    if (field) fields[field] = e.detail;
  }
  return fields;
}

/** What a refused lifecycle step still needs, in words, for the `missing` items we know (an OPP
 * not determined with the student or the parents, an IHP without a parent's signature, …). */
export function guardMessage(t: TFunction, missing: readonly string[]): string {
  const withStudent = missing.includes('determined_with_student');
  const withParents = missing.includes('determined_with_parents');
  const lines = new Set<string>();
  if (withStudent || withParents) {
    const who = withStudent && withParents ? 'both' : withStudent ? 'student' : 'parents';
    lines.add(t('problems.guard.oppNotDetermined', { who: t(`problems.guard.who.${who}`) }));
  }
  let other = false;
  const care: string[] = [];
  for (const item of missing) {
    if (item === 'determined_with_student' || item === 'determined_with_parents') continue;
    const step = careGuard(t, item);
    if (step) care.push(step);
    else if (item.startsWith('kind')) lines.add(t('problems.guard.oppKind'));
    else if (/^individual_plans\/[^/]+\/parent_sign_off$/.test(item))
      lines.add(t('problems.guard.ihpUnsigned'));
    else if (/^individual_plans\/[^/]+\/student_view$/.test(item))
      lines.add(t('problems.guard.ihpStudentView'));
    else if (/^individual_plans\/[^/]+\/evaluation$/.test(item))
      lines.add(t('problems.guard.ihpNotEvaluated'));
    else other = true;
  }
  if (care.length > 0) lines.add(t('problems.guard.careMissing', { list: care.join('; ') }));
  // Anything else the step needs: the general sentence (after the specific ones, if any).
  if (other || lines.size === 0) lines.add(t('problems.guardFailed'));
  return [...lines].join(' ');
}

/** The guards of a care route's steps (the API's guard library), e.g. "registration:izo". */
const CARE_GUARDS = [
  'help_question',
  'guidance_question',
  'strengths',
  'registration',
  'student_conversation',
  'parent_conversation',
  'parents_informed',
  'parents_consulted',
  'consent',
  'screening_passed',
  'discussion_recorded',
  'evaluation_date',
  'zat_question',
  'direct_zat_allowed',
  'case_coordinator',
  'case_coordinator_if_complex',
  'action_plan',
  'swv_request',
  'kickoff_recorded',
  'final_evaluation',
  'provisional_closure',
  'reason',
] as const;
type CareGuard = (typeof CARE_GUARDS)[number];
const PURPOSES = [
  'discuss_care_team',
  'register_zat',
  'share_swv',
  'share_external',
  'transfer_next_school',
] as const;
type Purpose = (typeof PURPOSES)[number];

/** One missing care guard in words ("het aanmeldingsformulier (IZO)"), or null if unknown. */
export function careGuard(t: TFunction, guard: string): string | null {
  const [code = '', param] = guard.split(':');
  if (!CARE_GUARDS.includes(code as CareGuard)) return null;
  const text = t(`problems.guard.care.${code as CareGuard}`);
  if (!param) return text;
  const detail = PURPOSES.includes(param as Purpose)
    ? t(`problems.guard.purpose.${param as Purpose}`)
    : param.toUpperCase();
  return `${text} (${detail})`;
}
