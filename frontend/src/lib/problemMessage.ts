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
  for (const item of missing) {
    if (item === 'determined_with_student' || item === 'determined_with_parents') continue;
    if (item.startsWith('kind')) lines.add(t('problems.guard.oppKind'));
    else if (/^individual_plans\/[^/]+\/parent_sign_off$/.test(item))
      lines.add(t('problems.guard.ihpUnsigned'));
    else if (/^individual_plans\/[^/]+\/student_view$/.test(item))
      lines.add(t('problems.guard.ihpStudentView'));
    else if (/^individual_plans\/[^/]+\/evaluation$/.test(item))
      lines.add(t('problems.guard.ihpNotEvaluated'));
    else other = true;
  }
  // Anything else the step needs: the general sentence (after the specific ones, if any).
  if (other || lines.size === 0) lines.add(t('problems.guardFailed'));
  return [...lines].join(' ');
}
