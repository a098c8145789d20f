import type { Page } from '@playwright/test';

import * as api from '../support/api';
import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { LYCEUM } from '../support/stack';
import { expectHeading, linkStartingWith, main, mainNav } from '../support/ui';

// backend/zorgroute/demo/dataset.py: Sanne de Vries (demo-mentor) mentors 1A of the Stedelijk
// Lyceum and teaches no group.
const MENTOR = 'Sanne de Vries';
const MY_GROUPS = ['1A'];

test('a mentor goes from "Mijn groepen" to a group and a student', async ({ page }) => {
  await page.goto('/');
  await expectHeading(page, 'Welkom bij Zorgroute');
  await expectAccessible(page);

  await login(page, 'mentor');
  await expect(page).toHaveURL(/\/scholen\/[^/]+\/mijn-groepen$/);
  await expectHeading(page, 'Mijn groepen');
  await expect(mainNav(page).getByRole('link', { name: 'Mijn groepen' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Groepen', exact: true })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'School' })).toHaveCount(0); // one school
  const school = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  await expect(linkStartingWith(main(page), MY_GROUPS[0])).toBeVisible(); // loaded
  for (const group of await api.groups(page, school)) {
    const expected = MY_GROUPS.includes(group.name) ? 1 : 0;
    await expect(linkStartingWith(main(page), group.name), group.name).toHaveCount(expected);
  }
  await expectAccessible(page);

  await linkStartingWith(main(page), '1A').click();
  await expect(page).toHaveURL(/\/groepen\/[^/]+$/);
  await expectHeading(page, '1A');
  await expect(main(page)).toContainText(`Mentor: ${MENTOR}`);
  const groupId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const students = await api.studentsOfGroup(page, school, groupId);
  expect(students).toHaveLength(26);
  for (const student of students) {
    await expect(
      main(page).getByRole('link', { name: api.fullName(student), exact: true }),
    ).toBeVisible();
  }
  await expectAccessible(page);

  const student = students[0];
  await main(page)
    .getByRole('link', { name: api.fullName(student), exact: true })
    .click();
  await expect(page).toHaveURL(`/leerlingen/${student.id}`);
  await expectHeading(page, api.fullName(student));
  for (const section of [
    'Persoonsgegevens',
    'Ouders en verzorgers',
    'Inschrijvingen',
    'Tijdlijn',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  // The timeline: what the API lists (cycle 1 of the demo data), else an explanation.
  const items = await api.timeline(page, student.id);
  await expect(timeline(page).getByRole('listitem')).toHaveCount(items.length);
  if (items.length === 0) await expect(timeline(page)).toContainText(/nog niets|nog geen|geen /i);
  else await expect(timeline(page)).toContainText(items[0]?.title ?? '');
  // A mentor may not correct roster details.
  await expect(page.getByRole('button', { name: 'Gegevens corrigeren' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a deep link survives the login', async ({ page, newUserPage }) => {
  await login(page, 'mentor');
  const school = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const student = (await api.students(page, school))[5];

  const visitor = await newUserPage();
  await visitor.goto(`/leerlingen/${student.id}`);
  await expectHeading(visitor, 'Welkom bij Zorgroute');
  await login(visitor, 'mentor', null);
  await expect(visitor).toHaveURL(`/leerlingen/${student.id}`);
  await expectHeading(visitor, api.fullName(student));
});

/** The "Tijdlijn" section: a region named by its h2, or at least a <section> holding that h2. */
function timeline(page: Page) {
  const h2 = page.getByRole('heading', { level: 2, name: 'Tijdlijn' });
  return page.getByRole('region', { name: 'Tijdlijn' }).or(page.locator('section', { has: h2 }));
}
