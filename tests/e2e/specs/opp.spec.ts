import * as api from '../support/api';
import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { LYCEUM } from '../support/stack';
import { expectHeading, main } from '../support/ui';

// backend/zorgroute/demo/hgw.py: two OPPs at the Stedelijk Lyceum. Extra support for a 2B student
// started on 2026-10-12, so the OPP is due six weeks later (2026-11-23) and has no version yet; a
// 3C student's OPP was determined in 2025 and its yearly evaluation is overdue. Peter van den Berg
// (zorgcoordinator) sees both. This test determines the 2B student's OPP: the only test that
// touches an OPP.
const STUDENT_WORDS =
  'Ik wil weten wat er komt. Als ik kan plannen, ben ik minder bang voor toetsen.';

test('a zorgcoördinator sees what is due and determines an OPP with the student’s view', async ({
  page,
}) => {
  await login(page, 'zorgcoordinator');
  const school = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  await page.goto(`/scholen/${school}/groepen`);
  await expectHeading(page, 'Groepen');

  // -- "Wat staat er open": what the API lists, overdue first and said in words ---------------
  const items = await api.deadlines(page, school);
  const due = items.find((i) => i.kind === 'opp_due');
  const evaluation = items.find((i) => i.kind === 'opp_evaluation_due');
  if (!due?.student_id || !due.student_name) throw new Error('the demo data has no OPP due');
  if (!evaluation?.student_name) throw new Error('the demo data has no OPP evaluation due');
  expect(evaluation.overdue).toBe(true);
  const panel = page.getByRole('region', { name: 'Wat staat er open' });
  const listed = panel.getByRole('listitem');
  await expect(listed).toHaveCount(items.length);
  await expect(listed.first()).toContainText('te laat'); // overdue first
  const late = listed.filter({ hasText: evaluation.student_name });
  await expect(late).toContainText('OPP jaarlijks evalueren met leerling en ouders');
  await expect(late).toContainText('te laat');
  const dueItem = listed.filter({ hasText: due.student_name });
  await expect(dueItem).toContainText(
    'OPP vaststellen (uiterlijk 6 weken na de start van extra ondersteuning)',
  );
  await expect(dueItem).toContainText(due.overdue ? 'te laat' : 'uiterlijk 23-11-2026');
  await expectAccessible(page);

  // -- The student: the OPP section, not yet determined ---------------------------------------
  await dueItem.getByRole('link', { name: due.student_name }).click();
  await expect(page).toHaveURL(`/leerlingen/${due.student_id}`);
  await expectHeading(page, due.student_name);
  const opp = page.getByRole('region', { name: 'Ontwikkelingsperspectief (OPP)' });
  await expect(opp).toContainText('Ambulante begeleiding vanuit het samenwerkingsverband');
  await expect(opp).toContainText('Het OPP is nog niet vastgesteld.');
  await expectAccessible(page);

  // -- A first version: refused until it is determined with the parents too -------------------
  await opp.getByRole('button', { name: 'Nieuwe versie vaststellen' }).click();
  await opp.getByRole('textbox', { name: 'Verwachte uitstroom' }).fill('havo');
  await opp.getByRole('textbox', { name: 'Factor 1' }).fill('Wil graag en zet door.');
  await opp.getByRole('button', { name: 'Factor toevoegen' }).click();
  await opp
    .getByRole('combobox', { name: 'Soort factor 2' })
    .selectOption({ label: 'Belemmerend' });
  await opp
    .getByRole('combobox', { name: 'Waar speelt factor 2?' })
    .selectOption({ label: 'in de leeromgeving' });
  await opp.getByRole('textbox', { name: 'Factor 2' }).fill('Veel wisselingen in het rooster.');
  await opp
    .getByRole('textbox', { name: 'Ondersteuning die de school biedt' })
    .fill('Twee uur ambulante begeleiding per week; een vaste mentor als aanspreekpunt.');
  await opp
    .getByRole('textbox', { name: 'Doel op lange termijn 1' })
    .fill('Behaalt het havo-diploma');
  await opp
    .getByRole('textbox', { name: 'Wat vindt de leerling zelf? (hoorrecht)' })
    .fill(STUDENT_WORDS);
  await opp.getByRole('checkbox', { name: 'Vastgesteld in gesprek met de leerling' }).check();
  await expectAccessible(page);
  await opp.getByRole('button', { name: 'Versie vaststellen' }).click();
  await expect(opp.getByRole('alert')).toContainText(
    'Het OPP is nog niet vastgesteld met de ouders.',
  );

  await opp.getByRole('checkbox', { name: 'Vastgesteld in gesprek met de ouders' }).check();
  await opp.getByRole('button', { name: 'Versie vaststellen' }).click();
  await expect(
    opp.getByRole('status').filter({ hasText: 'Versie 1 van het OPP is vastgesteld.' }),
  ).toBeVisible();
  const version = opp.getByRole('article', { name: 'Versie 1: vaststelling' });
  await expect(version.locator('blockquote', { hasText: STUDENT_WORDS })).toBeVisible();
  await expect(version).toContainText('Veel wisselingen in het rooster. (in de leeromgeving)');
  await expect(opp).toContainText('actueel');
  const saved = await api.perspective(page, due.student_id);
  expect(saved.versions.map((v) => [v.number, v.kind, v.student_view])).toEqual([
    [1, 'initial', STUDENT_WORDS],
  ]);
  await expectAccessible(page);

  // -- Determined: no longer open ---------------------------------------------------------------
  await page.goto(`/scholen/${school}/groepen`);
  await expect(panel.getByRole('listitem')).toHaveCount(items.length - 1);
  await expect(main(page).getByRole('link', { name: due.student_name, exact: true })).toHaveCount(
    0,
  );
});
