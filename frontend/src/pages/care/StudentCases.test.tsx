import { screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../session/store';
import { json, me, renderApp } from '../../test/app';
import { summary } from '../../test/care';

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

function api(cases: Response) {
  return (_request: Request, url: URL) => {
    if (url.pathname === '/api/v1/me') return json(200, me(['mentor']));
    if (url.pathname === '/graphql') return json(200, { data: { student: STUDENT } });
    if (url.pathname === '/api/v1/students/st1/cases') return cases;
    if (url.pathname === '/api/v1/students/st1/timeline') return json(200, []);
    return json(404, { code: 'not-found' });
  };
}

describe('care cases on the student page (Zorgtrajecten)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('lists open cases first, each linking to the case', async () => {
    renderApp(
      '/leerlingen/st1',
      api(
        json(200, [
          summary({
            id: 'c0',
            state: 'closed',
            state_name: 'Afgesloten',
            closed_at: '2025-06-01T08:00:00Z',
            opened_at: '2025-01-10T08:00:00Z',
          }),
          summary({ overdue: true, next_deadline: '2026-10-01' }),
        ]),
      ),
    );
    const section = await screen.findByRole('region', { name: 'Zorgtrajecten' });
    const items = await within(section).findAllByRole('listitem');
    expect(
      within(items[0] as HTMLElement).getByRole('link', { name: 'Begeleiding vanuit IZO' }),
    ).toHaveAttribute('href', '/casussen/c1');
    expect(items[0]).toHaveTextContent('Evaluatie: 01-10-2026 te laat');
    expect(items[1]).toHaveTextContent('Afgesloten');
    expect(items[1]).toHaveTextContent('afgesloten');
  });

  it('shows nothing when the cases are not for your role', async () => {
    renderApp('/leerlingen/st1', api(json(403, { code: 'forbidden' })));
    await screen.findByRole('heading', { level: 1, name: 'Emma de Vries' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Zorgtrajecten' })).toBeNull());
  });
});
