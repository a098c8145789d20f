/** Fixtures of the offering screens' tests: an offering, an application with its observation and
 * intake, a queue, an enrolment. Override what a test is about. */
import type {
  Application,
  ApplicationQueue,
  Enrolment,
  GiftedVocabulary,
  Offering,
} from '../../../api/offerings';

export function offering(over: Partial<Offering> = {}): Offering {
  return {
    id: 'o1',
    school_id: 's1',
    school_name: 'Stedelijk Lyceum',
    name: 'Plusklas bovenbouw',
    kind: 'plusklas',
    setting: 'separate_group',
    regional: false,
    open_to_other_schools: false,
    duration: 'whole_year',
    starts_on: '2026-09-01',
    ends_on: '2027-07-01',
    schedule: 'dinsdagochtend',
    hours_per_week: 2.5,
    fixed_teacher_staff_id: 'sm3',
    fixed_teacher_name: 'Fatima el Amrani',
    goals: [
      { text: 'Leren leren: plannen van een project', cognitive: true },
      { text: 'Contact met ontwikkelingsgelijken', cognitive: false },
    ],
    target_group: 'Groep 6-8 met behoefte aan cognitieve uitdaging',
    selection_criteria: '',
    capacity: 12,
    enrolled: 10,
    waitlisted: 2,
    application_routes: ['intern_begeleider', 'parents'],
    committee: [
      { staff_id: 'sm1', name: 'Sanne de Vries' },
      { staff_id: 'sm2', name: 'Peter Jansen' },
    ],
    archived: false,
    is_placement: false,
    version: 3,
    ...over,
  };
}

export function application(over: Partial<Application> = {}): Application {
  return {
    id: 'a1',
    school_id: 's1',
    student_id: 'st1',
    kind: 'group',
    offering_id: 'o1',
    offering_name: 'Plusklas bovenbouw',
    route: 'intern_begeleider',
    status: 'submitted',
    motivation: 'Verveelt zich bij rekenen; wil graag onderzoeken.',
    observation: {
      id: 'ob1',
      student_id: 'st1',
      observed_on: '2026-09-20',
      scores: { task_initiation: 4, fixed_mindset: 2, collaboration: null },
      explanations: {},
      remarks: '',
      recommendation: 'group_offering',
      review_on: null,
      observer_name: 'Peter Jansen',
      by_specialist: false,
      follow_up: {
        kind: 'application',
        due_on: null,
        application_id: 'a1',
        signal_id: null,
        done: false,
      },
      created_at: '2026-09-20T10:00:00Z',
    },
    needs_intake: {
      id: 'ni1',
      student_id: 'st1',
      sections: [
        {
          informant: 'student',
          answers: { s1: 'Moeilijke sommen' },
          respondent: 'Emma',
          answered_on: '2026-09-22',
        },
      ],
      complete: false,
      version: 2,
    },
    snapshot: {
      student_name: 'Emma de Boer',
      group_name: 'Groep 7',
      school_name: 'Stedelijk Lyceum',
      grade: '7',
    },
    submitted_by_name: 'Sanne de Vries',
    submitted_at: '2026-09-25T09:00:00Z',
    decision_reason: '',
    exception: false,
    exception_reason: '',
    decided_by: [],
    decided_at: null,
    waitlist_position: null,
    enrolment_id: null,
    version: 4,
    ...over,
  };
}

export function queue(over: Partial<ApplicationQueue> = {}): ApplicationQueue {
  return {
    offering: offering(),
    to_decide: [application()],
    waitlist: [],
    decided: [],
    free_places: 2,
    ...over,
  };
}

export function enrolment(over: Partial<Enrolment> = {}): Enrolment {
  return {
    id: 'e1',
    school_id: 's1',
    student_id: 'st1',
    student_name: 'Emma de Boer',
    offering: offering(),
    application_id: 'a1',
    status: 'active',
    starts_on: '2026-10-01',
    goals: [
      { id: 'g1', text: 'Een project plannen', cognitive: true, status: 'achieved' },
      { id: 'g2', text: 'Samenwerken met gelijken', cognitive: false, status: 'open' },
    ],
    review_every_weeks: 13,
    next_review_on: '2026-12-31',
    review_overdue: false,
    in_class_plan: {
      regular_teacher_staff_id: null,
      regular_teacher_name: '',
      class_adjustments: 'Compacten bij rekenen',
      alignment: '',
      individual_plan_id: null,
      complete: false,
    },
    agreements: null,
    reviews: [],
    ended_on: null,
    exit_reason: null,
    exit_note: '',
    version: 5,
    ...over,
  };
}

export const VOCABULARY: GiftedVocabulary = {
  observation_skills: [
    { code: 'task_initiation', label: 'Taakinitiatie', question: '', category: '' },
    { code: 'fixed_mindset', label: 'Vaste mindset', question: '', category: '' },
    { code: 'collaboration', label: 'Samenwerken', question: '', category: '' },
  ],
  reverse_scored: ['fixed_mindset'],
  recommendations: [
    {
      code: 'group_offering',
      label: 'Aanmelden voor onderwijsaanbod in groepssetting buiten de klas of groep',
      question: '',
      category: '',
    },
  ],
  self_assessment_skills: [],
  intake_questions: {
    student: [{ code: 's1', label: 'Wat is belangrijk om te leren?', question: '', category: '' }],
    teacher: [],
    parents: [],
  },
  offering_kinds: [
    { code: 'plusklas', label: 'Plusklas', question: '', category: '' },
    { code: 'intermediate_provision', label: 'Tussenvoorziening', question: '', category: '' },
  ],
  constructs: [],
  guidance_phases: [],
};
