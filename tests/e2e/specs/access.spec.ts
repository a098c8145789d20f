import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import type { Account } from '../support/stack';
import { expectHeading, logout } from '../support/ui';

test('an IdP account without any school gets "Geen toegang"', async ({ page }) => {
  await login(page, 'onbekend');
  await expectHeading(page, 'Geen toegang');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')).toHaveCount(
    0,
  );
  await expectAccessible(page);
});

test('a login the school has not provisioned is explained on the login page', async ({ page }) => {
  await login(page, 'niet-bekend' as Account);
  await expectHeading(page, 'Welkom bij Zorgroute');
  await expect(page.getByRole('alert')).toContainText('nog geen toegang tot Zorgroute');
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  await expectAccessible(page);
});

test('"Uitloggen" ends the session', async ({ page }) => {
  await login(page, 'mentor');
  await expectHeading(page, 'Mijn groepen');
  await logout(page);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  await page.goto('/');
  await expectHeading(page, 'Welkom bij Zorgroute');
});
