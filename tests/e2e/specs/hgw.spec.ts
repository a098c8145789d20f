import type { Locator, Page } from '@playwright/test';

import * as api from '../support/api';
import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { LYCEUM } from '../support/stack';
import { expectHeading, linkStartingWith, logout, main } from '../support/ui';

// backend/zorgroute/demo: Sanne de Vries (mentor) mentors 1A of the Stedelijk Lyceum; Thomas
// Bakker (docent) teaches wiskunde in 1A-wi, so he teaches 1A's students. "Cyclus 1" is archived
// with a complete 1A cycle (overview, signals, needs, an archived plan, a held meeting); "Cyclus
// 2" has no overview for 1A yet. This test starts cycle 2 for 1A: the only test that changes the
// Lyceum's HGW data, and it touches students other than the first of 1A.
const BEHIND_WORDS = 'Ik wil de tafels sneller kunnen, dan hoef ik minder lang te rekenen.';
const AHEAD_WORDS = 'Ik vind de sommen te makkelijk, ik wil iets moeilijkers.';

test('a mentor runs a cycle for 1A: signals, needs, group plan, group meeting, evaluation', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // -- Mijn groepen → 1A → "Nieuwe cyclus starten" (Cyclus 2) ----------------------------------
  await login(page, 'mentor');
  await expectHeading(page, 'Mijn groepen');
  await linkStartingWith(main(page), '1A').click();
  await expectHeading(page, '1A');
  const groupId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const school = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const students = await api.studentsOfGroup(page, school, groupId);
  expect(students.length).toBeGreaterThan(3);
  const [behind, ahead] = [students[1], students[2]];
  const behindName = api.fullName(behind);
  const aheadName = api.fullName(ahead);

  const overviews = page.getByRole('region', { name: 'Groepsoverzichten' });
  await expect(overviews.getByRole('link', { name: 'Cyclus 1' })).toBeVisible();
  const periods = overviews.getByRole('combobox', { name: 'Cyclusperiode' });
  const cycle2 = await periods.locator('option', { hasText: 'Cyclus 2' }).getAttribute('value');
  await periods.selectOption(cycle2 ?? 'Cyclus 2');
  await expectAccessible(page);
  await overviews.getByRole('button', { name: 'Nieuwe cyclus starten' }).click();
  await expect(page).toHaveURL(/\/groepsoverzichten\/[^/]+$/);
  await expectHeading(page, 'Groepsoverzicht 1A · Cyclus 2');
  const overviewUrl = new URL(page.url()).pathname;
  const overviewId = overviewUrl.split('/').pop() ?? '';

  // Seeded from cycle 1: a strengths text written then is in the new grid.
  const previous = (await api.overviews(page, groupId)).find((o) => o.period_name === 'Cyclus 1');
  if (!previous) throw new Error('the demo data has no 1A overview for Cyclus 1');
  const seeded = (await api.overview(page, previous.id)).rows.find((r) => r.strengths);
  if (!seeded) throw new Error('no strengths text in the Cyclus 1 overview of 1A');
  const grid = page.getByRole('table', { name: /Groepsoverzicht van 1A/ });
  await expect(
    grid.getByRole('textbox', { name: `Talenten en sterke kanten van ${api.fullName(seeded)}` }),
  ).toHaveValue(seeded.strengths);
  await expectAccessible(page);

  // -- Signal one student as behind, one as ahead ---------------------------------------------
  await signal(page, behindName, 'Achterstand basisvaardigheden', 'Toets');
  await signal(page, aheadName, 'Ontwikkelingsvoorsprong', 'Observatie');
  await expect(studentRow(grid, behindName)).toContainText('Achterstand basisvaardigheden');
  await expect(studentRow(grid, aheadName)).toContainText('Ontwikkelingsvoorsprong');

  // "Alleen gesignaleerde leerlingen": exactly the rows the API has signals for.
  await page.getByRole('checkbox', { name: 'Alleen gesignaleerde leerlingen' }).check();
  const signalled = (await api.overview(page, overviewId)).rows.filter((r) => r.signals.length);
  expect(signalled.map((r) => r.student_id)).toEqual(expect.arrayContaining([behind.id, ahead.id]));
  await expect(grid.locator('tbody tr.grid-row')).toHaveCount(signalled.length);
  await page.getByRole('checkbox', { name: 'Alleen gesignaleerde leerlingen' }).uncheck();

  // -- A need for each, with a helper sentence and the student's own words ---------------------
  await nameNeed(
    page,
    behindName,
    'Kan de tafels van 1 tot 10 binnen 2 minuten foutloos opzeggen',
    'Instructie',
    BEHIND_WORDS,
  );
  await nameNeed(
    page,
    aheadName,
    'Werkt wekelijks aan een verrijkingsopdracht en presenteert die',
    'Opdrachten',
    AHEAD_WORDS,
  );
  await expectHeading(page, 'Groepsoverzicht 1A · Cyclus 2');
  await expect(studentRow(grid, behindName)).toContainText('Kan de tafels van 1 tot 10');

  // -- The group plan: proposed from the signals and needs, saved, activated -------------------
  await page.getByRole('button', { name: 'Groepsplan maken' }).click();
  await expect(page).toHaveURL(/\/groepsplannen\/[^/]+$/);
  await expectHeading(page, 'Groepsplan 1A · Cyclus 2');
  const planUrl = new URL(page.url()).pathname;
  const behindGroup = subgroupWith(page, behindName);
  const aheadGroup = subgroupWith(page, aheadName);
  await expect(behindGroup).toHaveCount(1);
  await expect(aheadGroup).toHaveCount(1);
  await expect(members(behindGroup)).not.toContainText(aheadName); // two subgroups, not one
  // Every row needs a goal; give the whole-group row one if the proposal left it empty.
  for (const row of await page.getByRole('group', { name: /^(Basisgroep|Subgroep): / }).all()) {
    const goal = row.getByRole('textbox', { name: 'Doel 1', exact: true });
    if ((await goal.inputValue()) === '') await goal.fill('Werkt tien minuten zelfstandig');
  }
  await behindGroup
    .getByRole('textbox', { name: 'Hoe (aanpak)' })
    .fill('Verlengde instructie aan de instructietafel, drie keer per week.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Het groepsplan is opgeslagen.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Activeren' }).click();
  await expect(page.getByText('actief', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opslaan', exact: true })).toHaveCount(0);
  await expect(main(page)).toContainText('Verlengde instructie aan de instructietafel');
  await logout(page);

  // -- The teacher finds the active plan on Mijn groepen and reads it --------------------------
  await login(page, 'docent');
  await expectHeading(page, 'Mijn groepen');
  const plans = page.getByRole('region', { name: 'Groepsplannen' });
  await plans.getByRole('link', { name: 'Groepsplan 1A · Cyclus 2' }).click();
  await expect(page).toHaveURL(planUrl);
  await expectHeading(page, 'Groepsplan 1A · Cyclus 2');
  await expect(main(page)).toContainText('alleen de opsteller kan het wijzigen');
  await expect(main(page)).toContainText(behindName);
  await expect(main(page)).toContainText('Verlengde instructie aan de instructietafel');
  await expect(main(page).getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Activeren' })).toHaveCount(0);
  await expectAccessible(page);
  await logout(page);

  // -- The mentor holds the group meeting and evaluates the plan -------------------------------
  await login(page, 'mentor');
  await page.goto(overviewUrl);
  await expectHeading(page, 'Groepsoverzicht 1A · Cyclus 2');
  await page.getByRole('button', { name: 'Groepsbespreking plannen' }).click();
  const schedule = page.getByRole('dialog', { name: 'Groepsbespreking plannen' });
  await schedule.getByRole('button', { name: 'Plannen' }).click();
  await expect(page).toHaveURL(/\/groepsbesprekingen\/[^/]+$/);
  await expectHeading(page, 'Groepsbespreking 1A · Cyclus 2');
  await expectAccessible(page);
  await page
    .getByRole('combobox', { name: `Besluit voor ${behindName}` })
    .selectOption({ label: 'Verder in het groepsplan' });
  await page
    .getByRole('textbox', { name: `Toelichting bij ${behindName}` })
    .fill('Volgt de subgroep rekenen; na zes weken bespreken met de intern begeleider.');
  await page
    .getByRole('combobox', { name: `Besluit voor ${aheadName}` })
    .selectOption({ label: 'Verder in het groepsplan' });
  await page.getByRole('textbox', { name: 'Samenvatting' }).fill('Twee leerlingen besproken.');
  await page.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Het verslag is opgeslagen.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Bespreking afronden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Groepsbespreking 1A · Cyclus 2',
  );
  await expect(main(page)).toContainText('gehouden');
  const report = page.getByRole('region', { name: 'Verslag' });
  await expect(report).toContainText(`${behindName}: Verder in het groepsplan`);

  await page.getByRole('link', { name: 'Groepsplan evalueren' }).click();
  await expect(page).toHaveURL(`${planUrl}?evalueren=1`);
  const results = page.getByRole('combobox', { name: /^Resultaat van / });
  // Wait for the plan to load: counting straight after navigation may see an empty form.
  await expect(results.first()).toBeVisible();
  expect(await results.count()).toBeGreaterThanOrEqual(2);
  for (const result of await results.all()) {
    const name = (await result.getAttribute('aria-label')) ?? '';
    await result.selectOption({ label: name.includes(behindName) ? 'Deels behaald' : 'Behaald' });
  }
  await page
    .getByRole('group', { name: /^Subgroep: / })
    .filter({
      has: page.getByRole('combobox', {
        name: new RegExp(`^Resultaat van ${escapeRegExp(behindName)}`),
      }),
    })
    .getByRole('combobox', { name: /^Hoe verder met / })
    .selectOption({ label: 'Bijstellen' });
  await page
    .getByRole('textbox', { name: 'Eindevaluatie van het plan' })
    .fill('De subgroepen werkten; rekenen krijgt een vervolg met kleinere stappen.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Evaluatie opslaan', exact: true }).click();
  await expect(page.getByText('geëvalueerd', { exact: true })).toBeVisible();
  await expect(main(page)).toContainText('Deels behaald');
  await expect(main(page)).toContainText('Bijstellen');

  // -- The student's timeline: the signal, the need in their own words, the evaluation ---------
  await page.goto(`/leerlingen/${behind.id}`);
  await expectHeading(page, behindName);
  const timeline = page.getByRole('region', { name: 'Tijdlijn' });
  const items = await api.timeline(page, behind.id);
  for (const kind of ['signal', 'need', 'plan_evaluation']) {
    expect(
      items.map((i) => i.kind),
      `a ${kind} on the timeline`,
    ).toContain(kind);
  }
  await expect(timeline.getByRole('listitem')).toHaveCount(items.length);
  const kinds: Record<string, string> = {
    signal: 'Signalering',
    need: 'Onderwijsbehoefte',
    plan_evaluation: 'Evaluatie',
  };
  for (const [kind, label] of Object.entries(kinds)) {
    const item = items.find((i) => i.kind === kind);
    await expect(
      timeline
        .getByRole('listitem')
        .filter({ hasText: label })
        .filter({ hasText: item?.title ?? '' })
        .first(),
    ).toBeVisible();
  }
  await expect(timeline.locator('blockquote', { hasText: BEHIND_WORDS })).toBeVisible();
  await expectAccessible(page);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The grid row of a student (its row header is the student's name). */
function studentRow(grid: Locator, name: string): Locator {
  return grid.getByRole('row').filter({ has: grid.page().getByRole('rowheader', { name }) });
}

async function signal(page: Page, name: string, category: string, basis: string) {
  await page.getByRole('button', { name: `${name} signaleren` }).click();
  const dialog = page.getByRole('dialog', { name: `${name} signaleren` });
  await dialog
    .getByRole('combobox', { name: 'Wat signaleer je?' })
    .selectOption({ label: category });
  await dialog.getByRole('checkbox', { name: basis }).check();
  await dialog.getByRole('textbox', { name: 'Toelichting' }).fill(`${category}: gezien in de les.`);
  await dialog.getByRole('button', { name: 'Signalering opslaan' }).click();
  await expect(dialog).toBeHidden();
}

async function nameNeed(page: Page, name: string, goal: string, heading: string, words: string) {
  await page.getByRole('link', { name: `Onderwijsbehoefte benoemen voor ${name}` }).click();
  await expectHeading(page, `Onderwijsbehoefte van ${name}`);
  await page.getByRole('textbox', { name: 'Doel 1', exact: true }).fill(goal);
  await page
    .getByRole('textbox', { name: 'Waaraan zien we dat het doel bereikt is?' })
    .fill('Toets aan het eind van de periode');
  await page.getByRole('combobox', { name: 'Kopje 1' }).selectOption({ label: heading });
  await page.getByText(`Hulpzinnen bij ${heading}`).click();
  // A helper sentence of the begrijpwijzer frames the need; the text makes it concrete.
  const phrase = page.locator('details.helpers').getByRole('button').first();
  const completion = (await phrase.textContent()) ?? '';
  expect(completion).not.toBe('');
  await phrase.click();
  await expect(phrase).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.chosen-phrase')).toContainText(
    new RegExp(
      `^Gekozen hulpzin: Om dit doel te bereiken heeft deze leerling .+ nodig die ${escapeRegExp(completion)}$`,
    ),
  );
  await page
    .getByRole('textbox', { name: 'Onderwijsbehoefte 1', exact: true })
    .fill(`${heading}: elke les, bij nieuwe stof, na de klassikale uitleg.`);
  await page.getByRole('checkbox', { name: 'Samen met de leerling opgesteld' }).check();
  await page.getByRole('textbox', { name: 'In de woorden van de leerling' }).fill(words);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Onderwijsbehoefte opslaan' }).click();
  await expect(page.getByText('De onderwijsbehoefte is opgeslagen.')).toBeVisible();
  await page.getByRole('link', { name: 'Terug naar het groepsoverzicht van 1A' }).click();
}

/** A subgroup card of the plan form whose members list holds `name`. */
function subgroupWith(page: Page, name: string): Locator {
  return page
    .getByRole('group', { name: /^Subgroep: / })
    .filter({ has: page.getByRole('list', { name: 'Leerlingen' }).filter({ hasText: name }) });
}

function members(group: Locator): Locator {
  return group.getByRole('list', { name: 'Leerlingen' });
}
