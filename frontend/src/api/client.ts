/** The typed REST client (openapi-fetch over the generated `rest.gen.ts`). */
import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '../session/store';
import { ApiProblem } from './problem';
import type { components, paths } from './rest.gen';

export type Schemas = components['schemas'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const session: Middleware = {
  onRequest({ request }) {
    const csrf = sessionStore.get().csrfToken;
    if (!SAFE_METHODS.has(request.method) && csrf) request.headers.set('X-CSRF-Token', csrf);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) sessionStore.unauthenticated();
    return response;
  },
};

export const rest = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  fetch: (request) => globalThis.fetch(request), // looked up per call (tests replace it)
});
rest.use(session);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Await an openapi-fetch call: its data, or an ApiProblem (also for a failed network). */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch {
    throw ApiProblem.network();
  }
  const { data, error, response } = result;
  if (!response.ok || data === undefined) {
    throw ApiProblem.fromBody(response.status, error, response.headers.get('X-Request-ID'));
  }
  return data;
}

/** Await a call that answers 204 No Content (openapi-fetch gives no data for it). */
export async function send(request: Promise<FetchResult<unknown>>): Promise<void> {
  let response: Response;
  let error: unknown;
  try {
    ({ response, error } = await request);
  } catch {
    throw ApiProblem.network();
  }
  if (!response.ok) {
    throw ApiProblem.fromBody(response.status, error, response.headers.get('X-Request-ID'));
  }
}

/** The If-Match header for a version we read (the API's ETags are `"v<version>"`). */
export function ifMatch(version: number): { 'if-match': string } {
  return { 'if-match': `"v${version}"` };
}
