import type { Locator, Page } from '@playwright/test';

import * as api from '../support/api';
import { login } from '../support/auth';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { LYCEUM, REGENBOOG } from '../support/stack';
import { expectHeading, logout, main, mainNav } from '../support/ui';

// Case routing (docs/case-routing.md) with the demo data of backend/zorgroute/demo/cases.py.
// Stedelijk Lyceum runs the VO route (IZO, ZAT, SWV) and the HB route; Cyclus 1's group meeting
// decided to register Jens van den Brink (1A) with the care team, and no case picks that up: the
// VO test walks his case from that decision to its closure. OBS De Regenboog runs the PO
// 1-zorgroute; Groep 5 (Fatima El Amrani's, `leerkracht`) has no case: the PO test opens one for
// its first student. Nobody else's test touches these students; the dashboard test only reads.

const JENS = 'Jens van den Brink';

/** A calendar day `days` from today, as a date input takes it ("2026-11-20"). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toLocaleDateString('sv-SE');
}

const region = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('region', { name, exact: typeof name === 'string' ? true : undefined });
const steps = (page: Page) => region(page, 'Volgende stappen');
const stepButton = (page: Page, name: string) =>
  steps(page).getByRole('button', { name, exact: true });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The case is on `state`: the first fact of the case ("Stap") says so. */
async function expectState(page: Page, state: string) {
  const facts = region(page, 'Gegevens van de casus');
  await expect(facts.getByRole('term').first()).toHaveText('Stap');
  await expect(facts.getByRole('definition').first()).toHaveText(
    new RegExp(`^${escapeRegExp(state)} \\(sinds `),
  );
}

/** Take a plain step of the route ("Volgende stappen"), and see the case move. */
async function takeStep(page: Page, step: string, state: string) {
  const button = stepButton(page, step);
  await expect(button).toBeEnabled();
  await button.click();
  await expect(steps(page).getByRole('status')).toHaveText(
    `“${step}” is gezet. De casus staat nu op: ${state}.`,
  );
  await expectState(page, state);
}

/** Fill in the case file (text fields by label; `strengths` per locus) and save it. */
async function saveCaseFile(
  page: Page,
  fields: Record<string, string>,
  strengths: Record<string, string> = {},
) {
  const file = page.getByRole('form', { name: 'Casusdossier' });
  for (const [label, text] of Object.entries(fields))
    await file.getByRole('textbox', { name: label, exact: true }).fill(text);
  const positive = file.getByRole('group', { name: 'Sterke kanten en stimulerende factoren' });
  for (const [locus, text] of Object.entries(strengths))
    await positive.getByRole('textbox', { name: locus, exact: true }).fill(text);
  await file.getByRole('button', { name: 'Casusdossier opslaan' }).click();
  await expect(file.getByRole('status')).toHaveText('Het casusdossier is opgeslagen.');
}

/** Fill in and save the registration form (IZO or ZAT) of the current state. */
async function saveRegistration(
  page: Page,
  title: string,
  problem: string,
  checks: readonly string[] = [],
) {
  const form = region(page, title);
  await form.getByRole('textbox', { name: 'Wat is het probleem?' }).fill(problem);
  for (const check of checks)
    await form.getByRole('checkbox', { name: check, exact: true }).check();
  await form.getByRole('button', { name: 'Aanmeldingsformulier opslaan' }).click();
  await expect(form.getByRole('status')).toHaveText('Het aanmeldingsformulier is opgeslagen.');
}

