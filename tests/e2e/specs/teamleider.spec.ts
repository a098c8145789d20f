import * as api from '../support/api';
import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { LYCEUM } from '../support/stack';
import { expectHeading, linkStartingWith, main, mainNav } from '../support/ui';

test('a team leader sees every group of the school and opens a student of another mentor', async ({
  page,
}) => {
  await login(page, 'teamleider');
  await expect(mainNav(page).getByRole('link', { name: 'Mijn groepen' })).toHaveCount(0);
  await mainNav(page).getByRole('link', { name: 'Groepen', exact: true }).click();
  await expect(page).toHaveURL(/\/scholen\/[^/]+\/groepen$/);
  await expectHeading(page, 'Groepen');

  const school = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const groups = await api.groups(page, school);
  expect(groups).toHaveLength(12); // 3 homerooms and 9 teaching groups in the demo data
  const rows = main(page)
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(groups.length);
  const twoB = groups.find((g) => g.name === '2B');
  if (!twoB) throw new Error('the demo data has no group 2B');
  const row = rows.filter({ has: linkStartingWith(page, '2B') });
  // The mentor, possibly with an initial ("M. op den Kamp"): the family name must be there.
  const mentor = twoB.mentors[0];
  await expect(row).toContainText([mentor.infix, mentor.family_name].filter(Boolean).join(' '));
  await expect(row).toContainText(String(twoB.student_count));
  await expectAccessible(page);

  // 2B is not the demo mentor's group (she has 1A): leadership sees it all the same.
  await linkStartingWith(row, '2B').click();
  await expectHeading(page, '2B');
  await expect(main(page)).toContainText(`Mentor: ${api.fullName(twoB.mentors[0])}`);
  const student = (await api.studentsOfGroup(page, school, twoB.id))[0];
  await main(page)
    .getByRole('link', { name: api.fullName(student), exact: true })
    .click();
  await expect(page).toHaveURL(`/leerlingen/${student.id}`);
  await expectHeading(page, api.fullName(student));
});

test('searching students by the start of the family name, ignoring the tussenvoegsel', async ({
  page,
}) => {
  await login(page, 'teamleider');
  await mainNav(page).getByRole('link', { name: 'Leerlingen' }).click();
  await expect(page).toHaveURL(/\/scholen\/[^/]+\/leerlingen$/);
  await expectHeading(page, 'Leerlingen');
  await expectAccessible(page);

  // The API matches the start of "roepnaam/voornaam tussenvoegsel achternaam" or of the sort
  // name "achternaam, voornaam tussenvoegsel" (roster/repository.py): so "Vrie" finds
  // "Daan de Vries". Take a student with a tussenvoegsel from the demo data.
  const school = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const all = await api.students(page, school);
  const target = all.find((s) => s.infix && s.family_name.length >= 4);
  if (!target) throw new Error('no student with a tussenvoegsel in the demo data');
  const query = target.family_name.slice(0, 4);
  const expected = (await api.students(page, school, query)).map(api.fullName);
  expect(expected).toContain(api.fullName(target));
  const other = all.find((s) => !expected.includes(api.fullName(s)));
  if (!other) throw new Error('every student matches the query');

  await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill(query);
  // Exactly the API's answer, in its order (family name, tussenvoegsel ignored).
  await expect(main(page).getByRole('listitem').getByRole('link')).toHaveText(expected);
  await expect(
    main(page).getByRole('link', { name: api.fullName(other), exact: true }),
  ).toHaveCount(0);
  await expectAccessible(page);
});
