import { ApiProblem } from '../api/problem';
import { errorsByPointer, resultsFor, resultText, signalTone, todayIso } from './hgw';

const result = (domain: string, taken_on: string, score: number | null, level: string | null) => ({
  id: `${domain}${taken_on}`,
  student_id: 'st1',
  kind: 'test' as const,
  domain,
  instrument: 'Cito',
  taken_on,
  score,
  level,
  below_minimum: false,
  respondent: null,
  source: 'lvs',
});

describe('HGW rules', () => {
  it('lists a domain’s results newest first', () => {
    const all = [
      result('RK', '2026-01-10', 40, 'III'),
      result('TL', '2026-06-01', 50, 'II'),
      result('RK', '2026-06-01', 45, 'II'),
    ];
    expect(resultsFor(all, 'test', 'RK').map((r) => r.taken_on)).toEqual([
      '2026-06-01',
      '2026-01-10',
    ]);
    expect(resultsFor(all, 'seo', 'RK')).toEqual([]);
  });

  it('writes a result as score and level', () => {
    expect(resultText({ score: 45, level: 'III' })).toBe('45 (III)');
    expect(resultText({ score: null, level: 'IV' })).toBe('IV');
    expect(resultText({ score: 12, level: null })).toBe('12');
    expect(resultText({ score: null, level: null })).toBe('–');
  });

  it('colours behind, ahead and other signals apart', () => {
    expect(signalTone('basic_skill_delay')).toBe('behind');
    expect(signalTone('learning_lead')).toBe('ahead');
    expect(signalTone('talent')).toBe('ahead');
    expect(signalTone('home_situation')).toBe('concern');
  });

  it('keys 422 errors by their whole pointer, the body itself as ""', () => {
    const problem = new ApiProblem(422, 'validation-failed', null, [
      { pointer: '/goals/0/text', detail: 'Required.' },
      { pointer: '/', detail: 'valid_until must not be before valid_from.' },
    ]);
    expect(errorsByPointer(problem)).toEqual({
      '/goals/0/text': 'Required.',
      '': 'valid_until must not be before valid_from.',
    });
    expect(errorsByPointer(new Error('x'))).toEqual({});
  });

  it('gives today as a calendar day', () => {
    expect(todayIso(new Date(2026, 10, 6))).toBe('2026-11-06');
  });
});
