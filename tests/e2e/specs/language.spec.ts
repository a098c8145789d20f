import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { expectHeading } from '../support/ui';

test('"English" switches the interface to English and "Nederlands" back', async ({ page }) => {
  await login(page, 'mentor');
  await expectHeading(page, 'Mijn groepen');
  await expect(page.locator('html')).toHaveAttribute('lang', /^nl/);

  await page.getByRole('button', { name: 'English' }).click();
  await expectHeading(page, 'My groups');
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/); // WCAG 3.1.1
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expectHeading(page, 'Mijn groepen');
  await expect(page.locator('html')).toHaveAttribute('lang', /^nl/);
});
