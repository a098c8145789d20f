import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../session/store';
import { json, me, renderApp } from '../../test/app';

const STUDENT = {
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
const PHRASE = 'kort en duidelijk is';

function api(saved: unknown[]) {
  return async (request: Request, url: URL) => {
    if (url.pathname === '/api/v1/me') return json(200, me(['mentor']));
    if (url.pathname === '/graphql') return json(200, { data: { student: STUDENT } });
    if (url.pathname === '/api/v1/hgw/helper-phrases')
      return json(200, [
        { category: 'instruction', heading: 'een instructie die', phrases: [PHRASE] },
      ]);
    if (url.pathname === '/api/v1/overviews/o1')
      return json(200, {
        id: 'o1',
        group_name: '1A',
        period_name: 'Cyclus 2',
        starts_on: '2026-11-16',
        ends_on: '2027-01-22',
        rows: [],
      });
    if (url.pathname === '/api/v1/students/st1/needs' && request.method === 'POST') {
      const body = (await request.json()) as Record<string, unknown>;
      saved.push(body);
      return json(201, {
        ...body,
        id: 'n1',
        student_id: 'st1',
        subject: null,
        author_name: 'Sanne de Vries',
        created_at: '2026-11-16T10:00:00Z',
        version: 1,
        goals: [
          {
            id: 'g1',
            text: 'Tafels tot 10 vlot',
            measure: '',
            target_date: null,
            desired_behaviour: false,
          },
        ],
        hints: [
          { code: 'goal-not-measurable', pointer: '/goals/0', message: 'Maak het doel meetbaar.' },
        ],
      });
    }
    if (url.pathname === '/api/v1/students/st1/needs') return json(200, []);
    return json(404, { code: 'not-found' });
  };
}

describe('the needs editor', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('frames a need with a helper sentence, saves it for the overview, and shows hints as warnings', async () => {
    const user = userEvent.setup();
    const saved: unknown[] = [];
    const { router } = renderApp(
      '/leerlingen/st1/onderwijsbehoeften/nieuw?overzicht=o1',
      api(saved),
    );
    await screen.findByRole('heading', { level: 1, name: 'Onderwijsbehoefte van Emma de Vries' });
    expect(screen.getByLabelText(/^Vanaf/)).toHaveValue('2026-11-16'); // the overview's period
    await user.type(screen.getByRole('textbox', { name: 'Doel 1' }), 'Tafels tot 10 vlot');
    await user.click(screen.getByText('Hulpzinnen bij Instructie'));
    await user.click(screen.getByRole('button', { name: PHRASE }));
    expect(screen.getByRole('button', { name: PHRASE })).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByText(
        /^Om dit doel te bereiken heeft deze leerling een instructie nodig die kort en duidelijk is$/,
      ),
    ).toBeVisible();
    const item = screen.getByRole('textbox', { name: 'Onderwijsbehoefte 1' });
    expect(item).toHaveFocus();
    await user.type(item, 'Aan de instructietafel, na de klassikale uitleg.');
    await user.type(
      screen.getByRole('textbox', { name: 'In de woorden van de leerling' }),
      'Ik wil sneller rekenen',
    );
    await user.click(screen.getByRole('button', { name: 'Onderwijsbehoefte opslaan' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      overview_id: 'o1',
      goals: [{ text: 'Tafels tot 10 vlot' }],
      items: [
        {
          category: 'instruction',
          phrase: PHRASE,
          text: 'Aan de instructietafel, na de klassikale uitleg.',
        },
      ],
      student_view: 'Ik wil sneller rekenen',
      valid_from: '2026-11-16',
      valid_until: '2027-01-22',
    });
    await waitFor(() => expect(router.state.location.pathname).toContain('n1'));
    expect(await screen.findByText('Maak het doel meetbaar.')).toBeVisible();
    expect(screen.getByText('De onderwijsbehoefte is opgeslagen.')).toBeVisible();
    expect(router.state.location.pathname).toBe('/leerlingen/st1/onderwijsbehoeften/n1');
  });
});
