import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';

const STUDENT = {
  id: 'st1',
  schoolId: 's1',
  givenName: 'Emma',
  preferredName: null,
  infix: 'de',
  familyName: 'Vries',
  dateOfBirth: '2012-03-02',
  version: 1,
  guardians: [],
  enrolments: [],
};
const STUDENT_VIEW = 'Ik kan goed leren als het rustig is.';

const version = {
  id: 'v1',
  number: 1,
  kind: 'initial',
  expected_outflow: 'vwo',
  destination: 'Wetenschappelijk onderwijs',
  yield_expectations: [],
  factors: [
    { kind: 'stimulating', locus: 'student', text: 'Sterk analytisch vermogen.' },
    { kind: 'hindering', locus: 'learning_environment', text: 'Drukte en roosterwijzigingen.' },
  ],
  needs: 'Voorspelbaarheid',
  support_offered: 'Wekelijks gesprek met de zorgcoördinator',
  long_term_goals: ['Behaalt het vwo-diploma'],
  talents: 'Wiskunde',
  student_view: STUDENT_VIEW,
  parents_view: 'De vaste contactpersoon geeft rust.',
  determined_with_student: true,
  determined_with_parents: true,
  determined_on: '2025-10-06',
  author_name: 'Peter van den Berg',
  created_at: '2025-10-06T10:00:00Z',
};

const opp = (over: Record<string, unknown> = {}) => ({
  id: 'opp1',
  student_id: 'st1',
  support_started_on: '2025-09-01',
  support_description: 'Begeleiding bij autisme',
  ended_on: null,
  due_on: '2026-10-06',
  state: 'evaluation_overdue',
  versions: [version],
  version: 2,
  ...over,
});

function api(roles: string[], perspective: Api): Api {
  return (request, url) => {
    if (url.pathname === '/api/v1/me') return json(200, me(roles));
    if (url.pathname === '/graphql') return json(200, { data: { student: STUDENT } });
    if (url.pathname === '/api/v1/students/st1/timeline') return json(200, []);
    if (url.pathname === '/api/v1/students/st1/cases') return json(200, []);
    return perspective(request, url);
  };
}

