import { defineConfig } from '@playwright/test';

import { API_PORT, APP_ORIGIN, IDP_PORT, SPA_PORT } from './support/stack';

// One stack for the whole run: a fresh embedded database with the demo data, the dev IdP, the API
// and `vite preview` of frontend/dist (build it first: `make e2e` does).
export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: APP_ORIGIN,
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command:
      '../../.venv/bin/python -m zorgroute dev' +
      ` --api-port ${API_PORT} --idp-port ${IDP_PORT} --spa-port ${SPA_PORT} --spa preview --fresh`,
    // cwd: by default this directory (tests/e2e), wherever `playwright test` runs from.
    // The CLI resolves the data dir against the repository root; request logs would drown the report.
    env: { ZORGROUTE_DATA_DIR: '.data/e2e', ZORGROUTE_LOG_LEVEL: 'WARNING' },
    url: `${APP_ORIGIN}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // Without this Playwright SIGKILLs the process group and the dev command cannot stop its
    // IdP, vite and PostgreSQL (each in its own process group).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
