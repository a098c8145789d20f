import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient, routes } from './App';
import { sessionStore } from './session/store';

const SCHOOL = { id: 's1', name: 'Stedelijk Lyceum', brin: '34CD', vestiging: '00', sector: 'VO' };

function me(roles: string[]) {
  return {
    id: 'u1',
    kind: 'user',
    display_name: 'Sanne de Vries',
    csrf_token: 'csrf',
    client_id: null,
    scopes: [],
    swvs: [],
    schools: roles.length ? [{ ...SCHOOL, roles }] : [],
  };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function renderAt(path: string, api: (url: URL) => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string) =>
      api(new URL(typeof input === 'string' ? input : input.url, location.origin)),
    ),
  );
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('the app', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('sends a visitor to the login page and remembers where they were going', async () => {
    const router = renderAt('/leerlingen/abc', () => json(401, { code: 'unauthenticated' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welkom bij Zorgroute' }),
    ).toBeVisible();
    expect(router.state.location.search).toBe('?terug=%2Fleerlingen%2Fabc');
    expect(screen.getByRole('link', { name: 'Inloggen' })).toHaveAttribute(
      'href',
      '/auth/login?return_to=%2Fleerlingen%2Fabc',
    );
  });

  it('explains a refused login in Dutch', async () => {
    renderAt('/inloggen?fout=account-not-provisioned', () => json(401, {}));
    expect(await screen.findByRole('alert')).toHaveTextContent('nog geen toegang tot Zorgroute');
  });

  it('starts a mentor on Mijn groepen, with a menu for their role', async () => {
    const router = renderAt('/', (url) => {
      if (url.pathname === '/api/v1/me') return json(200, me(['mentor']));
      if (url.pathname.endsWith('/plans') || url.pathname.endsWith('/hgw-deadlines'))
        return json(200, []);
      return json(200, { items: [], next_cursor: null });
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn groepen' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/scholen/s1/mijn-groepen');
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(menu).toHaveTextContent('Mijn groepen');
    expect(menu).not.toHaveTextContent('Groepen');
    expect(await screen.findByText(/nog niet aan een groep gekoppeld/)).toBeVisible();
    expect(await screen.findByText(/nog geen groepsplan voor jouw groepen/)).toBeVisible();
  });

  it('treats a school that is not yours as not found', async () => {
    renderAt('/scholen/other/groepen', () => json(200, me(['team_leader'])));
    expect(await screen.findByRole('heading', { level: 1, name: 'Niet gevonden' })).toBeVisible();
  });

  it('tells an account without a school that it has no access', async () => {
    renderAt('/', () => json(200, me([])));
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  });

  it('shows a server failure with its error code and a retry', async () => {
    renderAt('/', () => json(500, { code: 'internal-error', trace_id: 'trace-42' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'Foutcode: trace-42',
    );
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
  });
});
