import type { Locator, Page } from '@playwright/test';

import * as api from '../support/api';
import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { LYCEUM } from '../support/stack';
import { expectHeading, linkStartingWith, logout, main, mainNav } from '../support/ui';

// Gifted education ((hoog)begaafdheid) with the demo data of backend/zorgroute/demo/gifted.py.
// The Stedelijk Lyceum runs "Denklab" (enrichment module in a separate group; committee: Lotte
// Visser, `hb`, and Peter van den Berg, the zorgcoördinator) and the full "Bovenschools
// Talentprogramma" with a waitlist of three. The demo data leaves Pepijn Zając (1A) untouched:
// the journey takes him from the mentor's observation to an exit with his goals met. The
// overview test only reads (and compares the page with the API, as the journey changes the
// counters).

const PEPIJN = 'Pepijn Zając';
const DENKLAB = 'Denklab';
const TALENT = 'Bovenschools Talentprogramma';
const SELECTION_RULE =
  'Selectie gebeurt op onderwijsbehoefte; geen vaste IQ-grens; afkomst en geslacht zijn nooit selectiecriteria.';
/** The 14 skills typed as digits, in the instrument's order: 0 is "niet geobserveerd". */
const SCORES = '45434453203454';

/** A calendar day `days` from today, as a date input takes it ("2026-11-20"). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toLocaleDateString('sv-SE');
}

/** "2026-11-20" as the SPA shows it in Dutch: "20-11-2026". */
const shortDate = (iso: string) => iso.split('-').reverse().join('-');

const region = (scope: Page | Locator, name: string): Locator =>
  scope.getByRole('region', { name, exact: true });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The definition of `term` in a details list: ("Ritme") → "elk kwartaal (13 weken)". */
const detail = (scope: Locator, term: string): Locator =>
  scope
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) })
    .locator('xpath=following-sibling::dd[1]');

// -- The gifted API (the gifted and offerings tags), read with the page's session -------------
type Snapshot = { student_name: string; group_name: string; school_name: string; grade: string };
type Application = {
  id: string;
  status: string;
  route: string | null;
  motivation: string;
  offering_name: string | null;
  observation: { recommendation: string; scores: Record<string, number | null> } | null;
  snapshot: Snapshot;
  decided_by: { name: string }[];
  waitlist_position: number | null;
};
type Queue = {
  offering: { id: string; name: string; committee: { name: string }[] };
  to_decide: Application[];
  waitlist: Application[];
  decided: Application[];
  free_places: number | null;
};
type Enrolment = {
  id: string;
  status: string;
  starts_on: string;
  goals: { text: string; cognitive: boolean; status: string }[];
  review_every_weeks: number;
  next_review_on: string | null;
  in_class_plan: { regular_teacher_name: string; complete: boolean };
  reviews: { decision: string; with_student: boolean; with_parents: boolean }[];
  ended_on: string | null;
  exit_reason: string | null;
};
type OverviewRow = {
  student_id: string;
  applications: string[];
  offerings: string[];
  exits_goals_met: number;
};
type GiftedOverview = {
  students: OverviewRow[];
  signalled: number;
  enrolled: number;
  to_observe: number;
  reviews_due: number;
  applications_open: number;
  student_count: number;
};
type Offering = { id: string; name: string };

async function read<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}
const vocabulary = (page: Page) =>
  read<{ observation_skills: { code: string }[] }>(page, '/api/v1/gifted/vocabulary');
const studentGifted = (page: Page, studentId: string) =>
  read<{ applications: Application[]; enrolments: Enrolment[] }>(
    page,
    `/api/v1/students/${studentId}/gifted`,
  );
const application = (page: Page, id: string) =>
  read<Application>(page, `/api/v1/applications/${id}`);
const queue = (page: Page, offeringId: string) =>
  read<Queue>(page, `/api/v1/offerings/${offeringId}/applications`);
const enrolment = (page: Page, id: string) =>
  read<Enrolment>(page, `/api/v1/offering-enrolments/${id}`);
const giftedOverview = (page: Page, school: string) =>
  read<GiftedOverview>(page, `/api/v1/schools/${school}/gifted-overview`);

async function offeringId(page: Page, school: string, name: string): Promise<string> {
  const { own } = await read<{ own: Offering[] }>(page, `/api/v1/schools/${school}/offerings`);
  const found = own.find((o) => o.name === name);
  if (!found) throw new Error(`the demo data has no offering ${name}`);
  return found.id;
}

