import * as api from '../support/api';
import { completeIdpLogin, login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { LYCEUM, VAKCOLLEGE } from '../support/stack';
import { expectHeading, linkStartingWith, main } from '../support/ui';

test('a zorgcoördinator switches school and corrects a roepnaam; an expired session keeps the form', async ({
  page,
  context,
}) => {
  await login(page, 'zorgcoordinator');
  const lyceum = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const vakcollege = await api.schoolId(page, VAKCOLLEGE.brin, VAKCOLLEGE.vestiging);

  // Two schools: a "School" switcher. Start at the Lyceum, switch to the Vakcollege.
  const switcher = page.getByRole('combobox', { name: 'School' });
  await expect(switcher.locator('option')).toHaveCount(2);
  await page.goto(`/scholen/${lyceum}/groepen`);
  await expectHeading(page, 'Groepen');
  await expect(switcher.locator('option:checked')).toContainText(LYCEUM.name);
  const option = switcher.locator('option', { hasText: VAKCOLLEGE.name });
  await switcher.selectOption((await option.getAttribute('value')) ?? VAKCOLLEGE.name);
  await expect(page).toHaveURL(new RegExp(`/scholen/${vakcollege}/`));
  await expect(switcher.locator('option:checked')).toContainText(VAKCOLLEGE.name);

  // Edit a Vakcollege student: the other specs only read the Lyceum.
  const group = (await api.groups(page, vakcollege)).find((g) => g.name === '1V');
  if (!group) throw new Error('the demo data has no group 1V');
  const student = (await api.studentsOfGroup(page, vakcollege, group.id))[0];
  await page.goto(`/scholen/${vakcollege}/groepen`);
  await linkStartingWith(main(page), '1V').click();
  await expectHeading(page, '1V');
  await main(page)
    .getByRole('link', { name: api.fullName(student), exact: true })
    .click();
  await expectHeading(page, api.fullName(student));

  // Labelled inputs (accessible names; a required field's "*" is aria-hidden).
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  await page.getByRole('button', { name: 'Gegevens corrigeren' }).click();
  for (const label of ['Voornaam', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum']) {
    await expect(field(label)).toBeVisible();
  }
  await expect(field('Voornaam')).toHaveValue(student.given_name);
  await expect(field('Achternaam')).toHaveValue(student.family_name);
  await expectAccessible(page);
  await field('Roepnaam').fill('Roos');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const renamed = api.fullName({ ...student, preferred_name: 'Roos' });
  await expectHeading(page, renamed);
  expect(api.fullName(await api.student(page, student.id))).toBe(renamed);

  // The session ends while the form is open (cookie gone): saving explains, and keeps the input.
  await page.getByRole('button', { name: 'Gegevens corrigeren' }).click();
  await field('Roepnaam').fill('Rosa');
  await context.clearCookies();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: 'Je sessie is verlopen' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Opnieuw inloggen' })).toBeVisible();
  await expect(field('Roepnaam')).toHaveValue('Rosa');
  await expectAccessible(page);

  // Logging in again happens in a popup; back here, the form still holds "Rosa" and saves it.
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Opnieuw inloggen' }).click();
  await completeIdpLogin(await popup, 'zorgcoordinator');
  await expect(dialog).toBeHidden();
  await expect(field('Roepnaam')).toHaveValue('Rosa');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expectHeading(page, api.fullName({ ...student, preferred_name: 'Rosa' }));
});
