// Zorgroute development OpenID Connect provider (oidc-provider 9). DEVELOPMENT AND TESTS ONLY:
// any password is accepted, state is in memory and signing keys are new at every start.
//
//   node server.mjs                      # http://127.0.0.1:9400
//   DEV_IDP_PORT=9401 node server.mjs    # see README.md for every variable
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';

const list = (value, fallback) => (value ?? fallback)
  .split(',')
  .map((item) => item.trim())
  .filter(Boolean);

const HOST = '127.0.0.1';
const PORT = Number.parseInt(process.env.DEV_IDP_PORT ?? '9400', 10);
if (!Number.isInteger(PORT) || PORT < 0 || PORT > 65535) {
  throw new Error(`DEV_IDP_PORT must be a TCP port, got ${process.env.DEV_IDP_PORT}`);
}
const ISSUER = process.env.DEV_IDP_ISSUER || `http://${HOST}:${PORT}`;
const API_AUDIENCE = process.env.DEV_IDP_API_AUDIENCE || 'https://api.zorgroute.test';
const API_SCOPE = 'roster:read roster:write results:write students:read reports:read';
const BFF_REDIRECT_URIS = list(
  process.env.DEV_IDP_BFF_REDIRECT_URIS,
  'http://127.0.0.1:8000/auth/callback,http://localhost:8000/auth/callback,'
    + 'http://127.0.0.1:5173/auth/callback',
);
const POST_LOGOUT_REDIRECT_URIS = list(
  process.env.DEV_IDP_POST_LOGOUT_REDIRECT_URIS,
  'http://127.0.0.1:8000/,http://127.0.0.1:5173/',
);

// Demo staff accounts; the Python demo seed reads the same file.
const ACCOUNTS = new Map(
  JSON.parse(readFileSync(new URL('./accounts.json', import.meta.url), 'utf8'))
    .map((account) => [account.login, account]),
);

function findAccount(ctx, id) {
  const known = ACCOUNTS.get(id);
  // Unknown logins are accepted on purpose: they let the backend prove that a person with an
  // IdP account but no Zorgroute membership is refused.
  const claims = known
    ? {
      sub: id, name: known.name, email: known.email, email_verified: true, preferred_username: id,
    }
    : { sub: id, name: id, preferred_username: id };
  return { accountId: id, claims: async () => claims };
}

// Fresh RS256 signing key at every start (tokens from an earlier run no longer verify).
const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
const signingKey = {
  ...(await exportJWK(privateKey)), kid: `dev-${randomUUID()}`, alg: 'RS256', use: 'sig',
};

const page = (title, body) => `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}button{margin:.25rem 0;width:100%}</style>
</head><body>${body}</body></html>`;

const configuration = {
  clients: [
    {
      client_id: 'zorgroute-bff',
      client_name: 'Zorgroute',
      client_secret: 'dev-bff-secret',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: BFF_REDIRECT_URIS,
      post_logout_redirect_uris: POST_LOGOUT_REDIRECT_URIS,
    },
    {
      // A vendor system (leerlingvolgsysteem) pushing rosters. oidc-provider accepts the secret
      // in the Authorization header or in the form body for either *_secret_basic/_post method.
      client_id: 'demo-lvs',
      client_name: 'Demo LVS',
      client_secret: 'demo-lvs-secret',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
    {
      client_id: 'demo-swv',
      client_name: 'Demo samenwerkingsverband',
      client_secret: 'demo-swv-secret',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  // S256 is the only method oidc-provider 9 supports; require it for every client.
  pkce: { required: () => true },
  findAccount,
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
  },
  // The backend takes the user's name and e-mail from the id_token, not from userinfo (the
  // access token is for the API audience, so userinfo would reject it).
  conformIdTokenClaims: false,
  // A refresh token for every client allowed the refresh_token grant, not only on offline_access.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page('Uitloggen', `<h1>Uitloggen bij de ontwikkel-IdP?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen</button>
<button type="submit" form="op.logoutForm">Nee, ingelogd blijven</button>`);
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('Uitgelogd', '<h1>Uitgelogd</h1><p>Je bent uitgelogd.</p>');
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => API_AUDIENCE,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (ctx, resourceIndicator) => {
        if (resourceIndicator !== API_AUDIENCE) {
          throw new errors.InvalidTarget();
        }
        // Client-credentials scopes are granted from this list: the requested scope is filtered
        // against it. Do not put these scopes in a client's `scope` metadata (that only accepts
        // the provider's OpenID scopes and fails with invalid_client_metadata).
        return {
          scope: API_SCOPE,
          audience: API_AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  jwks: { keys: [signingKey] },
  cookies: { keys: ['zorgroute-dev-idp-cookie-key-not-secret'] },
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    ClientCredentials: 600,
    IdToken: 3600,
    Interaction: 3600,
    Grant: 8 * 3600,
    Session: 8 * 3600,
    RefreshToken: 8 * 3600,
  },
};

const provider = new Provider(ISSUER, configuration);
provider.on('server_error', (ctx, error) => {
  console.error('dev-idp server_error', error);
});

const server = provider.listen(PORT, HOST, () => {
  console.log(`dev-idp listening on ${ISSUER}`);
});

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`dev-idp stopping (${signal})`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