describe('the OPP on the student page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows the state and every version with the student’s own view as a quote', async () => {
    renderApp(
      '/leerlingen/st1',
      api(['team_leader'], () => json(200, opp())),
    );
    const section = await screen.findByRole('region', { name: 'Ontwikkelingsperspectief (OPP)' });
    expect(await within(section).findByText('te laat: jaarlijkse evaluatie')).toBeVisible();
    const v1 = within(section).getByRole('article', { name: 'Versie 1: vaststelling' });
    expect(v1).toHaveTextContent('vwo');
    expect(within(v1).getByText(STUDENT_VIEW).closest('blockquote')).not.toBeNull();
    expect(v1).toHaveTextContent('Sterk analytisch vermogen. (bij de leerling)');
    expect(within(v1).getByRole('heading', { name: 'Belemmerend' })).toBeVisible();
    expect(v1).toHaveTextContent('De vaste contactpersoon geeft rust.');
    // Leadership reads the OPP; writing is for the mentor and care staff.
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('names what is missing when the OPP is not determined with the parents', async () => {
    const user = userEvent.setup();
    const sent: { ifMatch: string | null; body: Record<string, unknown> }[] = [];
    renderApp(
      '/leerlingen/st1',
      api(['zorgcoordinator'], async (request, url) => {
        if (url.pathname === '/api/v1/development-perspectives/opp1/versions') {
          sent.push({
            ifMatch: request.headers.get('if-match'),
            body: (await request.json()) as Record<string, unknown>,
          });
          return json(422, {
            type: 'https://zorgroute.nl/problems/transition-guard-failed',
            title: 'Something this step needs is missing',
            status: 422,
            code: 'transition-guard-failed',
            detail: 'The OPP is determined (and evaluated) with the student and the parents.',
            missing: ['determined_with_parents'],
          });
        }
        return json(200, opp({ versions: [], state: 'due', due_on: '2026-11-23', version: 1 }));
      }),
    );
    const section = await screen.findByRole('region', { name: 'Ontwikkelingsperspectief (OPP)' });
    await user.click(within(section).getByRole('button', { name: 'Nieuwe versie vaststellen' }));
    await user.type(within(section).getByRole('textbox', { name: 'Verwachte uitstroom' }), 'havo');
    await user.type(within(section).getByRole('textbox', { name: 'Factor 1' }), 'Doorzetter');
    await user.type(
      within(section).getByRole('textbox', { name: 'Ondersteuning die de school biedt' }),
      'Twee uur begeleiding per week',
    );
    await user.type(
      within(section).getByRole('textbox', { name: 'Doel op lange termijn 1' }),
      'Behaalt het havo-diploma',
    );
    await user.type(
      within(section).getByRole('textbox', { name: 'Wat vindt de leerling zelf? (hoorrecht)' }),
      'Ik wil rustig kunnen werken.',
    );
    await user.click(
      within(section).getByRole('checkbox', { name: 'Vastgesteld in gesprek met de leerling' }),
    );
    await user.click(within(section).getByRole('button', { name: 'Versie vaststellen' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.ifMatch).toBe('"v1"');
    expect(sent[0]?.body).toMatchObject({
      kind: 'initial',
      expected_outflow: 'havo',
      factors: [{ kind: 'stimulating', locus: 'student', text: 'Doorzetter' }],
      long_term_goals: ['Behaalt het havo-diploma'],
      student_view: 'Ik wil rustig kunnen werken.',
      determined_with_student: true,
      determined_with_parents: false,
    });
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Het OPP is nog niet vastgesteld met de ouders.');
    // What was typed stays.
    expect(
      within(section).getByRole('textbox', { name: 'Wat vindt de leerling zelf? (hoorrecht)' }),
    ).toHaveValue('Ik wil rustig kunnen werken.');
  });

  it('asks for the student’s view before sending', async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderApp(
      '/leerlingen/st1',
      api(['mentor'], () => json(200, opp())),
    );
    const section = await screen.findByRole('region', { name: 'Ontwikkelingsperspectief (OPP)' });
    await user.click(within(section).getByRole('button', { name: 'Nieuwe versie vaststellen' }));
    // An evaluation starts from the newest version, but the views are asked anew.
    expect(within(section).getByRole('textbox', { name: 'Verwachte uitstroom' })).toHaveValue(
      'vwo',
    );
    const view = within(section).getByRole('textbox', {
      name: 'Wat vindt de leerling zelf? (hoorrecht)',
    });
    expect(view).toHaveValue('');
    await user.click(within(section).getByRole('button', { name: 'Versie vaststellen' }));
    expect(view).toHaveFocus();
    expect(view).toHaveAccessibleDescription('Vul dit veld in.');
    expect(fetchMock.mock.calls.some(([r]) => (r as Request).method === 'POST')).toBe(false);
  });

  it('records that extra support started when there is no OPP', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderApp(
      '/leerlingen/st1',
      api(['mentor'], async (request) => {
        if (request.method === 'POST') {
          sent.push(await request.json());
          return json(201, opp({ versions: [], state: 'due', due_on: '2026-12-28', version: 1 }));
        }
        return json(404, { code: 'not-found' });
      }),
    );
    const section = await screen.findByRole('region', { name: 'Ontwikkelingsperspectief (OPP)' });
    expect(section).toHaveTextContent('Er is geen OPP voor Emma');
    await user.click(within(section).getByRole('button', { name: 'Extra ondersteuning gestart' }));
    await user.type(
      within(section).getByRole('textbox', {
        name: 'Welke extra ondersteuning krijgt de leerling?',
      }),
      'Begeleiding bij plannen',
    );
    await user.click(
      within(section).getByRole('button', { name: 'Extra ondersteuning vastleggen' }),
    );
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ support_description: 'Begeleiding bij plannen' });
    expect(await within(section).findByText('nog vast te stellen')).toBeVisible();
    expect(
      within(section).getByRole('button', { name: 'Nieuwe versie vaststellen' }),
    ).toBeVisible();
  });

  it('shows nothing when the OPP is not for your role', async () => {
    const { fetchMock } = renderApp(
      '/leerlingen/st1',
      api(['teacher'], () => json(403, { code: 'forbidden', detail: 'Not for teachers' })),
    );
    await screen.findByRole('heading', { level: 1, name: 'Emma de Vries' });
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(([r]) =>
          String((r as Request).url).includes('development-perspective'),
        ),
      ).toBe(true),
    );
    await screen.findByRole('region', { name: 'Tijdlijn' });
    await waitFor(() => expect(screen.queryByText('Ontwikkelingsperspectief (OPP)')).toBeNull());
    expect(screen.queryByText('Not for teachers')).toBeNull();
  });
});
