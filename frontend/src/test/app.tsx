import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient, routes } from '../App';

export const SCHOOL = {
  id: 's1',
  name: 'Stedelijk Lyceum',
  brin: '34CD',
  vestiging: '00',
  sector: 'VO',
};

export function me(roles: string[]) {
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

export function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export type Api = (request: Request, url: URL) => Response | Promise<Response>;

/** Render the app at `path` with `api` answering every request (GET /api/v1/me included). */
export function renderApp(path: string, api: Api) {
  const fetchMock = vi.fn(async (input: Request | string) => {
    const request =
      typeof input === 'string' ? new Request(new URL(input, location.origin)) : input;
    return api(request, new URL(request.url));
  });
  vi.stubGlobal('fetch', fetchMock);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, fetchMock };
}
