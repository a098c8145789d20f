import * as api from '../support/api';
import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { LYCEUM } from '../support/stack';
import { expectHeading } from '../support/ui';

test('a teacher of another school cannot open a student or group by its address', async ({
  page,
  newUserPage,
}) => {
  await login(page, 'teamleider');
  const school = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const student = (await api.students(page, school))[0];
  const group = (await api.groups(page, school))[0];

  // Youssef Haddou teaches 3V-te at the Vakcollege (34CD01) only.
  const teacher = await newUserPage();
  await login(teacher, 'docent-vakcollege');
  await teacher.goto(`/leerlingen/${student.id}`);
  await expectHeading(teacher, 'Niet gevonden');
  const body = teacher.locator('body');
  for (const part of [api.fullName(student), student.given_name, student.family_name]) {
    await expect(body).not.toContainText(part);
  }
  expect((await teacher.request.get(`/api/v1/students/${student.id}`)).status()).toBe(404);
  await expectAccessible(teacher);

  await teacher.goto(`/groepen/${group.id}`);
  await expectHeading(teacher, 'Niet gevonden');
  await expect(body).not.toContainText(`Mentor: `);

  // Addresses that never existed look the same.
  for (const path of ['/leerlingen/01234567-89ab-7def-8123-456789abcdef', '/groepen/geen-id']) {
    await teacher.goto(path);
    await expectHeading(teacher, 'Niet gevonden');
  }
});
