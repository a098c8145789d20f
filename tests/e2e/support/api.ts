import { expect, type Page } from '@playwright/test';

// Reads of the REST API (/api/v1, proxied by the SPA's server) with the page's session cookie:
// the tests compare what the SPA shows with what the API says the user may see.

export type School = { id: string; name: string; brin: string; vestiging: string; roles: string[] };
export type Me = { display_name: string; schools: School[] };
export type Group = {
  id: string;
  name: string;
  kind: string;
  mentors: Person[];
  student_count: number;
};
export type Person = { given_name: string; infix: string | null; family_name: string };
export type Student = Person & { id: string; preferred_name: string | null };

async function get<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

export const me = (page: Page) => get<Me>(page, '/api/v1/me');

export async function schoolId(page: Page, brin: string, vestiging: string): Promise<string> {
  const school = (await me(page)).schools.find((s) => s.brin === brin && s.vestiging === vestiging);
  if (!school) throw new Error(`the current user has no school ${brin}${vestiging}`);
  return school.id;
}

export async function groups(page: Page, school: string): Promise<Group[]> {
  return (await get<{ items: Group[] }>(page, `/api/v1/schools/${school}/groups?limit=200`)).items;
}

export async function students(page: Page, school: string, query = ''): Promise<Student[]> {
  const params = new URLSearchParams({ limit: '200', ...(query && { name: query }) });
  const path = `/api/v1/schools/${school}/students?${params}`;
  return (await get<{ items: Student[] }>(page, path)).items;
}

export async function studentsOfGroup(
  page: Page,
  school: string,
  group: string,
): Promise<Student[]> {
  const path = `/api/v1/schools/${school}/students?group_id=${group}&limit=200`;
  return (await get<{ items: Student[] }>(page, path)).items;
}

/** "Daan de Vries": the roepnaam when there is one, the tussenvoegsel, the family name. */
export function fullName(person: Person & { preferred_name?: string | null }): string {
  return [person.preferred_name || person.given_name, person.infix, person.family_name]
    .filter(Boolean)
    .join(' ');
}

export const student = (page: Page, id: string) => get<Student>(page, `/api/v1/students/${id}`);

// The HGW cycle (hgw and plans tags of the API).
export type OverviewSummary = {
  id: string;
  period_name: string;
  cycle: string;
  status: string;
  plan_id: string | null;
  meeting_id: string | null;
};
export type OverviewRow = Person & {
  student_id: string;
  preferred_name: string | null;
  strengths: string;
  signals: { id: string; category: string }[];
  needs: { id: string }[];
};
export type Overview = OverviewSummary & { rows: OverviewRow[] };
export type TimelineItem = {
  kind: string;
  at: string;
  title: string;
  summary: string;
  student_words: string | null;
  link: string | null;
};

export const overviews = (page: Page, group: string) =>
  get<OverviewSummary[]>(page, `/api/v1/groups/${group}/overviews`);

export const overview = (page: Page, id: string) => get<Overview>(page, `/api/v1/overviews/${id}`);

export const timeline = (page: Page, studentId: string) =>
  get<TimelineItem[]>(page, `/api/v1/students/${studentId}/timeline`);

// What is due, and the development perspective (OPP) of a student.
export type Deadline = {
  kind: 'opp_due' | 'opp_evaluation_due' | 'plan_midterm_review' | 'plan_evaluation';
  due_on: string;
  overdue: boolean;
  student_id: string | null;
  student_name: string | null;
  group_name: string | null;
  ref_id: string;
};
export type Perspective = {
  id: string;
  state: string;
  support_description: string;
  versions: { number: number; kind: string; student_view: string }[];
};

export const deadlines = (page: Page, school: string) =>
  get<Deadline[]>(page, `/api/v1/schools/${school}/hgw-deadlines`);

export const perspective = (page: Page, studentId: string) =>
  get<Perspective>(page, `/api/v1/students/${studentId}/development-perspective`);

// Case routing (the cases tag of the API): what is open in the care route, a case.
export type CareDeadline = {
  kind: string;
  case_id: string | null;
  student_id: string;
  student_name: string;
  title: string;
  due_on: string;
  overdue: boolean;
  days_overdue: number;
  owner: string | null;
  mine: boolean;
};
export type CareCase = {
  id: string;
  school_id: string;
  student_name: string;
  state: string;
  state_name: string;
  registration_kind: 'izo' | 'zat' | null;
  closed_at: string | null;
  action_items: { description: string; owner_name: string; owner_user_id: string | null }[];
};

export const careDeadlines = (page: Page, school: string) =>
  get<{ items: CareDeadline[] }>(page, `/api/v1/schools/${school}/care-deadlines`);

export const careCase = (page: Page, caseId: string) =>
  get<CareCase>(page, `/api/v1/cases/${caseId}`);
