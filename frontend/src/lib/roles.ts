/** What a role may use in the app. The API decides what data anyone sees; this only shapes the
 * navigation so nobody is offered a page that would be empty for them. */

/** Care and leadership roles see every group and student of their school. */
const SCHOOL_WIDE: readonly string[] = [
  'intern_begeleider',
  'zorgcoordinator',
  'orthopedagoog',
  'remedial_teacher',
  'school_social_worker',
  'hb_specialist',
  'hb_coordinator',
  'team_leader',
  'school_leader',
];
const GROUP_BOUND: readonly string[] = ['teacher', 'mentor'];
/** Mirrors the API's ROSTER_EDIT: who may correct roster details by hand. */
const ROSTER_EDIT: readonly string[] = [
  'intern_begeleider',
  'zorgcoordinator',
  'team_leader',
  'school_leader',
];

/** Mirrors the API's HGW leads (hgw/policies.py): who starts a cycle, writes the group plan and
 * runs the group meeting. A mentor leads cycle A of their own group only: the API decides that. */
const CYCLE_LEAD: readonly string[] = [
  'mentor',
  'intern_begeleider',
  'zorgcoordinator',
  'orthopedagoog',
];

/** Mirrors the API's case-routing WORK roles (cases/policies.py): care, HB and leadership work
 * on every case of their school and plan care meetings. Mentors and teachers have the menu
 * too: the API filters the board to their own students' cases, lists the group meetings'
 * registrations a mentor starts, the meetings they sit in and their deadlines; and the routes
 * let them open a case (the PO leerlingbespreking, the VO IZO registration). */
const CARE_WORK: readonly string[] = [
  'intern_begeleider',
  'zorgcoordinator',
  'orthopedagoog',
  'remedial_teacher',
  'school_social_worker',
  'hb_specialist',
  'hb_coordinator',
  'team_leader',
  'school_leader',
];

export type Section = 'myGroups' | 'groups' | 'students' | 'care';

export function sectionsFor(roles: readonly string[]): Section[] {
  const sections: Section[] = [];
  if (roles.some((r) => GROUP_BOUND.includes(r))) sections.push('myGroups');
  if (roles.some((r) => SCHOOL_WIDE.includes(r))) sections.push('groups');
  if (roles.length > 0) sections.push('students');
  if (roles.some((r) => CARE_WORK.includes(r) || GROUP_BOUND.includes(r))) sections.push('care');
  return sections;
}

export function mayEditRoster(roles: readonly string[]): boolean {
  return roles.some((r) => ROSTER_EDIT.includes(r));
}

export function mayLeadCycle(roles: readonly string[]): boolean {
  return roles.some((r) => CYCLE_LEAD.includes(r));
}

/** Mirrors the API's OPP_WRITE (hgw/policies.py): the student's mentor and the care leads record
 * extra support and determine the OPP. Others may read it (or not): the API decides. */
export function mayWriteOpp(roles: readonly string[]): boolean {
  return roles.some((r) => CYCLE_LEAD.includes(r));
}

/** Who plans care meetings (IZO, ZAT, leerlingbespreking …): the API's WORK roles. */
export function mayPlanCareMeetings(roles: readonly string[]): boolean {
  return roles.some((r) => CARE_WORK.includes(r));
}

export const SECTION_PATHS: Record<Section, string> = {
  myGroups: 'mijn-groepen',
  groups: 'groepen',
  students: 'leerlingen',
  care: 'zorg',
};
