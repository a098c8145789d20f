import type { TFunction } from 'i18next';
import { ApiProblem } from '../api/problem';

/** A problem from the API in plain words, with what to do next. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiProblem)) return t('problems.generic');
  if (error.status === 0) return t('problems.network');
  if (error.code === 'csrf-failed') return t('problems.csrf');
  if (error.code === 'version-mismatch') return t('problems.versionMismatch');
  if (error.code === 'transition-guard-failed') return t('problems.guardFailed');
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