/** A conversation before the discussion in `forum` ("Intern zorgoverleg (IZO)", …). */
async function recordConversation(
  page: Page,
  who: 'de leerling' | 'de ouders',
  forum: string,
  summary: string,
) {
  const panel = region(page, 'Gesprekken met leerling en ouders');
  const before = await panel.getByRole('listitem').count();
  await panel.getByRole('button', { name: 'Gesprek vastleggen' }).click();
  await panel.getByRole('radio', { name: `Gesprek met ${who}` }).check();
  await panel
    .getByRole('combobox', { name: 'Moment' })
    .selectOption({ label: 'vóór de bespreking' });
  await panel
    .getByRole('combobox', { name: /^Over de bespreking in/ })
    .selectOption({ label: forum });
  await panel.getByRole('textbox', { name: /^Verslag/ }).fill(summary);
  await panel.getByRole('button', { name: 'Gesprek opslaan' }).click();
  await expect(panel.getByRole('button', { name: 'Gesprek opslaan' })).toBeHidden();
  await expect(panel.getByRole('listitem')).toHaveCount(before + 1);
  await expect(panel.getByRole('listitem').filter({ hasText: summary })).toContainText(
    `Gesprek met ${who} · vóór de bespreking`,
  );
}

/** The parents' consent for `purpose` ("bespreken in het zorgteam", …), given in a conversation. */
async function recordConsent(page: Page, purpose: string) {
  const panel = region(page, 'Toestemmingen');
  await panel.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await panel.getByRole('combobox', { name: 'Waarvoor' }).selectOption({ label: purpose });
  await expect(panel.getByRole('radio', { name: 'toestemming gegeven' })).toBeChecked();
  await expect(panel.getByRole('combobox', { name: 'Gegeven door' })).toHaveValue('guardian');
  await expect(panel.getByRole('combobox', { name: /^Ouder/ })).not.toHaveValue('');
  await panel.getByRole('button', { name: 'Toestemming opslaan' }).click();
  await expect(panel.getByRole('button', { name: 'Toestemming opslaan' })).toBeHidden();
  await expect(panel.getByRole('listitem').filter({ hasText: purpose })).toContainText(
    `${purpose} · toestemming gegeven`,
  );
}

/** Screen a submitted registration: four times yes, accept and schedule. */
async function screenAccept(page: Page, state: string) {
  const screening = region(page, 'Screening van de aanmelding');
  for (const check of [
    'Hoort het probleem in deze lijn?',
    'Zijn de hulpvraag en de begeleidingsvraag helder?',
    'Heeft de vorige lijn gedaan wat kon?',
    'Zijn de ouders en de leerling op de hoogte?',
  ])
    await screening.getByRole('checkbox', { name: check }).check();
  await expect(screening.getByRole('radio', { name: 'Accepteren en agenderen' })).toBeChecked();
  await screening.getByRole('button', { name: 'Screening vastleggen' }).click();
  await expect(screening.getByRole('status')).toHaveText(
    `Screening vastgelegd: Accepteren en agenderen. De casus staat nu op: ${state}.`,
  );
  await expectState(page, state);
}

/** "Zorgoverleggen" → "Nieuw overleg" with a colleague as member (by staff id: their account
 * can open the meeting); ends on the new meeting's page. */
