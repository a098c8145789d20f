import type { EnrolmentGoal } from '../api/offerings';
import { offering } from '../pages/gifted/offerings/fixtures';
import {
  agreementsProblems,
  allowedRoutes,
  callerOnCommittee,
  type DecisionDraft,
  decisionProblems,
  emptyAgreements,
  emptyEnrolmentForm,
  emptyOfferingForm,
  enrolmentFormProblems,
  formatChange,
  freePlaces,
  inClassPlanGaps,
  isFull,
  mayEditOfferings,
  moveItem,
  type OfferingForm,
  offeringFormProblems,
  offeringToForm,
  openGoals,
  orderChanged,
  parseNumber,
  reconcileOrder,
  toDecisionBody,
  toEnrolmentCreate,
  toOfferingWrite,
} from './offerings';

describe('the waitlist order', () => {
  it('moves an application up or down one place, and not past the ends', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 2, -1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 3, 1)).toEqual(list);
    expect(moveItem(list, 9, -1)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']); // never in place
  });

  it('knows whether the order changed', () => {
    expect(orderChanged(['a', 'b'], ['a', 'b'])).toBe(false);
    expect(orderChanged(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(orderChanged(['a', 'b'], ['a'])).toBe(true);
  });

  it('keeps the committee’s order when the list is read again: gone ones out, new ones last', () => {
    expect(reconcileOrder(['c', 'a', 'b'], ['a', 'b', 'c', 'd'])).toEqual(['c', 'a', 'b', 'd']);
    expect(reconcileOrder(['c', 'a', 'b'], ['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('free places', () => {
  it('is capacity minus enrolled, or the queue’s own count, never below zero', () => {
    expect(freePlaces(offering())).toBe(2);
    expect(freePlaces(offering(), 1)).toBe(1); // e.g. one admitted, not yet enrolled
    expect(freePlaces(offering({ enrolled: 14 }))).toBe(0);
    expect(isFull(freePlaces(offering({ enrolled: 12 })))).toBe(true);
    expect(isFull(freePlaces(offering()))).toBe(false);
  });

  it('has no limit without a capacity', () => {
    expect(freePlaces(offering({ capacity: null }))).toBeNull();
    expect(isFull(null)).toBe(false);
  });
});

describe('the committee’s decision', () => {
  const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
    decision: 'admitted',
    decidedBy: ['sm1', 'sm2'],
    reason: '',
    exception: false,
    exceptionReason: '',
    ...over,
  });

  it('needs at least two committee members, the caller among them', () => {
    expect(decisionProblems(draft({ decidedBy: ['sm1'] }), { full: false })).toEqual({
      decided_by: 'tooFewDeciders',
    });
    expect(decisionProblems(draft({ decidedBy: ['sm1', 'sm1'] }), { full: false })).toEqual({
      decided_by: 'tooFewDeciders',
    });
    expect(
      decisionProblems(draft({ decidedBy: ['sm2', 'sm3'] }), { full: false, callerId: 'sm1' }),
    ).toEqual({ decided_by: 'callerNotAmong' });
    expect(decisionProblems(draft(), { full: false, callerId: 'sm1' })).toEqual({});
  });

  it('needs a reason to reject', () => {
    expect(decisionProblems(draft({ decision: 'rejected' }), { full: false })).toEqual({
      reason: 'reasonRequired',
    });
    expect(
      decisionProblems(draft({ decision: 'rejected', reason: ' Past beter in de klas ' }), {
        full: false,
      }),
    ).toEqual({});
  });

  it('admits into a full offering only as an exception with its reason', () => {
    expect(decisionProblems(draft(), { full: true })).toEqual({
      exception: 'fullNeedsException',
    });
    expect(decisionProblems(draft({ exception: true }), { full: true })).toEqual({
      exception_reason: 'exceptionReasonRequired',
    });
    expect(
      decisionProblems(draft({ exception: true, exceptionReason: 'Tussen wal en schip' }), {
        full: true,
      }),
    ).toEqual({});
    // The waitlist is always possible.
    expect(decisionProblems(draft({ decision: 'waitlisted' }), { full: true })).toEqual({});
  });

  it('sends trimmed text, each member once, and no exception reason without an exception', () => {
    expect(
      toDecisionBody(
        draft({ decidedBy: ['sm1', 'sm2', 'sm1'], reason: ' ok ', exceptionReason: 'x' }),
      ),
    ).toEqual({
      decision: 'admitted',
      decided_by: ['sm1', 'sm2'],
      reason: 'ok',
      exception: false,
      exception_reason: '',
    });
  });

  it('finds the caller among the committee by their staff record', () => {
    const { committee } = offering();
    expect(callerOnCommittee(committee, 'sm1')?.name).toBe('Sanne de Vries');
    expect(callerOnCommittee(committee, 'sm9')).toBeNull();
    expect(callerOnCommittee(committee, null)).toBeNull();
  });
});

describe('the offering form', () => {
  const valid = (): OfferingForm => ({
    ...emptyOfferingForm(),
    name: 'Plusklas',
    kind: 'plusklas',
    goals: [{ key: 1, text: 'Plannen', cognitive: true }],
    targetGroup: 'Groep 6-8',
    committee: ['sm1', 'sm2'],
  });

  it('needs a name, kind, goals, target group, a route and a committee of two', () => {
    expect(offeringFormProblems(valid())).toEqual({});
    expect(
      offeringFormProblems({
        ...emptyOfferingForm(),
        routes: [],
        committee: ['sm1'],
      }),
    ).toEqual({
      '/name': 'required',
      '/kind': 'required',
      '/goals/0/text': 'required',
      '/target_group': 'required',
      '/application_routes': 'routeRequired',
      '/committee_staff_ids': 'committeeTooSmall',
    });
  });

  it('checks numbers and dates as the API does', () => {
    expect(
      offeringFormProblems({
        ...valid(),
        hoursPerWeek: '41',
        capacity: '2,5',
        startsOn: '2026-09-01',
        endsOn: '2026-08-01',
      }),
    ).toEqual({
      '/hours_per_week': 'hoursRange',
      '/capacity': 'capacityRange',
      '/ends_on': 'endsBeforeStart',
    });
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('twee')).toBeNaN();
  });

  it('round-trips an offering into OfferingWrite', () => {
    const o = offering();
    expect(toOfferingWrite(offeringToForm(o))).toEqual({
      name: o.name,
      kind: o.kind,
      setting: o.setting,
      regional: false,
      open_to_other_schools: false,
      duration: 'whole_year',
      starts_on: '2026-09-01',
      ends_on: '2027-07-01',
      schedule: 'dinsdagochtend',
      hours_per_week: 2.5,
      fixed_teacher_staff_id: 'sm3',
      goals: o.goals,
      target_group: o.target_group,
      selection_criteria: '',
      capacity: 12,
      application_routes: ['parents', 'intern_begeleider'],
      committee_staff_ids: ['sm1', 'sm2'],
      archived: false,
    });
  });

  it('offers only the routes the offering allows, in a fixed order', () => {
    expect(allowedRoutes(offering({ application_routes: ['swv', 'parents'] }))).toEqual([
      'parents',
      'swv',
    ]);
    expect(allowedRoutes(undefined)).toEqual([]);
  });
});

describe('the enrolment', () => {
  it('starts from the offering’s goals and a quarterly review', () => {
    const form = emptyEnrolmentForm('2026-10-01', offering().goals);
    expect(form.reviewEveryWeeks).toBe(13);
    expect(form.goals.map((g) => [g.text, g.cognitive])).toEqual([
      ['Leren leren: plannen van een project', true],
      ['Contact met ontwikkelingsgelijken', false],
    ]);
    expect(enrolmentFormProblems(form, { placement: false, outOfClass: false })).toEqual({});
  });

  it('needs the stamschool agreements for a placement', () => {
    const form = emptyEnrolmentForm('2026-10-01', offering().goals);
    expect(enrolmentFormProblems(form, { placement: true, outOfClass: false })).toEqual({
      '/agreements/responsibilities': 'responsibilityRequired',
      '/agreements/weekly_contact': 'required',
      '/agreements/parent_contact': 'required',
      '/agreements/home_school_contact': 'required',
    });
    expect(
      agreementsProblems({
        ...emptyAgreements(),
        responsibilities: ['', 'Mentor: rapport'],
        weeklyContact: 'maandag',
        parentContact: 'mentor, maandelijks',
        homeSchoolContact: 'IB',
      }),
    ).toEqual({});
  });

  it('sends agreements only for a placement, and report subjects only when they count', () => {
    const form = {
      ...emptyEnrolmentForm('2026-10-01', [{ text: 'Doel', cognitive: true }]),
      individualPlanId: 'not-an-id',
      agreements: {
        ...emptyAgreements(),
        responsibilities: ['Mentor: rapport', ' '],
        weeklyContact: 'maandag',
        reportSubjects: 'wiskunde',
        parentContact: 'mentor',
        homeSchoolContact: 'IB',
      },
    };
    expect(enrolmentFormProblems(form, { placement: false, outOfClass: false })).toEqual({
      '/individual_plan_id': 'uuid',
    });
    const body = toEnrolmentCreate({ ...form, individualPlanId: '' }, 'a1', true);
    expect(body.agreements).toEqual({
      responsibilities: ['Mentor: rapport'],
      weekly_contact: 'maandag',
      gradual_intake: '',
      counts_for_report: false,
      report_subjects: '',
      parent_contact: 'mentor',
      home_school_contact: 'IB',
    });
    expect(toEnrolmentCreate(form, 'a1', false).agreements).toBeNull();
  });

  it('says what the plan for the regular class lacks', () => {
    expect(
      inClassPlanGaps({ regular_teacher_staff_id: null, class_adjustments: ' ', alignment: 'x' }),
    ).toEqual(['teacher', 'adjustments']);
    expect(
      inClassPlanGaps({ regular_teacher_staff_id: 'sm1', class_adjustments: 'y', alignment: 'x' }),
    ).toEqual([]);
  });

  it('lists the goals still open before "doelen behaald"', () => {
    const goals: EnrolmentGoal[] = [
      { id: 'g1', text: 'A', cognitive: true, status: 'achieved' },
      { id: 'g2', text: 'B', cognitive: false, status: 'open' },
      { id: 'g3', text: 'C', cognitive: false, status: 'not_achieved' },
    ];
    expect(openGoals(goals).map((g) => g.id)).toEqual(['g2', 'g3']);
  });
});

describe('figures and roles', () => {
  it('writes a change with its sign', () => {
    expect(formatChange(0.4)).toBe('+0,4');
    expect(formatChange(-0.25)).toBe('−0,25');
    expect(formatChange(0)).toBe('0,0');
    expect(formatChange(0.4, 'en')).toBe('+0.4');
  });

  it('lets HB staff, care leads and leadership edit offerings, not mentors', () => {
    expect(mayEditOfferings(['hb_specialist'])).toBe(true);
    expect(mayEditOfferings(['zorgcoordinator'])).toBe(true);
    expect(mayEditOfferings(['mentor', 'teacher', 'orthopedagoog'])).toBe(false);
  });
});

describe('the plan for the regular class', () => {
  it('is required outside the own class: a teacher, the adjustments and the alignment', () => {
    const form = emptyEnrolmentForm('2026-10-01', [{ text: 'Doel', cognitive: true }]);
    expect(enrolmentFormProblems(form, { placement: false, outOfClass: true })).toEqual({
      '/regular_teacher_staff_id': 'required',
      '/class_adjustments': 'required',
      '/alignment': 'required',
    });
    expect(
      enrolmentFormProblems(
        { ...form, regularTeacher: 'sm2', classAdjustments: 'Compacten', alignment: 'Presentatie' },
        { placement: false, outOfClass: true },
      ),
    ).toEqual({});
  });
});
