import type { ChoiceHour, Measurement, SkillComparison } from '../api/gifted';
import { VOCABULARY } from '../pages/gifted/testData';
import {
  blockedBecause,
  categories,
  comparisonRows,
  guidanceNeeds,
  isScoringKey,
  measurementTable,
  nextPhase,
  nextRow,
  type ObservationValues,
  observationBody,
  observationProblems,
  radioValue,
  referenceCount,
  type SelfChoice,
  scoreForKey,
  scoreOfRadio,
  signed,
  splitByLesson,
  toggleSkill,
} from './gifted';

const CODES = VOCABULARY.observation_skills.map((s) => s.code);

function key(k: string, target: Partial<HTMLInputElement> | null, mods = {}) {
  return {
    key: k,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    target: target as EventTarget | null,
    ...mods,
  };
}

describe('scoring the observation with the keyboard', () => {
  it('reads 1-5 as a score and 0 as "niet geobserveerd"; other keys keep their meaning', () => {
    expect(scoreForKey('1')).toBe(1);
    expect(scoreForKey('5')).toBe(5);
    expect(scoreForKey('0')).toBeNull();
    for (const other of ['6', '9', 'a', ' ', 'Tab', 'ArrowDown', 'Enter', '12'])
      expect(scoreForKey(other)).toBeUndefined();
  });

  it('scores from a radio (a plain radio group) but not from the explanation or with Ctrl', () => {
    expect(isScoringKey(key('3', { tagName: 'INPUT', type: 'radio' }))).toBe(true);
    expect(isScoringKey(key('0', { tagName: 'SUMMARY' } as Partial<HTMLInputElement>))).toBe(true);
    expect(isScoringKey(key('3', { tagName: 'TEXTAREA' } as Partial<HTMLInputElement>))).toBe(
      false,
    );
    expect(isScoringKey(key('3', { tagName: 'INPUT', type: 'text' }))).toBe(false);
    expect(isScoringKey(key('3', { tagName: 'INPUT', type: 'radio' }, { ctrlKey: true }))).toBe(
      false,
    );
    expect(isScoringKey(key('ArrowRight', { tagName: 'INPUT', type: 'radio' }))).toBe(false);
  });

  it('moves focus to the next row, and past the last row to the remarks (null)', () => {
    expect(nextRow(0, 14)).toBe(1);
    expect(nextRow(12, 14)).toBe(13);
    expect(nextRow(13, 14)).toBeNull();
  });

  it('maps a score to its radio value and back', () => {
    expect(radioValue(undefined)).toBe('');
    expect(radioValue(null)).toBe('none');
    expect(radioValue(4)).toBe('4');
    expect(scoreOfRadio('none')).toBeNull();
    expect(scoreOfRadio('2')).toBe(2);
  });
});

describe('the observation form', () => {
  const all = (score: number | null) => Object.fromEntries(CODES.map((c) => [c, score]));
  const values = (over: Partial<ObservationValues> = {}): ObservationValues => ({
    observedOn: '2026-10-01',
    scores: all(3),
    explanations: {},
    remarks: '',
    recommendation: 'none',
    reviewOn: '',
    offeringId: '',
    ...over,
  });

  it('wants every skill answered, at least one scored, and a recommendation', () => {
    const { planning: _, ...partial } = all(3);
    expect(observationProblems(CODES, values({ scores: partial }))).toEqual({
      '/scores/planning': 'required',
    });
    expect(observationProblems(CODES, values({ scores: all(null) }))).toEqual({
      '/scores': 'nothingObserved',
    });
    expect(observationProblems(CODES, values({ recommendation: '' }))).toEqual({
      '/recommendation': 'required',
    });
  });

  it('wants a review date after the observation with "challenge in class", an offering with a group offering', () => {
    expect(observationProblems(CODES, values({ recommendation: 'challenge_in_class' }))).toEqual({
      '/review_on': 'required',
    });
    expect(
      observationProblems(
        CODES,
        values({ recommendation: 'challenge_in_class', reviewOn: '2026-10-01' }),
      ),
    ).toEqual({ '/review_on': 'reviewAfter' });
    expect(observationProblems(CODES, values({ recommendation: 'group_offering' }))).toEqual({
      '/offering_id': 'required',
    });
  });

  it('sends all skills, drops empty explanations and what the recommendation does not use', () => {
    const body = observationBody(CODES, {
      ...values({ scores: { ...all(3), planning: null } }),
      explanations: { planning: '  ', flexibility: ' Schakelt snel ' },
      recommendation: 'none',
      reviewOn: '2026-12-01',
      offeringId: 'of1',
    });
    expect(Object.keys(body.scores)).toHaveLength(14);
    expect(body.scores.planning).toBeNull();
    expect(body.explanations).toEqual({ flexibility: 'Schakelt snel' });
    expect(body.review_on).toBeNull();
    expect(body.offering_id).toBeNull();
  });
});