// -- Steps ---------------------------------------------------------------------------------------

/** The Lyceum in the school switcher (the HB specialist works at two schools). */
async function chooseLyceum(page: Page): Promise<string> {
  const lyceum = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const schools = page.getByRole('combobox', { name: 'School' });
  if ((await schools.inputValue()) !== lyceum) await schools.selectOption(lyceum);
  return lyceum;
}

/** "HB-aanbod" → the offering's card → "Aanmeldingen (commissie)": the committee's queue. */
async function openCommitteeQueue(page: Page, offering: string) {
  await mainNav(page).getByRole('link', { name: 'HB-aanbod', exact: true }).click();
  await expectHeading(page, 'Onderwijsaanbod (hoog)begaafdheid');
  await page
    .getByRole('navigation', { name: `Bij ${offering}`, exact: true })
    .getByRole('link', { name: 'Aanmeldingen (commissie)' })
    .click();
  await expect(page).toHaveURL(/\/aanbod\/[^/]+\/aanmeldingen$/);
  await expectHeading(page, `Aanmeldingen: ${offering}`);
}

/** "Begaafdheid" (the HB overview) → the student's row, found with the filter. */
function overviewRow(page: Page, name: string): Locator {
  return main(page)
    .getByRole('table', { name: 'Leerlingen' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** The terms (dt) of a details list, as shown. */
async function terms(scope: Locator): Promise<string[]> {
  return (await scope.getByRole('term').allInnerTexts()).map((t) => t.trim());
}

test('a student goes from the observation through the committee to an exit with the goals met', async ({
  page,
}) => {
  test.setTimeout(300_000);

  // -- The mentor observes Pepijn and recommends Denklab --------------------------------------
  await login(page, 'mentor');
  await expectHeading(page, 'Mijn groepen');
  const lyceum = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const [pepijn] = (await api.students(page, lyceum, 'Zając')).filter(
    (s) => api.fullName(s) === PEPIJN,
  );
  if (!pepijn) throw new Error(`the demo data has no ${PEPIJN} at the Lyceum`);
  expect((await studentGifted(page, pepijn.id)).applications).toEqual([]); // untouched
  await linkStartingWith(main(page), '1A').click();
  await expectHeading(page, '1A');
  await main(page).getByRole('link', { name: PEPIJN, exact: true }).click();
  await expect(page).toHaveURL(`/leerlingen/${pepijn.id}`);
  await expectHeading(page, PEPIJN);
  await region(page, 'Begaafdheid')
    .getByRole('link', { name: 'Naar begaafdheid van Pepijn' })
    .click();
  await expect(page).toHaveURL(`/leerlingen/${pepijn.id}/begaafdheid`);
  await expectHeading(page, `Begaafdheid: ${PEPIJN}`);
  await page.getByRole('link', { name: 'Observatie invullen' }).click();
  await expect(page).toHaveURL(`/leerlingen/${pepijn.id}/observatie`);
  await expectHeading(page, 'Observatie-instrument (hoog)begaafdheid');

  // The 14 skills with the keyboard: a digit on a row scores it and moves on to the next row;
  // after the last one the remarks have the focus.
  const observation = page.getByRole('form', { name: 'Observatie-instrument (hoog)begaafdheid' });
  const rows = observation.getByRole('group', { name: /^\d+\. / });
  await expect(rows).toHaveCount(SCORES.length);
  await expect(observation).toContainText('0 van 14 vaardigheden ingevuld');
  await rows.first().getByRole('radio').first().focus();
  for (const digit of SCORES) await page.keyboard.press(digit);
  const remarks = observation.getByRole('textbox', {
    name: 'Algemene opmerkingen en/of opvallende observaties in de klas',
  });
  await expect(remarks).toBeFocused();
  await expect(observation).toContainText('14 van 14 vaardigheden ingevuld');
  const radioName = (digit: string) =>
    ({ '0': 'niet geobserveerd', '1': '1 niet zichtbaar', '5': '5 volledig zichtbaar' })[digit] ??
    digit;
  for (const [i, digit] of [...SCORES].entries())
    await expect(
      rows.nth(i).getByRole('radio', { name: radioName(digit), exact: true }),
    ).toBeChecked();
  await page.keyboard.type(
    'Heeft de stof van de toets al af voor de uitleg begint; vraagt door tot de kern. Organisatie nog niet kunnen zien.',
  );
  await observation
    .getByRole('radio', {
      name: 'Aanmelden voor onderwijsaanbod in groepssetting buiten de klas of groep',
    })
    .check();
  await observation
    .getByRole('combobox', { name: 'Onderwijsaanbod in groepssetting' })
    .selectOption({ label: DENKLAB });
  await expectAccessible(page);
  await observation.getByRole('button', { name: 'Observatie opslaan' }).click();

  // Back on his gifted page: the observation started a draft application for Denklab.
  await expect(page).toHaveURL(`/leerlingen/${pepijn.id}/begaafdheid`);
  const saved = page.getByRole('status').filter({ hasText: 'De observatie is opgeslagen.' });
  await expect(saved).toContainText(
    'Er staat een conceptaanmelding klaar om aan te vullen en in te dienen.',
  );
  const [draft] = (await studentGifted(page, pepijn.id)).applications;
  if (!draft) throw new Error('the observation started no application');
  expect(draft).toMatchObject({ status: 'draft', offering_name: DENKLAB });
  expect(draft.observation?.recommendation).toBe('group_offering');
  const codes = (await vocabulary(page)).observation_skills.map((s) => s.code);
  expect(draft.observation?.scores).toEqual(
    Object.fromEntries(codes.map((code, i) => [code, Number(SCORES[i]) || null])),
  );
  await expect(saved.getByRole('link', { name: 'Conceptaanmelding openen' })).toHaveAttribute(
    'href',
    `/aanmeldingen/${draft.id}`,
  );
  await expect(region(page, 'Aanmeldingen en deelnames')).toContainText(
    `Aanmelding: ${DENKLAB} concept`,
  );
  await logout(page);

  // -- The HB specialist completes the application and submits it ----------------------------
  await login(page, 'hb');
  await chooseLyceum(page);
  await mainNav(page).getByRole('link', { name: 'Begaafdheid', exact: true }).click();
  await expectHeading(page, 'Begaafdheid');
  await main(page).getByRole('searchbox', { name: 'Zoek op naam of groep' }).fill('Zając');
  await overviewRow(page, PEPIJN).getByRole('link', { name: PEPIJN }).click();
  await expectHeading(page, `Begaafdheid: ${PEPIJN}`);
  await region(page, 'Aanmeldingen en deelnames').getByRole('link', { name: DENKLAB }).click();
  await expect(page).toHaveURL(`/aanmeldingen/${draft.id}`);
  await expectHeading(page, `Aanmelding van ${PEPIJN}`);
  const form = page.getByRole('form', { name: 'Aanmelding aanvullen' });
  await expect(form.getByRole('combobox', { name: 'Aanbod' })).toHaveValue(
    await offeringId(page, lyceum, DENKLAB),
  );
  await expect(form.getByText(SELECTION_RULE)).toBeVisible();
  const motivation =
    'Is snel klaar met de basisstof en vraagt door tot de kern. Heeft uitdaging en ontwikkelingsgelijken nodig om te leren plannen en doorzetten bij een opdracht die niet meteen lukt.';
  await form.getByRole('textbox', { name: 'Motivatie en onderwijsbehoefte' }).fill(motivation);
  await form.getByRole('combobox', { name: 'Route' }).selectOption({ label: 'Intern begeleider' });
  await form.getByRole('button', { name: 'Indienen', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(
    'De aanmelding is ingediend bij de toelatingscommissie.',
  );
  expect(await application(page, draft.id)).toMatchObject({
    status: 'submitted',
    route: 'intern_begeleider',
    motivation,
  });

  // -- The committee admits him: the queue of Denklab -----------------------------------------
  await openCommitteeQueue(page, DENKLAB);
  const denklab = await offeringId(page, lyceum, DENKLAB);
  const before = await queue(page, denklab);
  expect(before.to_decide.map((a) => a.id)).toContain(draft.id);
  await expect(main(page)).toContainText(
    `Toelatingscommissie van ${LYCEUM.name}: ${before.offering.committee.map((m) => m.name).join(', ')}`,
  );
  await expect(main(page).getByText(SELECTION_RULE, { exact: true })).toBeVisible();
  await expect(region(page, 'Vrije plaatsen')).toContainText(
    `${before.free_places} vrije plaatsen`,
  );
  const toDecide = region(page, 'Te beslissen');
  const card = toDecide.getByRole('article', { name: new RegExp(`^${PEPIJN} `) });
  await expect(card).toContainText('Ingediend');
  await expect(card).toContainText(motivation);
  // What the committee sees of a student: name, group, school, grade; never origin or sex.
  for (const a of [...before.to_decide, ...before.waitlist, ...before.decided])
    expect(Object.keys(a.snapshot).sort()).toEqual([
      'grade',
      'group_name',
      'school_name',
      'student_name',
    ]);
  expect(await terms(card)).toEqual([
    'Groep',
    'School',
    'Leerjaar',
    'Soort aanmelding',
    'Aanmeldroute',
    'Ingediend op',
  ]);
  const shown = (await main(page).innerText()).replaceAll(SELECTION_RULE, '');
  expect(shown).not.toMatch(/geslacht|afkomst|nationaliteit|geboorteland|etniciteit/i);
  await expectAccessible(page);

  await card.getByRole('button', { name: `Besluiten over ${PEPIJN}` }).click();
  const decision = page.getByRole('dialog', { name: `Besluit over ${PEPIJN}` });
  await expect(decision.getByText(SELECTION_RULE)).toBeVisible();
  await expect(decision.getByRole('radio', { name: 'Toelaten' })).toBeChecked();
  const deciders = decision.getByRole('group', { name: 'Besloten door' });
  await expect(deciders.getByRole('checkbox', { name: 'Lotte Visser (jij)' })).toBeChecked();
  await deciders.getByRole('checkbox', { name: 'Peter van den Berg' }).check();
  await decision
    .getByRole('textbox', { name: 'Reden' })
    .fill(
      'Past bij de doelgroep: uitdaging en ontwikkelingsgelijken nodig; compacten is al geprobeerd.',
    );
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decision).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Het besluit' })).toHaveText(
    `Het besluit over ${PEPIJN} is vastgelegd: Toegelaten.`,
  );
  await expect(toDecide.getByRole('article', { name: new RegExp(`^${PEPIJN} `) })).toHaveCount(0);
  const admitted = region(page, 'Besloten').getByRole('article', {
    name: new RegExp(`^${PEPIJN} `),
  });
  await expect(admitted).toContainText('Toegelaten');
  await expect(admitted).toContainText('Lotte Visser, Peter van den Berg');
  const decided = await application(page, draft.id);
  expect(decided.status).toBe('admitted');
  expect(decided.decided_by.map((m) => m.name).sort()).toEqual([
    'Lotte Visser',
    'Peter van den Berg',
  ]);

  // -- The enrolment: two goals, a quarterly review, the plan for the regular class ------------
  await admitted.getByRole('link', { name: 'Deelname starten' }).click();
  await expect(page).toHaveURL(`/deelnames/nieuw?aanmelding=${draft.id}`);
  await expectHeading(page, 'Deelname starten');
  await expect(main(page)).toContainText(`${PEPIJN} in ${DENKLAB}`);
  // The form starts from the offering's four goals: keep two, in his own words.
  const goals = main(page).getByRole('group', { name: 'Doelen van de deelname' });
  await goals.getByRole('button', { name: 'Doel 4 verwijderen' }).click();
  await goals.getByRole('button', { name: 'Doel 3 verwijderen' }).click();
  await expect(goals.getByRole('textbox', { name: /^Doel \d/ })).toHaveCount(2);
  const cognitiveGoal = 'Werkt een eigen onderzoeksvraag over energie uit en presenteert die';
  const planningGoal = 'Maakt een planning voor het project en houdt die elke week bij';
  await goals.getByRole('textbox', { name: 'Doel 1' }).fill(cognitiveGoal);
  await goals.getByRole('textbox', { name: 'Doel 2' }).fill(planningGoal);
  await expect(goals.getByRole('checkbox', { name: 'Doel 1 is een cognitief doel' })).toBeChecked();
  await expect(
    goals.getByRole('checkbox', { name: 'Doel 2 is een cognitief doel' }),
  ).not.toBeChecked();
  await goals.getByRole('combobox', { name: 'Evalueren' }).selectOption({
    label: 'elk kwartaal (13 weken)',
  });
  const plan = main(page).getByRole('group', { name: 'Plan voor de eigen klas' });
  await plan
    .getByRole('combobox', { name: 'Leerkracht of mentor van de eigen klas' })
    .selectOption({ label: 'Sanne de Vries' });
  const adjustments =
    'Compacten bij wiskunde en Engels; herhalingsopdrachten vervallen. Het gemiste uur op vrijdag wordt niet ingehaald.';
  const alignment =
    'Pepijn presenteert zijn onderzoek in de mentorles; de mentor vraagt elke week hoe het gaat.';
  await plan.getByRole('textbox', { name: 'Aanpassingen in de klas' }).fill(adjustments);
  await plan.getByRole('textbox', { name: 'Afstemming' }).fill(alignment);
  await main(page).getByRole('button', { name: 'Deelname starten' }).click();

  await expect(page).toHaveURL(/\/deelnames\/[^/]+$/);
  await expectHeading(page, `Deelname van ${PEPIJN}`);
  const enrolmentId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const started = await enrolment(page, enrolmentId);
  expect(started).toMatchObject({
    status: 'active',
    starts_on: day(0),
    review_every_weeks: 13,
    next_review_on: day(91),
    goals: [
      { text: cognitiveGoal, cognitive: true, status: 'open' },
      { text: planningGoal, cognitive: false, status: 'open' },
    ],
    in_class_plan: { regular_teacher_name: 'Sanne de Vries', complete: true },
  });
  await expect(main(page)).toContainText(`${DENKLAB} · sinds ${shortDate(day(0))}`);
  const goalsPanel = region(page, 'Doelen');
  await expect(goalsPanel).toContainText('0 van 2 behaald');
  await expect(goalsPanel.getByRole('listitem')).toHaveText([
    `${cognitiveGoal} cognitief doel open`,
    `${planningGoal} open`,
  ]);
  await expect(detail(goalsPanel, 'Status')).toHaveText('Loopt');
  await expect(detail(goalsPanel, 'Ritme')).toHaveText('elk kwartaal (13 weken)');
  await expect(detail(goalsPanel, 'Volgende evaluatie')).toHaveText(shortDate(day(91)));
  const planPanel = region(page, 'Plan voor de eigen klas');
  await expect(planPanel).toContainText('Het plan voor de eigen klas is compleet.');
  await expect(detail(planPanel, 'Leerkracht of mentor van de eigen klas')).toHaveText(
    'Sanne de Vries',
  );
  await expect(detail(planPanel, 'Aanpassingen in de klas')).toHaveText(adjustments);
  await expect(detail(planPanel, 'Afstemming')).toHaveText(alignment);
  await expectAccessible(page);

  // -- The quarterly review: both goals met, with Pepijn and his parents, carry on --------------
  const reviews = region(page, 'Evaluaties');
  await reviews.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
  const review = reviews.getByRole('form', { name: 'Evaluatie vastleggen' });
  for (const goal of [cognitiveGoal, planningGoal])
    await review.getByRole('group', { name: goal }).getByRole('radio', { name: 'Behaald' }).check();
  await review.getByRole('checkbox', { name: 'Besproken met de leerling' }).check();
  await review.getByRole('checkbox', { name: 'Besproken met de ouders' }).check();
  const classNote = 'Het onderzoek is in de mentorles gepresenteerd; compacten bij wiskunde loopt.';
  await review.getByRole('textbox', { name: 'Afstemming met de eigen klas' }).fill(classNote);
  await expect(review.getByRole('radio', { name: 'Doorgaan' })).toBeChecked();
  await review.getByRole('button', { name: 'Evaluatie opslaan' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('De evaluatie is opgeslagen.');
  await expect(goalsPanel).toContainText('2 van 2 behaald');
  await expect(goalsPanel.getByRole('listitem')).toHaveText([
    `${cognitiveGoal} cognitief doel behaald`,
    `${planningGoal} behaald`,
  ]);
  const held = reviews.getByRole('listitem').filter({ hasText: classNote });
  await expect(held).toContainText(`${shortDate(day(0))} · Doorgaan`);
  await expect(held).toContainText('door Lotte Visser · met de leerling, met de ouders');
  const reviewed = await enrolment(page, enrolmentId);
  expect(reviewed.goals.map((g) => g.status)).toEqual(['achieved', 'achieved']);
  expect(reviewed.reviews).toMatchObject([
    { decision: 'continue', with_student: true, with_parents: true },
  ]);

  // -- The exit: the goals are met -------------------------------------------------------------
  await page.getByRole('button', { name: 'Deelname beëindigen' }).click();
  const exit = page.getByRole('dialog', { name: 'Deelname beëindigen' });
  await expect(exit.getByRole('radio', { name: 'Doelen behaald' })).toBeChecked();
  await exit
    .getByRole('textbox', { name: 'Toelichting' })
    .fill('Verder met verrijkingsopdrachten in de eigen lessen.');
  await exit.getByRole('button', { name: 'Beëindigen' }).click();
  await expect(exit).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('De deelname is beëindigd.');
  await expect(main(page)).toContainText(
    `Beëindigd op ${shortDate(day(0))}: Doelen behaald. Verder met verrijkingsopdrachten in de eigen lessen.`,
  );
  await expect(detail(goalsPanel, 'Status')).toHaveText('Beëindigd');
  await expect(page.getByRole('button', { name: 'Deelname beëindigen' })).toHaveCount(0);
  expect(await enrolment(page, enrolmentId)).toMatchObject({
    status: 'ended',
    ended_on: day(0),
    exit_reason: 'goals_met',
  });
  await expectAccessible(page);

  // -- The HB overview lists him: admitted to Denklab, one exit with the goals met -------------
  await mainNav(page).getByRole('link', { name: 'Begaafdheid', exact: true }).click();
  await expectHeading(page, 'Begaafdheid');
  const row = (await giftedOverview(page, lyceum)).students.find((r) => r.student_id === pepijn.id);
  expect(row).toMatchObject({
    applications: [`${DENKLAB}: admitted`],
    offerings: [],
    exits_goals_met: 1,
  });
  const pepijnRow = overviewRow(page, PEPIJN);
  await expect(pepijnRow).toContainText(`${DENKLAB}: toegelaten`);
  await expect(pepijnRow.getByRole('cell').last()).toHaveText('1'); // afgerond, doelen behaald
  await pepijnRow.getByRole('link', { name: PEPIJN }).click();
  await expectHeading(page, `Begaafdheid: ${PEPIJN}`);
  const records = region(page, 'Aanmeldingen en deelnames');
  await expect(records.getByRole('listitem').first()).toHaveText(
    `Deelname: ${DENKLAB} beëindigd2 van 2 doelen behaald`,
  );
  await expect(records).toContainText(`Aanmelding: ${DENKLAB} toegelaten`);
});

test('the HB overview counts as the API does; the Talentprogramma’s waitlist is in order', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'hb');
  const lyceum = await chooseLyceum(page);
  await mainNav(page).getByRole('link', { name: 'Begaafdheid', exact: true }).click();
  await expectHeading(page, 'Begaafdheid');

  // The counters: what the API counts (the journey above changes them), next to the reference.
  const overview = await giftedOverview(page, lyceum);
  expect(overview.enrolled).toBeGreaterThan(0);
  const counters = region(page, 'Kerngetallen');
  const expected: [string, number][] = [
    ['Gesignaleerd', overview.signalled],
    ['In een aanbod', overview.enrolled],
    ['Nog te observeren', overview.to_observe],
    ['Evaluaties nodig', overview.reviews_due],
    ['Aanmeldingen open', overview.applications_open],
  ];
  await expect(counters.getByRole('term')).toHaveText(expected.map(([term]) => term));
  await expect(counters.getByRole('definition')).toHaveText(expected.map(([, n]) => String(n)));
  await expect(counters).toContainText(`van ${overview.student_count} leerlingen`);
  await expect(counters).toContainText('Dit is een referentie, geen quotum.');
  const table = main(page).getByRole('table', { name: 'Leerlingen' });
  await expect(table.getByRole('row')).toHaveCount(overview.students.length + 1);
  await expectAccessible(page);

  // The Talentprogramma is full; its waitlist in the committee's order, one of the Vakcollege.
  await openCommitteeQueue(page, TALENT);
  const talent = await queue(page, await offeringId(page, lyceum, TALENT));
  expect(talent.free_places).toBe(0);
  expect(talent.waitlist.map((a) => a.snapshot.school_name)).toEqual([
    LYCEUM.name,
    'Vakcollege Rivierstad',
    LYCEUM.name,
  ]);
  await expect(region(page, 'Vrije plaatsen')).toContainText('Vol');
  const waitlist = region(page, 'Wachtlijst').getByRole('article');
  await expect(waitlist).toHaveCount(3);
  for (const [i, a] of talent.waitlist.entries()) {
    const entry = waitlist.nth(i);
    await expect(entry.getByRole('heading', { level: 3 })).toHaveText(
      `Plaats ${i + 1}: ${a.snapshot.student_name}`,
    );
    expect(a.waitlist_position).toBe(i + 1);
    await expect(detail(entry, 'School')).toHaveText(a.snapshot.school_name);
    await expect(detail(entry, 'Plaats op de wachtlijst')).toHaveText(`plaats ${i + 1}`);
  }
  await expect(page.getByRole('button', { name: 'Volgorde opslaan' })).toBeDisabled();
  await expectAccessible(page);
});