async function planMeeting(page: Page, forum: string, title: string, colleague: string) {
  await page.getByRole('link', { name: 'Zorgoverleggen', exact: true }).click();
  await expectHeading(page, 'Zorgoverleggen');
  await page.getByRole('button', { name: 'Nieuw overleg' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw overleg' });
  await dialog.getByRole('combobox', { name: 'Soort overleg' }).selectOption({ label: forum });
  await dialog.getByRole('textbox', { name: 'Titel' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Plaats' }).fill('Spreekkamer zorg');
  await dialog
    .getByRole('combobox', { name: 'Collega toevoegen' })
    .selectOption({ label: colleague });
  await expect(
    dialog.getByText(`${colleague} collega: kan het overleg en het casuspakket openen`),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Overleg plannen' }).click();
  await expect(page).toHaveURL(/\/zorgoverleggen\/[^/]+$/);
  await expectHeading(page, title);
  await expect(region(page, 'Leden en aanwezigheid')).toContainText(colleague);
}

/** "Casus agenderen": the student's case (an option "name (groups)") on this meeting's agenda. */
async function putOnAgenda(page: Page, student: string, group: string) {
  const add = page.getByRole('form', { name: 'Casus agenderen' });
  const cases = add.getByRole('combobox', { name: 'Casus', exact: true });
  // "Jens van den Brink (1A)", or with more groups after the homeroom.
  const option = cases.getByRole('option', {
    name: new RegExp(`^${escapeRegExp(student)} \\(${escapeRegExp(group)}[,)]`),
  });
  await expect(option).toHaveCount(1);
  await cases.selectOption((await option.getAttribute('value')) ?? '');
  await add.getByRole('button', { name: 'Op de agenda zetten' }).click();
  await expect(page.getByRole('form', { name: `Verslag van ${student}` })).toBeVisible();
}

test('VO: Jens goes from the group meeting’s registration through IZO, ZAT and SWV to closure', async ({
  page,
}) => {
  test.setTimeout(300_000);

  // -- The mentor starts the registration the group meeting decided on ------------------------
  await login(page, 'mentor');
  await expectHeading(page, 'Mijn groepen');
  await mainNav(page).getByRole('link', { name: 'Zorg', exact: true }).click();
  await expectHeading(page, 'Zorgbord');
  const requests = region(page, 'Aanmeldingen uit groepsbesprekingen');
  await expect(requests).toContainText(JENS);
  await expect(requests).toContainText('Groepsbespreking 1A');
  await expectAccessible(page);
  await requests.getByRole('button', { name: `Aanmelding starten voor ${JENS}` }).click();
  await expect(page).toHaveURL(/\/casussen\/[^/]+$/);
  await expectHeading(page, `Zorgtraject van ${JENS}`);
  const caseUrl = new URL(page.url()).pathname;
  const caseId = caseUrl.split('/').pop() ?? '';
  await expectState(page, 'Aanmelding IZO in voorbereiding');
  await expect(region(page, 'Gegevens van de casus')).toContainText('uit de groepsbespreking');
  await expect(stepButton(page, 'Aanmelding indienen bij de zorgcoördinator')).toBeDisabled();

  // The case file, the IZO form, the conversations before the IZO, the consent to discuss.
  await saveCaseFile(
    page,
    {
      'Hulpvraag van de leerling': 'Help mij om rustig te blijven als ik boos word in de klas.',
      'Begeleidingsvraag van de mentor en/of docenten':
        'Hoe kan ik Jens helpen zijn boosheid te herkennen voordat het uit de hand loopt?',
    },
    {
      'Bij de leerling': 'Eerlijk, behulpzaam, sterk in sport',
      'Op school': 'Goede band met de docent lichamelijke opvoeding',
    },
  );
  await saveRegistration(
    page,
    'Aanmelding intern zorgoverleg (IZO)',
    'Sinds oktober drie keer uit de les gestuurd na een woede-uitbarsting; klasgenoten mijden hem.',
    ['Begeleiding van de leerling'],
  );
  await recordConversation(
    page,
    'de leerling',
    'Intern zorgoverleg (IZO)',
    'Jens schrikt zelf van zijn boosheid en wil graag leren die op tijd te merken.',
  );
  await recordConversation(
    page,
    'de ouders',
    'Intern zorgoverleg (IZO)',
    'Ouders herkennen de boosheid van thuis en willen meedenken.',
  );
  await recordConsent(page, 'bespreken in het zorgteam');
  await expectAccessible(page);
  await takeStep(page, 'Aanmelding indienen bij de zorgcoördinator', 'Aangemeld bij IZO');
  await expect(region(page, 'Aanmelding intern zorgoverleg (IZO)')).toContainText('ingediend');
  await logout(page);

  // -- The zorgcoördinator screens it and discusses it in a new IZO ---------------------------
  await login(page, 'zorgcoordinator');
  const lyceum = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const schools = page.getByRole('combobox', { name: 'School' });
  if ((await schools.inputValue()) !== lyceum) await schools.selectOption(lyceum);
  await mainNav(page).getByRole('link', { name: 'Zorg', exact: true }).click();
  await expectHeading(page, 'Zorgbord');
  await expect(page.getByRole('combobox', { name: 'Zorgroute' })).toHaveValue('vo-izo-zat');
  const submitted = page.getByRole('region', { name: /^Aangemeld bij IZO/ });
  await submitted.getByRole('link', { name: JENS }).click();
  await expect(page).toHaveURL(caseUrl);
  await expectState(page, 'Aangemeld bij IZO');
  await screenAccept(page, 'Geagendeerd in IZO');

  await page.getByRole('link', { name: 'Naar het zorgbord' }).click();
  await expectHeading(page, 'Zorgbord');
  await planMeeting(page, 'Intern zorgoverleg (IZO)', 'IZO Jens (e2e)', 'Sanne de Vries');
  await putOnAgenda(page, JENS, '1A');
  const izoMinutes = page.getByRole('form', { name: `Verslag van ${JENS}` });
  await izoMinutes
    .getByRole('textbox', { name: 'Analyse van het probleem' })
    .fill('De boosheid komt op na conflicten in de pauze; Jens merkt het te laat.');
  await izoMinutes
    .getByRole('textbox', { name: 'Begeleiding van de leerling (en de ouders)' })
    .fill('Time-outkaart en een wekelijks gesprek met de mentor.');
  await izoMinutes
    .getByRole('textbox', { name: /^Besluiten/ })
    .fill('Time-outkaart\nWekelijks mentorgesprek');
  await izoMinutes.getByLabel('Evaluatiedatum', { exact: true }).fill(day(42));
  await izoMinutes
    .getByRole('combobox', { name: 'Daarna in de zorgroute' })
    .selectOption({ label: 'Bespreking in het IZO vastleggen' });
  await expectAccessible(page);
  await izoMinutes
    .getByRole('button', { name: 'Verslag opslaan en “Bespreking in het IZO vastleggen”' })
    .click();
  await expect(izoMinutes.getByRole('status')).toHaveText(
    'Het verslag is opgeslagen en de stap “Bespreking in het IZO vastleggen” is gezet.',
  );
  await expect(region(page, 'Agenda')).toContainText('Begeleiding vanuit IZO');

  // -- To the ZAT: the question, the step, the form, the conversations, the consent -----------
  await region(page, 'Agenda').getByRole('link', { name: JENS }).click();
  await expect(page).toHaveURL(caseUrl);
  await expectState(page, 'Begeleiding vanuit IZO');
  await expect(stepButton(page, 'Aanmelden bij het ZAT')).toBeDisabled();
  await saveCaseFile(page, {
    'Vraag aan het ZAT of ondersteuningsteam':
      'Welke hulp hebben Jens en zijn ouders nodig bij de woede-uitbarstingen, en wie biedt die?',
  });
  await takeStep(page, 'Aanmelden bij het ZAT', 'Aanmelding ZAT in voorbereiding');
  await saveRegistration(
    page,
    'Aanmelding ZAT',
    'De begeleiding vanuit het IZO helpt onvoldoende: nog twee uitbarstingen per week, ook thuis.',
    ['Een hulptraject bij externe hulpverlening'],
  );
  await recordConversation(
    page,
    'de leerling',
    'Zorg- en adviesteam (ZAT)',
    'Jens vindt het goed dat er iemand van buiten school meekijkt.',
  );
  await recordConversation(
    page,
    'de ouders',
    'Zorg- en adviesteam (ZAT)',
    'Ouders willen graag hulp van buiten school.',
  );
  // Without the parents' consent to register with the ZAT, the step is refused: in words.
  const submitZat = stepButton(page, 'Aanmelding ZAT indienen');
  await expect(submitZat).toBeDisabled();
  await expect(submitZat).toHaveAccessibleDescription(
    'Nog nodig: De toestemming is vastgelegd (aanmelden bij het ZAT)',
  );
  await recordConsent(page, 'aanmelden bij het ZAT');
  await takeStep(page, 'Aanmelding ZAT indienen', 'Aangemeld bij ZAT');
  await screenAccept(page, 'Geagendeerd in ZAT');

  // -- The ZAT's action plan, with an action item for a colleague ---------------------------
  await page.getByRole('link', { name: 'Naar het zorgbord' }).click();
  await expectHeading(page, 'Zorgbord');
  await planMeeting(page, 'Zorg- en adviesteam (ZAT)', 'ZAT Jens (e2e)', 'Sanne de Vries');
  await putOnAgenda(page, JENS, '1A');
  const zatMinutes = page.getByRole('form', { name: `Verslag van ${JENS}` });
  await zatMinutes
    .getByRole('textbox', { name: 'Analyse van het probleem' })
    .fill('Boosheid bij spanning thuis en op school; de school alleen kan dit niet oplossen.');
  await zatMinutes
    .getByRole('textbox', { name: 'Doelen' })
    .fill('Binnen tien weken hooguit één uitbarsting per maand.');
  await zatMinutes.getByLabel('Evaluatiedatum', { exact: true }).fill(day(70));
  await zatMinutes.getByRole('button', { name: 'Actiepunt toevoegen' }).click();
  const actionItem = 'Arrangement ambulante begeleiding aanvragen';
  await zatMinutes.getByRole('textbox', { name: 'Actie 1' }).fill(actionItem);
  await zatMinutes
    .getByRole('combobox', { name: 'Wie 1' })
    .selectOption({ label: 'Peter van den Berg' });
  await zatMinutes.getByLabel(/^Uiterlijk 1/).fill(day(7));
  await zatMinutes
    .getByRole('combobox', { name: 'Daarna in de zorgroute' })
    .selectOption({ label: 'Plan van aanpak ZAT vastleggen' });
  await zatMinutes
    .getByRole('button', { name: 'Verslag opslaan en “Plan van aanpak ZAT vastleggen”' })
    .click();
  await expect(zatMinutes.getByRole('status')).toHaveText(
    'Het verslag is opgeslagen en de stap “Plan van aanpak ZAT vastleggen” is gezet.',
  );
  await expect(region(page, 'Agenda')).toContainText('Plan van aanpak ZAT');
  await expectAccessible(page);
  // The owner was picked as a colleague: the server linked the account, so it is "voor jou".
  const [owned] = (await api.careCase(page, caseId)).action_items.filter(
    (a) => a.description === actionItem,
  );
  expect(owned?.owner_user_id).not.toBeNull();
  await mainNav(page).getByRole('link', { name: 'Zorg', exact: true }).click();
  await page.getByRole('link', { name: 'Wat staat er open', exact: true }).click();
  await expectHeading(page, 'Wat staat er open in de zorg');
  await page.getByRole('checkbox', { name: 'Alleen van mij' }).check();
  const mine = region(page, 'Wat moet er gebeuren')
    .getByRole('listitem')
    .filter({ hasText: actionItem });
  await expect(mine).toContainText('bij Peter van den Berg');
  await expect(mine).toContainText('voor jou');

  // -- The SWV arrangement: consent, request with documented efforts, decision, end ----------
  await mine.getByRole('link', { name: JENS }).click();
  await expect(page).toHaveURL(caseUrl);
  await expectState(page, 'Plan van aanpak ZAT');
  await expect(region(page, 'Actiepunten')).toContainText(actionItem);
  const swvStep = 'Arrangement aanvragen bij het samenwerkingsverband';
  await expect(stepButton(page, swvStep)).toHaveAccessibleDescription(
    /De toestemming is vastgelegd \(delen met het samenwerkingsverband\)/,
  );
  await recordConsent(page, 'delen met het samenwerkingsverband');
  await stepButton(page, swvStep).click();
  const request = page.getByRole('dialog', { name: swvStep });
  await request
    .getByRole('combobox', { name: 'Soort arrangement' })
    .selectOption({ label: 'Ambulante begeleiding' });
  await request
    .getByRole('textbox', { name: /^Doelen en activiteiten/ })
    .fill(
      'Jens herkent zijn boosheid en gebruikt zijn time-out: na tien weken nog één keer per maand.',
    );
  await request.getByRole('button', { name: 'Inspanning toevoegen' }).click();
  await request
    .getByRole('textbox', { name: 'Inspanning 1' })
    .fill('Time-outkaart en mentorgesprekken');
  await request.getByRole('textbox', { name: 'Wanneer' }).fill('oktober - november');
  await request
    .getByRole('textbox', { name: 'Resultaat' })
    .fill('Helpt in de les, niet in de pauzes');
  await request.getByLabel(/^Gewenste start/).fill(day(28));
  await request.getByRole('button', { name: swvStep }).click();
  await expect(request).toBeHidden();
  await expectState(page, 'Arrangement samenwerkingsverband');
  const swv = region(page, 'Samenwerkingsverband');
  await expect(swv).toContainText('Ambulante begeleiding');
  await expect(swv).toContainText('in behandeling');
  await expect(swv).toContainText('Time-outkaart en mentorgesprekken (oktober - november)');
  await swv.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await swv.getByRole('combobox', { name: 'Besluit' }).selectOption({ label: 'toegekend' });
  await swv.getByLabel('Start', { exact: true }).fill(day(21));
  await swv.getByRole('button', { name: 'Besluit opslaan' }).click();
  await expect(swv.getByRole('button', { name: 'Besluit opslaan' })).toBeHidden();
  await expect(swv).toContainText('toegekend');
  await expectAccessible(page);

  // -- "Arrangement afgerond", then the closure with the final evaluation ---------------------
  await takeStep(page, 'Arrangement afgerond: evalueren in het ZAT', 'Evaluatie in ZAT');
  await stepButton(page, 'Afsluiten').click();
  const closure = page.getByRole('dialog', { name: 'Afsluiten' });
  await closure
    .getByRole('checkbox', { name: 'De eindevaluatie is besproken met de leerling' })
    .check();
  await closure
    .getByRole('checkbox', { name: 'De eindevaluatie is besproken met de ouders' })
    .check();
  await closure
    .getByRole('combobox', { name: 'Uitkomst' })
    .selectOption({ label: 'Doelen bereikt' });
  await closure
    .getByRole('textbox', { name: /^Eindevaluatie/ })
    .fill('Jens herkent zijn boosheid en neemt op tijd een time-out; thuis is het rustiger.');
  await closure
    .getByRole('textbox', { name: /^Nazorg/ })
    .fill('De mentor vraagt elke maand hoe het gaat.');
  await closure.getByRole('button', { name: 'Casus afsluiten' }).click();
  await expect(closure).toBeHidden();
  await expectState(page, 'Afgesloten');
  await expect(main(page)).toContainText('Deze casus is afgesloten.');
  expect((await api.careCase(page, caseId)).closed_at).not.toBeNull();
  await expectAccessible(page);
});

test('PO: the teacher registers a Groep 5 student, the IB’er discusses and closes the case', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // -- The group teacher opens the case on the route's entry and submits it -------------------
  await login(page, 'leerkracht');
  await expectHeading(page, 'Mijn groepen');
  const school = await api.schoolId(page, REGENBOOG.brin, REGENBOOG.vestiging);
  const groep5 = (await api.groups(page, school)).find((g) => g.name === 'Groep 5');
  if (!groep5) throw new Error('the demo data has no Groep 5 at De Regenboog');
  const [student] = await api.studentsOfGroup(page, school, groep5.id);
  if (!student) throw new Error('Groep 5 has no students');
  const name = api.fullName(student);

  await mainNav(page).getByRole('link', { name: 'Zorg', exact: true }).click();
  await expectHeading(page, 'Zorgbord');
  await expect(main(page)).toContainText('Casussen in 1-zorgroute PO');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  const open = page.getByRole('dialog', { name: 'Nieuwe casus' });
  await open.getByRole('searchbox', { name: 'Zoek de leerling op naam' }).fill(student.family_name);
  await open.getByRole('button', { name: `${name} kiezen` }).click();
  await expect(open).toContainText(`Leerling: ${name}`);
  await expect(open.getByRole('combobox', { name: 'Hoe start de casus?' })).toHaveValue(
    'open_leerlingbespreking',
  );
  await open
    .getByRole('textbox', { name: /^Aanleiding/ })
    .fill('Groepsbespreking: de rekenachterstand groeit ondanks de verlengde instructie.');
  await open.getByRole('button', { name: 'Casus openen' }).click();
  await expect(page).toHaveURL(/\/casussen\/[^/]+$/);
  await expectHeading(page, `Zorgtraject van ${name}`);
  const caseUrl = new URL(page.url()).pathname;
  await expectState(page, 'Aanmelding leerlingbespreking');

  await saveCaseFile(
    page,
    {
      'Hulpvraag van de leerling': 'Help mij om de tafels te onthouden.',
      'Begeleidingsvraag van de mentor en/of docenten':
        'Hoe kan ik deze leerling helpen de rekenachterstand in te lopen?',
    },
    { 'Bij de leerling': 'Werkt hard, vraagt om hulp' },
  );
  await saveRegistration(
    page,
    'Aanmelding intern zorgoverleg (IZO)',
    'Rekenen blijft op E-niveau ondanks verlengde instructie; de tafels zitten er niet in.',
    ['Begeleiding van de leerling'],
  );
  await recordConversation(
    page,
    'de ouders',
    'Intern zorgoverleg (IZO)',
    'Ouders oefenen thuis de tafels en vinden een bespreking met de IB’er goed.',
  );
  await recordConsent(page, 'bespreken in het zorgteam');
  await takeStep(page, "Aanmelding indienen bij de IB'er", "Aangemeld bij de IB'er");
  await expectAccessible(page);
  await logout(page);

  // -- The IB'er screens it and records the leerlingbespreking -------------------------------
  await login(page, 'ib');
  await mainNav(page).getByRole('link', { name: 'Zorg', exact: true }).click();
  await expectHeading(page, 'Zorgbord');
  await page
    .getByRole('region', { name: /^Aangemeld bij de IB'er/ })
    .getByRole('link', { name })
    .click();
  await expect(page).toHaveURL(caseUrl);
  await screenAccept(page, 'Geagendeerd in leerlingbespreking');
  await page.getByRole('link', { name: 'Naar het zorgbord' }).click();
  await expectHeading(page, 'Zorgbord');
  const title = 'Leerlingbespreking groep 5 (e2e)';
  await planMeeting(page, 'Leerlingbespreking', title, 'Fatima El Amrani');
  await putOnAgenda(page, name, 'Groep 5');
  const minutes = page.getByRole('form', { name: `Verslag van ${name}` });
  await minutes
    .getByRole('textbox', { name: 'Analyse van het probleem' })
    .fill('Automatiseren lukt niet; begrip van de bewerkingen is er wel.');
  await minutes
    .getByRole('textbox', { name: 'Aanbod in de groep' })
    .fill('Dagelijks vijf minuten tafels oefenen met een maatje.');
  await minutes.getByRole('textbox', { name: /^Besluiten/ }).fill('Tafels oefenen met een maatje');
  await minutes.getByLabel('Evaluatiedatum', { exact: true }).fill(day(28));
  await minutes
    .getByRole('combobox', { name: 'Daarna in de zorgroute' })
    .selectOption({ label: 'Afspraken leerlingbespreking vastleggen' });
  await minutes
    .getByRole('button', { name: 'Verslag opslaan en “Afspraken leerlingbespreking vastleggen”' })
    .click();
  await expect(minutes.getByRole('status')).toHaveText(
    'Het verslag is opgeslagen en de stap “Afspraken leerlingbespreking vastleggen” is gezet.',
  );
  await page.getByRole('button', { name: 'Overleg is gehouden' }).click();
  await expect(main(page)).toContainText('gehouden');
  await expectAccessible(page);

  // -- Evaluate and close ------------------------------------------------------------------
  await region(page, 'Agenda').getByRole('link', { name }).click();
  await expect(page).toHaveURL(caseUrl);
  await expectState(page, 'Afspraken leerlingbespreking');
  await takeStep(page, 'Evalueren', 'Evaluatie leerlingbespreking');
  await stepButton(page, 'Afsluiten').click();
  const closure = page.getByRole('dialog', { name: 'Afsluiten' });
  await closure
    .getByRole('checkbox', { name: 'De eindevaluatie is besproken met de leerling' })
    .check();
  await closure
    .getByRole('checkbox', { name: 'De eindevaluatie is besproken met de ouders' })
    .check();
  await closure
    .getByRole('textbox', { name: /^Eindevaluatie/ })
    .fill('De tafels tot en met 10 zitten erin; verder in het groepsplan.');
  await closure.getByRole('button', { name: 'Casus afsluiten' }).click();
  await expect(closure).toBeHidden();
  await expectState(page, 'Afgesloten');
  await logout(page);

  // -- The teacher was a member (picked as a colleague): the meeting is theirs to read -------
  await login(page, 'leerkracht');
  await mainNav(page).getByRole('link', { name: 'Zorg', exact: true }).click();
  await page.getByRole('link', { name: 'Zorgoverleggen', exact: true }).click();
  await expectHeading(page, 'Zorgoverleggen');
  await expect(page.getByRole('button', { name: 'Nieuw overleg' })).toHaveCount(0);
  await page.getByRole('link', { name: title }).click();
  await expectHeading(page, title);
  await expect(main(page)).toContainText('Je leest dit overleg.');
  await expect(region(page, 'Agenda')).toContainText('Tafels oefenen met een maatje');
  await expectAccessible(page);
});

test('"Wat staat er open in de zorg" marks what is overdue in words', async ({ page }) => {
  await login(page, 'zorgcoordinator');
  const lyceum = await api.schoolId(page, LYCEUM.brin, LYCEUM.vestiging);
  const schools = page.getByRole('combobox', { name: 'School' });
  if ((await schools.inputValue()) !== lyceum) await schools.selectOption(lyceum);
  await mainNav(page).getByRole('link', { name: 'Zorg', exact: true }).click();
  await expectHeading(page, 'Zorgbord');
  await page.getByRole('link', { name: 'Wat staat er open' }).click();
  await expectHeading(page, 'Wat staat er open in de zorg');

  const { items } = await api.careDeadlines(page, lyceum);
  const overdue = items.filter((i) => i.overdue);
  // The demo data: the 1A case guided by the IZO has its evaluation and an action item overdue.
  expect(overdue.map((i) => i.kind)).toEqual(
    expect.arrayContaining(['case_evaluation', 'action_item']),
  );
  const list = region(page, 'Wat moet er gebeuren').getByRole('listitem');
  await expect(list).toHaveCount(items.length);
  for (const [i, item] of overdue.entries()) {
    // Overdue first, each saying how late it is.
    const late = `${item.days_overdue} ${item.days_overdue === 1 ? 'dag' : 'dagen'} te laat`;
    await expect(list.nth(i)).toContainText(item.student_name);
    await expect(list.nth(i)).toContainText(late);
  }
  for (const [i, item] of items.entries())
    if (!item.overdue) await expect(list.nth(i)).not.toContainText('te laat');
  await expect(list.filter({ hasText: 'Casus evalueren' }).first()).toContainText('te laat');
  await expectAccessible(page);
});