describe('the self-assessment limits', () => {
  const categoryOf = categories(VOCABULARY.self_assessment_skills);
  const empty: SelfChoice = { strengths: [], attention_points: [] };

  it('allows three per column (denken, doen) and no fourth', () => {
    let choice = empty;
    for (const skill of ['working_memory', 'planning', 'organisation'])
      choice = toggleSkill(choice, 'strengths', skill, categoryOf);
    expect(choice.strengths).toEqual(['working_memory', 'planning', 'organisation']);
    expect(blockedBecause(choice, 'strengths', 'metacognition', categoryOf)).toBe('full');
    expect(toggleSkill(choice, 'strengths', 'metacognition', categoryOf)).toBe(choice);
    // The other column is not full.
    expect(blockedBecause(choice, 'strengths', 'flexibility', categoryOf)).toBeNull();
    // Unticking frees a place.
    const fewer = toggleSkill(choice, 'strengths', 'planning', categoryOf);
    expect(blockedBecause(fewer, 'strengths', 'metacognition', categoryOf)).toBeNull();
  });

  it('does not let a skill be both a strength and an attention point', () => {
    const choice = toggleSkill(empty, 'strengths', 'flexibility', categoryOf);
    expect(blockedBecause(choice, 'attention_points', 'flexibility', categoryOf)).toBe('other');
    expect(toggleSkill(choice, 'attention_points', 'flexibility', categoryOf)).toBe(choice);
    expect(blockedBecause(choice, 'strengths', 'flexibility', categoryOf)).toBeNull();
  });
});

describe('the teacher next to the student', () => {
  const c = (skill: string, over: Partial<SkillComparison> = {}): SkillComparison => ({
    skill,
    teacher_score: 3,
    student_view: 'none',
    differs: false,
    ...over,
  });

  it('orders by the instrument, names the skills, keeps "differs" and drops empty rows', () => {
    const rows = comparisonRows(
      [
        c('planning', { teacher_score: 1, student_view: 'strength', differs: true }),
        c('task_initiation'),
        c('collaboration', { teacher_score: null }),
        c('fixed_mindset', { teacher_score: 5, student_view: 'attention' }),
        c('unknown_skill', { teacher_score: 2 }),
      ],
      VOCABULARY.observation_skills,
      VOCABULARY.reverse_scored,
    );
    expect(rows.map((r) => r.label)).toEqual([
      'Taakinitiatie',
      'Planning/prioritering',
      'Vaste mindset',
      'unknown_skill',
    ]);
    expect(rows[1]).toMatchObject({ teacherScore: 1, studentView: 'strength', differs: true });
    expect(rows[2]).toMatchObject({ reverse: true, differs: false });
  });
});

describe('measurements, the overview, guidance and keuze-uren', () => {
  const m = (wave: number, scores: Record<string, number>): Measurement => ({
    id: `m${wave}`,
    student_id: 'st1',
    instrument: 'IMAGE-leerlingvragenlijst',
    wave,
    measured_on: `2026-0${wave + 1}-01`,
    scores,
    entered_by_name: 'Sanne',
  });

  it('puts the waves side by side with the change from first to last', () => {
    const { waves, rows } = measurementTable(
      [m(1, { boredom: 2.5, experienced_challenge: 4 }), m(0, { boredom: 3.5 })],
      VOCABULARY.constructs,
    );
    expect(waves).toEqual([0, 1]);
    expect(rows).toEqual([
      {
        code: 'experienced_challenge',
        label: 'Ervaren uitdaging',
        values: [null, 4],
        change: null,
      },
      { code: 'boredom', label: 'Verveling', values: [3.5, 2.5], change: -1 },
    ]);
    expect(signed(-1, 'nl')).toBe('−1');
    expect(signed(0.4, 'nl')).toBe('+0,4');
  });

  it('shows the 2.5% as a reference number', () => {
    expect(referenceCount(812, 0.025)).toBe(20);
  });

  it('knows the next phase and what a refused step needs', () => {
    expect(nextPhase(VOCABULARY.guidance_phases, 'kickoff')?.code).toBe('content');
    expect(nextPhase(VOCABULARY.guidance_phases, 'reflection')).toBeNull();
    expect(
      guidanceNeeds({
        '/agreements': 'Record at least one agreement first',
        '/goals/1/evaluation': 'Evaluate the goal.',
        '/handover_note': 'Write the handover',
        '/something': 'Other text',
      }),
    ).toEqual([
      { need: 'agreements' },
      { need: 'evaluation', number: 2 },
      { need: 'handover' },
      { need: 'other', text: 'Other text' },
    ]);
  });

  it('splits keuze-uren into upcoming (soonest first) and past (latest first)', () => {
    const r = (id: string, lesson_date: string, lesson_hour: number) =>
      ({ id, lesson_date, lesson_hour }) as ChoiceHour;
    const { upcoming, past } = splitByLesson(
      [
        r('a', '2026-11-20', 3),
        r('b', '2026-11-18', 2),
        r('c', '2026-11-20', 1),
        r('d', '2026-11-10', 1),
        r('e', '2026-11-12', 1),
      ],
      '2026-11-18',
    );
    expect(upcoming.map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(past.map((x) => x.id)).toEqual(['e', 'd']);
  });
});
