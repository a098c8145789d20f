/** Small rules of the HGW screens that do not depend on React: results, signals, field errors. */

import type { Schemas } from '../api/client';
import { ApiProblem } from '../api/problem';

type Result = Schemas['ResultRead'];
export type SignalCategory = Schemas['SignalCreate']['category'];
export type NeedCategory = Schemas['NeedItemIn']['category'];

export const SIGNAL_CATEGORIES: readonly SignalCategory[] = [
  'basic_skill_delay',
  'subject_delay',
  'downward_trend',
  'behaviour_seo',
  'work_attitude',
  'home_situation',
  'learning_lead',
  'talent',
];

export const NEED_CATEGORIES: readonly NeedCategory[] = [
  'instruction',
  'assignments',
  'learning_activities',
  'feedback',
  'peers',
  'learning_environment',
  'teachers',
];

/** Behind, ahead, or a concern that is neither: decides a signal chip's colour (never alone). */
export function signalTone(category: SignalCategory): 'behind' | 'ahead' | 'concern' {
  if (category === 'learning_lead' || category === 'talent') return 'ahead';
  if (category === 'basic_skill_delay' || category === 'subject_delay') return 'behind';
  if (category === 'downward_trend') return 'behind';
  return 'concern';
}

/** A student's results of one kind and domain, newest first. */
export function resultsFor(results: readonly Result[], kind: Result['kind'], domain: string) {
  return results
    .filter((r) => r.kind === kind && r.domain === domain)
    .sort((a, b) => b.taken_on.localeCompare(a.taken_on));
}

/** "45 (III)", "III" or "45": how a result reads in a cell. */
export function resultText(result: Pick<Result, 'score' | 'level'>): string {
  const score = result.score ?? null;
  if (score !== null && result.level) return `${score} (${result.level})`;
  return result.level ?? (score !== null ? String(score) : '–');
}

/** "een instructie" of the begrijpwijzer heading "een instructie die": what the student needs,
 * as in "Om dit doel te bereiken heeft deze leerling een instructie nodig die …". */
export function helperSubject(heading: string): string {
  return heading.replace(/\s+die\s*$/, '');
}

/** Field errors of a 422 by their whole JSON pointer ("/goals/0/text"); "" for the whole form. */
export function errorsByPointer(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const fields: Record<string, string> = {};
  for (const e of error.errors) {
    const pointer = e.pointer === '/' ? '' : (e.pointer ?? '');
    fields[pointer] = fields[pointer] ? `${fields[pointer]} ${e.detail}` : e.detail;
  }
  return fields;
}

/** Today as a calendar day ("2026-11-16") in the user's time zone. */
export function todayIso(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
