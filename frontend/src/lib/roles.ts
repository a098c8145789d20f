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

/** Gifted education ((hoog)begaafdheid): the HB overview is for HB, care leads and leadership
 * (the API's WORK and READ roles of gifted/policies.py that oversee the school). */
const GIFTED_OVERVIEW: readonly string[] = [
  'hb_specialist',
  'hb_coordinator',
  'intern_begeleider',
  'zorgcoordinator',
  'team_leader',
  'school_leader',
];
/** Keuze-uren concern every staff member (subject teachers acknowledge them); not the privacy
 * officer or external partners. */
const CHOICE_HOURS: readonly string[] = [...GROUP_BOUND, ...SCHOOL_WIDE];
/** Mirrors the API's gifted WORK roles plus the student's mentor and teachers: they record the
 * instruments and guidance (the API decides whether they teach the student). */
const GIFTED_WRITE: readonly string[] = [
  ...GROUP_BOUND,
  'intern_begeleider',
  'zorgcoordinator',
  'orthopedagoog',
  'remedial_teacher',
  'school_social_worker',
  'hb_specialist',
  'hb_coordinator',
];
/** Mirrors the API's POLICY_EDIT: HB staff and leadership set the keuze-uren policy. */
const CHOICE_POLICY_EDIT: readonly string[] = [
  'hb_specialist',
  'hb_coordinator',
  'team_leader',
  'school_leader',
];
/** Who checks that a student was where the keuze-uur said: the HB-specialist or the mentor. */
const CHOICE_CHECK: readonly string[] = ['hb_specialist', 'hb_coordinator', 'mentor'];

export type Section =
  | 'myGroups'
  | 'groups'
  | 'students'
  | 'care'
  | 'gifted'
  | 'offerings'
  | 'choiceHours';

export function sectionsFor(roles: readonly string[]): Section[] {
  const sections: Section[] = [];
  if (roles.some((r) => GROUP_BOUND.includes(r))) sections.push('myGroups');
  if (roles.some((r) => SCHOOL_WIDE.includes(r))) sections.push('groups');
  if (roles.length > 0) sections.push('students');
  if (roles.some((r) => CARE_WORK.includes(r) || GROUP_BOUND.includes(r))) sections.push('care');
  if (roles.some((r) => GIFTED_OVERVIEW.includes(r))) sections.push('gifted');
  // The offerings catalogue (HB-aanbod): those who record offerings and run the committees; the
  // API's OFFERING_EDIT roles (gifted/policies.py), the same as the HB overview's.
  if (roles.some((r) => GIFTED_OVERVIEW.includes(r))) sections.push('offerings');
  if (roles.some((r) => CHOICE_HOURS.includes(r))) sections.push('choiceHours');
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

/** Who records gifted instruments and guidance of a student they work with. */
export function mayWriteGifted(roles: readonly string[]): boolean {
  return roles.some((r) => GIFTED_WRITE.includes(r));
}

/** Who records a wave of the impact questionnaire: care and HB staff (the API's WORK roles). */
export function mayRecordMeasurements(roles: readonly string[]): boolean {
  return roles.some((r) => GIFTED_WRITE.includes(r) && !GROUP_BOUND.includes(r));
}

/** Who sees the school's HB overview (menu "Begaafdheid"). */
export function maySeeGiftedOverview(roles: readonly string[]): boolean {
  return roles.some((r) => GIFTED_OVERVIEW.includes(r));
}

/** Who takes a complex gifted case to the care team: care and HB staff. */
export function mayOpenGiftedCase(roles: readonly string[]): boolean {
  return roles.some((r) => CARE_WORK.includes(r) && r !== 'team_leader' && r !== 'school_leader');
}

/** Who sets the school's keuze-uren policy. */
export function mayEditChoicePolicy(roles: readonly string[]): boolean {
  return roles.some((r) => CHOICE_POLICY_EDIT.includes(r));
}

/** Who checks keuze-uren ("Gecontroleerd"): HB staff and mentors. */
export function mayCheckChoiceHours(roles: readonly string[]): boolean {
  return roles.some((r) => CHOICE_CHECK.includes(r));
}

/** Who teaches lessons a keuze-uur can take a student out of. */
export function teachesLessons(roles: readonly string[]): boolean {
  return roles.some((r) => GROUP_BOUND.includes(r));
}

export const SECTION_PATHS: Record<Section, string> = {
  myGroups: 'mijn-groepen',
  groups: 'groepen',
  students: 'leerlingen',
  care: 'zorg',
  gifted: 'begaafdheid',
  offerings: 'aanbod',
  choiceHours: 'keuze-uren',
};
