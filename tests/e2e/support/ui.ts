import { expect, type Locator, type Page } from '@playwright/test';

// Locators and steps for the SPA's contract (Dutch UI): headings, main navigation, logout.

export const heading = (page: Page): Locator => page.getByRole('heading', { level: 1 });
export const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Hoofdmenu' });
export const main = (page: Page): Locator => page.getByRole('main');

/** A link whose name is `name`, or starts with it followed by more text (a card: "1A 26 ..."). */
export function linkStartingWith(scope: Locator | Page, name: string): Locator {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByRole('link', { name: new RegExp(`^${escaped}(\\s|$)`) });
}

export async function expectHeading(page: Page, text: string): Promise<void> {
  await expect(heading(page)).toHaveText(text);
}

/** "Uitloggen"; confirms at the dev IdP when the SPA ends the IdP session too. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  const confirm = page.getByRole('button', { name: 'Ja, uitloggen' });
  const welcome = page.getByRole('heading', { level: 1, name: 'Welkom bij Zorgroute' });
  await expect(welcome.or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(welcome).toBeVisible();
}
