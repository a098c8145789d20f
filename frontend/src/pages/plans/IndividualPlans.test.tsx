import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';

const plan = (over: Record<string, unknown> = {}) => ({
  id: 'p1',
  school_id: 's1',
  group_id: 'g1',
  group_name: '1A',
  overview_id: 'o1',
  period_name: 'Cyclus 2',
  cycle: 'A',
  subject: null,
  status: 'draft',
  plan_type: 'cross_subject',
  starts_on: '2026-11-16',
  ends_on: '2027-01-22',
  weeks: 9.6,
  week_schedule: '',
  author_name: 'Sanne de Vries',
  editable: true,
  midterm_review_required: false,
  midterm_review: '',
  midterm_reviewed_at: null,
  final_evaluation: '',
  activated_at: null,
  evaluated_at: null,
  archived_at: null,
  attention_points: [],
  rows: [],
  hints: [],
  amendments: [],
  students: [],
  individual_plans: [
    { id: 'i1', student_id: 'st1', kind: 'cross_subject', parent_signed_on: null },
    { id: 'i2', student_id: 'st2', kind: 'subject', parent_signed_on: '2026-11-18' },
  ],
  version: 3,
  ...over,
});

const row = (id: string, given: string, family: string) => ({
  student_id: id,
  given_name: given,
  preferred_name: null,
  infix: null,
  family_name: family,
});

const IHP = {
  id: 'i1',
  plan_id: 'p1',
  student_id: 'st1',
  kind: 'cross_subject',
  decided_by: 'care_team',
  need_ids: [],
  goals: [
    { id: 'g1', text: 'Leest 10 minuten', measure: '', target_date: null, desired_behaviour: true },
  ],
  learning_yield_expectation: '',
  content: '',
  approach: 'Dagelijks samen lezen',
  organisation: '',
  evaluation_plan: '',
  parent_agreements: '',
  student_view: 'Ik wil beter lezen.',
  parent_signed_by: null,
  parent_signed_on: null,
  evaluation: '',
  evaluated_with_student: false,
  evaluated_with_parents: false,
  starts_on: '2026-11-16',
  ends_on: '2027-01-22',
  author_name: 'Sanne de Vries',
  version: 2,
};

const guardian = (id: string, given: string, authority: boolean) => ({
  id,
  given_name: given,
  infix: null,
  family_name: 'Jansen',
  email: null,
  phone: null,
  relation: 'parent',
  parental_authority: authority,
});

function api(extra: Api): Api {
  return async (request, url) => {
    if (url.pathname === '/api/v1/me') return json(200, me(['mentor']));
    if (url.pathname === '/api/v1/overviews/o1')
      return json(200, {
        id: 'o1',
        rows: [row('st1', 'Daan', 'Jansen'), row('st2', 'Sara', 'Bos')],
      });
    if (url.pathname === '/api/v1/schools/s1/students')
      return json(200, { items: [], next_cursor: null });
    return extra(request, url);
  };
}

describe('individual plans (IHP)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('lists them on the plan, and says an unsigned one blocks the activation', async () => {
    const user = userEvent.setup();
    renderApp(
      '/groepsplannen/p1',
      api((request, url) => {
        if (url.pathname === '/api/v1/plans/p1/activate' && request.method === 'POST')
          return json(422, {
            code: 'transition-guard-failed',
            status: 422,
            detail: "'activate' needs: individual_plans/i1/parent_sign_off.",
            missing: ['individual_plans/i1/parent_sign_off'],
          });
        if (url.pathname === '/api/v1/plans/p1') return json(200, plan());
        return json(404, { code: 'not-found' });
      }),
    );
    const section = await screen.findByRole('region', { name: 'Individuele handelingsplannen' });
    const items = await within(section).findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('IHP van Daan Jansen');
    expect(items[0]).toHaveTextContent('nog niet ondertekend');
    expect(within(items[0] as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      '/individuele-plannen/i1',
    );
    expect(items[1]).toHaveTextContent('ondertekend door ouder op 18-11-2026');

    await user.click(screen.getByRole('button', { name: 'Activeren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Een IHP is nog niet ondertekend door een ouder.',
    );
  });

  it('lets only a guardian with parental authority sign, with If-Match', async () => {
    const user = userEvent.setup();
    const sent: { ifMatch: string | null; body: unknown }[] = [];
    renderApp(
      '/individuele-plannen/i1',
      api(async (request, url) => {
        if (url.pathname === '/api/v1/individual-plans/i1/parent-sign-off') {
          const body = (await request.json()) as { guardian_id: string; signed_on: string };
          sent.push({ ifMatch: request.headers.get('if-match'), body });
          return json(200, {
            ...IHP,
            parent_signed_by: body.guardian_id,
            parent_signed_on: body.signed_on,
            version: 3,
          });
        }
        if (url.pathname === '/api/v1/individual-plans/i1') return json(200, IHP);
        if (url.pathname === '/api/v1/plans/p1') return json(200, plan());
        if (url.pathname === '/api/v1/students/st1')
          return json(200, {
            id: 'st1',
            given_name: 'Daan',
            preferred_name: null,
            infix: null,
            family_name: 'Jansen',
            guardians: [guardian('gd1', 'Anna', true), guardian('gd2', 'Kees', false)],
          });
        return json(404, { code: 'not-found' });
      }),
    );
    await screen.findByRole('heading', {
      level: 1,
      name: 'Individueel handelingsplan van Daan Jansen',
    });
    expect(screen.getByText('Ik wil beter lezen.').closest('blockquote')).not.toBeNull();
    const form = screen.getByRole('form', { name: 'Ondertekend door ouder' });
    const who = within(form).getByRole('combobox', { name: /Ouder of verzorger met gezag/ });
    const options = within(who)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['–', 'Anna Jansen (ouder)']);
    await user.selectOptions(who, 'gd1');
    await user.click(within(form).getByRole('button', { name: 'Ondertekening vastleggen' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ ifMatch: '"v2"', body: { guardian_id: 'gd1' } });
    expect(await screen.findByText(/Ondertekend door Anna Jansen op/)).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Ondertekend door ouder' })).toBeNull();
  });
});
