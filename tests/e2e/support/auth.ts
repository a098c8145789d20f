import { expect, type Page } from '@playwright/test';

import { type Account, APP_ORIGIN } from './stack';

/**
 * Log in through the SPA and the dev IdP's login and consent pages (deploy/dev-idp runs
 * oidc-provider's devInteractions: inputs `login` and `password`, buttons "Sign-in" and
 * "Continue"; any password is accepted).
 *
 * `start`: the SPA path to open first, or `null` to click "Inloggen" on the page as it is (a
 * deep link that landed on the login page). Resolves once the browser is back on the SPA.
 */
export async function login(
  page: Page,
  account: Account,
  start: string | null = '/',
): Promise<void> {
  if (start !== null) await page.goto(start);
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Zorgroute' })).toBeVisible();
  const loginPage = page.url();
  await page
    .getByRole('button', { name: 'Inloggen', exact: true })
    .or(page.getByRole('link', { name: 'Inloggen', exact: true }))
    .click();
  await page.waitForURL((url) => url.href !== loginPage, { waitUntil: 'commit' });
  await completeIdpLogin(page, account);
}

/** The dev IdP part of the login; resolves once the browser is back at `appOrigin`. */
export async function completeIdpLogin(page: Page, account: Account, appOrigin = APP_ORIGIN) {
  const loginField = page.locator('input[name="login"]');
  const consent = page.getByRole('button', { name: 'Continue' });
  // Login (unless the IdP still has a session), then consent (unless given before), then back.
  for (let step = 0; step < 3; step++) {
    let state = '';
    await expect
      .poll(
        async () => {
          const url = new URL(page.url());
          if (url.origin === appOrigin && !url.pathname.startsWith('/auth/')) state = 'app';
          else if (await loginField.isVisible()) state = 'login';
          else if (await consent.isVisible()) state = 'consent';
          return state;
        },
        { message: `no dev IdP page nor the SPA at ${page.url()}` },
      )
      .not.toBe('');
    if (state === 'app') return;
    if (state === 'login') {
      await loginField.fill(account);
      await page.locator('input[name="password"]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await expect(loginField).toBeHidden();
    } else {
      await consent.click();
      await expect(consent).toBeHidden();
    }
  }
  throw new Error(`login as ${account} did not get back to the SPA; stuck at ${page.url()}`);
}
