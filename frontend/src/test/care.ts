/** Fixtures of case routing for the care screens' tests: a VO route (part of the IZO/ZAT
 * template), a case, a board. Override what a test is about. */
import type { ActionOption, CaseBoard, CaseRead, CaseSummary, RouteRead } from '../api/cases';

export const ROUTE: RouteRead = {
  id: 'r1',
  key: 'vo-izo-zat',
  name: 'Zorgroute VO: intern zorgoverleg en ZAT',
  revision: 1,
  template: 'vo-izo-zat',
  change_note: null,
  created_at: '2026-08-01T08:00:00Z',
  created_by: 'Sanne de Vries',
  open_cases: 2,
  definition: {
    name: 'Zorgroute VO: intern zorgoverleg en ZAT',
    levels: [
      { key: 'l1', name: 'Eerste lijn: mentor en docenten' },
      { key: 'l2', name: 'Tweede lijn: intern zorgteam' },
      { key: 'l3', name: 'Derde lijn: ZAT en samenwerkingsverband' },
    ],
    forums: [{ key: 'izo', name: 'Intern zorgoverleg', meeting: 'izo' }],
    states: [
      { key: 'bilateral', name: 'Bilateraal overleg', level: 'l1', forum: null, closed: false },
      {
        key: 'izo_draft',
        name: 'Aanmelding IZO in voorbereiding',
        level: 'l2',
        forum: 'izo',
        registration: 'izo',
        closed: false,
      },
      {
        key: 'izo_active',
        name: 'Begeleiding vanuit IZO',
        level: 'l2',
        forum: 'izo',
        closed: false,
      },
      { key: 'izo_evaluation', name: 'Evaluatie in IZO', level: 'l2', forum: 'izo', closed: false },
      { key: 'closed', name: 'Afgesloten', level: 'l1', closed: true },
    ],
    transitions: [
      {
        key: 'T3',
        action: 'open_bilateral',
        label: 'Bilateraal overleg plannen',
        from: [],
        to: 'bilateral',
        roles: ['zorgcoordinator'],
        guards: ['reason'],
      },
      {
        key: 'T4',
        action: 'open_izo',
        label: 'Aanmelden bij het intern zorgteam',
        from: [],
        to: 'izo_draft',
        roles: ['zorgcoordinator'],
        guards: [],
      },
      {
        key: 'T10',
        action: 'evaluate',
        label: 'Evalueren in het IZO',
        from: ['izo_active'],
        to: 'izo_evaluation',
        roles: ['zorgcoordinator'],
        guards: [],
      },
    ],
  },
};

export function option(over: Partial<ActionOption>): ActionOption {
  return {
    key: 'T10',
    action: 'evaluate',
    label: 'Evalueren in het IZO',
    to: 'izo_evaluation',
    to_name: 'Evaluatie in IZO',
    allowed: true,
    missing: [],
    missing_labels: [],
    ...over,
  };
}

export function summary(over: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 'c1',
    school_id: 's1',
    student_id: 'st1',
    student_name: 'Emma de Vries',
    group_names: ['2B'],
    route_key: 'vo-izo-zat',
    route_revision: 1,
    state: 'izo_active',
    state_name: 'Begeleiding vanuit IZO',
    level: 'l2',
    complexity: 'regular',
    coordinator: { id: 'sm1', name: 'Sanne de Vries' },
    mentors: ['Peter Jansen'],
    opened_at: '2026-09-01T08:00:00Z',
    state_since: '2026-09-20T08:00:00Z',
    closed_at: null,
    next_deadline: '2026-12-01',
    next_deadline_label: 'Evaluatie',
    overdue: false,
    version: 7,
    ...over,
  };
}

export function careCase(over: Partial<CaseRead> = {}): CaseRead {
  return {
    ...summary(),
    route_id: 'r1',
    registration_kind: null,
    origin: 'group_meeting',
    origin_meeting_id: 'm1',
    registrant_name: 'Peter Jansen',
    reasons: ['insufficient_benefit'],
    help_question_student: 'Help mij om rustig te kunnen werken.',
    help_question_parents: null,
    guidance_question: 'Hoe kan ik Emma helpen plannen?',
    strengths: { student: 'Doorzetter', school: '', family: '' },
    hindering: { student: '', school: 'Drukke klas', family: '' },
    school_career: null,
    prior_support: null,
    home_situation: null,
    zat_question: null,
    parents_informed: true,
    parents_not_informed_reason: null,
    parent_contact: null,
    evaluation_on: '2026-12-01',
    first_discussed_at: '2026-09-20T08:00:00Z',
    closure_provisional: false,
    closure_outcome: null,
    closure: null,
    editable: true,
    sees_restricted: true,
    actions: [option({})],
    registrations: [],
    screenings: [],
    conversations: [],
    discussions: [],
    action_items: [],
    interventions: [],
    referrals: [],
    swv_requests: [],
    events: [
      {
        id: 'e1',
        kind: 'opened',
        action: 'open_izo',
        transition_key: 'T4',
        from_state: null,
        to_state: 'izo_draft',
        actor_name: 'Peter Jansen',
        reason: null,
        details: {},
        at: '2026-09-01T08:00:00Z',
      },
    ],
    ...over,
  };
}

export function board(columns: CaseBoard['columns']): CaseBoard {
  return {
    route: {
      id: 'r1',
      key: 'vo-izo-zat',
      name: ROUTE.name,
      revision: 1,
      template: 'vo-izo-zat',
      created_at: ROUTE.created_at,
      created_by: ROUTE.created_by,
      open_cases: 2,
    },
    columns,
  };
}
