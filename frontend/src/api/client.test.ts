import { sessionStore } from '../session/store';
import { call, rest } from './client';
import { ApiProblem } from './problem';

function answer(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('REST client', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    sessionStore.signedOut();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the CSRF token on unsafe requests only', async () => {
    sessionStore.signedIn('csrf-123');
    fetchMock.mockResolvedValue(answer(200, { end_session_url: null }));
    await call(rest.POST('/auth/logout'));
    const unsafe = fetchMock.mock.calls[0]?.[0] as Request;
    expect(unsafe.headers.get('X-CSRF-Token')).toBe('csrf-123');

    fetchMock.mockResolvedValue(answer(200, { items: [], next_cursor: null }));
    await call(rest.GET('/api/v1/schools'));
    const safe = fetchMock.mock.calls[1]?.[0] as Request;
    expect(safe.headers.get('X-CSRF-Token')).toBeNull();
  });

  it('turns a problem+json answer into an ApiProblem', async () => {
    fetchMock.mockResolvedValue(
      answer(
        404,
        { status: 404, code: 'not-found', title: 'Not found' },
        'application/problem+json',
      ),
    );
    const error = await call(
      rest.GET('/api/v1/students/{student_id}', { params: { path: { student_id: 'x' } } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).code).toBe('not-found');
  });

  it('marks a session we had as expired on 401, but not a visitor', async () => {
    fetchMock.mockImplementation(async () => answer(401, { code: 'unauthenticated' }));
    await call(rest.GET('/api/v1/me')).catch(() => undefined);
    expect(sessionStore.get().expired).toBe(false);

    sessionStore.signedIn('csrf-123');
    await call(rest.GET('/api/v1/me')).catch(() => undefined);
    expect(sessionStore.get().expired).toBe(true);
  });

  it('reports a network failure as such', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await call(rest.GET('/api/v1/schools')).catch((e: unknown) => e);
    expect((error as ApiProblem).status).toBe(0);
    expect((error as ApiProblem).code).toBe('network-error');
  });
});
