/** Fixtures of gifted education for the screens' tests: the vocabulary as the API serves it, a
 * student, the student's gifted page. Override what a test is about. */
import type { GiftedVocabulary, Observation, StudentGifted } from '../../api/gifted';

const term = (code: string, label: string, question = '', category = '') => ({
  code,
  label,
  question,
  category,
});

export const VOCABULARY: GiftedVocabulary = {
  observation_skills: [
    term(
      'task_initiation',
      'Taakinitiatie',
      'Start de leerling zelfstandig met een taak zonder uitstel?',
    ),
    term(
      'sustained_attention',
      'Volgehouden aandacht',
      'Kan de leerling geconcentreerd blijven werken?',
    ),
    term(
      'goal_directed',
      'Doelgericht gedrag',
      'Werkt de leerling doelbewust naar een eindresultaat toe?',
    ),
    term('flexibility', 'Flexibiliteit', 'Kan de leerling met veranderingen omgaan?'),
    term(
      'emotion_regulation',
      'Emotieregulatie',
      'Kan de leerling zijn emoties onder controle houden?',
    ),
    term('response_inhibition', 'Reactie-inhibitie', 'Kan de leerling impulsen onderdrukken?'),
    term('metacognition', 'Metacognitie', 'Leert de leerling van zijn eigen fouten?'),
    term('working_memory', '(Werk)geheugen', 'Onthoudt de leerling instructies?'),
    term('time_management', 'Timemanagement', 'Deelt de leerling zijn tijd efficiënt in?'),
    term('organisation', 'Organisatie', 'Houdt de leerling materialen en werk op orde?'),
    term('planning', 'Planning/prioritering', 'Plant de leerling zijn werk?'),
    term('fixed_mindset', 'Vaste mindset', 'Heeft de leerling moeite met het maken van fouten?'),
    term('growth_mindset', 'Groeimindset', 'Ziet de leerling moeite doen als iets positiefs?'),
    term('collaboration', 'Samenwerken', 'Kan de leerling effectief samenwerken?'),
  ],
  reverse_scored: ['fixed_mindset'],
  recommendations: [
    term('none', 'Geen aanvullende begeleiding nodig op dit moment'),
    term('challenge_in_class', 'Uitdaging in de klas bieden, wel in de gaten houden'),
    term('specialist_observation', 'Extra observatie van de specialist (hoog)begaafdheid nodig'),
    term('individual_guidance', 'Aanmelden voor individuele begeleiding'),
    term(
      'group_offering',
      'Aanmelden voor onderwijsaanbod in groepssetting buiten de klas of groep',
    ),
  ],
  self_assessment_skills: [
    term('response_inhibition', 'Respons inhibitie', '', 'doen'),
    term('emotion_regulation', 'Emotieregulatie', '', 'doen'),
    term('sustained_attention', 'Volgehouden aandacht', '', 'doen'),
    term('task_initiation', 'Taakinitiatie', '', 'doen'),
    term('goal_directed', 'Doelgericht gedrag', '', 'doen'),
    term('flexibility', 'Flexibiliteit', '', 'doen'),
    term('working_memory', 'Werkgeheugen', '', 'denken'),
    term('planning', 'Planning / prioritering', '', 'denken'),
    term('organisation', 'Organisatie', '', 'denken'),
    term('time_management', 'Timemanagement', '', 'denken'),
    term('metacognition', 'Metacognitie', '', 'denken'),
  ],
  intake_questions: {
    student: [term('s1', 'Wat is belangrijk om te leren?')],
    teacher: [term('t1', 'Welke vaardigheden moet de leerling beheersen?')],
    parents: [term('p1', 'Tegen welke moeilijkheden loopt uw kind thuis aan bij huiswerk?')],
  },
  offering_kinds: [term('plusklas', 'Plusklas')],
  constructs: [
    term('experienced_challenge', 'Ervaren uitdaging'),
    term('boredom', 'Verveling'),
    term('intrinsic_motivation', 'Intrinsieke motivatie'),
  ],
  guidance_phases: [
    term('preparation', 'Voorbereiding en doelbepaling'),
    term('kickoff', 'Gezamenlijk startgesprek'),
    term('content', 'Afstemmen van leerinhouden'),
    term('responsibilities', 'Verantwoordelijkheden vastleggen'),
    term('monitoring', 'Monitoring en bijstelling'),
    term('handover', 'Overdracht en continuïteit'),
    term('reflection', 'Reflectie en afronding'),
  ],
};

/** The student as the student page's GraphQL query answers it. */
export const STUDENT = {
  id: 'st1',
  schoolId: 's1',
  givenName: 'Emma',
  preferredName: null,
  infix: 'de',
  familyName: 'Vries',
  dateOfBirth: '2014-03-02',
  version: 1,
  guardians: [],
  enrolments: [],
};

export function observation(over: Partial<Observation> = {}): Observation {
  return {
    id: 'o1',
    student_id: 'st1',
    observed_on: '2026-10-01',
    scores: Object.fromEntries(VOCABULARY.observation_skills.map((s) => [s.code, 3])),
    explanations: {},
    remarks: '',
    recommendation: 'challenge_in_class',
    review_on: '2026-12-01',
    observer_name: 'Sanne de Vries',
    by_specialist: false,
    follow_up: {
      kind: 'review',
      due_on: '2026-12-01',
      application_id: null,
      signal_id: null,
      done: false,
    },
    created_at: '2026-10-01T10:00:00Z',
    ...over,
  };
}

export function studentGifted(over: Partial<StudentGifted> = {}): StudentGifted {
  return {
    student_id: 'st1',
    profile: {
      student_id: 'st1',
      signalled_gifted: true,
      signalled_on: '2026-09-15',
      underachievement_suspected: false,
      twice_exceptional: null,
      twice_exceptional_note: null,
      complexity: 'none',
      version: 1,
    },
    observations: [],
    self_assessments: [],
    comparison: [],
    needs_intakes: [],
    applications: [],
    enrolments: [],
    guidance_periods: [],
    measurements: [],
    case_ids: [],
    ...over,
  };
}
